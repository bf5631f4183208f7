"""generated/ is a golden file: `check` proves it matches the spec and templates byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from openapi_python_client.strings import ClassName
from support import ROOT
from support.generated_client import model_file
from support.project_copy import copy_project
from support.spec_examples import request_schema_name

from generator.cli import main
from generator.output import read_tree

OUTPUT = Path("generated/atlas-streams-client")


def model() -> Path:
    """A model module of the output: the request body's."""
    return OUTPUT / model_file(request_schema_name())


def test_committed_output_matches_a_fresh_generation(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)

    code = main(["check", "--strict"])

    out, err = capsys.readouterr()
    assert code == 0, f"{out}{err}"


def test_check_prints_a_unified_diff_and_the_fix_command(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = ClassName(request_schema_name(), "")
    drifted = project / model()
    drifted.write_text(
        drifted.read_text(encoding="utf-8").replace(f"class {name}:", "class Drifted:"), encoding="utf-8"
    )

    code = main(["check"])

    out, err = capsys.readouterr()
    assert code == 1
    assert f"--- a/{model().as_posix()}\n+++ b/{model().as_posix()}\n" in out
    assert f"-class Drifted:\n+class {name}:\n" in out
    assert err.rstrip().endswith("to fix, run: make generate")


def test_check_reports_stale_and_missing_files(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / OUTPUT / "atlas_streams/stale.py").write_text("x = 1\n", encoding="utf-8")
    (project / model()).unlink()

    code = main(["check"])

    out, err = capsys.readouterr()
    assert code == 1
    assert "+++ /dev/null" in out and "stale.py" in out
    assert f"--- /dev/null\n+++ b/{model().as_posix()}" in out
    assert "(1 added, 0 changed, 1 removed)" in err


def test_generate_restores_the_tree_and_removes_stale_files(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = read_tree(project / OUTPUT)
    (project / OUTPUT / "atlas_streams/stale.py").write_text("x = 1\n", encoding="utf-8")
    (project / model()).unlink()

    code = main(["generate"])

    out = capsys.readouterr().out
    assert code == 0
    assert read_tree(project / OUTPUT) == expected
    assert out.startswith(f"generated {OUTPUT.as_posix()}: 1 added, 0 changed, 1 removed in ")


def test_generate_on_an_up_to_date_tree_changes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["generate"])

    assert code == 0
    assert ": 0 added, 0 changed, 0 removed in " in capsys.readouterr().out


def _generate_with_hash_seed(project: Path, seed: str, cache: Path) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "XDG_CACHE_HOME": str(cache)}
    subprocess.run(
        [sys.executable, "-m", "generator", "generate"], cwd=project, env=env, check=True, capture_output=True
    )
    return read_tree(project / OUTPUT)


def test_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    first = _generate_with_hash_seed(copy_project(tmp_path / "a"), "1", tmp_path / "cache-a")
    second = _generate_with_hash_seed(copy_project(tmp_path / "b"), "4242", tmp_path / "cache-b")

    assert first == second
    assert first == read_tree(ROOT / OUTPUT)


def test_output_does_not_depend_on_the_template_cache(tmp_path: Path) -> None:
    # The first run compiles every template into the empty cache; the second loads them from it.
    cold = _generate_with_hash_seed(copy_project(tmp_path / "a"), "0", tmp_path / "cache")
    warm = _generate_with_hash_seed(copy_project(tmp_path / "b"), "0", tmp_path / "cache")

    assert any((tmp_path / "cache").rglob("*.cache"))
    assert cold == warm == read_tree(ROOT / OUTPUT)
