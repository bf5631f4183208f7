"""Rendering the client project: our plain spec data and settings become the library's Config and
GeneratorData, rendered with our template layers over the library's defaults, our Jinja globals
(template_globals.py) and the escaping guard (guard.py). Anything the library skips is a CodegenError: a
silently dropped schema would otherwise ship as a broken client.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError, UndefinedError
from openapi_python_client import Project
from openapi_python_client.config import ClassOverride, Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.errors import GeneratorError
from openapi_python_client.parser.properties.protocol import PropertyProtocol
from openapi_python_client.schema.untrusted_string import UntrustedString
from openapi_python_client.strings import ClassName, PythonIdentifier, snake_case

from generator.codegen.guard import (
    ESCAPE_HINT,
    UnescapedValue,
    guard_environment,
    template_location,
    unwrapping,
    wrapped_values_refuse_text,
)
from generator.codegen.python_names import python_names
from generator.codegen.template_globals import template_globals
from generator.codegen.templates import runtime_modules, template_loader
from generator.config import Settings
from generator.errors import CodegenError, read_utf8
from generator.jinja_cache import bytecode_cache
from generator.markdown import md_cell, md_code, md_link_text
from generator.names import PythonNames
from generator.spec.python_naming import RENAME_SUFFIX, Reserved

# Files of the generated package that openapi-python-client does not know about, rendered from our templates:
# template name -> path inside the package directory. The runtime modules (templates/runtime/) come on top.
EXTRA_PACKAGE_FILES = {
    "_retry.py.jinja": "_retry.py",
    "_schemas.py.jinja": "_schemas.py",
    "cli.py.jinja": "cli.py",
    "__main__.py.jinja": "__main__.py",
}
# Files of the project around the package that the library does not know about: template name -> path.
EXTRA_PROJECT_FILES = {"LICENSE.jinja": "LICENSE"}


def render_project(
    data: dict[str, Any],
    settings: Settings,
    template_layers: Sequence[Path],
    reserved: Reserved,
    out_dir: Path,
    on_names: Callable[[PythonNames], None] | None = None,
) -> PythonNames:
    """Render the client project for `data` (a plain, fixed-up spec) into `out_dir`, unformatted, and say
    what the generated code calls things. `reserved`: the names the templates use (templates.reserved_names).
    `on_names` hears the names as soon as the library has parsed the spec, before any file is rendered."""
    config = _config(data, settings, out_dir)
    openapi = GeneratorData.from_dict(data, config=config)
    if isinstance(openapi, GeneratorError):
        raise _as_codegen_error(openapi, settings)
    rename_reserved(openapi, reserved)
    names = python_names(data, openapi, config, settings.package_name, reserved)
    if on_names is not None:
        on_names(names)
    project = _StreamsProject(
        openapi=openapi, config=config, settings=settings, data=data, template_layers=template_layers, reserved=reserved
    )
    with contextlib.redirect_stdout(io.StringIO()):
        problems = project.build()
    if problems:
        raise _as_codegen_error(problems[0], settings)
    return names


def rename_reserved(openapi: GeneratorData, reserved: Reserved) -> None:
    """Our rule on top of the library's names (generator/spec/python_naming.py): a property or parameter named
    like something the generated class or function uses itself gets a trailing underscore (`to_dict_`), so that
    it neither hides a method nor is hidden by a local. Lint warns about each at its spec line."""
    for model in openapi.models:
        for prop in [*(model.required_properties or []), *(model.optional_properties or [])]:
            _rename_if_taken(prop, reserved.model_members)
    for collection in openapi.endpoint_collections_by_tag.values():
        for endpoint in collection.endpoints:
            for _, parameter in endpoint.iter_all_parameters():
                old = str(parameter.python_name)
                if _rename_if_taken(parameter, reserved.operation_arguments) and parameter in endpoint.path_parameters:
                    # The library wrote the argument's name into the path template: `/groups/{group_id}`.
                    path = endpoint.path.get_untrusted_value().replace(f"{{{old}}}", f"{{{parameter.python_name}}}")
                    endpoint.path = UntrustedString(path)


def _rename_if_taken(prop: PropertyProtocol, taken: frozenset[str]) -> bool:
    if prop.python_name not in taken:
        return False
    # Set directly, as the library's own set_python_name does: a PythonIdentifier would drop the underscore.
    object.__setattr__(prop, "python_name", str.__new__(PythonIdentifier, prop.python_name + RENAME_SUFFIX))
    return True


def _config(data: dict[str, Any], settings: Settings, out_dir: Path) -> Config:
    config_file = ConfigFile(
        project_name_override=settings.project_name,
        package_name_override=settings.package_name,
        package_version_override=settings.package_version,
        class_overrides=_nullable_model_names(data),
        post_hooks=[],  # formatting is ours (codegen/formatting.py), with a pinned ruff
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
    """The library's Project with our template layers, our Jinja globals and the escaping guard."""

    def __init__(
        self,
        *,
        openapi: GeneratorData,
        config: Config,
        settings: Settings,
        data: dict[str, Any],
        template_layers: Sequence[Path],
        reserved: Reserved,
    ) -> None:
        super().__init__(openapi=openapi, config=config)
        self.template_layers = template_layers
        self.env.loader = template_loader(template_layers)
        self.env.bytecode_cache = bytecode_cache("code")
        self.env.globals["command_name"] = settings.command_name
        self.env.globals.update(_package_metadata(settings))
        self.env.filters["toml_string"] = toml_string
        self.env.globals.update(template_globals(data, config, reserved))
        self.env.filters["python_literal"] = python_literal
        # Jinja's tojson sorts keys: a hand-written example keeps its own order.
        self.env.filters["json_text"] = json.dumps
        # The package README shows spec text as the docs pages do.
        self.env.filters["md_cell"] = unwrapping(md_cell)
        self.env.filters["md_link_text"] = unwrapping(md_link_text)
        self.env.filters["md_code_cell"] = unwrapping(lambda text: md_cell(md_code(text)))
        guard_environment(self.env)

    def build(self) -> Sequence[GeneratorError]:
        """The library's build plus our extra files; a template that fails, for whatever reason, is bad
        input reported at its line, and the half-written output is discarded by the caller."""
        try:
            with wrapped_values_refuse_text():
                problems = super().build()
                if not problems:
                    self._build_extra_files()
        except UnescapedValue as err:
            template, line = template_location(err)
            raise CodegenError(str(err), template, line, hint=ESCAPE_HINT) from None
        except UndefinedError as err:
            template, line = template_location(err)
            raise CodegenError(f"template uses an undefined name: {err.message}", template, line) from None
        except TemplateSyntaxError as err:
            raise CodegenError(f"template syntax: {err.message}", err.filename, err.lineno) from None
        except Exception as err:
            template, line = template_location(err)
            if template is None:
                raise  # not raised by a template: a bug of ours or of the library, so keep the traceback
            raise CodegenError(f"template fails: {type(err).__name__}: {err}", template, line) from None
        return problems

    def _build_extra_files(self) -> None:
        for template_name, relative in EXTRA_PACKAGE_FILES.items():
            text = self.env.get_template(template_name).render()
            (self.package_dir / relative).write_text(text, encoding=self.config.file_encoding)
        for relative, source in runtime_modules(self.template_layers).items():
            shutil.copyfile(source, self.package_dir / relative)
        for template_name, relative in EXTRA_PROJECT_FILES.items():
            text = self.env.get_template(template_name).render()
            (self.project_dir / relative).write_text(text, encoding=self.config.file_encoding)


def _package_metadata(settings: Settings) -> dict[str, Any]:
    """What pyproject.toml.jinja and LICENSE.jinja say of the package besides its names: the settings' license,
    the text of its license-file (None: the Apache License 2.0 of our templates), authors and project URLs."""
    license_file = settings.license_file
    return {
        "license": settings.license,
        "license_text": read_utf8(license_file, "license file") if license_file else None,
        "authors": settings.authors,
        "project_urls": settings.urls,
    }


def toml_string(value: str) -> str:
    """`value` as a TOML basic string. JSON's string escapes are TOML's, but for DEL, which TOML wants escaped."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def python_literal(value: Any) -> str:
    """Plain data (dicts, lists, strings, numbers, booleans, None) as Python source.

    repr() of these types is always a valid literal, so spec text cannot escape into code."""
    return repr(value)
