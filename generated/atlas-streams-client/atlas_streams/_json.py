"""Bodies that should be JSON: Atlas, or a proxy in front of it, may answer with HTML, nothing at all, a
truncated body or (a hostile server) JSON nested deeper than Python's parser goes."""

import json
from typing import Any


def json_or_none(content: bytes) -> Any:
    """The JSON value of `content`, or None when it is not JSON (or nested too deep to parse)."""
    try:
        return json.loads(content)
    except (ValueError, RecursionError):
        return None
