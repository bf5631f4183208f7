"""Examples synthesized from the facts (generator/spec/examples.py): the rendering rules one by one, the stored
request and success examples of spec/streams.yaml equal to the synthesized ones, every synthesized example
valid in its direction for every real upstream revision, and the seed page reproduced byte for byte."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openapi_schema_validator import OAS30ReadValidator, OAS30WriteValidator
from referencing import Registry
from referencing.jsonschema import DRAFT4
from support import SPEC_PATH
from support.seed import seed_text
from support.shared_files import history_revisions, load_revision, revision_name

from generator.evolve.upstream import extract, find_by_name
from generator.spec.cycle_split import bases_to_apply, redo_split
from generator.spec.examples import synthesize, synthesized_media
from generator.spec.loading import load_spec
from generator.spec.pointers import Pointer, json_pointer, node_at


def schemas(**named: Any) -> dict[str, Any]:
    return {"components": {"schemas": named}}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


# --- the rules ----------------------------------------------------------------------------------------------


def test_an_example_wins_over_a_default_and_a_default_over_the_type() -> None:
    prop = {"type": "string", "example": "ex", "default": "def"}

    assert synthesize({}, prop, "request") == "ex"
    assert synthesize({}, {"type": "boolean", "default": False}, "request") is False


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "string"}, "string"),
        ({"type": "string", "format": "date-time"}, "2019-08-24T14:15:22Z"),
        ({"type": "integer", "format": "int32"}, 0),
        ({"type": "number"}, 0),
        ({"type": "boolean"}, True),
        ({"type": "array", "items": {"type": "string"}}, ["string"]),
        ({"type": "string", "enum": ["B", "A"]}, "B"),
    ],
)
def test_a_value_by_type(schema: dict[str, Any], expected: Any) -> None:
    assert synthesize({}, schema, "response") == expected


def test_properties_keep_the_schema_order_and_all_of_members_merge_first() -> None:
    data = schemas(Base={"type": "object", "properties": {"z": {"type": "string"}}})
    schema = {"allOf": [ref("Base")], "properties": {"b": {"type": "integer"}, "a": {"type": "boolean"}}}

    assert list(synthesize(data, schema, "request")) == ["z", "b", "a"]


def test_sibling_properties_with_the_same_enum_take_distinct_values_in_turn() -> None:
    tiers = {"type": "string", "enum": ["SP50", "SP30", "SP10"]}
    schema = {"type": "object", "properties": {"maxTierSize": tiers, "tier": tiers, "other": {"enum": ["SP50"]}}}

    assert synthesize({}, schema, "request") == {"maxTierSize": "SP50", "tier": "SP30", "other": "SP50"}


def test_read_only_is_left_out_of_requests_and_write_only_out_of_responses() -> None:
    data = schemas(Id={"type": "string", "readOnly": True})
    schema = {"properties": {"id": ref("Id"), "secret": {"type": "string", "writeOnly": True}, "n": {}}}

    assert synthesize(data, schema, "request") == {"secret": "string", "n": "string"}
    assert synthesize(data, schema, "response") == {"id": "string", "n": "string"}


def test_one_of_gives_its_first_member_tagged_with_its_discriminator_value() -> None:
    data = schemas(
        Parent={
            "oneOf": [ref("B"), ref("A")],
            "discriminator": {"propertyName": "type", "mapping": {"a": ref("A")["$ref"], "b": ref("B")["$ref"]}},
            "properties": {"type": {"type": "string", "enum": ["a", "b"]}, "name": {"type": "string"}},
        },
        A={"allOf": [ref("Parent")]},
        B={"allOf": [ref("Parent"), {"properties": {"size": {"type": "integer"}}}]},
    )

    assert synthesize(data, ref("Parent"), "response") == {"type": "b", "name": "string", "size": 0}


def test_a_schema_that_contains_itself_stops_at_the_repetition() -> None:
    data = schemas(Node={"type": "object", "properties": {"name": {"type": "string"}, "child": ref("Node")}})

    assert synthesize(data, ref("Node"), "response") == {"name": "string"}


# --- our spec -----------------------------------------------------------------------------------------------


def test_stored_request_and_success_examples_equal_the_synthesized_ones() -> None:
    data = load_spec(SPEC_PATH).data
    places = synthesized_media(data)

    assert places, "every operation with a body documents one"
    for pointer, direction in places:
        media = node_at(data, pointer)
        assert media.get("example") == synthesize(data, media["schema"], direction), pointer


# --- real upstream revisions --------------------------------------------------------------------------------


def _fragment(revision: Path) -> dict[str, Any]:
    full = load_revision(revision)
    names = ("createGroupStreamWorkspace", "createStreamWorkspace", "createStreamInstance")
    key = next(found for name in names if (found := find_by_name(full, name)) is not None)
    return extract(full, [key], revision)


def _validator(fragment: dict[str, Any], pointer: Pointer, direction: str) -> Any:
    """A validator of the schema at `pointer` for `direction`, in our layout (upstream's allOf cycles would make
    the validator recurse forever) and with upstream's one impossible fact corrected as spec/streams.yaml
    corrects it: `type: object` beside a oneOf of string enums (BaseStreamsRegion)."""
    corrected = redo_split(fragment, bases_to_apply({}, fragment))
    for schema in corrected["components"]["schemas"].values():
        if "oneOf" in schema and "properties" not in schema:
            schema.pop("type", None)
    registry: Registry[Any] = Registry().with_resource("urn:spec", DRAFT4.create_resource(corrected))
    cls = OAS30WriteValidator if direction == "request" else OAS30ReadValidator
    return cls({"$ref": f"urn:spec#{json_pointer((*pointer, 'schema'))}"}, registry=registry)


def _examples(fragment: dict[str, Any]) -> dict[str, str]:
    """The request and success examples of the fragment's operation, as the reference page prints them."""
    printed = {}
    for pointer, direction in synthesized_media(fragment):
        caption = "request" if direction == "request" else str(pointer[-3])
        example = synthesize(fragment, node_at(fragment, pointer)["schema"], direction)
        printed[caption] = json.dumps(example, indent=2, ensure_ascii=False)
    return printed


@pytest.mark.parametrize("revision", history_revisions(), ids=revision_name)
def test_synthesized_examples_are_valid_in_their_direction(revision: Path) -> None:
    fragment = _fragment(revision)
    for pointer, direction in synthesized_media(fragment):
        example = synthesize(fragment, node_at(fragment, pointer)["schema"], direction)

        errors = [error.message for error in _validator(fragment, pointer, direction).iter_errors(example)]

        assert not errors, f"{json_pointer(pointer)}: {errors}"


@pytest.mark.committed_spec
def test_the_seed_page_is_the_2026_01_14_revision_rendered_byte_for_byte() -> None:
    page = seed_text()
    reproduced = [
        revision_name(revision)
        for revision in history_revisions()
        if "2026-01-14" <= revision_name(revision) <= "2026-04-17"
        and all(printed in page for printed in _examples(_fragment(revision)).values())
    ]

    assert reproduced == ["2026-01-14"]
