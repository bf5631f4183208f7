"""Request and response examples synthesized from a spec's facts, the way Atlas's reference pages render them
(the seed page's examples are exactly this rendering of the 2026-01-14 upstream revision):

- a schema's own `example` wins, then its `default`; otherwise a value by type: "string" (or a sample of its
  format), 0 for numbers, true for booleans;
- an enum gives its first value, except that sibling properties with the same list of values take distinct
  values in turn (the reference shows `maxTierSize: SP50` beside `tier: SP30`);
- properties in the schema's order, allOf members merged in order; a oneOf gives its first member, with the
  discriminator property set to that member's mapping value; an array holds one item;
- readOnly properties are left out of requests and writeOnly ones out of responses;
- a subtype whose allOf refers back to its polymorphic parent takes the parent's own properties, not the
  parent's oneOf again (upstream's allOf cycle; our split-out bases hold those properties directly).

A parameter's value (parameter_example) is what a docs example passes for it, so it must pass the client's own
checks: the parameter's `example`, else its schema's `example`, `default` or first enum value; else the value by
type above when the schema allows it ("string" for a name such as `tenantName`, which is also the name the
request examples give a new workspace); else a value made to fit: a string that the `pattern` matches
(pattern_sample.py), a number moved inside `minimum`/`maximum` and onto `multipleOf`, as many array items as
`minItems` asks. None where no value follows (a pattern too rich to sample, lengths it cannot meet): lint then
asks for an example.
"""

from __future__ import annotations

import copy
import math
import re
from typing import Any, Literal

from generator.spec.pattern_sample import sample_matching
from generator.spec.pointers import Pointer, follow_refs, node_at, resolve_pointer, resolved
from generator.spec.vocabulary import SCHEMA_PREFIX, operations

Direction = Literal["request", "response"]

_FORMAT_SAMPLES = {
    "date-time": "2019-08-24T14:15:22Z",
    "date": "2019-08-24",
    "email": "user@example.com",
    "uri": "https://cloud.mongodb.com/api/atlas",
    "uuid": "095be615-a8ad-4c33-8e9c-c7612fbf6c9f",
}
_TYPE_SAMPLES: dict[str, Any] = {"string": "string", "integer": 0, "number": 0, "boolean": True}


def parameter_example(data: dict[str, Any], parameter: dict[str, Any]) -> Any:
    """The value examples pass for `parameter` (a parameter object of `data`, references followed), or None when
    none follows from its schema (see the module's docstring)."""
    if "example" in parameter:
        return copy.deepcopy(parameter["example"])
    return _fitting_value(data, resolved(data, parameter.get("schema", {})))


def _fitting_value(data: dict[str, Any], schema: dict[str, Any]) -> Any:
    for key in ("example", "default"):
        if key in schema:
            return copy.deepcopy(schema[key])
    if schema.get("enum"):
        return schema["enum"][0]
    kind = schema.get("type")
    if kind in ("integer", "number"):
        return _fitting_number(schema)
    if kind == "array":
        item = _fitting_value(data, resolved(data, schema.get("items", {})))
        return None if item is None else [item] * max(int(schema.get("minItems", 1)), 1)
    if kind in ("string", None) and not {"properties", "allOf", "oneOf", "anyOf"} & set(schema):
        return _fitting_string(schema)
    return synthesize(data, schema, "request")


def _fitting_string(schema: dict[str, Any]) -> str | None:
    """The format's sample or "string" (cut or repeated to a length in bounds, when there is no format); else
    a sample of the pattern."""
    typical = _FORMAT_SAMPLES.get(str(schema.get("format")), _TYPE_SAMPLES["string"])
    least, most = int(schema.get("minLength", 0)), schema.get("maxLength")
    length = max(least, len(typical) if most is None else min(len(typical), int(most)))
    candidates = [typical if "format" in schema else (typical * (length // len(typical) + 1))[:length]]
    if "pattern" in schema:
        candidates.append(sample_matching(str(schema["pattern"])))
    return next((text for text in candidates if text is not None and _fits_string(text, schema)), None)


def _fits_string(text: str, schema: dict[str, Any]) -> bool:
    if not int(schema.get("minLength", 0)) <= len(text) <= int(schema.get("maxLength", len(text))):
        return False
    return "pattern" not in schema or re.search(str(schema["pattern"]), text) is not None


def _fitting_number(schema: dict[str, Any]) -> int | float | None:
    """0 when allowed; else the bound it lies beyond (past it, when exclusive), on the next multipleOf."""
    candidates = [0]
    if "minimum" in schema:
        candidates.append(schema["minimum"] + (1 if schema.get("exclusiveMinimum") else 0))
    if "maximum" in schema:
        candidates.append(schema["maximum"] - (1 if schema.get("exclusiveMaximum") else 0))
    step = schema.get("multipleOf")
    for candidate in candidates:
        value = math.ceil(candidate / step) * step if step else candidate
        if schema.get("type") == "integer" and value != int(value):
            continue
        if _fits_number(value, schema):
            return int(value) if schema.get("type") == "integer" else value
    return None


def _fits_number(value: float, schema: dict[str, Any]) -> bool:
    low, high = schema.get("minimum"), schema.get("maximum")
    above = low is None or value > low or (value == low and not schema.get("exclusiveMinimum"))
    below = high is None or value < high or (value == high and not schema.get("exclusiveMaximum"))
    return above and below


class _Left:
    """A property the direction leaves out (readOnly in a request, writeOnly in a response)."""


_LEFT_OUT = _Left()


def synthesize(data: dict[str, Any], schema: dict[str, Any], direction: Direction) -> Any:
    """The example of `schema` (a node of `data`, usually a media type's schema) for a request or response."""
    value = _Synthesizer(data, direction).sample(schema, (), whole_body=True)
    return None if value is _LEFT_OUT else value


class _Synthesizer:
    def __init__(self, data: dict[str, Any], direction: Direction) -> None:
        self.data = data
        self.hidden = "readOnly" if direction == "request" else "writeOnly"

    def sample(self, schema: dict[str, Any], rendering: tuple[str, ...], whole_body: bool = False) -> Any:
        """`rendering`: the component schemas being rendered, outermost first (to cut cycles). readOnly and
        writeOnly leave out a property, never a `whole_body` (upstream marks some schemas readOnly as a whole,
        StreamsConnection among them, and still sends them as request bodies)."""
        if schema.get(self.hidden) is True and not whole_body:
            return _LEFT_OUT
        resolved, rendering, as_base = self._resolved(schema, rendering)
        if resolved is None or (resolved.get(self.hidden) is True and not whole_body):
            return _LEFT_OUT
        schema = resolved
        if "example" in schema:
            return copy.deepcopy(schema["example"])
        if "default" in schema:
            return copy.deepcopy(schema["default"])
        if "oneOf" in schema and not as_base:
            return self._one_of(schema, rendering)
        if "anyOf" in schema and not as_base:
            return self.sample(schema["anyOf"][0], rendering)
        if "allOf" in schema or "properties" in schema or schema.get("type") == "object":
            return self._object(schema, rendering)
        if "enum" in schema:
            return schema["enum"][0]
        if schema.get("type") == "array":
            item = self.sample(schema.get("items", {}), rendering)
            return [] if item is _LEFT_OUT else [item]
        if schema.get("type") == "string" and schema.get("format") in _FORMAT_SAMPLES:
            return _FORMAT_SAMPLES[schema["format"]]
        return _TYPE_SAMPLES.get(str(schema.get("type")), "string")

    def _resolved(
        self, schema: dict[str, Any], rendering: tuple[str, ...]
    ) -> tuple[dict[str, Any] | None, tuple[str, ...], bool]:
        """The schema behind a `$ref`, the rendering stack with it, and whether it is a parent reached again
        through a subtype's allOf (rendered as a base: its own properties, not its oneOf)."""
        ref = schema.get("$ref")
        if not isinstance(ref, str):
            return schema, rendering, False
        name = ref.removeprefix(SCHEMA_PREFIX)
        target: dict[str, Any] = resolve_pointer(self.data, ref)
        if name in rendering:
            return (target, rendering, True) if "oneOf" in target else (None, rendering, False)
        return target, (*rendering, name), False

    def _one_of(self, schema: dict[str, Any], rendering: tuple[str, ...]) -> Any:
        member = schema["oneOf"][0]
        value = self.sample(member, rendering)
        discriminator = schema.get("discriminator", {})
        tags = [tag for tag, ref in discriminator.get("mapping", {}).items() if ref == member.get("$ref")]
        if tags and isinstance(value, dict):
            value[discriminator["propertyName"]] = tags[0]
        return value

    def _object(self, schema: dict[str, Any], rendering: tuple[str, ...]) -> dict[str, Any]:
        value: dict[str, Any] = {}
        for member in schema.get("allOf", []):
            merged = self.sample(member, rendering)
            if isinstance(merged, dict):
                value.update(merged)
        taken: dict[tuple[str, ...], set[Any]] = {}
        for name, prop in schema.get("properties", {}).items():
            sample = self._property(prop, rendering, taken)
            if sample is not _LEFT_OUT:
                value[name] = sample
        return value

    def _property(self, prop: dict[str, Any], rendering: tuple[str, ...], taken: dict[Any, set[Any]]) -> Any:
        target = self._resolved(prop, rendering)[0] or {}
        values = target.get("enum")
        if not values or {"example", "default"} & set(target):
            return self.sample(prop, rendering)
        if True in (prop.get(self.hidden), target.get(self.hidden)):
            return _LEFT_OUT
        key = tuple(map(repr, values))
        used = taken.setdefault(key, set())
        choice = next((value for value in values if repr(value) not in used), values[0])
        used.add(repr(choice))
        return choice


def synthesized_media(data: dict[str, Any]) -> list[tuple[Pointer, Direction]]:
    """Where the spec keeps examples that follow its facts: the media types (with a schema) of every
    operation's request body and success responses, each where it is written (through `$ref`s), once."""
    return [(pointer, direction) for pointer, direction in body_media(data) if "schema" in node_at(data, pointer)]


def body_media(data: dict[str, Any]) -> list[tuple[Pointer, Direction]]:
    """The media types of every operation's request body and success responses, with a schema or without (as a
    202 without a body), each where it is written (through `$ref`s), once."""
    found: list[tuple[Pointer, Direction]] = []
    for key, operation in operations(data).items():
        bodies: list[tuple[Pointer, Direction]] = []
        if "requestBody" in operation:
            bodies.append(((*key.pointer, "requestBody"), "request"))
        for status in operation.get("responses", {}):
            if str(status).startswith("2"):
                bodies.append(((*key.pointer, "responses", status), "response"))
        for pointer, direction in bodies:
            where, body = follow_refs(data, pointer)
            for media_type, media in body.get("content", {}).items():
                place = ((*where, "content", media_type), direction)
                if isinstance(media, dict) and place not in found:
                    found.append(place)
    return found
