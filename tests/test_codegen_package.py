"""generator/codegen/: what the templates ask of the spec (template_globals.py), each question a plain function
checked on its own, on small specs written here and on our spec as the library parses it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.openapi import Endpoint
from openapi_python_client.parser.properties.union import UnionProperty
from support import SPEC_PATH

from generator.codegen import template_globals as globals_
from generator.codegen.python_names import spec_operations_by_endpoint
from generator.spec.fixes import apply_spec_fixes
from generator.spec.loading import load_spec
from generator.spec.python_naming import Reserved
from generator.spec.schema_facts import discriminators, pagination
from generator.spec.vocabulary import CLI

JSON = "application/json"
ATLAS = "application/vnd.atlas.2023-02-01+json"


def test_accept_prefers_the_success_media_types_and_accepts_the_error_ones_at_a_lower_weight() -> None:
    data: dict[str, Any] = {"components": {"responses": {"ok": {"content": {ATLAS: {}}}}}}
    operation = {
        "responses": {
            "200": {"$ref": "#/components/responses/ok"},
            "201": {"content": {"b/c": {}}},
            "400": {"content": {JSON: {}}},
            "404": {"content": {JSON: {}, ATLAS: {}}},
            "500": {"description": "no content"},
        }
    }

    assert globals_.accept_header(data, operation) == f"{ATLAS}, b/c, {JSON};q=0.9"


def test_accept_is_empty_when_no_response_has_content() -> None:
    assert globals_.accept_header({}, {"responses": {"204": {"description": "done"}}}) == ""


def test_response_body_schema_is_the_success_schema_reduced_for_the_checks() -> None:
    schema = {"type": "object", "description": "prose is dropped", "properties": {"a": {"type": "string"}}}
    operation = {
        "responses": {"400": {"content": {JSON: {"schema": {}}}}, "200": {"content": {ATLAS: {"schema": schema}}}}
    }

    assert globals_.response_body_schema({}, operation) == {"type": "object", "properties": {"a": {"type": "string"}}}


def test_parameter_schemas_keep_only_parameters_whose_schema_constrains_the_value() -> None:
    data = {
        "components": {
            "parameters": {
                "g": {"name": "groupId", "in": "path", "schema": {"type": "string", "pattern": "^[0-9a-f]{24}$"}}
            }
        }
    }
    operation = {
        "parameters": [
            {"$ref": "#/components/parameters/g"},
            {"name": "pretty", "in": "query", "schema": {"type": "boolean", "description": "prose is dropped"}},
        ]
    }

    assert globals_.parameter_schemas(data, operation) == [("groupId", {"type": "string", "pattern": "^[0-9a-f]{24}$"})]


def test_validation_schemas_drop_prose_and_examples_of_every_component() -> None:
    data = {"components": {"schemas": {"A": {"type": "object", "description": "x", "example": {}, "required": ["a"]}}}}

    assert globals_.validation_schemas(data) == {"A": {"type": "object", "required": ["a"]}}


def test_read_only_json_names_are_sorted_and_empty_for_an_unknown_class() -> None:
    read_only = {"StreamsTenant": frozenset({"hostnames", "_id"})}

    assert globals_.read_only_json_names(read_only, "StreamsTenant") == ["_id", "hostnames"]
    assert globals_.read_only_json_names(read_only, "Other") == []


@pytest.mark.parametrize(
    ("parameter", "expected"),
    [
        ({"description": "The project. It has an id."}, "The project."),
        (
            {"description": "Unique  24-hexadecimal\ndigit string.", "schema": {"pattern": "^x$"}},
            "Unique 24-hexadecimal digit string. Pattern: ^x$",
        ),
        ({}, ""),
    ],
)
def test_option_help_is_the_first_sentence_and_the_pattern(parameter: dict[str, Any], expected: str) -> None:
    assert globals_.option_help(parameter) == expected


# --- response headers and reduced schemas ---------------------------------------------------------------

LIMIT = {"description": "Requests allowed in the window. Resets hourly.", "schema": {"type": "integer"}}


def headers_spec(*operations: dict[str, Any]) -> dict[str, Any]:
    return {
        "paths": {f"/things/{index}": {"post": operation} for index, operation in enumerate(operations)},
        "components": {
            "headers": {"Limit": LIMIT},
            "responses": {
                "tooMany": {
                    "description": "Too many.",
                    "headers": {
                        "RateLimit-Limit": {"$ref": "#/components/headers/Limit"},
                        "Retry-After": {"schema": {"type": "integer"}},
                    },
                }
            },
        },
    }


def headers_operation(**headers: dict[str, Any]) -> dict[str, Any]:
    return {
        "responses": {
            "200": {"description": "OK", "headers": headers},
            "429": {"$ref": "#/components/responses/tooMany"},
        }
    }


def test_response_headers_are_read_from_every_response_once_each() -> None:
    first = headers_operation(**{"RateLimit-Limit": {"$ref": "#/components/headers/Limit"}})
    second = headers_operation(
        **{"X-Request-Id": {"description": "Trace id", "schema": {"type": "string"}}, "ratelimit-limit": LIMIT}
    )
    data = headers_spec(first, second)

    headers = globals_.response_headers(data, "field_")

    assert headers == [
        {
            "name": "RateLimit-Limit",
            "attribute": "rate_limit_limit",
            "integer": True,
            "doc": "RateLimit-Limit: Requests allowed in the window.",
        },
        {"name": "X-Request-Id", "attribute": "x_request_id", "integer": False, "doc": "X-Request-Id: Trace id"},
    ]


def test_a_header_the_spec_no_longer_documents_is_gone() -> None:
    only_retry_after = {"responses": {"429": {"description": "Too many.", "headers": {"Retry-After": LIMIT}}}}

    assert globals_.response_headers(headers_spec(only_retry_after), "field_") == []


def test_a_header_name_becomes_a_python_identifier() -> None:
    odd = headers_operation(**{"Class": {"schema": {"type": "string"}}, "2xx-Count": {"schema": {"type": "integer"}}})

    names = [header["attribute"] for header in globals_.response_headers(headers_spec(odd), "field_")]

    assert names == ["class_", "field_2_xx_count", "rate_limit_limit"]


def test_the_reduced_schemas_keep_any_of_with_its_members_reduced() -> None:
    data = {
        "components": {
            "schemas": {
                "Size": {
                    "description": "How big.",
                    "anyOf": [{"type": "integer", "example": 3}, {"$ref": "#/components/schemas/Named"}],
                },
                "Named": {"type": "string", "enum": ["S", "M"], "x-xgen-note": "ours"},
            }
        }
    }

    assert globals_.validation_schemas(data) == {
        "Size": {"anyOf": [{"type": "integer"}, {"$ref": "#/components/schemas/Named"}]},
        "Named": {"type": "string", "enum": ["S", "M"]},
    }


# --- on our spec, as the library parses it ------------------------------------------------------------------


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], GeneratorData]:
    data = apply_spec_fixes(load_spec(SPEC_PATH).data)
    config = Config.from_sources(
        ConfigFile(),
        MetaType.NONE,
        document_source=SPEC_PATH,
        file_encoding="utf-8",
        overwrite=True,
        output_path=Path(tmp_path_factory.mktemp("out")),
    )
    openapi = GeneratorData.from_dict(data, config=config)
    assert isinstance(openapi, GeneratorData)
    return data, openapi


def _endpoints(openapi: GeneratorData) -> list[Endpoint]:
    return [
        endpoint for collection in openapi.endpoint_collections_by_tag.values() for endpoint in collection.endpoints
    ]


def test_cli_command_has_an_option_per_path_and_query_parameter_but_a_lists_page_and_per_listed_body_field(
    parsed: tuple[dict[str, Any], GeneratorData],
) -> None:
    data, openapi = parsed
    by_endpoint = spec_operations_by_endpoint(data)
    for endpoint in _endpoints(openapi):
        operation = by_endpoint[endpoint.name][2]

        command = globals_.cli_command(data, operation, endpoint, Reserved(command_options=frozenset({"--help"})))

        paged = pagination(data, operation, endpoint.method)
        walked = {paged.page_parameter} if paged else set()  # a list's command walks every page itself
        expected = [p for p in [*endpoint.path_parameters, *endpoint.query_parameters] if p.name not in walked]
        assert [p["argument"] for p in command["parameters"]] == [str(p.python_name) for p in expected]
        listed = list(operation.get(CLI, {}).get("options", {}))
        assert [option["option"] for option in command["body_options"]] == listed


def test_discriminator_cases_map_every_value_to_its_member_and_keep_the_fallback(
    parsed: tuple[dict[str, Any], GeneratorData],
) -> None:
    data, openapi = parsed
    polymorphic = discriminators(data)
    # A union is a property of its own, or the items of a list property (a tenant's connections).
    properties = [
        getattr(prop, "inner_property", prop)
        for model in openapi.models
        for prop in [*(model.required_properties or []), *(model.optional_properties or [])]
    ]
    unions = [prop for prop in properties if isinstance(prop, UnionProperty)]
    inner = [
        inner
        for union in unions
        for inner in getattr(union, "inner_properties", [])
        if isinstance(inner, UnionProperty)
    ]

    cases = [
        c for union in [*unions, *inner] if (c := globals_.discriminator_cases(polymorphic, str, union)) is not None
    ]

    assert cases, "our spec has discriminated unions"
    for case in cases:
        facts = next(
            d
            for d in polymorphic.values()
            if d.property_name == case["property_name"] and set(d.mapping) == {v for v, _ in case["cases"]}
        )
        assert [value for value, _ in case["cases"]] == sorted(facts.mapping)
        assert (case["fallback"] is None) == (facts.fallback is None)


def test_enum_selector_maps_each_sibling_value_to_its_enum_class() -> None:
    enum_by = {
        "region": {
            "property": "cloud",
            "mapping": {"A": "#/components/schemas/RegionA", "B": "#/components/schemas/RegionB"},
        }
    }
    data = {"components": {"schemas": {"Place": {"type": "object", "x-codegen-enum-by": enum_by}}}}

    selector = globals_.enum_selector(data, str, "Place", "region")

    assert selector == {
        "property": "cloud",
        "cases": [("A", "RegionA"), ("B", "RegionB")],
        "classes": ["RegionA", "RegionB"],
        "table": "_REGION_ENUMS",
    }
    assert globals_.enum_selector(data, str, "Place", "other") is None


def test_union_aliases_are_the_oneofs_of_references_without_a_class() -> None:
    ref = "#/components/schemas/"
    schemas = {
        "Shape": {"oneOf": [{"$ref": ref + "Square"}, {"$ref": ref + "Circle"}]},
        "Mixed": {"oneOf": [{"$ref": ref + "Square"}, {"type": "string"}]},
        "Square": {"type": "object"},
    }

    assert globals_.union_aliases({"components": {"schemas": schemas}}, str) == [("Shape", ["Circle", "Square"])]


def _per_function(
    parsed: tuple[dict[str, Any], GeneratorData], make: Callable[[dict[str, Any], dict[str, Any], Endpoint], Any]
) -> dict[str, Any]:
    """What `make(spec, operation, endpoint)` gives for each generated function, by the function's name."""
    data, openapi = parsed
    by_endpoint = spec_operations_by_endpoint(data)
    return {str(endpoint.name): make(data, by_endpoint[endpoint.name][2], endpoint) for endpoint in _endpoints(openapi)}


@pytest.mark.committed_spec
def test_pages_name_the_walk_arguments_and_the_item_type_of_the_paginated_list_only(
    parsed: tuple[dict[str, Any], GeneratorData],
) -> None:
    paged = _per_function(parsed, globals_.pages)

    assert paged.pop("list_stream_workspaces") == {
        "page_argument": "page_num",
        "size_argument": "items_per_page",
        "items_attribute": "results",
        "item_type": "StreamsTenant",
        "item_imports": ["from ...models.streams_tenant import StreamsTenant", "from typing import cast"],
    }
    assert set(paged.values()) == {None}


@pytest.mark.committed_spec
def test_read_back_names_the_get_its_arguments_and_the_fields_to_match_of_the_creates_only(
    parsed: tuple[dict[str, Any], GeneratorData],
) -> None:
    calls = _per_function(
        parsed, lambda data, operation, endpoint: globals_.read_back_call(data, operation, endpoint, "field_")
    )

    expected = {
        "tag": "streams",
        "module": "get_stream_workspace",
        "arguments": [("group_id", "group_id"), ("tenant_name", "value_at(body, '/name')")],
        "match": ["/dataProcessRegion/cloudProvider", "/dataProcessRegion/region", "/streamConfig/tier"],
    }
    assert calls.pop("create_stream_workspace") == expected
    assert calls.pop("with_stream_sample_connections") == expected
    assert set(calls.values()) == {None}


# A spec of our own for the hand-written examples' helpers: a create whose body has `name` and `config.tier`.
_EXAMPLE_SPEC: dict[str, Any] = {
    "paths": {
        "/things": {
            "post": {
                "x-codegen-operation-name": "createThing",
                "x-codegen-cli": {"command": "things create", "options": {"name": "name", "tier": "config.tier"}},
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
            }
        }
    },
    "components": {
        "schemas": {
            "Thing": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "config": {"type": "object", "properties": {"tier": {"type": "string"}}},
                },
            }
        }
    },
}


def test_a_hand_written_example_keeps_only_the_fields_the_spec_still_defines() -> None:
    written = {"name": "x", "config": {"tier": "SP30", "maxTierSize": "SP50"}, "gone": 1}

    assert globals_.known_body(_EXAMPLE_SPEC, "createThing", written) == {"name": "x", "config": {"tier": "SP30"}}


def test_the_options_of_a_hand_written_example_follow_the_extension_for_the_fields_it_sets() -> None:
    assert globals_.body_option_words(_EXAMPLE_SPEC, "createThing", {"config": {"tier": "SP30"}, "name": "x"}) == (
        "--name x --tier SP30"
    )


def test_an_example_for_an_operation_the_spec_lacks_stays_as_written_with_no_options() -> None:
    written = {"name": "x", "gone": 1}

    assert globals_.known_body(_EXAMPLE_SPEC, "deleteThing", written) == written
    assert globals_.body_option_words(_EXAMPLE_SPEC, "deleteThing", written) == ""
