"""The one structural change our curated spec makes to upstream's: the split that breaks allOf cycles.

Upstream, a polymorphic parent P lists its subtypes in `oneOf` (with a discriminator) and also holds the
shared `properties`/`required`, while each subtype's `allOf` starts with `$ref: P`: a cycle the
generator cannot model. In spec/streams.yaml those shared keys live in a split-out base B marked
`x-codegen-split-from: P`; subtypes extend B instead, and a subtype whose `allOf` would then hold only
that `$ref` gets an empty padding member so the generator keeps a class of its own for it.

`undo_split` turns our layout back into upstream's (for comparing facts); `redo_split` turns upstream's
into ours (for writing upstream facts into our spec), for the bases our spec declares and a new base
`<Parent>Base` for each cycle upstream has that our spec does not split yet (`bases_to_apply`).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from generator.errors import CodegenError
from generator.spec.pointers import walk
from generator.spec.vocabulary import SCHEMA_PREFIX, SPLIT_FROM, schema_ref

# Keys of P that move to B.
MOVED_KEYS = ("properties", "required")
# allOf member that keeps a subtype from being collapsed into its base.
PADDING_MEMBER: dict[str, Any] = {"properties": {}, "type": "object"}
# Keys a split-out base may carry; any other would be a fact that undo_split silently dropped.
BASE_KEYS = {"description", *MOVED_KEYS, "type", SPLIT_FROM}


def split_bases(data: dict[str, Any]) -> dict[str, str]:
    """Split-out base -> the parent it was split from."""
    schemas = data.get("components", {}).get("schemas", {})
    return {name: body[SPLIT_FROM] for name, body in schemas.items() if SPLIT_FROM in body}


def cycle_parents(data: dict[str, Any]) -> list[str]:
    """Schemas with a oneOf subtype whose allOf points back at them."""
    schemas = data.get("components", {}).get("schemas", {})
    return [
        name
        for name, body in schemas.items()
        if any(
            schema_ref(name)
            in schemas.get(str(member.get("$ref", "")).removeprefix(SCHEMA_PREFIX), {}).get("allOf", [])
            for member in body.get("oneOf", [])
        )
    ]


def bases_to_apply(ours: dict[str, Any], upstream: dict[str, Any]) -> dict[str, str]:
    """Base -> parent for putting `upstream` into our layout: our spec's split, plus new cycles."""
    bases = split_bases(ours)
    split_parents = set(bases.values())
    for parent in cycle_parents(upstream):
        if parent not in split_parents:
            bases[f"{parent}Base"] = parent
    return bases


def undo_split(data: dict[str, Any], origin: Path | None = None) -> dict[str, Any]:
    """A copy of `data` in upstream's layout: each base's keys back in its parent, subtypes' `allOf`
    pointing at the parent again, padding members dropped, bases deleted."""
    doc = copy.deepcopy(data)
    schemas = doc.get("components", {}).get("schemas", {})
    for base_name, parent_name in split_bases(doc).items():
        base = schemas.pop(base_name)
        extra = sorted(set(base) - BASE_KEYS)
        if extra:
            raise _error(f"split-out base {base_name} carries {', '.join(extra)}", origin, "move them to the parent")
        if base.get("type") != "object" or parent_name not in schemas:
            raise _error(f"split-out base {base_name} must be type: object and name an existing schema", origin)
        parent = schemas[parent_name]
        for key in MOVED_KEYS:
            if key in base:
                if key in parent:
                    raise _error(f"{parent_name} has {key} although {base_name} holds them", origin)
                parent[key] = base[key]
        base_ref, parent_ref = schema_ref(base_name), schema_ref(parent_name)
        for body in schemas.values():
            members = body.get("allOf")
            if members and base_ref in members:
                body["allOf"] = [parent_ref if m == base_ref else m for m in members if m != PADDING_MEMBER]
        if any(isinstance(node, dict) and node.get("$ref") == base_ref["$ref"] for _, node in walk(doc)):
            raise _error(f"{base_ref['$ref']} is referenced outside an allOf", origin, "refer to the parent")
    return doc


def redo_split(data: dict[str, Any], bases: dict[str, str]) -> dict[str, Any]:
    """A copy of upstream's `data` in our layout, for the bases (base -> parent) our spec declares."""
    doc = copy.deepcopy(data)
    schemas = doc.get("components", {}).get("schemas", {})
    for base_name, parent_name in bases.items():
        parent = schemas.get(parent_name)
        if parent is None:
            continue
        base = {key: parent.pop(key) for key in MOVED_KEYS if key in parent}
        _put_after(schemas, parent_name, base_name, {**base, "type": "object", SPLIT_FROM: parent_name})
        base_ref, parent_ref = schema_ref(base_name), schema_ref(parent_name)
        for body in schemas.values():
            members = body.get("allOf")
            if members and parent_ref in members:
                members = [base_ref if m == parent_ref else m for m in members]
                body["allOf"] = members + [copy.deepcopy(PADDING_MEMBER)] if members == [base_ref] else members
    return doc


def _put_after(mapping: dict[str, Any], anchor: str, key: str, value: Any) -> None:
    """Insert `key` right after `anchor`, where spec/streams.yaml keeps a base (names sort that way)."""
    items = list(mapping.items())
    position = [k for k, _ in items].index(anchor) + 1
    mapping.clear()
    mapping.update([*items[:position], (key, value), *items[position:]])


def _error(message: str, origin: Path | None, hint: str | None = None) -> CodegenError:
    return CodegenError(message, origin, hint=hint)
