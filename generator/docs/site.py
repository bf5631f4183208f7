"""Building the docs model (model.py) from the spec as written, not as spec fixes adjust it for the code
generator (so server-side defaults such as `envelope=false` show), in one locale's texts (locales.py), with
the names that the generated code uses (generator/names.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from generator.config import Settings
from generator.docs.locales import Texts
from generator.docs.model import (
    Discriminator,
    Example,
    Field,
    Header,
    Model,
    Operation,
    Pagination,
    Parameter,
    RequestBody,
    Response,
    SecurityScheme,
    Site,
)
from generator.names import OperationNames, PythonNames
from generator.spec.examples import parameter_example
from generator.spec.pointers import Pointer, follow_refs, node_at
from generator.spec.schema_facts import discriminators, pagination, read_back, read_only_properties, success_response
from generator.spec.vocabulary import DOCS_URL, RESOURCE, cli_settings, client_operation_name, schema_name
from generator.spec.vocabulary import operations as spec_operations


class SiteBuilder:
    """The docs model of one spec in one locale."""

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
        operations = [self._operation(key.path, key.method, op) for key, op in spec_operations(self.data).items()]
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
            if parameter.location == "path":
                url = url.replace("{" + parameter.name + "}", str(parameter.example))
        security = op.get("security", self.data.get("security", []))
        # The Atlas CLI groups commands by tag, in lower camel case, and names them as the Atlas SDKs do.
        tag = str((op.get("tags") or ["default"])[0])
        tag_words = tag.split()
        cli_group = "".join([tag_words[0].lower(), *(word.capitalize() for word in tag_words[1:])])
        cli_name = client_operation_name(op)
        returned = success_response(self.data, op)
        pages = pagination(self.data, op, method)
        return Operation(
            slug=python.module.rpartition(".")[2],
            resource=self.text((*at, RESOURCE), op[RESOURCE]) if RESOURCE in op else tag,
            module=python.module,
            cli_command=f"atlas api {cli_group} {cli_name}",
            command=f"{self.command} {python.command}",
            confirms="confirm" in cli_settings(op),
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
            result_model=schema_name(returned[1]) if returned else None,
            pagination=Pagination(
                page_argument=python.arguments[pages.page_parameter][0],
                size_argument=python.arguments[pages.size_parameter][0],
                items=pages.items_property,
            )
            if pages
            else None,
            security=self._security_schemes([name for requirement in security for name in requirement]),
            changelog=[
                (str(date), self.text((*at, "x-xgen-changelog", date), change))
                for date, change in sorted(op.get("x-xgen-changelog", {}).items())
            ],
            docs_url=op.get(DOCS_URL),
            paginated=pagination(self.data, op, method) is not None,
            read_back=self._read_back_module(op),
            header_attributes=[
                self.names.response_headers[header.name.lower()]
                for header in (success.headers if success else [])
                if header.name.lower() in self.names.response_headers
            ],
        )

    def _read_back_module(self, op: dict[str, Any]) -> str | None:
        found = read_back(self.data, op)
        return None if found is None else self.names.operations[(found.operation.path, found.operation.method)].module

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
            example=parameter_example(self.data, node),
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
