"""Loading our YAML files (the spec, its translations, locale strings): plain data through the fast loader
(plain_yaml.py), positions for findings from libyaml's events (positions.py), and ruamel.yaml's round-trip tree,
built only when `--apply` or `curate` rewrites the file, which is then written back in its own style."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.composer import Composer, ComposerError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionStartEvent
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode
from ruamel.yaml.reader import ReaderError

from generator.errors import CodegenError, read_utf8
from generator.spec.plain_yaml import FastLoaderRefused, load_plain_text
from generator.spec.pointers import Pointer
from generator.spec.positions import Inner, position_at, positions_from_events, positions_from_tree
from generator.spec.yaml_limits import (
    HINTS,
    ExpansionBudget,
    depth_problem,
    integer_problem,
    recursive_alias,
    unacceptable_character,
)

_INT_TAG = "tag:yaml.org,2002:int"
_YAML_11_BREAKS = "\x85\u2028\u2029"


@dataclass(frozen=True)
class Spec:
    path: Path
    text: str
    data: dict[str, Any]  # the document as plain JSON-compatible values
    fast: bool = True  # read by the fast loader; else by ruamel.yaml (merge keys, a YAML 1.1 document)

    @cached_property
    def tree(self) -> CommentedMap:
        """The round-trip tree (comments and style), built on first use: ruamel.yaml's pure-Python loader
        takes a quarter of a second for our spec, and only rewriting the file needs it."""
        tree: CommentedMap = round_trip_yaml().load(self.text)
        return tree

    @cached_property
    def _positions(self) -> Inner:
        # libyaml also breaks lines at U+0085, U+2028 and U+2029 (YAML 1.1); editors and ruamel.yaml do not.
        if self.fast and not any(character in self.text for character in _YAML_11_BREAKS):
            return positions_from_events(self.text)
        return positions_from_tree(self.tree)

    def position_of(self, pointer: Pointer) -> tuple[int, int]:
        """1-based (line, column) of the node at `pointer`: the key of a mapping entry, the start of a list
        item. Where the pointer leaves the document, the deepest node on its way that exists."""
        return position_at(self._positions, pointer)


# A symptom in ruamel.yaml's problem or context text -> how to fix it; the first match wins. `{opened}` is
# the line ruamel names as the context (where the unclosed bracket, quote or key began).
_YAML_HINTS = {
    "'\\t'": "indent with spaces: YAML does not allow tabs there",
    "duplicate key": "a key may appear only once in a mapping: merge the two entries",
    "expected ',' or ']'": "close the [ opened on line {opened}, or quote the value if it contains ':'",
    "expected ',' or '}'": "close the { opened on line {opened}, or quote the value if it contains ':'",
    "mapping values are not allowed here": "quote the value if it contains ': ', or indent it under its key",
    "that cannot start any token": "quote the value: a plain YAML value cannot start with this character",
    "found undefined alias": "define the anchor (&name) before the alias (*name), or quote the value if * is text",
    "while scanning a quoted scalar": "close the quote opened on line {opened}",
    "unknown escape character": "in double quotes write a backslash as \\\\, or use single quotes",
    "expected <block end>": "indent this line like the other entries of its mapping or list, or under its key",
    "could not find expected ':'": "write ': ' after the key on line {opened}, or quote its value",
    **HINTS,
}


def load_spec(path: Path) -> Spec:
    return load_yaml_mapping(path, "spec", "an OpenAPI document")


def load_yaml_mapping(path: Path, what: str, expected: str) -> Spec:
    """A YAML file whose top level is a mapping (`what` and `expected` name it in error messages)."""
    text = read_utf8(path, what)
    fast = True
    try:
        data = load_plain_text(text, path)
    except FastLoaderRefused:
        # The round-trip loader names the problem with its hints, or reads what the fast loader refuses.
        data, fast = _plain(_round_trip_load(text, path)), False
    if not isinstance(data, dict):
        raise CodegenError(f"the {what} must be a YAML mapping ({expected})", path, 1)
    return Spec(path=path, text=text, data=_plain(data), fast=fast)


def _round_trip_load(text: str, path: Path) -> Any:
    """ruamel.yaml's round-trip tree of `text`, its problems turned into one-line errors with hints."""
    try:
        return round_trip_yaml().load(text)
    except ReaderError as err:
        raise unacceptable_character(err.position, err.character, err.reason, text, path) from None
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        problem = err.problem or err.context or "invalid YAML"
        opened = unclosed_quote_line(text.splitlines()[: line or 0])
        hint = f"close the quote opened on line {opened}" if opened else _yaml_hint(err)
        raise CodegenError(f"YAML: {problem}", path, line, column, hint) from err
    except YAMLError as err:
        raise CodegenError(f"YAML: {err}", path) from err


# A value that opens a quote it does not close on its line: YAML reads on to the next quote, so the lines in
# between (keys included) become part of the text, and the error shows lines later.
_OPEN_QUOTE = re.compile(r"""^\s*(?:-\s+)?[^\s#'"][^:#]*:\s+(?P<quote>['"])(?P<rest>.*)$""")


def open_quote(line: str) -> int | None:
    """The 1-based column of a quote that `line` opens for its value and does not close, or None."""
    match = _OPEN_QUOTE.match(line)
    if match is None:
        return None
    rest = match["rest"]
    closed = "'" in rest.replace("''", "") if match["quote"] == "'" else re.search(r'(?<!\\)"', rest) is not None
    return None if closed else match.start("quote") + 1


def unclosed_quote_line(lines: list[str]) -> int | None:
    """The 1-based number of the last of `lines` that opens a quote it does not close."""
    return next((number for number in range(len(lines), 0, -1) if open_quote(lines[number - 1])), None)


def _yaml_hint(err: MarkedYAMLError) -> str | None:
    symptoms = f"{err.problem} {err.context}"
    hint = next((hint for symptom, hint in _YAML_HINTS.items() if symptom in symptoms), None)
    if hint is None or "{opened}" not in hint:
        return hint
    # replace(), not format(): a hint may name a brace ("close the { opened on line ...").
    return hint.replace("{opened}", str(err.context_mark.line + 1)) if err.context_mark is not None else None


class _BoundedComposer(Composer):
    """ruamel.yaml's composer within the bounds of yaml_limits.py: how deep mappings and sequences nest (an alias
    counts with the depth of its node) and how far aliases expand the document. The tree keeps each aliased node
    once; the bound matters to everything that walks it as plain data."""

    def compose_document(self) -> Any:
        self.warn_double_anchors = False  # YAML allows an anchor to be defined again; the fast loader agrees
        self._budget = ExpansionBudget()
        self._measured: dict[int, tuple[int, int]] = {}  # id(node) -> (size, height)
        self._open_collections = 0
        return super().compose_document()

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        self._budget.written += 1
        if isinstance(event, AliasEvent) and event.anchor in self.anchors:
            self._check_alias(event, self.anchors[event.anchor])
            return super().compose_node(parent, index)
        opens = isinstance(event, CollectionStartEvent)
        self._open_collections += opens
        problem = depth_problem(self._open_collections)
        if problem:
            raise ComposerError(None, None, problem, event.start_mark)
        node = super().compose_node(parent, index)
        self._open_collections -= opens
        return node

    def compose_scalar_node(self, anchor: Any) -> Any:
        node = super().compose_scalar_node(anchor)
        problem = integer_problem(node.value) if str(node.tag) == _INT_TAG else None
        if problem:
            raise ComposerError(None, None, problem, node.start_mark)
        return node

    def _check_alias(self, event: AliasEvent, target: Node) -> None:
        if isinstance(target, (MappingNode, SequenceNode)) and target.end_mark is None:  # still open
            raise ComposerError(None, None, recursive_alias(event.anchor), event.start_mark)
        size, height = _measure(target, self._measured)
        problem = depth_problem(self._open_collections + height) or self._budget.expand(event.anchor, size)
        if problem:
            raise ComposerError(None, None, problem, event.start_mark)


def _measure(root: Node, measured: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """(nodes, levels of mappings and sequences) of `root` with its aliases expanded; iterative, memoised."""
    pending: list[tuple[Node, bool]] = [(root, False)]
    while pending:
        node, children_done = pending.pop()
        if id(node) in measured:
            continue
        children = _children(node)
        if not children_done and children:
            pending.append((node, True))
            pending.extend((child, False) for child in children if id(child) not in measured)
            continue
        sizes = [measured[id(child)] for child in children]
        height = 1 + max((h for _, h in sizes), default=0) if isinstance(node, (MappingNode, SequenceNode)) else 0
        measured[id(node)] = (1 + sum(size for size, _ in sizes), height)
    return measured[id(root)]


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def round_trip_yaml() -> YAML:
    """ruamel.yaml set up so that loading and dumping spec/streams.yaml unchanged gives the same bytes:
    sequences flush with their key, quotes as written, long lines never folded; and within the bounds of
    yaml_limits.py."""
    yaml = YAML(typ="rt")
    yaml.Composer = _BoundedComposer
    yaml.preserve_quotes = True
    yaml.width = 1_000_000_000
    yaml.indent(mapping=2, sequence=2, offset=0)
    return yaml


def dump_spec(tree: CommentedMap) -> str:
    stream = io.StringIO()
    round_trip_yaml().dump(tree, stream)
    return stream.getvalue()


def _plain(node: Any) -> Any:
    """ruamel's round-trip types, turned into plain dicts/lists/scalars through JSON."""
    return json.loads(json.dumps(node, default=str))
