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
# its time goes to paths and lists that a valid body never needs. So each body schema is compiled once into the
# source of plain functions that only answer "valid?" (one per schema with structure; scalar properties and items
# are checked inline, in their parent's function), and the walk runs only to word the problems of a body that is
# not. No value of the spec becomes code: property names are repr() literals and every other value is a
# constant passed by reference. The functions must agree exactly with the walk (tests/test_compiled_validation.py).

Valid = Callable[[Any], bool]

# (id of the schema, types_only) -> (the schema, kept so that its id is never reused; its function). Only schemas
# that live as long as the program (module constants, SCHEMAS) are compiled: one made per call would pile up.
_COMPILED: dict[tuple[int, bool], tuple[dict[str, Any], Valid]] = {}
_MISSING = object()
_NO_RULES: dict[str, Any] = {}  # one object for a missing `items`: its id names its function
_STRUCTURE = ("allOf", "anyOf", "oneOf", "properties", "required", "additionalProperties", "items")


def compiled(schema: dict[str, Any], types_only: bool = False) -> Valid:
    """The function that says whether a value passes `schema` (with `types_only`, its JSON types alone)."""
    schema = _resolve(schema)
    key = (id(schema), types_only)
    found = _COMPILED.get(key)
    if found is None:
        found = _COMPILED[key] = (schema, _Compiler(types_only).compile(schema))
    return found[1]


class _Compiler:
    """The source of the functions for one schema and the schemas it holds or refers to, run once."""

    def __init__(self, types_only: bool) -> None:
        self._types_only = types_only
        self._names: dict[int, str] = {}  # id of a resolved schema -> the name of its function
        self._pending: list[dict[str, Any]] = []
        self._functions: list[str] = []
        self._tables: list[str] = []  # defined after the functions they name
        self._namespace: dict[str, Any] = {"_MISSING": _MISSING, "_unknown": _unknown_member, "_json_key": _json_key}

    def compile(self, schema: dict[str, Any]) -> Valid:
        name = self._function(schema)
        while self._pending:
            self._define(self._pending.pop())
        exec("\n".join(self._functions + self._tables), self._namespace)
        function: Valid = self._namespace[name]
        return function

    def _function(self, schema: dict[str, Any]) -> str:
        """The name of the function that checks `schema`, defined once however often it is used."""
        schema = _resolve(schema)
        name = self._names.get(id(schema))
        if name is None:
            name = self._names[id(schema)] = f"_valid_{len(self._names)}"
            self._pending.append(schema)
        return name

    def _constant(self, value: Any) -> str:
        name = f"_c{len(self._namespace)}"
        self._namespace[name] = value
        return name

    def _define(self, schema: dict[str, Any]) -> None:
        lines = [f"if v is None: return {bool(schema.get('nullable', False))}"]
        for member in schema.get("allOf", ()):
            lines.append(f"if not {self._function(member)}(v): return False")
        for combiner in ("anyOf", "oneOf"):
            if combiner in schema:
                some = " or ".join(f"{self._function(member)}(v)" for member in schema[combiner])
                lines.append(f"if not ({some}): return False")
        if "oneOf" not in schema:  # the members decide (as in _check)
            lines += self._own_checks(schema)
        body = "\n".join("    " + line for line in [*lines, "return True"])
        self._functions.append(f"def {self._names[id(schema)]}(v):\n{body}\n")

    def _own_checks(self, schema: dict[str, Any]) -> list[str]:
        lines = [f"if not ({check}): return False" for check in self._scalar_checks(schema, "v")]
        expected = schema.get("type")
        if expected not in _JSON_TYPES or expected == "array":  # a value of another type is known not to be one
            lines += ["if isinstance(v, list):", *self._indented(self._array(schema))]
        if expected not in _JSON_TYPES or expected == "object":
            lines += ["if isinstance(v, dict):", *self._indented(self._object(schema))]
        return lines

    def _scalar_checks(self, schema: dict[str, Any], var: str) -> list[str]:
        """Expressions, each true when `var` (not None) passes one of `schema`'s own rules."""
        checks = []
        expected = schema.get("type")
        if expected in _JSON_TYPES:
            types = self._constant(_JSON_TYPES[expected])
            checks.append(f"isinstance({var}, {types})")
            if expected in ("integer", "number"):
                checks.append(f"not isinstance({var}, bool)")
        if not self._types_only:
            if "enum" in schema:
                checks.append(f"({var} in {self._constant(schema['enum'])} or _unknown({var}))")
            if "pattern" in schema:
                search = self._constant(_regex(schema["pattern"]).search)
                checks.append(f"(not isinstance({var}, str) or {search}({var}) is not None)")
        return checks

    def _array(self, schema: dict[str, Any]) -> list[str]:
        lines = []
        if not self._types_only:
            if "maxItems" in schema:
                lines.append(f"if len(v) > {self._constant(schema['maxItems'])}: return False")
            if "minItems" in schema:
                lines.append(f"if len(v) < {self._constant(schema['minItems'])}: return False")
            if schema.get("uniqueItems", False):
                lines.append("if len({_json_key(one) for one in v}) < len(v): return False")
        return [*lines, "for x in v:", f"    if not {self._valid(schema.get('items', _NO_RULES), 'x')}: return False"]

    def _object(self, schema: dict[str, Any]) -> list[str]:
        lines = [f"if {name!r} not in v: return False" for name in schema.get("required", ())]
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):  # every name is checked, by its property's schema or by extra's
            table = self._constant(None)
            entries = ", ".join(f"{name!r}: {self._function(member)}" for name, member in properties.items())
            self._tables.append(f"{table} = {{{entries}}}")
            return [
                *lines,
                "for k, x in v.items():",
                f"    if not {table}.get(k, {self._function(extra)})(x): return False",
            ]
        for name, member in properties.items():
            lines.append(f"x = v.get({name!r}, _MISSING)")
            lines.append(f"if x is not _MISSING and not {self._valid(member, 'x')}: return False")
        return lines or ["pass"]

    def _valid(self, schema: dict[str, Any], var: str) -> str:
        """An expression true when `var` passes `schema`: its checks inline for a scalar without structure, else a
        call of its function."""
        schema = _resolve(schema)
        if schema.get("type") not in ("string", "boolean", "integer", "number") or any(
            key in schema for key in _STRUCTURE
        ):
            return f"{self._function(schema)}({var})"
        valid = " and ".join(self._scalar_checks(schema, var))  # a type check first: None fails it
        return f"({var} is None or ({valid}))" if schema.get("nullable", False) else f"({valid})"

    @staticmethod
    def _indented(lines: list[str]) -> list[str]:
        return ["    " + line for line in lines]


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
