"""Fixes applied to the loaded spec before generation: a separate, tested step (as atlas-sdk-go does),
so the curated file stays faithful to upstream and every adjustment is visible here."""

from __future__ import annotations

import copy
from typing import Any

from generator.schema_facts import SCHEMA_PREFIX, SPLIT_FROM, write_only_properties

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def apply_spec_fixes(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of `data` ready for the generator; `data` itself is left alone."""
    fixed = copy.deepcopy(data)
    for operation in operations(fixed):
        _use_operation_id_override(operation)
    _send_query_parameters_only_when_set(fixed)
    _accept_unknown_subtypes(fixed)
    _require_write_only_properties_in_requests_only(fixed)
    return fixed


def operations(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [operation for _, _, operation in located_operations(data)]


def located_operations(data: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(path, method, operation) of every operation, in spec order."""
    return [
        (path, method, operation)
        for path, path_item in data.get("paths", {}).items()
        for method, operation in path_item.items()
        if method in HTTP_METHODS and isinstance(operation, dict)
    ]


def _use_operation_id_override(operation: dict[str, Any]) -> None:
    # Atlas SDKs name operations after x-xgen-operation-id-override (createStreamWorkspace), not the
    # path-derived operationId (createGroupStreamWorkspace); the generator names functions from operationId.
    override = operation.get("x-xgen-operation-id-override")
    if isinstance(override, str) and override:
        operation["operationId"] = override


def _send_query_parameters_only_when_set(data: dict[str, Any]) -> None:
    # A query default (envelope=false, pretty=false) is the server's to apply. Without it the
    # generated argument defaults to UNSET and is sent only when the caller passes it.
    parameters = list(data.get("components", {}).get("parameters", {}).values())
    parameters += [p for operation in operations(data) for p in operation.get("parameters", [])]
    for parameter in parameters:
        if parameter.get("in") == "query" and isinstance(parameter.get("schema"), dict):
            parameter["schema"].pop("default", None)


def _accept_unknown_subtypes(data: dict[str, Any]) -> None:
    # A discriminator value newer than the client must still parse: listing the split-out base
    # (x-codegen-split-from) in the parent's oneOf gives the generated union a member to fall back on.
    schemas = data.get("components", {}).get("schemas", {})
    for name, schema in schemas.items():
        parent = schemas.get(schema.get(SPLIT_FROM, ""))
        if parent is None or "oneOf" not in parent:
            continue
        ref = {"$ref": f"{SCHEMA_PREFIX}{name}"}
        if ref not in parent["oneOf"]:
            parent["oneOf"].append(ref)


def _require_write_only_properties_in_requests_only(data: dict[str, Any]) -> None:
    # OpenAPI 3.0: a required writeOnly property is required in requests only, and responses leave it out
    # (ConfluentUserInfoAuthentication.password). Required, the generated model could not parse a response.
    schemas = data.get("components", {}).get("schemas", {})
    for name, write_only in write_only_properties(data).items():
        for schema in [schemas[name], *schemas[name].get("allOf", [])]:
            if write_only & set(schema.get("required", [])):
                schema["required"] = [prop for prop in schema["required"] if prop not in write_only]
