"""From an HTTP response to a Response: envelope unwrapped, success parsed, errors typed."""

import json
from collections.abc import Callable
from typing import Any, TypeVar

import httpx

from ._envelope import unwrap
from ._json import json_or_none
from .errors import AtlasApiError, ResponseParseError
from .types import Response

T = TypeVar("T")


def build_response(
    response: httpx.Response, *, envelope: bool, parse: Callable[[Any], T], has_body: bool = True
) -> Response[T]:
    """`parse` turns a 2xx JSON payload into the operation's model; any other status becomes `error`,
    and so does a 2xx body that is not JSON or that `parse` refuses (a ResponseParseError). Without
    `has_body` (x-codegen-empty-success), a 2xx is a success whatever it carries.

    With `envelope`, Atlas answers 200 with `{"status": <code>, "content": <body>}`: the inner status
    and body are the ones that count.
    """
    status_code = response.status_code
    payload = json_or_none(response.content)
    inner = unwrap(payload) if envelope else None
    if inner is not None:
        status_code, payload = inner
    if 200 <= status_code < 300 and not has_body:
        return Response(status_code=status_code, content=response.content, headers=response.headers, parsed=parse(None))
    if 200 <= status_code < 300:
        try:
            if payload is None:
                payload = json.loads(response.content)  # raises with the decoder's own account of the problem
            parsed = parse(payload)
        except (KeyError, TypeError, ValueError, AttributeError) as cause:
            error: AtlasApiError = ResponseParseError(
                status_code, headers=response.headers, content=response.content, cause=cause
            )
        else:
            return Response(status_code=status_code, content=response.content, headers=response.headers, parsed=parsed)
    else:
        error = AtlasApiError.for_status(
            status_code, headers=response.headers, content=response.content, payload=payload
        )
    return Response(
        status_code=status_code, content=response.content, headers=response.headers, parsed=None, error=error
    )
