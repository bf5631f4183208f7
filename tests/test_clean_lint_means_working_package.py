"""A clean lint must mean a working package (issue 12, items 9-12): each hostile variant of
tests/support/hostile_specs.py is reported at its spec line, an error stops generate with generated/ untouched, and
a spec whose names the generator must rename still generates a package that imports, passes mypy --strict,
round-trips and starts its command line, with the docs showing the Python names."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from support import ROOT, SPEC_PATH
from support.commands import mypy_strict, run_cli
from support.generated_client import command_words
from support.hostile_specs import CLEAN, FIRST_TIER, OPERATION, REFUSED, TIER, WARNED, Variant
from support.project_copy import copy_project

from generator.output import read_tree
from generator.spec.loading import load_spec
from generator.spec.pointers import node_at

OUTPUT = Path("generated/atlas-streams-client")
ALL = WARNED + REFUSED + CLEAN


@pytest.mark.parametrize("variant", ALL, ids=lambda variant: variant.id)
def test_lint_reports_each_hostile_variant_at_its_spec_line(
    variant: Variant, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    expected = variant.write(tmp_path / "spec/streams.yaml")

    result = run_cli(capsys, "--config", str(ROOT / "pyproject.toml"), "lint", "--spec", "spec/streams.yaml")

    assert result == (1 if expected else 0, expected, [])


@pytest.fixture(scope="module")
def shared_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("project"))


@pytest.mark.parametrize("variant", REFUSED, ids=lambda variant: variant.id)
def test_generate_stops_on_each_refused_name_and_leaves_generated_untouched(
    variant: Variant, shared_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(shared_project)
    expected = variant.write(shared_project / "spec/streams.yaml")
    before = read_tree(shared_project / OUTPUT)

    assert run_cli(capsys, "generate") == (2, [], expected)
    assert read_tree(shared_project / OUTPUT) == before


# --------------------------------------------------------------------------- the renamed package works

RENAMED = Variant(
    "every-rename-at-once",
    tuple(
        edit for variant in [*WARNED, *(v for v in CLEAN if v.id == "summary-with-percent")] for edit in variant.edits
    ),
)
TENANT = {
    "name": "w",
    "dataProcessRegion": {"cloudProvider": "AWS", "region": "VIRGINIA_USA"},
    "groupId": "32b6e34b3d91647abb20e7b8",
    "group_id": "second",
    "to_dict": "a",
    "from_dict": "b",
    "additional_properties": "c",
}


@pytest.fixture(scope="module")
def renamed_package(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    project = copy_project(tmp_path_factory.mktemp("renamed"))
    RENAMED.write(project / "spec/streams.yaml")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate"], cwd=project, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return project / OUTPUT, result.stderr.splitlines()


def python(package: Path, code: str) -> Any:
    result = subprocess.run([sys.executable, "-c", code], cwd=package, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_generate_warns_about_every_rename(renamed_package: tuple[Path, list[str]]) -> None:
    _, warnings = renamed_package
    # The summary with a % makes its translation stale too: that warning is the translation's, not a rename's.
    about_the_spec = [line for line in warnings if line.startswith("spec/streams.yaml:")]

    assert len(about_the_spec) == len(WARNED)
    assert all(": warning: " in line for line in warnings)


def test_renamed_attributes_round_trip_and_the_model_methods_still_work(
    renamed_package: tuple[Path, list[str]],
) -> None:
    package, _ = renamed_package
    code = (
        "import json; from atlas_streams.models import StreamsTenant\n"
        f"t = StreamsTenant.from_dict({TENANT!r})\n"
        "print(json.dumps([t.to_dict_, t.from_dict_, t.additional_properties_, t.groupId, t.group_id, t.to_dict()]))"
    )

    assert python(package, code) == ["a", "b", "c", "32b6e34b3d91647abb20e7b8", "second", TENANT]


def test_colliding_enum_values_are_two_members(renamed_package: tuple[Path, list[str]]) -> None:
    package, _ = renamed_package
    # The library names an inline enum after its model and its title: StreamConfigStreamWorkspaceTier.
    title = node_at(load_spec(SPEC_PATH).data, (*TIER, "title"))
    enum_class = "StreamConfig" + "".join(word.capitalize() for word in title.split())
    code = (
        f"import json; from atlas_streams.models import {enum_class} as T\n"
        f"print(json.dumps([T.{FIRST_TIER}, T.{FIRST_TIER}_2]))"
    )

    assert python(package, code) == [FIRST_TIER, FIRST_TIER.lower()]


def test_renamed_package_passes_mypy_strict(renamed_package: tuple[Path, list[str]]) -> None:
    package, _ = renamed_package
    result = mypy_strict(package)

    assert result.returncode == 0, result.stdout


def test_the_command_line_starts_with_a_percent_in_its_summary(renamed_package: tuple[Path, list[str]]) -> None:
    package, _ = renamed_package
    command = [sys.executable, "-m", "atlas_streams", "--help"]

    result = subprocess.run(command, cwd=package, capture_output=True, text=True, check=True)

    assert result.returncode == 0
    # The summary shows where the command is listed: in its group's help when it has a group.
    operation = node_at(load_spec(package.parent.parent / "spec/streams.yaml").data, OPERATION)
    group = command_words(operation)[:-1]
    listing = subprocess.run([*command[:-1], *group, "--help"], cwd=package, capture_output=True, text=True)
    assert listing.returncode == 0, listing.stderr
    assert "Create 100% of One Stream Workspace" in listing.stdout
    sub = subprocess.run([*command[:-1], "create-workspace", "--help"], cwd=package, capture_output=True, text=True)
    assert sub.returncode == 0, sub.stderr
    assert "--headers- VALUE" in sub.stdout and "--dry-run-" in sub.stdout


def test_the_docs_show_the_python_names(renamed_package: tuple[Path, list[str]]) -> None:
    package, _ = renamed_package
    page = (package / "docs/models/StreamsTenant.md").read_text(encoding="utf-8")

    assert "`to_dict_`" in page and "`additional_properties_`" in page and "`groupId`" in page
