"""The only module that touches openapi-python-client internals (pinned at 0.29.1).

It turns our plain spec data and settings into the library's Config and GeneratorData, renders the
project with our template layers over the library's defaults, and reports anything the library
skipped as a CodegenError: a silently dropped schema would otherwise ship as a broken client.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.metadata
import importlib.resources
import io
import re
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, PackageLoader, TemplateSyntaxError
from openapi_python_client import Project
from openapi_python_client import schema as oai
from openapi_python_client.config import ClassOverride, Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.errors import GeneratorError
from openapi_python_client.parser.openapi import Endpoint
from openapi_python_client.parser.properties import ModelProperty, Schemas, build_schemas
from openapi_python_client.parser.properties.boolean import BooleanProperty
from openapi_python_client.parser.properties.none import NoneProperty
from openapi_python_client.parser.properties.protocol import PropertyProtocol
from openapi_python_client.parser.properties.union import UnionProperty
from openapi_python_client.schema.untrusted_string import UntrustedString
from openapi_python_client.strings import ClassName, PythonCode, kebab_case, snake_case

from generator.config import Settings
from generator.errors import CodegenError
from generator.jinja_cache import bytecode_cache
from generator.schema_facts import (
    discriminators,
    enum_values,
    property_schema,
    read_only_properties,
    validation_schema,
)
from generator.spec import resolved
from generator.spec_fixes import located_operations

# Files of the generated package that openapi-python-client does not know about:
# template name -> path inside the package directory.
EXTRA_PACKAGE_FILES = {
    "_serialization.py.jinja": "_serialization.py",
    "_auth.py.jinja": "_auth.py",
    "_retry.py.jinja": "_retry.py",
    "_enums.py.jinja": "_enums.py",
    "_responses.py.jinja": "_responses.py",
    "_envelope.py.jinja": "_envelope.py",
    "_validation.py.jinja": "_validation.py",
    "cli.py.jinja": "cli.py",
    "__main__.py.jinja": "__main__.py",
}

UPSTREAM_TEMPLATES = "openapi_python_client"
UPSTREAM_DISTRIBUTION = "openapi-python-client"
UPSTREAM_VERSION = importlib.metadata.version(UPSTREAM_DISTRIBUTION)

_SAFE_RENDERED_TYPES = (str, int, float, bool)

# Spec text and generated code as the library hands them to templates: only an escaping filter may turn
# them into text.
_WRAPPED_TYPES = (UntrustedString, PythonCode)
# The filters that do: the library's escaping filters, and its identifier filters, which keep only
# identifier characters. Every other filter refuses a wrapped value (see _refusing_wrapped_values).
_ESCAPING_FILTERS = frozenset(
    {
        "in_double_quote_literal",
        "in_f_string_literal",
        "safe_for_docstring",
        "as_unembedded_code",
        "snakecase",
        "kebabcase",
        "pascalcase",
    }
)
_ESCAPE_HINT = (
    "escape it first: | safe_for_docstring, | in_double_quote_literal, | in_f_string_literal or | as_unembedded_code"
)


@dataclass(frozen=True)
class OperationNames:
    module: str  # dotted path of the operation's module, e.g. atlas_streams.api.streams.create_stream_workspace
    arguments: dict[str, tuple[str, str]]  # parameter name in the spec -> (Python argument, type string)
    command: str  # its command of the generated console script, e.g. "create-workspace"
    options: dict[str, str]  # parameter name in the spec -> its option of that command, e.g. "--group-id"


@dataclass(frozen=True)
class PythonNames:
    """What the generated code calls the spec's things, as plain strings: only the library knows its class
    names, attribute names and type strings, and generator.docs (which must not import it) documents them."""

    operations: dict[tuple[str, str], OperationNames]  # (spec path, HTTP method) ->
    schemas: dict[str, str]  # component schema name -> its Python class, or its type when it is a union
    fields: dict[str, dict[str, tuple[str, str]]]  # class name -> JSON property name -> (attribute, type string)


def render_project(
    data: dict[str, Any], settings: Settings, template_layers: Sequence[Path], out_dir: Path
) -> PythonNames:
    """Render the client project for `data` (a plain, fixed-up spec) into `out_dir`, unformatted, and say
    what the generated code calls things."""
    config = _config(data, settings, out_dir)
    openapi = GeneratorData.from_dict(data, config=config)
    if isinstance(openapi, GeneratorError):
        raise _as_codegen_error(openapi, settings)
    project = _StreamsProject(
        openapi=openapi, config=config, settings=settings, data=data, template_layers=template_layers
    )
    with contextlib.redirect_stdout(io.StringIO()):
        problems = project.build()
    if problems:
        raise _as_codegen_error(problems[0], settings)
    return _python_names(data, openapi, config, settings.package_name)


def _python_names(data: dict[str, Any], openapi: GeneratorData, config: Config, package_name: str) -> PythonNames:
    operations_by_location = {}
    spec_operations = _spec_operations_by_endpoint(data)
    for tag, collection in openapi.endpoint_collections_by_tag.items():
        for endpoint in collection.endpoints:
            path, method, operation = spec_operations[endpoint.name]
            parameters = [*endpoint.path_parameters, *endpoint.query_parameters, *endpoint.header_parameters]
            operations_by_location[(path, method)] = OperationNames(
                module=f"{package_name}.api.{tag}.{endpoint.name}",
                arguments={_json_name(p): (str(p.python_name), _type_string(p)) for p in parameters},
                command=_command_name(operation, endpoint),
                options={_json_name(p): _command_option(p) for p in parameters},
            )
    fields = {
        str(model.class_info.name): {
            _json_name(p): (str(p.python_name), _type_string(p))
            for p in [*(model.required_properties or []), *(model.optional_properties or [])]
        }
        for model in openapi.models
    }
    return PythonNames(operations=operations_by_location, schemas=_schema_types(data, config), fields=fields)


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
            types[name] = " | ".join(_type_string(inner) for inner in members)
        else:
            types[name] = _type_string(prop)
    return types


def _json_name(prop: PropertyProtocol) -> str:
    return prop.name.get_untrusted_value()


def _type_string(prop: PropertyProtocol) -> str:
    return str(prop.get_type_string().as_unembedded_code())


def _command_name(operation: dict[str, Any], endpoint: Endpoint) -> str:
    """The generated command line's name for an operation: our x-codegen-cli `command`, else
    x-xgen-method-verb-override's verb, else the function name, in kebab case."""
    verb = operation.get("x-xgen-method-verb-override", {}).get("verb") or endpoint.name
    return str(operation.get("x-codegen-cli", {}).get("command") or kebab_case(verb))


def _command_option(parameter: PropertyProtocol) -> str:
    # As templates/cli.py.jinja spells it: "--" and the Python argument in kebab case.
    return f"--{kebab_case(parameter.python_name)}"


def _option_help(parameter: dict[str, Any]) -> str:
    """A parameter's line in the command's --help: the first sentence of its description, and its pattern."""
    text = _first_sentence(str(parameter.get("description", "")))
    pattern = parameter.get("schema", {}).get("pattern")
    return f"{text} Pattern: {pattern}" if pattern else text


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s", " ".join(text.split()), maxsplit=1)[0]


def _spec_operations_by_endpoint(data: dict[str, Any]) -> dict[str, tuple[str, str, dict[str, Any]]]:
    """(path, method, operation) of each spec operation, by the name of the endpoint generated from it
    (snake_case of its operationId; the first of equal names wins). Built once per use: a scan of every
    operation per endpoint made generation quadratic in the number of operations."""
    found: dict[str, tuple[str, str, dict[str, Any]]] = {}
    for path, method, operation in located_operations(data):
        found.setdefault(snake_case(str(operation.get("operationId", ""))), (path, method, operation))
    return found


def template_loader(template_layers: Sequence[Path]) -> BaseLoader:
    """First match wins: each layer in order, then the library's own templates."""
    return ChoiceLoader(
        [*(FileSystemLoader(str(layer)) for layer in template_layers), PackageLoader(UPSTREAM_TEMPLATES)]
    )


def upstream_templates_dir() -> Path:
    """The installed library's own templates (what PackageLoader reads)."""
    return Path(str(importlib.resources.files(UPSTREAM_TEMPLATES) / "templates"))


def template_names(template_layers: Sequence[Path]) -> list[str]:
    """Every template name the loader can resolve, ours and the library's."""
    return sorted(name for name in template_loader(template_layers).list_templates() if name.endswith(".jinja"))


def template_file(template_layers: Sequence[Path], name: str) -> Path:
    """The file the loader renders for `name`."""
    _, filename, _ = template_loader(template_layers).get_source(Environment(), name)
    return Path(str(filename))


def _config(data: dict[str, Any], settings: Settings, out_dir: Path) -> Config:
    config_file = ConfigFile(
        project_name_override=settings.project_name,
        package_name_override=settings.package_name,
        package_version_override=settings.package_version,
        class_overrides=_nullable_model_names(data),
        post_hooks=[],  # formatting is ours (generator.formatting), with a pinned ruff
    )
    return Config.from_sources(
        config_file,
        MetaType.PDM,  # any value but NONE/SETUP; our pyproject.toml.jinja replaces the build metadata
        document_source=settings.spec,
        file_encoding="utf-8",
        overwrite=True,
        output_path=out_dir,
    )


def _nullable_model_names(data: dict[str, Any]) -> dict[str, ClassOverride]:
    # The library models a nullable object schema as `<Name>Type0 | None`; keep the schema's own name.
    overrides = {}
    for name, schema in data.get("components", {}).get("schemas", {}).items():
        if schema.get("nullable") is True and schema.get("type") == "object":
            class_name = ClassName(name, "")
            overrides[f"{class_name}Type0"] = ClassOverride.model_validate(
                {"class_name": class_name, "module_name": snake_case(class_name)}
            )
    return overrides


def _as_codegen_error(problem: GeneratorError, settings: Settings) -> CodegenError:
    detail = " ".join(f"{problem.header or ''} {problem.detail or ''}".split())
    return CodegenError(f"openapi-python-client: {detail}", settings.relative(settings.spec))


class _StreamsProject(Project):
    """The library's Project with our template layers, our Jinja globals and a guard against
    rendering spec text or code objects without their escaping filter."""

    def __init__(
        self,
        *,
        openapi: GeneratorData,
        config: Config,
        settings: Settings,
        data: dict[str, Any],
        template_layers: Sequence[Path],
    ) -> None:
        super().__init__(openapi=openapi, config=config)
        self.env.loader = template_loader(template_layers)
        self.env.bytecode_cache = bytecode_cache("code")
        self.env.globals["command_name"] = settings.command_name
        self.env.finalize = _refuse_unescaped
        self.env.globals.update(_template_globals(data, config))
        self.env.filters["python_literal"] = python_literal
        self.env.filters.update(
            {
                name: function if name in _ESCAPING_FILTERS else _refusing_wrapped_values(name, function)
                for name, function in self.env.filters.items()
            }
        )

    def build(self) -> Sequence[GeneratorError]:
        """The library's build plus our extra files; a template that fails, for whatever reason, is bad
        input reported at its line, and the half-written output is discarded by the caller."""
        try:
            with _wrapped_values_refuse_text():
                problems = super().build()
                if not problems:
                    self._build_extra_files()
        except _UnescapedValue as err:
            template, line = _template_location(err)
            raise CodegenError(str(err), template, line, hint=_ESCAPE_HINT) from None
        except TemplateSyntaxError as err:
            raise CodegenError(f"template syntax: {err.message}", err.filename, err.lineno) from None
        except Exception as err:
            template, line = _template_location(err)
            if template is None:
                raise  # not raised by a template: a bug of ours or of the library, so keep the traceback
            raise CodegenError(f"template fails: {type(err).__name__}: {err}", template, line) from None
        return problems

    def _build_extra_files(self) -> None:
        for template_name, relative in EXTRA_PACKAGE_FILES.items():
            text = self.env.get_template(template_name).render()
            (self.package_dir / relative).write_text(text, encoding=self.config.file_encoding)


class _UnescapedValue(Exception):
    pass


def _refuse_unescaped(value: object) -> object:
    # 0.29.1 wraps spec text in UntrustedString and code in PythonCode; printed bare they become
    # "<... object at 0x...>" in the output. Only plain scalars may reach the page.
    if value is None or isinstance(value, _SAFE_RENDERED_TYPES):
        return value
    raise _UnescapedValue(f"template renders a {type(value).__name__} without an escaping filter")


def _refusing_wrapped_values(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """`function`, a Jinja filter, refusing spec text and code objects: Jinja's own filters would turn them
    into "<...UntrustedString object at 0x...>" (`lower`, `replace`) or fail with a raw traceback
    (`wordwrap`). functools.wraps keeps Jinja's pass_context/pass_environment marks."""

    @functools.wraps(function)
    def checked(*args: Any, **kwargs: Any) -> Any:
        for value in (*args, *kwargs.values()):
            if isinstance(value, _WRAPPED_TYPES):
                raise _UnescapedValue(
                    f"template passes a {type(value).__name__} to the filter '{name}' without an escaping filter"
                )
        return function(*args, **kwargs)

    return checked


@contextlib.contextmanager
def _wrapped_values_refuse_text() -> Iterator[None]:
    """While templates render, str() and repr() of spec text or a code object raise: the ways into text that
    no filter sees (`~`, `%`, `.format()`, a list of them given to `join` or `python_literal`) would otherwise
    put "<...UntrustedString object at 0x...>" into the output. The library's classes get their methods back
    afterwards."""

    def refuse(self: object) -> str:
        raise _UnescapedValue(f"template converts a {type(self).__name__} to text without an escaping filter")

    originals = [(cls, name, cls.__dict__.get(name)) for cls in _WRAPPED_TYPES for name in ("__str__", "__repr__")]
    for cls, name, _ in originals:
        setattr(cls, name, refuse)
    try:
        yield
    finally:
        for cls, name, original in originals:
            if original is None:
                delattr(cls, name)
            else:
                setattr(cls, name, original)


def _template_location(err: BaseException) -> tuple[str | None, int | None]:
    """The innermost template frame; Jinja rewrites traceback frames to template files and lines."""
    for frame in reversed(traceback.extract_tb(err.__traceback__)):
        if frame.filename.endswith(".jinja"):
            return frame.filename, frame.lineno
    return None, None


def _template_globals(data: dict[str, Any], config: Config) -> dict[str, Any]:
    read_only: dict[str, frozenset[str]] = {
        ClassName(name, config.field_prefix): props for name, props in read_only_properties(data).items()
    }
    polymorphic = list(discriminators(data).values())

    def class_name(schema_name: str) -> str:
        return ClassName(schema_name, config.field_prefix)

    spec_operations = _spec_operations_by_endpoint(data)

    def operation(endpoint: Any) -> dict[str, Any]:
        return spec_operations[endpoint.name][2]

    def read_only_json_names(class_name: str) -> list[str]:
        return sorted(read_only.get(class_name, frozenset()))

    def discriminator_cases(union: Any) -> dict[str, Any] | None:
        """For a union of models that a spec discriminator describes: its property, value -> member,
        and the member that takes unknown values (None when the union has none)."""
        members: dict[str, Any] = {
            inner.class_info.name: inner for inner in union.inner_properties if isinstance(inner, ModelProperty)
        }
        for discriminator in polymorphic:
            targets = {value: class_name(target) for value, target in discriminator.mapping.items()}
            fallback = class_name(discriminator.fallback) if discriminator.fallback else None
            if members and set(targets.values()) | {fallback} - {None} == set(members):
                return {
                    "property_name": discriminator.property_name,
                    "cases": [(value, members[target]) for value, target in sorted(targets.items())],
                    "fallback": members.get(fallback) if fallback else None,
                }
        return None

    def accept_media_types(endpoint: Any) -> list[str]:
        """Media types of the operation's success responses, for the Accept header."""
        responses = operation(endpoint).get("responses", {})
        return sorted(
            {
                media
                for status, response in responses.items()
                if str(status).startswith("2")
                for media in resolved(data, response).get("content", {})
            }
        )

    def parameter_schemas(endpoint: Any) -> list[tuple[str, dict[str, Any]]]:
        """(name, validation schema) of each parameter whose schema constrains its value."""
        found = []
        for parameter in operation(endpoint).get("parameters", []):
            parameter = resolved(data, parameter)
            schema = validation_schema(parameter.get("schema", {}))
            if set(schema) - {"type"}:
                found.append((parameter["name"], schema))
        return found

    def body_schema(endpoint: Any) -> dict[str, Any]:
        content: dict[str, Any] = resolved(data, operation(endpoint).get("requestBody", {})).get("content", {})
        media: dict[str, Any] = next(iter(content.values()), {})
        return dict(media.get("schema", {}))

    def request_body_schema(endpoint: Any) -> dict[str, Any]:
        return validation_schema(body_schema(endpoint))

    def cli_command(endpoint: Any) -> dict[str, Any]:
        """The generated command line's view of an operation: its command name, one option per path and
        query parameter, and one option per body field that x-codegen-cli lists."""
        spec_operation = operation(endpoint)
        spec_parameters = {p["name"]: p for p in (resolved(data, p) for p in spec_operation.get("parameters", []))}
        parameters = [
            {
                "option": _command_option(parameter),
                "argument": str(parameter.python_name),
                "name": _json_name(parameter),
                "required": bool(parameter.required),
                # a boolean query parameter is a flag: present means true
                "flag": parameter in endpoint.query_parameters and isinstance(parameter, BooleanProperty),
                "help": _option_help(spec_parameters[_json_name(parameter)]),
            }
            for parameter in [*endpoint.path_parameters, *endpoint.query_parameters]
        ]
        cli = spec_operation.get("x-codegen-cli", {})
        options = []
        for option, json_path in cli.get("options", {}).items():
            schema = property_schema(data, body_schema(endpoint), json_path.split("."))
            options.append(
                {
                    "option": option,
                    "path": tuple(json_path.split(".")),
                    "type": schema.get("type", "string"),
                    "choices": tuple(enum_values(data, schema)),
                }
            )
        return {"name": _command_name(spec_operation, endpoint), "parameters": parameters, "body_options": options}

    def validation_schemas() -> dict[str, Any]:
        return {name: validation_schema(schema) for name, schema in data["components"]["schemas"].items()}

    return {
        "read_only_json_names": read_only_json_names,
        "discriminator_cases": discriminator_cases,
        "accept_media_types": accept_media_types,
        "parameter_schemas": parameter_schemas,
        "request_body_schema": request_body_schema,
        "validation_schemas": validation_schemas,
        "cli_command": cli_command,
    }


def python_literal(value: Any) -> str:
    """Plain data (dicts, lists, strings, numbers, booleans, None) as Python source.

    repr() of these types is always a valid literal, so spec text cannot escape into code."""
    return repr(value)
