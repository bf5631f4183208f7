"""From an answer to a Response: envelope unwrapped, success parsed, errors typed."""

import json
from collections.abc import Callable
from typing import Any, TypeVar

from ._envelope import unwrap
from ._json import json_or_none
from ._transport import BodyTooLarge, Received
from .errors import PARSE_ERRORS, AtlasApiError, ResponseParseError, ResponseTooLargeError
from .types import Response

T = TypeVar("T")


def build_response(
    received: Received, *, envelope: bool, parse: Callable[[Any], T], has_body: bool = True
) -> Response[T]:
    """`parse` turns a 2xx JSON payload into the operation's model; any other status becomes `error`,
    and so does a 2xx body that is not JSON, that `parse` refuses (a ResponseParseError), that went over the
    size cap (ResponseTooLargeError) or that could not be decompressed. Without `has_body`
    (x-codegen-empty-success), a 2xx is a success whatever it carries, and so is a DELETE's 404 that the
    transport marked `gone` (the resource went on an earlier attempt): `reconciled` says so.

    With `envelope`, Atlas answers 200 with `{"status": <code>, "content": <body>}`: the inner status
    and body are the ones that count.
    """
    status_code = received.status_code
    if received.gone and not has_body:
        return Response(
            status_code=status_code,
            content=received.content,
            headers=received.headers,
            parsed=parse(None),
            reconciled=True,
        )
    if received.problem is not None:
        return _response(received, status_code, error=_unread_body_error(received))
    payload = json_or_none(received.content)
    inner = unwrap(payload) if envelope else None
    if inner is not None:
        status_code, payload = inner
    if not 200 <= status_code < 300:
        error = AtlasApiError.for_status(
            status_code, headers=received.headers, content=received.content, payload=payload, request=received.request
        )
        return _response(received, status_code, error=error)
    if not has_body:
        return Response(status_code=status_code, content=received.content, headers=received.headers, parsed=parse(None))
    try:
        if payload is None:
            payload = json.loads(received.content)  # raises with the decoder's own account of the problem
        parsed = parse(payload)
    except PARSE_ERRORS as cause:
        error = ResponseParseError(
            status_code, headers=received.headers, content=received.content, cause=cause, request=received.request
        )
        return _response(received, status_code, error=error)
    return Response(status_code=status_code, content=received.content, headers=received.headers, parsed=parsed)


def _unread_body_error(received: Received) -> AtlasApiError:
    """The error for an answer whose body is not all there: too large (whatever the status), or undecodable (a
    success that cannot be read, or the error of its status without a body)."""
    status_code, headers, request = received.status_code, received.headers, received.request
    if isinstance(received.problem, BodyTooLarge):
        limit = received.problem.limit
        return ResponseTooLargeError(
            status_code, limit=limit, headers=headers, content=received.content, request=request
        )
    if 200 <= status_code < 300:
        assert received.problem is not None
        return ResponseParseError(status_code, headers=headers, cause=received.problem, request=request)
    return AtlasApiError.for_status(status_code, headers=headers, request=request)


def _response(received: Received, status_code: int, *, error: AtlasApiError) -> Response[Any]:
    return Response(
        status_code=status_code, content=received.content, headers=received.headers, parsed=None, error=error
    )
