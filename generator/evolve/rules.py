"""The rules that class each change for users of the generated client: one table, read by the change report
(api_diff.py refuses a kind that is not here) and shown in docs/spec-changes.md (a test keeps the page equal
to `markdown_table()`).

Where a schema is used decides some classes: a schema, property or parameter is in a *request* position when
the client sends it, in a *response* position when it parses it, or both. readOnly properties are
response-only, writeOnly ones request-only.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    kind: str
    breaking_when: str  # "always", "never", or the condition
    reason: str


RULES: dict[str, Rule] = {
    rule.kind: rule
    for rule in (
        Rule(
            "operation-renamed",
            "always",
            "the generated function is named after x-codegen-operation-name, else x-xgen-operation-id-override,"
            " else operationId",
        ),
        Rule(
            "command-renamed",
            "always",
            "the generated command line's command (with its group) is named after x-codegen-cli's command, else the"
            " verb of x-xgen-method-verb-override, else the function's name: scripts calling it break, unless the"
            " old name stays as an alias",
        ),
        Rule("command-alias-added", "never", "another name for the same command"),
        Rule("command-alias-removed", "always, unless it is now the command's name", "scripts calling it break"),
        Rule(
            "command-option-added",
            "never",
            "x-codegen-cli options set optional body fields: scripts need not pass them",
        ),
        Rule("command-option-removed", "always", "scripts passing it are refused"),
        Rule(
            "command-option-renamed",
            "always",
            "the option for the same body field has another name: scripts passing the old one are refused",
        ),
        Rule(
            "command-option-retargeted",
            "always",
            "the same option now sets another body field: scripts passing it send something else",
        ),
        Rule(
            "command-confirm-changed",
            "always",
            "a command that starts asking refuses scripts without --force; one that stops asking no longer takes"
            " --force",
        ),
        Rule("operation-moved", "never", "a new path or method; callers' code is unchanged"),
        Rule("operation-added", "never", "callers' code is unchanged"),
        Rule("operation-removed", "always", "code calling the function breaks"),
        Rule("schema-added", "never", "a new model; callers' code is unchanged"),
        Rule("schema-removed", "always", "code using the model breaks"),
        Rule("field-added", "required, in a request position", "callers must now pass it"),
        Rule(
            "attribute-renamed",
            "always",
            "the property's Python attribute changes (another property now shares its name, or the generator renames"
            " it): code using the attribute breaks",
        ),
        Rule("field-removed", "always", "code using the attribute breaks"),
        Rule("field-required", "in a request position", "callers must now pass it"),
        Rule("field-optional", "in a response position", "the attribute may now be unset"),
        Rule("parameter-added", "required", "callers must now pass it"),
        Rule("parameter-removed", "always", "code passing the argument breaks"),
        Rule("argument-renamed", "always", "the parameter's Python argument changes: code passing it by name breaks"),
        Rule("parameter-required", "always", "callers must now pass it"),
        Rule("parameter-optional", "never", "callers may leave it out"),
        Rule(
            "enum-value-added",
            "never",
            "generated enums are open: an unknown value still parses, and in a request a new value is a new option",
        ),
        Rule("enum-value-removed", "always", "the enum member disappears and the server refuses the value"),
        Rule("enum-member-renamed", "always", "the value's enum member changes its name: code naming it breaks"),
        Rule("subtype-added", "never", "a discriminator value the client does not know parses into the base class"),
        Rule("subtype-removed", "always", "that value no longer yields its class"),
        Rule("subtype-changed", "always", "that value yields another class"),
        Rule("type-changed", "always", "the Python type changes (type, $ref target or discriminator property)"),
        Rule("title-changed", "always", "an inline schema's generated class is named after its title"),
        Rule(
            "format-changed", "either side is date, date-time, uuid or binary", "those have Python types of their own"
        ),
        Rule(
            "nullable-changed",
            "to nullable in a response position, to non-nullable in a request position",
            "None may now arrive, or is now refused",
        ),
        Rule("read-only-changed", "becoming readOnly in a request position", "the client silently stops sending it"),
        Rule("write-only-changed", "becoming writeOnly in a response position", "the server stops returning it"),
        Rule(
            "default-changed",
            "a field in a request position",
            "a model's field starts at its default, so the client sends the new value where the caller set none;"
            " a query parameter's default is the server's, so the client sends nothing new",
        ),
        Rule("pattern-changed", "set or changed in a request position", "the client checks it before sending"),
        Rule(
            "constraint-changed",
            "minItems, maxItems or uniqueItems set or changed in a request position",
            "the client checks them before sending",
        ),
        Rule("media-type-added", "never", "a versioned media type is now offered as well"),
        Rule("media-type-removed", "always", "the client asks for that version"),
        Rule(
            "response-added",
            "never",
            "error statuses map to typed errors by class of status, documented or not",
        ),
        Rule("response-removed", "a success (2xx) response", "the operation no longer returns its model"),
        Rule("header-added", "never", "a response header is newly documented"),
        Rule(
            "header-removed",
            "no response documents it any more",
            "the generated Response loses its attribute (Retry-After has none: the retry policy reads it)",
        ),
        Rule("request-body-required", "the body becomes required", "callers must now send one"),
        Rule(
            "other",
            "only where its detail says so (a removed composition member or security scheme, reordered path"
            " parameters)",
            "extensions, summaries, tags, defaults and order do not change the generated code",
        ),
    )
}


def markdown_table() -> str:
    """The rules as the Markdown table that docs/spec-changes.md shows."""
    lines = ["| kind | breaking when | why |", "| --- | --- | --- |"]
    lines += [f"| `{rule.kind}` | {rule.breaking_when} | {rule.reason} |" for rule in RULES.values()]
    return "\n".join(lines) + "\n"
