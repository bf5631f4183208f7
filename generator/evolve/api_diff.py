"""What changed between two specs, for users of the generated client: every change classed breaking or
compatible.

Both sides are compared in normal form (normal_form.py: no prose, examples, locale overlays or
`info`, upstream's allOf layout). Where a schema is used decides some classes: a schema, property or
parameter is in a *request* position when the client sends it, in a *response* position when it
parses it, or both (StreamsTenant is both). readOnly properties are response-only, writeOnly ones
request-only.

The rules, kind by kind, are one table in rules.py; `Change.kind` is always one of its kinds.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from generator.evolve.renames import python_name_changes
from generator.evolve.rules import RULES
from generator.evolve.upstream import counterpart
from generator.spec.pointers import escape, json_pointer, resolved
from generator.spec.schema_facts import (
    REQUEST,
    RESPONSE,
    RUNTIME_HEADERS,
    Directions,
    narrowed,
    response_attribute_headers,
    schema_directions,
)
from generator.spec.vocabulary import (
    METHOD_VERB_OVERRIDE,
    OPERATION_NAME_OVERRIDE,
    SCHEMA_PREFIX,
    GeneratedNames,
    OperationKey,
    generated_names,
    operations,
)

_BOTH = frozenset({REQUEST, RESPONSE})
_TYPED_FORMATS = {"date", "date-time", "uuid", "binary"}
_CHECKED_CONSTRAINTS = ("minItems", "maxItems", "uniqueItems")
_COMPOSITIONS = ("allOf", "oneOf", "anyOf")
# Schema keywords compared by a rule of their own; any other keyword is an `other` change.
_KEYWORDS_WITH_RULES = frozenset(
    {"properties", "required", "enum", "discriminator", *_COMPOSITIONS, "readOnly", "writeOnly", "nullable"}
    | {"type", "$ref", "title", "format", "pattern", "default", *_CHECKED_CONSTRAINTS}
)
Node = dict[str, Any]  # a mapping of a spec in normal form


@dataclass(frozen=True)
class Change:
    kind: str  # one of rules.RULES
    subject: str  # what changed, as a reader names it: "StreamConfig.tier", "parameter groupId"
    detail: str  # how, in one line
    breaking: bool
    pointer: str  # JSON pointer in the normal form (the old side's for removals)

    @property
    def is_addition(self) -> bool:
        return self.kind.endswith("-added")


Names = dict[OperationKey, GeneratedNames]


def diff_specs(
    old: Node,
    new: Node,
    names: tuple[Names, Names] | None = None,
    pairs: dict[OperationKey, OperationKey] | None = None,
) -> list[Change]:
    """Every change from `old` to `new` (both in normal form), in document order. `names` are the generated
    names of each side's operations where they come from more than the normal form keeps (our x-codegen-*
    extensions); by default they are read from the normal forms themselves. `pairs` says which operation of
    `new` each of `old` became, where the caller knows (one that upstream both moved and renamed); by default
    the same path and method, else the same name."""
    return _Differ(old, new, names or (generated_names(old), generated_names(new)), pairs or {}).run()


def summary(changes: list[Change]) -> str:
    breaking = sum(change.breaking for change in changes)
    return f"{breaking} breaking, {len(changes) - breaking} compatible"


def render_text(changes: list[Change], title: str) -> str:
    if not changes:
        return f"{title}: no changes\n"
    lines = [f"{title}: {summary(changes)}"]
    width = max(len(change.kind) for change in changes)
    for label, breaking in (("breaking", True), ("compatible", False)):
        group = [change for change in changes if change.breaking is breaking]
        if group:
            lines.append(f"{label}:")
            lines += [f"  {c.kind:<{width}}  {c.subject}: {c.detail}" for c in group]
    return "\n".join(lines) + "\n"


def render_json(changes: list[Change], old: str, new: str, extra: Node | None = None) -> str:
    """The report for tools; `extra` adds what a command did besides comparing (e.g. applied)."""
    breaking = sum(change.breaking for change in changes)
    document = {
        "old": old,
        "new": new,
        "breaking": breaking,
        "compatible": len(changes) - breaking,
        "changes": [asdict(change) for change in changes],
        **(extra or {}),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


class _Differ:
    def __init__(
        self, old: Node, new: Node, names: tuple[Names, Names], pairs: dict[OperationKey, OperationKey]
    ) -> None:
        self.old, self.new = old, new
        self.given_pairs = pairs
        self.old_names, self.new_names = names
        self.new_attribute_headers = response_attribute_headers(new)
        old_positions, new_positions = schema_directions(old), schema_directions(new)
        self.positions = {
            name: old_positions.get(name, frozenset()) | new_positions.get(name, frozenset())
            for name in old_positions.keys() | new_positions.keys()
        }
        self.changes: list[Change] = []
        self.matched: list[tuple[OperationKey, OperationKey]] = []  # (old, new) of each operation both have

    def run(self) -> list[Change]:
        self._operations()
        self._component_schemas()
        for kind, subject, detail, pointer in python_name_changes(self.old, self.new, self.matched):
            self.add(kind, subject, detail, True, pointer)
        self._rest()
        if not self.changes and self.old != self.new:
            self._generic(self.old, self.new, "document", "", "document")
        return self.changes

    def add(self, kind: str, subject: str, detail: str, breaking: bool, pointer: str) -> None:
        if kind not in RULES:
            raise ValueError(f"change kind {kind!r} has no rule in generator/evolve/rules.py")
        self.changes.append(Change(kind, subject, detail, breaking, pointer))

    # ----------------------------------------------------------------- operations

    def _operations(self) -> None:
        matched: set[OperationKey] = set()
        for key, old_op in operations(self.old).items():
            new_key = self.given_pairs.get(key) or counterpart(self.new, key, old_op)
            pointer = json_pointer(key.pointer)
            if new_key is None or new_key in matched:
                self.add("operation-removed", str(key), "no longer in the spec", True, pointer)
                continue
            matched.add(new_key)
            self.matched.append((key, new_key))
            if new_key != key:
                self.add("operation-moved", str(key), f"now {new_key}", False, pointer)
            new_op = operations(self.new)[new_key]
            self._operation(old_op, new_op, self.old_names[key], self.new_names[new_key], new_key)
        for key in operations(self.new):
            if key not in matched:
                self.add("operation-added", str(key), "new operation", False, json_pointer(key.pointer))

    def _operation(
        self, old: Node, new: Node, old_names: GeneratedNames, new_names: GeneratedNames, key: OperationKey
    ) -> None:
        label, pointer = str(key), json_pointer(key.pointer)
        if old_names.function != new_names.function:
            self.add("operation-renamed", label, f"{old_names.function} -> {new_names.function}", True, pointer)
        if old_names.command != new_names.command:
            self.add("command-renamed", label, f"{old_names.command} -> {new_names.command}", True, pointer)
        # Several operations have parameters, bodies and responses: each subject names its operation.
        within = new_names.function
        self._parameters(old.get("parameters", []), new.get("parameters", []), within, f"{pointer}/parameters")
        self._request_body(old.get("requestBody"), new.get("requestBody"), within, f"{pointer}/requestBody")
        self._responses(old.get("responses", {}), new.get("responses", {}), within, f"{pointer}/responses")
        handled = {"parameters", "requestBody", "responses"}
        if old_names != new_names:  # the renames cover the keys the names come from
            handled |= {"operationId", OPERATION_NAME_OVERRIDE, METHOD_VERB_OVERRIDE}
        self._generic_keys(old, new, label, pointer, handled)

    def _parameters(self, old: list[Any], new: list[Any], within: str, pointer: str) -> None:
        old_by_key = {_parameter_key(self.old, item): (index, item) for index, item in enumerate(old)}
        new_by_key = {_parameter_key(self.new, item): (index, item) for index, item in enumerate(new)}
        for key in _union(old_by_key, new_by_key):
            subject = f"{within} parameter {key[1]} ({key[0]})"
            if key not in new_by_key:
                self.add("parameter-removed", subject, "no longer accepted", True, f"{pointer}/{old_by_key[key][0]}")
            elif key not in old_by_key:
                index, item = new_by_key[key]
                required = bool(resolved(self.new, item).get("required"))
                detail = "new, required" if required else "new, optional"
                self.add("parameter-added", subject, detail, required, f"{pointer}/{index}")
            else:
                index, item = new_by_key[key]
                self._parameter(old_by_key[key][1], item, subject, f"{pointer}/{index}")
        shared_old = [key for key in old_by_key if key in new_by_key]
        shared_new = [key for key in new_by_key if key in old_by_key]
        if shared_old != shared_new:
            # Path parameters are positional arguments of the generated functions; the rest are keywords.
            positional_changed = [k for k in shared_old if k[0] == "path"] != [k for k in shared_new if k[0] == "path"]
            self.add("other", f"{within} parameters", "order changed", positional_changed, pointer)

    def _parameter(self, old: Node, new: Node, subject: str, pointer: str) -> None:
        if old.get("$ref") != new.get("$ref"):
            self.add("other", subject, f"defined by {new.get('$ref', 'the operation')}", False, pointer)
        old_p, new_p = resolved(self.old, old), resolved(self.new, new)
        if bool(old_p.get("required")) != bool(new_p.get("required")):
            required = bool(new_p.get("required"))
            kind, detail = (
                ("parameter-required", "now required") if required else ("parameter-optional", "now optional")
            )
            self.add(kind, subject, detail, required, f"{pointer}/required")
        self._schema(
            old_p.get("schema", {}), new_p.get("schema", {}), subject, f"{pointer}/schema", frozenset({REQUEST})
        )
        self._generic_keys(old_p, new_p, subject, pointer, {"required", "schema"})

    def _request_body(self, old: Any, new: Any, within: str, pointer: str) -> None:
        if old is None and new is None:
            return
        subject = f"{within} request body"
        old_body, new_body = resolved(self.old, old or {}), resolved(self.new, new or {})
        if bool(old_body.get("required")) != bool(new_body.get("required")):
            required = bool(new_body.get("required"))
            detail = "now required" if required else "now optional"
            self.add("request-body-required", subject, detail, required, pointer)
        self._content(old_body, new_body, subject, pointer, frozenset({REQUEST}))
        self._generic_keys(old_body, new_body, subject, pointer, {"required", "content"})

    def _responses(self, old: Node, new: Node, within: str, pointer: str) -> None:
        for status in _union(old, new):
            subject = f"{within} response {status}"
            at = f"{pointer}/{status}"
            success = str(status).startswith("2")
            if status not in new:
                self.add("response-removed", subject, "no longer documented", success, at)
            elif status not in old:
                self.add("response-added", subject, "newly documented", False, at)
            else:
                self._response(old[status], new[status], subject, at)

    def _response(self, old: Node, new: Node, subject: str, pointer: str) -> None:
        if old.get("$ref") != new.get("$ref"):
            self.add("other", subject, f"defined by {new.get('$ref', 'the operation')}", False, pointer)
        old_r, new_r = resolved(self.old, old), resolved(self.new, new)
        self._content(old_r, new_r, subject, pointer, frozenset({RESPONSE}))
        old_headers, new_headers = old_r.get("headers", {}), new_r.get("headers", {})
        for name in _union(old_headers, new_headers):
            header = f"{subject} header {name}"
            at = f"{pointer}/headers/{escape(name)}"
            if name not in new_headers:
                # Response reads every header some response documents, but those the runtime reads itself.
                gone = name.lower() not in self.new_attribute_headers and name.lower() not in RUNTIME_HEADERS
                self.add("header-removed", header, "no longer sent", gone, at)
            elif name not in old_headers:
                self.add("header-added", header, "newly documented", False, at)
            else:
                old_h, new_h = resolved(self.old, old_headers[name]), resolved(self.new, new_headers[name])
                self._schema(old_h.get("schema", {}), new_h.get("schema", {}), header, at, frozenset({RESPONSE}))
                self._generic_keys(old_h, new_h, header, at, {"schema"})
        self._generic_keys(old_r, new_r, subject, pointer, {"content", "headers", "$ref"})

    def _content(self, old: Node, new: Node, subject: str, pointer: str, where: Directions) -> None:
        old_media, new_media = old.get("content", {}), new.get("content", {})
        for media in _union(old_media, new_media):
            at = f"{pointer}/content/{escape(media)}"
            if media not in new_media:
                self.add("media-type-removed", subject, f"{media} no longer offered", True, at)
            elif media not in old_media:
                self.add("media-type-added", subject, f"{media} now offered", False, at)
            else:
                old_m, new_m = old_media[media], new_media[media]
                self._schema(old_m.get("schema", {}), new_m.get("schema", {}), f"{subject} ({media})", at, where)
                self._generic_keys(old_m, new_m, f"{subject} ({media})", at, {"schema"})

    # ----------------------------------------------------------------- schemas

    def _component_schemas(self) -> None:
        old_schemas, new_schemas = _schemas(self.old), _schemas(self.new)
        for name in sorted(old_schemas.keys() | new_schemas.keys()):
            pointer = json_pointer(("components", "schemas", name))
            if name not in new_schemas:
                self.add("schema-removed", name, "model no longer generated", True, pointer)
            elif name not in old_schemas:
                self.add("schema-added", name, "new model", False, pointer)
            else:
                where = self.positions.get(name) or _BOTH
                self._schema(old_schemas[name], new_schemas[name], name, pointer, where)

    def _schema(
        self,
        old: Node,
        new: Node,
        subject: str,
        pointer: str,
        where: Directions,
        inherited: frozenset[str] = frozenset(),
    ) -> None:
        """`where`: the positions of the schema's parent (readOnly/writeOnly here narrow it)."""
        if old == new:
            return
        inner = narrowed(where, old) | narrowed(where, new)
        self._property_flags(old, new, subject, pointer, where)
        self._properties(old, new, subject, pointer, inner, inherited)
        self._enum(old, new, subject, pointer)
        self._discriminator(old, new, subject, pointer)
        self._compositions(old, new, subject, pointer, inner, inherited)
        for keyword, suffix in (("items", "[]"), ("additionalProperties", "{}")):
            old_sub, new_sub = old.get(keyword), new.get(keyword)
            if isinstance(old_sub, dict) and isinstance(new_sub, dict):
                self._schema(old_sub, new_sub, subject + suffix, f"{pointer}/{keyword}", inner)
        self._facts(old, new, subject, pointer, inner)
        nested = {
            k
            for k in ("items", "additionalProperties")
            if isinstance(old.get(k), dict) and isinstance(new.get(k), dict)
        }
        self._generic_keys(old, new, subject, pointer, _KEYWORDS_WITH_RULES | nested)

    def _property_flags(self, old: Node, new: Node, subject: str, pointer: str, where: Directions) -> None:
        for keyword, kind, breaks_in in (
            ("readOnly", "read-only-changed", REQUEST),
            ("writeOnly", "write-only-changed", RESPONSE),
        ):
            before, after = bool(old.get(keyword)), bool(new.get(keyword))
            if before != after:
                detail = f"now {keyword}" if after else f"no longer {keyword}"
                self.add(kind, subject, detail, after and breaks_in in where, f"{pointer}/{keyword}")

    def _properties(
        self, old: Node, new: Node, subject: str, pointer: str, where: Directions, inherited: frozenset[str]
    ) -> None:
        old_props, new_props = old.get("properties", {}), new.get("properties", {})
        old_required = set(old.get("required", [])) | inherited
        new_required = set(new.get("required", [])) | inherited
        for name in _union(old_props, new_props):
            field = f"{subject}.{name}"
            at = f"{pointer}/properties/{escape(name)}"
            if name not in new_props:
                self.add("field-removed", field, "no longer in the model", True, at)
            elif name not in old_props:
                required = name in new_required
                in_request = REQUEST in narrowed(where, new_props[name])
                detail = "new, required" if required else "new, optional"
                self.add("field-added", field, detail, required and in_request, at)
            else:
                self._schema(old_props[name], new_props[name], field, at, where)
        for name in sorted((new_required - old_required) & old_props.keys() & new_props.keys()):
            field_where = narrowed(where, new_props[name])
            self.add(
                "field-required", f"{subject}.{name}", "now required", REQUEST in field_where, f"{pointer}/required"
            )
        for name in sorted((old_required - new_required) & old_props.keys() & new_props.keys()):
            field_where = narrowed(where, new_props[name])
            self.add(
                "field-optional", f"{subject}.{name}", "now optional", RESPONSE in field_where, f"{pointer}/required"
            )
        # Required names whose property lives elsewhere (an allOf member or a referenced parent);
        # a property added or removed in an inline member is reported there.
        elsewhere = set(new.get("required", [])) ^ set(old.get("required", []))
        elsewhere -= old_props.keys() | new_props.keys() | (_member_properties(old) ^ _member_properties(new))
        for name in sorted(elsewhere):
            became = name in new.get("required", [])
            kind, detail = ("field-required", "now required") if became else ("field-optional", "now optional")
            self.add(
                kind, f"{subject}.{name}", detail, (REQUEST if became else RESPONSE) in where, f"{pointer}/required"
            )

    def _enum(self, old: Node, new: Node, subject: str, pointer: str) -> None:
        old_values, new_values = old.get("enum", []), new.get("enum", [])
        at = f"{pointer}/enum"
        for value in old_values:
            if value not in new_values:
                self.add("enum-value-removed", subject, f"value {value!r} removed", True, at)
        for value in new_values:
            if value not in old_values:
                self.add("enum-value-added", subject, f"value {value!r} added", False, at)
        if old_values != new_values and sorted(map(str, old_values)) == sorted(map(str, new_values)):
            self.add("other", subject, "enum values reordered", False, at)

    def _discriminator(self, old: Node, new: Node, subject: str, pointer: str) -> None:
        old_d, new_d = old.get("discriminator") or {}, new.get("discriminator") or {}
        at = f"{pointer}/discriminator"
        if old_d.get("propertyName") != new_d.get("propertyName"):
            detail = f"discriminator property {old_d.get('propertyName')!r} -> {new_d.get('propertyName')!r}"
            self.add("type-changed", subject, detail, True, at)
        old_map, new_map = old_d.get("mapping", {}), new_d.get("mapping", {})
        for value in _union(old_map, new_map):
            if value not in new_map:
                self.add("subtype-removed", subject, f"{value!r} ({_name(old_map[value])}) removed", True, at)
            elif value not in old_map:
                self.add("subtype-added", subject, f"{value!r} ({_name(new_map[value])}) added", False, at)
            elif old_map[value] != new_map[value]:
                detail = f"{value!r} now {_name(new_map[value])} instead of {_name(old_map[value])}"
                self.add("subtype-changed", subject, detail, True, at)
        self._generic_keys(old_d, new_d, subject, at, {"propertyName", "mapping"})

    def _compositions(
        self, old: Node, new: Node, subject: str, pointer: str, where: Directions, inherited: frozenset[str]
    ) -> None:
        # Members named in a discriminator mapping are reported as subtypes there.
        mapped = set((old.get("discriminator") or {}).get("mapping", {}).values())
        mapped |= set((new.get("discriminator") or {}).get("mapping", {}).values())
        required = inherited | set(new.get("required", []))
        for keyword in _COMPOSITIONS:
            old_members, new_members = old.get(keyword, []), new.get(keyword, [])
            at = f"{pointer}/{keyword}"
            old_refs = [m["$ref"] for m in old_members if "$ref" in m]
            new_refs = [m["$ref"] for m in new_members if "$ref" in m]
            for ref in old_refs:
                if ref not in new_refs and ref not in mapped:
                    self.add("other", subject, f"{keyword} no longer includes {_name(ref)}", True, at)
            for ref in new_refs:
                if ref not in old_refs and ref not in mapped:
                    self.add("other", subject, f"{keyword} now includes {_name(ref)}", False, at)
            old_inline = [m for m in old_members if "$ref" not in m]
            new_inline = [(index, m) for index, m in enumerate(new_members) if "$ref" not in m]
            for old_m, (index, new_m) in zip(old_inline, new_inline, strict=False):
                self._schema(old_m, new_m, subject, f"{at}/{index}", where, frozenset(required))
            for member in old_inline[len(new_inline) :]:
                self.add("other", subject, f"{keyword} member {_as_json(member)} removed", True, at)
            for _, member in new_inline[len(old_inline) :]:
                self.add("other", subject, f"{keyword} member {_as_json(member)} added", False, at)

    def _facts(self, old: Node, new: Node, subject: str, pointer: str, where: Directions) -> None:
        """Single-valued keywords with their own rule in the table."""
        in_request, in_response = REQUEST in where, RESPONSE in where

        def changed(keyword: str) -> bool:
            return old.get(keyword) != new.get(keyword)

        def detail(keyword: str) -> str:
            return f"{keyword} {_as_json(old.get(keyword))} -> {_as_json(new.get(keyword))}"

        for keyword in ("type", "$ref"):
            if changed(keyword):
                self.add("type-changed", subject, detail(keyword), True, f"{pointer}/{keyword}")
        if changed("title"):
            self.add("title-changed", subject, detail("title"), True, f"{pointer}/title")
        if changed("format"):
            typed = {old.get("format"), new.get("format")} & _TYPED_FORMATS
            self.add("format-changed", subject, detail("format"), bool(typed), f"{pointer}/format")
        if bool(old.get("nullable")) != bool(new.get("nullable")):
            nullable = bool(new.get("nullable"))
            breaking = in_response if nullable else in_request
            self.add(
                "nullable-changed",
                subject,
                "now nullable" if nullable else "no longer nullable",
                breaking,
                f"{pointer}/nullable",
            )
        if changed("default"):
            # A model's field starts at its default, which the client sends; a query parameter's default is the
            # server's (generator/spec/fixes.py), so the client sends nothing new.
            breaking = in_request and "/parameters/" not in pointer
            self.add("default-changed", subject, detail("default"), breaking, f"{pointer}/default")
        if changed("pattern"):
            breaking = in_request and new.get("pattern") is not None
            self.add("pattern-changed", subject, detail("pattern"), breaking, f"{pointer}/pattern")
        for keyword in _CHECKED_CONSTRAINTS:
            if changed(keyword):
                breaking = in_request and new.get(keyword) is not None
                self.add("constraint-changed", subject, detail(keyword), breaking, f"{pointer}/{keyword}")

    # ----------------------------------------------------------------- everything else

    def _rest(self) -> None:
        """Top-level facts and components other than schemas (parameters, responses and headers are
        compared where operations use them)."""
        for key in _union(self.old, self.new):
            if key in ("paths", "components"):
                continue
            self._generic(self.old.get(key), self.new.get(key), key, json_pointer((key,)), key)
        old_components, new_components = self.old.get("components", {}), self.new.get("components", {})
        old_schemes = old_components.get("securitySchemes", {})
        new_schemes = new_components.get("securitySchemes", {})
        for name in _union(old_schemes, new_schemes):
            pointer = json_pointer(("components", "securitySchemes", name))
            if name not in new_schemes:
                self.add("other", f"security scheme {name}", "removed", True, pointer)
            else:
                self._generic(old_schemes.get(name), new_schemes[name], f"security scheme {name}", pointer, name)

    def _generic_keys(self, old: Node, new: Node, subject: str, pointer: str, handled: Iterable[str]) -> None:
        skip = set(handled)
        for key in _union(old, new):
            if key not in skip:
                self._generic(old.get(key), new.get(key), subject, f"{pointer}/{escape(str(key))}", str(key))

    def _generic(self, old: Any, new: Any, subject: str, pointer: str, label: str) -> None:
        """Any other fact; mappings are followed down to the entries that differ."""
        if old == new:
            return
        if isinstance(old, dict) and isinstance(new, dict):
            for key in _union(old, new):
                at = f"{pointer}/{escape(str(key))}"
                self._generic(old.get(key), new.get(key), subject, at, f"{label}.{key}")
            return
        self.add("other", subject, f"{label} {_as_json(old)} -> {_as_json(new)}", False, pointer)


# --------------------------------------------------------------------- helpers


def _union(old: dict[Any, Any], new: dict[Any, Any]) -> list[Any]:
    """Keys of both, in a stable order: old's, then those only new has."""
    return [*old, *(key for key in new if key not in old)]


def _member_properties(schema: Node) -> set[str]:
    return {name for member in schema.get("allOf", []) for name in member.get("properties", {})}


def _schemas(doc: Node) -> Node:
    schemas: Node = doc.get("components", {}).get("schemas", {})
    return schemas


def _parameter_key(doc: Node, parameter: Node) -> tuple[str, str]:
    target = resolved(doc, parameter)
    return str(target.get("in", "")), str(target.get("name", parameter.get("$ref", "")))


def _name(ref: str) -> str:
    return str(ref).removeprefix(SCHEMA_PREFIX)


def _as_json(value: Any) -> str:
    """A value as one line of JSON, whole: a cut could hide the very difference reported."""
    if value is None:
        return "(none)"
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
