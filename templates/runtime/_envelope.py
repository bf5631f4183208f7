"""Atlas's envelope: with `envelope=true` in the query, every answer is HTTP 200 carrying
`{"status": <the real status>, "content": <the real body>}`."""

from typing import Any

import httpx

from ._json import json_or_none


def requested(request: httpx.Request) -> bool:
    # Every answer is asked this; most requests have no query, and parsing one costs more than the rest.
    return bool(request.url.query) and request.url.params.get("envelope") == "true"


def unwrap(payload: Any) -> tuple[int, Any] | None:
    """(status, content) when `payload` is an envelope, else None."""
    if not isinstance(payload, dict) or "content" not in payload:
        return None
    status = payload.get("status")
    if not isinstance(status, int) or isinstance(status, bool):
        return None
    return status, payload["content"]


def status_of(status_code: int, request: httpx.Request, content: bytes) -> int:
    """The status that counts: the envelope's when the request asked for one, else the HTTP status."""
    if requested(request):
        inner = unwrap(json_or_none(content))
        if inner is not None:
            return inner[0]
    return status_code
