"""The plain functions behind the templates' Jinja globals (generator/codegen/template_globals.py), on plain
spec data."""

from __future__ import annotations

from typing import Any

from generator.codegen.template_globals import response_headers, validation_schemas

LIMIT = {"description": "Requests allowed in the window. Resets hourly.", "schema": {"type": "integer"}}


def spec(*operations: dict[str, Any]) -> dict[str, Any]:
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


def operation(**headers: dict[str, Any]) -> dict[str, Any]:
    return {
        "responses": {
            "200": {"description": "OK", "headers": headers},
            "429": {"$ref": "#/components/responses/tooMany"},
        }
    }


def test_response_headers_are_read_from_every_response_once_each() -> None:
    first = operation(**{"RateLimit-Limit": {"$ref": "#/components/headers/Limit"}})
    second = operation(
        **{"X-Request-Id": {"description": "Trace id", "schema": {"type": "string"}}, "ratelimit-limit": LIMIT}
    )
    data = spec(first, second)

    headers = response_headers(data, [first, second], "field_")

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

    assert response_headers(spec(only_retry_after), [only_retry_after], "field_") == []


def test_a_header_name_becomes_a_python_identifier() -> None:
    odd = operation(**{"Class": {"schema": {"type": "string"}}, "2xx-Count": {"schema": {"type": "integer"}}})

    names = [header["attribute"] for header in response_headers(spec(odd), [odd], "field_")]

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

    assert validation_schemas(data) == {
        "Size": {"anyOf": [{"type": "integer"}, {"$ref": "#/components/schemas/Named"}]},
        "Named": {"type": "string", "enum": ["S", "M"]},
    }
