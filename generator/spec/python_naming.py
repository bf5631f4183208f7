"""The Python names the generated client gives the spec's things, computed without openapi-python-client.

Lint must say, at the spec's line, when two names become one or a name is renamed, and `changes` must see a
renamed attribute; neither may load the library (lint and the evolve layer do not import generator.codegen,
and a spec whose names collide may not even parse there). So the library's naming rules (0.29.1:
openapi_python_client/strings.py, the property conflict rule of parser/properties/model_property.py, the
parameter conflict rule of parser/openapi.py and the enum member rule of parser/properties/enum_property.py)
are restated here. tests/test_python_naming.py checks them against the library on generated names, so an
upgrade that changes a rule fails there.

On top of the library's names, ours: a property, parameter or enum member whose name the generated code already
uses for something else is renamed with a trailing underscore (`to_dict` -> `to_dict_`). Which names are taken
comes from our templates (generator/codegen/templates.py reads them), passed in as `Reserved`.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from keyword import iskeyword
from typing import Any

from generator.spec.pointers import Pointer, node_at, pointer_of
from generator.spec.vocabulary import SCHEMA_PREFIX

DELIMITERS = r"\. _-"
FIELD_PREFIX = "field_"  # the library's Config.field_prefix, which we do not change
RESERVED_WORDS = (set(dir(builtins)) | {"self", "true", "false", "datetime"}) - {"id"}
# Parameters the library renames to <name>_<location>: its endpoint functions take these arguments.
LIBRARY_RESERVED_ARGUMENTS = ("client", "url")
RENAME_SUFFIX = "_"


@dataclass(frozen=True)
class Reserved:
    """Names the generated code itself uses, by where a spec name would meet them (from our templates)."""

    model_members: frozenset[str] = frozenset()  # attributes, methods and locals of every model class
    operation_arguments: frozenset[str] = frozenset()  # arguments and locals of every operation function
    command_options: frozenset[str] = frozenset()  # options every generated command has, e.g. --help


NOTHING_RESERVED = Reserved()


def sanitize(value: str) -> str:
    return "".join(c for c in value if c.isidentifier() or c.isdecimal() or c in DELIMITERS)


def split_words(value: str) -> list[str]:
    if any(c.isupper() for c in value):
        value = " ".join(re.split("([A-Z]?[a-z]+)", value))
    return re.findall(rf"[^{re.escape(DELIMITERS)}]+", value)


def fix_reserved_words(value: str) -> str:
    return f"{value}_" if value in RESERVED_WORDS or iskeyword(value) else value


def snake_case(value: str) -> str:
    return "_".join(split_words(sanitize(value))).lower()


def pascal_case(value: str) -> str:
    return "".join(word.capitalize() if not word.isupper() else word for word in split_words(sanitize(value)))


def kebab_case(value: str) -> str:
    return "-".join(split_words(sanitize(value))).lower()


def command_name(word: str) -> str:
    """The generated command line's name for a command word of the spec (vocabulary.command_word): each of its
    space-separated parts (a group, then the command) in kebab case."""
    return " ".join(kebab_case(part) for part in word.split(" "))


def python_identifier(value: str, skip_snake_case: bool = False) -> str:
    safe = sanitize(value)
    leading_underscore = safe.startswith("_")
    safe = re.sub(r"[^\w]+", "", safe) if skip_snake_case else snake_case(safe)
    safe = fix_reserved_words(safe)
    return f"{FIELD_PREFIX}{safe}" if not safe.isidentifier() or leading_underscore else safe


def class_name(value: str) -> str:
    safe = fix_reserved_words(pascal_case(value))
    if not safe.isidentifier():
        safe = fix_reserved_words(pascal_case(f"{FIELD_PREFIX}{safe}"))
    return safe


def module_name(schema_name: str) -> str:
    """The models/ module of a component schema's class."""
    return python_identifier(class_name(schema_name))


def function_name(operation_name: str) -> str:
    """The api/<tag>/ module and function name of an operation named `operation_name` (its operationId)."""
    return python_identifier(operation_name)


# --------------------------------------------------------------------------- model attributes


@dataclass
class NamedProperties:
    """The attributes of one model: JSON name -> Python attribute, and what the naming had to do."""

    attributes: dict[str, str] = field(default_factory=dict)
    resolved: list[tuple[str, str]] = field(default_factory=list)  # pairs whose names collided; the library
    # then keeps each one's own spelling (groupId, group_id)
    unresolvable: list[tuple[str, str]] = field(default_factory=list)  # pairs that collide even so
    renamed: list[str] = field(default_factory=list)  # JSON names whose attribute got our suffix


def attribute_names(json_names: Iterable[str], reserved: frozenset[str] = frozenset()) -> NamedProperties:
    """The library's rule for the properties of one model, in the order it meets them, then ours for names the
    model class uses itself."""
    named = NamedProperties()
    attributes = named.attributes
    for json_name in json_names:
        if json_name in attributes:
            continue  # the same property again (allOf), merged
        new = python_identifier(json_name)
        for other in list(attributes):
            if attributes[other] != new:
                continue
            attributes[other] = python_identifier(other, skip_snake_case=True)
            new = python_identifier(json_name, skip_snake_case=True)
            (named.unresolvable if attributes[other] == new else named.resolved).append((other, json_name))
        attributes[json_name] = new
    for json_name, attribute in attributes.items():
        if attribute in reserved:
            attributes[json_name] = attribute + RENAME_SUFFIX
            named.renamed.append(json_name)
    return named


def model_properties(document: dict[str, Any], pointer: Pointer) -> list[tuple[str, Pointer]]:
    """(JSON name, where it is written) of each property of the model generated from the schema at `pointer`, in
    the library's order: those of the schemas its allOf references first, then its own, then those of its
    inline allOf members. Follows allOf references without recursion, each schema once."""
    found: list[tuple[str, Pointer]] = []
    pending: list[tuple[Pointer, bool]] = [(pointer, False)]
    seen: set[Pointer] = set()
    while pending:
        at, bases_done = pending.pop()
        schema = node_at(document, at)
        members = [(index, m) for index, m in enumerate(schema.get("allOf") or []) if isinstance(m, dict)]
        if bases_done:
            found += [(name, (*at, "properties", name)) for name in _properties_of(schema)]
            for index, member in members:
                if "$ref" not in member:
                    found += [(name, (*at, "allOf", index, "properties", name)) for name in _properties_of(member)]
            continue
        if at in seen or not isinstance(schema, dict):
            continue
        seen.add(at)
        pending.append((at, True))
        bases = [pointer_of(m["$ref"]) for _, m in members if isinstance(m.get("$ref"), str) and _is_local(m["$ref"])]
        pending += [(base, False) for base in reversed(bases) if _exists(document, base)]
    return found


def _properties_of(schema: dict[str, Any]) -> list[str]:
    properties = schema.get("properties")
    return [str(name) for name in properties] if isinstance(properties, dict) else []


def _is_local(ref: str) -> bool:
    return ref.startswith(SCHEMA_PREFIX)


def _exists(document: dict[str, Any], pointer: Pointer) -> bool:
    try:
        return isinstance(node_at(document, pointer), dict)
    except (KeyError, IndexError, TypeError):
        return False


# --------------------------------------------------------------------------- operation arguments

_LOCATION_ORDER = ("path", "query", "header", "cookie")


def argument_names(
    parameters: Iterable[tuple[str, str]], reserved: frozenset[str] = frozenset()
) -> dict[tuple[str, str], str]:
    """(location, name) -> the Python argument, by the library's rule (reserved names and collisions between
    locations get `_<location>`, collisions within one keep each one's own spelling; a second pass when the first
    renamed anything, and no third), then ours."""
    ordered = sorted(dict.fromkeys(parameters), key=lambda parameter: _LOCATION_ORDER.index(parameter[0]))
    names = {parameter: python_identifier(parameter[1]) for parameter in ordered}
    modified: set[tuple[str, str]] = set()
    for _ in range(2):
        if not _renaming_pass(ordered, names, modified):
            break
    return {parameter: name + RENAME_SUFFIX if name in reserved else name for parameter, name in names.items()}


def _renaming_pass(
    ordered: list[tuple[str, str]], names: dict[tuple[str, str], str], modified: set[tuple[str, str]]
) -> bool:
    """One pass of the library's _check_parameters_for_conflicts; whether another is due."""
    used: dict[str, tuple[str, str]] = {}
    for parameter in ordered:
        location, spec_name = parameter
        if names[parameter] in LIBRARY_RESERVED_ARGUMENTS:
            names[parameter] = python_identifier(f"{names[parameter]}_{location}")
            modified.add(parameter)
            continue
        other = used.pop(names[parameter], None)
        if other is None:
            used[names[parameter]] = parameter
            continue
        if other in modified or parameter in modified:
            return False  # the library gives up ("Parameters with same Python identifier"): lint reports it
        if location != other[0]:
            names[other] = python_identifier(f"{names[other]}_{other[0]}")
            names[parameter] = python_identifier(f"{names[parameter]}_{location}")
        elif other[1] != spec_name:
            names[other] = python_identifier(other[1], skip_snake_case=True)
            names[parameter] = python_identifier(spec_name, skip_snake_case=True)
        # As the library records it: the earlier parameter's name, under both locations (not the later one's).
        modified |= {(location, other[1]), (other[0], other[1])}
        used[names[parameter]] = parameter
        used[names[other]] = other
    return bool(modified)


# --------------------------------------------------------------------------- enum members


def enum_member_names(values: list[Any], var_names: list[str] | None = None) -> list[str]:
    """The member name of each string value (the library names integer values VALUE_<n>)."""
    names = []
    use_var_names = var_names is not None and len(var_names) == len(values)
    for index, value in enumerate(values):
        if isinstance(value, int) and not isinstance(value, bool):
            names.append(f"VALUE_{value}" if value >= 0 else f"VALUE_NEGATIVE_{-value}")
            continue
        text = str(value)
        if use_var_names and var_names is not None:
            key = var_names[index]
        elif text and text[0].isalpha():
            key = text.upper()
        else:
            key = f"VALUE_{index}"
        names.append(snake_case(key).upper())
    return names


def distinct_member_names(values: list[Any]) -> list[str] | None:
    """Member names for an enum whose values would share one (`A` and `a`): the later ones get `_2`, `_3`...
    (given to the library as x-enum-varnames); None when the library's names are distinct already."""
    names = enum_member_names(values)
    if len(set(names)) == len(names):
        return None
    distinct: list[str] = []
    for name in names:
        candidate, number = name, 1
        while candidate in distinct:
            number += 1
            candidate = f"{name}_{number}"
        distinct.append(candidate)
    return distinct


def command_option(argument: str, reserved: frozenset[str] = frozenset()) -> str:
    """The generated command's option for an operation argument (templates/cli.py.jinja), renamed when the
    command has an option of that name itself."""
    option = "--" + argument.replace("_", "-")
    return option + RENAME_SUFFIX if option in reserved else option
