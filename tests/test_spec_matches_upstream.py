"""The curated spec (spec/streams.yaml) carries upstream's facts exactly.

Upstream is the mechanical extract ../shared/upstream/create-stream-workspace.fragment.yaml
and the documented examples of ../shared/seed/000_4abf22f1c158eb72.txt. Prose is ours:
descriptions are compared only to prove that they were rewritten.

Without ../shared (a user's own clone) these tests skip; with CI=true they fail instead.
"""

from __future__ import annotations

import copy
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

REPO_ROOT = Path(__file__).resolve().parent.parent
CURATED_PATH = REPO_ROOT / "spec" / "streams.yaml"
SHARED = REPO_ROOT.parent / "shared"
UPSTREAM_PATH = SHARED / "upstream" / "create-stream-workspace.fragment.yaml"
SEED_PATH = SHARED / "seed" / "000_4abf22f1c158eb72.txt"

SCHEMA_PREFIX = "#/components/schemas/"
SPLIT_MARKER = "x-codegen-split-from"
# allOf member added to keep a subtype from being collapsed into its base.
PADDING_MEMBER = {"type": "object", "properties": {}}
# Keys a split-out base schema may carry; anything else would be a fact the
# un-reshape below silently drops.
BASE_KEYS = {"description", "properties", "required", "type", SPLIT_MARKER}

REQUEST_MEDIA = (
    "paths",
    "/api/atlas/v2/groups/{groupId}/streams",
    "post",
    "requestBody",
    "content",
    "application/vnd.atlas.2023-02-01+json",
)
OK_MEDIA = (
    "paths",
    "/api/atlas/v2/groups/{groupId}/streams",
    "post",
    "responses",
    "200",
    "content",
    "application/vnd.atlas.2023-02-01+json",
)
ERROR_RESPONSES = {
    "400": "badRequest",
    "401": "unauthorized",
    "403": "forbidden",
    "404": "notFound",
    "500": "internalServerError",
}

# Facts upstream gets wrong and the curated spec corrects (each marked "# curated:" there):
# location -> upstream's value, which undo_reshape puts back before comparing.
CORRECTED_FACTS: dict[tuple[str, ...], Any] = {
    # `type: object` beside a oneOf of string enums: no value is valid (lint rejects the examples).
    ("components", "schemas", "BaseStreamsRegion", "type"): "object",
}

Path_ = tuple[Any, ...]


# --------------------------------------------------------------------------- loading


def _shared_file(path: Path) -> Path:
    if path.is_file():
        return path
    folder = path.parent.relative_to(SHARED.parent)
    reason = f"../{folder} not present: {path} is missing (run inside the project workspace)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI=true, so this must not be skipped")
    pytest.skip(reason)


def _load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return YAML(typ="safe").load(handle)


@pytest.fixture(scope="module")
def upstream() -> dict:
    return _load_yaml(_shared_file(UPSTREAM_PATH))


@pytest.fixture(scope="module")
def curated() -> dict:
    return _load_yaml(CURATED_PATH)


@pytest.fixture(scope="module")
def curated_unreshaped(curated: dict) -> dict:
    return undo_reshape(curated)


@pytest.fixture(scope="module")
def seed_examples() -> dict[str, Any]:
    return parse_seed_examples(_shared_file(SEED_PATH).read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- helpers


def walk(node: Any, path: Path_ = (), in_properties: bool = False):
    """Yield (path, key, value, in_properties) for every mapping entry.

    ``in_properties`` is true when the mapping is a schema's ``properties`` map,
    whose keys are property names (FieldViolation has a property called
    ``description``), not OpenAPI keywords.
    """
    if isinstance(node, dict):
        for key, value in node.items():
            yield path, key, value, in_properties
            yield from walk(value, path + (key,), key == "properties" and not in_properties)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, path + (index,), False)


def is_prose(key: Any, value: Any, in_properties: bool) -> bool:
    return not in_properties and key == "description" and isinstance(value, str)


def is_example(key: Any, in_properties: bool) -> bool:
    return not in_properties and key in ("example", "examples")


def is_ours(key: Any, in_properties: bool) -> bool:
    """Our own `x-codegen-*` extensions (generator settings such as CLI options), not upstream facts;
    the split-from marker is handled by undo_reshape."""
    return not in_properties and isinstance(key, str) and key.startswith("x-codegen-") and key != SPLIT_MARKER


def strip_prose(node: Any, in_properties: bool = False) -> Any:
    """Drop descriptions (incl. externalDocs.description) and examples, keep facts."""
    if isinstance(node, dict):
        return {
            key: strip_prose(value, key == "properties" and not in_properties)
            for key, value in node.items()
            if not is_prose(key, value, in_properties)
            and not is_example(key, in_properties)
            and not is_ours(key, in_properties)
        }
    if isinstance(node, list):
        return [strip_prose(value) for value in node]
    return node


def normalise(doc: dict) -> dict:
    doc = strip_prose(doc)
    doc.pop("info", None)
    return doc


def references(node: Any) -> set[str]:
    return {value for _, key, value, _ in walk(node) if key == "$ref"}


def undo_reshape(doc: dict) -> dict:
    """Turn the curated cycle-free layout back into upstream's cyclic one, corrected facts undone.

    For every schema marked ``x-codegen-split-from: P``: its properties/required go
    back into P, allOf references to it point at P again, padding members are
    dropped and the base schema is deleted.
    """
    doc = copy.deepcopy(doc)
    for location, upstream_value in CORRECTED_FACTS.items():
        assert location[-1] not in at(doc, location[:-1]), f"{location} is corrected, so the curated spec lacks it"
        at(doc, location[:-1])[location[-1]] = upstream_value
    schemas = doc["components"]["schemas"]
    bases = {name: body[SPLIT_MARKER] for name, body in schemas.items() if SPLIT_MARKER in body}
    for base_name, parent_name in bases.items():
        base = schemas.pop(base_name)
        extra = set(base) - BASE_KEYS
        assert not extra, f"base schema {base_name} carries keys the un-reshape would lose: {extra}"
        assert base.get("type") == "object", f"base schema {base_name} must be type: object"
        parent = schemas[parent_name]
        for key in ("properties", "required"):
            if key in base:
                assert key not in parent, f"{parent_name} still has {key} although {base_name} holds them"
                parent[key] = base[key]
        base_ref = {"$ref": SCHEMA_PREFIX + base_name}
        parent_ref = {"$ref": SCHEMA_PREFIX + parent_name}
        for body in schemas.values():
            members = body.get("allOf")
            if members and base_ref in members:
                body["allOf"] = [parent_ref if m == base_ref else m for m in members if m != PADDING_MEMBER]
        leftover = SCHEMA_PREFIX + base_name
        assert leftover not in references(doc), f"{leftover} is referenced outside an allOf"
    return doc


def differences(upstream: Any, curated: Any, path: str) -> list[str]:
    """Readable list of every place where the two trees differ."""
    if isinstance(upstream, dict) and isinstance(curated, dict):
        found = []
        for key in upstream.keys() - curated.keys():
            found.append(f"{path}/{key}: missing in curated (upstream: {upstream[key]!r})")
        for key in curated.keys() - upstream.keys():
            found.append(f"{path}/{key}: not in upstream (curated: {curated[key]!r})")
        for key in upstream.keys() & curated.keys():
            found += differences(upstream[key], curated[key], f"{path}/{key}")
        return found
    if isinstance(upstream, list) and isinstance(curated, list) and len(upstream) == len(curated):
        found = []
        for index, (up, cu) in enumerate(zip(upstream, curated, strict=True)):
            found += differences(up, cu, f"{path}[{index}]")
        return found
    if type(upstream) is not type(curated) or upstream != curated:
        return [f"{path}: upstream {upstream!r} != curated {curated!r}"]
    return []


def descriptions(doc: dict) -> dict[Path_, str]:
    return {path + (key,): value for path, key, value, in_props in walk(doc) if is_prose(key, value, in_props)}


def examples(doc: dict) -> dict[Path_, Any]:
    return {path + (key,): value for path, key, value, in_props in walk(doc) if is_example(key, in_props)}


def at(doc: Any, path: Path_) -> Any:
    for key in path:
        doc = doc[key]
    return doc


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(".").casefold()


def sentences(text: str) -> list[str]:
    return [squash(s) for s in re.split(r"(?<=[.!?])\s+", text) if len(squash(s)) > 25]


def parse_seed_examples(text: str) -> dict[str, Any]:
    """JSON blocks after "요청 예시" (request) and "응답 예시(NNN)" (responses)."""
    decoder = json.JSONDecoder()
    found: dict[str, Any] = {}
    for match in re.finditer(r"요청 예시|응답 예시\((\d{3})\)", text):
        start = text.index("{", match.end())
        value, _ = decoder.raw_decode(text, start)
        found[match.group(1) or "request"] = value
    return found


def ordered(value: Any) -> str:
    """Serialisation that keeps key order, so equality also checks the order."""
    return json.dumps(value, ensure_ascii=False, indent=1)


# --------------------------------------------------------------------------- facts


def test_facts_match_upstream_after_undoing_the_reshape(upstream, curated_unreshaped):
    up, cu = normalise(upstream), normalise(curated_unreshaped)
    found = differences(
        {k: v for k, v in up.items() if k != "components"},
        {k: v for k, v in cu.items() if k != "components"},
        "",
    )
    sections = up.get("components", {}).keys() | cu.get("components", {}).keys()
    for section in sorted(sections):
        up_section = up["components"].get(section, {})
        cu_section = cu["components"].get(section, {})
        for name in sorted(up_section.keys() | cu_section.keys()):
            if name not in cu_section:
                found.append(f"/components/{section}/{name}: missing in curated")
            elif name not in up_section:
                found.append(f"/components/{section}/{name}: not in upstream")
            else:
                found += differences(up_section[name], cu_section[name], f"/components/{section}/{name}")
    assert not found, "curated spec deviates from upstream facts:\n" + "\n".join(sorted(found))


def test_reshape_is_limited_to_the_two_cycles(curated):
    schemas = curated["components"]["schemas"]
    bases = {name: body[SPLIT_MARKER] for name, body in schemas.items() if SPLIT_MARKER in body}
    assert bases == {
        "StreamsConnectionBase": "StreamsConnection",
        "SchemaRegistryAuthenticationBase": "SchemaRegistryAuthentication",
    }
    for base_name, parent_name in bases.items():
        assert "properties" not in schemas[parent_name], parent_name
        for member in schemas[parent_name]["oneOf"]:
            child = schemas[member["$ref"].removeprefix(SCHEMA_PREFIX)]
            assert child["allOf"][0] == {"$ref": SCHEMA_PREFIX + base_name}, member["$ref"]
            assert len(child["allOf"]) == 2, f"{member['$ref']} needs its own allOf member"


def test_curated_spec_has_no_allof_cycle(curated):
    schemas = curated["components"]["schemas"]

    def parents(name: str) -> list[str]:
        return [m["$ref"].removeprefix(SCHEMA_PREFIX) for m in schemas[name].get("allOf", []) if "$ref" in m]

    for start in schemas:
        seen, todo = set(), parents(start)
        while todo:
            name = todo.pop()
            assert name != start, f"allOf cycle through {start}"
            if name not in seen:
                seen.add(name)
                todo += parents(name)


def test_schema_names_are_sorted(curated):
    names = list(curated["components"]["schemas"])
    assert names == sorted(names)


def test_key_order_follows_upstream(upstream, curated):
    """Where a mapping exists on both sides, shared keys keep upstream's order."""
    upstream_maps = {path + (key,): value for path, key, value, _ in walk(upstream) if isinstance(value, dict)}
    found = []
    for path, key, value, _in_props in walk(curated):
        location = path + (key,)
        if not isinstance(value, dict) or location not in upstream_maps:
            continue
        if location[0] == "info" or any(part in ("example", "examples") for part in location):
            continue  # info is ours; examples follow the seed page
        shared = [k for k in value if k in upstream_maps[location]]
        expected = [k for k in upstream_maps[location] if k in value]
        if shared != expected:
            found.append(f"{'/'.join(map(str, location))}: {shared} != {expected}")
    assert not found, "key order differs:\n" + "\n".join(found)


def test_info_keeps_license_version_and_upstream_revision(upstream, curated):
    info = curated["info"]
    assert info["title"] == "MongoDB Atlas Streams: Create One Stream Workspace"
    assert info["version"] == upstream["info"]["version"] == "2.0"
    assert info["license"] == upstream["info"]["license"]
    assert info["x-xgen-sha"] == upstream["info"]["x-xgen-sha"]
    assert "atlas-streams-codegen" in info["description"]


# --------------------------------------------------------------------------- examples


def test_request_example_matches_seed(curated, seed_examples):
    assert ordered(at(curated, REQUEST_MEDIA)["example"]) == ordered(seed_examples["request"])


def test_200_example_matches_seed(curated, seed_examples):
    assert ordered(at(curated, OK_MEDIA)["example"]) == ordered(seed_examples["200"])


@pytest.mark.parametrize("status", sorted(ERROR_RESPONSES))
def test_error_example_matches_seed(curated, seed_examples, status):
    response = curated["components"]["responses"][ERROR_RESPONSES[status]]
    assert ordered(response["content"]["application/json"]["example"]) == ordered(seed_examples[status])


def test_seed_has_exactly_the_expected_examples(seed_examples):
    assert set(seed_examples) == {"request", "200", *ERROR_RESPONSES}


def test_upstream_example_values_carry_over(upstream, curated_unreshaped):
    """Every example upstream has (schemas, parameters, 429, ...) is kept with equal values;
    the only new ones are the seed's request and 200 examples."""
    up, cu = examples(upstream), examples(curated_unreshaped)
    changed = {p: (up[p], cu.get(p)) for p in up if cu.get(p) != up[p]}
    assert not changed, changed
    assert set(cu) - set(up) == {REQUEST_MEDIA + ("example",), OK_MEDIA + ("example",)}


# --------------------------------------------------------------------------- prose


def test_every_upstream_description_has_a_curated_counterpart(upstream, curated_unreshaped):
    up, cu = descriptions(upstream), descriptions(curated_unreshaped)
    missing = sorted("/".join(map(str, p)) for p in up.keys() - cu.keys())
    extra = sorted("/".join(map(str, p)) for p in cu.keys() - up.keys())
    assert not missing and not extra, f"missing: {missing}\nextra: {extra}"
    assert all(text.strip() for text in cu.values())


def test_no_curated_description_equals_its_upstream_counterpart(upstream, curated_unreshaped):
    up, cu = descriptions(upstream), descriptions(curated_unreshaped)
    copied = sorted("/".join(map(str, p)) for p in up.keys() & cu.keys() if squash(up[p]) == squash(cu[p]))
    assert not copied, "descriptions copied from upstream:\n" + "\n".join(copied)


def test_no_curated_description_reuses_an_upstream_sentence(upstream, curated):
    upstream_sentences = {s for text in descriptions(upstream).values() for s in sentences(text)}
    reused = sorted(
        f"{'/'.join(map(str, p))}: {s!r}"
        for p, text in descriptions(curated).items()
        for s in sentences(text)
        if s in upstream_sentences
    )
    assert not reused, "upstream sentences found in curated descriptions:\n" + "\n".join(reused)
