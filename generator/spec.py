"""Loading the curated spec: ruamel.yaml round-trip (so every node knows its line) plus the checks
that must pass before anything is generated; and writing it back byte for byte in its own style."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from generator.errors import CodegenError


@dataclass(frozen=True)
class Spec:
    path: Path
    tree: CommentedMap  # round-trip tree: comments and positions
    data: dict[str, Any]  # the same document as plain JSON-compatible values

    def line_of(self, pointer: tuple[str | int, ...]) -> int | None:
        """1-based line of the node at `pointer` (the key's line for a mapping entry)."""
        return line_of(self.tree, pointer)


def load_spec(path: Path) -> Spec:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise CodegenError(f"cannot read spec: {err.strerror}", path) from err
    try:
        tree = round_trip_yaml().load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        problem = err.problem or err.context or "invalid YAML"
        raise CodegenError(f"YAML: {problem}", path, line, column) from err
    except YAMLError as err:
        raise CodegenError(f"YAML: {err}", path) from err
    if not isinstance(tree, CommentedMap):
        raise CodegenError("the spec must be a YAML mapping (an OpenAPI document)", path, 1)
    spec = Spec(path=path, tree=tree, data=_plain(tree))
    check_refs(spec)
    return spec


def round_trip_yaml() -> YAML:
    """ruamel.yaml set up so that loading and dumping spec/streams.yaml unchanged gives the same bytes:
    sequences flush with their key, quotes as written, long lines never folded."""
    yaml = YAML(typ="rt")
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


def line_of(tree: Any, pointer: tuple[str | int, ...]) -> int | None:
    node = tree
    line: int | None = None
    for part in pointer:
        if isinstance(node, CommentedMap) and part in node:
            line = node.lc.key(part)[0] + 1
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
            line = node.lc.item(part)[0] + 1
        else:
            return line
        node = node[part]
    return line


def walk(node: Any, pointer: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every node of a plain document with its JSON pointer, parents first."""
    yield pointer, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, (*pointer, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, (*pointer, index))


def resolve_pointer(document: dict[str, Any], ref: str) -> Any:
    """The node a local `#/a/b` reference names; KeyError when there is none."""
    if not ref.startswith("#/"):
        raise KeyError(ref)
    node: Any = document
    for raw in ref[2:].split("/"):
        part = raw.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            raise KeyError(ref)
        node = node[part]
    return node


def resolved(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """`node`, or what its `$ref` (chain) points at; KeyError when a reference has no target."""
    while isinstance(node.get("$ref"), str):
        node = resolve_pointer(document, node["$ref"])
    return node


def check_refs(spec: Spec) -> None:
    for pointer, node in walk(spec.data):
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            try:
                resolve_pointer(spec.data, ref)
            except KeyError:
                raise CodegenError(
                    f"unresolved $ref {ref!r}",
                    spec.path,
                    spec.line_of((*pointer, "$ref")),
                    hint="only local '#/components/...' references to existing entries are allowed",
                ) from None
