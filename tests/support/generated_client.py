"""The generated package's module of an operation and class of a schema, found from the spec under test by the
library's own naming rules, and imported only when a test asks (a helper module, not a test file).

Tests never import an operation module or a model by today's name at module level: after an upstream revision
renames or drops it, the tests that use it fail, instead of the whole run failing at collection.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from openapi_python_client.strings import ClassName, PythonIdentifier, snake_case

from generator.spec.python_naming import command_name
from generator.spec.schema_facts import pagination, read_back
from generator.spec.vocabulary import OperationKey, client_operation_name, command_word, operations
from support.spec_examples import (
    documented_headers,
    documented_operation,
    request_schema_name,
    response_schema_name,
    spec_data,
    success_status,
)

PACKAGE = "atlas_streams"
UNTAGGED = "default"  # the library's module folder for an operation without tags
FIELD_PREFIX = "field_"  # the library's prefix for a name that is no identifier


def operation_module_name(key: OperationKey | None = None) -> str:
    """atlas_streams.api.<first tag>.<function>, as the library lays out an operation (by default the operation
    with a request body, as in tests/support/spec_examples.py)."""
    operation = documented_operation(key)
    tag = (operation.get("tags") or [UNTAGGED])[0]
    return f"{PACKAGE}.api.{snake_case(tag)}.{snake_case(client_operation_name(operation))}"


def operation_slug(key: OperationKey | None = None) -> str:
    """The generated module's name of an operation, which its docs page takes too."""
    return operation_module_name(key).rpartition(".")[2]


def command_words(operation: dict[str, Any] | None = None) -> list[str]:
    """The words that call an operation's generated command (a group's word, then its own), by default the
    command of the operation with a request body."""
    return command_name(command_word(operation or documented_operation())).split(" ")


def operation_module(key: OperationKey | None = None) -> ModuleType:
    """The generated module of an operation: sync, sync_detailed, asyncio, asyncio_detailed and dry_run."""
    return importlib.import_module(operation_module_name(key))


class LazyModule:
    """A generated module that is imported when a test first reads one of its attributes, never at collection."""

    def __init__(self, name: Callable[[], str]) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(importlib.import_module(self._name()), attribute)


# The module of the operation with a request body, which the client tests call: operation.sync(...).
operation = LazyModule(operation_module_name)


def paginated_operation() -> OperationKey:
    """The first paginated list operation of the spec under test (schema_facts.pagination); the test skips
    without one."""
    data = spec_data()
    for key, found in operations(data).items():
        if pagination(data, found, key.method) is not None:
            return key
    pytest.skip("the spec under test has no paginated list operation")


# The module of the paginated list, whose sync_all and asyncio_all the pagination tests walk.
paginated = LazyModule(lambda: operation_module_name(paginated_operation()))


def header_attributes(status: int, key: OperationKey | None = None) -> dict[str, str]:
    """Header name -> the attribute of Response that reads it as an int, for each integer header that the `status`
    response documents (Retry-After is the retry policy's, not an attribute)."""
    return {
        name: attribute(name)
        for name, header in documented_headers(status, key).items()
        if header.get("schema", {}).get("type") == "integer" and name.lower() != "retry-after"
    }


def attribute(name: str) -> str:
    """The Python attribute that a JSON property or a header `name` becomes."""
    return str(PythonIdentifier(name, FIELD_PREFIX))


def model_file(schema: str) -> Path:
    """The module of the model of component schema `schema`, relative to the generated package's folder."""
    return Path(PACKAGE, "models", f"{snake_case(ClassName(schema, ''))}.py")


def model_class(schema: str) -> Any:
    """The generated model class of component schema `schema`."""
    return getattr(importlib.import_module(f"{PACKAGE}.models"), ClassName(schema, ""))


def body_model(key: OperationKey | None = None) -> Any:
    """The model class of the operation's request body (by default, of the operation with a request body)."""
    return model_class(request_schema_name(key))


def success_model(key: OperationKey | None = None) -> Any:
    """The model class of the body of the operation's success response."""
    return model_class(response_schema_name(success_status(key), key))


def read_back_key(key: OperationKey | None = None) -> OperationKey:
    """The GET that an operation's x-codegen-read-back names (by default, the operation with a request body's);
    the test skips without one."""
    found = read_back(spec_data(), documented_operation(key))
    if found is None:
        pytest.skip("the operation has no x-codegen-read-back")
    return found.operation


# The module of the GET that reads a create back, which tests of idempotent retries call: reading.sync(...).
reading = LazyModule(lambda: operation_module_name(read_back_key()))
