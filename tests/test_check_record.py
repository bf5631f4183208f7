"""`check` answers from the record of the last verified generation only when every input and the output are exactly
as they were verified; anything else, or `check --full`, regenerates to compare."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.caches import DAMAGES, damage_entry
from support.generated_client import model_file
from support.spec_examples import request_schema_name

from generator.cache import check_record
from generator.cache.store import Store
from generator.cli import main
from generator.config import Settings, load_settings

OUTPUT = Path("generated/atlas-streams-client")
FROM_THE_RECORD = "matches (verified at "
REGENERATED = "is up to date"


def _settings(project: Path) -> Settings:
    return load_settings(project / "pyproject.toml")


def _inputs(project: Path, layers: tuple[Path, ...] = (), strict: bool = False) -> check_record.Inputs:
    inputs = check_record.inputs_of(_settings(project), layers, strict)
    assert inputs is not None
    return inputs


def _record_as_verified(project: Path) -> None:
    """Record the project's committed output, which the golden test proves is what its inputs generate."""
    check_record.remember(_settings(project), _inputs(project))


def _command(command: str, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str, str]:
    code = main([command, *options])
    out, err = capsys.readouterr()
    return code, out, err


def _check(capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str, str]:
    return _command("check", capsys, *options)


def _generate(capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str, str]:
    return _command("generate", capsys, *options)


def test_after_a_check_finds_no_difference_the_next_answers_from_the_record(
    project: Path, caches: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert REGENERATED in _check(capsys)[1]

    code, out, _ = _check(capsys)

    assert code == 0
    assert f"{OUTPUT.as_posix()} {FROM_THE_RECORD}" in out


def test_generate_records_what_it_wrote(project: Path, caches: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate"]) == 0

    assert FROM_THE_RECORD in _check(capsys)[1]


def test_a_hand_edit_in_the_output_makes_check_regenerate(
    project: Path, caches: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _record_as_verified(project)
    edited = project / OUTPUT / model_file(request_schema_name())
    edited.write_text(edited.read_text(encoding="utf-8") + "# edited by hand\n", encoding="utf-8")

    code, out, _ = _check(capsys)

    assert code == 1
    assert "-# edited by hand\n" in out


def test_check_full_regenerates_despite_a_matching_record(
    project: Path, caches: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _record_as_verified(project)

    code, out, _ = _check(capsys, "--full")

    assert code == 0
    assert REGENERATED in out


NOTHING_TO_WRITE = "nothing to write, the inputs are those of the run verified at "


def test_generate_of_verified_inputs_writes_nothing_and_says_so(
    project: Path, caches: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _generate(capsys)[0] == 0
    written = {path: path.stat().st_mtime_ns for path in (project / OUTPUT).rglob("*")}

    code, out, _ = _generate(capsys)

    assert code == 0
    assert f"generated {OUTPUT.as_posix()}: {NOTHING_TO_WRITE}" in out
    assert {path: path.stat().st_mtime_ns for path in (project / OUTPUT).rglob("*")} == written


def test_generate_from_the_record_prints_every_warning_of_the_run_it_stands_for(
    project: Path, caches: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A variant the Korean glossary avoids: the docs, not lint, warn about it.
    translations = project / "spec/i18n/ko.yaml"
    text = translations.read_text(encoding="utf-8")
    avoided = text.replace("스트림 워크스페이스 1개 만들기", "스트림 작업 공간 1개 만들기", 1)
    translations.write_text(avoided, encoding="utf-8")
    code, _, warned = _generate(capsys)
    assert code == 0 and "작업 공간" in warned

    code, out, err = _generate(capsys)

    assert NOTHING_TO_WRITE in out
    assert err == warned


def test_a_record_left_by_check_does_not_answer_generate(
    project: Path, caches: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _record_as_verified(project)  # as a check that found no difference leaves it: no warnings known

    code, out, _ = _generate(capsys)

    assert code == 0
    assert NOTHING_TO_WRITE not in out


def test_a_hand_edit_in_the_output_makes_generate_regenerate(
    project: Path, caches: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _generate(capsys)[0] == 0
    edited = project / OUTPUT / model_file(request_schema_name())
    committed = edited.read_bytes()
    edited.write_bytes(committed + b"# edited by hand\n")

    code, out, _ = _generate(capsys)

    assert code == 0
    assert "1 changed" in out
    assert edited.read_bytes() == committed


def test_generate_full_regenerates_despite_a_matching_record(
    project: Path, caches: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _generate(capsys)[0] == 0

    code, out, _ = _generate(capsys, "--full")

    assert code == 0
    assert "0 added, 0 changed, 0 removed" in out


def test_the_answer_from_the_record_loads_neither_the_pipeline_nor_the_library(project: Path, caches: Path) -> None:
    _record_as_verified(project)
    heavy = "{'generator.pipeline', 'openapi_python_client'}"
    probe = f"import sys; from generator.cli import main; main(['check']); print(sorted({heavy} & set(sys.modules)))"

    result = subprocess.run([sys.executable, "-c", probe], cwd=project, capture_output=True, text=True, check=True)

    assert FROM_THE_RECORD in result.stdout
    assert result.stdout.splitlines()[-1] == "[]"


@pytest.fixture
def record_in_a_git_tree(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The project as a git checkout whose cache folder is inside it (untracked), holding the record."""
    monkeypatch.setenv("STREAMS_CODEGEN_CACHE_DIR", str(project / "caches"))
    subprocess.run(["git", "init", "--quiet"], cwd=project, capture_output=True, check=True)
    _record_as_verified(project)
    return project / "caches"


def test_a_record_that_git_tracks_is_ignored_with_a_warning(
    project: Path, record_in_a_git_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    subprocess.run(["git", "add", str(record_in_a_git_tree)], cwd=project, capture_output=True, check=True)
    capsys.readouterr()

    code, out, err = _check(capsys)

    assert code == 0
    assert REGENERATED in out
    assert "the check record is tracked by git" in err


def test_a_record_in_the_tree_that_git_does_not_track_is_used(
    project: Path, record_in_a_git_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert FROM_THE_RECORD in _check(capsys)[1]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.integers(0, len(DAMAGES) - 1), position=st.integers(0, 10**4))
def test_a_damaged_record_never_vouches(project: Path, caches: Path, which: int, position: int) -> None:
    inputs = _inputs(project)
    check_record.remember(_settings(project), inputs)
    (entry,) = (path for path in caches.rglob("*") if path.is_file())

    damage_entry(entry, which, position)

    assert check_record.verified(_settings(project), inputs) is None


def test_a_record_of_other_inputs_does_not_vouch(project: Path, caches: Path) -> None:
    recorded = _inputs(project)
    check_record.remember(_settings(project), recorded)
    other = check_record.Inputs(recorded.key, "0" * 64)

    assert check_record.verified(_settings(project), other) is None


def _append(text: str) -> object:
    def edit(path: Path) -> None:
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    return edit


INPUT_FILES = [
    "spec/streams.yaml",
    "spec/i18n/ko.yaml",
    "spec/CHANGELOG.md",
    "pyproject.toml",
    "templates/endpoint_module.py.jinja",
    "templates/runtime/_transport.py",
    "templates/docs/locales/ko.yaml",
]


@pytest.mark.parametrize("name", INPUT_FILES)
def test_an_edit_to_an_input_changes_its_hash(project: Path, caches: Path, name: str) -> None:
    before = _inputs(project)
    path = project / name
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")

    assert _inputs(project).digest != before.digest


def test_a_new_file_in_a_template_folder_changes_its_hash(project: Path, caches: Path) -> None:
    before = _inputs(project)
    (project / "templates" / "new.jinja").write_text("", encoding="utf-8")

    assert _inputs(project).digest != before.digest


def test_a_team_template_layer_is_part_of_the_inputs(project: Path, caches: Path) -> None:
    team = project / "team"
    team.mkdir()
    before = _inputs(project, (team,))
    (team / "README.md.jinja").write_text("ours\n", encoding="utf-8")

    after = _inputs(project, (team,))

    assert after.digest != before.digest
    assert after.key != _inputs(project).key


def test_strict_is_recorded_apart(project: Path, caches: Path) -> None:
    assert _inputs(project, strict=True).key != _inputs(project).key


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_changed_byte_of_an_input_changes_its_hash(project: Path, caches: Path, data: st.DataObject) -> None:
    path = project / data.draw(st.sampled_from(INPUT_FILES))
    original = path.read_bytes()
    position = data.draw(st.integers(0, len(original) - 1))
    changed = bytearray(original)
    changed[position] ^= data.draw(st.integers(1, 255))
    loaded = _settings(project)  # before the change, which may leave pyproject.toml no longer TOML
    before = check_record.inputs_of(loaded, (), False)
    path.write_bytes(bytes(changed))
    try:
        after = check_record.inputs_of(loaded, (), False)
    finally:
        path.write_bytes(original)

    assert before is not None and after is not None
    assert after.digest != before.digest


def test_with_caching_off_nothing_is_hashed(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STREAMS_CODEGEN_CACHE_DIR", "off")

    assert check_record.inputs_of(_settings(project), (), False) is None


def test_records_are_kept_in_their_own_folder(project: Path, caches: Path) -> None:
    _record_as_verified(project)

    assert [path.parent.name for path in caches.rglob("*") if path.is_file()] == [
        Store(caches, "check-record", 1, 1).folder.name
    ]
