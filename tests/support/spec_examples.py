"""What tests expect of the spec under test, read from it (a helper module, not a test file): its operations,
their statuses, media types, parameters, headers and documented examples, the nodes of an example with their
schemas, and targets such as a string enum property or the shallowest writeOnly property.

Every function takes the operation by its OperationKey; without one it means the operation with a request body
(the first, in document order), the one the client tests send. Nothing here names today's operation, statuses or
media types, so the tests follow the spec when it changes, and one that needs what the spec lacks skips. The
examples and operations come as fresh deep copies, which a test may change; spec_data() and the nodes that
request_media(), response_media() and documented_parameters() return are the shared data, to be read only.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import pytest

from generator.spec.examples import parameter_example
from generator.spec.plain_yaml import load_plain
from generator.spec.pointers import Pointer, follow_refs, resolved, walk
from generator.spec.schema_facts import property_schema
from generator.spec.vocabulary import DOCS_URL, SPLIT_FROM, OperationKey, operations, schema_name, spoken
from support import SPEC_PATH


@cache
def spec_data() -> dict[str, Any]:
    """The spec under test as plain data, read once (callers must not change it: copy what they keep)."""
    data: dict[str, Any] = load_plain(SPEC_PATH)
    return data


def body_operation() -> OperationKey:
    """The first operation, in document order, that takes a request body."""
    found = [key for key, operation in operations(spec_data()).items() if "requestBody" in operation]
    if not found:
        raise LookupError(f"{SPEC_PATH}: no operation takes a request body")
    return found[0]


def _operation(key: OperationKey | None) -> dict[str, Any]:
    operation: dict[str, Any] = operations(spec_data())[key or body_operation()]
    return operation


def _media(content_holder: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """(media type, media object) of a request body or response, which document one media type each that the
    client speaks."""
    content: dict[str, Any] = spoken(resolved(spec_data(), content_holder)["content"])
    if len(content) != 1:
        raise ValueError(f"expected one media type, got {sorted(content)}")
    ((media_type, media),) = content.items()
    return media_type, media


def _response(status: int, key: OperationKey | None) -> dict[str, Any]:
    responses = _operation(key)["responses"]
    if str(status) not in responses:
        raise KeyError(f"status {status} is not documented; documented: {sorted(responses)}")
    response: dict[str, Any] = responses[str(status)]
    return response


def request_media(key: OperationKey | None = None) -> tuple[Pointer, dict[str, Any]]:
    """Pointer and node of the request body's (first) media type that the client speaks."""
    key = key or body_operation()
    body, node = follow_refs(spec_data(), (*key.pointer, "requestBody"))
    media_type = next(iter(spoken(node["content"])))
    media: dict[str, Any] = node["content"][media_type]
    return (*body, "content", media_type), media


def response_media(success: bool, key: OperationKey | None = None) -> tuple[Pointer, dict[str, Any]]:
    """Pointer and node of the first media type of the first success (or error) response with a body."""
    key = key or body_operation()
    for status in _operation(key)["responses"]:
        response, node = follow_refs(spec_data(), (*key.pointer, "responses", status))
        if str(status).startswith("2") == success and node.get("content"):
            media_type = next(iter(spoken(node["content"])))
            media: dict[str, Any] = node["content"][media_type]
            return (*response, "content", media_type), media
    pytest.skip(f"{key} documents no {'success' if success else 'error'} response with a body")


def schema_at(schema: dict[str, Any], inner: Pointer) -> dict[str, Any]:
    """The schema of the value at `inner` in a value of `schema` (KeyError where no single schema says, as inside
    a oneOf)."""
    data = spec_data()
    for part in inner:
        schema = resolved(data, schema)["items"] if isinstance(part, int) else property_schema(data, schema, [part])
    return resolved(data, schema)


def value_nodes(value: Any, schema: dict[str, Any]) -> Iterator[tuple[Pointer, Any, dict[str, Any]]]:
    """(pointer inside `value`, node, its schema) of every node of a value of `schema`, parents first, where one
    schema describes it."""
    for inner, node in walk(value):
        try:
            yield inner, node, schema_at(schema, inner)
        except KeyError:
            continue


def first_example_node(
    media: dict[str, Any], wanted: Callable[[Any, dict[str, Any]], bool], what: str
) -> tuple[Pointer, Any, dict[str, Any]]:
    """The first node of a media type's example that `wanted(node, its schema)` picks; skips when none does."""
    found = (node for node in value_nodes(media["example"], media["schema"]) if wanted(node[1], node[2]))
    return next(found, None) or pytest.skip(f"{SPEC_PATH}: no {what}")


def write_only_value(schema: dict[str, Any]) -> tuple[Pointer, Any]:
    """The shallowest writeOnly property below `schema`, through properties, items and the subtypes of a
    discriminated oneOf (in mapping order, those that require no other property): where it is, and the smallest
    value of `schema` that carries it ("secret" as its value). Skips when there is none."""
    data = spec_data()
    # (schema here, the steps from `schema` to it: a property name, 0 for an item, or a discriminator's tag)
    pending: list[tuple[dict[str, Any], list[str | int | dict[str, str]]]] = [(schema, [])]
    while pending:
        node, steps = pending.pop(0)
        node = resolved(data, node)
        discriminator = node.get("discriminator", {})
        for tag, target in discriminator.get("mapping", {}).items():
            subtype = resolved(data, {"$ref": target})
            if set(_all_required(subtype)) <= {discriminator["propertyName"]}:
                pending.append((subtype, [*steps, {discriminator["propertyName"]: tag}]))
        for name, prop in _all_properties(node).items():
            if resolved(data, prop).get("writeOnly"):
                return _value([*steps, name], "secret")
            pending.append((prop, [*steps, name]))
        if isinstance(node.get("items"), dict):
            pending.append((node["items"], [*steps, 0]))
    pytest.skip(f"{SPEC_PATH}: no writeOnly property below {schema}")


def _value(steps: list[str | int | dict[str, str]], leaf: Any) -> tuple[Pointer, Any]:
    """(pointer, value) of the value that `steps` lead through to `leaf`."""
    value, pointer = leaf, tuple(step for step in steps if not isinstance(step, dict))
    for step in reversed(steps):
        if isinstance(step, dict):
            value = {**step, **value}
        else:
            value = [value] if isinstance(step, int) else {step: value}
    return pointer, value


def discriminated_list(schema: dict[str, Any]) -> tuple[str, str]:
    """(property, union) of the first property of `schema` that lists a discriminated union (a schema with a
    discriminator), such as a tenant's connections. Skips when there is none."""
    for name, prop in _all_properties(resolved(spec_data(), schema)).items():
        items = resolved(spec_data(), prop).get("items", {})
        union = schema_name(items)
        if union is not None and "discriminator" in resolved(spec_data(), items):
            return name, union
    pytest.skip(f"{SPEC_PATH}: {schema} lists no discriminated union")


def _all_properties(schema: dict[str, Any]) -> dict[str, Any]:
    """A schema's properties with those of its allOf members."""
    members = [resolved(spec_data(), member) for member in schema.get("allOf", [])]
    return {name: prop for node in [*members, schema] for name, prop in node.get("properties", {}).items()}


def _all_required(schema: dict[str, Any]) -> list[str]:
    members = [resolved(spec_data(), member) for member in schema.get("allOf", [])]
    return [name for node in [*members, schema] for name in node.get("required", [])]


def json_path(pointer: Pointer) -> str:
    """How lint and the client's validation name a place inside a value: $.a.b[0]['c/d']."""
    return "$" + "".join(
        f"[{part}]" if isinstance(part, int) else f".{part}" if re.fullmatch(r"\w[\w-]*", part) else f"[{part!r}]"
        for part in pointer
    )


def documented_parameters(key: OperationKey | None = None) -> list[tuple[Pointer, dict[str, Any]]]:
    """(where it is written, the parameter) of each parameter of the operation, references followed."""
    key = key or body_operation()
    found = []
    for index, _ in enumerate(_operation(key).get("parameters", [])):
        pointer, parameter = follow_refs(spec_data(), (*key.pointer, "parameters", index))
        found.append((pointer, parameter))
    return found


def atlas_reference_links(key: OperationKey | None = None) -> list[str]:
    """The in-page links to the Atlas reference ("](#tag/...)") in the descriptions of the operation's parameters,
    as docs and docstrings must show them: absolute, against the operation's page of the Atlas reference."""
    base = str(_operation(key).get(DOCS_URL, "")).partition("#")[0]
    texts = [str(parameter.get("description", "")) for _, parameter in documented_parameters(key)]
    return [f"[{text}]({base}#{anchor})" for text, anchor in re.findall(r"\[([^\]]*)\]\(#([^)]*)\)", " ".join(texts))]


def documented_operation(key: OperationKey | None = None) -> dict[str, Any]:
    """The operation as the spec documents it."""
    return copy.deepcopy(_operation(key))


def request_media_type(key: OperationKey | None = None) -> str:
    """The Content-Type under which the request body is documented."""
    return _media(_operation(key)["requestBody"])[0]


def request_example(key: OperationKey | None = None) -> dict[str, Any]:
    """The documented request body."""
    example: dict[str, Any] = _media(_operation(key)["requestBody"])[1]["example"]
    return copy.deepcopy(example)


def request_schema_name(key: OperationKey | None = None) -> str:
    """The component schema that the request body refers to."""
    return _schema_name(_media(_operation(key)["requestBody"])[1])


def response_schema_name(status: int, key: OperationKey | None = None) -> str:
    """The component schema that the body of the `status` response refers to."""
    return _schema_name(_media(_response(status, key))[1])


def _schema_name(media: dict[str, Any]) -> str:
    name = schema_name(media["schema"])
    if name is None:
        raise ValueError(f"the schema {media['schema']} is not a component schema")
    return name


def documented_statuses(key: OperationKey | None = None) -> list[int]:
    """Every status the operation documents, ascending."""
    return sorted(int(status) for status in _operation(key)["responses"])


def success_status(key: OperationKey | None = None) -> int:
    """The lowest documented 2xx status."""
    return min(status for status in documented_statuses(key) if 200 <= status < 300)


def success_media(key: OperationKey | None = None) -> tuple[str, dict[str, Any]]:
    """(media type, media object) of the lowest documented success; a media object without a schema documents a
    success without a body (upstream's 202 for deletes)."""
    return _media(_response(success_status(key), key))


def example_path(key: OperationKey | None = None) -> str:
    """The operation's path as its docs examples send it: each path parameter's value from
    generator/spec/examples.py (its example, or one made from its schema)."""
    key = key or body_operation()
    path = key.path
    for _, parameter in documented_parameters(key):
        if parameter["in"] == "path":
            path = path.replace("{" + parameter["name"] + "}", str(parameter_example(spec_data(), parameter)))
    return path


def documented_error_statuses(key: OperationKey | None = None) -> list[int]:
    """Every documented 4xx/5xx status of the operation, ascending."""
    return [status for status in documented_statuses(key) if status >= 400]


def response_example(status: int, key: OperationKey | None = None) -> dict[str, Any]:
    """The documented body of the `status` response (KeyError when the operation does not document it)."""
    example: dict[str, Any] = _media(_response(status, key))[1]["example"]
    return copy.deepcopy(example)


def response_media_type(status: int, key: OperationKey | None = None) -> str:
    """The Content-Type under which the `status` response is documented."""
    return _media(_response(status, key))[0]


def documented_headers(status: int, key: OperationKey | None = None) -> dict[str, dict[str, Any]]:
    """Name -> header object (its schema resolved) of each header that the `status` response documents."""
    headers = resolved(spec_data(), _response(status, key)).get("headers", {})
    return {
        name: {**(header := resolved(spec_data(), node)), "schema": resolved(spec_data(), header.get("schema", {}))}
        for name, node in headers.items()
    }


@dataclass(frozen=True)
class EnumProperty:
    """A string enum property of a component schema, as the change report names it."""

    subject: str  # Schema.property
    pointer: Pointer  # of its enum
    values: list[str]


def string_enum_property(data: dict[str, Any]) -> EnumProperty:
    """The first string enum property, with two values or more, of a component schema of `data` (a split-out base
    excepted: the change report names its properties after the parent's). Skips when there is none."""
    schemas = data.get("components", {}).get("schemas", {})
    found = (
        EnumProperty(
            f"{name}.{prop_name}", ("components", "schemas", name, "properties", prop_name, "enum"), list(enum)
        )
        for name, schema in schemas.items()
        if SPLIT_FROM not in schema
        for prop_name, prop in schema.get("properties", {}).items()
        if prop.get("type") == "string" and len(enum := prop.get("enum", [])) > 1
    )
    return next(found, None) or pytest.skip("the spec has no string enum property with two values or more")
