"""Reference docs of the generated package: a Markdown page per operation and per component schema, an index,
in English and in every other locale (generator/locales.py) that has its two files.

The pages describe the spec as written, not as spec_fixes adjusts it for the code generator (so server-side
defaults such as `envelope=false` show), with the names that the generated code uses from opc_adapter's
PythonNames. Here: the docs model of the spec, built once per locale, and its rendering through
templates/docs/ (spec text escaped by generator/markdown.py's filters). Another locale `xx` is rendered into
docs/xx/, and whatever it does not translate is listed on its untranslated.md page.
"""

from __future__ import annotations

import json
import posixpath
import shlex
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.config import Settings
from generator.jinja_cache import bytecode_cache
from generator.locales import (
    BASE_LOCALE,
    TEMPLATES_SUBDIR,
    Locale,
    Texts,
    check_overlay,
    load_locales,
    overlay_path,
    strings_path,
)
from generator.markdown import md_cell, md_code, md_fence, md_text
from generator.opc_adapter import OperationNames, PythonNames
from generator.schema_facts import discriminators, read_only_properties, schema_name
from generator.spec import Pointer, Spec, follow_refs, node_at
from generator.spec_fixes import located_operations

UNTRANSLATED_PAGE = "untranslated.md"  # in every locale but the base one


# --- the docs model ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # path, query or header
    argument: str  # Python argument of the operation functions
    option: str  # option of the generated command
    python_type: str
    json_type: str
    required: bool
    default: str | None  # as JSON
    pattern: str | None
    example: Any
    description: str


@dataclass(frozen=True)
class Header:
    name: str
    json_type: str
    description: str


@dataclass(frozen=True)
class Example:
    caption: str  # "request" or a status code
    operation: str  # slug of the operation it belongs to
    json: str  # pretty-printed


@dataclass(frozen=True)
class Response:
    status: str
    description: str
    media_type: str | None
    model: str | None  # component schema name
    headers: list[Header]
    example: str | None  # pretty-printed JSON
    error_code: str | None  # the `errorCode` of the example, for error responses


@dataclass(frozen=True)
class RequestBody:
    description: str
    required: bool
    media_type: str
    model: str | None
    example: Any
    example_json: str | None


@dataclass(frozen=True)
class SecurityScheme:
    name: str
    kind: str  # "oauth2" or the HTTP scheme ("digest", "basic", "bearer")
    token_url: str | None
    description: str


@dataclass(frozen=True)
class Operation:
    slug: str  # the generated module's name, which is also the page's name
    module: str  # dotted path of the generated module
    cli_command: str  # `atlas api <tag> <operation>`
    command: str  # the generated console script and its command for this operation
    summary: str
    description: str
    method: str
    path: str
    url: str  # the first server's URL with the path, path parameters filled in with their examples
    roles: list[str]
    parameters: list[Parameter]
    request_body: RequestBody | None
    responses: list[Response]
    accept: str | None  # media type of the success response
    security: list[SecurityScheme]
    changelog: list[tuple[str, str]]  # (date, change), oldest first
    docs_url: str | None


@dataclass(frozen=True)
class Field:
    json_name: str
    attribute: str
    python_type: str
    required: bool
    read_only: bool
    write_only: bool
    nullable: bool
    values: list[str]  # enum values
    description: str
    notes: list[tuple[str, str]]  # (interface string key, value as JSON): default, pattern, example, ...
    models: list[str]  # component schemas its type refers to
    inherited_from: str | None


@dataclass(frozen=True)
class Discriminator:
    property_name: str
    mapping: list[tuple[str, str]]  # (value, schema name), by value
    fallback: str | None


@dataclass
class Model:
    name: str
    kind: str  # object, enum or one_of
    python: str  # class name, or the union type of a one_of
    description: str
    fields: list[Field]
    values: list[str]
    members: list[str]  # of a one_of
    discriminator: Discriminator | None
    example: str | None  # the schema's own example, pretty-printed JSON
    uses: list[str]
    used_by: list[str] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)  # operation examples of this very schema
    operations: list[str] = field(default_factory=list)  # slugs of the operations that send or return it


@dataclass(frozen=True)
class Site:
    project: str  # distribution name
    package: str  # import name
    operations: list[Operation]
    models: list[Model]
    security: list[SecurityScheme]


# --- building the model from the spec -------------------------------------------------------------------------


class _SiteBuilder:
    def __init__(self, data: dict[str, Any], names: PythonNames, settings: Settings, texts: Texts) -> None:
        self.data = data
        self.names = names
        self.project = settings.project_name
        self.package = settings.package_name
        self.command = settings.command_name
        self.text = texts
        self.schemas: dict[str, Any] = data.get("components", {}).get("schemas", {})
        self.read_only = read_only_properties(data)
        self.discriminators = discriminators(data)

    def build(self) -> Site:
        models = {name: self._model(name) for name in sorted(self.schemas)}
        for model in models.values():
            for used in model.uses:
                models[used].used_by.append(model.name)
        operations = [self._operation(path, method, op) for path, method, op in located_operations(self.data)]
        for operation in operations:
            self._attach_examples(operation, models)
        return Site(
            project=self.project,
            package=self.package,
            operations=operations,
            models=list(models.values()),
            security=self._security_schemes(list(self.data.get("components", {}).get("securitySchemes", {}))),
        )

    # operations

    def _operation(self, path: str, method: str, op: dict[str, Any]) -> Operation:
        at: Pointer = ("paths", path, method)
        python = self.names.operations[(path, method)]
        # Parameters of the path item apply to each of its operations.
        shared = self.data["paths"][path].get("parameters", [])
        locations: list[Pointer] = [("paths", path, "parameters", i) for i in range(len(shared))]
        locations += [(*at, "parameters", i) for i in range(len(op.get("parameters", [])))]
        parameters = sorted(
            (self._parameter(location, python) for location in locations),
            key=lambda p: ("path", "query", "header").index(p.location),
        )
        responses = [self._response((*at, "responses", status)) for status in op.get("responses", {})]
        success = next((r for r in responses if r.status.startswith("2")), None)
        servers = self.data.get("servers") or [{"url": ""}]
        url = servers[0]["url"].rstrip("/") + path
        for parameter in parameters:
            if parameter.location == "path" and parameter.example is not None:
                url = url.replace("{" + parameter.name + "}", str(parameter.example))
        security = op.get("security", self.data.get("security", []))
        # The Atlas CLI groups commands by tag, in lower camel case, and names them as the Atlas SDKs do.
        tag_words = str((op.get("tags") or ["default"])[0]).split()
        cli_group = "".join([tag_words[0].lower(), *(word.capitalize() for word in tag_words[1:])])
        cli_name = op.get("x-xgen-operation-id-override") or op.get("operationId", "")
        return Operation(
            slug=python.module.rpartition(".")[2],
            module=python.module,
            cli_command=f"atlas api {cli_group} {cli_name}",
            command=f"{self.command} {python.command}",
            summary=self.text((*at, "summary"), op.get("summary", "")),
            description=self.text((*at, "description"), op["description"]) if "description" in op else "",
            method=method,
            path=path,
            url=url,
            roles=[
                self.text((*at, "x-rolesRequirements", i), role)
                for i, role in enumerate(op.get("x-rolesRequirements", []))
            ],
            parameters=parameters,
            request_body=self._request_body((*at, "requestBody")) if "requestBody" in op else None,
            responses=responses,
            accept=success.media_type if success else None,
            security=self._security_schemes([name for requirement in security for name in requirement]),
            changelog=[
                (str(date), self.text((*at, "x-xgen-changelog", date), change))
                for date, change in sorted(op.get("x-xgen-changelog", {}).items())
            ],
            docs_url=op.get("x-xgen-docs-url"),
        )

    def _parameter(self, location: Pointer, python: OperationNames) -> Parameter:
        location, node = self._deref(location)
        schema = node.get("schema", {})
        argument, python_type = python.arguments[node["name"]]
        return Parameter(
            name=node["name"],
            location=node["in"],
            argument=argument,
            option=python.options[node["name"]],
            python_type=python_type,
            json_type=_json_type(schema),
            required=bool(node.get("required")) or node["in"] == "path",
            default=json.dumps(schema["default"]) if "default" in schema else None,
            pattern=schema.get("pattern"),
            example=node.get("example", schema.get("example")),
            description=self._description(location, node),
        )

    def _request_body(self, location: Pointer) -> RequestBody:
        location, node = self._deref(location)
        media_type, media = next(iter(node.get("content", {}).items()))
        example = media.get("example")
        return RequestBody(
            description=self._description(location, node),
            required=bool(node.get("required")),
            media_type=media_type,
            model=schema_name(media.get("schema", {})),
            example=example,
            example_json=_pretty_json(example) if example is not None else None,
        )

    def _response(self, location: Pointer) -> Response:
        status = str(location[-1])
        location, node = self._deref(location)
        content: dict[str, Any] = node.get("content", {})
        media_type, media = next(iter(content.items()), (None, dict[str, Any]()))
        example = media.get("example")
        return Response(
            status=status,
            description=self._description(location, node),
            media_type=media_type,
            model=schema_name(media.get("schema", {})),
            headers=[self._header(name, (*location, "headers", name)) for name in node.get("headers", {})],
            example=_pretty_json(example) if example is not None else None,
            error_code=example.get("errorCode") if isinstance(example, dict) and status[0] not in "123" else None,
        )

    def _header(self, name: str, location: Pointer) -> Header:
        location, node = self._deref(location)
        return Header(
            name=name, json_type=_json_type(node.get("schema", {})), description=self._description(location, node)
        )

    def _security_schemes(self, names: list[str]) -> list[SecurityScheme]:
        schemes = self.data.get("components", {}).get("securitySchemes", {})
        found = []
        for name in names:
            scheme = schemes[name]
            flow = scheme.get("flows", {}).get("clientCredentials", {})
            found.append(
                SecurityScheme(
                    name=name,
                    kind=scheme["type"] if scheme["type"] != "http" else scheme.get("scheme", "").lower(),
                    token_url=flow.get("tokenUrl"),
                    description=self._description(("components", "securitySchemes", name), scheme),
                )
            )
        return found

    def _attach_examples(self, operation: Operation, models: dict[str, Model]) -> None:
        body = operation.request_body
        if body and body.model and body.example_json:
            models[body.model].examples.append(Example("request", operation.slug, body.example_json))
        for response in operation.responses:
            if response.model and response.example:
                models[response.model].examples.append(Example(response.status, operation.slug, response.example))
        used = {body.model if body else None, *(response.model for response in operation.responses)} - {None}
        for name in sorted(n for n in used if n is not None):
            models[name].operations.append(operation.slug)

    # models

    def _model(self, name: str) -> Model:
        schema = self.schemas[name]
        at: Pointer = ("components", "schemas", name)
        kind = "one_of" if "oneOf" in schema else "enum" if "enum" in schema else "object"
        discriminator = None
        if name in self.discriminators:
            facts = self.discriminators[name]
            discriminator = Discriminator(facts.property_name, sorted(facts.mapping.items()), facts.fallback)
        return Model(
            name=name,
            kind=kind,
            python=self.names.schemas[name],
            description=self._description(at, schema),
            fields=self._fields(name) if kind == "object" else [],
            values=[str(value) for value in schema.get("enum", [])],
            members=[n for member in schema.get("oneOf", []) if (n := schema_name(member))],
            discriminator=discriminator,
            example=_pretty_json(schema["example"]) if "example" in schema else None,
            uses=sorted(set(_schema_refs(schema)) - {name}),
        )

    def _fields(self, name: str) -> list[Field]:
        python_fields = self.names.fields[self.names.schemas[name]]
        found: dict[str, Field] = {}
        required = self._required(name)
        for json_name, owner, location in self._properties(("components", "schemas", name), name, None):
            prop = self._at(location)
            target = self.schemas.get(schema_name(prop) or "", {})
            attribute, python_type = python_fields[json_name]
            found[json_name] = Field(
                json_name=json_name,
                attribute=attribute,
                python_type=python_type,
                required=json_name in required,
                read_only=json_name in self.read_only.get(name, frozenset()),
                write_only=prop.get("writeOnly") is True or target.get("writeOnly") is True,
                nullable=prop.get("nullable") is True or target.get("nullable") is True,
                values=[str(v) for v in prop.get("enum", prop.get("items", {}).get("enum", target.get("enum", [])))],
                description=self._description(location, prop),
                notes=_notes(prop),
                models=sorted(set(_schema_refs(prop))),
                inherited_from=owner,
            )
        return list(found.values())

    def _properties(self, at: Pointer, name: str, owner: str | None) -> Iterator[tuple[str, str | None, Pointer]]:
        """(JSON name, schema it is inherited from, location) of every property, allOf members included."""
        node = self._at(at)
        for index, member in enumerate(node.get("allOf", [])):
            base = schema_name(member)
            if base is not None:
                yield from self._properties(("components", "schemas", base), base, owner or base)
            else:
                yield from self._properties((*at, "allOf", index), name, owner)
        for json_name in node.get("properties", {}):
            yield json_name, owner, (*at, "properties", json_name)

    def _required(self, name: str) -> set[str]:
        schema = self.schemas[name]
        required = set(schema.get("required", []))
        for member in schema.get("allOf", []):
            base = schema_name(member)
            required |= self._required(base) if base else set(member.get("required", []))
        return required

    # shared

    def _at(self, location: Pointer) -> dict[str, Any]:
        return dict(node_at(self.data, location))

    def _deref(self, location: Pointer) -> tuple[Pointer, dict[str, Any]]:
        """The node at `location`, following $refs, and where it really is."""
        location, node = follow_refs(self.data, location)
        return location, dict(node)

    def _description(self, location: Pointer, node: dict[str, Any]) -> str:
        """The node's description; for a bare reference to a component schema, that schema's."""
        if "description" in node:
            return self.text((*location, "description"), node["description"])
        if isinstance(node.get("$ref"), str):
            return self._description(*self._deref(location))
        return ""


def _schema_refs(node: Any) -> Iterator[str]:
    """Component schemas that `node` refers to, without following the references."""
    if isinstance(node, dict):
        name = schema_name(node)
        if name is not None:
            yield name
        for value in node.values():
            yield from _schema_refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _schema_refs(value)


def _json_type(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return str(schema_name(schema))
    kind = str(schema.get("type", "object"))
    if kind == "array":
        return f"{_json_type(schema.get('items', {}))}[]"
    return f"{kind} ({schema['format']})" if "format" in schema else kind


# Facts shown after a field's description, in this order: spec keyword -> interface string key.
_NOTE_KEYWORDS = {
    "default": "note_default",
    "pattern": "note_pattern",
    "format": "note_format",
    "minItems": "note_min_items",
    "maxItems": "note_max_items",
    "uniqueItems": "note_unique_items",
    "deprecated": "note_deprecated",
    "example": "note_example",
}


def _notes(prop: dict[str, Any]) -> list[tuple[str, str]]:
    notes = []
    for keyword, key in _NOTE_KEYWORDS.items():
        if keyword in prop and prop[keyword] is not False:
            value = prop[keyword]
            notes.append(
                (
                    key,
                    value
                    if isinstance(value, str) and keyword in {"pattern", "format"}
                    else json.dumps(value, ensure_ascii=False),
                )
            )
    return notes


def _pretty_json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def python_source(value: Any, indent: int = 0) -> str:
    """JSON data as Python source, laid out like json.dumps(indent=4) but with Python's literals."""
    inner = " " * (indent + 4)
    if isinstance(value, dict) and value:
        items = [
            f"{inner}{json.dumps(key, ensure_ascii=False)}: {python_source(item, indent + 4)},"
            for key, item in value.items()
        ]
        return "{\n" + "\n".join(items) + "\n" + " " * indent + "}"
    if isinstance(value, list) and value:
        items = [f"{inner}{python_source(item, indent + 4)}," for item in value]
        return "[\n" + "\n".join(items) + "\n" + " " * indent + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON's string escapes are all valid in Python
    return repr(value)


def shell_json(value: Any) -> str:
    """JSON data as one shell word."""
    return shlex.quote(json.dumps(value, separators=(",", ":"), ensure_ascii=False))


def _atlas_link_rewriter(data: dict[str, Any]) -> Callable[[str], str]:
    """Atlas descriptions link to other parts of the Atlas reference as in-page anchors ('#tag/...'), which
    would point nowhere on our pages: make them absolute, against the reference page of the operations."""
    urls = [op["x-xgen-docs-url"] for _, _, op in located_operations(data) if "x-xgen-docs-url" in op]
    if not urls:
        return lambda text: text
    base = str(urls[0]).partition("#")[0]
    return lambda text: text.replace("](#", f"]({base}#")


# --- rendering -----------------------------------------------------------------------------------------------


class _Strings:
    """A locale's interface strings for templates: `t.key`, or `t[key]` for a computed key. (A dict would
    answer `t.values` with its method.)"""

    def __init__(self, strings: Mapping[str, str]) -> None:
        self._strings = strings

    def __getattr__(self, key: str) -> str:
        try:
            return self._strings[key]
        except KeyError:
            raise AttributeError(key) from None

    def __getitem__(self, key: str) -> str:
        return self._strings[key]


@dataclass(frozen=True)
class _Page:
    template: str
    path: str  # relative to the locale's docs directory
    context: dict[str, Any]


def render_docs(spec: Spec, names: PythonNames, settings: Settings, out_dir: Path) -> None:
    """Write every locale's pages into `out_dir` (the generated project)."""
    env = _environment(settings.templates / TEMPLATES_SUBDIR)
    locales = load_locales(settings)
    rewrite = _atlas_link_rewriter(spec.data)
    for locale in locales:
        texts = Texts(locale.overlay, rewrite)
        site = _SiteBuilder(spec.data, names, settings, texts).build()
        check_overlay(locale, texts)
        pages = [
            _Page("index.md.jinja", "index.md", {}),
            *(_Page("operation.md.jinja", f"operations/{op.slug}.md", {"operation": op}) for op in site.operations),
            *(_Page("model.md.jinja", f"models/{model.name}.md", {"model": model}) for model in site.models),
        ]
        if locale.code != BASE_LOCALE:
            sources = {
                "overlay_path": settings.relative(overlay_path(settings.spec, locale.code)).as_posix(),
                "strings_path": settings.relative(strings_path(settings.templates, locale.code)).as_posix(),
            }
            pages.append(
                _Page("untranslated.md.jinja", UNTRANSLATED_PAGE, {"untranslated": texts.untranslated(), **sources})
            )
        for page in pages:
            target = out_dir / locale.prefix / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            text = env.get_template(page.template).render(
                site=site,
                t=_Strings(locale.strings),
                locale=locale,
                page=page.path,
                languages=_languages(locales, locale, page.path),
                href=_linker(locale.prefix, page.path),
                models={model.name: model for model in site.models},
                operations={op.slug: op for op in site.operations},
                **page.context,
            )
            target.write_text(text, encoding="utf-8")


def _languages(locales: list[Locale], current: Locale, page: str) -> list[tuple[str, str | None]]:
    """(language name, link to this page in it, or None for the current one), for each locale that has it:
    the base locale has no untranslated page."""
    link = _linker(current.prefix, page)
    return [
        (other.strings["language_name"], None if other is current else link(other.prefix + page, within_docs=False))
        for other in locales
        if page != UNTRANSLATED_PAGE or other.code != BASE_LOCALE
    ]


def _linker(prefix: str, page: str) -> Callable[..., str]:
    """Relative links from `page` of the locale whose pages are under `prefix`: `href("models/Link.md")` for a
    page of the same locale, `href("README.md", within_docs=False)` for any file of the generated project."""
    here = posixpath.dirname(prefix + page)

    def href(target: str, within_docs: bool = True) -> str:
        return posixpath.relpath(prefix + target if within_docs else target, here)

    return href


def _environment(templates: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=False,  # Markdown, not HTML: spec text goes through md_text / md_cell / md_code instead
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=bytecode_cache("docs"),
    )
    env.filters.update(
        md_text=md_text,
        md_cell=md_cell,
        md_code=md_code,
        md_fence=md_fence,
        python_source=python_source,
        shell_json=shell_json,
        shell_quote=shlex.quote,
    )
    env.globals["base_locale"] = BASE_LOCALE
    return env
