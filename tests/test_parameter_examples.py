"""The value docs examples pass for a parameter (generator/spec/examples.py: parameter_example) is valid for the
parameter's schema, so the client's own checks and Atlas accept it: its example where it has one, else a value
made from its schema (a string its pattern matches: generator/spec/pattern_sample.py). Where none follows the
answer is None, and lint asks for an example at the parameter."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft4Validator
from support.spec_examples import documented_parameters, request_example, spec_data

from generator.spec.examples import parameter_example
from generator.spec.pattern_sample import sample_matching
from generator.spec.vocabulary import operations

NO_SPEC: dict[str, Any] = {"components": {}}


def _path_parameter(schema: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"name": "someName", "in": "path", "required": True, "schema": schema, **extra}


def _valid(value: Any, schema: dict[str, Any]) -> bool:
    return Draft4Validator(schema).is_valid(value)


# --- named cases ---------------------------------------------------------------------------------------------


def test_the_parameters_own_example_wins_over_its_schema() -> None:
    parameter = _path_parameter({"type": "string", "example": "from-schema"}, example="from-parameter")

    assert parameter_example(NO_SPEC, parameter) == "from-parameter"


def test_the_schemas_example_default_and_first_enum_value_come_in_that_order() -> None:
    assert parameter_example(NO_SPEC, _path_parameter({"type": "string", "example": "e", "default": "d"})) == "e"
    assert parameter_example(NO_SPEC, _path_parameter({"type": "string", "default": "d", "enum": ["x"]})) == "d"
    assert parameter_example(NO_SPEC, _path_parameter({"type": "string", "enum": ["x", "y"]})) == "x"


def test_a_plain_string_is_the_type_sample_which_the_request_examples_name_a_new_workspace() -> None:
    # tenantName has no example upstream: the docs get, delete and update the workspace that create's example makes.
    names = {
        parameter_example(spec_data(), parameter)
        for key in operations(spec_data())
        for _, parameter in documented_parameters(key)
        if parameter["in"] == "path" and "example" not in parameter and "example" not in parameter["schema"]
    }

    assert names == {request_example()["name"]}


def test_a_string_without_an_example_follows_its_pattern() -> None:
    value = parameter_example(NO_SPEC, _path_parameter({"type": "string", "pattern": "^([a-f0-9]{24})$"}))

    assert value == "a" * 24


def test_a_number_moves_inside_its_bounds_onto_its_multiple() -> None:
    schema = {"type": "integer", "minimum": 7, "maximum": 50, "multipleOf": 5}

    assert parameter_example(NO_SPEC, _path_parameter(schema)) == 10


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "string", "pattern": "^(?=a)b$"},  # a look-ahead: not sampled
        {"type": "string", "minLength": 5, "maxLength": 3},  # no length fits
        {"type": "integer", "minimum": 1, "maximum": 2, "multipleOf": 5},  # no multiple in bounds
    ],
    ids=["look-ahead", "lengths", "multiple"],
)
def test_no_value_where_the_schema_allows_none_that_can_be_made(schema: dict[str, Any]) -> None:
    assert parameter_example(NO_SPEC, _path_parameter(schema)) is None


# --- the class of parameter schemas --------------------------------------------------------------------------

_LITERALS = st.sampled_from(list("abcXYZ019-_") + [r"\.", r"\/", r"\-"])
_CLASSES = st.sampled_from([r"[a-f0-9]", r"[A-Z]", r"[^/]", r"[^a-z]", r"\d", r"\w", r"\s", r"\D", r"\W", "."])
_QUANTIFIERS = st.sampled_from(["", "*", "+", "?", "{3}", "{2,5}", "{1,}", "*?", "+?"])


# A group repeated without bound around a quantified part ((a*)*) backtracks exponentially in Python's re on a
# sample it does not match: hypothesis once drew one, and the suite hung. Groups take bounded quantifiers only.
_UNBOUNDED = {"*", "+", "{1,}", "*?", "+?"}


def _quantified(atom: str, quantifier: str) -> str:
    return atom + ("" if atom.startswith("(") and quantifier in _UNBOUNDED else quantifier)


def _sequences(atoms: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    parts = st.tuples(atoms, _QUANTIFIERS).map(lambda pair: _quantified(*pair))
    return st.lists(parts, min_size=1, max_size=5).map("".join)


def _groups(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    alternatives = st.lists(_sequences(inner), min_size=1, max_size=3).map("|".join)
    return st.tuples(st.sampled_from(["(", "(?:"]), alternatives).map(lambda parts: f"{parts[0]}{parts[1]})")


_ATOMS = st.recursive(st.one_of(_LITERALS, _CLASSES), _groups, max_leaves=8)
PATTERNS = st.tuples(st.sampled_from(["", "^"]), _sequences(_ATOMS), st.sampled_from(["", "$"])).map("".join)


@settings(max_examples=100, deadline=None)
@given(PATTERNS)
def test_each_pattern_of_the_read_syntax_has_a_sample_that_it_matches(pattern: str) -> None:
    sample = sample_matching(pattern)

    assert sample is not None and re.search(pattern, sample), (pattern, sample)


def _lengths(draw: st.DrawFn) -> dict[str, int]:
    bounds: dict[str, int] = {}
    if draw(st.booleans()):
        bounds["minLength"] = draw(st.integers(0, 30))
    if draw(st.booleans()):
        bounds["maxLength"] = draw(st.integers(bounds.get("minLength", 0), 40))
    return bounds


@st.composite
def string_schemas(draw: st.DrawFn) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", **_lengths(draw)}
    if draw(st.booleans()):
        schema["pattern"] = draw(PATTERNS)
    return schema


@st.composite
def number_schemas(draw: st.DrawFn) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": draw(st.sampled_from(["integer", "number"]))}
    for bound, flag in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        if draw(st.booleans()):
            schema[bound] = draw(st.integers(-1000, 1000))
            schema[flag] = draw(st.booleans())
    if draw(st.booleans()):
        schema["multipleOf"] = draw(st.integers(1, 20))
    return schema


@settings(max_examples=100, deadline=None)
@given(st.one_of(string_schemas(), number_schemas()))
def test_a_value_made_from_a_schema_is_valid_for_it(schema: dict[str, Any]) -> None:
    value = parameter_example(NO_SPEC, _path_parameter(schema))

    assert value is None or _valid(value, schema), (schema, value)


@settings(max_examples=100, deadline=None)
@given(st.builds(lambda lengths: {"type": "string", **lengths}, st.composite(_lengths)()))
def test_a_string_schema_without_a_pattern_always_gets_a_value(schema: dict[str, Any]) -> None:
    value = parameter_example(NO_SPEC, _path_parameter(schema))

    assert value is not None and _valid(value, schema), (schema, value)


@settings(max_examples=100, deadline=None)
@given(st.integers(-1000, 1000), st.integers(2, 1000), st.booleans(), st.booleans())
def test_a_number_range_wider_than_its_exclusive_bounds_always_gets_a_value(
    low: int, width: int, exclusive_low: bool, exclusive_high: bool
) -> None:
    schema = {
        "type": "integer",
        "minimum": low,
        "maximum": low + width,
        "exclusiveMinimum": exclusive_low,
        "exclusiveMaximum": exclusive_high,
    }

    value = parameter_example(NO_SPEC, _path_parameter(schema))

    assert value is not None and _valid(value, schema), (schema, value)
