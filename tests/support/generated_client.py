"""The generated package's module of an operation and class of a schema, found from the spec under test by the
library's own naming rules, and imported only when a test asks (a helper module, not a test file).

Tests never import an operation module or a model by today's name at module level: after an upstream revision
renames or drops it, the tests that use it fail, instead of the whole run failing at collection.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from openapi_python_client.strings import ClassName, snake_case

from generator.spec.vocabulary import OperationKey, client_operation_name
from support.spec_examples import documented_operation, request_schema_name

PACKAGE = "atlas_streams"
UNTAGGED = "default"  # the library's module folder for an operation without tags


def operation_module_name(key: OperationKey | None = None) -> str:
    """atlas_streams.api.<first tag>.<function>, as the library lays out an operation (by default the operation
    with a request body, as in tests/support/spec_examples.py)."""
    operation = documented_operation(key)
    tag = (operation.get("tags") or [UNTAGGED])[0]
    return f"{PACKAGE}.api.{snake_case(tag)}.{snake_case(client_operation_name(operation))}"


def operation_module(key: OperationKey | None = None) -> ModuleType:
    """The generated module of an operation: sync, sync_detailed, asyncio, asyncio_detailed and dry_run."""
    return importlib.import_module(operation_module_name(key))


def model_class(schema: str) -> Any:
    """The generated model class of component schema `schema`."""
    return getattr(importlib.import_module(f"{PACKAGE}.models"), ClassName(schema, ""))


def body_model(key: OperationKey | None = None) -> Any:
    """The model class of the operation's request body (by default, of the operation with a request body)."""
    return model_class(request_schema_name(key))
