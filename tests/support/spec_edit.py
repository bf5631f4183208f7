"""Variants of a spec built by structure: a change at a JSON pointer of the round-trip tree, written back in
the spec's own style, and the position of any node in the result. Tests build broken or changed specs this
way, never by searching the spec's text, so they keep working when the spec changes."""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.spec.loading import dump_spec, load_spec, round_trip_yaml
from generator.spec.pointers import Pointer, node_at

Edit = Callable[[CommentedMap], None]  # changes the round-trip tree in place


@lru_cache(maxsize=4)
def _tree(text: str) -> CommentedMap:
    tree: CommentedMap = round_trip_yaml().load(text)
    return tree


def edited(source: Path, target: Path, *edits: Edit) -> None:
    """Write `source` with `edits` applied (each changes the round-trip tree in place) to `target`."""
    # ruamel.yaml's loader takes ten times as long as a copy of the tree it built: the spec is parsed once.
    tree = copy.deepcopy(_tree(source.read_text(encoding="utf-8")))
    for edit in edits:
        edit(tree)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(dump_spec(tree), encoding="utf-8")


def put(pointer: Pointer, value: Any) -> Edit:
    """An edit that sets the node at `pointer` (its parent must exist) to `value`."""

    def edit(tree: CommentedMap) -> None:
        parent = node_at(tree, pointer[:-1])
        if isinstance(parent, CommentedSeq) and pointer[-1] == len(parent):
            parent.append(value)
        else:
            parent[pointer[-1]] = value

    return edit


def delete(pointer: Pointer) -> Edit:
    """An edit that removes the node at `pointer`."""

    def edit(tree: CommentedMap) -> None:
        del node_at(tree, pointer[:-1])[pointer[-1]]

    return edit


def rename(pointer: Pointer, new_key: str) -> Edit:
    """An edit that renames the mapping key at `pointer`, keeping its value and its place among its siblings."""

    def edit(tree: CommentedMap) -> None:
        parent = node_at(tree, pointer[:-1])
        index = list(parent).index(pointer[-1])
        parent.insert(index, new_key, parent.pop(pointer[-1]))

    return edit


def position_of(path: Path, pointer: Pointer) -> str:
    """'line:column' (1-based) of the node at `pointer` in the spec at `path`, as findings print it."""
    line, column = load_spec(path).position_of(pointer)
    return f"{line}:{column}"
