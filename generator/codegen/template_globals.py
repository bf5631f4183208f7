"""What our templates ask of the spec beyond the library's parsed model, as Jinja globals.

Each question is a plain function of the spec data and one spec operation (or a class name), tested on its
own; `template_globals` binds them to one spec, and to the library's endpoint objects the templates hold.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from openapi_python_client.config import Config
from openapi_python_client.parser.openapi import Endpoint
from openapi_python_client.parser.properties import ModelProperty
from openapi_python_client.parser.properties.boolean import BooleanProperty
from openapi_python_client.parser.properties.int import IntProperty
from openapi_python_client.parser.properties.list_property import ListProperty
from openapi_python_client.parser.properties.protocol import PropertyProtocol
from openapi_python_client.parser.properties.union import UnionProperty
from openapi_python_client.strings import ClassName, PythonIdentifier, snake_case

from generator.codegen.python_names import (
    command_name,
    command_option,
    json_name,
    response_header_attribute,
    spec_operations_by_endpoint,
)
from generator.spec.pointers import resolved
from generator.spec.python_naming import Reserved
from generator.spec.schema_facts import (
    Discriminator,
    body_schema,
    discriminators,
    enum_values,
    pagination,
    property_schema,
    read_back,
    read_only_properties,
    response_attribute_headers,
    success_response,
    validation_schema,
)
from generator.spec.vocabulary import (
    ENUM_BY,
    cli_settings,
    client_operation_name,
    operation_named,
    operations,
    schema_name,
)

Operation = dict[str, Any]


def template_globals(data: dict[str, Any], config: Config, reserved: Reserved) -> dict[str, Callable[..., Any]]:
    """The globals for one spec (`data`, fixed up for generation); `reserved`: the names the templates use."""
    spec_operations = spec_operations_by_endpoint(data)

    def of(endpoint: Endpoint) -> Operation:
        return spec_operations[endpoint.name][2]

    @functools.cache  # the library's ClassName is slow, and enum_selector asks it of every schema for each property
    def class_name(schema_name: str) -> str:
        return str(ClassName(schema_name, config.field_prefix))

    read_only = {class_name(name): props for name, props in read_only_properties(data).items()}
    polymorphic = discriminators(data)
    return {
        "read_only_json_names": lambda name: read_only_json_names(read_only, name),
        "discriminator_cases": lambda union: discriminator_cases(polymorphic, class_name, union),
        "discriminated_unions": lambda properties: discriminated_unions(polymorphic, class_name, properties),
        "accept_header": lambda endpoint: accept_header(data, of(endpoint)),
        "response_body_schema": lambda endpoint: response_body_schema(data, of(endpoint)),
        "success_status": lambda endpoint: success_status(data, of(endpoint)),
        "parameter_schemas": lambda endpoint: parameter_schemas(data, of(endpoint)),
        "request_body_schema": lambda endpoint: validation_schema(body_schema(data, of(endpoint))),
        "validation_schemas": lambda: validation_schemas(data),
        "cli_command": lambda endpoint: cli_command(data, of(endpoint), endpoint, reserved),
        "method_and_path": method_and_path,
        "response_headers": lambda: response_headers(data, config.field_prefix),
        "enum_selector": lambda name, prop: enum_selector(data, class_name, name, prop),
        "union_aliases": lambda: union_aliases(data, class_name),
        "pages": lambda endpoint: pages(data, of(endpoint), endpoint),
        "read_back": lambda endpoint: read_back_call(data, of(endpoint), endpoint, config.field_prefix),
        "known_body": lambda operation_name, body: known_body(data, operation_name, body),
        "body_option_words": lambda operation_name, body: body_option_words(data, operation_name, body),
    }


def known_body(data: dict[str, Any], operation_name: str, body: Mapping[str, Any]) -> dict[str, Any]:
    """`body`, an example a template writes by hand (the README's), without the fields that the request body of
    the operation `operation_name` (x-codegen-operation-name) does not define: upstream removes fields, and an
    example must not send what the spec no longer has. As written when the spec has no such operation."""
    named = operation_named(data, operation_name)
    return dict(body) if named is None else _known_fields(data, body_schema(data, named[1]), body)


def _known_fields(data: dict[str, Any], schema: dict[str, Any], value: Mapping[str, Any]) -> dict[str, Any]:
    kept = {}
    for name, item in value.items():
        try:
            inner = property_schema(data, schema, [name])
        except KeyError:
            continue
        kept[name] = _known_fields(data, inner, item) if isinstance(item, Mapping) else item
    return kept


def body_option_words(data: dict[str, Any], operation_name: str, body: Mapping[str, Any]) -> str:
    """`--name my-workspace --tier SP30`: each option x-codegen-cli gives the operation `operation_name` for a
    body field, with that field's value in `body`, in the extension's order."""
    words = []
    named = operation_named(data, operation_name)
    for option, path in cli_settings(named[1] if named else {}).get("options", {}).items():
        value: Any = body
        for name in path.split("."):
            value = value.get(name) if isinstance(value, Mapping) else None
        if value is not None:
            words.append(f"--{option} {value}")
    return " ".join(words)


def method_and_path(endpoint: Endpoint) -> str:
    """`POST /api/atlas/v2/groups/{groupId}/streams`: spec text, for an escaping filter (| md_code_cell)."""
    return f"{endpoint.method.upper()} {endpoint.path.get_untrusted_value()}"


def read_only_json_names(read_only: Mapping[str, frozenset[str]], class_name: str) -> list[str]:
    """JSON names of the class's readOnly properties, which a request leaves out."""
    return sorted(read_only.get(class_name, frozenset()))


def discriminator_cases(
    polymorphic: Mapping[str, Discriminator], class_name: Callable[[str], str], union: UnionProperty
) -> dict[str, Any] | None:
    """For a union of models that a spec discriminator describes: its property, value -> member, the member
    that takes unknown values (None when the union has none), and the name of the module's table of the
    mapping, one per polymorphic schema."""
    members: dict[str, Any] = {
        inner.class_info.name: inner for inner in union.inner_properties if isinstance(inner, ModelProperty)
    }
    for parent, discriminator in polymorphic.items():
        targets = {value: class_name(target) for value, target in discriminator.mapping.items()}
        fallback = class_name(discriminator.fallback) if discriminator.fallback else None
        if members and set(targets.values()) | {fallback} - {None} == set(members):
            return {
                "property_name": discriminator.property_name,
                "cases": [(value, members[target]) for value, target in sorted(targets.items())],
                "classes": sorted(set(targets.values())),
                "fallback": members.get(fallback) if fallback else None,
                "table": f"_{snake_case(parent).upper()}_SUBTYPES",
            }
    return None


def discriminated_unions(
    polymorphic: Mapping[str, Discriminator], class_name: Callable[[str], str], properties: Iterable[Any]
) -> list[dict[str, Any]]:
    """The discriminator cases of every union among `properties` that a spec discriminator describes, also as
    list items or union members at any depth, one per table: the tables a module defines."""
    found: dict[str, dict[str, Any]] = {}
    pending = list(properties)
    while pending:
        prop = pending.pop()
        if isinstance(prop, ListProperty):
            pending.append(prop.inner_property)
        elif isinstance(prop, UnionProperty):
            cases = discriminator_cases(polymorphic, class_name, prop)
            if cases is None:
                pending.extend(prop.inner_properties)
            else:
                found.setdefault(cases["table"], cases)
    return [found[table] for table in sorted(found)]


# The weight of the media types that only other responses than a success declare (Atlas's errors, as
# application/json): acceptable, so a server that negotiates can send a documented error, but never preferred.
OTHER_MEDIA_TYPE_WEIGHT = "0.9"


def accept_header(data: dict[str, Any], operation: Operation) -> str:
    """The Accept header for an operation: every media type that its responses declare, so that a server that
    negotiates content can send each documented answer; those of its success responses first and preferred
    (Atlas picks the API version from them), the others with q=0.9. Empty when no response has content."""
    success: set[str] = set()
    other: set[str] = set()
    for status, response in operation.get("responses", {}).items():
        media_types = resolved(data, response).get("content", {})
        (success if str(status).startswith("2") else other).update(media_types)
    weighted = [f"{media};q={OTHER_MEDIA_TYPE_WEIGHT}" for media in sorted(other - success)]
    return ", ".join([*sorted(success), *weighted])


def response_body_schema(data: dict[str, Any], operation: Operation) -> dict[str, Any]:
    """The schema of the body that the generated function returns (success_status; {} when there is none),
    reduced for the client's checks of what it receives."""
    success = success_response(data, operation)
    return validation_schema(success[1]) if success is not None else {}


def response_headers(data: dict[str, Any], field_prefix: str) -> list[dict[str, Any]]:
    """The headers that Response has an attribute for (schema_facts.response_attribute_headers): the header's
    name, the attribute, whether its value is an integer, and a line for the attribute's docstring."""
    found = []
    for name, header in response_attribute_headers(data).values():
        sentence = first_sentence(str(header.get("description", "")))
        found.append(
            {
                "name": name,
                "attribute": response_header_attribute(name, field_prefix),
                "integer": resolved(data, header.get("schema", {})).get("type") == "integer",
                "doc": f"{name}: {sentence}" if sentence else name,
            }
        )
    return found


def success_status(data: dict[str, Any], operation: Operation) -> int | None:
    """The status whose body the generated function returns (schema_facts.success_response)."""
    success = success_response(data, operation)
    return success[0] if success is not None else None


def enum_selector(
    data: dict[str, Any], class_name: Callable[[str], str], model_class: str, json_name: str
) -> dict[str, Any] | None:
    """For a property whose enum a sibling picks (x-codegen-enum-by on the model's schema): the sibling's JSON
    name, (sibling value, enum class) for each value that names an enum, and the module's table of them."""
    for schema_name_, schema in data.get("components", {}).get("schemas", {}).items():
        if class_name(schema_name_) != model_class:
            continue
        selector = schema.get(ENUM_BY, {}).get(json_name)
        if not selector:
            return None
        cases = [(value, class_name(schema_name({"$ref": ref}) or "")) for value, ref in selector["mapping"].items()]
        return {
            "property": selector["property"],
            "cases": cases,
            "classes": sorted({enum for _, enum in cases}),
            "table": f"_{snake_case(json_name).upper()}_ENUMS",
        }
    return None


def union_aliases(data: dict[str, Any], class_name: Callable[[str], str]) -> list[tuple[str, list[str]]]:
    """(class name, its members' class names) of each component schema that is a oneOf of references, which the
    library generates no class for: the models package exports it as a type alias of the union."""
    aliases = []
    for name, schema in sorted(data.get("components", {}).get("schemas", {}).items()):
        members = [schema_name(member) for member in schema.get("oneOf", [])]
        if members and all(members) and "properties" not in schema:
            aliases.append((class_name(name), sorted(class_name(member) for member in members if member)))
    return aliases


def parameter_schemas(data: dict[str, Any], operation: Operation) -> list[tuple[str, dict[str, Any]]]:
    """(name, validation schema) of each parameter whose schema constrains its value."""
    found = []
    for parameter in operation.get("parameters", []):
        parameter = resolved(data, parameter)
        schema = validation_schema(parameter.get("schema", {}))
        if set(schema) - {"type"}:
            found.append((parameter["name"], schema))
    return found


def validation_schemas(data: dict[str, Any]) -> dict[str, Any]:
    """Every component schema reduced to what the client's request checks need."""
    return {name: validation_schema(schema) for name, schema in data["components"]["schemas"].items()}


def cli_command(data: dict[str, Any], operation: Operation, endpoint: Endpoint, reserved: Reserved) -> dict[str, Any]:
    """The generated command line's view of an operation: its command name (`group command`, or one word) and
    aliases, one option per path and query parameter (but the page number of a list operation, whose command walks
    every page), one option per body field that x-codegen-cli lists, the columns of a list's table, and the
    question it asks before it runs (x-codegen-cli confirm; None for none)."""
    spec_parameters = {p["name"]: p for p in (resolved(data, p) for p in operation.get("parameters", []))}
    paged = pagination(data, operation, endpoint.method)
    walked = {paged.page_parameter} if paged is not None else set()  # the command walks every page itself
    parameters = [
        {
            "option": command_option(parameter, reserved),
            "argument": str(parameter.python_name),
            "name": json_name(parameter),
            "required": bool(parameter.required),
            # a boolean query parameter is a flag: present means true
            "flag": parameter in endpoint.query_parameters and isinstance(parameter, BooleanProperty),
            "integer": isinstance(parameter, IntProperty),
            "help": option_help(spec_parameters[json_name(parameter)]),
        }
        for parameter in [*endpoint.path_parameters, *endpoint.query_parameters]
        if json_name(parameter) not in walked
    ]
    options = []
    cli = cli_settings(operation)
    for option, json_path in cli.get("options", {}).items():
        schema = property_schema(data, body_schema(data, operation), json_path.split("."))
        options.append(
            {
                "option": option,
                "path": tuple(json_path.split(".")),
                "type": schema.get("type", "string"),
                "choices": tuple(enum_values(data, schema)),
            }
        )
    return {
        "name": command_name(operation),
        "aliases": tuple(cli.get("aliases", [])),
        "parameters": parameters,
        "body_options": options,
        "pages": paged is not None,
        "table": tuple((header, tuple(path.split("."))) for header, path in cli.get("table", {}).items()),
        "confirm": cli.get("confirm"),
    }


def option_help(parameter: dict[str, Any]) -> str:
    """A parameter's line in the command's --help: the first sentence of its description, and its pattern."""
    text = first_sentence(str(parameter.get("description", "")))
    pattern = parameter.get("schema", {}).get("pattern")
    return f"{text} Pattern: {pattern}" if pattern else text


def first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s", " ".join(text.split()), maxsplit=1)[0]


def pages(data: dict[str, Any], operation: Operation, endpoint: Endpoint) -> dict[str, Any] | None:
    """For a paginated list operation (schema_facts.pagination), what its sync_all and asyncio_all need: the
    arguments that pick the page and its size, the attribute that holds the items, and the items' type with its
    imports. None for any other operation."""
    facts = pagination(data, operation, endpoint.method)
    status = success_status(data, operation)
    if facts is None or status is None:
        return None
    arguments = {json_name(parameter): str(parameter.python_name) for parameter in endpoint.query_parameters}
    success = next(r.prop for r in endpoint.responses.patterns if r.status_code.range == (status, status))
    fields: list[PropertyProtocol] = [
        *(getattr(success, "required_properties", None) or []),
        *(getattr(success, "optional_properties", None) or []),
    ]
    items = next(field for field in fields if json_name(field) == facts.items_property)
    assert isinstance(items, ListProperty)  # pagination() found an array
    item = items.inner_property
    return {
        "page_argument": arguments[facts.page_parameter],
        "size_argument": arguments[facts.size_parameter],
        "items_attribute": str(items.python_name),
        "item_type": str(item.get_type_string().as_unembedded_code()),
        "item_imports": sorted(item.get_imports(prefix="...") | item.get_lazy_imports(prefix="...")),
    }


def read_back_call(
    data: dict[str, Any], operation: Operation, endpoint: Endpoint, field_prefix: str
) -> dict[str, Any] | None:
    """For a create with x-codegen-read-back (schema_facts.read_back), how its module calls the GET: the GET's
    module (tag package and name), each keyword argument with the Python expression of its value (a path
    argument of the create's, or `value_at(body, pointer)` on the JSON body sent), and the pointers to match.
    None for any other operation."""
    found = read_back(data, operation)
    if found is None:
        return None
    get = operations(data)[found.operation]
    own = {json_name(parameter): str(parameter.python_name) for parameter in endpoint.path_parameters}
    arguments = [
        (str(PythonIdentifier(name, field_prefix)), own[path_name]) for name, path_name in found.from_path.items()
    ]
    arguments += [
        (str(PythonIdentifier(name, field_prefix)), f"value_at(body, {pointer!r})")
        for name, pointer in found.from_body.items()
    ]
    return {
        "tag": snake_case((get.get("tags") or ["default"])[0]),
        "module": snake_case(client_operation_name(get)),
        "arguments": arguments,
        "match": list(found.match),
    }
