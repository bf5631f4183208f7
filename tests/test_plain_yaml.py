"""Both YAML loaders: the fast one (plain_yaml.py) reads scalars exactly as ruamel.yaml's round-trip tree does
(YAML 1.2 core schema), and both read anchors and aliases within bounds, refusing a file that nests too deep,
expands too far or holds what Python cannot take, with one line at its place, never a traceback."""

from __future__ import annotations

import json
import math
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from support.shared_files import CURRENT_UPSTREAM, shared_file

from generator.errors import CodegenError
from generator.spec.loading import load_spec, round_trip_yaml
from generator.spec.plain_yaml import FastLoaderRefused, load_plain, load_plain_text

# Plain scalars on which YAML 1.1 (PyYAML) and 1.2 (ruamel.yaml), or careless resolvers, disagree.
TRICKY_SCALARS = (
    "NO yes on off y n Yes OFF true True TRUE false FALSE tRUE ~ null Null NULL nULL "
    "010 0o17 0x1F 0x1f 0b101 0b 0o 0x 08 09.5 00 -0 +12 1_000 1__2 0x_1 1_0.5_0 "
    "1.5 1. .5 +.5 -.5e-3 1e3 1e 3e+06 1.0e+3 .inf -.INF +.Inf .NaN .nan NaN inf "
    "1:20 1:20:30 190:20:30.15 2023-02-01 = << ! & * - 0.1.2 1e1.5 +-1 --1 0o8 0b2 0xG "
    "12e03 12E03 1,000 $1 1/2 +.inf -.nan"
).split()


def ruamel_plain(text: str) -> Any:
    """What loading.py makes of a document through the round-trip tree: plain JSON values."""
    return json.loads(json.dumps(round_trip_yaml().load(text), default=str))


def same(left: Any, right: Any) -> bool:
    if isinstance(left, float) and isinstance(right, float) and math.isnan(left):
        return math.isnan(right)
    return type(left) is type(right) and left == right


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("scalar", TRICKY_SCALARS)
def test_a_plain_scalar_reads_as_the_round_trip_tree_reads_it(scalar: str) -> None:
    text = f"value: {scalar}\n"
    try:
        expected = ruamel_plain(text)["value"]
    except Exception:  # not a valid plain scalar (a lone `&`): the fast loader must refuse it too
        with pytest.raises(CodegenError):
            load_plain_text(text, Path("doc.yaml"))
        return

    assert same(load_plain_text(text, Path("doc.yaml"))["value"], expected)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789+-._eExXoObBiInNfFaAtTrRuUlLsSyY:~", min_size=1, max_size=8))
def test_any_plain_scalar_reads_as_the_round_trip_tree_reads_it(scalar: str) -> None:
    text = f"value: {scalar}\n"
    try:
        expected = ruamel_plain(text)["value"]
        ours = load_plain_text(text, Path("doc.yaml"))["value"]
    except Exception:  # not a plain scalar for one of them: agreement is about values both read
        return

    assert same(ours, expected), (scalar, ours, expected)


def test_quoted_and_tagged_scalars_read_as_the_round_trip_tree_reads_them() -> None:
    text = "a: '010'\nb: \"yes\"\nc: !!str 12\nd: !!int '12'\ne: !!float '1'\nf: 2023-02-01\n"

    assert load_plain_text(text, Path("doc.yaml")) == ruamel_plain(text)


def test_full_upstream_spec_differs_from_yaml_1_1_only_where_yaml_1_2_reads_a_number() -> None:
    path = shared_file(CURRENT_UPSTREAM)
    ours = load_plain(path)
    yaml_1_1 = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

    where = ("components", "schemas", "AiModelRateLimitResponse", "properties", "tokensPerMinuteLimit", "example")
    assert dict(differences(ours, yaml_1_1)) == {where: (3000000.0, "3e+06")}


def differences(ours: Any, other: Any, at: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], tuple[Any, Any]]]:
    if isinstance(ours, dict) and isinstance(other, dict) and ours.keys() == other.keys():
        return [found for key in ours for found in differences(ours[key], other[key], (*at, key))]
    if isinstance(ours, list) and isinstance(other, list) and len(ours) == len(other):
        pairs = enumerate(zip(ours, other, strict=True))
        return [found for index, (mine, theirs) in pairs for found in differences(mine, theirs, (*at, index))]
    return [] if same(ours, other) else [(at, (ours, other))]


def test_anchors_and_aliases_are_read_as_copies(tmp_path: Path) -> None:
    data = load_plain(write(tmp_path, "t: &t text\na: *t\nl: &l [1, {k: v}]\nm: *l\n"))

    assert data == {"t": "text", "a": "text", "l": [1, {"k": "v"}], "m": [1, {"k": "v"}]}
    assert data["l"] is not data["m"]


def test_a_merge_key_is_left_to_the_round_trip_tree(tmp_path: Path) -> None:
    path = write(tmp_path, "base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n")

    with pytest.raises(FastLoaderRefused):
        load_plain(path)
    assert load_spec(path).data == {"base": {"x": 1}, "c": {"y": 2, "x": 1}}


def test_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "a: 1\nb: [2\n")

    with pytest.raises(CodegenError, match=rf"^{path}:3:1: error: YAML: did not find expected"):
        load_plain(path)


# --------------------------------------------------------------------------- bounds, in both loaders


def billion_laughs(levels: int = 9) -> str:
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


ALIAS_HINT = "(hint: an alias may repeat a part of the document a few times, not multiply it)"
DEPTH_HINT = "(hint: an OpenAPI document needs far fewer levels: move parts into components ($ref))"
# A merge key sends a document to ruamel.yaml's round-trip loader, whose bounds these cases check.
THROUGH_THE_ROUND_TRIP_TREE = "merge: &m {a: 1}\nuse: {<<: *m}\n"


@pytest.mark.parametrize("prefix", ["", THROUGH_THE_ROUND_TRIP_TREE], ids=["fast loader", "round-trip tree"])
@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (billion_laughs(), "{line5}:10: error: YAML: alias *l3 expands the document past {bound} nodes"),
        ("a: &x [1, *x]\n", "{line1}:11: error: YAML: alias *x refers to a node that contains it"),
        ("a: " + "[" * 100_000 + "]" * 100_000 + "\n", "{line1}:"),
        (
            "".join(" " * i + f"k{i}:\n" for i in range(3000)) + " " * 3000 + "v: 1\n",
            "{line65}:65: error: YAML: nested",
        ),
        ("a: " + "9" * 5000 + "\n", "{line1}:4: error: YAML: integer longer than 4300 digits"),
    ],
    ids=["billion laughs", "recursive alias", "100k flow levels", "3000 block levels", "5000-digit integer"],
)
def test_a_file_past_a_bound_is_refused_quickly_in_one_line_at_its_place(
    tmp_path: Path, prefix: str, document: str, expected: str
) -> None:
    path = write(tmp_path, prefix + document)
    offset = prefix.count("\n")
    lines = {f"line{n}": f"{path}:{n + offset}" for n in (1, 5, 65)}
    started = time.perf_counter()

    with pytest.raises(CodegenError) as raised:
        load_spec(path)

    message = str(raised.value)
    assert time.perf_counter() - started < 5
    assert "\n" not in message
    assert message.startswith(expected.format(**lines, bound=message.split("past ")[-1].split(" ")[0]))


def test_the_billion_laughs_alias_names_the_bound_it_crossed(tmp_path: Path) -> None:
    path = write(tmp_path, billion_laughs())

    with pytest.raises(CodegenError) as raised:
        load_spec(path)

    assert str(raised.value) == (
        f"{path}:5:10: error: YAML: alias *l3 expands the document past 10192 nodes (4 times the 48 written so far, "
        f"plus 10000) {ALIAS_HINT}"
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("a: 1\nb: café\n".encode("latin-1"), "2:7: error: not UTF-8: byte 0xe9 cannot start or continue a character"),
        ("a: 1\n".encode("utf-16"), "1:1: error: the file is UTF-16, not UTF-8 (hint: save it as UTF-8)"),
        (b"a: 1\nb: x\x00y\n", "2:5: error: YAML: unacceptable character #x0000 (control characters are not allowed)"),
        (b"a: 1\nb: x\x7fy\n", "2:5: error: YAML: unacceptable character #x007f (control characters are not allowed)"),
    ],
    ids=["latin-1 byte", "utf-16", "NUL", "DEL"],
)
def test_bytes_that_are_not_yaml_text_are_one_line_at_their_place(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "doc.yaml"
    path.write_bytes(content)

    with pytest.raises(CodegenError) as raised:
        load_spec(path)

    assert str(raised.value).startswith(f"{path}:{expected}")


# Documents built from the ways to make a loader work hard: nesting, anchors, aliases fanning out.
NODES = st.recursive(
    st.sampled_from(["x", "1", "*a", "*b"]),
    lambda inner: st.one_of(
        st.lists(inner, max_size=6).map(lambda items: "[" + ", ".join(items) + "]"),
        st.tuples(st.sampled_from(["&a ", "&b ", ""]), st.lists(inner, max_size=6)).map(
            lambda anchored: anchored[0] + "[" + ", ".join(anchored[1]) + "]"
        ),
        st.integers(min_value=30, max_value=200).map(lambda depth: "[" * depth + "x" + "]" * depth),
    ),
    max_leaves=40,
)


@settings(max_examples=40, deadline=None)
@given(NODES, st.booleans())
def test_any_nesting_of_anchors_and_aliases_loads_or_is_one_line_in_both_loaders(node: str, merge: bool) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        path = write(Path(scratch), (THROUGH_THE_ROUND_TRIP_TREE if merge else "") + f"doc: {node}\n")
        started = time.perf_counter()
        try:
            load_spec(path)
        except CodegenError as err:
            assert "\n" not in str(err)
        assert time.perf_counter() - started < 5
