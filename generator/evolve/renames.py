"""Changes of the Python names users' code spells, for the change report: a property, parameter or enum value
that keeps its name in the spec can still change its name in Python, when another one arrives that would share it
(`group_id` next to `groupId`), or when the generator renames it (generator/spec/python_naming.py). Code using the
old name breaks, so each is breaking."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.spec.pointers import Pointer, escape, json_pointer, resolved, walk
from generator.spec.python_naming import argument_names, attribute_names, enum_member_names, model_properties
from generator.spec.vocabulary import OperationKey, is_data

Node = dict[str, Any]
Rename = tuple[str, str, str, str]  # kind, subject, detail, JSON pointer (the new side's)


def python_name_changes(old: Node, new: Node, pairs: list[tuple[OperationKey, OperationKey]]) -> Iterator[Rename]:
    """Every Python name that changed for a thing both specs have; `pairs`: (old, new) keys of each operation."""
    yield from _attribute_changes(old, new)
    yield from _enum_member_changes(old, new)
    for old_key, new_key in pairs:
        yield from _argument_changes(old, new, old_key, new_key)


def _attribute_changes(old: Node, new: Node) -> Iterator[Rename]:
    old_schemas, new_schemas = _schemas(old), _schemas(new)
    for name in [name for name in new_schemas if name in old_schemas]:
        at: Pointer = ("components", "schemas", name)
        for json_name, before, after in _renamed(_attributes(old, at), _attributes(new, at)):
            yield (
                "attribute-renamed",
                f"{name}.{json_name}",
                f"Python attribute {before} -> {after}",
                json_pointer((*at, "properties", json_name)),
            )


def _attributes(document: Node, at: Pointer) -> dict[str, str]:
    return attribute_names([json_name for json_name, _ in model_properties(document, at)]).attributes


def _enum_member_changes(old: Node, new: Node) -> Iterator[Rename]:
    old_enums = dict(_enums(old))
    for pointer, values in _enums(new):
        before = old_enums.get(pointer)
        if before is None:
            continue
        old_names = dict(zip(map(repr, before), enum_member_names(before), strict=True))
        for value, member in zip(values, enum_member_names(values), strict=True):
            if old_names.get(repr(value), member) != member:
                yield (
                    "enum-member-renamed",
                    _subject(pointer),
                    f"value {value!r}: member {old_names[repr(value)]} -> {member}",
                    json_pointer((*pointer, "enum")),
                )


def _enums(document: Node) -> Iterator[tuple[Pointer, list[Any]]]:
    for pointer, node in walk(_schemas(document), ("components", "schemas")):
        if isinstance(node, dict) and isinstance(node.get("enum"), list) and not is_data(pointer):
            yield pointer, node["enum"]


def _argument_changes(old: Node, new: Node, old_key: OperationKey, new_key: OperationKey) -> Iterator[Rename]:
    for (location, name), before, after in _renamed(_arguments(old, old_key), _arguments(new, new_key)):
        yield (
            "argument-renamed",
            f"parameter {name} ({location})",
            f"Python argument {before} -> {after}",
            json_pointer(new_key.pointer) + "/parameters",
        )


def _renamed(before: dict[Any, str], after: dict[Any, str]) -> Iterator[tuple[Any, str, str]]:
    """(key, old name, new name) of each key both have under different names."""
    for key, name in after.items():
        if key in before and before[key] != name:
            yield key, before[key], name


def _arguments(document: Node, key: OperationKey) -> dict[tuple[str, str], str]:
    path_item = document["paths"][key.path]
    written = [*path_item.get("parameters", []), *path_item[key.method].get("parameters", [])]
    parameters = [resolved(document, parameter) for parameter in written]
    return argument_names((str(p.get("in", "")), str(p.get("name", ""))) for p in parameters)


def _schemas(document: Node) -> Node:
    schemas: Node = document.get("components", {}).get("schemas", {})
    return schemas


def _subject(pointer: Pointer) -> str:
    """`StreamConfig.tier` for ("components", "schemas", "StreamConfig", "properties", "tier")."""
    return ".".join(escape(part) for part in pointer[2:] if part != "properties")
