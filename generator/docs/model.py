"""The docs model: the spec as the reference pages show it, one `Site` per locale, with the Python names the
generated code uses. Plain dataclasses, built by site.py and read by the templates in templates/docs/."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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
    example: Any  # the value the examples pass (generator/spec/examples.py: parameter_example)
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
class Pagination:
    """How a list operation pages (generator/spec/schema_facts.py), with the names its functions use."""

    page_argument: str  # the Python argument that picks the page, which sync_all and asyncio_all do not take
    size_argument: str  # the Python argument that sets the page's size
    items: str  # JSON name of the success body's array of items


@dataclass(frozen=True)
class Operation:
    slug: str  # the generated module's name, which is also the page's name
    resource: str  # what the index lists it under: x-codegen-resource, else its first tag
    module: str  # dotted path of the generated module
    cli_command: str  # `atlas api <tag> <operation>`
    command: str  # the generated console script and its command for this operation
    confirms: bool  # the command asks before it runs (x-codegen-cli confirm), so its example passes --force
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
    result_model: str | None  # the component schema that sync and asyncio return; None when they return None
    pagination: Pagination | None
    security: list[SecurityScheme]
    changelog: list[tuple[str, str]]  # (date, change), oldest first
    docs_url: str | None
    paginated: bool  # a list answered one page at a time: the module also has sync_all and asyncio_all
    read_back: str | None  # a create's read-back (x-codegen-read-back): the module of the GET it asks
    header_attributes: list[str]  # the Response attributes of the success response's headers, in spec order


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
