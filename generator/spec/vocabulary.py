"""The words every layer uses to talk about a spec: its operations and how to iterate them, the names the
generated client takes from them, component references and what they reach, and our own `x-codegen-*`
extensions. Plain data in, plain data out: no loading, no library."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from generator.spec.pointers import Pointer, pointer_of, walk

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
COMPONENTS_PREFIX = "#/components/"
SCHEMA_PREFIX = "#/components/schemas/"

# Atlas's own extensions that name things in the generated client.
OPERATION_NAME_OVERRIDE = "x-xgen-operation-id-override"
METHOD_VERB_OVERRIDE = "x-xgen-method-verb-override"
# An operation's page in the Atlas reference.
DOCS_URL = "x-xgen-docs-url"
# Upstream's dated notes on an operation ({date: text}): the dates are facts, the texts prose we write ourselves.
CHANGELOG = "x-xgen-changelog"

# What `upstream-diff --apply` writes where upstream has prose, for a person to replace (upstream's prose is
# never copied).
DESCRIPTION_PLACEHOLDER = "TODO: describe"

# Ours. Every key with this prefix is a generator setting, never an upstream fact (evolve/normal_form.py).
OUR_EXTENSION_PREFIX = "x-codegen-"
# Marks a schema split out of a polymorphic parent to break an allOf cycle (generator/spec/cycle_split.py).
SPLIT_FROM = "x-codegen-split-from"
# Keeps upstream's value of a fact we corrected: {key: upstream's value}.
UPSTREAM_VALUES = "x-codegen-upstream"
# The generated command line's view of an operation: its command (`group verb` or one word) and aliases, body
# options, the table columns of a list command, and the question a command asks before it runs.
CLI = "x-codegen-cli"
# Our name for an operation's generated function; wins over upstream's override, which can change or be absent.
OPERATION_NAME = "x-codegen-operation-name"
# The resource an operation acts on ("Stream workspaces"): the reference docs' index lists operations under it.
RESOURCE = "x-codegen-resource"
# `true` on an operation whose success carries no body on purpose (lint otherwise wants a documented one).
EMPTY_SUCCESS = "x-codegen-empty-success"
# Operations whose success normally returns the resource: lint wants its body documented.
METHODS_WITH_A_BODY_IN_RETURN = ("get", "post", "put", "patch")
# Atlas versions its API by media type; a request or success body under any other type is unversioned...
VERSIONED_MEDIA_TYPE = re.compile(r"^application/vnd\.atlas\.\d{4}-\d{2}-\d{2}\+json$")
# ...but for a feature in preview, which Atlas offers beside a dated version to those who ask for it by name.
PREVIEW_MEDIA_TYPE = "application/vnd.atlas.preview+json"


def offers_dated_version(content: dict[str, Any]) -> bool:
    """Whether a request body's or response's content offers a dated (versioned) Atlas media type."""
    return any(VERSIONED_MEDIA_TYPE.match(str(media_type)) for media_type in content)


def spoken(content: dict[str, Any]) -> dict[str, Any]:
    """The media types of a request body's or response's content that the client speaks: all but a preview beside
    a dated version, which it never sends nor asks for (spec/fixes.py drops it before generation)."""
    if PREVIEW_MEDIA_TYPE in content and offers_dated_version(content):
        return {media_type: media for media_type, media in content.items() if media_type != PREVIEW_MEDIA_TYPE}
    return content


# On a discriminator property's enum: the values that only the discriminator's mapping names, an upstream gap we
# know of. Generation adds every such value (spec/fixes.py); lint warns about those not listed here.
KNOWN_DISCRIMINATOR_GAP = "x-codegen-discriminator-values"
# On an object schema: {property: {property: sibling, mapping: {sibling value: enum schema ref}}}, the enum that a
# value of a oneOf-of-enums property belongs to, picked by a sibling property (a region by its cloudProvider).
ENUM_BY = "x-codegen-enum-by"
# On a create: {operation, parameters, match}, the GET that finds what it created after an ambiguous failure (a
# 5xx, or no answer once sent). `parameters` maps each of the GET's parameters to `$request.path.<name>` or
# `$request.body#<JSON pointer>` (OpenAPI link expressions); `match` lists the JSON pointers that must hold what
# the create sent (schema_facts.read_back).
READ_BACK = "x-codegen-read-back"


@dataclass(frozen=True)
class OperationKey:
    """Where an operation lives: its path and HTTP method."""

    path: str
    method: str

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def pointer(self) -> Pointer:
        return ("paths", self.path, self.method)


def operations(data: dict[str, Any]) -> dict[OperationKey, dict[str, Any]]:
    """Every operation of `data`, in document order. A full upstream spec is read without lint, so what is
    not a path item or an operation is skipped."""
    return {
        OperationKey(path, method): operation
        for path, path_item in data.get("paths", {}).items()
        if isinstance(path_item, dict)
        for method, operation in path_item.items()
        if method in HTTP_METHODS and isinstance(operation, dict)
    }


def atlas_link_rewriter(data: dict[str, Any]) -> Callable[[str], str]:
    """Atlas descriptions link to other parts of the Atlas reference as in-page anchors ('#tag/...'), which
    point nowhere outside that page (our docs, a docstring): make them absolute, against the reference page of
    the operations."""
    urls = [op[DOCS_URL] for op in operations(data).values() if DOCS_URL in op]
    if not urls:
        return lambda text: text
    base = str(urls[0]).partition("#")[0]
    return lambda text: text.replace("](#", f"]({base}#")


def client_operation_name(operation: dict[str, Any]) -> str:
    """The name the generated function is built from: ours (x-codegen-operation-name), else upstream's
    x-xgen-operation-id-override, else the operationId.

    Atlas SDKs name operations after the override (createStreamWorkspace), not the path-derived operationId
    (createGroupStreamWorkspace); ours keeps a function's name when upstream changes or lacks the override."""
    return str(operation.get(operation_name_key(operation), ""))


def operation_named(data: dict[str, Any], name: str) -> tuple[OperationKey, dict[str, Any]] | None:
    """The first operation of `data` whose client_operation_name is `name`, with its key; None for none."""
    return next(((key, found) for key, found in operations(data).items() if client_operation_name(found) == name), None)


def operation_name_key(operation: dict[str, Any]) -> str:
    """The key that an operation's function name comes from (see client_operation_name)."""
    for key in (OPERATION_NAME, OPERATION_NAME_OVERRIDE):
        name = operation.get(key)
        if isinstance(name, str) and name:
            return key
    return "operationId"


def cli_settings(operation: dict[str, Any]) -> dict[str, Any]:
    """An operation's x-codegen-cli mapping; {} when it has none (or something lint refuses)."""
    cli = operation.get(CLI)
    return cli if isinstance(cli, dict) else {}


def command_word(operation: dict[str, Any]) -> str:
    """What the generated command line names an operation's command after (python_naming.command_name): our
    x-codegen-cli `command`, else x-xgen-method-verb-override's verb, else the function's name."""
    verb = (
        operation.get(METHOD_VERB_OVERRIDE, {}).get("verb")
        if isinstance(operation.get(METHOD_VERB_OVERRIDE), dict)
        else None
    )
    return str(cli_settings(operation).get("command") or verb or client_operation_name(operation))


@dataclass(frozen=True)
class GeneratedNames:
    """What users of the generated package type for an operation, and whether its command asks first: code and
    scripts depend on each."""

    function: str  # the spec's name of the function (the generated one is its snake case)
    command: str  # the spec's name of the command line's command (python_naming.command_name makes the generated)
    aliases: tuple[str, ...]  # other names of the command (x-codegen-cli aliases, written as generated)
    options: tuple[tuple[str, str], ...]  # (name, dotted body field) of each body option (x-codegen-cli options)
    confirms: bool  # the command asks before it runs (x-codegen-cli confirm), so scripts pass --force

    @classmethod
    def of(cls, operation: dict[str, Any]) -> GeneratedNames:
        cli = cli_settings(operation)
        aliases, options = cli.get("aliases", []), cli.get("options", {})
        return cls(
            client_operation_name(operation),
            command_word(operation),
            tuple(str(alias) for alias in aliases) if isinstance(aliases, list) else (),
            tuple((str(name), str(path)) for name, path in options.items()) if isinstance(options, dict) else (),
            "confirm" in cli,
        )


def generated_names(data: dict[str, Any]) -> dict[OperationKey, GeneratedNames]:
    return {key: GeneratedNames.of(operation) for key, operation in operations(data).items()}


def schema_name(node: dict[str, Any]) -> str | None:
    """The component schema a `$ref` node names, or None when it names none."""
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX):
        return ref[len(SCHEMA_PREFIX) :]
    return None


# Upstream's schema for "this response has no body" (older revisions put it on DELETE's 202): Atlas sends nothing.
NO_BODY = "NoBody"


def is_no_body(schema: object) -> bool:
    """Whether `schema` is upstream's NoBody: a response that documents it carries no body at all."""
    return isinstance(schema, dict) and schema.get("$ref") == SCHEMA_PREFIX + NO_BODY


def schema_ref(name: str) -> dict[str, str]:
    """The `$ref` node that names component schema `name`."""
    return {"$ref": SCHEMA_PREFIX + name}


def is_data(pointer: Pointer) -> bool:
    """Whether `pointer` is inside a value the spec documents (an example, enum or default), whose keys
    are data: an example may well hold a "$ref" key. A `properties` map's keys are names, never data."""
    for index, part in enumerate(pointer):
        parent = pointer[index - 1] if index else None
        if parent == "properties":
            continue
        if part in ("example", "enum") or (part == "default" and parent != "responses"):
            return True
        if part == "value" and index >= 2 and pointer[index - 2] == "examples":
            return True
    return False


def references(node: Any) -> Iterator[tuple[Pointer, Any]]:
    """(pointer, value) of every `$ref` and discriminator mapping target in `node`, outside documented
    values, as written (a value need not be a valid reference: lint reports those)."""
    for pointer, item in walk(node):
        if not isinstance(item, dict) or is_data(pointer):
            continue
        if "$ref" in item:
            yield (*pointer, "$ref"), item["$ref"]
        mapping = item.get("mapping") if pointer and pointer[-1] == "discriminator" else None
        if isinstance(mapping, dict):
            for value, target in mapping.items():
                yield (*pointer, "mapping", value), target


def reachable_components(data: dict[str, Any], roots: Iterable[Any] | None = None) -> set[tuple[str, str]]:
    """(section, name) of every component that `roots` reach, transitively: through `$ref`s,
    discriminator mappings (a bare schema name counts) and security requirements. By default the roots
    are everything outside `components`."""
    if roots is None:
        roots = [{key: value for key, value in data.items() if key != "components"}]
    components = data.get("components", {})
    reached: set[tuple[str, str]] = set()
    pending = list(roots)
    while pending:
        for component in _named_components(pending.pop()):
            if component not in reached:
                reached.add(component)
                entry = components.get(component[0], {}).get(component[1])
                if entry is not None:
                    pending.append(entry)
    return reached


def _named_components(node: Any) -> Iterator[tuple[str, str]]:
    for pointer, ref in references(node):
        if pointer[-2:-1] == ("mapping",) and isinstance(ref, str) and not ref.startswith("#/"):
            ref = SCHEMA_PREFIX + ref
        parts = pointer_of(ref) if isinstance(ref, str) and ref.startswith("#/") else ()
        if len(parts) >= 3 and parts[0] == "components":
            yield str(parts[1]), str(parts[2])
    for pointer, item in walk(node):
        requirements = item.get("security") if isinstance(item, dict) and not is_data(pointer) else None
        if isinstance(requirements, list):
            yield from (("securitySchemes", str(name)) for req in requirements if isinstance(req, dict) for name in req)
