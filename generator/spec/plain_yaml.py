"""Plain data (dicts, lists, scalars) from a large YAML file, fast: the 4 MB upstream Atlas spec.

Measured on this project's 2-core machine for atlas-admin-v2.multi-version.yaml: ruamel.yaml
round-trip 8-20 s, ruamel.yaml's C-backed safe loader 1.7 s, PyYAML's CSafeLoader 1.4 s. Most of
CSafeLoader's time goes into building a node graph (with two position marks per node) that is then
walked again in Python. libyaml's event stream itself takes 0.2 s, so this module builds dicts and
lists straight from those events (0.3 s in all). Every scalar still goes through PyYAML's own
resolver and constructor (memoised per distinct plain value), so values are what `yaml.safe_load`
gives, except timestamps, which stay strings: an OpenAPI document is JSON data, and the round-trip
loader of our own spec (loading.py) produces strings there too.

Anchors, aliases, merge keys, complex keys and duplicate keys are refused with a located error; Atlas
specs use none. Our own YAML files are read with this loader too (loading.py), which builds
ruamel.yaml's round-trip tree (comments, lines) only when a line must be named or the file rewritten.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml import events
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from generator.errors import CodegenError

_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Scalars(SafeConstructor, Resolver):
    """PyYAML's safe scalar semantics, timestamps excepted."""

    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP]
        for first, resolvers in Resolver.yaml_implicit_resolvers.items()
    }

    def __init__(self) -> None:
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self._plain_tags: dict[str, str] = {}

    def value(self, event: events.ScalarEvent) -> Any:
        if event.implicit[0]:
            tag = self._plain_tags.get(event.value)
            if tag is None:
                tag = self._plain_tags[event.value] = self.resolve(  # type: ignore[no-untyped-call]
                    ScalarNode, event.value, (True, False)
                )
        else:
            tag = event.tag if event.tag not in (None, "!") else _STR
        if tag == _STR:
            return event.value
        return self.construct_object(ScalarNode(tag, event.value))


class _NoKey:
    """Marks an open mapping that waits for its next key."""


_NO_KEY = _NoKey()


def load_plain(path: Path) -> Any:
    """The first document of the YAML file at `path` as plain Python data."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise CodegenError(f"cannot read {path.name}: {err.strerror}", path) from err
    return load_plain_text(text, path)


def load_plain_text(text: str, path: Path) -> Any:
    """`text`, the content of the YAML file `path`, as plain Python data (a duplicate key is an error)."""
    parser = yaml.CSafeLoader(text)
    try:
        return _build(parser, path)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = err.problem or err.context or "invalid YAML"
        raise CodegenError(
            f"YAML: {problem}", path, mark.line + 1 if mark else None, mark.column + 1 if mark else None
        ) from err
    finally:
        parser.dispose()


def _build(parser: yaml.CSafeLoader, path: Path) -> Any:
    scalars = _Scalars()
    root: Any = None
    containers: list[dict[Any, Any] | list[Any]] = []
    keys: list[Any] = []  # per open container: the key awaiting its value (mappings only)

    def place(value: Any, event: events.Event) -> None:
        nonlocal root
        if not containers:
            root = value
            return
        container = containers[-1]
        if isinstance(container, list):
            container.append(value)
        elif keys[-1] is _NO_KEY:
            if isinstance(value, (dict, list)):
                raise _located("complex mapping keys are not supported", path, event)
            if value in container:
                raise _located(f"YAML: duplicate key {value!r}", path, event)
            keys[-1] = value
        else:
            container[keys[-1]] = value
            keys[-1] = _NO_KEY

    while True:
        event = parser.get_event()
        if event is None:
            return root
        if isinstance(event, events.ScalarEvent):
            try:
                value = scalars.value(event)
            except yaml.constructor.ConstructorError as err:
                raise _located(f"YAML: {err.problem}", path, event) from err
            place(value, event)
        elif isinstance(event, events.MappingStartEvent):
            mapping: dict[Any, Any] = {}
            place(mapping, event)
            containers.append(mapping)
            keys.append(_NO_KEY)
        elif isinstance(event, events.SequenceStartEvent):
            sequence: list[Any] = []
            place(sequence, event)
            containers.append(sequence)
            keys.append(None)
        elif isinstance(event, (events.MappingEndEvent, events.SequenceEndEvent)):
            containers.pop()
            keys.pop()
        elif isinstance(event, events.AliasEvent):
            raise _located("YAML aliases (*name) are not supported", path, event)
        elif isinstance(event, (events.DocumentEndEvent, events.StreamEndEvent)):
            return root
        if getattr(event, "anchor", None):
            raise _located("YAML anchors (&name) are not supported", path, event)


def _located(message: str, path: Path, event: events.Event) -> CodegenError:
    mark = event.start_mark
    if mark is None:
        return CodegenError(message, path)
    return CodegenError(message, path, mark.line + 1, mark.column + 1)
