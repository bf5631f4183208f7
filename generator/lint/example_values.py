"""Every `example`, `examples` value and schema `default` of the spec, validated against its schema.

Validation follows OpenAPI 3.0 semantics (nullable, discriminator) through openapi-schema-validator, in
the context where the value travels: a request body example may not carry readOnly properties
(OAS30WriteValidator), a response example may not carry writeOnly ones (OAS30ReadValidator); examples of
parameters, headers and schemas are checked without a direction. Each violation is named by its JSON
path inside the value and reported at the line of the offending value.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from openapi_schema_validator import OAS30ReadValidator, OAS30Validator, OAS30WriteValidator
from referencing import Registry
from referencing.jsonschema import DRAFT4

from generator.errors import Finding
from generator.lint.schema_errors import explain, json_path
from generator.spec.loading import Spec
from generator.spec.pointers import Pointer, escape, node_at, resolved

# The spec is registered under this URI, so that a value's schema is `{"$ref": URI#/pointer}` and the
# `#/components/...` references inside it resolve against the whole document.
_SPEC_URI = "urn:streams-codegen:spec"
_SUBSCHEMA_KEYWORDS = ("allOf", "oneOf", "anyOf")


@dataclass(frozen=True)
class _Direction:
    label: str  # how messages name a value in this context
    validator: Any  # an openapi-schema-validator class
    forbidden: str | None  # the keyword a value may not carry here
    reason: str | None


_REQUEST = _Direction("request example", OAS30WriteValidator, "readOnly", "a request must not carry it")
_RESPONSE = _Direction("response example", OAS30ReadValidator, "writeOnly", "a response must not carry it")
_ANY = _Direction("example", OAS30Validator, None, None)


@dataclass(frozen=True)
class _Holder:
    """A node carrying `example`/`examples` (or a schema carrying `default`) and where its schema is."""

    pointer: Pointer
    schema_pointer: Pointer
    direction: _Direction


def example_findings(spec: Spec) -> Iterator[Finding]:
    registry: Registry[Any] = Registry().with_resource(_SPEC_URI, DRAFT4.create_resource(spec.data))
    for holder in _holders(spec.data):
        values = list(_values(node_at(spec.data, holder.pointer), holder))
        if not values:
            continue
        cls = holder.direction.validator
        schema = {"$ref": f"{_SPEC_URI}#{_encoded(holder.schema_pointer)}"}
        validator = cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)
        for value_pointer, label in values:
            value = node_at(spec.data, value_pointer)
            errors = validator.iter_errors(value)
            for error in sorted(errors, key=lambda error: [str(part) for part in error.absolute_path]):
                if error.validator == holder.direction.forbidden and not error.absolute_path:
                    continue  # readOnly on a whole body (upstream's StreamsConnection) speaks of no property
                yield _finding(spec, holder.direction, label, value_pointer, error)
            schema_node = node_at(spec.data, holder.schema_pointer)
            for inner in _undefined_properties(spec.data, schema_node, value, ()):
                line, column = spec.position_of((*value_pointer, *inner))
                yield Finding(
                    spec.path,
                    line,
                    column,
                    "warning",
                    f"{label} {json_path(inner)}: the schema defines no property {inner[-1]!r}",
                    "remove it, or rewrite the example from the schema (upstream-diff --apply does)",
                )


def _undefined_properties(data: dict[str, Any], schema: Any, value: Any, at: Pointer) -> Iterator[Pointer]:
    """Where `value` carries an object property that `schema` does not define. The validators let such a
    property through (no schema here forbids additional properties), so an example can go stale unnoticed."""
    schema = resolved(data, schema) if isinstance(schema, dict) else {}
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            yield from _undefined_properties(data, schema["items"], item, (*at, index))
    if not isinstance(value, dict) or "additionalProperties" in schema:
        return
    defined = _defined_properties(data, schema)
    if defined is None:
        return
    for name, item in value.items():
        if name not in defined:
            yield (*at, name)
        else:
            yield from _undefined_properties(data, defined[name], item, (*at, name))


def _defined_properties(data: dict[str, Any], schema: dict[str, Any], depth: int = 0) -> dict[str, Any] | None:
    """Property name -> schema of every property an object of `schema` may carry (allOf merged, any oneOf or
    anyOf member's); None where the schema says nothing about properties (any object fits)."""
    if depth > 32 or "additionalProperties" in schema:
        return None
    found: dict[str, Any] = dict(schema.get("properties", {}))
    members = [resolved(data, m) for key in ("allOf", "oneOf", "anyOf") for m in schema.get(key, [])]
    for member in members:
        inner = _defined_properties(data, member, depth + 1)
        if inner is None:
            return None
        found = {**inner, **found}
    return found if found or members else None


def _finding(spec: Spec, direction: _Direction, label: str, value_pointer: Pointer, error: Any) -> Finding:
    inner, message, hint = explain(error)
    if direction.forbidden is not None and error.validator == direction.forbidden:
        message = f"{direction.forbidden} property: {direction.reason}"
        hint = f"remove it from the {label}"
    line, column = spec.position_of((*value_pointer, *inner))
    return Finding(spec.path, line, column, "error", f"{label} {json_path(inner)}: {message}", hint)


def _values(node: dict[str, Any], holder: _Holder) -> Iterator[tuple[Pointer, str]]:
    """(pointer, label) of every value that `node` documents."""
    if "example" in node:
        yield (*holder.pointer, "example"), holder.direction.label
    for name, example in node.get("examples", {}).items():
        if isinstance(example, dict) and "$ref" in example:
            continue  # a components/examples entry; its value is checked where it is used inline
        yield (*holder.pointer, "examples", name, "value"), f"{holder.direction.label} {name!r}"
    if holder.pointer == holder.schema_pointer and "default" in node:
        yield (*holder.pointer, "default"), "default"


def _holders(data: dict[str, Any]) -> Iterator[_Holder]:
    """Every place that documents values, each visited once where it is written (never through a $ref)."""
    for path, path_item in data.get("paths", {}).items():
        for key, item in path_item.items():
            if key == "parameters":
                yield from _parameters(("paths", path, "parameters"), item)
            elif isinstance(item, dict):
                yield from _operation(("paths", path, key), item)
    components = data.get("components", {})
    for name, parameter in components.get("parameters", {}).items():
        yield from _parameter(("components", "parameters", name), parameter)
    for name, header in components.get("headers", {}).items():
        yield from _parameter(("components", "headers", name), header)
    for name, body in components.get("requestBodies", {}).items():
        yield from _content(("components", "requestBodies", name), body, _REQUEST)
    for name, response in components.get("responses", {}).items():
        yield from _response(("components", "responses", name), response)
    for name, schema in components.get("schemas", {}).items():
        yield from _schema(("components", "schemas", name), schema)


def _operation(pointer: Pointer, operation: dict[str, Any]) -> Iterator[_Holder]:
    yield from _parameters((*pointer, "parameters"), operation.get("parameters", []))
    if "requestBody" in operation:
        yield from _content((*pointer, "requestBody"), operation["requestBody"], _REQUEST)
    for status, response in operation.get("responses", {}).items():
        yield from _response((*pointer, "responses", status), response)


def _parameters(pointer: Pointer, parameters: list[Any]) -> Iterator[_Holder]:
    for index, parameter in enumerate(parameters):
        yield from _parameter((*pointer, index), parameter)


def _parameter(pointer: Pointer, parameter: dict[str, Any]) -> Iterator[_Holder]:
    """A parameter or header: its own example and its schema's."""
    if "$ref" in parameter or "schema" not in parameter:
        return
    yield _Holder(pointer, (*pointer, "schema"), _ANY)
    yield from _schema((*pointer, "schema"), parameter["schema"])


def _response(pointer: Pointer, response: dict[str, Any]) -> Iterator[_Holder]:
    yield from _content(pointer, response, _RESPONSE)
    if "$ref" not in response:
        for name, header in response.get("headers", {}).items():
            yield from _parameter((*pointer, "headers", name), header)


def _content(pointer: Pointer, body: dict[str, Any], direction: _Direction) -> Iterator[_Holder]:
    if "$ref" in body:
        return
    for media_type, media in body.get("content", {}).items():
        media_pointer = (*pointer, "content", media_type)
        if "schema" in media:
            yield _Holder(media_pointer, (*media_pointer, "schema"), direction)
            yield from _schema((*media_pointer, "schema"), media["schema"])


def _schema(pointer: Pointer, schema: Any) -> Iterator[_Holder]:
    """A schema written here (not a $ref) and the schemas nested in it."""
    if not isinstance(schema, dict) or "$ref" in schema:
        return
    yield _Holder(pointer, pointer, _ANY)
    for name, prop in schema.get("properties", {}).items():
        yield from _schema((*pointer, "properties", name), prop)
    for keyword in ("items", "additionalProperties", "not"):
        yield from _schema((*pointer, keyword), schema.get(keyword))
    for keyword in _SUBSCHEMA_KEYWORDS:
        for index, member in enumerate(schema.get(keyword, [])):
            yield from _schema((*pointer, keyword, index), member)


def _encoded(pointer: Pointer) -> str:
    """`pointer` as the fragment of a URI (RFC 6901 escapes, then percent-encoding)."""
    return "".join("/" + quote(escape(part), safe="~") for part in pointer)
