"""Fixes applied to the loaded spec before generation: a separate, tested step (as atlas-sdk-go does),
so the curated file stays faithful to upstream and every adjustment is visible here."""

from __future__ import annotations

import copy
from typing import Any

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def apply_spec_fixes(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of `data` ready for the generator; `data` itself is left alone."""
    fixed = copy.deepcopy(data)
    for operation in operations(fixed):
        _use_operation_id_override(operation)
    return fixed


def operations(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        operation
        for path_item in data.get("paths", {}).values()
        for method, operation in path_item.items()
        if method in HTTP_METHODS and isinstance(operation, dict)
    ]


def _use_operation_id_override(operation: dict[str, Any]) -> None:
    # Atlas SDKs name operations after x-xgen-operation-id-override (createStreamWorkspace), not the
    # path-derived operationId (createGroupStreamWorkspace); the generator names functions from operationId.
    override = operation.get("x-xgen-operation-id-override")
    if isinstance(override, str) and override:
        operation["operationId"] = override
