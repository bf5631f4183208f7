"""Facts the templates need that openapi-python-client's parser drops: which properties are readOnly,
and how polymorphic schemas map discriminator values to subtypes. Keyed by component schema name."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.spec.pointers import Pointer, node_at, resolved
from generator.spec.vocabulary import (
    EMPTY_SUCCESS,
    READ_BACK,
    SCHEMA_PREFIX,
    SPLIT_FROM,
    OperationKey,
    client_operation_name,
    is_no_body,
    operation_named,
    operations,
    schema_name,
)

REQUEST = "request"
RESPONSE = "response"
Directions = frozenset[str]  # where the client meets a schema: REQUEST, RESPONSE or both
_COMPOSITIONS = ("allOf", "oneOf", "anyOf")


@dataclass(frozen=True)
class Discriminator:
    property_name: str
    mapping: dict[str, str]  # discriminator value -> component schema name
    fallback: str | None  # the split-out base that takes values the mapping does not know


def read_only_properties(data: dict[str, Any]) -> dict[str, frozenset[str]]:
    """JSON names of the readOnly properties of every component schema, allOf members merged in."""
    return _properties_marked(data, "readOnly")


def write_only_properties(data: dict[str, Any]) -> dict[str, frozenset[str]]:
    """JSON names of the writeOnly properties of every component schema, allOf members merged in."""
    return _properties_marked(data, "writeOnly")


def _properties_marked(data: dict[str, Any], keyword: str) -> dict[str, frozenset[str]]:
    schemas = data.get("components", {}).get("schemas", {})
    return {
        name: frozenset(_marked(schemas, schema, keyword, seen=frozenset({name}))) for name, schema in schemas.items()
    }


def _marked(schemas: dict[str, Any], schema: dict[str, Any], keyword: str, seen: frozenset[str]) -> set[str]:
    names = {key for key, prop in schema.get("properties", {}).items() if _is_marked(schemas, prop, keyword)}
    for member in schema.get("allOf", []):
        target = schema_name(member)
        if target is not None and target not in seen:
            names |= _marked(schemas, schemas.get(target, {}), keyword, seen | {target})
        elif target is None:
            names |= _marked(schemas, member, keyword, seen)
    return names


def _is_marked(schemas: dict[str, Any], prop: dict[str, Any], keyword: str) -> bool:
    if prop.get(keyword) is True:
        return True
    target = schema_name(prop)
    return target is not None and schemas.get(target, {}).get(keyword) is True


def discriminators(data: dict[str, Any]) -> dict[str, Discriminator]:
    schemas = data.get("components", {}).get("schemas", {})
    found: dict[str, Discriminator] = {}
    for name, schema in schemas.items():
        discriminator = schema.get("discriminator")
        if not isinstance(discriminator, dict):
            continue
        mapping = {
            str(value): target
            for value, ref in discriminator.get("mapping", {}).items()
            if (target := schema_name({"$ref": ref})) is not None
        }
        fallback = next((base for base, other in schemas.items() if other.get(SPLIT_FROM) == name), None)
        found[name] = Discriminator(discriminator["propertyName"], mapping, fallback)
    return found


@dataclass(frozen=True)
class DiscriminatorGap:
    """A discriminator whose mapping names values that the enum of its property leaves out (upstream's
    StreamsConnection maps S3, while the `type` enum of its subtypes omits it)."""

    parent: str  # the polymorphic schema, which holds the discriminator
    pointer: Pointer  # the property schema that holds the enum
    missing: tuple[str, ...]


def discriminator_gaps(data: dict[str, Any]) -> list[DiscriminatorGap]:
    """Every enum of a discriminator property (in the mapped subtypes, their allOf members and the split-out
    base) that lacks values the mapping names."""
    schemas = data.get("components", {}).get("schemas", {})
    gaps: dict[Pointer, DiscriminatorGap] = {}
    for parent, discriminator in discriminators(data).items():
        targets = sorted(
            {*discriminator.mapping.values(), *([discriminator.fallback] if discriminator.fallback else [])}
        )
        for target in targets:
            for pointer in _property_pointers(schemas, target, discriminator.property_name, frozenset()):
                enum = node_at(data, pointer).get("enum")
                missing = tuple(
                    value for value in sorted(discriminator.mapping) if isinstance(enum, list) and value not in enum
                )
                if missing and pointer not in gaps:
                    gaps[pointer] = DiscriminatorGap(parent, pointer, missing)
    return list(gaps.values())


def _property_pointers(schemas: dict[str, Any], name: str, prop: str, seen: frozenset[str]) -> list[Pointer]:
    """Where schema `name` declares property `prop`: in its own properties or an inline allOf member, or in a
    schema it extends (allOf $ref); a property that is itself a $ref points at the referenced schema."""
    if name in seen or name not in schemas:
        return []
    schema, here = schemas[name], ("components", "schemas", name)
    found: list[Pointer] = []
    members = [(here, schema)] + [
        ((*here, "allOf", index), member) for index, member in enumerate(schema.get("allOf", []))
    ]
    for pointer, member in members:
        target = schema_name(member) if member is not schema else None
        if target is not None:
            found += _property_pointers(schemas, target, prop, seen | {name})
        elif prop in member.get("properties", {}):
            declared = member["properties"][prop]
            referenced = schema_name(declared)
            found.append(("components", "schemas", referenced) if referenced else (*pointer, "properties", prop))
    return found


# Keywords the generated client checks before sending, and readOnly, which it strips from plain-JSON
# bodies (templates/runtime/_validation.py).
_VALIDATION_KEYWORDS = {
    "type",
    "enum",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "required",
    "nullable",
    "readOnly",
    "$ref",
}
_SCHEMA_LISTS = ("allOf", "oneOf", "anyOf")


def validation_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` reduced to what request validation needs: no prose, examples or extensions."""
    reduced: dict[str, Any] = {key: value for key, value in schema.items() if key in _VALIDATION_KEYWORDS}
    for key in _SCHEMA_LISTS:
        if key in schema:
            reduced[key] = [validation_schema(member) for member in schema[key]]
    if "items" in schema:
        reduced["items"] = validation_schema(schema["items"])
    if isinstance(schema.get("additionalProperties"), dict):
        reduced["additionalProperties"] = validation_schema(schema["additionalProperties"])
    if "properties" in schema:
        reduced["properties"] = {name: validation_schema(prop) for name, prop in schema["properties"].items()}
    return reduced


def property_schema(data: dict[str, Any], schema: dict[str, Any], path: list[str]) -> dict[str, Any]:
    """The schema of the property at `path` (JSON names) below `schema`, references resolved."""
    schema = resolved(data, schema)
    for name in path:
        candidates = [schema, *(resolved(data, member) for member in schema.get("allOf", []))]
        found = next((c["properties"][name] for c in candidates if name in c.get("properties", {})), None)
        if found is None:
            raise KeyError(".".join(path))
        schema = resolved(data, found)
    return schema


def body_schema(data: dict[str, Any], operation: dict[str, Any]) -> dict[str, Any]:
    """The schema of the request body's first media type ({} without a body)."""
    content: dict[str, Any] = resolved(data, operation.get("requestBody", {})).get("content", {})
    media: dict[str, Any] = next(iter(content.values()), {})
    return dict(media.get("schema", {}))


def enum_values(data: dict[str, Any], schema: dict[str, Any]) -> list[Any]:
    """The values a schema allows when it is an enum, or a oneOf of enums (BaseStreamsRegion)."""
    schema = resolved(data, schema)
    values = list(schema.get("enum", []))
    for member in schema.get("oneOf", []):
        values += enum_values(data, member)
    return values


def narrowed(where: Directions, schema: dict[str, Any]) -> Directions:
    """`where` as far as `schema` travels: a readOnly schema only in responses, a writeOnly one only in
    requests."""
    if schema.get("readOnly"):
        return where & {RESPONSE}
    if schema.get("writeOnly"):
        return where & {REQUEST}
    return where


def schema_directions(doc: dict[str, Any]) -> dict[str, Directions]:
    """Component schema -> where the client meets it (request, response), from every operation. A worklist,
    not recursion: a chain of a thousand $refs is as easy as one."""
    schemas = doc.get("components", {}).get("schemas", {})
    found: dict[str, set[str]] = {}
    pending: list[tuple[Any, Directions]] = []
    for operation in operations(doc).values():
        for parameter in operation.get("parameters", []):
            pending.append((resolved(doc, parameter).get("schema"), frozenset({REQUEST})))
        body = resolved(doc, operation.get("requestBody") or {})
        pending += [(media.get("schema"), frozenset({REQUEST})) for media in body.get("content", {}).values()]
        for response in operation.get("responses", {}).values():
            response = resolved(doc, response)
            pending += [(media.get("schema"), frozenset({RESPONSE})) for media in response.get("content", {}).values()]
            for header in response.get("headers", {}).values():
                pending.append((resolved(doc, header).get("schema"), frozenset({RESPONSE})))
    while pending:
        schema, where = pending.pop()
        if not isinstance(schema, dict) or not where:
            continue
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX):
            name = ref.removeprefix(SCHEMA_PREFIX)
            if name in schemas and not where <= found.get(name, set()):
                found.setdefault(name, set()).update(where)
                pending.append((schemas[name], where))
            continue
        pending += [(inner, narrowed(where, schema)) for inner in _schemas_inside(schema)]
    return {name: frozenset(where) for name, where in found.items()}


def _schemas_inside(schema: dict[str, Any]) -> list[Any]:
    """The schemas directly inside `schema`: composition members, discriminator targets, items, properties."""
    inside = [member for keyword in _COMPOSITIONS for member in schema.get(keyword, [])]
    inside += [{"$ref": target} for target in (schema.get("discriminator") or {}).get("mapping", {}).values()]
    inside += [schema.get(keyword) for keyword in ("items", "additionalProperties")]
    return inside + list(schema.get("properties", {}).values())


# Response headers that the generated runtime reads itself: Retry-After, as seconds or an HTTP date, by the retry
# policy and RateLimitedError.retry_after.
RUNTIME_HEADERS = frozenset({"retry-after"})


def response_attribute_headers(data: dict[str, Any]) -> dict[str, tuple[str, dict[str, Any]]]:
    """The response headers that the generated Response has an attribute for: every header that a response of
    an operation documents, but those the runtime reads itself, by lower-case name (HTTP header names ignore
    case), in the order they first appear, with the first spelling and the header object."""
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    for operation in operations(data).values():
        for response in operation.get("responses", {}).values():
            for name, header in resolved(data, response).get("headers", {}).items():
                if name.lower() not in found and name.lower() not in RUNTIME_HEADERS:
                    found[name.lower()] = (name, resolved(data, header))
    return found


@dataclass(frozen=True)
class Pagination:
    """How a list operation pages, by Atlas's convention: the query parameters that pick the page and its size,
    and the array of items."""

    page_parameter: str
    size_parameter: str
    items_property: str


PAGE_PARAMETER = "pageNum"
SIZE_PARAMETER = "itemsPerPage"
ITEMS_PROPERTY = "results"


def pagination(data: dict[str, Any], operation: dict[str, Any], method: str) -> Pagination | None:
    """How `operation` pages when it is a GET that takes `itemsPerPage` and `pageNum` in its query and whose
    first 2xx response with a schema has a `results` array (Atlas's Paginated* answers); None otherwise. Found
    by structure, not by name, so that every list operation curated later pages too."""
    if method.lower() != "get":
        return None
    query = {
        parameter.get("name"): parameter
        for parameter in (resolved(data, p) for p in operation.get("parameters", []))
        if parameter.get("in") == "query"
    }
    if PAGE_PARAMETER not in query or SIZE_PARAMETER not in query:
        return None
    success = success_response(data, operation)
    try:
        items = property_schema(data, success[1], [ITEMS_PROPERTY]) if success is not None else {}
    except KeyError:
        return None
    if items.get("type") != "array":
        return None
    return Pagination(PAGE_PARAMETER, SIZE_PARAMETER, ITEMS_PROPERTY)


def success_response(data: dict[str, Any], operation: dict[str, Any]) -> tuple[int, dict[str, Any]] | None:
    """The status and schema (of its first media type with one) of the first 2xx response with a schema: the
    body that the generated function returns. None for an operation marked x-codegen-empty-success, whose success
    carries no body (lint wants one or the other), and where the only schema is upstream's NoBody."""
    if operation.get(EMPTY_SUCCESS) is True:
        return None
    for status, response in operation.get("responses", {}).items():
        if not (str(status).isdigit() and str(status).startswith("2")):
            continue
        for media in resolved(data, response).get("content", {}).values():
            if isinstance(media.get("schema"), dict) and not is_no_body(media["schema"]):
                return int(status), dict(media["schema"])
    return None


def listed_item_schema(data: dict[str, Any], operation: dict[str, Any], method: str) -> dict[str, Any] | None:
    """The schema of each item a list operation (pagination) yields; None for any other operation."""
    paged, success = pagination(data, operation, method), success_response(data, operation)
    if paged is None or success is None:
        return None
    return resolved(data, property_schema(data, success[1], [paged.items_property]).get("items", {}))


PATH_EXPRESSION = "$request.path."
BODY_EXPRESSION = "$request.body#"


@dataclass(frozen=True)
class ReadBack:
    """A create's x-codegen-read-back, resolved: the GET that finds what it created, each of the GET's
    parameters with where its value comes from (a path parameter of the create's, or a JSON pointer into its
    body), and the pointers whose values must be what the create sent."""

    operation: OperationKey
    from_path: dict[str, str]  # GET parameter -> the create's path parameter
    from_body: dict[str, str]  # GET parameter -> JSON pointer into the create's body
    match: tuple[str, ...]


def read_back(data: dict[str, Any], operation: dict[str, Any]) -> ReadBack | None:
    """The operation's read-back (x-codegen-read-back), None without one. Assumes lint passed
    (read_back_problems)."""
    extension = operation.get(READ_BACK)
    if extension is None:
        return None
    named = operation_named(data, extension["operation"])
    if named is None:  # lint reports it (read_back_problems)
        raise ValueError(f"{READ_BACK} names no operation of the spec: {extension['operation']!r}")
    key = named[0]
    parameters: dict[str, str] = extension["parameters"]
    return ReadBack(
        key,
        {
            name: value.removeprefix(PATH_EXPRESSION)
            for name, value in parameters.items()
            if value.startswith("$request.path.")
        },
        {
            name: value.removeprefix(BODY_EXPRESSION)
            for name, value in parameters.items()
            if value.startswith(BODY_EXPRESSION)
        },
        tuple(extension["match"]),
    )


def read_back_problems(
    data: dict[str, Any], key: OperationKey, operation: dict[str, Any]
) -> Iterator[tuple[Pointer, str, str]]:
    """What is wrong with the operation's x-codegen-read-back: (where below the extension, what, the fix)."""
    extension = operation.get(READ_BACK)
    if (
        not isinstance(extension, dict)
        or not isinstance(extension.get("operation"), str)
        or not isinstance(extension.get("parameters"), dict)
        or not isinstance(extension.get("match"), list)
    ):
        yield (
            (),
            f"{READ_BACK} must be a mapping of operation (a name), parameters (a mapping) and match (a list)",
            "see docs/curated-spec.md",
        )
        return
    by_name = {client_operation_name(found): (found_key, found) for found_key, found in operations(data).items()}
    if extension["operation"] not in by_name or by_name[extension["operation"]][0].method != "get":
        yield (
            ("operation",),
            f"{READ_BACK} names {extension['operation']!r}, which is not a GET of this spec",
            "name the GET of what the operation creates, by its x-codegen-operation-name",
        )
        return
    get_key, get = by_name[extension["operation"]]
    get_parameters = _parameters(data, get_key, get)
    own_path = {name for name, parameter in _parameters(data, key, operation).items() if parameter.get("in") == "path"}
    body = body_schema(data, operation)
    for name, value in extension["parameters"].items():
        where = ("parameters", name)
        if name not in get_parameters:
            yield (
                where,
                f"{READ_BACK}: {extension['operation']} has no parameter {name!r}",
                f"use one of {sorted(get_parameters)}",
            )
        elif not isinstance(value, str) or not value.startswith((PATH_EXPRESSION, BODY_EXPRESSION)):
            yield (
                where,
                f"{READ_BACK}: {value!r} is not $request.path.<name> or $request.body#<JSON pointer>",
                "write an OpenAPI link expression",
            )
        elif value.startswith(PATH_EXPRESSION) and value.removeprefix(PATH_EXPRESSION) not in own_path:
            yield where, f"{READ_BACK}: {value} names no path parameter of {key}", f"use one of {sorted(own_path)}"
        elif value.startswith(BODY_EXPRESSION) and not _holds(data, body, value.removeprefix(BODY_EXPRESSION)):
            yield (
                where,
                f"{READ_BACK}: {value} is not a property of {key}'s request body",
                "point at a property its schema declares",
            )
    for name in sorted(
        n for n, p in get_parameters.items() if p.get("in") == "path" and n not in extension["parameters"]
    ):
        yield (
            ("parameters",),
            f"{READ_BACK}: {extension['operation']}'s path parameter {name!r} is not given",
            f"add {name}: $request.path.<name> or $request.body#/<property>",
        )
    success, get_success = success_response(data, operation), success_response(data, get)
    for index, pointer in enumerate(extension["match"]):
        if not isinstance(pointer, str) or not pointer.startswith("/"):
            yield (
                ("match", index),
                f"{READ_BACK}: match entry {pointer!r} is not a JSON pointer",
                "write /<property>/<property>",
            )
        elif (
            not _holds(data, body, pointer)
            or get_success is None
            or not _holds(data, get_success[1], pointer, open_holds=False)
        ):
            yield (
                ("match", index),
                f"{READ_BACK}: {pointer} is not in both {key}'s request body and {extension['operation']}'s answer",
                "match only fields that the create sends and the GET returns",
            )
    if success is None or get_success is None or resolved(data, success[1]) != resolved(data, get_success[1]):
        yield (
            ("operation",),
            f"{READ_BACK}: {extension['operation']} does not answer with the schema that {key} returns",
            "read back with the GET that returns what the create returns",
        )


def _parameters(data: dict[str, Any], key: OperationKey, operation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    shared = data["paths"][key.path].get("parameters", [])
    return {p["name"]: p for p in (resolved(data, p) for p in [*shared, *operation.get("parameters", [])])}


def _holds(data: dict[str, Any], schema: dict[str, Any], pointer: str, *, open_holds: bool = True) -> bool:
    """Whether `schema` declares the property at JSON pointer `pointer`; with `open_holds`, an object schema
    that declares no properties holds any (a create's body that upstream leaves open)."""
    names = [token.replace("~1", "/").replace("~0", "~") for token in pointer.split("/")[1:]]
    for depth in range(len(names) + 1):
        try:
            found = property_schema(data, schema, names[:depth])
        except KeyError:
            return False
        declared = found.get("properties") or any(resolved(data, m).get("properties") for m in found.get("allOf", []))
        if depth < len(names) and not declared:
            return open_holds
    return True
