"""The seed page (../shared/seed/): MongoDB's Korean reference page for the operation, whose documented
examples the committed spec must reproduce. Tests that read it carry the `committed_spec` marker."""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from support.shared_files import SHARED, shared_file

SEED_PATH = SHARED / "seed" / "000_4abf22f1c158eb72.txt"


def seed_text() -> str:
    return shared_file(SEED_PATH).read_text(encoding="utf-8")


@cache
def _examples() -> dict[str, Any]:
    """JSON blocks after "요청 예시" (request) and "응답 예시(NNN)" (responses), by "request" or status."""
    text = seed_text()
    decoder = json.JSONDecoder()
    found: dict[str, Any] = {}
    for match in re.finditer(r"요청 예시|응답 예시\((\d{3})\)", text):
        start = text.index("{", match.end())
        value, _ = decoder.raw_decode(text, start)
        found[match.group(1) or "request"] = value
    return found


def seed_examples() -> dict[str, Any]:
    """A fresh copy of every documented example of the seed page, by "request" or status ("200", "400", ...)."""
    copied: dict[str, Any] = json.loads(json.dumps(_examples()))
    return copied
