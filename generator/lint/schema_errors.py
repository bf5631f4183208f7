"""jsonschema's validation errors, turned into a pointer and a message a person can act on.

A failed oneOf/anyOf reports one error per alternative; most of them only say that the alternative did
not apply (a Reference wants `$ref`, a query parameter wants `in: query`). `explain` finds the error of
the alternative that did apply, or, when none did, lists every value that would have selected one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from jsonschema.exceptions import ValidationError

from generator.spec.pointers import Pointer


def explain(error: ValidationError) -> tuple[Pointer, str, str | None]:
    """(pointer into the validated instance, message, hint or None) for one top-level error."""
    while error.context:
        branches = _branches(error)
        applicable = [branch for branch in branches if not _selects_another_alternative(branch, error)]
        candidates = [child for branch in applicable or branches for child in branch]
        enums = [child for child in candidates if child.validator == "enum"]
        if not applicable or (enums and len(enums) == len(candidates)):
            if not enums:
                break
            allowed = [value for child in enums for value in _listed(child.validator_value)]
            return tuple(enums[0].absolute_path), f"{enums[0].instance!r} is not one of {allowed}", None
        error = max(candidates, key=lambda child: len(child.absolute_path))
    pointer = tuple(error.absolute_path)
    if (
        error.validator == "additionalProperties"
        and isinstance(error.instance, dict)
        and isinstance(error.schema, Mapping)
    ):
        unknown = _unknown_keys(error.instance, error.schema)
        if unknown:
            known = ", ".join(sorted(error.schema.get("properties", {})))
            return (*pointer, unknown[0]), f"unknown key {unknown[0]!r}", f"known keys here: {known}, and x- extensions"
    if error.validator in _COUNT_LIMITS and isinstance(error.instance, list):
        return pointer, f"{len(error.instance)} items, {_COUNT_LIMITS[error.validator]} {error.validator_value}", None
    return pointer, error.message, None


# jsonschema repeats the whole array in these messages; the count says it better.
_COUNT_LIMITS = {"maxItems": "at most", "minItems": "at least"}


def json_path(pointer: Pointer) -> str:
    """`$.a.b[0]['c/d']`: how messages name a place inside a document."""
    path = "$"
    for part in pointer:
        if isinstance(part, int):
            path += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", part):
            path += f".{part}"
        else:
            path += f"[{part!r}]"
    return path


def _branches(error: ValidationError) -> list[list[ValidationError]]:
    """The errors of each alternative, grouped by the alternative's index."""
    by_index: dict[Any, list[ValidationError]] = {}
    for child in error.context or ():
        by_index.setdefault(child.relative_schema_path[0], []).append(child)
    return list(by_index.values())


def _selects_another_alternative(branch: list[ValidationError], parent: ValidationError) -> bool:
    # A Reference alternative that wants `$ref`, or an alternative whose enum on a direct member (`in`,
    # `type`) rejects the value: the document meant another alternative.
    depth = len(parent.absolute_path)
    return any(
        (child.validator == "required" and child.validator_value == ["$ref"])
        or (child.validator == "enum" and len(child.absolute_path) == depth + 1)
        for child in branch
    )


def _listed(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else [value]


def _unknown_keys(instance: dict[str, Any], schema: Mapping[str, Any]) -> list[str]:
    patterns = [re.compile(pattern) for pattern in schema.get("patternProperties", {})]
    return [
        key
        for key in instance
        if key not in schema.get("properties", {}) and not any(pattern.search(key) for pattern in patterns)
    ]
