"""The spec's names as the generated client spells them (generator/spec/python_naming.py), checked at the spec's
lines: names that are not names, two things that become one, and names the generator renames.

Upstream's names cannot be changed (an upstream revision is applied untouched), so where the generator can give
each thing a name of its own it does, deterministically, and lint warns where: properties that collide keep each
one's own spelling (the library's rule), names the generated code uses itself get a trailing underscore, enum
members that collide are numbered. Where it cannot (two schemas, operations or commands that would share a class,
module), lint reports an error. The command line's names are checked in command_line.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.errors import Finding
from generator.lint.command_line import command_findings, command_name_findings
from generator.lint.reporting import Reporter
from generator.lint.schema_errors import json_path
from generator.spec.loading import Spec
from generator.spec.pointers import Pointer, follow_refs, walk
from generator.spec.python_naming import (
    LIBRARY_RESERVED_ARGUMENTS,
    RENAME_SUFFIX,
    NamedProperties,
    Reserved,
    argument_names,
    attribute_names,
    class_name,
    command_option,
    distinct_member_names,
    enum_member_names,
    function_name,
    model_properties,
    module_name,
    python_identifier,
    snake_case,
)
from generator.spec.vocabulary import (
    OperationKey,
    client_operation_name,
    is_data,
    operation_name_key,
    operations,
)

# OpenAPI 3.0's own rule for the keys of `components` (the document schema does not enforce it); a name with
# `/` or a NUL is no file name.
COMPONENT_NAME = re.compile(r"^[a-zA-Z0-9.\-_]+$")
# Classes, modules and docs pages are named after component names: far longer ones make file names the
# filesystem refuses.
MAX_COMPONENT_NAME = 100


def name_findings(spec: Spec, reserved: Reserved) -> Iterator[Finding]:
    report = Reporter(spec)
    yield from _component_name_findings(spec, report)
    yield from _schema_class_findings(spec, report)
    yield from _attribute_findings(spec, report, reserved)
    yield from _enum_member_findings(spec, report)
    yield from _operation_findings(spec, report)
    for key, operation in operations(spec.data).items():
        arguments = _arguments(spec.data, key, operation, reserved)
        yield from _argument_findings(report, key, arguments, reserved)
        parameter_options = {
            command_option(argument, reserved.command_options): (location, name)
            for location, name, _, argument in arguments
            if location in ("path", "query")
        }
        yield from command_findings(spec, key, parameter_options, reserved)
    yield from command_name_findings(spec)


# --- components ---------------------------------------------------------------------------------------------


def _component_name_findings(spec: Spec, report: Reporter) -> Iterator[Finding]:
    for section, entries in spec.data.get("components", {}).items():
        for name in entries if isinstance(entries, dict) else {}:
            at = ("components", section, name)
            if not COMPONENT_NAME.match(name):
                yield report(
                    at,
                    f"component name {name!r} is not a name OpenAPI allows (letters, digits, '.', '-' and '_')",
                    "rename it, and every $ref to it",
                )
            elif len(name) > MAX_COMPONENT_NAME:
                yield report(
                    at,
                    f"component name of {len(name)} characters, more than {MAX_COMPONENT_NAME}",
                    "shorten it: classes, modules and docs pages are named after it",
                )


def _schema_class_findings(spec: Spec, report: Reporter) -> Iterator[Finding]:
    """Two component schemas that would share a class or a module: one would replace the other."""
    first_by_class: dict[str, str] = {}
    first_by_module: dict[str, str] = {}
    for name in spec.data.get("components", {}).get("schemas", {}):
        if not COMPONENT_NAME.match(name):
            continue
        for kind, python, first in (
            ("class", class_name(name), first_by_class),
            ("module", f"models/{module_name(name)}.py", first_by_module),
        ):
            other = first.setdefault(python, name)
            if other != name:
                line = report.line_of(("components", "schemas", other))
                yield report(
                    ("components", "schemas", name),
                    f"schemas {other!r} (line {line}) and {name!r} are both generated as {kind} {python}",
                    "two schemas need names that differ in more than case and punctuation",
                )
                break


# --- model attributes ---------------------------------------------------------------------------------------


def _attribute_findings(spec: Spec, report: Reporter, reserved: Reserved) -> Iterator[Finding]:
    """Per model, its properties as attributes. A property inherited through allOf is met again in every model
    that inherits it: each place is reported once."""
    reported: set[tuple[Pointer, str]] = set()
    for pointer, label in _models(spec.data):
        properties = model_properties(spec.data, pointer)
        named = attribute_names([name for name, _ in properties], reserved.model_members)
        for at, kind, finding in _model_attribute_findings(report, label, dict(properties), named):
            if (at, kind) not in reported:
                reported.add((at, kind))
                yield finding


def _model_attribute_findings(
    report: Reporter, label: str, where: dict[str, Pointer], named: NamedProperties
) -> Iterator[tuple[Pointer, str, Finding]]:
    for first, second in named.unresolvable:
        message = (
            f"properties {first!r} and {second!r} of {label} are both the Python attribute "
            f"{named.attributes[second]}, even spelled as written"
        )
        hint = "the generator cannot tell them apart: two properties need names that differ in more than punctuation"
        yield where[second], "unresolvable", report(where[second], message, hint)
    for first, second in named.resolved:
        message = (
            f"properties {first!r} and {second!r} of {label} would both be the Python attribute "
            f"{python_identifier(second)}: the client names them {named.attributes[first]} and "
            f"{named.attributes[second]}"
        )
        hint = "code using either attribute breaks when the other is added; `changes` reports that as breaking"
        yield where[second], "collision", report.warning(where[second], message, hint)
    for json_name in named.renamed:
        attribute = named.attributes[json_name]
        message = (
            f"property {json_name!r} of {label} is the Python attribute {attribute}: "
            f"{attribute.removesuffix(RENAME_SUFFIX)} is a name every model class uses itself"
        )
        yield where[json_name], "renamed", report.warning(where[json_name], message)


def _models(data: dict[str, Any]) -> Iterator[tuple[Pointer, str]]:
    """(pointer, how messages name it) of every schema the generator makes a model class of: those with
    properties or allOf, except allOf members (merged into their parent)."""
    for pointer, node in walk(data):
        if not isinstance(node, dict) or is_data(pointer) or _in_extension(pointer):
            continue
        if (isinstance(node.get("properties"), dict) or isinstance(node.get("allOf"), list)) and (
            len(pointer) < 2 or pointer[-2] != "allOf"
        ):
            named = pointer[:2] == ("components", "schemas") and len(pointer) == 3
            yield pointer, str(pointer[2]) if named else f"the schema at {json_path(pointer)}"


def _in_extension(pointer: Pointer) -> bool:
    return any(isinstance(part, str) and part.startswith("x-") for part in pointer)


# --- enum members -------------------------------------------------------------------------------------------


def _enum_member_findings(spec: Spec, report: Reporter) -> Iterator[Finding]:
    for pointer, node in walk(spec.data):
        values = node.get("enum") if isinstance(node, dict) and not is_data(pointer) else None
        if not isinstance(values, list) or _in_extension(pointer) or "x-enum-varnames" in node:
            continue
        distinct = distinct_member_names(values)
        if distinct is None:
            continue
        natural = enum_member_names(values)
        for index, (name, given) in enumerate(zip(natural, distinct, strict=True)):
            if name != given:
                first = natural.index(name)
                line = report.line_of((*pointer, "enum", first))
                yield report.warning(
                    (*pointer, "enum", index),
                    f"enum values {values[first]!r} (line {line}) and {values[index]!r} would both be the member "
                    f"{name}: the generated enum calls this one {given}",
                    None,
                )


# --- operations ---------------------------------------------------------------------------------------------


def _operation_findings(spec: Spec, report: Reporter) -> Iterator[Finding]:
    """Functions and modules are named after operations: two of one name would be one."""
    functions: dict[str, OperationKey] = {}
    for key, operation in operations(spec.data).items():
        name = client_operation_name(operation)
        at = (*key.pointer, operation_name_key(operation))
        function = function_name(name)
        if function != snake_case(name):
            why = "a Python keyword or built-in" if function == snake_case(name) + RENAME_SUFFIX else "no Python name"
            yield report.warning(at, f"{key} is the Python function {function}: {snake_case(name)!r} is {why}", None)
        first = functions.setdefault(function, key)
        if first != key:
            yield report(
                at,
                f"{first} and {key} are both the Python function {function}",
                "each operation needs a name that differs in more than case and punctuation",
            )


# --- operation arguments ------------------------------------------------------------------------------------

Argument = tuple[str, str, Pointer, str]  # location, spec name, where it is written, Python argument


def _arguments(
    data: dict[str, Any], key: OperationKey, operation: dict[str, Any], reserved: Reserved
) -> list[Argument]:
    written: dict[tuple[str, str], Pointer] = {}
    path_item = data["paths"][key.path]
    for where, parameters in (
        (key.pointer[:2], path_item.get("parameters", [])),
        (key.pointer, operation.get("parameters", [])),
    ):
        for index in range(len(parameters) if isinstance(parameters, list) else 0):
            _, parameter = follow_refs(data, (*where, "parameters", index))
            if isinstance(parameter, dict) and isinstance(parameter.get("name"), str):
                written[(str(parameter.get("in")), parameter["name"])] = (*where, "parameters", index)
    names = argument_names(written, reserved.operation_arguments)
    return [(location, name, written[(location, name)], names[(location, name)]) for location, name in names]


def _argument_findings(
    report: Reporter, key: OperationKey, arguments: list[Argument], reserved: Reserved
) -> Iterator[Finding]:
    by_argument: dict[str, str] = {}
    for location, name, at, argument in arguments:
        natural = python_identifier(name)
        other = by_argument.setdefault(argument, name)
        if other != name:
            yield report(
                at,
                f"{key}: parameters {other!r} and {name!r} are both the Python argument {argument}",
                "the generator cannot tell them apart: they need names that differ in more than punctuation",
            )
        elif argument == natural + RENAME_SUFFIX:
            yield report.warning(
                at,
                f"{key}: parameter {name!r} is the Python argument {argument}: {natural} is a name the operation's "
                "functions use themselves",
                None,
            )
        elif argument != natural:
            library_reserved = natural in LIBRARY_RESERVED_ARGUMENTS
            why = "is an argument of every operation function" if library_reserved else "collides with another one"
            yield report.warning(
                at, f"{key}: parameter {name!r} is the Python argument {argument}: {natural} {why}", None
            )
        option = command_option(argument, reserved.command_options)
        if location in ("path", "query") and option != command_option(argument):
            yield report.warning(
                at,
                f"{key}: parameter {name!r} is the command-line option {option}: every command has "
                f"{command_option(argument)} itself",
                None,
            )
