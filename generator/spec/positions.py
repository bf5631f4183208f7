"""Where each node of a YAML file sits, for findings: a tree of positions keyed like the plain data.

libyaml's event stream gives them in a few milliseconds for our spec, where ruamel.yaml's round-trip tree takes
a quarter of a second; lint asks for positions on every finding, so that tree stays for what needs its comments
and style (`--apply`, `curate`). A file the fast loader refuses (merge keys, a YAML 1.1 document) is placed
through ruamel.yaml instead, with the same lookup.

Keys are placed as the plain data spells them: a key YAML reads as a number or boolean (`200:`, `true:`) under
its JSON text ("200", "true"), so a pointer built from the data finds it. An alias shares the positions of its
anchored node, as ruamel.yaml's tree does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import yaml
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from yaml import events

from generator.spec.plain_yaml import Scalars
from generator.spec.pointers import Pointer

Inner = dict[str, "Placed"] | list["Placed"] | None


@dataclass(frozen=True, slots=True)
class Placed:
    """A mapping entry (at its key) or a sequence item (at its start), 0-based, and the positions inside it."""

    line: int
    column: int
    inner: Inner = field(default=None, compare=False)


def position_at(root: Inner, pointer: Pointer) -> tuple[int, int]:
    """1-based (line, column) of the node at `pointer`; where the pointer leaves the document, of the deepest
    node on its way that exists (the start of the file for none)."""
    position, inner = (1, 1), root
    for part in pointer:
        if isinstance(inner, dict) and isinstance(part, str) and part in inner:
            placed = inner[part]
        elif isinstance(inner, list) and isinstance(part, int) and 0 <= part < len(inner):
            placed = inner[part]
        else:
            break
        position, inner = (placed.line + 1, placed.column + 1), placed.inner
    return position


def positions_from_events(text: str) -> Inner:
    """The positions of `text`, which the fast loader has read (so it is within yaml_limits.py's bounds)."""
    parser = yaml.CSafeLoader(text)
    try:
        return _from_events(parser)
    finally:
        parser.dispose()


def _from_events(parser: yaml.CSafeLoader) -> Inner:
    value_of = Scalars().value
    anchors: dict[str, Inner] = {}
    keys: dict[str, str] = {}  # anchor -> the key an anchored scalar spells, for an alias used as a key
    # Each open collection, and in a mapping the key (with its place) that waits for its value.
    open_: list[tuple[dict[str, Placed] | list[Placed], tuple[str, int, int] | None]] = []
    root: Inner = None
    while True:
        event = parser.get_event()
        if event is None or isinstance(event, (events.DocumentEndEvent, events.StreamEndEvent)):
            return root
        if isinstance(event, events.CollectionEndEvent):
            open_.pop()
        if not isinstance(event, events.NodeEvent):
            continue
        line, column = (event.start_mark.line, event.start_mark.column) if event.start_mark else (0, 0)
        anchor = str(event.anchor) if event.anchor is not None else None
        if isinstance(event, events.ScalarEvent) and anchor:
            keys[anchor] = _json_key(value_of(event))
        if open_ and isinstance(open_[-1][0], dict) and open_[-1][1] is None:
            # A key: a scalar, or an alias of one (the fast loader has refused complex keys).
            key = _json_key(value_of(event)) if isinstance(event, events.ScalarEvent) else keys.get(anchor or "", "")
            open_[-1] = (open_[-1][0], (key, line, column))
            continue
        inner: Inner = None
        if isinstance(event, events.AliasEvent):
            inner = anchors.get(anchor or "")
        elif isinstance(event, events.CollectionStartEvent):
            inner = {} if isinstance(event, events.MappingStartEvent) else []
            if anchor:
                anchors[anchor] = inner
        if not open_:
            root = inner
        else:
            container, waiting = open_[-1]
            if isinstance(container, dict) and waiting is not None:
                container[waiting[0]] = Placed(waiting[1], waiting[2], inner)
                open_[-1] = (container, None)
            elif isinstance(container, list):
                container.append(Placed(line, column, inner))
        if isinstance(event, events.CollectionStartEvent):
            assert isinstance(inner, (dict, list))
            open_.append((inner, None))


def positions_from_tree(node: Any) -> Inner:
    """The positions of ruamel.yaml's round-trip tree."""
    if isinstance(node, CommentedMap):
        placed = node.lc.data or {}  # the mapping's own keys: merged ones (`<<: *base`) have no place of their own
        own = (key for key in node if key in placed)
        return {_json_key(key): _placed(node.lc.key(key), node[key]) for key in own}
    if isinstance(node, CommentedSeq):
        return [_placed(node.lc.item(index), item) for index, item in enumerate(node)]
    return None


def _placed(position: tuple[int, int], node: Any) -> Placed:
    return Placed(position[0], position[1], positions_from_tree(node))


def _json_key(key: Any) -> str:
    """A mapping key as the plain data (JSON) spells it."""
    return key if isinstance(key, str) else str(next(iter(json.loads(json.dumps({key: None}, default=str)))))
