"""The curated spec (spec/streams.yaml) carries upstream's facts exactly.

Upstream is what `upstream-diff` compares with: every operation of ours and what it reaches, extracted from
today's full spec ../shared/upstream/atlas-admin-v2.multi-version.yaml, and the documented error examples of
the seed page. Prose is ours: descriptions are compared only
to prove that they were rewritten. The request and success examples follow the facts
(tests/test_examples.py).

These tests pin today's facts, so they carry the `committed_spec` marker. Without ../shared (a
user's own clone) they skip; with CI=true they fail instead.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from support import SPEC_PATH
from support.seed import seed_examples as seed_examples_of_the_page
from support.shared_files import CURRENT_UPSTREAM, shared_file

from generator.evolve.api_diff import diff_specs, render_text
from generator.evolve.normal_form import entries, is_example, is_prose, normal_form
from generator.evolve.upstream import extract, load_upstream, pair_operations
from generator.spec.cycle_split import split_bases, undo_split
from generator.spec.plain_yaml import load_plain
from generator.spec.pointers import resolved
from generator.spec.vocabulary import CHANGELOG, SCHEMA_PREFIX, operations

ERROR_RESPONSES = {
    "400": "badRequest",
    "401": "unauthorized",
    "403": "forbidden",
    "404": "notFound",
    "500": "internalServerError",
}

Path_ = tuple[Any, ...]

pytestmark = pytest.mark.committed_spec


# --------------------------------------------------------------------------- loading


@pytest.fixture(scope="module")
def curated() -> dict[str, Any]:
    data: dict[str, Any] = load_plain(SPEC_PATH)
    return data


@pytest.fixture(scope="module")
def upstream(curated: dict[str, Any]) -> dict[str, Any]:
    """Upstream's counterparts of our operations and what they reach, as `upstream-diff` extracts them."""
    path = shared_file(CURRENT_UPSTREAM)
    full = load_upstream(path)
    return extract(full, list(pair_operations(curated, full, [], path).values()), path)


@pytest.fixture(scope="module")
def curated_unreshaped(curated: dict[str, Any]) -> dict[str, Any]:
    return undo_split(curated)


@pytest.fixture(scope="module")
def seed_examples() -> dict[str, Any]:
    return seed_examples_of_the_page()


# --------------------------------------------------------------------------- helpers


def descriptions(doc: dict[str, Any]) -> dict[Path_, str]:
    """Every text that is prose: descriptions, and the texts of operations' changelogs (their dates are facts)."""
    return {
        path + (key,): value
        for path, key, value, in_props in entries(doc)
        if is_prose(key, value, in_props) or (path[-1:] == (CHANGELOG,) and isinstance(value, str))
    }


def examples(doc: dict[str, Any]) -> dict[Path_, Any]:
    return {path + (key,): value for path, key, value, in_props in entries(doc) if is_example(key, in_props)}


def at(doc: Any, path: Path_) -> Any:
    for key in path:
        doc = doc[key]
    return doc


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(".").casefold()


def sentences(text: str) -> list[str]:
    return [squash(s) for s in re.split(r"(?<=[.!?])\s+", text) if len(squash(s)) > 25]


def ordered(value: Any) -> str:
    """Serialisation that keeps key order, so equality also checks the order."""
    return json.dumps(value, ensure_ascii=False, indent=1)


# --------------------------------------------------------------------------- facts


def test_facts_match_upstream_after_undoing_the_reshape(upstream: dict[str, Any], curated: dict[str, Any]) -> None:
    changes = diff_specs(normal_form(upstream), normal_form(curated))

    assert not changes, render_text(changes, "curated spec deviates from upstream facts")


def test_reshape_is_limited_to_the_two_cycles(curated: dict[str, Any]) -> None:
    schemas = curated["components"]["schemas"]
    bases = split_bases(curated)
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


def test_curated_spec_has_no_allof_cycle(curated: dict[str, Any]) -> None:
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


def test_schema_names_are_sorted(curated: dict[str, Any]) -> None:
    names = list(curated["components"]["schemas"])
    assert names == sorted(names)


def test_key_order_follows_upstream(upstream: dict[str, Any], curated: dict[str, Any]) -> None:
    """Where a mapping exists on both sides, shared keys keep upstream's order."""
    upstream_maps = {path + (key,): value for path, key, value, _ in entries(upstream) if isinstance(value, dict)}
    found = []
    for path, key, value, _in_props in entries(curated):
        location = path + (key,)
        if not isinstance(value, dict) or location not in upstream_maps:
            continue
        if location[0] == "info" or any(part in ("example", "examples") for part in location):
            continue  # info is ours; examples are synthesized or the seed page's
        shared = [k for k in value if k in upstream_maps[location]]
        expected = [k for k in upstream_maps[location] if k in value]
        if shared != expected:
            found.append(f"{'/'.join(map(str, location))}: {shared} != {expected}")
    assert not found, "key order differs:\n" + "\n".join(found)


def test_info_keeps_license_version_and_upstream_revision(upstream: dict[str, Any], curated: dict[str, Any]) -> None:
    info = curated["info"]
    assert info["title"] == "MongoDB Atlas Streams: Stream Workspaces"
    assert info["version"] == upstream["info"]["version"] == "2.0"
    assert info["license"] == upstream["info"]["license"]
    assert info["x-xgen-sha"] == upstream["info"]["x-xgen-sha"]
    assert "atlas-streams-codegen" in info["description"]


# --------------------------------------------------------------------------- examples


@pytest.mark.parametrize("status", sorted(ERROR_RESPONSES))
def test_error_example_matches_seed(curated: dict[str, Any], seed_examples: dict[str, Any], status: str) -> None:
    response = curated["components"]["responses"][ERROR_RESPONSES[status]]
    assert ordered(response["content"]["application/json"]["example"]) == ordered(seed_examples[status])


def test_seed_has_exactly_the_expected_examples(seed_examples: dict[str, Any]) -> None:
    assert set(seed_examples) == {"request", "200", *ERROR_RESPONSES}


def test_upstream_example_values_carry_over(upstream: dict[str, Any], curated_unreshaped: dict[str, Any]) -> None:
    """Every example upstream has (schemas, parameters, 429, ...) is kept with equal values;
    the only new ones are the synthesized request and success examples of each operation."""
    up, cu = examples(upstream), examples(curated_unreshaped)
    changed = {p: (up[p], cu.get(p)) for p in up if cu.get(p) != up[p]}
    assert not changed, changed
    assert set(cu) - set(up) == synthesized_examples(curated_unreshaped)


def synthesized_examples(data: dict[str, Any]) -> set[Path_]:
    """Where each operation's request body and 2xx bodies with a schema document their example."""
    found: set[Path_] = set()
    for key, operation in operations(data).items():
        at_body = ("paths", key.path, key.method, "requestBody", "content")
        for media_type, media in resolved(data, operation.get("requestBody", {})).get("content", {}).items():
            found |= {(*at_body, media_type, "example")} if "schema" in media else set()
        for status, response in operation["responses"].items():
            at_response = ("paths", key.path, key.method, "responses", status, "content")
            if str(status).startswith("2"):
                found |= {
                    (*at_response, mt, "example") for mt, m in response.get("content", {}).items() if "schema" in m
                }
    return found


# --------------------------------------------------------------------------- prose


def test_every_upstream_description_has_a_curated_counterpart(
    upstream: dict[str, Any], curated_unreshaped: dict[str, Any]
) -> None:
    up, cu = descriptions(upstream), descriptions(curated_unreshaped)
    missing = sorted("/".join(map(str, p)) for p in up.keys() - cu.keys())
    extra = sorted("/".join(map(str, p)) for p in cu.keys() - up.keys())
    assert not missing and not extra, f"missing: {missing}\nextra: {extra}"
    assert all(text.strip() for text in cu.values())


def test_no_curated_description_equals_its_upstream_counterpart(
    upstream: dict[str, Any], curated_unreshaped: dict[str, Any]
) -> None:
    up, cu = descriptions(upstream), descriptions(curated_unreshaped)
    copied = sorted("/".join(map(str, p)) for p in up.keys() & cu.keys() if squash(up[p]) == squash(cu[p]))
    assert not copied, "descriptions copied from upstream:\n" + "\n".join(copied)


def test_no_curated_description_reuses_an_upstream_sentence(upstream: dict[str, Any], curated: dict[str, Any]) -> None:
    upstream_sentences = {s for text in descriptions(upstream).values() for s in sentences(text)}
    reused = sorted(
        f"{'/'.join(map(str, p))}: {s!r}"
        for p, text in descriptions(curated).items()
        for s in sentences(text)
        if s in upstream_sentences
    )
    assert not reused, "upstream sentences found in curated descriptions:\n" + "\n".join(reused)
