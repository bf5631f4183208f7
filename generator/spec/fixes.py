"""Fixes applied to the loaded spec before generation: a separate, tested step (as atlas-sdk-go does),
so the curated file stays faithful to upstream and every adjustment is visible here."""

from __future__ import annotations

import copy
from typing import Any

from generator.spec.pointers import node_at, walk
from generator.spec.python_naming import distinct_member_names
from generator.spec.schema_facts import (
    REQUEST,
    RESPONSE,
    discriminator_gaps,
    read_only_properties,
    schema_directions,
    write_only_properties,
)
from generator.spec.vocabulary import (
    SPLIT_FROM,
    atlas_link_rewriter,
    client_operation_name,
    is_data,
    is_no_body,
    operations,
    schema_ref,
    spoken,
)

# openapi-python-client names enum members after these when given, one per value.
ENUM_MEMBER_NAMES = "x-enum-varnames"


def apply_spec_fixes(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of `data` ready for the generator; `data` itself is left alone."""
    fixed = copy.deepcopy(data)
    for operation in operations(fixed).values():
        _use_operation_id_override(operation)
    _speak_dated_versions_only(fixed)
    _send_query_parameters_only_when_set(fixed)
    _describe_parameters_in_their_schemas(fixed)
    _accept_unknown_subtypes(fixed)
    _know_the_discriminator_values(fixed)
    _require_one_way_properties_one_way_only(fixed)
    _absolute_atlas_links(fixed)
    _name_colliding_enum_members(fixed)
    drop_no_body_schemas(fixed)
    return fixed


def drop_no_body_schemas(data: dict[str, Any]) -> None:
    """Older revisions document DELETE's 202 with upstream's NoBody schema, an empty object: the library would
    make the function parse a JSON body that Atlas never sends. Without the schema (and its example), the
    response carries no body, as later revisions say. Changes `data` in place (the tests' API contract reads the
    spec this way too)."""
    responses = [
        response for operation in operations(data).values() for response in operation.get("responses", {}).values()
    ]
    responses += list(data.get("components", {}).get("responses", {}).values())
    for response in responses:
        for media in response.get("content", {}).values() if isinstance(response, dict) else ():
            if isinstance(media, dict) and is_no_body(media.get("schema")):
                media.pop("schema")
                media.pop("example", None)


def _use_operation_id_override(operation: dict[str, Any]) -> None:
    # The generator names functions from operationId.
    name = client_operation_name(operation)
    if name:
        operation["operationId"] = name


def _speak_dated_versions_only(data: dict[str, Any]) -> None:
    # A preview media type beside a dated version opts into a feature still in preview (upstream marks it
    # x-xgen-preview): the client sends and asks for the dated version, so the preview would only add a second
    # body type to every function and a type to Accept that the client never wants.
    holders = [
        node
        for pointer, node in walk(data)
        if isinstance(node, dict) and not is_data(pointer) and isinstance(node.get("content"), dict)
    ]
    for node in holders:
        node["content"] = spoken(node["content"])


def _parameters(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The component parameters and those written inline in operations (not the references to components)."""
    parameters = list(data.get("components", {}).get("parameters", {}).values())
    return parameters + [p for operation in operations(data).values() for p in operation.get("parameters", [])]


def _send_query_parameters_only_when_set(data: dict[str, Any]) -> None:
    # A query default (envelope=false, pretty=false) is the server's to apply. Without it the
    # generated argument defaults to UNSET and is sent only when the caller passes it.
    for parameter in _parameters(data):
        if parameter.get("in") == "query" and isinstance(parameter.get("schema"), dict):
            parameter["schema"].pop("default", None)


def _describe_parameters_in_their_schemas(data: dict[str, Any]) -> None:
    # openapi-python-client documents a function's argument with its schema's description and never reads
    # the parameter's own, so the docstrings said `group_id (str):  Example: ...` and nothing of what it is.
    for parameter in _parameters(data):
        schema = parameter.get("schema")
        if isinstance(schema, dict) and "$ref" not in schema and "description" in parameter:
            schema.setdefault("description", parameter["description"])


def _accept_unknown_subtypes(data: dict[str, Any]) -> None:
    # A discriminator value newer than the client must still parse: listing the split-out base
    # (x-codegen-split-from) in the parent's oneOf gives the generated union a member to fall back on.
    schemas = data.get("components", {}).get("schemas", {})
    for name, schema in schemas.items():
        parent = schemas.get(schema.get(SPLIT_FROM, ""))
        if parent is None or "oneOf" not in parent:
            continue
        ref = schema_ref(name)
        if ref not in parent["oneOf"]:
            parent["oneOf"].append(ref)


def _know_the_discriminator_values(data: dict[str, Any]) -> None:
    # Upstream's StreamsConnection maps `type: S3` to StreamsS3Connection while the `type` enum omits S3, so a
    # parsed S3 connection said is_known() is False. A value the mapping names is a known value of the property:
    # each one missing from the enum is added (lint warns about the gap, generator/lint/stages.py).
    for gap in discriminator_gaps(data):
        node = node_at(data, gap.pointer)
        node["enum"] = [*node["enum"], *gap.missing]


def _require_one_way_properties_one_way_only(data: dict[str, Any]) -> None:
    # OpenAPI 3.0: a required readOnly property is required in responses only, a required writeOnly one in
    # requests only. One generated model serves both ways, so where its schema travels the other way too,
    # the property is optional in it: otherwise the constructor would demand a readOnly field that the
    # request then strips (upstream lists 324 such), or a response without the password would not parse.
    directions = schema_directions(data)
    schemas = data.get("components", {}).get("schemas", {})
    for marked, other_way in ((read_only_properties(data), REQUEST), (write_only_properties(data), RESPONSE)):
        for name, one_way in marked.items():
            if other_way not in directions.get(name, frozenset()):
                continue
            for schema in [schemas[name], *schemas[name].get("allOf", [])]:
                if one_way & set(schema.get("required", [])):
                    schema["required"] = [prop for prop in schema["required"] if prop not in one_way]


def _absolute_atlas_links(data: dict[str, Any]) -> None:
    # An in-page link of the Atlas reference ('#tag/...') points nowhere from a docstring or --help; the docs
    # make the same links absolute (they read the spec as written, so this fix does not reach them).
    rewrite = atlas_link_rewriter(data)
    for _, node in walk(data):
        if isinstance(node, dict):
            for key in ("summary", "description"):
                if isinstance(node.get(key), str):
                    node[key] = rewrite(node[key])


def _name_colliding_enum_members(data: dict[str, Any]) -> None:
    # Values that differ only in case or punctuation ("A" and "a") would be one member: the library stops with a
    # ValueError, or silently keeps one. Upstream's values stay; the later members are numbered (A, A_2), and
    # lint warns at each one's line.
    for pointer, node in walk(data):
        if isinstance(node, dict) and isinstance(node.get("enum"), list) and not is_data(pointer):
            names = distinct_member_names(node["enum"])
            if names is not None and ENUM_MEMBER_NAMES not in node:
                node[ENUM_MEMBER_NAMES] = names
