"""The documented examples and statuses of the spec under test, for tests (this is a helper module, not a test file).

Every function takes the operation by its OperationKey; without one it means the operation with a request body
(the first, in document order), the one the client tests send. Nothing here names today's operation, statuses or
media types: they are read from the spec, so the tests follow it when it changes. Every function returns a fresh
deep copy, so a test may mutate what it gets.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import cache
from typing import Any

import pytest

from generator.spec.plain_yaml import load_plain
from generator.spec.pointers import Pointer, resolved
from generator.spec.vocabulary import SPLIT_FROM, OperationKey, operations, schema_name
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
    """(media type, media object) of a request body or response, which document one media type each."""
    content: dict[str, Any] = resolved(spec_data(), content_holder)["content"]
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
    name = schema_name(_media(_operation(key)["requestBody"])[1]["schema"])
    if name is None:
        raise ValueError("the request body's schema is not a component schema")
    return name


def documented_statuses(key: OperationKey | None = None) -> list[int]:
    """Every status the operation documents, ascending."""
    return sorted(int(status) for status in _operation(key)["responses"])


def success_status(key: OperationKey | None = None) -> int:
    """The lowest documented 2xx status."""
    return min(status for status in documented_statuses(key) if 200 <= status < 300)


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


def response_headers(status: int, key: OperationKey | None = None) -> list[str]:
    """The names of the headers the `status` response documents, as the spec writes them."""
    return list(resolved(spec_data(), _response(status, key)).get("headers", {}))


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
