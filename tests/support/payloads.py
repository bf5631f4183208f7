"""Hypothesis strategies for valid JSON payloads of the spec's schemas (a helper module, not a test file).

    payloads("StreamsTenant", REQUEST)   # what a client may send: no readOnly properties
    payloads("StreamsTenant", RESPONSE)  # what Atlas may answer: no writeOnly properties

Built here from spec/streams.yaml rather than with hypothesis-jsonschema, which does not run on current
Hypothesis and knows neither OpenAPI's nullable nor its discriminators. A discriminated oneOf yields each
mapped subtype with its discriminator value set (a value the subtype's own enum refuses is skipped: no
valid payload has it). Only the keywords the spec uses are understood; any other raises, so a spec change
cannot quietly make the payloads less thorough.
"""

from __future__ import annotations

import functools
import json
from functools import cache
from typing import Any, Literal

from hypothesis import strategies as st

from generator.spec.loading import load_spec
from generator.spec.pointers import resolve_pointer
from support import SPEC_PATH

Direction = Literal["request", "response"]
REQUEST: Direction = "request"
RESPONSE: Direction = "response"

# Keywords that say nothing about which values are valid.
_ANNOTATIONS = {"description", "example", "title", "externalDocs", "deprecated", "default", "x-codegen-split-from"}
_UNDERSTOOD = _ANNOTATIONS | {
    "$ref",
    "type",
    "enum",
    "pattern",
    "format",
    "nullable",
    "readOnly",
    "writeOnly",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "maxItems",
    "uniqueItems",
    "allOf",
    "oneOf",
    "discriminator",
}
_MAX_ITEMS = 3  # enough to see lists and maps with several entries, small enough to keep examples fast


def payloads(schema_name: str, direction: Direction) -> st.SearchStrategy[Any]:
    return _strategy(f"#/components/schemas/{schema_name}", direction)


@cache
def _spec() -> dict[str, Any]:
    return load_spec(SPEC_PATH).data


@cache
def _strategy(ref: str, direction: Direction) -> st.SearchStrategy[Any]:
    return _for(resolve_pointer(_spec(), ref), direction)


def _for(schema: dict[str, Any], direction: Direction) -> st.SearchStrategy[Any]:
    # x-codegen-* extensions are ours (split markers, upstream's corrected values), no constraint.
    unknown = {key for key in schema if not key.startswith("x-codegen-")} - _UNDERSTOOD
    if unknown:
        raise ValueError(f"payloads.py does not understand {sorted(unknown)} in {schema}")
    if "$ref" in schema:
        return _strategy(schema["$ref"], direction)
    if "allOf" in schema or "properties" in schema:
        values = _object(_merged(schema), direction)
    elif "oneOf" in schema:
        values = _one_of(schema, direction)
    else:
        values = _scalar_or_collection(schema, direction)
    return st.none() | values if schema.get("nullable") else values


def _merged(schema: dict[str, Any]) -> dict[str, Any]:
    """An object schema with its allOf members folded in: all properties, all required names."""
    merged = {"properties": dict(schema.get("properties", {})), "required": list(schema.get("required", []))}
    for member in schema.get("allOf", []):
        member = _merged(_resolved(member))
        merged["properties"] |= member["properties"]
        merged["required"] += member["required"]
    return merged


def _object(schema: dict[str, Any], direction: Direction) -> st.SearchStrategy[dict[str, Any]]:
    hidden = "readOnly" if direction == REQUEST else "writeOnly"
    properties = {
        name: _for(prop, direction)
        for name, prop in schema["properties"].items()
        if not (prop.get(hidden) or _resolved(prop).get(hidden))
    }
    required = {name: values for name, values in properties.items() if name in schema["required"]}
    optional = {name: values for name, values in properties.items() if name not in required}
    return st.fixed_dictionaries(required, optional=optional)


def _one_of(schema: dict[str, Any], direction: Direction) -> st.SearchStrategy[Any]:
    discriminator = schema.get("discriminator")
    if discriminator is None:
        return st.one_of([_for(member, direction) for member in schema["oneOf"]])
    name = discriminator["propertyName"]
    subtypes = []
    for value, ref in sorted(discriminator["mapping"].items()):
        subtype = _merged(_resolved({"$ref": ref}))
        if value in _resolved(subtype["properties"].get(name, {})).get("enum", [value]):
            subtypes.append(_object(subtype, direction).map(functools.partial(_with_key, name, value)))
    return st.one_of(subtypes)


def _scalar_or_collection(schema: dict[str, Any], direction: Direction) -> st.SearchStrategy[Any]:
    kind = schema.get("type")
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if kind == "string":
        if "pattern" in schema:
            return st.from_regex(schema["pattern"], fullmatch=True)
        if schema.get("format") == "uri":
            return st.from_regex(r"https://[a-z]{1,10}\.example(:[1-9][0-9]{0,3})?/[a-z0-9/]{0,12}", fullmatch=True)
        return st.text(max_size=20)
    if kind == "integer":
        return st.integers(-(2**31), 2**31 - 1)
    if kind == "boolean":
        return st.booleans()
    if kind == "array":
        return st.lists(
            _for(schema.get("items", {}), direction),
            max_size=min(schema.get("maxItems", _MAX_ITEMS), _MAX_ITEMS),
            unique_by=(lambda item: json.dumps(item, sort_keys=True)) if schema.get("uniqueItems") else None,
        )
    if kind == "object" and isinstance(schema.get("additionalProperties"), dict):
        return st.dictionaries(
            st.text(min_size=1, max_size=12), _for(schema["additionalProperties"], direction), max_size=_MAX_ITEMS
        )
    if kind == "object":
        return st.fixed_dictionaries({})
    raise ValueError(f"payloads.py cannot generate values of {schema}")


def _resolved(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = resolve_pointer(_spec(), schema["$ref"])
    return schema


def _with_key(name: str, value: Any, payload: dict[str, Any]) -> dict[str, Any]:
    return payload | {name: value}
