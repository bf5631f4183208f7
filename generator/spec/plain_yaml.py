"""Plain data (dicts, lists, scalars) from a large YAML file, fast: the 4 MB upstream Atlas spec.

Measured on this project's 2-core machine for atlas-admin-v2.multi-version.yaml: ruamel.yaml
round-trip 8-20 s, ruamel.yaml's C-backed safe loader 1.7 s, PyYAML's CSafeLoader 1.4 s. Most of
CSafeLoader's time goes into building a node graph (with two position marks per node) that is then
walked again in Python. libyaml's event stream itself takes 0.2 s, so this module builds dicts and
lists straight from those events (0.3 s in all).

Scalars follow the YAML 1.2 core schema exactly as ruamel.yaml's round-trip loader reads it (its own
resolver decides each plain scalar's type, memoised per distinct value): `yes`, `NO`, `on` stay text, `010`
is 10 and `0o17` is 15, where PyYAML's YAML 1.1 would read True, False, True, 8 and '0o17'. Timestamps
stay text: an OpenAPI document is JSON data.

Anchors and aliases are read, each alias as a copy of its node, within the bounds of yaml_limits.py (depth,
expansion, integer length), refused past them at the offending line. Merge keys, complex keys, other tags and
a `%YAML 1.1` document are left to ruamel.yaml (FastLoaderRefused); duplicate keys are an error.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from yaml import events

from generator.errors import CodegenError, read_utf8
from generator.spec.yaml_limits import (
    MAX_DEPTH,
    ExpansionBudget,
    InputLimit,
    depth_problem,
    hint_for,
    integer_problem,
    recursive_alias,
    unacceptable_character,
)

_CORE = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = (_CORE + name for name in ("str", "int", "float", "bool", "null"))
_MERGE = _CORE + "merge"
# `<<` is text except as a key (a merge key, see _Builder._insert).
_KEPT_AS_TEXT = {_STR, _MERGE, _CORE + "timestamp", _CORE + "value", _CORE + "yaml"}


class FastLoaderRefused(CodegenError):
    """Perhaps valid YAML, but not what this loader reads: loading.py then asks ruamel.yaml, whose messages
    also carry hints."""


class Scalars:
    """Plain and tagged scalars as ruamel.yaml's YAML 1.2 round-trip loader gives them (as plain types)."""

    def __init__(self) -> None:
        self._resolver = VersionedResolver(version=(1, 2))
        self._plain_tags: dict[str, str] = {}

    def value(self, event: events.ScalarEvent) -> Any:
        if event.tag is None and event.implicit[0]:  # a plain scalar
            tag = self._plain_tags.get(event.value)
            if tag is None:
                tag = str(self._resolver.resolve(ScalarNode, event.value, (True, False)))
                self._plain_tags[event.value] = tag
        elif event.tag in (None, "!"):
            # ruamel.yaml's parser calls a plain scalar with the non-specific tag `!` implicit (libyaml does not),
            # so its resolver decides the type of `! 12` and `!` as of a plain scalar.
            plain = not event.style  # libyaml writes "" for the plain style
            tag = str(self._resolver.resolve(ScalarNode, event.value, (plain, not plain)))
        else:
            tag = event.tag
        if tag in _KEPT_AS_TEXT:
            return event.value
        if tag == _NULL:
            return None
        if tag == _BOOL and event.value.lower() in ("true", "false"):
            return event.value.lower() == "true"
        if tag == _INT:
            return _integer(event.value)
        if tag == _FLOAT:
            return _float(event.value)
        raise ValueError(f"YAML tag {tag} is not supported here")


def _integer(text: str) -> int:
    problem = integer_problem(text)
    if problem:
        raise OverflowError(problem)
    digits = text.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    digits = digits.lstrip("+-")
    base = {"0b": 2, "0o": 8, "0x": 16}.get(digits[:2], 10)
    return sign * int(digits[2:] if base != 10 else digits, base)


def _float(text: str) -> float:
    number = text.replace("_", "").lower()
    if number.lstrip("+-") == ".inf":
        return float("-inf") if number.startswith("-") else float("inf")
    if number == ".nan":
        return float("nan")
    return float(number)


class _NoKey:
    """Marks an open mapping that waits for its next key."""


_NO_KEY = _NoKey()


class _Open:
    """A mapping or sequence being read."""

    __slots__ = ("anchor", "deepest", "key", "start", "value")

    def __init__(self, value: dict[Any, Any] | list[Any], anchor: str | None, start: int, depth: int) -> None:
        self.value = value
        self.anchor = anchor
        self.key: Any = _NO_KEY
        self.start = start  # nodes read before it, aliases expanded: its size is the count at its end minus this
        self.deepest = depth  # the deepest level inside it so far


@dataclass(frozen=True)
class _Anchored:
    value: Any
    size: int  # nodes, aliases expanded
    height: int  # levels of mappings and sequences


def load_plain(path: Path) -> Any:
    """The first document of the YAML file at `path` as plain Python data."""
    return load_plain_text(read_utf8(path, path.name), path)


def load_plain_text(text: str, path: Path) -> Any:
    """`text`, the content of the YAML file `path`, as plain Python data (a duplicate key is an error)."""
    parser = yaml.CSafeLoader(text)
    try:
        return _Builder(path).build(parser)
    except yaml.reader.ReaderError as err:
        raise unacceptable_character(err.position, err.character, err.reason, text, path) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = err.problem or err.context or "invalid YAML"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        if "maximum nesting depth" in problem:  # libyaml's own bound (1000), met while scanning ahead
            problem = depth_problem(MAX_DEPTH + 1) or problem
            raise InputLimit(f"YAML: {problem}", path, line, column, hint_for(problem)) from None
        raise FastLoaderRefused(f"YAML: {problem}", path, line, column) from err
    finally:
        parser.dispose()


class _Builder:
    """Plain data from libyaml's events. The loop is this module's hot path (every node of a 4 MB spec), so
    it counts sizes by differences of one running total instead of per container."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.root: Any = None
        self.open: list[_Open] = []
        self.anchors: dict[str, _Anchored] = {}
        self.budget = ExpansionBudget()

    def build(self, parser: yaml.CSafeLoader) -> Any:
        value_of = Scalars().value
        while True:
            event = parser.get_event()
            if isinstance(event, events.ScalarEvent):
                self._scalar(value_of, event)
            elif isinstance(event, events.MappingStartEvent):
                self._start(event, {})
            elif isinstance(event, events.SequenceStartEvent):
                self._start(event, [])
            elif isinstance(event, events.CollectionEndEvent):
                self._end(self.open.pop())
            elif isinstance(event, events.AliasEvent):
                self._alias(event)
            elif isinstance(event, events.DocumentStartEvent) and event.version not in (None, (1, 2)):
                raise self._located(FastLoaderRefused, f"YAML {event.version} documents are not read here", event)
            elif event is None or isinstance(event, (events.DocumentEndEvent, events.StreamEndEvent)):
                return self.root

    @property
    def _total(self) -> int:
        return self.budget.written + self.budget.expanded

    def _scalar(self, value_of: Any, event: events.ScalarEvent) -> None:
        self.budget.written += 1
        try:
            value = value_of(event)
        except OverflowError as err:
            raise self._beyond_limit(str(err), event) from None
        except ValueError as err:
            raise self._located(FastLoaderRefused, f"YAML: {err}", event) from None
        if event.anchor:
            self.anchors[event.anchor] = _Anchored(value, 1, 0)
        self._insert(value, event)

    def _start(self, event: events.CollectionStartEvent, value: dict[Any, Any] | list[Any]) -> None:
        self.budget.written += 1
        self._insert(value, event)
        depth = len(self.open) + 1
        self.open.append(_Open(value, event.anchor, self._total - 1, depth))
        problem = depth_problem(depth)
        if problem:
            raise self._beyond_limit(problem, event)

    def _end(self, closed: _Open) -> None:
        if closed.anchor:
            height = closed.deepest - len(self.open)
            self.anchors[closed.anchor] = _Anchored(closed.value, self._total - closed.start, height)
        if self.open:
            self.open[-1].deepest = max(self.open[-1].deepest, closed.deepest)

    def _alias(self, event: events.AliasEvent) -> None:
        self.budget.written += 1
        name = str(event.anchor)
        if any(opened.anchor == name for opened in self.open):
            raise self._beyond_limit(recursive_alias(name), event)
        anchored = self.anchors.get(name)
        if anchored is None:
            raise self._located(FastLoaderRefused, f"YAML: found undefined alias {name!r}", event)
        deepest = len(self.open) + anchored.height
        problem = depth_problem(deepest) or self.budget.expand(name, anchored.size)
        if problem:
            raise self._beyond_limit(problem, event)
        if self.open:
            self.open[-1].deepest = max(self.open[-1].deepest, deepest)
        # A copy, so that the data is a tree as JSON would give it: changing one place never changes another.
        self._insert(copy.deepcopy(anchored.value), event)

    def _insert(self, value: Any, event: events.NodeEvent) -> None:
        if not self.open:
            self.root = value
            return
        parent = self.open[-1]
        container = parent.value
        if type(container) is list:
            container.append(value)
        elif parent.key is _NO_KEY:
            if isinstance(value, (dict, list)):
                raise self._located(FastLoaderRefused, "complex mapping keys are not supported", event)
            if value == "<<" and isinstance(event, events.ScalarEvent) and event.implicit[0]:
                raise self._located(FastLoaderRefused, "merge keys (<<) are left to ruamel.yaml", event)
            if value in container:
                raise self._located(FastLoaderRefused, f"YAML: duplicate key {value!r}", event)
            parent.key = value
        else:
            container[parent.key] = value
            parent.key = _NO_KEY

    def _beyond_limit(self, problem: str, event: events.Event) -> CodegenError:
        return self._located(InputLimit, f"YAML: {problem}", event, hint_for(problem))

    def _located(
        self, kind: type[CodegenError], message: str, event: events.Event, hint: str | None = None
    ) -> CodegenError:
        mark = event.start_mark
        if mark is None:
            return kind(message, self.path, hint=hint)
        return kind(message, self.path, mark.line + 1, mark.column + 1, hint)
