"""ruff runs only on the generated files whose output it has not given before (generator/cache/ruff_outputs.py);
the bytes are those of a run without the cache (tests/test_golden.py compares cold, warm and damaged caches)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from support.spec_edit import edited, put

from generator.cache.ruff_outputs import RuffOutputs
from generator.codegen.formatting import format_tree
from generator.config import load_settings
from generator.pipeline import build_tree
from generator.spec.loading import load_spec
from generator.spec.vocabulary import operations


@pytest.fixture
def ruff_runs(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The files each ruff command was given, as formatting.py calls it."""
    runs: list[list[str]] = []
    real_run = subprocess.run

    def recording_run(command: list[str], **kwargs: Any) -> Any:
        if Path(command[0]).name == "ruff":
            runs.append(command[command.index("--") + 1 :])
        return real_run(command, **kwargs)

    monkeypatch.setattr(subprocess, "run", recording_run)  # formatting.py calls subprocess.run
    return runs


def test_a_regeneration_of_the_same_files_runs_no_ruff(project: Path, caches: Path, ruff_runs: list[list[str]]) -> None:
    settings = load_settings(project / "pyproject.toml")
    first = build_tree(settings)
    assert len(ruff_runs) == 2  # check --fix-only, format: every file, the cache being empty

    second = build_tree(settings)

    assert len(ruff_runs) == 2
    assert second == first


def test_after_a_spec_edit_only_the_files_that_changed_go_through_ruff(
    project: Path, caches: Path, ruff_runs: list[list[str]]
) -> None:
    settings = load_settings(project / "pyproject.toml")
    build_tree(settings)
    every_file = ruff_runs[0]
    spec = project / "spec/streams.yaml"
    (key, _), *_ = operations(load_spec(spec).data).items()
    edited(spec, spec, put((*key.pointer, "description"), "Described again, for this test."))

    build_tree(settings)

    changed = ruff_runs[2]
    assert changed == ruff_runs[3]
    assert 0 < len(changed) < len(every_file)
    assert any(name.startswith("atlas_streams/api/") for name in changed)


def test_other_rules_are_other_entries(caches: Path, tmp_path: Path) -> None:
    ruff = tmp_path / "ruff"
    ruff.write_bytes(b"a stand-in binary")
    commands = [["format"]]
    kept = RuffOutputs.open(str(ruff), commands, b"line-length = 120")
    assert kept is not None
    kept.remember([("a.py", b"x=1\n", b"x = 1\n")])

    other = RuffOutputs.open(str(ruff), commands, b"line-length = 80")

    assert kept.formatted("a.py", b"x=1\n") == b"x = 1\n"
    assert other is not None and other.formatted("a.py", b"x=1\n") is None


def test_another_path_or_content_is_a_miss(caches: Path, tmp_path: Path) -> None:
    ruff = tmp_path / "ruff"
    ruff.write_bytes(b"a stand-in binary")
    outputs = RuffOutputs.open(str(ruff), [["format"]], b"")
    assert outputs is not None
    outputs.remember([("a.py", b"x=1\n", b"x = 1\n")])

    assert outputs.formatted("b.py", b"x=1\n") is None
    assert outputs.formatted("a.py", b"x=2\n") is None


def test_with_caching_off_ruff_runs_on_every_file(
    project: Path, monkeypatch: pytest.MonkeyPatch, ruff_runs: list[list[str]]
) -> None:
    monkeypatch.setenv("STREAMS_CODEGEN_CACHE_DIR", "off")
    settings = load_settings(project / "pyproject.toml")

    build_tree(settings)
    build_tree(settings)

    assert len(ruff_runs) == 4
    assert ruff_runs[0] == ruff_runs[2]


@pytest.mark.parametrize("cache", ["off", "on"])
def test_ruff_formats_what_its_rules_include_and_no_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caches: Path, cache: str
) -> None:
    if cache == "off":
        monkeypatch.setenv("STREAMS_CODEGEN_CACHE_DIR", "off")
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[tool.ruff]\nextend-exclude = ["kept.py"]\n', encoding="utf-8")
    for name in ("module.py", "stubs.pyi", "kept.py"):
        (project / name).write_text("x=1\n", encoding="utf-8")

    format_tree(project)

    assert [(project / name).read_text(encoding="utf-8") for name in ("module.py", "stubs.pyi", "kept.py")] == [
        "x = 1\n",
        "x = 1\n",
        "x=1\n",
    ]
