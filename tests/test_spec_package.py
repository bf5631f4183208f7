"""generator/spec/: the two loaders agree, the spec fixes applied before generation, and the facts the
templates need that the library drops. One behaviour each."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import ROOT
from support.shared_files import history_revisions, load_revision, revision_name

from generator.errors import CodegenError
from generator.lint.stages import lint
from generator.spec.cycle_split import bases_to_apply, redo_split
from generator.spec.fixes import apply_spec_fixes
from generator.spec.loading import load_spec, open_quote, round_trip_yaml
from generator.spec.schema_facts import (
    Pagination,
    body_schema,
    discriminators,
    pagination,
    read_only_properties,
    schema_directions,
    success_response,
    write_only_properties,
)
from generator.spec.vocabulary import PREVIEW_MEDIA_TYPE


@pytest.fixture(scope="module")
def spec_data() -> dict[str, Any]:
    return load_spec(ROOT / "spec/streams.yaml").data


SCHEMAS = "#/components/schemas/"


def _named_spec() -> dict[str, Any]:
    """A spec whose operation has a path-derived operationId and Atlas's override of it."""
    operation = {"operationId": "createGroupThing", "x-xgen-operation-id-override": "createThing", "responses": {}}
    return {"paths": {"/groups/{groupId}/things": {"post": operation}}}


def test_spec_fix_names_the_operation_from_the_xgen_override() -> None:
    fixed = apply_spec_fixes(_named_spec())

    assert fixed["paths"]["/groups/{groupId}/things"]["post"]["operationId"] == "createThing"


def test_spec_fixes_leave_their_input_alone(spec_data: dict[str, Any]) -> None:
    before = json.dumps(spec_data)

    apply_spec_fixes(spec_data)

    assert json.dumps(spec_data) == before


def _schemas_spec(schemas: dict[str, Any]) -> dict[str, Any]:
    return {"components": {"schemas": schemas}}


# A polymorphic Connection split as our spec splits it: the subtypes extend ConnectionBase, which holds the
# shared properties (readOnly ones among them) and is the fallback for types the mapping does not know.
POLYMORPHIC = {
    "Connection": {
        "discriminator": {
            "propertyName": "type",
            "mapping": {"Kafka": SCHEMAS + "KafkaConnection", "S3": SCHEMAS + "S3Connection"},
        },
        "oneOf": [{"$ref": SCHEMAS + "KafkaConnection"}, {"$ref": SCHEMAS + "S3Connection"}],
    },
    "ConnectionBase": {
        "properties": {"id": {"readOnly": True}, "state": {"readOnly": True}, "type": {"type": "string"}},
        "x-codegen-split-from": "Connection",
    },
    "KafkaConnection": {
        "allOf": [
            {"$ref": SCHEMAS + "ConnectionBase"},
            {"properties": {"password": {"writeOnly": True}, "servers": {"type": "string"}}},
        ]
    },
    "S3Connection": {"allOf": [{"$ref": SCHEMAS + "ConnectionBase"}, {"properties": {}}]},
    "Detail": {"readOnly": True, "type": "object"},
    "Error": {"properties": {"detail": {"$ref": SCHEMAS + "Detail"}, "code": {"type": "string"}}},
}


def test_read_only_facts_include_inherited_and_schema_level_read_only() -> None:
    facts = read_only_properties(_schemas_spec(POLYMORPHIC))

    assert facts["KafkaConnection"] == {"id", "state"}  # from ConnectionBase via allOf
    assert facts["Error"] == {"detail"}  # Detail is readOnly as a whole


def test_write_only_facts_include_inherited_properties() -> None:
    schemas = POLYMORPHIC | {"Sub": {"allOf": [{"$ref": SCHEMAS + "KafkaConnection"}]}}

    facts = write_only_properties(_schemas_spec(schemas))

    assert (facts["KafkaConnection"], facts["Sub"], facts["ConnectionBase"]) == (
        frozenset({"password"}),
        frozenset({"password"}),
        frozenset(),
    )


def test_discriminator_facts_keep_the_whole_mapping_and_the_fallback() -> None:
    connection = discriminators(_schemas_spec(POLYMORPHIC))["Connection"]

    assert connection.property_name == "type"
    assert connection.mapping == {"Kafka": "KafkaConnection", "S3": "S3Connection"}
    assert connection.fallback == "ConnectionBase"


def _one_way_spec(keyword: str, both_ways: bool) -> dict[str, Any]:
    """A spec whose schema `Thing` requires a `keyword` (readOnly or writeOnly) `id`, met both in a request body
    and in a response, or only in the one direction the keyword allows."""
    media = {"content": {"application/json": {"schema": {"$ref": SCHEMAS + "Thing"}}}}
    one_way = "response" if keyword == "readOnly" else "request"
    operation: dict[str, Any] = {"responses": {"200": media if both_ways or one_way == "response" else {}}}
    if both_ways or one_way == "request":
        operation["requestBody"] = media
    thing = {"type": "object", "required": ["id", "name"], "properties": {"id": {keyword: True}, "name": {}}}
    return {"paths": {"/things": {"post": operation}}, "components": {"schemas": {"Thing": thing}}}


def test_spec_fix_requires_read_only_properties_in_responses_only_where_the_schema_is_sent() -> None:
    fixed = apply_spec_fixes(_one_way_spec("readOnly", both_ways=True))

    assert fixed["components"]["schemas"]["Thing"]["required"] == ["name"]


def test_spec_fix_keeps_read_only_properties_required_in_a_schema_only_received() -> None:
    fixed = apply_spec_fixes(_one_way_spec("readOnly", both_ways=False))

    assert fixed["components"]["schemas"]["Thing"]["required"] == ["id", "name"]


def test_spec_fix_requires_write_only_properties_in_requests_only_where_the_schema_is_received() -> None:
    fixed = apply_spec_fixes(_one_way_spec("writeOnly", both_ways=True))

    assert fixed["components"]["schemas"]["Thing"]["required"] == ["name"]


def test_spec_fix_keeps_write_only_properties_required_in_a_schema_only_sent() -> None:
    fixed = apply_spec_fixes(_one_way_spec("writeOnly", both_ways=False))

    assert fixed["components"]["schemas"]["Thing"]["required"] == ["id", "name"]


@pytest.mark.parametrize("revision", history_revisions(), ids=revision_name)
def test_no_schema_sent_in_a_real_revision_requires_a_read_only_property_after_the_fixes(revision: Path) -> None:
    full = load_revision(revision)
    fixed = apply_spec_fixes(redo_split(full, bases_to_apply({}, full)))

    directions = schema_directions(fixed)
    demanded = {
        name: sorted(props & set(fixed["components"]["schemas"][name].get("required", [])))
        for name, props in read_only_properties(fixed).items()
        if "request" in directions.get(name, frozenset())
    }
    assert {name: props for name, props in demanded.items() if props} == {}


def test_spec_fix_gives_each_parameter_schema_the_parameter_description(spec_data: dict[str, Any]) -> None:
    fixed = apply_spec_fixes(spec_data)

    parameters = fixed["components"]["parameters"]
    assert {name: p["schema"].get("description") for name, p in parameters.items()} == {
        name: p["description"] for name, p in parameters.items()
    }


def test_spec_fix_keeps_a_parameter_schema_description_of_its_own() -> None:
    parameter = {"name": "n", "in": "query", "description": "The parameter.", "schema": {"description": "The value."}}

    fixed = apply_spec_fixes({"components": {"parameters": {"n": parameter}}})

    assert fixed["components"]["parameters"]["n"]["schema"]["description"] == "The value."


@pytest.mark.parametrize("path", ["spec/streams.yaml", "spec/i18n/ko.yaml", "templates/docs/locales/ko.yaml"])
def test_fast_loader_and_round_trip_loader_read_the_same_data(path: str) -> None:
    spec = load_spec(ROOT / path)

    assert spec.data == json.loads(json.dumps(round_trip_yaml().load(spec.text), default=str))


def test_a_clean_spec_is_linted_without_building_the_round_trip_tree() -> None:
    # ruamel.yaml's pure-Python loader is most of a generation's time: only findings need positions.
    spec = load_spec(ROOT / "spec/streams.yaml")

    findings = lint(spec)

    assert findings == []
    assert "tree" not in vars(spec)


def test_a_duplicate_key_is_named_by_the_round_trip_loader(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text("openapi: 3.0.1\nopenapi: 3.0.2\n", encoding="utf-8")

    with pytest.raises(CodegenError, match="duplicate key") as raised:
        load_spec(path)

    assert raised.value.line == 2 and raised.value.hint is not None


def test_body_schema_is_the_first_media_type_schema_or_empty_without_a_body() -> None:
    operation = {
        "requestBody": {
            "content": {
                "application/vnd.atlas.2023-02-01+json": {"schema": {"$ref": "#/components/schemas/A"}},
                "application/json": {"schema": {}},
            }
        }
    }

    assert body_schema({}, operation) == {"$ref": "#/components/schemas/A"}
    assert body_schema({}, {}) == {}


def paged_operation(
    parameters: tuple[str, ...] = ("itemsPerPage", "pageNum"), results: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A GET as Atlas writes a list: query parameters and a success schema with `results`."""
    schema = {"type": "object", "properties": {"results": results or {"type": "array", "items": {}}}}
    return {
        "parameters": [{"name": name, "in": "query", "schema": {"type": "integer"}} for name in parameters],
        "responses": {"200": {"content": {"application/json": {"schema": schema}}}},
    }


def test_a_get_with_item_and_page_parameters_and_a_results_array_is_paginated() -> None:
    assert pagination({}, paged_operation(), "get") == Pagination("pageNum", "itemsPerPage", "results")


def test_the_results_array_may_come_from_a_referenced_schema_or_an_all_of_member() -> None:
    data = {"components": {"schemas": {"Page": {"allOf": [{"properties": {"results": {"type": "array"}}}]}}}}
    operation = paged_operation()
    operation["responses"]["200"]["content"]["application/json"]["schema"] = {"$ref": "#/components/schemas/Page"}

    assert pagination(data, operation, "get") is not None


@pytest.mark.parametrize(
    ("operation", "method"),
    [
        (paged_operation(), "post"),
        (paged_operation(parameters=("pageNum",)), "get"),
        (paged_operation(parameters=("itemsPerPage",)), "get"),
        (paged_operation(results={"type": "object"}), "get"),
        ({**paged_operation(), "responses": {"202": {"description": "no body"}}}, "get"),
    ],
    ids=["not-a-get", "no-page-size", "no-page-number", "results-not-an-array", "no-success-body"],
)
def test_anything_else_is_not_paginated(operation: dict[str, Any], method: str) -> None:
    assert pagination({}, operation, method) is None


@settings(max_examples=50, deadline=None)
@given(
    query=st.sets(st.sampled_from(["itemsPerPage", "pageNum", "envelope", "pretty"])),
    in_path=st.sets(st.sampled_from(["itemsPerPage", "pageNum"])),
    results_type=st.sampled_from(["array", "object", "string"]),
    method=st.sampled_from(["get", "post", "delete"]),
)
def test_pagination_is_found_by_structure_alone(
    query: set[str], in_path: set[str], results_type: str, method: str
) -> None:
    operation = paged_operation(parameters=tuple(sorted(query)), results={"type": results_type})
    operation["parameters"] += [{"name": name, "in": "path", "required": True} for name in sorted(in_path)]

    paged = {"itemsPerPage", "pageNum"} <= query and results_type == "array" and method == "get"
    assert (pagination({}, operation, method) is not None) == paged


@pytest.mark.parametrize(
    ("line", "column"),
    [
        ("      description: 'Adds a new stream", 20),
        ('      summary: "Create One', 16),
        ("      - name: 'it''s open", 15),
        ("      description: 'closed'", None),
        ("      description: 'it''s closed'", None),
        ('      description: "say \\"hi\\""', None),
        ("      description: plain text with a ' in it", None),
        ("      # a comment: 'not a value", None),
    ],
)
def test_a_value_that_opens_a_quote_it_does_not_close_is_found(line: str, column: int | None) -> None:
    assert open_quote(line) == column


def test_a_yaml_error_after_an_unclosed_quote_names_the_quotes_line(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text("a:\n  b: 'open\n  c: 1\n  d: 'x'\n  e: 2\n", encoding="utf-8")

    with pytest.raises(CodegenError) as raised:
        load_spec(path)

    assert raised.value.hint == "close the quote opened on line 2"


def test_a_quote_left_open_in_the_spec_is_named_at_its_line(tmp_path: Path) -> None:
    text = ROOT.joinpath("spec/streams.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    number = next(i for i, line in enumerate(lines) if open_quote(line) is None and open_quote(line[:-1]) is not None)
    lines[number] = lines[number][:-1]  # the closing quote of a value, gone
    path = tmp_path / "streams.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    try:
        findings = [str(finding) for finding in lint(load_spec(path))]
    except CodegenError as err:
        findings = [str(err)]

    at_the_quote = (f":{number + 1}:", f"quote opened on line {number + 1})")
    assert any("quote" in finding and any(place in finding for place in at_the_quote) for finding in findings)


def _content_spec(*media_types: str) -> dict[str, Any]:
    content = {media_type: {"schema": {"type": "object"}} for media_type in media_types}
    operation = {"operationId": "makeThing", "requestBody": {"content": content}, "responses": {}}
    return {"paths": {"/things": {"post": operation}}}


def _request_media_types(data: dict[str, Any]) -> list[str]:
    return list(data["paths"]["/things"]["post"]["requestBody"]["content"])


def test_spec_fix_leaves_a_preview_media_type_out_beside_a_dated_one() -> None:
    fixed = apply_spec_fixes(_content_spec("application/vnd.atlas.2023-02-01+json", PREVIEW_MEDIA_TYPE))

    assert _request_media_types(fixed) == ["application/vnd.atlas.2023-02-01+json"]


def test_spec_fix_keeps_a_preview_media_type_that_stands_alone() -> None:
    # Lint refuses such a spec; the fix must not hide that by leaving the body without a type.
    fixed = apply_spec_fixes(_content_spec(PREVIEW_MEDIA_TYPE))

    assert _request_media_types(fixed) == [PREVIEW_MEDIA_TYPE]


def _deleted_with(media: dict[str, Any]) -> dict[str, Any]:
    """A spec whose DELETE answers 202 with `media`, beside upstream's NoBody schema."""
    return {
        "paths": {"/things/{id}": {"delete": {"responses": {"202": {"content": {"application/json": media}}}}}},
        "components": {"schemas": {"NoBody": {"type": "object"}}},
    }


def test_spec_fix_drops_upstreams_no_body_schema_and_its_example_from_a_success() -> None:
    data = _deleted_with({"schema": {"$ref": "#/components/schemas/NoBody"}, "example": {}})

    fixed = apply_spec_fixes(data)

    assert fixed["paths"]["/things/{id}"]["delete"]["responses"]["202"]["content"]["application/json"] == {}


def test_a_success_documented_with_no_body_returns_nothing() -> None:
    data = _deleted_with({"schema": {"$ref": "#/components/schemas/NoBody"}})

    assert success_response(data, data["paths"]["/things/{id}"]["delete"]) is None
