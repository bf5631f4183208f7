"""generator/spec/python_naming.py restates openapi-python-client's naming rules so that lint and the change report
can use them without the library: here they are checked against the library itself on generated names, so that a
library upgrade that changes a rule fails here."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openapi_python_client import strings
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.properties import EnumProperty
from openapi_python_client.parser.properties.schemas import Class
from support import ROOT

from generator.codegen.templates import reserved_names
from generator.spec import python_naming

# Names as upstream writes them and as an attacker might: cases, delimiters, digits, keywords, other scripts.
WORDS = st.sampled_from(["group", "Id", "ID", "id", "import", "class", "to", "dict", "x", "2", "é", "스트림", "self"])
NAMES = st.lists(
    st.one_of(WORDS, st.sampled_from(["_", "-", ".", " ", "$", "__"]), st.text(max_size=3)), min_size=1, max_size=5
).map("".join)


def config(tmp_path: Path) -> Config:
    return Config.from_sources(
        ConfigFile(),
        MetaType.NONE,
        document_source=tmp_path,
        file_encoding="utf-8",
        overwrite=True,
        output_path=tmp_path,
    )


@settings(max_examples=300)
@given(NAMES)
def test_identifiers_are_the_librarys(name: str) -> None:
    assert python_naming.snake_case(name) == strings.snake_case(name)
    assert python_naming.pascal_case(name) == strings.pascal_case(name)
    assert python_naming.kebab_case(name) == strings.kebab_case(name)
    assert python_naming.python_identifier(name) == strings.PythonIdentifier(name, prefix="field_")
    assert python_naming.python_identifier(name, True) == strings.PythonIdentifier(name, "field_", True)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(NAMES.filter(lambda name: "/" not in name))
def test_class_and_module_names_are_the_librarys(tmp_path: Path, name: str) -> None:
    library = Class.from_string(string=name, config=config(tmp_path))

    assert (python_naming.class_name(name), python_naming.module_name(name)) == (library.name, library.module_name)


@settings(max_examples=200)
@given(st.lists(NAMES, min_size=1, max_size=6))
def test_enum_member_names_are_the_librarys(values: list[str]) -> None:
    try:
        library = EnumProperty.values_from_list(values, Class(name="E", module_name="e"), [])  # type: ignore[arg-type]
    except ValueError:  # the library refuses raw duplicates
        assert len(set(python_naming.enum_member_names(values))) < len(values)
        return

    names = python_naming.enum_member_names(values)
    assert list(library) == list(dict.fromkeys(names))


def document(parameters: list[dict[str, Any]], schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """One operation with `parameters` (a path parameter `p` first) and, when given, a body schema `Model`."""
    content = {"application/json": {"schema": schema}} if schema else {}
    return {
        "openapi": "3.0.1",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/x/{p}": {
                "post": {
                    "operationId": "op",
                    "parameters": [{**p, "schema": {"type": "string"}} for p in parameters],
                    "responses": {"200": {"description": "ok", "content": content}},
                }
            }
        },
        "components": {"schemas": {"Model": schema} if schema else {}},
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(NAMES, min_size=1, max_size=5, unique=True))
def test_attribute_names_are_the_librarys(tmp_path: Path, names: list[str]) -> None:
    schema = {"type": "object", "properties": {name: {"type": "string"} for name in names}}
    ours = python_naming.attribute_names(names)
    if ours.unresolvable:
        return  # the library refuses the spec; lint reports it as an error

    path_parameter = {"name": "p", "in": "path", "required": True}
    data = GeneratorData.from_dict(document([path_parameter], schema), config=config(tmp_path))
    assert isinstance(data, GeneratorData), data
    model = data.models[0]
    library = {p.name.get_untrusted_value(): str(p.python_name) for p in model.optional_properties or []}
    assert library == ours.attributes


LOCATIONS = st.sampled_from(["query", "header", "path"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(LOCATIONS, NAMES), min_size=1, max_size=4, unique=True))
# The library records a collision under the earlier parameter's name only: `_` still renames after `__` and ``.
@example(parameters=[("query", "__"), ("query", ""), ("query", "_")])
def test_argument_names_are_the_librarys(tmp_path: Path, parameters: list[tuple[str, str]]) -> None:
    written = [("path", "p"), *((location, name) for location, name in parameters if location != "path")]
    specs = [{"name": name, "in": location, "required": location == "path"} for location, name in written]
    ours = python_naming.argument_names(written)
    data = GeneratorData.from_dict(document(specs), config=config(tmp_path))
    endpoints = (
        [e for c in data.endpoint_collections_by_tag.values() for e in c.endpoints]
        if isinstance(data, GeneratorData)
        else []
    )
    if not endpoints:  # the library refused: two parameters stay one Python name, which lint reports as an error
        assert len(set(ours.values())) < len(ours)
        return
    endpoint = endpoints[0]
    library = {
        (location, p.name.get_untrusted_value()): str(p.python_name) for location, p in endpoint.iter_all_parameters()
    }
    assert library == ours


def test_our_templates_reserve_the_model_and_command_names_they_use() -> None:
    reserved = reserved_names([ROOT / "templates"])

    assert {"to_dict", "from_dict", "additional_properties", "d", "cls", "field_dict"} <= reserved.model_members
    assert {"headers", "params", "kwargs", "client", "body", "quote"} <= reserved.operation_arguments
    assert {"-h", "--help", "--dry-run", "--base-url", "--file", "--verbose", "--limit", "--output", "--force"} == (
        reserved.command_options
    )
    assert not {"name", "type", "region", "key", "value", "data"} & (
        reserved.model_members | reserved.operation_arguments
    )


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["groupId", "group_id"], {"groupId": "groupId", "group_id": "group_id"}),
        (["to_dict", "name"], {"to_dict": "to_dict_", "name": "name"}),
    ],
)
def test_colliding_and_reserved_attributes_get_names_of_their_own(names: list[str], expected: dict[str, str]) -> None:
    assert python_naming.attribute_names(names, frozenset({"to_dict"})).attributes == expected


def test_the_reserved_options_are_exactly_the_generated_commands_own() -> None:
    from atlas_streams import cli

    own: set[str] = set()
    for command in cli.COMMANDS:
        parser = cli._parser()
        for word in command.name.split(" "):  # a group's parser, then the command's
            parser = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices[word]
        every = {option for action in parser._actions for option in action.option_strings}
        from_the_spec = {p.option for p in command.parameters} | {o.option for o in command.body_options}
        from_the_spec |= {f"--no-{o.option[2:]}" for o in command.body_options if o.type == "boolean"}
        own |= every - from_the_spec

    assert own == reserved_names([ROOT / "templates"]).command_options
