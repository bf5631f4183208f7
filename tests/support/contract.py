"""The API contract of spec/streams.yaml, checked on the wire by openapi-core (a helper module, not a test file).

    contract = Contract()
    contract.violations(recorded_request, canned_response)  # [] when both keep the contract

The loopback server (tests/support/loopback.py) asks its contract about every exchange, so every request the
generated client sends in the tests and every response it parses is checked by a validator independent of
the generator. What is checked:

- requests to the Atlas API (paths under /api/atlas/): the operation exists; path, query and header
  parameters, Content-Type and body match the spec (openapi-core, so readOnly fields in a body are refused);
  Accept asks for one of the operation's success media types, which is how Atlas picks the API version;
- their responses, when the status is documented: Content-Type and body (writeOnly fields are refused); an
  empty body where the status documents no schema keeps the contract.

Outside the contract, and so not checked: other paths (the OAuth token endpoint is not in the spec),
undocumented statuses (a 503 from a proxy), and responses to envelope=true, whose wrapped bodies the spec
does not describe.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from openapi_core import Config, OpenAPI
from openapi_core.testing import MockRequest, MockResponse
from ruamel.yaml import YAML

from generator.spec.fixes import drop_no_body_schemas
from generator.spec.pointers import resolve_pointer, walk
from support import SPEC_PATH
from support.loopback import CannedResponse, RecordedRequest

API_PREFIX = "/api/atlas/"


class Contract:
    def __init__(self, spec_path: Path = SPEC_PATH) -> None:
        self.spec: dict[str, Any] = YAML(typ="safe").load(spec_path.read_text(encoding="utf-8"))
        drop_no_body_schemas(self.spec)  # upstream's NoBody means no body, as the client reads it
        vendor_json: dict[str, Callable[[bytes], Any]] = {
            media: json.loads for media in _media_types(self.spec) if media.endswith("+json")
        }
        self._openapi = OpenAPI.from_dict(self.spec, config=Config(extra_media_type_deserializers=vendor_json))
        # Requests are judged as if sent to the documented server; the loopback server stands in for it.
        self._server = self.spec["servers"][0]["url"]

    def violations(self, request: RecordedRequest, response: CannedResponse | None = None) -> list[str]:
        """What breaks the contract in this exchange, one line each, naming method and path."""
        if not request.path_only.startswith(API_PREFIX):
            return []
        api_request = self._api_request(request)
        problems = [
            line for error in self._openapi.iter_request_errors(api_request) for line in _described("request", error)
        ]
        problems += self._accept_problems(request)
        if response is not None and self._documents(request, response):
            api_response = MockResponse(
                response.body,
                response.status,
                headers=response.headers,
                content_type=response.headers.get("Content-Type", ""),
            )
            for error in self._openapi.iter_response_errors(api_request, api_response):
                problems += _described(f"response {response.status}", error)
        return [f"{request.method} {request.path}: {problem}" for problem in problems]

    def _api_request(self, request: RecordedRequest) -> MockRequest:
        return MockRequest(
            self._server,
            request.method,
            request.path_only,
            args=request.query,  # type: ignore[arg-type]  # a list of pairs keeps repeated parameters
            headers=request.headers.items(),  # type: ignore[arg-type]
            data=request.body,
            content_type=request.headers.get("Content-Type", ""),
        )

    def _accept_problems(self, request: RecordedRequest) -> list[str]:
        wanted = self._success_media_types(request)
        accept = request.headers.get("Accept")
        asked = {part.split(";")[0].strip() for part in (accept or "").split(",")}
        if not wanted or asked & wanted:
            return []
        if accept is None:
            return [f"request: no Accept header; Atlas picks the API version from it ({', '.join(sorted(wanted))})"]
        return [f"request: Accept {accept!r} asks for none of {', '.join(sorted(wanted))}"]

    def _success_media_types(self, request: RecordedRequest) -> set[str]:
        operation = self._operation(request)
        responses = operation.get("responses", {}) if operation else {}
        return {
            media
            for status, response in responses.items()
            if str(status).startswith("2")
            for media in _resolved(self.spec, response).get("content", {})
        }

    def _documents(self, request: RecordedRequest, response: CannedResponse) -> bool:
        if ("envelope", "true") in request.query:
            return False
        operation = self._operation(request)
        documented = operation.get("responses", {}).get(str(response.status)) if operation else None
        if documented is None:
            return False
        # A media type without a schema (upstream's 202 for deletes) documents a success without a body, which
        # openapi-core would call missing.
        media = _resolved(self.spec, documented).get("content", {})
        return bool(response.body) or any("schema" in node for node in media.values())

    def _operation(self, request: RecordedRequest) -> dict[str, Any] | None:
        for template, path_item in self.spec["paths"].items():
            if _matches(template, request.path_only):
                operation: dict[str, Any] | None = path_item.get(request.method.lower())
                return operation
        return None


@cache
def shared_contract() -> Contract:
    """One Contract for the whole run: reading and checking the spec takes a moment."""
    return Contract()


def _resolved(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = resolve_pointer(spec, node["$ref"])
    return node


def _matches(template: str, path: str) -> bool:
    template_parts, path_parts = template.split("/"), path.split("/")
    return len(template_parts) == len(path_parts) and all(
        t == p or (t.startswith("{") and t.endswith("}") and p) for t, p in zip(template_parts, path_parts, strict=True)
    )


def _media_types(spec: dict[str, Any]) -> set[str]:
    return {
        str(media)
        for pointer, _ in walk(spec)
        if len(pointer) >= 2 and pointer[-2] == "content"
        for media in [pointer[-1]]
    }


def _described(what: str, error: Exception) -> list[str]:
    """openapi-core's error without the value dump it carries: one line per schema violation, by JSON path."""
    cause = error.__cause__
    schema_errors = getattr(cause, "schema_errors", None) or ()
    if not schema_errors:
        return [f"{what}: {cause or error}"]
    name = getattr(error, "name", None)
    where = f"{what} parameter {name}" if name else f"{what} body"
    return [f"{where} {schema_error.json_path}: {schema_error.message}" for schema_error in schema_errors]
