"""`streams-codegen curate add|remove|list`: operations curated from a full upstream spec by command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.shared_files import CURRENT_UPSTREAM, shared_file

from generator.cli import main
from generator.evolve.curate import add_operation, remove_operation
from generator.evolve.normal_form import normal_form
from generator.evolve.upstream import extract, find_by_name, load_upstream
from generator.spec.loading import dump_spec, load_spec
from generator.spec.pointers import node_at, walk
from generator.spec.vocabulary import (
    DESCRIPTION_PLACEHOLDER,
    client_operation_name,
    operations,
    reachable_components,
)

SPEC = Path("spec/streams.yaml")
ADDED = "createStreamConnection"


def curate(capsys: pytest.CaptureFixture[str], project: Path, *argv: str) -> tuple[int, list[str]]:
    code = main(["--config", str(project / "pyproject.toml"), "curate", *argv])
    return code, capsys.readouterr().out.splitlines()


def describe_placeholders(spec: Path) -> None:
    tree = load_spec(spec).tree
    for pointer, value in walk(load_spec(spec).data):
        if value == DESCRIPTION_PLACEHOLDER:
            node_at(tree, pointer[:-1])[pointer[-1]] = "Written by the test."
    spec.write_text(dump_spec(tree), encoding="utf-8")


def only_theirs(spec: Path) -> dict[str, list[tuple[str, str]]]:
    """Each of our operations: (name, last name in its section) of each component that only it reaches."""
    found = {}
    for operation in operations(load_spec(spec).data).values():
        name = client_operation_name(operation)
        without = load_spec(spec)
        _, removed = remove_operation(without, name)
        sections = load_spec(spec).data["components"]
        found[name] = [(entry, max(sections[section])) for section, entry in (r.split("/") for r in removed)]
    return found


def test_curate_add_brings_the_operation_with_upstreams_facts_and_leaves_ours_as_they_are(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    upstream = load_upstream(shared_file(CURRENT_UPSTREAM))
    before = load_spec(project / SPEC).data

    code, out = curate(capsys, project, "add", ADDED, "--upstream", str(shared_file(CURRENT_UPSTREAM)))

    after = load_spec(project / SPEC).data
    key = find_by_name(upstream, ADDED)
    assert key is not None and code == 0
    assert out[0] == f"spec/streams.yaml: added {key} as {ADDED}"
    assert set(operations(after)) == {*operations(before), key}
    assert operations(after)[key]["x-codegen-operation-name"] == ADDED
    # its facts are upstream's
    ours = normal_form({"paths": {key.path: {key.method: operations(after)[key]}}, "components": after["components"]})
    theirs = normal_form(extract(upstream, [key], shared_file(CURRENT_UPSTREAM)))
    assert ours["paths"] == theirs["paths"]
    # what was curated already is as written, prose and all
    for pointer, value in walk(before):
        if pointer and pointer[0] == "components" and isinstance(value, str):
            assert node_at(after, pointer) == value, pointer
    # no upstream prose: every description of the new operation is for a person to write
    assert f"write a description in place of '{DESCRIPTION_PLACEHOLDER}'" in "\n".join(out)


def test_curate_add_puts_new_components_where_their_names_sort_in_a_sorted_section(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # One of ours taken out and added back: a schema only it reaches, whose name does not sort last, goes back
    # among the others instead of after them.
    name = next(name for name, removed in only_theirs(project / SPEC).items() if any(r < last for r, last in removed))
    curate(capsys, project, "remove", name)

    curate(capsys, project, "add", name, "--upstream", str(shared_file(CURRENT_UPSTREAM)))

    for section, entries in load_spec(project / SPEC).data["components"].items():
        assert list(entries) == sorted(entries), section


def test_curate_add_names_the_function_where_the_key_sorts_among_upstreams_keys(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As in the operations curated by hand, so that a later --apply that re-adds upstream's keys keeps ours put.
    curate(capsys, project, "add", ADDED, "--upstream", str(shared_file(CURRENT_UPSTREAM)))

    key = find_by_name(load_upstream(shared_file(CURRENT_UPSTREAM)), ADDED)
    assert key is not None
    names = list(operations(load_spec(project / SPEC).data)[key])
    assert names == sorted(names)


def test_a_curated_operation_generates_a_package_that_imports_and_type_checks(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    curate(capsys, project, "add", ADDED, "--upstream", str(shared_file(CURRENT_UPSTREAM)))
    describe_placeholders(project / SPEC)

    assert main(["--config", str(project / "pyproject.toml"), "generate", "--strict"]) == 0

    package = project / "generated/atlas-streams-client"
    env = {**os.environ, "PYTHONPATH": str(package)}
    probe = "from atlas_streams.api.streams import create_stream_connection; print(create_stream_connection.sync)"
    assert subprocess.run([sys.executable, "-c", probe], env=env, check=False).returncode == 0
    typed = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", str(package / "atlas_streams")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert typed.returncode == 0, typed.stdout


def test_curate_remove_undoes_curate_add(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (project / SPEC).read_text(encoding="utf-8")
    curate(capsys, project, "add", ADDED, "--upstream", str(shared_file(CURRENT_UPSTREAM)))

    code, out = curate(capsys, project, "remove", ADDED)

    assert code == 0
    assert out[0].startswith("spec/streams.yaml: removed POST ")
    assert (project / SPEC).read_text(encoding="utf-8") == before


def test_curate_add_refuses_an_operation_curated_already(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = next(iter(operations(load_spec(project / SPEC).data).values()))["x-codegen-operation-name"]

    code = main(["curate", "add", name, "--upstream", str(shared_file(CURRENT_UPSTREAM))])

    assert code == 2
    assert "is curated already" in capsys.readouterr().err


def test_curate_list_shows_ours_and_what_upstream_offers_under_our_paths_and_tags(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = curate(capsys, project, "list", "--upstream", str(shared_file(CURRENT_UPSTREAM)))

    ours = [line for line in out if line.startswith("curated ")]
    offered = [line for line in out if line.startswith("upstream ")]
    assert code == 0
    assert len(ours) == len(operations(load_spec(project / SPEC).data))
    assert any(f" {ADDED} " in line for line in offered)


_OURS = """\
openapi: 3.0.1
info: {title: t, version: '1'}
paths:
  /things:
    get:
      operationId: listThings
      responses:
        '200':
          description: Ours.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
components:
  schemas:
    Thing:
      type: object
      description: Ours, as an older upstream had it.
      properties:
        name: {type: string}
"""


def test_curate_add_brings_only_components_the_spec_reaches_with_ours_kept(tmp_path: Path) -> None:
    # Upstream's newer Thing refers to a Part that ours does not; the added operation uses Thing too. Ours stays
    # as written, so Part would be a component nothing uses: it is not brought in. Label is reached, and is.
    upstream = json.loads(json.dumps(load_spec(_written(tmp_path / "upstream.yaml", _OURS)).data))
    upstream["components"]["schemas"]["Thing"]["properties"]["part"] = {"$ref": "#/components/schemas/Part"}
    upstream["components"]["schemas"]["Part"] = {"type": "object", "properties": {"size": {"type": "integer"}}}
    upstream["components"]["schemas"]["Label"] = {"type": "object", "properties": {"text": {"type": "string"}}}
    upstream["paths"]["/things"]["post"] = {
        "operationId": "createThing",
        "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
        "responses": {
            "200": {
                "description": "Theirs.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Label"}}},
            }
        },
    }
    spec_path = _written(tmp_path / "streams.yaml", _OURS)

    curated = add_operation(load_spec(spec_path), upstream, "createThing", tmp_path / "upstream.yaml")

    spec_path.write_text(curated.applied.text, encoding="utf-8")
    after = load_spec(spec_path).data
    assert curated.components == ["schemas/Label"]
    assert set(after["components"]["schemas"]) == {"Thing", "Label"}
    assert after["components"]["schemas"]["Thing"]["description"] == "Ours, as an older upstream had it."
    assert reachable_components(after) >= {("schemas", name) for name in after["components"]["schemas"]}


def _written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
