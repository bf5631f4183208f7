"""generate skips lint when the inputs are those of the last clean lint, and prints the warnings that lint found;
a spec with errors is linted every time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.caches import DAMAGES, damage_entry
from support.spec_edit import edited, put

from generator.cache import check_record
from generator.cache.lint_record import LintRecord
from generator.cli import main
from generator.config import load_settings
from generator.errors import Finding
from generator.spec.loading import load_spec
from generator.spec.vocabulary import DESCRIPTION_PLACEHOLDER, operations

WARNINGS = [
    Finding(Path("spec/streams.yaml"), 12, 7, "warning", "a warning", "a hint"),
    Finding("elsewhere", None, None, "warning", "another warning"),
]


def _record(project: Path) -> LintRecord:
    inputs = check_record.inputs_of(load_settings(project / "pyproject.toml"), (), False)
    assert inputs is not None
    return LintRecord(inputs)


def test_recorded_warnings_print_as_they_did(project: Path, caches: Path) -> None:
    _record(project).remember(WARNINGS)

    assert [str(finding) for finding in _record(project).warnings() or []] == [str(finding) for finding in WARNINGS]


def test_inputs_never_linted_have_no_record(project: Path, caches: Path) -> None:
    assert _record(project).warnings() is None


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.integers(0, len(DAMAGES) - 1), position=st.integers(0, 10**4))
def test_a_damaged_record_is_no_record(project: Path, caches: Path, which: int, position: int) -> None:
    record = _record(project)
    record.remember(WARNINGS)
    (entry,) = (path for path in caches.rglob("*") if path.is_file())

    damage_entry(entry, which, position)

    assert record.warnings() is None


@pytest.mark.parametrize("command", ["generate", "check"])
def test_a_full_run_on_the_inputs_of_the_last_clean_lint_does_not_load_lint(
    project: Path, caches: Path, command: str
) -> None:
    generate = [sys.executable, "-m", "generator", "generate"]
    subprocess.run(generate, cwd=project, check=True, capture_output=True)
    # --full: without it the check record answers, which loads nothing of generation at all.
    probe = (
        f"import sys; from generator.cli import main; main([{command!r}, '--full']);"
        " print('generator.lint.stages' in sys.modules)"
    )

    result = subprocess.run([sys.executable, "-c", probe], cwd=project, capture_output=True, text=True, check=True)

    assert result.stdout.splitlines()[-1] == "False"


@pytest.mark.parametrize("options", [[], ["--full"]], ids=["from the check record", "regenerated"])
def test_a_skipped_lint_still_prints_its_warnings(
    project: Path, caches: Path, capsys: pytest.CaptureFixture[str], options: list[str]
) -> None:
    spec = project / "spec/streams.yaml"
    (project / "spec/i18n/ko.yaml").unlink()  # its translation of the description would only be stale
    (key, _), *_ = operations(load_spec(spec).data).items()
    edited(spec, spec, put((*key.pointer, "description"), DESCRIPTION_PLACEHOLDER))
    assert main(["generate"]) == 0
    linted = capsys.readouterr().err

    assert main(["generate", *options]) == 0

    assert capsys.readouterr().err == linted
    assert "description still reads 'TODO: describe'" in linted


def test_a_spec_with_errors_is_never_recorded(project: Path, caches: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = project / "spec/streams.yaml"
    (key, _), *_ = operations(load_spec(spec).data).items()
    edited(spec, spec, put((*key.pointer, "responses"), "not a mapping"))

    assert main(["generate"]) == 2

    assert not (caches / "lint-record").exists()
