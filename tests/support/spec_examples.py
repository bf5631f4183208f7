"""The documented examples of spec/streams.yaml, for tests (this is a helper module, not a test file).

Import it as `from spec_examples import ...`: pytest's default "prepend" import mode puts tests/ on sys.path.
Every function returns a fresh deep copy, so a test may mutate what it gets.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from ruamel.yaml import YAML

from support import SPEC_PATH

OPERATION_PATH = ("paths", "/api/atlas/v2/groups/{groupId}/streams", "post")
REQUEST_MEDIA_TYPE = "application/vnd.atlas.2023-02-01+json"


@cache
def _spec() -> dict[str, Any]:
    spec: dict[str, Any] = YAML(typ="safe").load(SPEC_PATH.read_text(encoding="utf-8"))
    return spec


def resolved(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow local `$ref`s ("#/components/...") of `spec` to the object they name; other nodes are returned as they
    are. Plain code of its own, not generator.spec.pointers: the client tests also run where only the built wheel is
    installed (tests/test_release.py)."""
    while "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            raise ValueError(f"only local $refs are supported, got {ref!r}")
        target: Any = spec
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def _operation() -> dict[str, Any]:
    node: Any = _spec()
    for key in OPERATION_PATH:
        node = node[key]
    operation: dict[str, Any] = node
    return operation


def _response_content(status: int) -> dict[str, Any]:
    responses = _operation()["responses"]
    if str(status) not in responses:
        raise KeyError(f"status {status} is not documented; documented: {sorted(responses)}")
    content: dict[str, Any] = resolved(_spec(), responses[str(status)])["content"]
    if len(content) != 1:
        raise ValueError(f"expected one media type for {status}, got {sorted(content)}")
    return content


def documented_operation() -> dict[str, Any]:
    """The operation as the spec documents it."""
    return copy.deepcopy(_operation())


def request_example() -> dict[str, Any]:
    """The documented request body."""
    example: dict[str, Any] = _operation()["requestBody"]["content"][REQUEST_MEDIA_TYPE]["example"]
    return copy.deepcopy(example)


def response_example(status: int) -> dict[str, Any]:
    """The documented body of the `status` response (200, or one of documented_error_statuses())."""
    (media,) = _response_content(status).values()
    example: dict[str, Any] = media["example"]
    return copy.deepcopy(example)


def response_media_type(status: int) -> str:
    """The Content-Type under which the `status` response is documented."""
    (media_type,) = _response_content(status)
    return media_type


def documented_error_statuses() -> list[int]:
    """Every documented 4xx/5xx status of the operation, ascending."""
    return sorted(int(status) for status in _operation()["responses"] if int(status) >= 400)
