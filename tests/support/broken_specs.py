"""Broken variants of the spec under test and exactly what lint says about each (a helper module, not a test file).

Each variant is built by structure from the spec under test: its target is found by JSON pointer ("the first
operation's summary", "the request body's media type", "the first string enum the request example holds"),
changed through tests/support/spec_edit.py, and the lines lint must print are computed from the result:
positions from the written variant, values (an enum's allowed values, a pattern) from the spec's data. A YAML
syntax variant, which must break the text, rewrites the one line that holds its target node. A variant that the
spec under test cannot have (no discriminator, no array with maxItems in the request example) skips, saying why.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import pytest

from generator.spec.examples import synthesized_media
from generator.spec.loading import Spec, load_spec
from generator.spec.pointers import Pointer, follow_refs, node_at, resolved, walk
from generator.spec.schema_facts import enum_values
from generator.spec.vocabulary import (
    EMPTY_SUCCESS,
    OPERATION_NAME,
    OPERATION_NAME_OVERRIDE,
    PREVIEW_MEDIA_TYPE,
    RESOURCE,
    SCHEMA_PREFIX,
    OperationKey,
    is_data,
    operations,
    references,
)
from support import SPEC_PATH
from support.spec_edit import Edit, delete, edited, put, rename
from support.spec_examples import (
    first_example_node,
    json_path,
    request_media,
    response_media,
    spec_data,
    value_nodes,
)

SPEC = SPEC_PATH
WHERE = "spec/streams.yaml"
REF_HINT = "(hint: only local '#/components/...' references to existing entries are allowed)"
UNVERSIONED_HINT = "(hint: use application/vnd.atlas.YYYY-MM-DD+json with the API version's date)"
UNDEFINED_HINT = "(hint: remove it, or rewrite the example from the schema (upstream-diff --apply does))"

Expected = Callable[[Spec], list[str]]  # lint's lines for the written variant, without "spec/streams.yaml:"
# (the file's lines, the index of the target's line) -> (what replaces that one line, lint's lines)
Rewrite = Callable[[list[str], int], tuple[list[str], list[str]]]


@dataclass(frozen=True)
class Variant:
    """How one broken spec is made from the spec under test: structural edits, then what lint says about the
    result; or, for YAML syntax, the one line (holding the node at `line_of`) that `rewrite` breaks."""

    edits: tuple[Edit, ...] = ()
    expected: Expected | None = None
    line_of: Pointer = ()
    rewrite: Rewrite | None = None


@dataclass(frozen=True)
class BrokenSpec:
    id: str
    make: Callable[[dict[str, Any]], Variant]  # from the spec under test's data; skips when it cannot be made
    unreadable: bool = False  # YAML itself fails: exit 2 instead of findings

    def write(self, path: Path) -> list[str]:
        """Write the variant to `path`; returns the lines lint must print for it."""
        if self.id not in _BUILT:
            _BUILT[self.id] = self._build(path)
        text, expected = _BUILT[self.id]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return [f"{WHERE}:{line}" for line in expected]

    def _build(self, path: Path) -> tuple[str, list[str]]:
        variant = self.make(spec_data())
        edited(SPEC, path, *variant.edits)
        if variant.rewrite is None:
            assert variant.expected is not None
            return path.read_text(encoding="utf-8"), variant.expected(load_spec(path))
        lines = path.read_text(encoding="utf-8").splitlines()
        index = load_spec(path).position_of(variant.line_of)[0] - 1
        replacement, expected = variant.rewrite(lines, index)
        return "\n".join([*lines[:index], *replacement, *lines[index + 1 :]]) + "\n", expected


# id -> the variant's text and lint's lines: built once, for the lint and the generate test alike.
_BUILT: dict[str, tuple[str, list[str]]] = {}


def _skip(reason: str) -> NoReturn:
    pytest.skip(f"{SPEC}: {reason}")


def _at(spec: Spec, pointer: Pointer) -> str:
    line, column = spec.position_of(pointer)
    return f"{line}:{column}"


def _sorted(spec: Spec, findings: list[tuple[Pointer, str]]) -> list[str]:
    """Lint's lines for (pointer, text) findings, in lint's order: by position, then text."""
    placed = sorted((spec.position_of(pointer), text) for pointer, text in findings)
    return [f"{line}:{column}: {text}" for (line, column), text in placed]


# --- targets in the spec under test --------------------------------------------------------------------------


def _first_operation(data: dict[str, Any]) -> tuple[OperationKey, dict[str, Any]]:
    return next(iter(operations(data).items()), None) or _skip("no operation")


def _documented(data: dict[str, Any]) -> Iterator[tuple[Pointer, Any]]:
    """Every node outside documented values (examples, enums, defaults), in document order."""
    return ((pointer, node) for pointer, node in walk(data) if not is_data(pointer))


def _users(data: dict[str, Any], target: Pointer) -> Iterator[tuple[OperationKey, str]]:
    """(operation, "request body" or "response <status>") of every body that is, or refers to, `target`."""
    for key, operation in operations(data).items():
        bodies: list[tuple[str, Pointer]] = [("request body", ("requestBody",))] if "requestBody" in operation else []
        bodies += [(f"response {status}", ("responses", status)) for status in operation.get("responses", {})]
        for what, where in bodies:
            if follow_refs(data, (*key.pointer, *where))[0] == target:
                yield key, what


def _not_matching(pattern: str, *candidates: str) -> str:
    return next(value for value in candidates if not re.search(pattern, value))


# --- YAML syntax: the first operation's summary line, broken --------------------------------------------------


def _summary(rewrite: Callable[[str, str, int, str], tuple[list[str], list[str]]]) -> Callable[..., Variant]:
    """A variant that rewrites the line of the first operation's summary. `rewrite` gets the line's indentation,
    its key, its (1-based) number and the next line."""

    def make(data: dict[str, Any]) -> Variant:
        key, operation = _first_operation(data)
        if "summary" not in operation:
            _skip(f"{key} has no summary")

        def on_line(lines: list[str], index: int) -> tuple[list[str], list[str]]:
            indent, name = re.match(r"( *)([^:]+):", lines[index]).groups()  # type: ignore[union-attr]
            return rewrite(indent, name, index + 1, lines[index + 1])

        return Variant(line_of=(*key.pointer, "summary"), rewrite=on_line)

    return make


def _colon(line: str) -> int:
    return line.index(":") + 1


def _indentation(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _unclosed_flow(opening: str, closing: str, value: str) -> Callable[..., Variant]:
    def rewrite(indent: str, key: str, number: int, after: str) -> tuple[list[str], list[str]]:
        return [f"{indent}{key}: {value}"], [
            f"{number + 1}:{_colon(after)}: error: YAML: expected ',' or '{closing}', but got ':' "
            f"(hint: close the {opening} opened on line {number}, or quote the value if it contains ':')"
        ]

    return _summary(rewrite)


def _at_value(text: str, found: str, message: str) -> Callable[..., Variant]:
    """The summary's value replaced by `text`; lint's line points at `found` inside it."""

    def rewrite(indent: str, key: str, number: int, after: str) -> tuple[list[str], list[str]]:
        line = f"{indent}{key}: {text}"
        return [line], [f"{number}:{line.index(found, len(indent) + len(key) + 2) + 1}: error: YAML: {message}"]

    return _summary(rewrite)


def _bad_indentation(indent: str, key: str, number: int, after: str) -> tuple[list[str], list[str]]:
    return [f"{indent[1:]}{key}: Broken"], [
        f"{number}:{len(indent)}: error: YAML: expected <block end>, but found '<block mapping start>' "
        "(hint: indent this line like the other entries of its mapping or list, or under its key)"
    ]


def _key_without_colon(indent: str, key: str, number: int, after: str) -> tuple[list[str], list[str]]:
    return [f"{indent}{key} Broken"], [
        f"{number + 1}:{_indentation(after) + 1}: error: YAML: could not find expected ':' "
        f"(hint: write ': ' after the key on line {number}, or quote its value)"
    ]


def _duplicate_key(indent: str, key: str, number: int, after: str) -> tuple[list[str], list[str]]:
    return [f"{indent}{key}: A", f"{indent}{key}: B"], [
        f'{number + 1}:{len(indent) + 1}: error: YAML: found duplicate key "{key}" with value "B" '
        '(original value: "A") (hint: a key may appear only once in a mapping: merge the two entries)'
    ]


def _tab_indentation(indent: str, key: str, number: int, after: str) -> tuple[list[str], list[str]]:
    return [f"\t{key}: Broken"], [
        f"{number}:1: error: YAML: found character '\\t' that cannot start any token "
        "(hint: indent with spaces: YAML does not allow tabs there)"
    ]


def _unclosed_quote(data: dict[str, Any]) -> Variant:
    """The last plain value of a mapping in the file gets an opening quote, which nothing after it closes."""
    last = [pointer for pointer, node in _documented(data) if isinstance(node, str) and isinstance(pointer[-1], str)]

    def rewrite(lines: list[str], index: int) -> tuple[list[str], list[str]]:
        key, _, value = lines[index].partition(": ")
        return [f"{key}: '{value}"], [
            f"{len(lines) + 1}:1: error: YAML: found unexpected end of stream "
            f"(hint: close the quote opened on line {index + 1})"
        ]

    return Variant(line_of=last[-1], rewrite=rewrite)


# --- OpenAPI 3.0 structure -------------------------------------------------------------------------------------


def _component_parameter(data: dict[str, Any], wanted: Callable[[dict[str, Any]], bool], what: str) -> Pointer:
    parameters = data.get("components", {}).get("parameters", {})
    found = (("components", "parameters", name) for name, node in parameters.items() if wanted(node))
    return next(found, None) or _skip(f"no component parameter {what}")


def _security_scheme(data: dict[str, Any], kind: str) -> Pointer:
    schemes = data.get("components", {}).get("securitySchemes", {})
    found = (("components", "securitySchemes", name) for name, node in schemes.items() if node.get("type") == kind)
    return next(found, None) or _skip(f"no {kind} security scheme")


def _invalid(pointer: Pointer, message: str, at: Pointer | None = None) -> Expected:
    return lambda spec: [
        f"{_at(spec, pointer if at is None else at)}: error: invalid OpenAPI 3.0 at {json_path(pointer)}: {message}"
    ]


def _unknown_parameter_location(data: dict[str, Any]) -> Variant:
    where = (*_component_parameter(data, lambda node: node.get("in") != "path", "outside the path"), "in")
    return Variant((put(where, "body"),), _invalid(where, "'body' is not one of ['path', 'query', 'header', 'cookie']"))


def _unknown_security_scheme_type(data: dict[str, Any]) -> Variant:
    where = (*_security_scheme(data, "http"), "type")
    return Variant(
        (put(where, "htp"),), _invalid(where, "'htp' is not one of ['apiKey', 'http', 'oauth2', 'openIdConnect']")
    )


def _http_scheme_without_scheme(data: dict[str, Any]) -> Variant:
    scheme = _security_scheme(data, "http")
    return Variant((rename((*scheme, "scheme"), "x-scheme"),), _invalid(scheme, "'scheme' is a required property"))


def _oauth2_flow_without_token_url(data: dict[str, Any]) -> Variant:
    scheme = _security_scheme(data, "oauth2")
    flows = node_at(data, scheme).get("flows", {})
    found = (("flows", name) for name, node in flows.items() if "tokenUrl" in node)
    flow: Pointer = (*scheme, *(next(found, None) or _skip("no oauth2 flow with a tokenUrl")))
    return Variant((rename((*flow, "tokenUrl"), "x-tokenUrl"),), _invalid(flow, "'tokenUrl' is a required property"))


def _unknown_schema_type(data: dict[str, Any]) -> Variant:
    parameter = _component_parameter(data, lambda node: "type" in node.get("schema", {}), "with a typed schema")
    where = (*parameter, "schema", "type")
    message = "'bool' is not one of ['array', 'boolean', 'integer', 'number', 'object', 'string']"
    return Variant((put(where, "bool"),), _invalid(where, message))


def _misspelt_operation_key(data: dict[str, Any]) -> Variant:
    key, operation = _first_operation(data)
    if "summary" not in operation:
        _skip(f"{key} has no summary")
    known = (
        "callbacks, deprecated, description, externalDocs, operationId, parameters, requestBody, responses, "
        "security, servers, summary, tags, and x- extensions"
    )
    where = (*key.pointer, "sumary")
    message = f"unknown key 'sumary' (hint: known keys here: {known})"
    return Variant((rename((*key.pointer, "summary"), "sumary"),), _invalid(where, message))


def _invalid_pattern_regex(data: dict[str, Any]) -> Variant:
    parameter = _component_parameter(data, lambda node: "pattern" in node.get("schema", {}), "with a pattern")
    where = (*parameter, "schema", "pattern")
    broken = f"({node_at(data, where)}"  # a group that never closes
    return Variant((put(where, broken),), _invalid(where, f"{broken!r} is not a 'regex'"))


def _max_items_not_an_integer(data: dict[str, Any]) -> Variant:
    arrays = (
        pointer
        for pointer, node in _documented(data)
        if pointer[:2] == ("components", "schemas") and isinstance(node, dict) and node.get("type") == "array"
    )
    array = next(arrays, None) or _skip("no array schema among the component schemas")
    where = (*array, "maxItems")
    return Variant((put(where, "two"),), _invalid(where, "'two' is not of type 'integer'"))


# --- references and cycles -------------------------------------------------------------------------------------


def _first_schema_ref(data: dict[str, Any]) -> tuple[Pointer, str]:
    found = (
        (pointer, ref)
        for pointer, ref in references(data)
        if pointer[-1] == "$ref" and str(ref).startswith(SCHEMA_PREFIX)
    )
    return next(found, None) or _skip("no reference to a component schema")


def _unresolved_ref(data: dict[str, Any]) -> Variant:
    where, _ = _first_schema_ref(data)
    ref = f"{SCHEMA_PREFIX}Nope"
    return Variant((put(where, ref),), lambda spec: [f"{_at(spec, where)}: error: unresolved $ref {ref!r} {REF_HINT}"])


def _external_ref(data: dict[str, Any]) -> Variant:
    where, ref = _first_schema_ref(data)
    external = f"other.yaml{ref}"
    hint = "(hint: write a local reference such as '#/components/schemas/Name')"
    return Variant(
        (put(where, external),), lambda spec: [f"{_at(spec, where)}: error: malformed reference {external!r} {hint}"]
    )


def _unresolved_discriminator_mapping(data: dict[str, Any]) -> Variant:
    mappings = ((pointer, ref) for pointer, ref in references(data) if pointer[-2] == "mapping")
    where, ref = next(mappings, None) or _skip("no discriminator mapping")
    missing = f"{ref}Missing"
    message = f"unresolved discriminator mapping {missing!r} {REF_HINT}"
    return Variant((put(where, missing),), lambda spec: [f"{_at(spec, where)}: error: {message}"])


def _allof_cycle(data: dict[str, Any]) -> Variant:
    """The first two plain object schemas each made an allOf of the other."""
    schemas = data.get("components", {}).get("schemas", {})
    plain = [
        name
        for name, schema in schemas.items()
        if "properties" in schema and not {"allOf", "oneOf", "anyOf", "items", "not"} & set(schema)
    ]
    if len(plain) < 2:
        _skip("fewer than two plain object schemas")
    first, second = plain[:2]
    closing = ("components", "schemas", second, "allOf", 0, "$ref")
    message = (
        f"schema cycle {first} -> {second} -> {first}: each contains the next through allOf/oneOf/anyOf/not/items "
        "(hint: move the shared properties into a base schema marked x-codegen-split-from (see README))"
    )
    return Variant(
        (
            put(("components", "schemas", first, "allOf"), [{"$ref": SCHEMA_PREFIX + second}]),
            put(("components", "schemas", second, "allOf"), [{"$ref": SCHEMA_PREFIX + first}]),
        ),
        lambda spec: [f"{_at(spec, closing)}: error: {message}"],
    )


# --- meaning ---------------------------------------------------------------------------------------------------


def _undeclared_path_parameter(data: dict[str, Any]) -> Variant:
    templated = [key for key in operations(data) if "{" in key.path]
    if not templated:
        _skip("no path with a path parameter")
    old_path = templated[0].path
    (name, *_) = re.findall(r"{([^}]+)}", old_path)
    new_path = old_path.replace(f"{{{name}}}", "{renamedId}")

    def expected(spec: Spec) -> list[str]:
        findings: list[tuple[Pointer, str]] = []
        path_item = spec.data["paths"][new_path]
        for method, operation in path_item.items():
            if not isinstance(operation, dict) or method == "parameters":
                continue
            where = ("paths", new_path, method)
            subject = f"{method.upper()} {new_path}"
            hint = "(hint: add a parameter with in: path and name: renamedId)"
            findings.append((where, f"error: {subject}: path parameter {{renamedId}} is not declared {hint}"))
            for parameters in (("paths", new_path), where):
                for index, _ in enumerate(node_at(spec.data, parameters).get("parameters", [])):
                    _, parameter = follow_refs(spec.data, (*parameters, "parameters", index))
                    if parameter.get("in") == "path" and parameter.get("name") == name:
                        hint = f"(hint: use {{{name}}} in the path or remove the parameter)"
                        message = f"error: {subject}: path parameter {name!r} does not appear in the path {hint}"
                        findings.append(((*parameters, "parameters", index), message))
        return _sorted(spec, findings)

    return Variant((rename(("paths", old_path), new_path),), expected)


def _duplicate_operation_id(data: dict[str, Any]) -> Variant:
    """A second operation, on a new path below the first one's, with the first one's operationId."""
    key, operation = _first_operation(data)
    if "operationId" not in operation:
        _skip(f"{key} has no operationId")
    path_item = data["paths"][key.path]
    copy_path = f"{key.path}/copy"
    copied = {
        "operationId": operation["operationId"],
        OPERATION_NAME_OVERRIDE: "copyOfTheOperation",
        EMPTY_SUCCESS: True,
        "parameters": operation.get("parameters", []),
        "responses": {"204": {"description": "Copied."}},
    }
    item = ({"parameters": path_item["parameters"]} if "parameters" in path_item else {}) | {key.method: copied}
    first = (*key.pointer, "operationId")
    second = ("paths", copy_path, key.method, "operationId")

    def expected(spec: Spec) -> list[str]:
        line = spec.position_of(first)[0]
        return [
            f"{_at(spec, second)}: error: duplicate operationId {operation['operationId']!r} (first at line {line}) "
            "(hint: each operation needs its own operationId)"
        ]

    return Variant((put(("paths", copy_path), item),), expected)


def _operation_without_a_function_name(data: dict[str, Any]) -> Variant:
    key, operation = _first_operation(data)
    names = [name for name in (OPERATION_NAME_OVERRIDE, OPERATION_NAME) if name in operation]
    message = (
        f"{key} has no {OPERATION_NAME_OVERRIDE} and no {OPERATION_NAME} (hint: copy upstream's "
        f"{OPERATION_NAME_OVERRIDE}, or name the generated function with {OPERATION_NAME})"
    )
    return Variant(
        tuple(delete((*key.pointer, name)) for name in names),
        lambda spec: [f"{_at(spec, key.pointer)}: error: {message}"],
    )


def _resource_not_a_name(data: dict[str, Any]) -> Variant:
    """The first operation's x-codegen-resource made a list: the docs' index could not head a section with it."""
    found = [key for key, operation in operations(data).items() if RESOURCE in operation]
    if not found:
        _skip(f"no operation has {RESOURCE}")
    at = (*found[0].pointer, RESOURCE)
    message = (
        f"{found[0]}: {RESOURCE} must be the resource's name, one line of text (hint: name the resource the "
        "operation acts on, such as 'Stream workspaces')"
    )
    return Variant((put(at, [node_at(data, at)]),), lambda spec: [f"{_at(spec, at)}: error: {message}"])


def _path_parameter_without_a_value(data: dict[str, Any]) -> Variant:
    """The first path parameter without an example given a pattern that cannot be sampled (a look-ahead), so the
    docs have no value to pass for it."""
    found = [
        (at, parameter)
        for key, operation in operations(data).items()
        for index in range(len(operation.get("parameters", [])))
        for at, parameter in [follow_refs(data, (*key.pointer, "parameters", index))]
        if parameter["in"] == "path" and "example" not in parameter and "example" not in parameter.get("schema", {})
    ]
    if not found:
        _skip("every path parameter has an example")
    at, parameter = found[0]
    message = (
        f"path parameter {parameter['name']!r} has no example, and its schema gives none (a pattern too rich to "
        "sample, or lengths it cannot meet) (hint: give the parameter an example)"
    )
    return Variant((put((*at, "schema", "pattern"), "^(?=x)x$"),), lambda spec: [f"{_at(spec, at)}: error: {message}"])


def _unversioned(media: Pointer, unversioned: str = "application/json") -> Variant:
    """The media type at `media` renamed `unversioned`; a line for every operation body that uses it."""
    data, body = spec_data(), media[:-2]
    if unversioned in node_at(data, (*body, "content")):
        _skip(f"{json_path(body)} also documents {unversioned}")
    where = (*body, "content", unversioned)
    users = sorted(
        f"error: {key} {what}: media type {unversioned!r} is not a versioned Atlas media type {UNVERSIONED_HINT}"
        for key, what in _users(data, body)
    )
    return Variant((rename(media, unversioned),), lambda spec: [f"{_at(spec, where)}: {m}" for m in users])


def _unversioned_request_media_type(data: dict[str, Any]) -> Variant:
    return _unversioned(request_media()[0])


def _unversioned_success_media_type(data: dict[str, Any]) -> Variant:
    return _unversioned(response_media(success=True)[0])


def _preview_media_type_without_a_dated_one(data: dict[str, Any]) -> Variant:
    # A preview is accepted beside a dated version only: alone, the client would have nothing to send.
    return _unversioned(request_media()[0], PREVIEW_MEDIA_TYPE)


def _response_without_example(data: dict[str, Any]) -> Variant:
    media, node = response_media(success=False)
    if "example" not in node:
        _skip(f"{json_path(media)} has no example")
    media_type = media[-1]
    users = sorted(
        f"error: {key} {what} ({media_type}) has no example (hint: add the documented example)"
        for key, what in _users(data, media[:-2])
    )
    return Variant(
        (rename((*media, "example"), "x-example"),), lambda spec: [f"{_at(spec, media)}: {line}" for line in users]
    )


def _discriminator_mapping_misses_a_member(data: dict[str, Any]) -> Variant:
    """The mapping entries of the first oneOf member that a discriminator maps, removed; a member whose value no
    example uses, as the examples' discriminator values would then name no schema."""
    schemas = data.get("components", {}).get("schemas", {})
    used = {
        (key, value)
        for pointer, node in walk(data)
        if is_data(pointer) and isinstance(node, dict)
        for key, value in node.items()
        if isinstance(value, str)
    }
    mapped = (
        (name, index, member["$ref"])
        for name, schema in schemas.items()
        if "discriminator" in schema
        for index, member in enumerate(schema.get("oneOf", []))
        if member.get("$ref") in (mapping := schema["discriminator"].get("mapping", {})).values()
        and not any(
            (schema["discriminator"]["propertyName"], value) in used
            for value, target in mapping.items()
            if target == member["$ref"]
        )
    )
    name, index, ref = next(mapped, None) or _skip("no discriminator mapping that names a oneOf member")
    discriminator = schemas[name]["discriminator"]
    where = ("components", "schemas", name, "oneOf", index)
    message = (
        f"oneOf member {ref!r} of {name} is missing from its discriminator mapping (hint: add "
        f"`<{discriminator['propertyName']} value>: '{ref}'` to discriminator.mapping)"
    )
    mapping = ("components", "schemas", name, "discriminator", "mapping")
    edits = tuple(delete((*mapping, value)) for value, target in discriminator["mapping"].items() if target == ref)
    return Variant(edits, lambda spec: [f"{_at(spec, where)}: error: {message}"])


def _unused_component(data: dict[str, Any]) -> Variant:
    where = ("components", "schemas", "Nobody")
    message = (
        "unused component components.schemas.Nobody (hint: nothing in paths or security reaches it, yet it would "
        "be generated: delete it, or reference it)"
    )
    return Variant((put(where, {"type": "string"}),), lambda spec: [f"{_at(spec, where)}: error: {message}"])


# --- example and default values --------------------------------------------------------------------------------


def _example_error(example: Pointer, label: str, inner: Pointer, message: str) -> Expected:
    return lambda spec: [f"{_at(spec, (*example, *inner))}: error: {label} {json_path(inner)}: {message}"]


def _request_example_value(
    data: dict[str, Any],
    wanted: Callable[[Any, dict[str, Any]], bool],
    what: str,
    value: Callable[[Any, dict[str, Any]], tuple[Any, str]],
) -> Variant:
    """The first node of the request example that `wanted` picks, replaced by what `value` makes of it and its
    schema, which also says lint's message."""
    media, node = request_media()
    inner, old, schema = first_example_node(node, wanted, f"{what} in the request example")
    new, message = value(old, schema)
    example = (*media, "example")
    return Variant((put((*example, *inner), new),), _example_error(example, "request example", inner, message))


def _string_enum(value: Any, schema: dict[str, Any]) -> bool:
    return isinstance(value, str) and schema.get("type") == "string" and "enum" in schema


def _request_example_enum(data: dict[str, Any]) -> Variant:
    return _request_example_value(
        data,
        _string_enum,
        "string enum",
        lambda _, schema: ("NOT_ONE_OF_THEM", f"'NOT_ONE_OF_THEM' is not one of {schema['enum']!r}"),
    )


def _request_example_outside_a_union_of_enums(data: dict[str, Any]) -> Variant:
    return _request_example_value(
        data,
        lambda value, schema: isinstance(value, str) and "oneOf" in schema and bool(enum_values(data, schema)),
        "oneOf of enums",
        lambda _, schema: ("MARS", f"'MARS' is not one of {enum_values(data, schema)!r}"),
    )


def _request_example_wrong_type(data: dict[str, Any]) -> Variant:
    return _request_example_value(
        data,
        lambda value, schema: isinstance(value, bool),
        "boolean",
        lambda _, schema: ("maybe", "'maybe' is not of type 'boolean'"),
    )


def _request_example_too_many_items(data: dict[str, Any]) -> Variant:
    def fits(value: Any, schema: dict[str, Any]) -> bool:
        return isinstance(value, list) and bool(value) and "maxItems" in schema and not schema.get("uniqueItems")

    def too_many(items: list[Any], schema: dict[str, Any]) -> tuple[Any, str]:
        count = schema["maxItems"] + 1
        return [items[0]] * count, f"{count} items, at most {schema['maxItems']}"

    return _request_example_value(data, fits, "array with maxItems", too_many)


def _request_example_with_read_only_field(data: dict[str, Any]) -> Variant:
    """A readOnly property of the request body's schema, copied from the success example, as when a response
    is sent back as a request."""
    media, node = request_media()
    _, success = response_media(success=True)
    if success.get("schema") != node.get("schema"):
        _skip("the success response has another schema than the request body")
    schema = resolved(data, node["schema"])
    read_only = [
        name
        for name, prop in schema.get("properties", {}).items()
        if resolved(data, prop).get("readOnly") and name in success.get("example", {})
    ]
    if not read_only:
        _skip("no readOnly property of the request body's schema in the success example")
    where = (*media, "example", read_only[0])
    message = "readOnly property: a request must not carry it (hint: remove it from the request example)"
    return Variant(
        (put(where, success["example"][read_only[0]]),),
        _example_error((*media, "example"), "request example", (read_only[0],), message),
    )


def _response_example_with_write_only_field(data: dict[str, Any]) -> Variant:
    """The first plain, optional property that the success example carries, made writeOnly in its schema."""
    media, node = response_media(success=True)
    schema_pointer, schema = follow_refs(data, (*media, "schema"))
    candidates = [
        name
        for name, prop in schema.get("properties", {}).items()
        if name in node.get("example", {})
        and "$ref" not in prop
        and not prop.get("readOnly")
        and name not in schema.get("required", [])
    ]
    if not candidates:
        _skip("no plain optional property of the success schema in the success example")
    name = candidates[0]
    message = "writeOnly property: a response must not carry it (hint: remove it from the response example)"
    label = "response example"
    # Every success example that carries the property in a value of that schema: another operation may return
    # the same schema, or list it (a page's results).
    places = [
        ((*pointer, "example"), inner)
        for pointer, direction in synthesized_media(data)
        if direction == "response"
        for inner, value, found in value_nodes(node_at(data, pointer)["example"], node_at(data, pointer)["schema"])
        if found == schema and isinstance(value, dict) and name in value
    ]

    def expected(spec: Spec) -> list[str]:
        errors = {
            spec.position_of((*example, *inner, name)): _example_error(example, label, (*inner, name), message)(spec)
            for example, inner in places
        }
        return [line for _, lines in sorted(errors.items()) for line in lines]

    return Variant((put((*schema_pointer, "properties", name, "writeOnly"), True),), expected)


def _response_example_pattern(data: dict[str, Any]) -> Variant:
    media, node = response_media(success=True)
    inner, _, schema = first_example_node(
        node, lambda value, schema: isinstance(value, str) and "pattern" in schema, "patterned string"
    )
    pattern = schema["pattern"]
    value = _not_matching(pattern, "not-hex", "!")
    example = (*media, "example")
    return Variant(
        (put((*example, *inner), value),),
        _example_error(example, "response example", inner, f"{value!r} does not match {pattern!r}"),
    )


def _request_example_missing_required_field(data: dict[str, Any]) -> Variant:
    media, node = request_media()

    def holds_required(value: Any, schema: dict[str, Any]) -> bool:
        return (
            isinstance(value, dict)
            and "additionalProperties" not in schema
            and bool(set(schema.get("required", [])) & set(value))
        )

    inner, value, schema = first_example_node(node, holds_required, "object with a required property")
    required = next(name for name in value if name in schema["required"])
    renamed = f"{required}Misspelt"
    example = (*media, "example")

    def expected(spec: Spec) -> list[str]:
        return [
            f"{_at(spec, (*example, *inner))}: error: request example {json_path(inner)}: {required!r} is a required "
            "property",
            f"{_at(spec, (*example, *inner, renamed))}: warning: request example {json_path((*inner, renamed))}: the "
            f"schema defines no property {renamed!r} {UNDEFINED_HINT}",
        ]

    return Variant((rename((*example, *inner, required), renamed),), expected)


def _error_example_wrong_type(data: dict[str, Any]) -> Variant:
    media, node = response_media(success=False)
    integers = (
        inner for inner, value in walk(node.get("example")) if isinstance(value, int) and not isinstance(value, bool)
    )
    inner = next(integers, None) or _skip(f"no integer in the example at {json_path(media)}")
    text = str(node_at(node["example"], inner))
    example = (*media, "example")
    return Variant(
        (put((*example, *inner), text),),
        _example_error(example, "response example", inner, f"{text!r} is not of type 'integer'"),
    )


def _schema_with_pattern_and_example(data: dict[str, Any]) -> tuple[Pointer, dict[str, Any]]:
    schemas = (
        (pointer, node)
        for pointer, node in _documented(data)
        if isinstance(node, dict) and isinstance(node.get("example"), str) and isinstance(node.get("pattern"), str)
    )
    return next(schemas, None) or _skip("no schema with a pattern and an example")


def _schema_example_pattern(data: dict[str, Any]) -> Variant:
    where, schema = _schema_with_pattern_and_example(data)
    value = _not_matching(schema["pattern"], "32B6", "!")
    return Variant(
        (put((*where, "example"), value),),
        lambda spec: [
            f"{_at(spec, (*where, 'example'))}: error: example $: {value!r} does not match {schema['pattern']!r}"
        ],
    )


def _exponential_pattern(data: dict[str, Any]) -> Variant:
    """A schema's pattern turned into one that Python's re takes exponential time on, with an example it does
    not match: lint must refuse the pattern rather than run it (it would take minutes)."""
    where, _ = _schema_with_pattern_and_example(data)
    pattern = "^([a-f0-9]+)+$"
    message = (
        f"pattern {pattern!r} repeats a part of variable length many times, with nothing that ends each round: "
        "matching a value that does not fit can take exponential time (hint: end each round with a character "
        "its variable parts cannot match (`(-[a-z]+)*`, not `([a-z-]+)*`), or give the part a fixed length; a "
        "pattern of upstream's is corrected in our spec (docs/curated-spec.md))"
    )
    edits = (put((*where, "pattern"), pattern), put((*where, "example"), "a" * 40 + "!"))
    return Variant(edits, lambda spec: [f"{_at(spec, (*where, 'pattern'))}: error: {message}"])


def _parameter_examples_value_pattern(data: dict[str, Any]) -> Variant:
    parameter = _component_parameter(data, lambda node: "pattern" in node.get("schema", {}), "with a pattern")
    pattern = node_at(data, (*parameter, "schema", "pattern"))
    value = _not_matching(pattern, "abc", "!")
    where = (*parameter, "examples", "short", "value")
    return Variant(
        (put((*parameter, "examples"), {"short": {"value": value}}),),
        lambda spec: [f"{_at(spec, where)}: error: example 'short' $: {value!r} does not match {pattern!r}"],
    )


def _default_of_wrong_type(data: dict[str, Any]) -> Variant:
    defaults = (
        pointer
        for pointer, node in _documented(data)
        if isinstance(node, dict) and isinstance(node.get("default"), bool) and pointer[-1] != "responses"
    )
    where = (*(next(defaults, None) or _skip("no boolean default")), "default")
    text = str(node_at(data, where)).lower()
    return Variant(
        (put(where, text),),
        lambda spec: [f"{_at(spec, where)}: error: default $: {text!r} is not of type 'boolean'"],
    )


BROKEN_SPECS = [
    # --- YAML -------------------------------------------------------------------------------------------------
    BrokenSpec("yaml-syntax-error", _unclosed_flow("[", "]", "[unclosed"), unreadable=True),
    BrokenSpec("yaml-unclosed-flow-mapping", _unclosed_flow("{", "}", "{text: broken"), unreadable=True),
    BrokenSpec(
        "yaml-colon-in-plain-value",
        _at_value(
            "Broken: value",
            ":",
            "mapping values are not allowed here "
            "(hint: quote the value if it contains ': ', or indent it under its key)",
        ),
        unreadable=True,
    ),
    BrokenSpec(
        "yaml-reserved-first-character",
        _at_value(
            "`Broken` value",
            "`",
            "found character '`' that cannot start any token "
            "(hint: quote the value: a plain YAML value cannot start with this character)",
        ),
        unreadable=True,
    ),
    BrokenSpec(
        "yaml-undefined-alias",
        _at_value(
            "*summary",
            "*",
            "found undefined alias 'summary' "
            "(hint: define the anchor (&name) before the alias (*name), or quote the value if * is text)",
        ),
        unreadable=True,
    ),
    BrokenSpec("yaml-unclosed-quote", _unclosed_quote, unreadable=True),
    BrokenSpec(
        "yaml-unknown-escape",
        _at_value(
            '"Broken \\q"',
            "q",
            "found unknown escape character 'q' "
            "(hint: in double quotes write a backslash as \\\\, or use single quotes)",
        ),
        unreadable=True,
    ),
    BrokenSpec("yaml-bad-indentation", _summary(_bad_indentation), unreadable=True),
    BrokenSpec("yaml-key-without-colon", _summary(_key_without_colon), unreadable=True),
    BrokenSpec("yaml-duplicate-key", _summary(_duplicate_key), unreadable=True),
    BrokenSpec("yaml-tab-indentation", _summary(_tab_indentation), unreadable=True),
    # --- OpenAPI 3.0 structure ------------------------------------------------------------------------------
    BrokenSpec("unknown-parameter-location", _unknown_parameter_location),
    BrokenSpec("unknown-security-scheme-type", _unknown_security_scheme_type),
    BrokenSpec("http-security-scheme-without-scheme", _http_scheme_without_scheme),
    BrokenSpec("oauth2-flow-without-token-url", _oauth2_flow_without_token_url),
    BrokenSpec("unknown-schema-type", _unknown_schema_type),
    BrokenSpec("misspelt-operation-key", _misspelt_operation_key),
    BrokenSpec("invalid-pattern-regex", _invalid_pattern_regex),
    BrokenSpec("max-items-not-an-integer", _max_items_not_an_integer),
    # --- references -----------------------------------------------------------------------------------------
    BrokenSpec("unresolved-ref", _unresolved_ref),
    BrokenSpec("external-ref", _external_ref),
    BrokenSpec("unresolved-discriminator-mapping", _unresolved_discriminator_mapping),
    BrokenSpec("allof-cycle", _allof_cycle),
    # --- patterns -------------------------------------------------------------------------------------------
    BrokenSpec("exponential-pattern", _exponential_pattern),
    # --- meaning --------------------------------------------------------------------------------------------
    BrokenSpec("undeclared-path-parameter", _undeclared_path_parameter),
    BrokenSpec("duplicate-operation-id", _duplicate_operation_id),
    BrokenSpec("operation-without-a-function-name", _operation_without_a_function_name),
    BrokenSpec("resource-not-a-name", _resource_not_a_name),
    BrokenSpec("path-parameter-without-a-value", _path_parameter_without_a_value),
    BrokenSpec("unversioned-request-media-type", _unversioned_request_media_type),
    BrokenSpec("unversioned-success-media-type", _unversioned_success_media_type),
    BrokenSpec("preview-media-type-without-a-dated-one", _preview_media_type_without_a_dated_one),
    BrokenSpec("response-without-example", _response_without_example),
    BrokenSpec("discriminator-mapping-misses-a-member", _discriminator_mapping_misses_a_member),
    BrokenSpec("unused-component", _unused_component),
    # --- example and default values -------------------------------------------------------------------------
    BrokenSpec("request-example-enum", _request_example_enum),
    BrokenSpec("request-example-outside-a-union-of-enums", _request_example_outside_a_union_of_enums),
    BrokenSpec("request-example-with-read-only-field", _request_example_with_read_only_field),
    BrokenSpec("response-example-with-write-only-field", _response_example_with_write_only_field),
    BrokenSpec("response-example-pattern", _response_example_pattern),
    BrokenSpec("request-example-missing-required-field", _request_example_missing_required_field),
    BrokenSpec("request-example-wrong-type", _request_example_wrong_type),
    BrokenSpec("request-example-too-many-items", _request_example_too_many_items),
    BrokenSpec("error-example-wrong-type", _error_example_wrong_type),
    BrokenSpec("schema-example-pattern", _schema_example_pattern),
    BrokenSpec("parameter-examples-value-pattern", _parameter_examples_value_pattern),
    BrokenSpec("default-of-wrong-type", _default_of_wrong_type),
]
