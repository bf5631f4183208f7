"""The generated command line as the spec shapes it (our x-codegen-cli), checked at the spec's lines: names that
are not command names, two commands of one name, a group that is also a command, an option that another option
already is or that sets no field, a table column that shows no field of the listed items, a confirmation question
that names no parameter. The command line is ours, so every clash is an error: nothing is renamed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.errors import Finding
from generator.lint.reporting import Reporter
from generator.spec.loading import Spec
from generator.spec.pointers import Pointer, resolved
from generator.spec.python_naming import Reserved, command_name
from generator.spec.schema_facts import listed_item_schema, property_schema
from generator.spec.vocabulary import (
    CLI,
    METHOD_VERB_OVERRIDE,
    OperationKey,
    command_word,
    operation_name_key,
    operations,
)

CLI_KEYS = ("command", "aliases", "options", "table", "confirm")
# A command, an option, a group: lower-case words joined by `-`.
COMMAND_WORD = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
# A confirmation question names path parameters in braces: "Delete '{tenantName}'?".
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
COLUMN_HEADER = re.compile(r"^[A-Z][A-Z0-9_]*(?: [A-Z0-9_]+)*$")
COMMAND_HINT = "lower-case words joined by -, a group word first where the command has one: `workspaces list`"


@dataclass(frozen=True)
class _Name:
    name: str  # as generated: `group command` or one word
    key: OperationKey
    at: Pointer


def command_name_findings(spec: Spec) -> Iterator[Finding]:
    """Each command and alias is a command name, names one command only, and no one-word command is the group of
    another (argparse could not tell them apart)."""
    report = Reporter(spec)
    names: list[_Name] = []
    for key, operation in operations(spec.data).items():
        for value, at, what in _names_of(key, operation):
            if isinstance(value, str) and is_command_name(value):
                names.append(_Name(command_name(value), key, at))
            elif what == "derived":
                yield report(
                    at,
                    f"{key} is the command {value!r}, which is not a command name",
                    f"name it: {CLI}: {{command: NAME}}",
                )
            else:
                yield report(at, f"{CLI} {what} {value!r} is not a command name", COMMAND_HINT)
    first: dict[str, _Name] = {}
    for name in names:
        other = first.setdefault(name.name, name)
        if other.key == name.key and other is not name:
            yield report(name.at, f"{name.key} names the command {name.name!r} twice", "drop the alias")
        elif other is not name:
            yield report(
                name.at,
                f"{other.key} and {name.key} are both the command {name.name!r}",
                f"give each a name of its own ({CLI}: command, aliases)",
            )
    groups = {name.name.split(" ")[0]: name for name in names if " " in name.name}
    for name in names:
        grouped = groups.get(name.name)
        if grouped is not None:
            yield report(
                name.at,
                f"the command {name.name!r} of {name.key} is also the group of {grouped.name!r} ({grouped.key})",
                "a group holds commands and runs none itself: rename one",
            )


def is_command_name(value: str) -> bool:
    """A command word of the spec: one word, or a group word and a command word, separated by one space."""
    parts = value.split(" ")
    return len(parts) <= 2 and all(COMMAND_WORD.match(part) for part in parts)


def _names_of(key: OperationKey, operation: dict[str, Any]) -> Iterator[tuple[Any, Pointer, str]]:
    """(name, where it is written, what it is) of an operation's command and of each alias."""
    cli = operation.get(CLI)
    cli = cli if isinstance(cli, dict) else {}
    if "command" in cli:
        yield cli["command"], (*key.pointer, CLI, "command"), "command"
    else:  # named after the method verb, else the function
        verb = operation.get(METHOD_VERB_OVERRIDE)
        source = METHOD_VERB_OVERRIDE if isinstance(verb, dict) and verb.get("verb") else operation_name_key(operation)
        yield command_name(command_word(operation)), (*key.pointer, source), "derived"
    aliases = cli.get("aliases", [])
    for index, alias in enumerate(aliases if isinstance(aliases, list) else []):
        yield alias, (*key.pointer, CLI, "aliases", index), "alias"


def command_findings(
    spec: Spec, key: OperationKey, parameters: dict[str, tuple[str, str]], reserved: Reserved
) -> Iterator[Finding]:
    """One operation's x-codegen-cli; `parameters` maps each option of a path or query parameter to the
    parameter's (location, name)."""
    operation = operations(spec.data)[key]
    if CLI not in operation:
        return
    report = Reporter(spec)
    at = (*key.pointer, CLI)
    cli = operation[CLI]
    if not isinstance(cli, dict) or set(cli) - set(CLI_KEYS):
        yield report(at, f"{CLI} must be a mapping of {', '.join(CLI_KEYS)}", "see spec/streams.yaml's operations")
        return
    aliases = cli.get("aliases", [])
    if not isinstance(aliases, list):
        yield report((*at, "aliases"), f"{CLI} aliases must be a list of command names", COMMAND_HINT)
    options = cli.get("options", {})
    if not isinstance(options, dict):
        yield report((*at, "options"), f"{CLI} options must map option names to body field paths", None)
    else:
        taken = {
            **{option: "an option the generated commands have themselves" for option in reserved.command_options},
            **{option: f"the option of parameter {name!r}" for option, (_, name) in parameters.items()},
        }
        for option, path in options.items():
            yield from _body_option_findings(
                spec.data, report, (*at, "options", option), operation, option, path, taken
            )
    if "table" in cli:
        yield from _table_findings(spec.data, report, (*at, "table"), key, operation, cli["table"])
    if "confirm" in cli:
        path_parameters = {name for location, name in parameters.values() if location == "path"}
        yield from _confirm_findings(report, (*at, "confirm"), cli["confirm"], path_parameters)


def _body_option_findings(
    data: dict[str, Any],
    report: Reporter,
    at: Pointer,
    operation: dict[str, Any],
    option: Any,
    path: Any,
    taken: dict[str, str],
) -> Iterator[Finding]:
    if not (isinstance(option, str) and COMMAND_WORD.match(option)) or not isinstance(path, str):
        yield report(at, f"{CLI} option {option!r}: {path!r} is not an option name and a body field path", None)
        return
    body = _body_schema(data, operation)
    try:
        schema = property_schema(data, body, path.split("."))
    except (KeyError, TypeError, AttributeError):
        yield report(
            at,
            f"{CLI} option {option!r}: the request body has no field {path!r}",
            "name a field by its JSON names, dotted: dataProcessRegion.region",
        )
        return
    spelled = [f"--{option}", *([f"--no-{option}"] if schema.get("type") == "boolean" else [])]
    for spelling in spelled:
        other = taken.setdefault(spelling, f"the option for {path!r}")
        if other != f"the option for {path!r}":
            yield report(
                at,
                f"{CLI} option {option!r} is {spelling}, which is {other}",
                "choose another option name",
            )


def _body_schema(data: dict[str, Any], operation: dict[str, Any]) -> dict[str, Any]:
    body = resolved(data, operation.get("requestBody") or {})
    content = body.get("content", {})
    media: Any = next(iter(content.values()), {}) if isinstance(content, dict) else {}
    schema = media.get("schema", {}) if isinstance(media, dict) else {}
    return schema if isinstance(schema, dict) else {}


def _table_findings(
    data: dict[str, Any], report: Reporter, at: Pointer, key: OperationKey, operation: dict[str, Any], table: Any
) -> Iterator[Finding]:
    items = listed_item_schema(data, operation, key.method)
    if items is None:
        yield report(
            at,
            f"{CLI} table: {key} lists nothing, so its command shows no table",
            "a list operation is a GET with itemsPerPage and pageNum whose answer has a results array",
        )
        return
    if not isinstance(table, dict) or not table:
        yield report(at, f"{CLI} table must map column headers to fields of the listed items", "NAME: name")
        return
    for header, path in table.items():
        if not (isinstance(header, str) and COLUMN_HEADER.match(header)) or not isinstance(path, str):
            yield report(
                (*at, header),
                f"{CLI} table column {header!r}: {path!r} is not an upper-case header and a field path",
                "NAME: name",
            )
            continue
        try:
            property_schema(data, items, path.split("."))
        except (KeyError, TypeError, AttributeError):
            yield report(
                (*at, header),
                f"{CLI} table column {header!r}: the listed items have no field {path!r}",
                "name a field by its JSON names, dotted: dataProcessRegion.region",
            )


def _confirm_findings(report: Reporter, at: Pointer, question: Any, path_parameters: set[str]) -> Iterator[Finding]:
    hint = "one line, naming path parameters in braces: Delete stream workspace '{tenantName}'?"
    if not isinstance(question, str) or not question.strip() or "\n" in question or "\r" in question:
        yield report(at, f"{CLI} confirm must be the question the command asks, on one line", hint)
        return
    if "{" in PLACEHOLDER.sub("", question) or "}" in PLACEHOLDER.sub("", question):
        yield report(at, f"{CLI} confirm {question!r} has a brace that closes no placeholder", hint)
    for name in PLACEHOLDER.findall(question):
        if name not in path_parameters:
            known = ", ".join(f"{{{known}}}" for known in sorted(path_parameters)) or "none"
            yield report(
                at, f"{CLI} confirm names {{{name}}}, which is no path parameter of the operation ({known})", hint
            )
