"""Generated hostile specs (issue 12): hypothesis mutates a small spec cut from ours (names of properties, schemas,
parameters, enum values and operations; descriptions; nesting; allOf chains; command-line options; the file's
encoding) and lint must answer each with one line per finding, or a clean exit, never a traceback. For a sample
drawn by the same strategy, generate must give a package that imports and passes mypy --strict, or refuse (exit 2)
with generated/ unchanged.

CI runs 50 lint examples and 5 generations (the spec has six operations, so each example lints a larger spec);
STREAMS_CODEGEN_FUZZ_SCALE=40 runs forty times as many."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from support import ROOT, SPEC_PATH
from support.commands import mypy_strict, run_cli
from support.project_copy import copy_project

from generator.cli import main
from generator.output import read_tree
from generator.spec.loading import load_spec
from generator.spec.vocabulary import reachable_components

SCALE = int(os.environ.get("STREAMS_CODEGEN_FUZZ_SCALE", "1"))
OPERATION = ("paths", "/api/atlas/v2/groups/{groupId}/streams", "post")
KEPT = ("_id", "groupId", "name", "hostnames", "links", "streamConfig")
FINDING = re.compile(r"^\S.*?:\d+(:\d+)?: (error|warning): \S.*$")
BAD_INPUT = re.compile(r"^(\S.*?: )?error: \S.*$")


def small_spec() -> dict[str, Any]:
    """Ours, cut down to StreamsTenant with a few fields and what they reach: quick to lint, generate and check."""
    data = load_spec(SPEC_PATH).data
    tenant = data["components"]["schemas"]["StreamsTenant"]
    tenant["properties"] = {name: prop for name, prop in tenant["properties"].items() if name in KEPT}
    operation = data["paths"][OPERATION[1]]["post"]
    for content in (operation["requestBody"]["content"], operation["responses"]["200"]["content"]):
        for media in content.values():
            media["example"] = {name: value for name, value in media["example"].items() if name in KEPT}
    operation["x-codegen-cli"]["options"] = {"name": "name", "tier": "streamConfig.tier"}
    reached = reachable_components(data)
    data["components"] = {
        section: {name: entry for name, entry in entries.items() if (section, name) in reached}
        for section, entries in data["components"].items()
    }
    return data


BASE = small_spec()

# --------------------------------------------------------------------------- the strategy

SPECIAL_NAMES = [
    "to_dict", "from_dict", "additional_properties", "d", "cls", "import", "class", "self", "None", "help", "dry-run",
    "groupId", "group_id", "GroupID", "name", "headers", "client", "body", "_private", "2fast", "a/b", "a~b", "..",
    "../x", "x" * 300, "\u0000", "é", "스트림", "A", "a", "%s", "{{ x }}", "a|b", "", " ", "$ref",
]  # fmt: skip
SPECIAL_TEXT = [
    "100% %(prog)s %s", "a | b | c", '"""', "\\", "</script><img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
    "{{ model }} {% if %}", "\u2028\u2029\u0085", "\u0000\u001b[31m", "`code` ``", "\n\n# heading",
]  # fmt: skip
NAMES = st.one_of(st.sampled_from(SPECIAL_NAMES), st.text(min_size=1, max_size=12))
TEXTS = st.one_of(st.sampled_from(SPECIAL_TEXT), st.text(max_size=40))
SCHEMAS = st.sampled_from([{"type": "string"}, {"type": "integer"}, {"type": "boolean"}, {"type": "object"}])

Mutation = Callable[[dict[str, Any]], None]


def _schemas(data: dict[str, Any]) -> dict[str, Any]:
    schemas: dict[str, Any] = data["components"]["schemas"]
    return schemas


def _operation(data: dict[str, Any]) -> dict[str, Any]:
    operation: dict[str, Any] = data["paths"][OPERATION[1]]["post"]
    return operation


def add_property(name: str, schema: dict[str, Any]) -> Mutation:
    return lambda data: _schemas(data)["StreamsTenant"]["properties"].__setitem__(name, schema)


def rename_property(old: str, new: str) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        properties = _schemas(data)["StreamsTenant"]["properties"]
        if old in properties:
            properties[new] = properties.pop(old)

    return mutate


def add_schema(name: str) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        _schemas(data)[name] = {"type": "object", "properties": {"x": {"type": "string"}}}
        escaped = name.replace("~", "~0").replace("/", "~1")
        _schemas(data)["StreamsTenant"]["properties"]["other"] = {"$ref": f"#/components/schemas/{escaped}"}

    return mutate


def add_enum_value(value: str) -> Mutation:
    return lambda data: _schemas(data)["StreamConfig"]["properties"]["tier"]["enum"].append(value)


def add_parameter(name: str) -> Mutation:
    return lambda data: _operation(data)["parameters"].append(
        {"name": name, "in": "query", "schema": {"type": "string"}}
    )


def set_operation_name(name: str) -> Mutation:
    return lambda data: _operation(data).__setitem__("x-xgen-operation-id-override", name)


def set_cli_option(option: str, path: str) -> Mutation:
    return lambda data: _operation(data)["x-codegen-cli"]["options"].__setitem__(option, path)


def set_text(where: str, text: str) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        if where == "summary":
            _operation(data)["summary"] = text
        elif where == "parameter":
            data["components"]["parameters"]["groupId"]["description"] = text
        else:
            _schemas(data)["StreamsTenant"]["description"] = text

    return mutate


def nest(levels: int) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        node: dict[str, Any] = {"type": "string"}
        for level in range(levels):
            node = {"type": "object", "properties": {f"l{level}": node}}
        _schemas(data)["StreamsTenant"]["properties"]["deep"] = node

    return mutate


def chain(length: int) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        for n in range(length):
            link = {"$ref": f"#/components/schemas/C{n + 1}"}
            _schemas(data)[f"C{n}"] = {"allOf": [link, {"type": "object", "properties": {f"p{n}": {"type": "string"}}}]}
        _schemas(data)[f"C{length}"] = {"type": "object"}
        _schemas(data)["StreamsTenant"]["properties"]["chain"] = {"$ref": "#/components/schemas/C0"}

    return mutate


MUTATIONS = st.one_of(
    st.builds(add_property, NAMES, SCHEMAS),
    st.builds(rename_property, st.sampled_from(["name", "groupId", "hostnames"]), NAMES),
    st.builds(add_schema, NAMES),
    st.builds(add_enum_value, NAMES),
    st.builds(add_parameter, NAMES),
    st.builds(set_operation_name, NAMES),
    st.builds(set_cli_option, NAMES, st.sampled_from(["name", "streamConfig.tier", "nope", "name.x", ""])),
    st.builds(set_text, st.sampled_from(["summary", "parameter", "model"]), TEXTS),
    st.builds(nest, st.integers(min_value=1, max_value=40)),
    st.builds(chain, st.integers(min_value=1, max_value=40)),
)
ENCODINGS = st.sampled_from(["json", "json-ascii", "yaml", "utf-16", "latin-1", "nul-byte"])


def encoded(data: dict[str, Any], encoding: str) -> bytes:
    text = json.dumps(data, ensure_ascii=encoding == "json-ascii", indent=1)
    if encoding == "yaml":
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode()
    if encoding == "utf-16":
        return text.encode("utf-16")
    if encoding == "latin-1":
        return text.replace("Atlas", "Atlàs", 1).encode("latin-1", errors="replace")
    if encoding == "nul-byte":
        return text.replace("Atlas", "At\x00las", 1).encode()
    return text.encode()


@st.composite
def hostile_specs(draw: st.DrawFn) -> bytes:
    data = copy.deepcopy(BASE)
    for mutate in draw(st.lists(MUTATIONS, min_size=1, max_size=4)):
        mutate(data)
    return encoded(data, draw(ENCODINGS))


# --------------------------------------------------------------------------- lint


@settings(max_examples=50 * SCALE, deadline=None, suppress_health_check=list(HealthCheck))
@given(hostile_specs())
def test_lint_answers_any_hostile_spec_with_one_line_per_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], spec: bytes
) -> None:
    path = tmp_path / "streams.yaml"
    path.write_bytes(spec)

    code, out, err = run_cli(capsys, "--config", str(ROOT / "pyproject.toml"), "lint", "--spec", str(path))
    event(f"lint exit {code}")

    if code == 2:
        assert out == [] and len(err) == 1 and BAD_INPUT.match(err[0]), err
    else:
        assert code in (0, 1) and err == []
        assert (code == 1) == bool(out)
        assert all(FINDING.match(line) for line in out), out


# --------------------------------------------------------------------------- generate, on a sample


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One project copy for every sample, its output always at the same path, so that mypy's cache helps."""
    project = copy_project(tmp_path_factory.mktemp("fuzz"))
    (project / "spec/i18n/ko.yaml").write_text("{}\n", encoding="utf-8")  # our translations point into our spec
    previous = Path.cwd()
    os.chdir(project)
    try:
        yield project
    finally:
        os.chdir(previous)


def generated(project: Path) -> Path:
    return project / "generated/atlas-streams-client"


@settings(max_examples=5 * SCALE, deadline=None, suppress_health_check=list(HealthCheck))
@given(hostile_specs())
def test_generate_on_a_sample_gives_a_working_package_or_refuses_and_changes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str], spec: bytes
) -> None:
    (project / "spec/streams.yaml").write_bytes(spec)
    before = read_tree(generated(project))

    code = main(["generate"])

    event(f"generate exit {code}")
    err = capsys.readouterr().err.splitlines()
    if code != 0:
        assert code == 2 and err and all(FINDING.match(line) or BAD_INPUT.match(line) for line in err), err
        assert read_tree(generated(project)) == before
        return
    imported = subprocess.run(
        [sys.executable, "-c", "import atlas_streams.cli, atlas_streams.models"],
        cwd=generated(project),
        capture_output=True,
        text=True,
        check=False,
    )
    assert imported.returncode == 0, imported.stderr
    checked = mypy_strict(generated(project), cache=project / ".mypy-cache")
    assert checked.returncode == 0, checked.stdout
