"""`streams-codegen lint`: everything wrong with the spec, each finding at its line and column.

The checks run in four stages, and a stage runs only when the ones before it found no error, because
it relies on what they guarantee:

1. structure: the document against the OpenAPI 3.0 schema that openapi-spec-validator ships (types,
   required fields, unknown keys, parameter locations, security schemes, regex syntax);
2. references: every `$ref` and discriminator mapping is local and resolves, no chain of $refs comes back
   to where it started, and no schema contains itself through allOf/oneOf/anyOf/not/items
   (openapi-spec-validator and the generator would recurse forever);
3. chains: no schema is composed through a chain of more than 32 others (they would recurse too deep);
4. patterns: none can take exponential time to run (pattern_safety.py), before anything runs one;
5. meaning: path parameters, unique operationIds, our curation rules, unused components, the Python names
   (names.py), and every example and default value against its schema (example_values.py);
6. translations (spec/i18n/<lang>.yaml): every entry names a text of the spec (error) and was made from
   its current English (a stale one is a warning: generator/spec/translations.py).

Tab characters inside values, quotes left open and descriptions still to write are reported whatever the
stage (YAML refuses tabs only in indentation,
and load_spec reports those as unreadable input).
"""

from __future__ import annotations

import dataclasses
import functools
import importlib.util
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from jsonschema.validators import validator_for

from generator.errors import Finding, SpecRejected
from generator.lint.example_values import example_findings
from generator.lint.names import name_findings
from generator.lint.reporting import Reporter
from generator.lint.schema_errors import explain, json_path
from generator.spec.examples import parameter_example
from generator.spec.loading import Spec, open_quote
from generator.spec.pattern_safety import backtracks_exponentially
from generator.spec.pointers import Pointer, follow_refs, node_at, resolve_pointer, walk
from generator.spec.python_naming import NOTHING_RESERVED, Reserved
from generator.spec.schema_facts import discriminator_gaps, read_back_problems
from generator.spec.translations import load_translations, translation_files, translation_findings
from generator.spec.vocabulary import (
    CHANGELOG,
    DESCRIPTION_PLACEHOLDER,
    EMPTY_SUCCESS,
    KNOWN_DISCRIMINATOR_GAP,
    METHODS_WITH_A_BODY_IN_RETURN,
    OPERATION_NAME,
    OPERATION_NAME_OVERRIDE,
    PREVIEW_MEDIA_TYPE,
    READ_BACK,
    RESOURCE,
    SCHEMA_PREFIX,
    SPLIT_FROM,
    VERSIONED_MEDIA_TYPE,
    OperationKey,
    is_data,
    offers_dated_version,
    operations,
    reachable_components,
    references,
)

# Keywords through which a schema is part of another (its properties are only referenced by it).
_COMPOSITION_KEYWORDS = ("allOf", "oneOf", "anyOf")
_NESTED_SCHEMA_KEYWORDS = ("not", "items")
# The longest chain of schemas one may be composed of: far more than Atlas uses (about 4), far less than the
# validators and the code generator, which follow a chain by recursion, survive.
MAX_COMPOSITION_DEPTH = 32


def lint(spec: Spec, reserved: Reserved = NOTHING_RESERVED, strict: bool = False) -> list[Finding]:
    """Every finding, the spec's sorted by position, then those of its translations, file by file. `reserved`:
    the names the generated code uses itself (generator.codegen reads them from the templates; without them,
    lint cannot say which names the generator renames). `strict` refuses the descriptions still to write (a
    warning otherwise), as a release must."""
    meaning = functools.partial(_meaning_findings, reserved=reserved)
    stages = (_structure_findings, _reference_findings, _composition_depth_findings, _pattern_findings, meaning)
    findings = _staged(spec, stages, (*_open_quote_findings(spec), *_placeholder_findings(spec, strict)))
    if any(finding.severity == "error" for finding in findings):
        return findings  # against a broken spec, the translations' findings would only repeat its errors
    for path in translation_files(spec.path):
        findings += translation_findings(spec.data, load_translations(path))
    return findings


def shape_findings(spec: Spec) -> list[Finding]:
    """The first two stages only (structure and references): what a spec needs before any tool walks it. The
    change report compares specs that need not pass our curation rules, but must be OpenAPI with sound $refs."""
    return _staged(spec, (_structure_findings, _reference_findings))


def _staged(
    spec: Spec, stages: tuple[Callable[[Spec], Iterable[Finding]], ...], always: Iterable[Finding] = ()
) -> list[Finding]:
    findings = [*_tab_findings(spec), *always]
    for stage in stages:
        found = list(stage(spec))
        findings += found
        if any(finding.severity == "error" for finding in found):
            break
    return sorted(findings, key=lambda finding: (finding.line or 0, finding.column or 0, finding.message))


def require_no_errors(findings: list[Finding]) -> list[Finding]:
    """The warnings among `findings`; SpecRejected (listing all of them) when there is an error."""
    if any(finding.severity == "error" for finding in findings):
        raise SpecRejected(findings)
    return findings


# --- tabs ---------------------------------------------------------------------------------------------------


def _tab_findings(spec: Spec) -> Iterator[Finding]:
    for number, text in enumerate(spec.text.splitlines(), start=1):
        if "\t" in text:
            yield Finding(
                spec.path,
                number,
                text.index("\t") + 1,
                "warning",
                "tab character",
                "write spaces, or \\t in a quoted string",
            )


def _open_quote_findings(spec: Spec) -> Iterator[Finding]:
    """A quoted value that runs over several lines: YAML reads on to the next quote, so the lines in between
    (keys included) become text, and what no longer fits OpenAPI is reported lines later."""
    for number, text in enumerate(spec.text.splitlines(), start=1):
        column = open_quote(text)
        if column is not None:
            yield Finding(
                spec.path,
                number,
                column,
                "warning",
                "the quote opened here is not closed on its line, so the text runs on to the next quote",
                f"close the quote on line {number}",
            )


def _placeholder_findings(spec: Spec, strict: bool) -> Iterator[Finding]:
    report = Reporter(spec)
    for pointer, node in walk(spec.data):
        if node != DESCRIPTION_PLACEHOLDER or not pointer or pointer[-2:-1] == ("properties",):
            continue
        if pointer[-1] == "description":
            what = "description"
        elif len(pointer) >= 3 and pointer[-2] == CHANGELOG and pointer[-3] != "properties":
            what = f"changelog entry {pointer[-1]}"
        else:
            continue
        finding = report(
            pointer,
            f"{what} still reads {DESCRIPTION_PLACEHOLDER!r}",
            "write it in our own words (upstream's prose is never copied)",
        )
        yield finding if strict else dataclasses.replace(finding, severity="warning")


# --- stage 1: structure -------------------------------------------------------------------------------------


def _openapi_30_schema() -> dict[str, Any]:
    """openapi-spec-validator's OAS 3.0 document schema, read from its package data without importing the package,
    whose imports (jsonschema-path, requests, ssl) would cost a tenth of a generation."""
    package = importlib.util.find_spec("openapi_spec_validator")
    assert package is not None and package.submodule_search_locations, "openapi-spec-validator is not installed"
    folder = Path(next(iter(package.submodule_search_locations)))
    schema: dict[str, Any] = json.loads((folder / "resources/schemas/v3.0/schema.json").read_text(encoding="utf-8"))
    return schema


_OPENAPI_30_SCHEMA = _openapi_30_schema()
_OPENAPI_30 = validator_for(_OPENAPI_30_SCHEMA)
_STRUCTURE_VALIDATOR = _OPENAPI_30(_OPENAPI_30_SCHEMA, format_checker=_OPENAPI_30.FORMAT_CHECKER)


def _structure_findings(spec: Spec) -> Iterator[Finding]:
    report = Reporter(spec)
    for error in _STRUCTURE_VALIDATOR.iter_errors(spec.data):
        pointer, message, hint = explain(error)
        yield report(pointer, f"invalid OpenAPI 3.0 at {json_path(pointer)}: {message}", hint)


# --- stage 2: references ------------------------------------------------------------------------------------


def _reference_findings(spec: Spec) -> Iterator[Finding]:
    report = Reporter(spec)
    unresolved = False
    for pointer, ref in references(spec.data):
        if not isinstance(ref, str) or not ref.startswith("#/"):
            yield report(
                pointer, f"malformed reference {ref!r}", "write a local reference such as '#/components/schemas/Name'"
            )
            unresolved = True
            continue
        try:
            resolve_pointer(spec.data, ref)
        except KeyError:
            what = "$ref" if pointer[-1] == "$ref" else "discriminator mapping"
            yield report(
                pointer,
                f"unresolved {what} {ref!r}",
                "only local '#/components/...' references to existing entries are allowed",
            )
            unresolved = True
    if unresolved:
        return
    yield from _reference_cycle_findings(spec, report)
    yield from _cycle_findings(spec, report)


def _cycle_findings(spec: Spec, report: Reporter) -> Iterator[Finding]:
    """One finding per tangle of schemas that contain one another, at the $ref that closes a cycle. Iterative:
    a chain of a thousand schemas is no deeper for Python than one."""
    edges = _schema_edges(spec)
    reported: set[str] = set()
    finished: set[str] = set()
    for start in edges:
        if start in finished:
            continue
        path, on_path, pending = [start], {start}, [iter(edges[start])]
        while pending:
            step = next(pending[-1], None)
            if step is None:
                finished.add(path[-1])
                on_path.discard(path.pop())
                pending.pop()
                continue
            ref_pointer, target = step
            if target in on_path:
                cycle = path[path.index(target) :]
                if not reported.intersection(cycle):
                    reported.update(cycle)
                    yield report(
                        ref_pointer,
                        f"schema cycle {' -> '.join([*cycle, target])}: each contains the next through "
                        "allOf/oneOf/anyOf/not/items",
                        f"move the shared properties into a base schema marked {SPLIT_FROM} (see README)",
                    )
            elif target not in finished and target in edges:
                path.append(target)
                on_path.add(target)
                pending.append(iter(edges[target]))


# --- stage 3: chains ----------------------------------------------------------------------------------------


def _schema_edges(spec: Spec) -> dict[str, list[tuple[Pointer, str]]]:
    """Component schema -> (pointer of the $ref, schema name) of each schema it is composed of."""
    schemas = spec.data.get("components", {}).get("schemas", {})
    return {name: list(_contained_schemas(("components", "schemas", name), schema)) for name, schema in schemas.items()}


def _composition_depth_findings(spec: Spec) -> Iterator[Finding]:
    """A schema composed through a long chain of others: the validators and the code generator follow such a
    chain by recursion (the change report does not). Reported at the head of each chain; a stage of its own, after
    references (which rule out cycles), before the example validation of the meaning stage."""
    report = Reporter(spec)
    edges = _schema_edges(spec)
    depths = _chain_lengths(edges)
    too_deep = {name for name, depth in depths.items() if depth > MAX_COMPOSITION_DEPTH}
    inner = {target for name in too_deep for _, target in edges[name]}
    for name in sorted(too_deep - inner):
        yield report(
            ("components", "schemas", name),
            f"schema {name} is composed through a chain of {depths[name]} schemas "
            f"(allOf/oneOf/anyOf/not/items $refs), more than {MAX_COMPOSITION_DEPTH}",
            "merge the schemas of the chain: each $ref of allOf/oneOf/anyOf/not/items adds a level",
        )


def _chain_lengths(edges: dict[str, list[tuple[Pointer, str]]]) -> dict[str, int]:
    """Schema -> the number of schemas on its longest chain of composition (itself included); edges form no
    cycle."""
    lengths: dict[str, int] = {}
    for start in edges:
        pending = [start]
        while pending:
            name = pending[-1]
            waiting = [t for _, t in edges.get(name, []) if t in edges and t not in lengths]
            if waiting:
                pending.extend(waiting)
                continue
            pending.pop()
            lengths[name] = 1 + max((lengths[t] for _, t in edges.get(name, []) if t in edges), default=0)
    return lengths


def _reference_cycle_findings(spec: Spec, report: Reporter) -> Iterator[Finding]:
    """A $ref to a parameter, response, body or header that leads, $ref by $ref, back to itself (schemas are
    the cycle check's)."""
    reported: set[str] = set()
    for pointer, ref in references(spec.data):
        if pointer[-1] != "$ref" or ref.startswith(SCHEMA_PREFIX) or ref in reported:
            continue
        chain = [ref]
        node = resolve_pointer(spec.data, ref)
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"] not in chain:
            chain.append(node["$ref"])
            node = resolve_pointer(spec.data, node["$ref"])
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            reported.update(chain)
            yield report(
                pointer,
                f"reference cycle {' -> '.join([*chain, node['$ref']])}",
                "end the chain of $refs at a definition",
            )


def _contained_schemas(pointer: Pointer, schema: Any) -> Iterator[tuple[Pointer, str]]:
    """(pointer of the $ref, schema name) of each component schema that `schema` is composed of."""
    if not isinstance(schema, dict):
        return
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX):
        yield (*pointer, "$ref"), ref[len(SCHEMA_PREFIX) :].split("/")[0]
    for keyword in _COMPOSITION_KEYWORDS:
        for index, member in enumerate(schema.get(keyword, [])):
            yield from _contained_schemas((*pointer, keyword, index), member)
    for keyword in _NESTED_SCHEMA_KEYWORDS:
        yield from _contained_schemas((*pointer, keyword), schema.get(keyword))


# --- stage 4: patterns --------------------------------------------------------------------------------------


def _pattern_findings(spec: Spec) -> Iterator[Finding]:
    """A pattern that Python's re, which the meaning stage's example checks and the generated client run, could
    take exponential time on: reported before anything runs one, so that a hostile spec cannot hang lint."""
    report = Reporter(spec)
    for pointer, value in walk(spec.data):
        if pointer[-1:] == ("pattern",) and isinstance(value, str) and not is_data(pointer):
            if backtracks_exponentially(value):
                yield report(
                    pointer,
                    f"pattern {value!r} repeats a part of variable length many times, with nothing that ends each "
                    "round: matching a value that does not fit can take exponential time",
                    "end each round with a character its variable parts cannot match (`(-[a-z]+)*`, not "
                    "`([a-z-]+)*`), or give the part a fixed length; a pattern of upstream's is corrected in our "
                    "spec (docs/curated-spec.md)",
                )


# --- stage 5: meaning ---------------------------------------------------------------------------------------


def _meaning_findings(spec: Spec, reserved: Reserved) -> Iterator[Finding]:
    report = Reporter(spec)
    yield from name_findings(spec, reserved)
    yield from _path_parameter_findings(spec, report)
    yield from _parameter_example_findings(spec, report)
    yield from _operation_name_findings(spec, report)
    yield from _resource_findings(spec, report)
    yield from _media_type_findings(spec, report)
    yield from _success_body_findings(spec, report)
    yield from _read_back_findings(spec, report)
    yield from _collapsed_schema_findings(spec, report)
    yield from _discriminator_findings(spec, report)
    yield from _discriminator_gap_findings(spec, report)
    yield from _unused_component_findings(spec, report)
    yield from example_findings(spec)


def _path_parameter_findings(spec: Spec, report: Reporter) -> Iterator[Finding]:
    for key, operation in operations(spec.data).items():
        pointer, name = key.pointer, str(key)
        path = str(pointer[1])
        in_template = re.findall(r"{([^}]+)}", path)
        declared = {
            parameter["name"]: where
            for where, _, parameter in _parameters(spec, key, operation)
            if parameter.get("in") == "path"
        }
        for missing in (name for name in in_template if name not in declared):
            yield report(
                pointer,
                f"{name}: path parameter {{{missing}}} is not declared",
                f"add a parameter with in: path and name: {missing}",
            )
        for extra, where in declared.items():
            if extra not in in_template:
                yield report(
                    where,
                    f"{name}: path parameter {extra!r} does not appear in the path",
                    f"use {{{extra}}} in the path or remove the parameter",
                )


def _parameters(spec: Spec, key: OperationKey, operation: dict[str, Any]) -> Iterator[tuple[Pointer, Pointer, Any]]:
    """(where it is listed, where it is defined, the parameter) of each parameter of the operation and its path
    item, references followed."""
    for where, parameters in (
        (key.pointer[:2], spec.data["paths"][key.path].get("parameters", [])),
        (key.pointer, operation.get("parameters", [])),
    ):
        for index in range(len(parameters)):
            listed = (*where, "parameters", index)
            defined, parameter = follow_refs(spec.data, listed)
            yield listed, defined, parameter


def _parameter_example_findings(spec: Spec, report: Reporter) -> Iterator[Finding]:
    """The examples in the docs pass every path parameter, so each needs a value: its example, or one made from
    its schema (generator/spec/examples.py)."""
    reported: set[Pointer] = set()
    for key, operation in operations(spec.data).items():
        for _, defined, parameter in _parameters(spec, key, operation):
            if parameter.get("in") != "path" or defined in reported:
                continue
            if parameter_example(spec.data, parameter) is None:
                reported.add(defined)
                yield report(
                    defined,
                    f"path parameter {parameter.get('name')!r} has no example, and its schema gives none "
                    "(a pattern too rich to sample, or lengths it cannot meet)",
                    "give the parameter an example",
                )


def _operation_name_findings(spec: Spec, report: Reporter) -> Iterator[Finding]:
    """Every operation has the name its generated function takes (ours or upstream's override), and no two
    operations share an operationId or a name."""
    seen: dict[tuple[str, str], Pointer] = {}
    for key, operation in operations(spec.data).items():
        pointer, name = key.pointer, str(key)
        if OPERATION_NAME not in operation and OPERATION_NAME_OVERRIDE not in operation:
            yield report(
                pointer,
                f"{name} has no {OPERATION_NAME_OVERRIDE} and no {OPERATION_NAME}",
                f"copy upstream's {OPERATION_NAME_OVERRIDE}, or name the generated function with {OPERATION_NAME}",
            )
        for name_key in ("operationId", OPERATION_NAME_OVERRIDE, OPERATION_NAME):
            if name_key not in operation:
                continue
            first = seen.setdefault((name_key, operation[name_key]), (*pointer, name_key))
            if first != (*pointer, name_key):
                line, _ = spec.position_of(first)
                yield report(
                    (*pointer, name_key),
                    f"duplicate {name_key} {operation[name_key]!r} (first at line {line})",
                    f"each operation needs its own {name_key}",
                )


def _resource_findings(spec: Spec, report: Reporter) -> Iterator[Finding]:
    """The resource names a heading of the docs' index: one line of text."""
    for key, operation in operations(spec.data).items():
        resource = operation.get(RESOURCE)
        if RESOURCE in operation and (not isinstance(resource, str) or not resource.strip() or "\n" in resource):
            yield report(
                (*key.pointer, RESOURCE),
                f"{key}: {RESOURCE} must be the resource's name, one line of text",
                "name the resource the operation acts on, such as 'Stream workspaces'",
            )


def _media_type_findings(spec: Spec, report: Reporter) -> Iterator[Finding]:
    """Request and success bodies use a versioned Atlas media type (a preview beside a dated version too: the
    client leaves it out, generator/spec/fixes.py); every body with a schema has an example (a media type without
    a schema, such as upstream's 202 for deletes, has no body to show)."""
    for key, operation in operations(spec.data).items():
        pointer, name = key.pointer, str(key)
        bodies = []
        if "requestBody" in operation:
            bodies.append(("request body", (*pointer, "requestBody"), True))
        for status in operation.get("responses", {}):
            bodies.append((f"response {status}", (*pointer, "responses", status), str(status).startswith("2")))
        for what, body_pointer, versioned in bodies:
            body_pointer, body = follow_refs(spec.data, body_pointer)
            content = body.get("content", {})
            dated = offers_dated_version(content)
            for media_type, media in content.items():
                media_pointer = (*body_pointer, "content", media_type)
                beside_dated = dated and media_type == PREVIEW_MEDIA_TYPE
                if versioned and not VERSIONED_MEDIA_TYPE.match(media_type) and not beside_dated:
                    yield report(
                        media_pointer,
                        f"{name} {what}: media type {media_type!r} is not a versioned Atlas media type",
                        "use application/vnd.atlas.YYYY-MM-DD+json with the API version's date",
                    )
                if "schema" in media and "example" not in media and "examples" not in media:
                    yield report(
                        media_pointer, f"{name} {what} ({media_type}) has no example", "add the documented example"
                    )


def _success_body_findings(spec: Spec, report: Reporter) -> Iterator[Finding]:
    """An operation that returns the resource documents it: without a 2xx body schema, the generated function
    silently returns None. A bodiless success is said so with x-codegen-empty-success: true."""
    for key, operation in operations(spec.data).items():
        empty_success = operation.get(EMPTY_SUCCESS, False)
        if not isinstance(empty_success, bool):
            yield report((*key.pointer, EMPTY_SUCCESS), f"{EMPTY_SUCCESS} must be true or false", None)
            continue
        if key.method not in METHODS_WITH_A_BODY_IN_RETURN or empty_success:
            continue
        successes = [
            follow_refs(spec.data, (*key.pointer, "responses", status))[1]
            for status in operation.get("responses", {})
            if str(status).startswith("2")
        ]
        if not any("schema" in media for response in successes for media in response.get("content", {}).values()):
            yield report(
                (*key.pointer, "responses"),
                f"{key} documents no 2xx response with a body schema: the generated function would return None",
                f"document the success body (schema and example), or mark the operation {EMPTY_SUCCESS}: true",
            )


def _read_back_findings(spec: Spec, report: Reporter) -> Iterator[Finding]:
    """A create's x-codegen-read-back names a GET of this spec, gives each of its path parameters from the
    create's request, and matches fields that both the create's body and the GET's answer have."""
    for key, operation in operations(spec.data).items():
        if READ_BACK in operation:
            for where, message, hint in read_back_problems(spec.data, key, operation):
                yield report((*key.pointer, READ_BACK, *where), message, hint)


def _collapsed_schema_findings(spec: Spec, report: Reporter) -> Iterator[Finding]:
    """openapi-python-client turns a schema whose allOf/oneOf/anyOf holds a single $ref into the referenced class
    itself, dropping the schema's own properties: a model would silently lose fields."""
    for name, schema in spec.data.get("components", {}).get("schemas", {}).items():
        members = [*schema.get("allOf", []), *schema.get("oneOf", []), *schema.get("anyOf", [])]
        own = [key for key in ("properties", "required") if schema.get(key)]
        if len(members) == 1 and "$ref" in members[0] and own:
            yield report(
                ("components", "schemas", name),
                f"schema {name} composes a single $ref and has {' and '.join(own)} of its own, which the generator "
                f"drops: it uses {members[0]['$ref'].rsplit('/', 1)[-1]} in its place",
                "add an empty member to its allOf (`- properties: {}` with `type: object`), as our split bases do",
            )


def _discriminator_findings(spec: Spec, report: Reporter) -> Iterator[Finding]:
    """A discriminator mapping names every oneOf member, so each subtype can be told from the others.

    The split-out base of a parent (x-codegen-split-from) is not a subtype; generator/spec/fixes.py adds it to
    the oneOf as the fallback for values newer than the client."""
    schemas = spec.data.get("components", {}).get("schemas", {})
    for name, schema in schemas.items():
        mapping = schema.get("discriminator", {}).get("mapping")
        if mapping is None or "oneOf" not in schema:
            continue
        for index, member in enumerate(schema["oneOf"]):
            ref = member.get("$ref")
            target = schemas.get(ref[len(SCHEMA_PREFIX) :], {}) if isinstance(ref, str) else {}
            if ref not in mapping.values() and target.get(SPLIT_FROM) != name:
                yield report(
                    ("components", "schemas", name, "oneOf", index),
                    f"oneOf member {ref!r} of {name} is missing from its discriminator mapping",
                    f"add `<{schema['discriminator']['propertyName']} value>: '{ref}'` to discriminator.mapping",
                )


def _discriminator_gap_findings(spec: Spec, report: Reporter) -> Iterator[Finding]:
    """A warning where a discriminator property's enum leaves out values that the mapping names (upstream's
    StreamsConnection maps S3, the `type` enum omits it), unless the spec lists them as a known gap. Generation
    adds them either way (generator/spec/fixes.py)."""
    for gap in discriminator_gaps(spec.data):
        known = node_at(spec.data, gap.pointer).get(KNOWN_DISCRIMINATOR_GAP, [])
        missing = [value for value in gap.missing if value not in known]
        if missing:
            values = ", ".join(map(repr, missing))
            yield report.warning(
                (*gap.pointer, "enum"),
                f"the enum leaves out {values}, which the discriminator mapping of {gap.parent} names",
                f"an upstream gap: generation adds them; list them in {KNOWN_DISCRIMINATOR_GAP} to acknowledge it",
            )


def _unused_component_findings(spec: Spec, report: Reporter) -> Iterator[Finding]:
    components = spec.data.get("components", {})
    reached = reachable_components(spec.data)
    for section, entries in components.items():
        for name in entries:
            if (section, name) not in reached:
                yield report(
                    ("components", section, name),
                    f"unused component components.{section}.{name}",
                    "nothing in paths or security reaches it, yet it would be generated: delete it, or reference it",
                )
