"""The compiled checks of the generated client (`_validation.compiled`) say a value is valid exactly when the
walk that words the problems finds none: for every schema of the spec, and for any schema made of the keywords
the checks read, with and without `types_only`."""

from __future__ import annotations

import copy
from typing import Any

from atlas_streams import _validation
from atlas_streams._schemas import SCHEMAS
from hypothesis import given, settings
from hypothesis import strategies as st
from support.spec_examples import request_media, response_media

from generator.spec.pointers import walk


def _harvest(node: Any, names: set[str], texts: set[str]) -> None:
    if isinstance(node, dict):
        names.update(node.get("properties", {}))
        texts.update(value for value in node.get("enum", ()) if isinstance(value, str))
        for child in node.values():
            _harvest(child, names, texts)
    elif isinstance(node, list):
        for child in node:
            _harvest(child, names, texts)


_NAMES: set[str] = set()
_TEXTS: set[str] = {"32b6e34b3d91647abb20e7b8", "", "x"}  # an id that matches the spec's pattern, and two that do not
_harvest(SCHEMAS, _NAMES, _TEXTS)
# The documented examples pass their schemas: values changed from them reach the checks deep inside.
_EXAMPLES = [(media["schema"], media["example"]) for _, media in (request_media(), response_media(True))]

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 600),
    st.floats(allow_nan=False),
    st.sampled_from(sorted(_TEXTS)),
    st.text(max_size=4),
)
_json = st.recursive(
    _scalars,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(sorted(_NAMES)), children),
    max_leaves=20,
)


def _walk_finds_none(value: Any, schema: dict[str, Any], types_only: bool) -> bool:
    problems: list[Any] = []
    _validation._check(value, schema, "$", problems, types_only)
    return not problems


@settings(max_examples=150, deadline=None)
@given(name=st.sampled_from(sorted(SCHEMAS)), value=_json, types_only=st.booleans())
def test_any_value_is_valid_to_the_compiled_checks_exactly_when_the_walk_finds_no_problem(
    name: str, value: Any, types_only: bool
) -> None:
    schema = SCHEMAS[name]

    assert _validation.compiled(schema, types_only)(value) == _walk_finds_none(value, schema, types_only)


@settings(max_examples=150, deadline=None)
@given(which=st.integers(0, len(_EXAMPLES) - 1), data=st.data(), types_only=st.booleans())
def test_a_documented_example_with_one_node_changed_is_judged_alike(
    which: int, data: st.DataObject, types_only: bool
) -> None:
    schema, example = _EXAMPLES[which]
    value = copy.deepcopy(example)
    pointers = [pointer for pointer, _ in walk(value) if pointer]
    if pointers:
        *parent, last = data.draw(st.sampled_from(pointers))
        holder = value
        for part in parent:
            holder = holder[part]
        holder[last] = data.draw(_json)

    assert _validation.compiled(schema, types_only)(value) == _walk_finds_none(value, schema, types_only)


def test_the_documented_examples_pass_the_compiled_checks() -> None:
    for schema, example in _EXAMPLES:
        assert _validation.compiled(schema)(example)


# Property names that would break source code written with them in it: they must only ever be data.
_HOSTILE_NAMES = ["a", "b", "'", '"', "\\", "\n", "'); import os; ('", "{}", "v", "x", "_MISSING", "k"]
_names = st.sampled_from(_HOSTILE_NAMES)
_scalar_schemas = st.fixed_dictionaries(
    {},
    optional={
        "type": st.sampled_from(["string", "boolean", "integer", "number", "array", "object", "null"]),
        "nullable": st.booleans(),
        "enum": st.lists(st.one_of(st.sampled_from(["a", "x", ""]), st.integers(0, 2), st.booleans()), max_size=3),
        "pattern": st.sampled_from(["^a", "x$", "^$", "[$]"]),
        "maxItems": st.integers(0, 2),
        "minItems": st.integers(0, 2),
        "uniqueItems": st.booleans(),
        "readOnly": st.booleans(),
    },
)
_schemas = st.recursive(
    _scalar_schemas,
    lambda inner: st.tuples(
        _scalar_schemas,
        st.fixed_dictionaries(
            {},
            optional={
                "items": inner,
                "properties": st.dictionaries(_names, inner, max_size=3),
                "required": st.lists(_names, max_size=2, unique=True),
                "additionalProperties": st.one_of(st.booleans(), inner),
                "allOf": st.lists(inner, max_size=2),
                "anyOf": st.lists(inner, min_size=1, max_size=2),
                "oneOf": st.lists(inner, min_size=1, max_size=2),
            },
        ),
    ).map(lambda parts: {**parts[0], **parts[1]}),
    max_leaves=8,
)
_any_json = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(0, 2), st.floats(allow_nan=False), st.sampled_from(["a", "x", ""])),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(_names, children, max_size=3),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(schema=_schemas, value=_any_json, types_only=st.booleans())
def test_any_schema_compiles_to_checks_that_agree_with_the_walk(
    schema: dict[str, Any], value: Any, types_only: bool
) -> None:
    _SCHEMAS_KEPT.append(schema)  # compiled() keys on the schema's id: it must outlive the test

    assert _validation.compiled(schema, types_only)(value) == _walk_finds_none(value, schema, types_only)


_SCHEMAS_KEPT: list[dict[str, Any]] = []
