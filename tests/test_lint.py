"""`streams-codegen lint`, and `generate`/`check` stopping on what it finds.

The broken variants of the spec and the exact lines lint prints for them live in tests/support/broken_specs.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support import ROOT
from support.broken_specs import BROKEN_SPECS, SPEC, BrokenSpec
from support.project_copy import copy_project

from generator.cli import main
from generator.output import read_tree

OUTPUT = Path("generated/atlas-streams-client")
each_broken_spec = pytest.mark.parametrize("broken", BROKEN_SPECS, ids=lambda broken: broken.id)


@pytest.fixture(scope="module")
def shared_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One project copy for the whole corpus: each case overwrites only the spec, and generate must leave
    the rest alone anyway."""
    return copy_project(tmp_path_factory.mktemp("project"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], list[str]]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def test_the_curated_spec_is_clean(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)

    assert run(capsys, "lint") == (0, [], [])


def test_the_corpus_has_at_least_twenty_distinct_broken_specs() -> None:
    assert len(BROKEN_SPECS) >= 20
    assert len({broken.id for broken in BROKEN_SPECS}) == len(BROKEN_SPECS)


@each_broken_spec
def test_lint_names_each_problem_with_its_line_and_column(
    broken: BrokenSpec, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    expected = broken.write(tmp_path / "spec/streams.yaml")

    result = run(capsys, "--config", str(ROOT / "pyproject.toml"), "lint", "--spec", "spec/streams.yaml")

    # Findings go to stdout with exit 1; a file YAML cannot read is bad input: stderr, exit 2.
    assert result == ((2, [], expected) if broken.unreadable else (1, expected, []))


@each_broken_spec
def test_generate_on_a_broken_spec_prints_every_finding_and_leaves_generated_untouched(
    broken: BrokenSpec, shared_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(shared_project)
    expected = broken.write(shared_project / "spec/streams.yaml")
    before = read_tree(ROOT / OUTPUT)

    result = run(capsys, "generate")

    assert result == (2, [], expected)
    assert read_tree(shared_project / OUTPUT) == before


def test_check_stops_on_lint_errors(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = next(broken for broken in BROKEN_SPECS if broken.id == "unresolved-ref")
    expected = broken.write(project / "spec/streams.yaml")

    assert run(capsys, "check") == (2, [], expected)


def test_a_tab_inside_a_value_is_a_warning_that_does_not_stop_generate(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = project / "spec/streams.yaml"
    spec.write_text(
        SPEC.read_text(encoding="utf-8").replace(
            "summary: Create One Stream Workspace", "summary: 'Create One\tStream Workspace'"
        ),
        encoding="utf-8",
    )
    warning = "spec/streams.yaml:105:27: warning: tab character (hint: write spaces, or \\t in a quoted string)"

    assert run(capsys, "lint") == (1, [warning], [])
    code, out, err = run(capsys, "generate")
    assert (code, err) == (0, [warning])
    assert out[0].startswith("generated generated/atlas-streams-client: ")


def test_a_ref_key_inside_an_example_is_data_not_a_reference(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    spec = tmp_path / "streams.yaml"
    spec.write_text(
        SPEC.read_text(encoding="utf-8").replace(
            "              name: string\n", "              name: string\n              x-note: {$ref: nowhere}\n", 1
        ),
        encoding="utf-8",
    )

    assert run(capsys, "--config", str(ROOT / "pyproject.toml"), "lint", "--spec", str(spec)) == (0, [], [])
