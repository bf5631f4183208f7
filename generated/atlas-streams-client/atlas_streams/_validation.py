"""Checks of parameters and request bodies against the spec, before any network I/O; of the JSON types of
success bodies, before they are parsed; and the readOnly stripping of bodies given as plain JSON."""

import functools
import re
from collections.abc import Callable
from typing import Any

from ._enums import OpenStrEnum
from ._schemas import SCHEMAS
from .errors import InvalidParameterError, Problem, RequestValidationError

# How much of a value a problem quotes: enough to recognise it, never a whole body.
_SHOWN_CHARS = 80

_REF_PREFIX = "#/components/schemas/"
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "boolean": (bool,),
    "integer": (int,),
    "number": (int, float),
    "array": (list,),
    "object": (dict,),
}


def check_parameter(name: str, value: Any, schema: dict[str, Any]) -> None:
    """InvalidParameterError (a ValueError) naming the parameter, the value and the broken rule."""
    problems = _problems(value, schema, name)
    if problems:
        raise InvalidParameterError(problems[0])


def check_request_body(data: Any, schema: dict[str, Any]) -> None:
    """RequestValidationError listing every problem by JSON path ($.a.b[0])."""
    if compiled(schema)(data):
        return
    problems = _problems(data, schema, "$")
    if problems:
        raise RequestValidationError(problems)


class ResponseShapeError(ValueError):
    """A success body whose known fields do not have their JSON types; `problems` names each JSON path."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(map(str, problems)))


def check_response_body(data: Any, schema: dict[str, Any]) -> None:
    """ResponseShapeError when a known field of `data` has the wrong JSON type (or a required one is missing).
    Only types are checked: unknown fields and values outside an enum are what a newer Atlas sends, and parse."""
    if compiled(schema, types_only=True)(data):
        return
    problems: list[Problem] = []
    _check(data, schema, "$", problems, types_only=True)
    if problems:
        raise ResponseShapeError(problems)


def without_read_only(value: Any, schema: dict[str, Any]) -> Any:
    """A copy of plain JSON `value` without the properties `schema` marks readOnly, at every depth."""
    schema = _resolve(schema)
    if isinstance(value, list):
        return [without_read_only(item, schema.get("items", {})) for item in value]
    if not isinstance(value, dict):
        return value
    properties = dict(schema.get("properties", {}))
    for member in schema.get("allOf", []):
        properties.update(_resolve(member).get("properties", {}))
    kept = {}
    for name, item in value.items():
        item_schema = _resolve(properties.get(name, {}))
        if not (item_schema.get("readOnly", False) or properties.get(name, {}).get("readOnly", False)):
            kept[name] = without_read_only(item, item_schema)
    return kept


# --- compiled checks -------------------------------------------------------------------------------------
# Every request body and success body passes the walk below, which words each problem at its JSON path: most of
# its time goes to paths and lists that a valid body never needs. So each body schema is compiled once into
# plain functions that only answer "valid?", and the walk runs only to word the problems of a body that is not.
# They must agree exactly with the walk (tests/test_compiled_validation.py).

Valid = Callable[[Any], bool]

# (id of the schema, types_only) -> (the schema, kept so that its id is never reused; its function). Only schemas
# that live as long as the program (module constants, SCHEMAS) are compiled: one made per call would pile up.
_COMPILED: dict[tuple[int, bool], tuple[dict[str, Any], Valid]] = {}
_NO_RULES: dict[str, Any] = {}  # one object, so that compiling it ends (its items are itself)


def compiled(schema: dict[str, Any], types_only: bool = False) -> Valid:
    """The function that says whether a value passes `schema` (with `types_only`, its JSON types alone)."""
    schema = _resolve(schema)
    key = (id(schema), types_only)
    found = _COMPILED.get(key)
    if found is not None:
        return found[1]
    built: list[Valid] = []
    # A schema that contains itself (through $ref) finds this stand-in while it is being compiled.
    _COMPILED[key] = (schema, lambda value: built[0](value))
    try:
        built.append(_compile(schema, types_only))
    except BaseException:
        del _COMPILED[key]
        raise
    _COMPILED[key] = (schema, built[0])
    return built[0]


def _compile(schema: dict[str, Any], types_only: bool) -> Valid:
    checks: list[Valid] = [compiled(member, types_only) for member in schema.get("allOf", ())]
    for combiner in ("anyOf", "oneOf"):
        if combiner in schema:
            checks.append(_any_of([compiled(member, types_only) for member in schema[combiner]]))
    if "oneOf" not in schema:  # the members decide (as in _check)
        expected = schema.get("type")
        if expected in _JSON_TYPES:
            checks.append(_type_check(expected))
        if not types_only:
            checks += _value_checks(schema)
        checks += _array_checks(schema, types_only) + _object_checks(schema, types_only)
    nullable = bool(schema.get("nullable", False))

    if len(checks) == 1:
        (only,) = checks
        return lambda value: nullable if value is None else only(value)

    def valid(value: Any) -> bool:
        if value is None:
            return nullable
        for check in checks:
            if not check(value):
                return False
        return True

    return valid


def _type_check(expected: str) -> Valid:
    types = _JSON_TYPES[expected]
    if expected in ("integer", "number"):
        return lambda value: isinstance(value, types) and not isinstance(value, bool)
    return lambda value: isinstance(value, types)


def _any_of(members: list[Valid]) -> Valid:
    def valid(value: Any) -> bool:
        for member in members:
            if member(value):
                return True
        return False

    return valid


def _value_checks(schema: dict[str, Any]) -> list[Valid]:
    checks: list[Valid] = []
    if "enum" in schema:
        allowed = schema["enum"]
        checks.append(lambda value: value in allowed or _unknown_member(value))
    if "pattern" in schema:
        search = _regex(schema["pattern"]).search
        checks.append(lambda value: not isinstance(value, str) or search(value) is not None)
    return checks


def _array_checks(schema: dict[str, Any], types_only: bool) -> list[Valid]:
    item = compiled(schema.get("items", _NO_RULES), types_only)
    most, least = schema.get("maxItems"), schema.get("minItems")
    unique = schema.get("uniqueItems", False) and not types_only
    if types_only:
        most = least = None

    def valid(value: Any) -> bool:
        if not isinstance(value, list):
            return True
        if (most is not None and len(value) > most) or (least is not None and len(value) < least):
            return False
        if unique and len({_json_key(one) for one in value}) < len(value):
            return False
        for one in value:
            if not item(one):
                return False
        return True

    return [valid]


def _object_checks(schema: dict[str, Any], types_only: bool) -> list[Valid]:
    required = tuple(schema.get("required", ()))
    properties = {name: compiled(member, types_only) for name, member in schema.get("properties", {}).items()}
    extra = schema.get("additionalProperties")
    other = compiled(extra, types_only) if isinstance(extra, dict) else None

    def valid(value: Any) -> bool:
        if not isinstance(value, dict):
            return True
        for name in required:
            if name not in value:
                return False
        for name, item in value.items():
            check = properties.get(name, other)
            if check is not None and not check(item):
                return False
        return True

    return [valid]


def _problems(value: Any, schema: dict[str, Any], path: str) -> list[Problem]:
    problems: list[Problem] = []
    _check(value, schema, path, problems)
    return problems


# The checks append to one list rather than yield: every request runs them, and a walk of nested
# generators costs several times as much.
def _check(value: Any, schema: dict[str, Any], path: str, problems: list[Problem], types_only: bool = False) -> None:
    schema = _resolve(schema)
    if value is None:
        if not schema.get("nullable", False):
            problems.append(Problem(path, "null is not allowed"))
        return
    for member in schema.get("allOf", ()):
        _check(value, member, path, problems, types_only)
    if "anyOf" in schema:
        _check_some_member(value, schema["anyOf"], path, problems, types_only)
    if "oneOf" in schema:
        # Checked like anyOf: which member a value is, its discriminator says. Upstream declares some
        # oneOf-of-enums schemas as `type: object`; the members decide.
        _check_some_member(value, schema["oneOf"], path, problems, types_only)
        return
    expected = schema.get("type")
    if expected in _JSON_TYPES and not _is_json_type(value, expected):
        problems.append(Problem(path, f"expected {expected}, got {type(value).__name__} {_shown(value)}"))
        return
    if not types_only:
        _check_value(value, schema, path, problems)
    if isinstance(value, list):
        _check_array(value, schema, path, problems, types_only)
    elif isinstance(value, dict):
        _check_object(value, schema, path, problems, types_only)


def _check_value(value: Any, schema: dict[str, Any], path: str, problems: list[Problem]) -> None:
    # A member of an open enum made from a value this client does not know (parsed from a newer Atlas, or
    # made on purpose) is the caller's word that the server knows it: it is sent as it is.
    if "enum" in schema and value not in schema["enum"] and not _unknown_member(value):
        problems.append(Problem(path, f"{_shown(value)} is not one of {', '.join(map(str, schema['enum']))}"))
    if "pattern" in schema and isinstance(value, str) and _regex(schema["pattern"]).search(value) is None:
        problems.append(Problem(path, f"{_shown(value)} does not match the pattern {schema['pattern']}"))


def _unknown_member(value: Any) -> bool:
    return isinstance(value, OpenStrEnum) and not value.is_known()


def _shown(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= _SHOWN_CHARS else shown[:_SHOWN_CHARS] + "..."


def _check_some_member(
    value: Any, members: list[dict[str, Any]], path: str, problems: list[Problem], types_only: bool
) -> None:
    for member in members:
        found: list[Problem] = []
        _check(value, member, path, found, types_only)
        if not found:
            return
    resolved = [_resolve(member) for member in members]
    if all("enum" in member for member in resolved):
        allowed = [item for member in resolved for item in member["enum"]]
        problems.append(Problem(path, f"{_shown(value)} is not one of {', '.join(map(str, allowed))}"))
    else:
        problems.append(Problem(path, f"{_shown(value)} matches none of the allowed shapes"))


def _check_array(
    value: list[Any], schema: dict[str, Any], path: str, problems: list[Problem], types_only: bool
) -> None:
    if not types_only:
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            problems.append(Problem(path, f"{len(value)} items, at most {schema['maxItems']} allowed"))
        if "minItems" in schema and len(value) < schema["minItems"]:
            problems.append(Problem(path, f"{len(value)} items, at least {schema['minItems']} required"))
        if schema.get("uniqueItems") and len({_json_key(item) for item in value}) < len(value):
            problems.append(Problem(path, "items must be unique"))
    for index, item in enumerate(value):
        _check(item, schema.get("items", {}), f"{path}[{index}]", problems, types_only)


def _json_key(value: Any) -> Any:
    """A hashable stand-in for a JSON value, equal for values that JSON Schema calls equal: objects whatever
    the order of their keys, 1 and 1.0; not true and 1."""
    if isinstance(value, dict):
        return ("object", frozenset((key, _json_key(item)) for key, item in value.items()))
    if isinstance(value, list):
        return ("array", tuple(_json_key(item) for item in value))
    if isinstance(value, bool):
        return ("boolean", value)
    return value


def _check_object(
    value: dict[str, Any], schema: dict[str, Any], path: str, problems: list[Problem], types_only: bool
) -> None:
    for name in schema.get("required", ()):
        if name not in value:
            problems.append(Problem(f"{path}.{name}", "required property is missing"))
    properties = schema.get("properties", {})
    extra = schema.get("additionalProperties")
    for name, item in value.items():
        if name in properties:
            _check(item, properties[name], f"{path}.{name}", problems, types_only)
        elif isinstance(extra, dict):
            _check(item, extra, f"{path}.{name}", problems, types_only)


@functools.cache
def _regex(pattern: str) -> re.Pattern[str]:
    r"""A spec pattern compiled to match as JSON Schema says: as an ECMA-262 regular expression.

    Two Python differences matter: `$` also matches before a final newline (so "...\n" would pass
    `^...$`), and `\d`, `\w`, `\b` know every script's digits and letters. Each `$` that is neither
    escaped nor inside a character class becomes `\Z` (the very end), and re.ASCII makes those classes
    ECMA's. (ECMA's `\s` also knows Unicode spaces, which re.ASCII's does not.)
    """
    translated = []
    escaped = in_class = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            char = r"\Z"
        translated.append(char)
    return re.compile("".join(translated), re.ASCII)


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = SCHEMAS[schema["$ref"].removeprefix(_REF_PREFIX)]
    return schema


def _is_json_type(value: Any, expected: str) -> bool:
    if isinstance(value, bool) and expected in ("integer", "number"):
        return False
    return isinstance(value, _JSON_TYPES[expected])
