"""What the generated code calls the spec's things, read off the library's parsed model: module, argument,
class, attribute and type names, and the generated command line's command and option names. The result
(generator/names.py) is plain strings, so that the docs can show them without loading the library."""

from __future__ import annotations

from typing import Any

from openapi_python_client import schema as oai
from openapi_python_client.config import Config
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.properties import Schemas, build_schemas
from openapi_python_client.parser.properties.none import NoneProperty
from openapi_python_client.parser.properties.protocol import PropertyProtocol
from openapi_python_client.parser.properties.union import UnionProperty
from openapi_python_client.strings import PythonIdentifier

from generator.names import OperationNames, PythonNames
from generator.spec import python_naming
from generator.spec.python_naming import FIELD_PREFIX, Reserved
from generator.spec.schema_facts import response_attribute_headers
from generator.spec.vocabulary import command_word, operations

SpecOperation = tuple[str, str, dict[str, Any]]  # (path, method, operation)


def python_names(
    data: dict[str, Any], openapi: GeneratorData, config: Config, package_name: str, reserved: Reserved
) -> PythonNames:
    operations_by_location = {}
    spec_operations = spec_operations_by_endpoint(data)
    for tag, collection in openapi.endpoint_collections_by_tag.items():
        for endpoint in collection.endpoints:
            path, method, operation = spec_operations[endpoint.name]
            parameters = [*endpoint.path_parameters, *endpoint.query_parameters, *endpoint.header_parameters]
            operations_by_location[(path, method)] = OperationNames(
                module=f"{package_name}.api.{tag}.{endpoint.name}",
                arguments={json_name(p): (str(p.python_name), type_string(p)) for p in parameters},
                command=command_name(operation),
                options={json_name(p): command_option(p, reserved) for p in parameters},
            )
    fields = {
        str(model.class_info.name): {
            json_name(p): (str(p.python_name), type_string(p))
            for p in [*(model.required_properties or []), *(model.optional_properties or [])]
        }
        for model in openapi.models
    }
    headers = {
        lower: response_header_attribute(name, config.field_prefix)
        for lower, (name, _) in response_attribute_headers(data).items()
    }
    return PythonNames(
        operations=operations_by_location, schemas=_schema_types(data, config), fields=fields, response_headers=headers
    )


def response_header_attribute(name: str, field_prefix: str) -> str:
    """The attribute of the generated Response that holds the header `name` (RateLimit-Remaining:
    rate_limit_remaining)."""
    return str(PythonIdentifier(name, field_prefix))


def spec_operations_by_endpoint(data: dict[str, Any]) -> dict[str, SpecOperation]:
    """(path, method, operation) of each spec operation, by the name of the endpoint generated from it
    (the library's Python identifier of its operationId: `import` is `import_`; lint refuses equal names). Built
    once per use: a scan of every operation per endpoint made generation quadratic in the number of operations."""
    found: dict[str, SpecOperation] = {}
    for key, operation in operations(data).items():
        name = PythonIdentifier(str(operation.get("operationId", "")), prefix=FIELD_PREFIX)
        found.setdefault(name, (key.path, key.method, operation))
    return found


def _schema_types(data: dict[str, Any], config: Config) -> dict[str, str]:
    # GeneratorData keeps only classes; the union that a oneOf schema becomes is in the library's Schemas.
    components = oai.OpenAPI.model_validate(data).components
    schemas = build_schemas(components=(components and components.schemas) or {}, schemas=Schemas(), config=config)
    types = {}
    for name in data.get("components", {}).get("schemas", {}):
        prop = schemas.classes_by_reference[f"/components/schemas/{name}"]  # type: ignore[index]
        if isinstance(prop, UnionProperty):
            # A nullable object schema is "<Class> | None": the schema itself is the class.
            members = [inner for inner in prop.inner_properties if not isinstance(inner, NoneProperty)]
            types[name] = " | ".join(type_string(inner) for inner in members)
        else:
            types[name] = type_string(prop)
    return types


def json_name(prop: PropertyProtocol) -> str:
    return prop.name.get_untrusted_value()


def type_string(prop: PropertyProtocol) -> str:
    return str(prop.get_type_string().as_unembedded_code())


def command_name(operation: dict[str, Any]) -> str:
    """The generated command line's name for an operation (`group command`, or one word)."""
    return python_naming.command_name(command_word(operation))


def command_option(parameter: PropertyProtocol, reserved: Reserved) -> str:
    return python_naming.command_option(str(parameter.python_name), reserved.command_options)
