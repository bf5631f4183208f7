"""Bodies that should be JSON: Atlas, or a proxy in front of it, may answer with HTML, nothing at all or a
truncated body."""

import json
from typing import Any


def json_or_none(content: bytes) -> Any:
    """The JSON value of `content`, or None when it is not JSON."""
    try:
        return json.loads(content)
    except ValueError:
        return None
