"""Positions for findings come from libyaml's events and agree, node for node, with ruamel.yaml's round-trip
tree, which placed them before: on every YAML file we keep, on upstream's fragments, and on any document."""

from __future__ import annotations

import glob
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from support import ROOT

from generator.spec.loading import load_spec, round_trip_yaml
from generator.spec.pointers import Pointer
from generator.spec.positions import Inner, position_at, positions_from_events, positions_from_tree

OUR_YAML = sorted(
    path for path in glob.glob("**/*.yaml", root_dir=ROOT, recursive=True) if not path.startswith((".venv", "tests/"))
)


def every_position(inner: Inner, pointer: Pointer = ()) -> dict[Pointer, tuple[int, int]]:
    """Each reachable pointer and its position (a shared alias is visited once per place it is used)."""
    entries = inner.items() if isinstance(inner, dict) else enumerate(inner) if isinstance(inner, list) else ()
    found: dict[Pointer, tuple[int, int]] = {}
    for part, placed in entries:
        found[(*pointer, part)] = (placed.line, placed.column)
        found.update(every_position(placed.inner, (*pointer, part)))
    return found


def agree(text: str) -> None:
    assert every_position(positions_from_events(text)) == every_position(
        positions_from_tree(round_trip_yaml().load(text))
    )


@pytest.mark.parametrize("path", OUR_YAML)
def test_every_node_of_our_yaml_files_sits_where_the_round_trip_tree_places_it(path: str) -> None:
    agree((ROOT / path).read_text(encoding="utf-8"))


def test_every_node_of_upstreams_fragment_sits_where_the_round_trip_tree_places_it() -> None:
    fragments = sorted(Path(ROOT.parent / "shared/upstream").glob("*.fragment.yaml"))
    if not fragments:
        pytest.skip("../shared/upstream holds no fragment")
    for fragment in fragments:
        agree(fragment.read_text(encoding="utf-8"))


# libyaml also breaks lines at U+0085, U+2028 and U+2029 (YAML 1.1), ruamel.yaml not (YAML 1.2), so on a line
# after one inside a quoted text the two count differently; editors count as ruamel.yaml does.
TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x85\u2028\u2029"), max_size=12)
KEYS = st.one_of(TEXT.filter(bool), st.integers(-5, 300), st.booleans())
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), TEXT, st.floats(allow_nan=False))
DOCUMENTS = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4)),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(KEYS, DOCUMENTS, min_size=1, max_size=4), st.sampled_from([False, True, None]))
def test_any_document_block_or_flow_places_every_node_as_the_round_trip_tree_does(
    document: dict[Any, Any], flow: bool | None
) -> None:
    agree(yaml.safe_dump(document, default_flow_style=flow, allow_unicode=True, width=1_000))


def test_a_key_yaml_reads_as_a_number_is_found_by_its_json_text() -> None:
    positions = positions_from_events("responses:\n  200:\n    description: ok\n  true: x\n")

    assert position_at(positions, ("responses", "200", "description")) == (3, 5)
    assert position_at(positions, ("responses", "true")) == (4, 3)


def test_an_alias_shares_the_positions_of_its_anchored_node() -> None:
    positions = positions_from_events("a: &shared\n  inner: 1\nb: *shared\n")

    assert position_at(positions, ("b", "inner")) == (2, 3)


def test_an_alias_used_as_a_key_is_found_by_the_text_of_its_anchor() -> None:
    positions = positions_from_events("name: &n 200\nby-alias:\n  *n : x\n")

    assert position_at(positions, ("by-alias", "200")) == (3, 3)


def test_a_pointer_that_leaves_the_document_stops_at_the_deepest_node_on_its_way() -> None:
    positions = positions_from_events("a:\n  - x\n  - y\n")

    assert position_at(positions, ("a", 1, "missing")) == (3, 5)
    assert position_at(positions, ("nowhere",)) == (1, 1)


@pytest.mark.parametrize("character", ["\x85", "\u2028", "\u2029"], ids=["NEL", "LS", "PS"])
def test_a_yaml_1_1_line_break_inside_a_text_does_not_move_the_lines_after_it(tmp_path: Path, character: str) -> None:
    path = tmp_path / "breaks.yaml"
    path.write_text(f'a: "x{character}y"\nb: 1\n', encoding="utf-8")

    assert load_spec(path).position_of(("b",)) == (2, 1)


def test_a_file_the_fast_loader_refuses_is_placed_through_the_round_trip_tree(tmp_path: Path) -> None:
    path = tmp_path / "merge.yaml"
    path.write_text("base: &base\n  x: 1\nderived:\n  <<: *base\n  y: 2\n", encoding="utf-8")

    spec = load_spec(path)

    assert not spec.fast
    assert spec.position_of(("derived", "y")) == (5, 3)
