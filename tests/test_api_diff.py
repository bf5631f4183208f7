"""The change report's classification, one hand-made old/new pair per kind of change.

BASE is a small spec in normal form: Thing is sent and returned (request and response position),
Error and Connection are only returned (Connection through the readOnly Thing.connections).
"""

from __future__ import annotations

import ast
import copy
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.evolve import api_diff, renames
from generator.evolve.api_diff import Change, diff_specs, render_text
from generator.evolve.normal_form import normal_form
from generator.evolve.rules import RULES

PATH = "/things/{groupId}"
OPERATION = f"POST {PATH}"
FUNCTION = "createThing"  # BASE's x-xgen-operation-id-override: subjects inside the operation start with it
VERSIONED = "application/vnd.atlas.2023-02-01+json"
SCHEMAS = "#/components/schemas/"

BASE: dict[str, Any] = {
    "openapi": "3.0.1",
    "paths": {
        PATH: {
            "post": {
                "operationId": "createGroupThing",
                "x-xgen-operation-id-override": "createThing",
                "parameters": [
                    {"$ref": "#/components/parameters/groupId"},
                    {"in": "query", "name": "pretty", "schema": {"type": "boolean"}},
                ],
                "requestBody": {"required": True, "content": {VERSIONED: {"schema": {"$ref": SCHEMAS + "Thing"}}}},
                "responses": {
                    "200": {
                        "content": {VERSIONED: {"schema": {"$ref": SCHEMAS + "Thing"}}},
                        "headers": {
                            "RateLimit-Limit": {"schema": {"type": "integer"}},
                            "Retry-After": {"schema": {"type": "integer"}},
                        },
                    },
                    "400": {"content": {"application/json": {"schema": {"$ref": SCHEMAS + "Error"}}}},
                },
                "x-xgen-docs-url": "https://example.com/createThing",
            }
        }
    },
    "components": {
        "parameters": {
            "groupId": {
                "in": "path",
                "name": "groupId",
                "required": True,
                "schema": {"type": "string", "pattern": "^([a-f0-9]{24})$"},
            }
        },
        "schemas": {
            "Connection": {
                "type": "object",
                "discriminator": {"propertyName": "type", "mapping": {"Kafka": SCHEMAS + "KafkaConnection"}},
                "oneOf": [{"$ref": SCHEMAS + "KafkaConnection"}],
                "properties": {
                    "state": {"type": "string", "enum": ["READY", "FAILED"]},
                    "type": {"type": "string", "enum": ["Kafka"]},
                },
            },
            "Error": {"type": "object", "properties": {"reason": {"type": "string"}}},
            "KafkaConnection": {
                "type": "object",
                "allOf": [
                    {"$ref": SCHEMAS + "Connection"},
                    {"type": "object", "properties": {"servers": {"type": "string"}}},
                ],
            },
            "Thing": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "connections": {"type": "array", "readOnly": True, "items": {"$ref": SCHEMAS + "Connection"}},
                    "id": {"type": "string", "readOnly": True},
                    "name": {"type": "string"},
                    "note": {"type": "string", "nullable": True},
                    "starts": {"type": "string"},
                    "tier": {"type": "string", "enum": ["SP10", "SP30"], "title": "Tier"},
                },
            },
        },
    },
}

Mutation = Callable[[dict[str, Any]], None]


def operation(doc: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = doc["paths"][PATH]["post"]
    return result


def schema(doc: dict[str, Any], name: str) -> dict[str, Any]:
    result: dict[str, Any] = doc["components"]["schemas"][name]
    return result


def prop(doc: dict[str, Any], name: str, field: str) -> dict[str, Any]:
    result: dict[str, Any] = schema(doc, name)["properties"][field]
    return result


def move_operation(doc: dict[str, Any]) -> None:
    doc["paths"]["/v2/things/{groupId}"] = doc["paths"].pop(PATH)


def add_field(required: bool, name: str = "Thing") -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        schema(doc, name)["properties"]["size"] = {"type": "integer"}
        if required:
            schema(doc, name).setdefault("required", []).append("size")

    return mutate


def add_s3_subtype(doc: dict[str, Any]) -> None:
    doc["components"]["schemas"]["S3Connection"] = {"type": "object", "allOf": [{"$ref": SCHEMAS + "Connection"}]}
    schema(doc, "Connection")["discriminator"]["mapping"]["S3"] = SCHEMAS + "S3Connection"
    schema(doc, "Connection")["oneOf"].append({"$ref": SCHEMAS + "S3Connection"})


def remove_kafka_subtype(doc: dict[str, Any]) -> None:
    del doc["components"]["schemas"]["KafkaConnection"]
    del schema(doc, "Connection")["discriminator"]["mapping"]["Kafka"]
    schema(doc, "Connection")["oneOf"] = []


def remove_error_response(doc: dict[str, Any]) -> None:
    del operation(doc)["responses"]["400"]
    del doc["components"]["schemas"]["Error"]


def add_parameter(required: bool) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        parameter = {"in": "query", "name": "dryRun", "schema": {"type": "boolean"}, "required": required}
        operation(doc)["parameters"].append(parameter)

    return mutate


def replace_request_media_type(doc: dict[str, Any]) -> None:
    content = operation(doc)["requestBody"]["content"]
    content["application/vnd.atlas.2025-03-12+json"] = content.pop(VERSIONED)


# (what happens, mutation of BASE, (kind, subject, breaking) that must be reported)
def move_header_to_the_error_response(doc: dict[str, Any]) -> None:
    responses = operation(doc)["responses"]
    responses["400"]["headers"] = responses["200"].pop("headers")


def remove_retry_after(doc: dict[str, Any]) -> None:
    del operation(doc)["responses"]["200"]["headers"]["Retry-After"]


CASES: list[tuple[str, Mutation, tuple[str, str, bool]]] = [
    (
        "operation renamed",
        lambda d: operation(d).update({"x-xgen-operation-id-override": "makeThing"}),
        ("operation-renamed", OPERATION, True),
    ),
    (
        "only the path-derived operationId changes",
        lambda d: operation(d).update({"operationId": "createGroupThings"}),
        ("other", OPERATION, False),
    ),
    ("operation moved", move_operation, ("operation-moved", OPERATION, False)),
    ("optional field added", add_field(required=False), ("field-added", "Thing.size", False)),
    ("required request field added", add_field(required=True), ("field-added", "Thing.size", True)),
    ("required response-only field added", add_field(True, "Error"), ("field-added", "Error.size", False)),
    (
        "field removed",
        lambda d: schema(d, "Thing")["properties"].pop("note") and None,
        ("field-removed", "Thing.note", True),
    ),
    (
        "enum value added in a request position",
        lambda d: prop(d, "Thing", "tier")["enum"].append("SP50"),
        ("enum-value-added", "Thing.tier", False),
    ),
    (
        "enum value added in a response-only position",
        lambda d: prop(d, "Connection", "state")["enum"].append("DELETING"),
        ("enum-value-added", "Connection.state", False),
    ),
    (
        "enum value removed",
        lambda d: prop(d, "Thing", "tier")["enum"].remove("SP10"),
        ("enum-value-removed", "Thing.tier", True),
    ),
    ("connection type added", add_s3_subtype, ("subtype-added", "Connection", False)),
    ("schema added", add_s3_subtype, ("schema-added", "S3Connection", False)),
    ("connection type removed", remove_kafka_subtype, ("subtype-removed", "Connection", True)),
    ("schema removed", remove_error_response, ("schema-removed", "Error", True)),
    ("error response removed", remove_error_response, ("response-removed", f"{FUNCTION} response 400", False)),
    (
        "success response removed",
        lambda d: operation(d)["responses"].pop("200") and None,
        ("response-removed", f"{FUNCTION} response 200", True),
    ),
    (
        "response added",
        lambda d: operation(d)["responses"].update({"429": {"content": {}}}),
        ("response-added", f"{FUNCTION} response 429", False),
    ),
    (
        "optional parameter added",
        add_parameter(False),
        ("parameter-added", f"{FUNCTION} parameter dryRun (query)", False),
    ),
    (
        "required parameter added",
        add_parameter(True),
        ("parameter-added", f"{FUNCTION} parameter dryRun (query)", True),
    ),
    (
        "parameter removed",
        lambda d: operation(d)["parameters"].pop(1) and None,
        ("parameter-removed", f"{FUNCTION} parameter pretty (query)", True),
    ),
    (
        "parameter becomes required",
        lambda d: operation(d)["parameters"][1].update({"required": True}),
        ("parameter-required", f"{FUNCTION} parameter pretty (query)", True),
    ),
    (
        "request field becomes required",
        lambda d: schema(d, "Thing")["required"].append("tier"),
        ("field-required", "Thing.tier", True),
    ),
    (
        "required field becomes optional where it is returned",
        lambda d: schema(d, "Thing").update({"required": []}),
        ("field-optional", "Thing.name", True),
    ),
    (
        "field becomes readOnly where it is sent",
        lambda d: prop(d, "Thing", "name").update({"readOnly": True}),
        ("read-only-changed", "Thing.name", True),
    ),
    (
        "field no longer readOnly",
        lambda d: prop(d, "Thing", "id").pop("readOnly") and None,
        ("read-only-changed", "Thing.id", False),
    ),
    (
        "field no longer nullable where it is sent",
        lambda d: prop(d, "Thing", "note").pop("nullable") and None,
        ("nullable-changed", "Thing.note", True),
    ),
    (
        "field becomes nullable where it is returned",
        lambda d: prop(d, "Error", "reason").update({"nullable": True}),
        ("nullable-changed", "Error.reason", True),
    ),
    (
        "request pattern changed",
        lambda d: d["components"]["parameters"]["groupId"]["schema"].update({"pattern": "^[a-f0-9]{26}$"}),
        ("pattern-changed", f"{FUNCTION} parameter groupId (path)", True),
    ),
    (
        "pattern added to a response-only field",
        lambda d: prop(d, "Error", "reason").update({"pattern": "^[A-Z]+$"}),
        ("pattern-changed", "Error.reason", False),
    ),
    (
        "type changed",
        lambda d: prop(d, "Thing", "name").update({"type": "integer"}),
        ("type-changed", "Thing.name", True),
    ),
    (
        "inline enum retitled (its class is renamed)",
        lambda d: prop(d, "Thing", "tier").update({"title": "Workspace Tier"}),
        ("title-changed", "Thing.tier", True),
    ),
    (
        "format that changes the Python type",
        lambda d: prop(d, "Thing", "starts").update({"format": "date-time"}),
        ("format-changed", "Thing.starts", True),
    ),
    (
        "format with no Python type of its own",
        lambda d: prop(d, "Thing", "starts").update({"format": "password"}),
        ("format-changed", "Thing.starts", False),
    ),
    (
        "field added in a subtype's allOf member",
        lambda d: schema(d, "KafkaConnection")["allOf"][1]["properties"].update({"topic": {"type": "string"}}),
        ("field-added", "KafkaConnection.topic", False),
    ),
    (
        "media type version added",
        lambda d: operation(d)["responses"]["200"]["content"].update({"application/vnd.atlas.2025-03-12+json": {}}),
        ("media-type-added", f"{FUNCTION} response 200", False),
    ),
    (
        "media type version removed",
        replace_request_media_type,
        ("media-type-removed", f"{FUNCTION} request body", True),
    ),
    (
        "response header removed",
        lambda d: operation(d)["responses"]["200"].pop("headers") and None,
        ("header-removed", f"{FUNCTION} response 200 header RateLimit-Limit", True),
    ),
    (
        "response header removed from one response while another still documents it",
        move_header_to_the_error_response,
        ("header-removed", f"{FUNCTION} response 200 header RateLimit-Limit", False),
    ),
    (
        "Retry-After removed (the runtime reads it; Response has no attribute for it)",
        remove_retry_after,
        ("header-removed", f"{FUNCTION} response 200 header Retry-After", False),
    ),
    (
        "default of a body field changed",
        lambda d: prop(d, "Thing", "starts").update(default="now"),
        ("default-changed", "Thing.starts", True),
    ),
    (
        "default of a query parameter changed",
        lambda d: operation(d)["parameters"][1]["schema"].update(default=True),
        ("default-changed", f"{FUNCTION} parameter pretty (query)", False),
    ),
    (
        "command renamed through the method verb",
        lambda d: operation(d).update({"x-xgen-method-verb-override": {"verb": "makeThing"}}),
        ("command-renamed", OPERATION, True),
    ),
    (
        "request body becomes optional",
        lambda d: operation(d)["requestBody"].update({"required": False}),
        ("request-body-required", f"{FUNCTION} request body", False),
    ),
    (
        "extension changed",
        lambda d: operation(d).update({"x-xgen-docs-url": "https://example.com/makeThing"}),
        ("other", OPERATION, False),
    ),
]


def changes_after(mutate: Mutation) -> list[Change]:
    new = copy.deepcopy(BASE)
    mutate(new)
    return diff_specs(BASE, new)


@pytest.mark.parametrize(("mutate", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_change_is_reported_with_its_class(mutate: Mutation, expected: tuple[str, str, bool]) -> None:
    changes = changes_after(mutate)

    assert expected in {(c.kind, c.subject, c.breaking) for c in changes}, render_text(changes, "got")


def test_identical_specs_have_no_changes() -> None:
    assert diff_specs(BASE, copy.deepcopy(BASE)) == []


def test_report_lists_breaking_changes_before_compatible_ones() -> None:
    changes = changes_after(add_s3_subtype) + changes_after(remove_kafka_subtype)

    text = render_text(changes, "old -> new")

    assert text.startswith("old -> new: 2 breaking, 2 compatible\nbreaking:\n")
    assert text.index("subtype-removed") < text.index("compatible:") < text.index("subtype-added")


def _kinds_named_in_the_differ() -> set[str]:
    """Kinds written in the differ: api_diff.py, and renames.py for the Python names."""
    sources = [Path(str(module.__file__)).read_text(encoding="utf-8") for module in (api_diff, renames)]
    constants = {
        node.value for source in sources for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Constant)
    }
    return {value for value in constants if isinstance(value, str) and re.fullmatch(r"[a-z]+(-[a-z]+)+|other", value)}


def test_every_kind_the_differ_emits_has_a_rule() -> None:
    named = _kinds_named_in_the_differ() - {"date-time"}  # a format, not a kind
    assert named - set(RULES) == set()


def test_every_rule_is_a_kind_the_differ_emits() -> None:
    assert set(RULES) - _kinds_named_in_the_differ() == set()


def test_a_change_of_a_kind_without_a_rule_is_refused() -> None:
    with pytest.raises(ValueError, match="no rule"):
        api_diff._Differ({}, {}, ({}, {}), {}).add("field-renamed", "X.y", "renamed", True, "/x")


def test_a_change_inside_an_all_of_member_points_at_that_member() -> None:
    changes = changes_after(
        lambda d: schema(d, "KafkaConnection")["allOf"][1]["properties"]["servers"].update(type="integer")
    )

    (change,) = [change for change in changes if change.kind == "type-changed"]
    assert change.pointer == "/components/schemas/KafkaConnection/allOf/1/properties/servers/type"


def test_details_show_both_values_whole() -> None:
    long_value = "x" * 300

    changes = changes_after(lambda d: operation(d).update({"x-xgen-docs-url": long_value}))

    (change,) = changes
    assert change.detail == f'x-xgen-docs-url "https://example.com/createThing" -> "{long_value}"'


def test_the_same_change_in_two_operations_is_reported_once_for_each() -> None:
    old = copy.deepcopy(BASE)
    other = copy.deepcopy(operation(old))
    other["x-xgen-operation-id-override"] = "copyThing"
    old["paths"]["/things/{groupId}:copy"] = {"post": other}
    new = copy.deepcopy(old)
    for path in new["paths"].values():
        path["post"]["responses"].pop("400")

    removed = {c.subject for c in diff_specs(old, new) if c.kind == "response-removed"}

    assert removed == {"createThing response 400", "copyThing response 400"}


def test_changelog_texts_are_ours_but_a_new_date_is_reported() -> None:
    old = copy.deepcopy(BASE)
    operation(old)["x-xgen-changelog"] = {"2023-09-11": "Our words."}
    reworded = copy.deepcopy(old)
    operation(reworded)["x-xgen-changelog"] = {"2023-09-11": "Upstream's words."}
    dated = copy.deepcopy(old)
    operation(dated)["x-xgen-changelog"]["2026-05-07"] = "Our words."

    assert diff_specs(normal_form(old), normal_form(reworded)) == []
    (change,) = diff_specs(normal_form(old), normal_form(dated))
    assert (change.kind, change.subject) == ("other", OPERATION)
    assert change.detail == 'x-xgen-changelog ["2023-09-11"] -> ["2023-09-11", "2026-05-07"]'
