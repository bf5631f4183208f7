"""JSON pointers into a spec held as plain data: the `Pointer` type, walking a document, following `$ref`
chains, and RFC 6901 escaping. Every layer names a place in a spec this way."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Pointer = tuple[str | int, ...]  # a JSON pointer as its parts: ("paths", "/x", "post")


def walk(node: Any, pointer: Pointer = ()) -> Iterator[tuple[Pointer, Any]]:
    """Every node of a plain document with its JSON pointer, parents first."""
    yield pointer, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, (*pointer, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, (*pointer, index))


def node_at(document: Any, pointer: Pointer) -> Any:
    """The node at `pointer`; KeyError or IndexError when there is none."""
    for part in pointer:
        document = document[part]
    return document


def escape(part: str | int) -> str:
    """One pointer part as RFC 6901 writes it: '~' as '~0', '/' as '~1'."""
    return str(part).replace("~", "~0").replace("/", "~1")


def json_pointer(pointer: Pointer) -> str:
    """('components', 'schemas', 'A/B') -> '/components/schemas/A~1B'."""
    return "".join("/" + escape(part) for part in pointer)


def pointer_of(ref: str) -> Pointer:
    """The parts of a local reference: '#/components/schemas/A~1B' -> ("components", "schemas", "A/B")."""
    if not ref.startswith("#/"):
        raise KeyError(ref)
    return tuple(part.replace("~1", "/").replace("~0", "~") for part in ref[2:].split("/"))


def resolve_pointer(document: dict[str, Any], ref: str) -> Any:
    """The node a local `#/a/b` reference names; KeyError when there is none."""
    try:
        return node_at(document, pointer_of(ref))
    except (KeyError, IndexError, TypeError):
        raise KeyError(ref) from None


def follow_refs(document: dict[str, Any], pointer: Pointer) -> tuple[Pointer, Any]:
    """Where the node at `pointer` really is, following its `$ref` chain, and that node; KeyError on a cycle."""
    node = node_at(document, pointer)
    seen = {pointer}
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        pointer = pointer_of(node["$ref"])
        if pointer in seen:
            raise KeyError(node["$ref"])
        seen.add(pointer)
        node = node_at(document, pointer)
    return pointer, node


def resolved(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """`node`, or what its `$ref` (chain) points at; KeyError when a reference has no target or the chain
    comes back to where it was."""
    seen: set[str] = set()
    while isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in seen:
            raise KeyError(ref)
        seen.add(ref)
        node = resolve_pointer(document, ref)
    return node
