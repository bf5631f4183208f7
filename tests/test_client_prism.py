"""Content negotiation against a real content-negotiating server: Stoplight Prism mocking our spec
(tests/support/prism.py). Prism answers only in a media type the request's Accept allows, so a client that accepts
only the success type never gets a documented error; with `Prefer: code=<status>` it answers that status with its
documented example. Every documented status of every operation must come back through the client as its model or
as its typed error carrying the documented errorCode."""

from __future__ import annotations

import importlib
import re
from collections.abc import Generator, Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest
from atlas_streams import Client
from atlas_streams.errors import AtlasApiError
from support import SPEC_PATH
from support.atlas_fakes import error_classes, loopback_client
from support.prism import prism_server

from generator.spec.examples import parameter_example
from generator.spec.loading import load_spec
from generator.spec.pointers import resolved
from generator.spec.vocabulary import client_operation_name, operations, spoken


class _StaticBearer(httpx.Auth):
    """Prism checks that a request carries the credentials the spec's security asks for, not their value."""

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = "Bearer prism-accepts-any-token"
        yield request


@pytest.fixture(scope="module")
def prism() -> Iterator[Client]:
    with prism_server() as url, loopback_client(url, auth=_StaticBearer(), retries=1) as client:
        yield client


def _documented_calls() -> list[Any]:
    """(operation module, its arguments from the spec's examples, status, the documented example body or None for a
    bodiless answer) for every documented status of every operation."""
    data = load_spec(SPEC_PATH).data
    calls = []
    for key, operation in operations(data).items():
        name = snake_case(client_operation_name(operation))
        tag = snake_case(operation["tags"][0])
        arguments: dict[str, Any] = {}
        for parameter in (resolved(data, p) for p in operation.get("parameters", [])):
            if parameter["in"] == "path":
                # The value the docs pass: tenantName has no example upstream, so one is made from its schema.
                arguments[snake_case(parameter["name"])] = parameter_example(data, parameter)
        if "requestBody" in operation:
            (media,) = spoken(resolved(data, operation["requestBody"])["content"]).values()
            arguments["body"] = media["example"]
        for status, response in operation["responses"].items():
            (media,) = spoken(resolved(data, response)["content"]).values()
            example = media.get("example") if "schema" in media else None
            calls.append(pytest.param(f"{tag}.{name}", arguments, int(status), example, id=f"{key}-{status}"))
    return calls


def snake_case(name: str) -> str:
    """createStreamWorkspace -> create_stream_workspace, as the generated package names modules."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"atlas_streams.api.{name}")


@pytest.mark.parametrize(("operation", "arguments", "status", "example"), _documented_calls())
def test_each_documented_status_comes_back_as_its_model_or_typed_error(
    prism: Client, operation: str, arguments: dict[str, Any], status: int, example: dict[str, Any] | None
) -> None:
    response = _module(operation).sync_detailed(client=prism, headers={"Prefer": f"code={status}"}, **arguments)

    assert response.status_code == status
    if status < 300:
        assert response.error is None
        if example is None:  # a success without a body (delete's 202) parses to None
            assert response.parsed is None
        else:
            assert response.parsed is not None
            assert response.parsed.to_dict() == example
    else:
        assert example is not None
        assert isinstance(response.error, error_classes().get(status, AtlasApiError))
        assert response.error.error_code == example["errorCode"]
