"""The facts of a spec: the normal form in which two specs are compared (upstream-diff, changes, and
tests/test_spec_matches_upstream.py).

Left out, because they are ours by design or documentation only:
- prose: every `description` (also externalDocs' and tags'), the texts of an operation's
  `x-xgen-changelog` (its dates are compared), the document's `info` (title and description are ours);
- examples (`example`, `examples`) and upstream's code samples (`x-codeSamples`);
- locale overlays: `x-i18n...` keys and two-letter language keys such as `x-ko`;
- our own `x-codegen-*` extensions (generator settings such as CLI options);
- comments (plain data has none) and the allOf-cycle split (undone, see cycle_split.py);
- our corrections of upstream facts: a mapping marked `x-codegen-upstream: {key: upstream's value}`
  gets upstream's values back before the comparison (BaseStreamsRegion's impossible `type: object`).

A key inside a schema's `properties` map is a property name, never one of these keywords
(FieldViolation has a property called `description`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.spec.cycle_split import undo_split
from generator.spec.pointers import Pointer
from generator.spec.vocabulary import CHANGELOG, OUR_EXTENSION_PREFIX, UPSTREAM_VALUES

_EXAMPLE_KEYS = ("example", "examples")
_CODE_SAMPLES = "x-codeSamples"
_LOCALE_OVERLAY = re.compile(r"^x-(i18n.*|[a-z]{2})$")


def entries(node: Any, path: Pointer = (), in_properties: bool = False) -> Iterator[tuple[Pointer, Any, Any, bool]]:
    """(path of the mapping, key, value, whether the mapping is a `properties` map) for every mapping entry."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield path, key, value, in_properties
            yield from entries(value, (*path, key), key == "properties" and not in_properties)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from entries(value, (*path, index), False)


def is_prose(key: Any, value: Any, in_properties: bool) -> bool:
    return not in_properties and key == "description" and isinstance(value, str)


def is_changelog(key: Any, in_properties: bool) -> bool:
    """Whether the entry is an operation's changelog, whose texts are prose (see apply.py)."""
    return not in_properties and key == CHANGELOG


def _changelog_dates(value: Any) -> Any:
    return sorted(map(str, value)) if isinstance(value, dict) else value


def is_example(key: Any, in_properties: bool) -> bool:
    return not in_properties and key in _EXAMPLE_KEYS


def is_documentation(key: Any, value: Any, in_properties: bool) -> bool:
    """Prose, examples, code samples or a locale overlay: never compared, never copied from upstream."""
    if in_properties:
        return False
    return (
        is_prose(key, value, in_properties)
        or is_example(key, in_properties)
        or key == _CODE_SAMPLES
        or (isinstance(key, str) and _LOCALE_OVERLAY.match(key) is not None)
    )


def is_ours(key: Any, value: Any, in_properties: bool) -> bool:
    """Documentation, or one of our own `x-codegen-*` extensions: no upstream fact."""
    our_extension = isinstance(key, str) and key.startswith(OUR_EXTENSION_PREFIX)
    return is_documentation(key, value, in_properties) or (not in_properties and our_extension)


def ours_only(node: dict[str, Any]) -> dict[str, Any]:
    """The entries of a mapping that are our own extensions (x-codegen-*)."""
    return {key: value for key, value in node.items() if isinstance(key, str) and key.startswith(OUR_EXTENSION_PREFIX)}


def strip_ours(node: Any, in_properties: bool = False) -> Any:
    """A copy of `node` without what is ours (see is_ours); of a changelog, the dates."""
    if isinstance(node, dict):
        return {
            key: _changelog_dates(value)
            if is_changelog(key, in_properties)
            else strip_ours(value, key == "properties" and not in_properties)
            for key, value in node.items()
            if not is_ours(key, value, in_properties)
        }
    if isinstance(node, list):
        return [strip_ours(value) for value in node]
    return node


def normal_form(data: dict[str, Any], origin: Path | None = None) -> dict[str, Any]:
    """`data` (our layout or upstream's) as comparable facts: JSON values with string keys, upstream's
    layout, nothing of ours, no `info`."""
    plain = json.loads(json.dumps(data, default=str))
    facts: dict[str, Any] = strip_ours(undo_split(with_upstream_values(plain), origin))
    facts.pop("info", None)
    return facts


def with_upstream_values(node: Any) -> Any:
    """`node` with every correction of ours (x-codegen-upstream) replaced by upstream's value, in place."""
    if isinstance(node, dict):
        node.update(node.get(UPSTREAM_VALUES, {}))
        for value in node.values():
            with_upstream_values(value)
    elif isinstance(node, list):
        for value in node:
            with_upstream_values(value)
    return node
