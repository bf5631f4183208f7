"""How much a YAML file may ask of the toolkit, for both loaders (plain_yaml.py and ruamel.yaml's round-trip tree
in loading.py): how deep it nests, how far its aliases expand, and how long an integer may be. Past a bound the
file is refused with one line at the place that crossed it, before memory or Python's recursion runs out.

The bounds sit far above what any OpenAPI document needs (the full Atlas spec nests 16 levels and uses no alias),
and below what the recursive consumers of the data (jsonschema, the library's parser, the normal form) survive.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.errors import CodegenError

MAX_DEPTH = 64  # mappings and sequences, one inside the other
# Aliases may repeat parts of a document (a text many fields share), not multiply it (a "billion laughs"): the
# expanded document may have at most this many times the nodes written, plus a floor for small documents.
EXPANSION_FACTOR = 4
EXPANSION_FLOOR = 10_000
# Python refuses to turn longer decimal strings into integers (and json to write them back).
MAX_INT_DIGITS = sys.int_info.default_max_str_digits
_BASES = {"0b": 2, "0o": 8, "0x": 16}

# A symptom in a problem below -> how to fix it (both loaders look hints up here).
HINTS = {
    "nested deeper than": "an OpenAPI document needs far fewer levels: move parts into components ($ref)",
    "expands the document past": "an alias may repeat a part of the document a few times, not multiply it",
    "refers to a node that contains it": "an alias may only name a node that ends before it",
    "integer longer than": "quote it if it is text, or write a smaller number",
}


def hint_for(problem: str) -> str | None:
    return next((hint for symptom, hint in HINTS.items() if symptom in problem), None)


class InputLimit(CodegenError):
    """The file is past one of the bounds: refused as it is, by either loader."""


def depth_problem(depth: int) -> str | None:
    if depth <= MAX_DEPTH:
        return None
    return f"nested deeper than {MAX_DEPTH} levels"


def integer_problem(text: str) -> str | None:
    """Whether the YAML integer `text` (any base, with underscores) has more decimal digits than Python takes."""
    digits = text.replace("_", "").lstrip("+-")
    base = _BASES.get(digits[:2], 10)
    significant = len(digits) - (2 if base != 10 else 0)
    if significant * math.log10(base) <= MAX_INT_DIGITS:
        return None
    return f"integer longer than {MAX_INT_DIGITS} digits"


@dataclass
class ExpansionBudget:
    """Counts the nodes a document has as written and as its aliases expand it."""

    written: int = 0
    expanded: int = 0  # nodes that aliases add beyond themselves

    def expand(self, alias: str, size: int) -> str | None:
        """Account for one alias to a node of `size` nodes; the problem when that goes past the bound."""
        self.expanded += size - 1
        bound = EXPANSION_FACTOR * self.written + EXPANSION_FLOOR
        if self.written + self.expanded <= bound:
            return None
        return (
            f"alias *{alias} expands the document past {bound} nodes "
            f"({EXPANSION_FACTOR} times the {self.written} written so far, plus {EXPANSION_FLOOR})"
        )


def recursive_alias(alias: str) -> str:
    return f"alias *{alias} refers to a node that contains it"


def unacceptable_character(position: int, character: object, reason: str, text: str, path: Path) -> InputLimit:
    """A reader's refusal of a character YAML does not allow (NUL, DEL), at its line and column."""
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    what = f"#x{character:04x}" if isinstance(character, int) else repr(character)
    return InputLimit(
        f"YAML: unacceptable character {what} ({reason})",
        path,
        line,
        column,
        hint="delete it, or write it as an escape (\\x00) inside a double-quoted string",
    )
