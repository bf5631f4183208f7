"""`streams-codegen lint`: everything wrong with the spec, each finding at its line and column.

The checks run in three stages, and a stage runs only when the ones before it found no error, because
it relies on what they guarantee:

1. structure: the document against the OpenAPI 3.0 schema that openapi-spec-validator ships (types,
   required fields, unknown keys, parameter locations, security schemes, regex syntax);
2. references: every `$ref` and discriminator mapping is local and resolves, and no schema contains
   itself through allOf/oneOf/anyOf/not/items (openapi-spec-validator and the generator would recurse
   forever);
3. meaning: path parameters, unique operationIds, our curation rules, unused components, and every
   example and default value against its schema (example_values.py).

Tab characters inside values are reported whatever the stage (YAML refuses tabs only in indentation,
and load_spec reports those as unreadable input).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from jsonschema.validators import validator_for
from openapi_spec_validator.schemas import schema_v30

from generator.errors import Finding, SpecRejected
from generator.lint.example_values import example_findings
from generator.lint.schema_errors import explain, json_path
from generator.spec.loading import Spec
from generator.spec.pointers import Pointer, follow_refs, node_at, resolve_pointer
from generator.spec.schema_facts import discriminator_gaps
from generator.spec.vocabulary import (
    KNOWN_DISCRIMINATOR_GAP,
    OPERATION_NAME,
    OPERATION_NAME_OVERRIDE,
    SCHEMA_PREFIX,
    SPLIT_FROM,
    operations,
    reachable_components,
    references,
)

# Atlas versions its API by media type; a request or success body under any other type is unversioned.
VERSIONED_MEDIA_TYPE = re.compile(r"^application/vnd\.atlas\.\d{4}-\d{2}-\d{2}\+json$")
# Keywords through which a schema is part of another (its properties are only referenced by it).
_COMPOSITION_KEYWORDS = ("allOf", "oneOf", "anyOf")
_NESTED_SCHEMA_KEYWORDS = ("not", "items")


def lint(spec: Spec) -> list[Finding]:
    """Every finding, sorted by position."""
    findings = list(_tab_findings(spec))
    for stage in (_structure_findings, _reference_findings, _meaning_findings):
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


class _Reporter:
    """Findings about one spec, placed at the position of a JSON pointer."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec

    def __call__(self, pointer: Pointer, message: str, hint: str | None = None) -> Finding:
        line, column = self.spec.position_of(pointer)
        return Finding(self.spec.path, line, column, "error", message, hint)


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


# --- stage 1: structure -------------------------------------------------------------------------------------

_OPENAPI_30 = validator_for(schema_v30)
_STRUCTURE_VALIDATOR = _OPENAPI_30(schema_v30, format_checker=_OPENAPI_30.FORMAT_CHECKER)


def _structure_findings(spec: Spec) -> Iterator[Finding]:
    report = _Reporter(spec)
    for error in _STRUCTURE_VALIDATOR.iter_errors(spec.data):
        pointer, message, hint = explain(error)
        yield report(pointer, f"invalid OpenAPI 3.0 at {json_path(pointer)}: {message}", hint)


# --- stage 2: references ------------------------------------------------------------------------------------


def _reference_findings(spec: Spec) -> Iterator[Finding]:
    report = _Reporter(spec)
    for pointer, ref in references(spec.data):
        if not isinstance(ref, str) or not ref.startswith("#/"):
            yield report(
                pointer, f"malformed reference {ref!r}", "write a local reference such as '#/components/schemas/Name'"
            )
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
    yield from _cycle_findings(spec, report)


def _cycle_findings(spec: Spec, report: _Reporter) -> Iterator[Finding]:
    """One finding per tangle of schemas that contain one another, at the $ref that closes a cycle."""
    schemas = spec.data.get("components", {}).get("schemas", {})
    edges = {
        name: list(_contained_schemas(("components", "schemas", name), schema)) for name, schema in schemas.items()
    }
    reported: set[str] = set()
    finished: set[str] = set()

    def visit(name: str, path: list[str]) -> Iterator[Finding]:
        path.append(name)
        for ref_pointer, target in edges.get(name, []):
            if target in path:
                cycle = path[path.index(target) :]
                if not reported.intersection(cycle):
                    reported.update(cycle)
                    chain = " -> ".join([*cycle, target])
                    yield report(
                        ref_pointer,
                        f"schema cycle {chain}: each contains the next through allOf/oneOf/anyOf/not/items",
                        f"move the shared properties into a base schema marked {SPLIT_FROM} (see README)",
                    )
            elif target not in finished and target in edges:
                yield from visit(target, path)
        path.pop()
        finished.add(name)

    for name in schemas:
        if name not in finished:
            yield from visit(name, [])


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


# --- stage 3: meaning ---------------------------------------------------------------------------------------


def _meaning_findings(spec: Spec) -> Iterator[Finding]:
    report = _Reporter(spec)
    yield from _path_parameter_findings(spec, report)
    yield from _operation_name_findings(spec, report)
    yield from _media_type_findings(spec, report)
    yield from _discriminator_findings(spec, report)
    yield from _discriminator_gap_findings(spec)
    yield from _unused_component_findings(spec, report)
    yield from example_findings(spec)


def _path_parameter_findings(spec: Spec, report: _Reporter) -> Iterator[Finding]:
    for key, operation in operations(spec.data).items():
        pointer, name = key.pointer, str(key)
        path = str(pointer[1])
        in_template = re.findall(r"{([^}]+)}", path)
        path_item = spec.data["paths"][path]
        declared = {}
        for where, parameters in (
            (pointer[:2], path_item.get("parameters", [])),
            (pointer, operation.get("parameters", [])),
        ):
            for index in range(len(parameters)):
                _, parameter = follow_refs(spec.data, (*where, "parameters", index))
                if parameter.get("in") == "path":
                    declared[parameter["name"]] = (*where, "parameters", index)
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


def _operation_name_findings(spec: Spec, report: _Reporter) -> Iterator[Finding]:
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


def _media_type_findings(spec: Spec, report: _Reporter) -> Iterator[Finding]:
    """Request and success bodies use a versioned Atlas media type; every body has an example."""
    for key, operation in operations(spec.data).items():
        pointer, name = key.pointer, str(key)
        bodies = []
        if "requestBody" in operation:
            bodies.append(("request body", (*pointer, "requestBody"), True))
        for status in operation.get("responses", {}):
            bodies.append((f"response {status}", (*pointer, "responses", status), str(status).startswith("2")))
        for what, body_pointer, versioned in bodies:
            body_pointer, body = follow_refs(spec.data, body_pointer)
            for media_type, media in body.get("content", {}).items():
                media_pointer = (*body_pointer, "content", media_type)
                if versioned and not VERSIONED_MEDIA_TYPE.match(media_type):
                    yield report(
                        media_pointer,
                        f"{name} {what}: media type {media_type!r} is not a versioned Atlas media type",
                        "use application/vnd.atlas.YYYY-MM-DD+json with the API version's date",
                    )
                if "example" not in media and "examples" not in media:
                    yield report(
                        media_pointer, f"{name} {what} ({media_type}) has no example", "add the documented example"
                    )


def _discriminator_findings(spec: Spec, report: _Reporter) -> Iterator[Finding]:
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


def _discriminator_gap_findings(spec: Spec) -> Iterator[Finding]:
    """A warning where a discriminator property's enum leaves out values that the mapping names (upstream's
    StreamsConnection maps S3, the `type` enum omits it), unless the spec lists them as a known gap. Generation
    adds them either way (generator/spec/fixes.py)."""
    for gap in discriminator_gaps(spec.data):
        known = node_at(spec.data, gap.pointer).get(KNOWN_DISCRIMINATOR_GAP, [])
        missing = [value for value in gap.missing if value not in known]
        if missing:
            line, column = spec.position_of((*gap.pointer, "enum"))
            values = ", ".join(map(repr, missing))
            yield Finding(
                spec.path,
                line,
                column,
                "warning",
                f"the enum leaves out {values}, which the discriminator mapping of {gap.parent} names",
                f"an upstream gap: generation adds them; list them in {KNOWN_DISCRIMINATOR_GAP} to acknowledge it",
            )


def _unused_component_findings(spec: Spec, report: _Reporter) -> Iterator[Finding]:
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
