"""Hostile variants of spec/streams.yaml built by structure (a helper module, not a test file): the round-trip tree
is edited at JSON pointers and dumped back, so every line no edit touches keeps its place, and expectations name
places by pointer, never by line number."""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.spec.loading import dump_spec, load_spec, round_trip_yaml
from generator.spec.pointers import Pointer, node_at
from generator.spec.vocabulary import READ_BACK
from support import SPEC_PATH

WHERE = "spec/streams.yaml"
OPERATION: Pointer = ("paths", "/api/atlas/v2/groups/{groupId}/streams", "post")
TENANT: Pointer = ("components", "schemas", "StreamsTenant")
CLI_OPTIONS: Pointer = (*OPERATION, "x-codegen-cli", "options")
DELETE = object()  # an edit that removes the entry
# The tier enum of the spec under test (revisions differ in its values and title): its first value gets a twin
# that differs only in case.
TIER: Pointer = ("components", "schemas", "StreamConfig", "properties", "tier")
TIER_VALUES: list[str] = node_at(load_spec(SPEC_PATH).data, (*TIER, "enum"))
FIRST_TIER = TIER_VALUES[0]
# A create without a body to return has nothing to read back after an ambiguous failure (lint refuses the pair).
NO_READ_BACK = ((*OPERATION, READ_BACK), DELETE)


@dataclass(frozen=True)
class Variant:
    id: str
    edits: tuple[tuple[Pointer, Any], ...]  # (pointer, its new value) in order: DELETE removes it, "-" as the
    # last part appends to a list
    expected: tuple[str, ...] = ()  # lint's lines after "spec/streams.yaml:": `{name}` is line:col of places[name],
    # `{name_line}` its line
    places: dict[str, Pointer] = field(default_factory=dict)

    def write(self, path: Path) -> list[str]:
        """Write the variant to `path`; returns the lines lint must print for it."""
        tree = copy.deepcopy(_curated_tree())
        for pointer, value in self.edits:
            _edit(tree, pointer, value)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump_spec(tree), encoding="utf-8")
        spec = load_spec(path)
        positions = {name: spec.position_of(pointer) for name, pointer in self.places.items()}
        where = {name: f"{line}:{column}" for name, (line, column) in positions.items()}
        where |= {f"{name}_line": str(line) for name, (line, _) in positions.items()}
        return [f"{WHERE}:{line.format(**where)}" for line in self.expected]


@functools.cache
def _curated_tree() -> Any:
    """spec/streams.yaml's round-trip tree, parsed once per test process (copied for each variant)."""
    return round_trip_yaml().load(SPEC_PATH.read_text(encoding="utf-8"))


def _edit(tree: Any, pointer: Pointer, value: Any) -> None:
    parent = tree
    for part in pointer[:-1]:
        parent = parent[part]
    last = pointer[-1]
    if value is DELETE:
        del parent[last]
    elif last == "-":
        parent.append(value)
    else:
        parent[last] = value


def _property(name: str) -> Pointer:
    return (*TENANT, "properties", name)


STRING = {"type": "string"}
MODEL_MEMBER = "is a name every model class uses itself"


def _reserved_property(name: str) -> Variant:
    return Variant(
        f"property-named-{name}",
        ((_property(name), STRING),),
        (
            f"{{at}}: warning: property {name!r} of StreamsTenant is the Python attribute {name}_: "
            f"{name} {MODEL_MEMBER}",
        ),
        {"at": _property(name)},
    )


def _cli_option(option: str, message: str) -> Variant:
    return Variant(
        f"cli-option-{option}",
        (((*CLI_OPTIONS, option), "name"),),
        (
            f"{{at}}: error: x-codegen-cli option {option!r} is --{option}, which is {message} "
            "(hint: choose another option name)",
        ),
        {"at": (*CLI_OPTIONS, option)},
    )


def _referenced_schema(name: str, schema: dict[str, Any], expected: str) -> Variant:
    escaped = name.replace("~", "~0").replace("/", "~1")
    return Variant(
        f"schema-named-{name[:12].encode('unicode_escape').decode()}",
        ((("components", "schemas", name), schema), (_property("extra"), {"$ref": f"#/components/schemas/{escaped}"})),
        (expected,),
        {"at": ("components", "schemas", name), "first": TENANT},
    )


NOT_A_NAME = "is not a name OpenAPI allows (letters, digits, '.', '-' and '_') (hint: rename it, and every $ref to it)"

# Each passes today's lint yet breaks generation or the generated package (issue 12, items 9-12).
WARNED = [
    _reserved_property("to_dict"),
    _reserved_property("from_dict"),
    _reserved_property("additional_properties"),
    Variant(
        "python-name-collision",
        ((_property("group_id"), STRING),),
        (
            "{at}: warning: properties 'groupId' and 'group_id' of StreamsTenant would both be the Python attribute "
            "group_id: the client names them groupId and group_id (hint: code using either attribute breaks when "
            "the other is added; `changes` reports that as breaking)",
        ),
        {"at": _property("group_id")},
    ),
    Variant(
        "enum-values-differ-only-in-case",
        (((*TIER, "enum", "-"), FIRST_TIER.lower()),),
        (
            f"{{at}}: warning: enum values {FIRST_TIER!r} (line {{first_line}}) and {FIRST_TIER.lower()!r} would both "
            f"be the member {FIRST_TIER}: the generated enum calls this one {FIRST_TIER}_2",
        ),
        {"at": (*TIER, "enum", len(TIER_VALUES)), "first": (*TIER, "enum", 0)},
    ),
    Variant(
        "operation-named-import",
        (((*OPERATION, "x-codegen-operation-name"), "import"),),
        (
            "{at}: warning: POST /api/atlas/v2/groups/{{groupId}}/streams is the Python function import_: "
            "'import' is a Python keyword or built-in",
        ),
        {"at": (*OPERATION, "x-codegen-operation-name")},
    ),
    Variant(
        "parameter-named-headers",
        (((*OPERATION, "parameters", "-"), {"name": "headers", "in": "query", "schema": STRING}),),
        (
            "{at}: warning: POST /api/atlas/v2/groups/{{groupId}}/streams: parameter 'headers' is the Python argument "
            "headers_: headers is a name the operation's functions use themselves",
        ),
        {"at": (*OPERATION, "parameters", 3)},
    ),
    Variant(
        "parameter-named-dry-run",
        (((*OPERATION, "parameters", "-"), {"name": "dry-run", "in": "query", "schema": {"type": "boolean"}}),),
        (
            "{at}: warning: POST /api/atlas/v2/groups/{{groupId}}/streams: parameter 'dry-run' is the Python argument "
            "dry_run_: dry_run is a name the operation's functions use themselves",
        ),
        {"at": (*OPERATION, "parameters", 3)},
    ),
]

REFUSED = [
    _cli_option("help", "an option the generated commands have themselves"),
    _cli_option("dry-run", "an option the generated commands have themselves"),
    Variant(
        "cli-option-with-a-path-the-body-lacks",
        (((*CLI_OPTIONS, "region"), "dataProcessRegion.nope"),),
        (
            "{at}: error: x-codegen-cli option 'region': the request body has no field 'dataProcessRegion.nope' "
            "(hint: name a field by its JSON names, dotted: dataProcessRegion.region)",
        ),
        {"at": (*CLI_OPTIONS, "region")},
    ),
    _referenced_schema(
        "Streams/Tenant2", {"type": "object"}, f"{{at}}: error: component name 'Streams/Tenant2' {NOT_A_NAME}"
    ),
    _referenced_schema("Bad\x00Name", {"type": "object"}, f"{{at}}: error: component name 'Bad\\x00Name' {NOT_A_NAME}"),
    _referenced_schema(
        "A" * 300,
        {"type": "object"},
        "{at}: error: component name of 300 characters, more than 100 (hint: shorten it: classes, modules and docs "
        "pages are named after it)",
    ),
    _referenced_schema(
        "Streams_Tenant",
        {"type": "object"},
        "{at}: error: schemas 'StreamsTenant' (line {first_line}) and 'Streams_Tenant' are both generated as class "
        "StreamsTenant (hint: two schemas need names that differ in more than case and punctuation)",
    ),
    _referenced_schema(
        "Extended",
        {"allOf": [{"$ref": "#/components/schemas/Link"}], "properties": {"a": STRING}},
        "{at}: error: schema Extended composes a single $ref and has properties of its own, which the generator "
        "drops: it uses Link in its place (hint: add an empty member to its allOf (`- properties: {{}}` with "
        "`type: object`), as our split bases do)",
    ),
    Variant(
        "success-without-content",
        (((*OPERATION, "responses", "200", "content"), DELETE), NO_READ_BACK),
        (
            "{at}: error: POST /api/atlas/v2/groups/{{groupId}}/streams documents no 2xx response with a body schema: "
            "the generated function would return None (hint: document the success body (schema and example), or mark "
            "the operation x-codegen-empty-success: true)",
        ),
        {"at": (*OPERATION, "responses")},
    ),
    Variant(
        "reference-cycle",
        (
            (("components", "parameters", "envelope"), {"$ref": "#/components/parameters/pretty"}),
            (("components", "parameters", "pretty"), {"$ref": "#/components/parameters/envelope"}),
        ),
        (
            "{at}: error: reference cycle #/components/parameters/envelope -> #/components/parameters/pretty -> "
            "#/components/parameters/envelope (hint: end the chain of $refs at a definition)",
        ),
        {"at": (*OPERATION, "parameters", 0, "$ref")},
    ),
    Variant(
        "allof-chain-of-40",
        (
            *(
                (
                    ("components", "schemas", f"Chain{n}"),
                    {"allOf": [{"$ref": f"#/components/schemas/Chain{n + 1}"}, {"properties": {}, "type": "object"}]},
                )
                for n in range(40)
            ),
            (("components", "schemas", "Chain40"), {"type": "object"}),
            (_property("chain"), {"$ref": "#/components/schemas/Chain0"}),
        ),
        (
            "{at}: error: schema Chain0 is composed through a chain of 41 schemas "
            "(allOf/oneOf/anyOf/not/items $refs), more than 32 "
            "(hint: merge the schemas of the chain: each $ref of allOf/oneOf/anyOf/not/items adds a level)",
        ),
        {"at": ("components", "schemas", "Chain0")},
    ),
]

# Bodiless successes are fine when said so (issue 12).
CLEAN = [
    Variant(
        "empty-success-marked",
        (
            ((*OPERATION, "responses", "200", "content"), DELETE),
            ((*OPERATION, "x-codegen-empty-success"), True),
            NO_READ_BACK,
        ),
    ),
    Variant(
        "bodiless-202-marked",
        (
            ((*OPERATION, "responses", "200"), DELETE),
            (
                (*OPERATION, "responses", "202"),
                {
                    "description": "Accepted.",
                    "content": {"application/vnd.atlas.2023-02-01+json": {"x-xgen-version": "2023-02-01"}},
                },
            ),
            ((*OPERATION, "x-codegen-empty-success"), True),
            NO_READ_BACK,
        ),
    ),
    Variant("summary-with-percent", (((*OPERATION, "summary"), "Create 100% of One Stream Workspace"),)),
]
