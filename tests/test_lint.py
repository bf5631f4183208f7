"""`streams-codegen lint`, and `generate`/`check` stopping on what it finds.

The broken variants of the spec and the exact lines lint prints for them live in tests/support/broken_specs.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml.scalarstring import LiteralScalarString
from support import ROOT
from support.broken_specs import BROKEN_SPECS, SPEC, BrokenSpec
from support.project_copy import copy_project
from support.spec_edit import edited, position_of, put

from generator.cli import main
from generator.output import read_tree
from generator.output.swap import OutputPlace
from generator.spec.examples import synthesized_media
from generator.spec.loading import load_spec
from generator.spec.pointers import follow_refs, node_at
from generator.spec.vocabulary import DESCRIPTION_PLACEHOLDER, PREVIEW_MEDIA_TYPE, operations

OUTPUT = Path("generated/atlas-streams-client")
each_broken_spec = pytest.mark.parametrize("broken", BROKEN_SPECS, ids=lambda broken: broken.id)


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
    broken: BrokenSpec, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Lint stops generate before it reads the templates: the copy needs only the settings, spec and output.
    project = copy_project(tmp_path, parts=("pyproject.toml", "spec", "generated"))
    monkeypatch.chdir(project)
    expected = broken.write(project / "spec/streams.yaml")
    before = read_tree(project / OUTPUT)

    result = run(capsys, "generate")

    assert result == (2, [], expected)
    assert read_tree(project / OUTPUT) == before
    # Nothing beside it either, but the lock that serializes runs (it stays, empty, so that waiting works).
    lock = OutputPlace(project / OUTPUT).lock.name
    assert sorted({path.name for path in (project / OUTPUT).parent.iterdir()} - {lock}) == [OUTPUT.name]


def test_check_stops_on_lint_errors(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = next(broken for broken in BROKEN_SPECS if broken.id == "unresolved-ref")
    expected = broken.write(project / "spec/streams.yaml")

    assert run(capsys, "check") == (2, [], expected)


def test_a_tab_inside_a_value_is_a_warning_that_does_not_stop_generate(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = project / "spec/streams.yaml"
    (project / "spec/i18n/ko.yaml").unlink()  # its translation of the summary would only be stale
    (key, operation), *_ = operations(load_spec(spec).data).items()
    summary = (*key.pointer, "summary")
    # A block scalar keeps the tab as it is written; quoted, the dump would escape it as \t.
    edited(spec, spec, put(summary, LiteralScalarString(f"{operation['summary']}\twith a tab")))
    ((line, text),) = [(n, text) for n, text in enumerate(spec.read_text().splitlines(), 1) if "\t" in text]
    column = text.index("\t") + 1
    warning = (
        f"spec/streams.yaml:{line}:{column}: warning: tab character (hint: write spaces, or \\t in a quoted string)"
    )

    assert run(capsys, "lint") == (1, [warning], [])
    code, out, err = run(capsys, "generate")
    assert (code, err) == (0, [warning])
    assert out[0].startswith("generated generated/atlas-streams-client: ")


def test_a_ref_key_inside_an_example_is_data_not_a_reference(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    spec = tmp_path / "streams.yaml"
    # An error example's `parameters` items are free-form objects, so they may hold a "$ref" key.
    data = load_spec(SPEC).data
    key, operation = next(iter(operations(data).items()))
    status = next(status for status in operation["responses"] if str(status).startswith("4"))
    response, _ = follow_refs(data, (*key.pointer, "responses", status))
    (media_type,) = node_at(data, (*response, "content"))
    edited(SPEC, spec, put((*response, "content", media_type, "example", "parameters"), [{"$ref": "nowhere"}]))

    assert run(capsys, "--config", str(ROOT / "pyproject.toml"), "lint", "--spec", str(spec)) == (0, [], [])


def test_an_example_property_the_schema_does_not_define_is_a_warning_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = load_spec(SPEC).data
    pointer, _ = synthesized_media(data)[0]
    stale = (*pointer, "example", "noSuchField")
    edited(SPEC, tmp_path / "spec/streams.yaml", put(stale, "leftover"))
    monkeypatch.chdir(tmp_path)

    code, out, _ = run(capsys, "--config", str(ROOT / "pyproject.toml"), "lint", "--spec", "spec/streams.yaml")

    where = position_of(tmp_path / "spec/streams.yaml", stale)
    assert code == 1
    assert [finding for finding in out if "noSuchField" in finding] == [
        f"spec/streams.yaml:{where}: warning: request example $.noSuchField: the schema "
        "defines no property 'noSuchField' (hint: remove it, or rewrite the example from the schema "
        "(upstream-diff --apply does))"
    ]


def test_a_description_still_to_write_is_a_warning_that_strict_generation_refuses(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = project / "spec/streams.yaml"
    (project / "spec/i18n/ko.yaml").unlink()  # its translation of the description would only be stale
    (key, _), *_ = operations(load_spec(spec).data).items()
    edited(spec, spec, put((*key.pointer, "description"), DESCRIPTION_PLACEHOLDER))
    where = position_of(spec, (*key.pointer, "description"))
    message = (
        "description still reads 'TODO: describe' (hint: write it in our own words (upstream's prose is never copied))"
    )
    before = read_tree(project / OUTPUT)

    assert run(capsys, "lint") == (1, [f"spec/streams.yaml:{where}: warning: {message}"], [])
    assert run(capsys, "generate", "--strict") == (2, [], [f"spec/streams.yaml:{where}: error: {message}"])
    assert read_tree(project / OUTPUT) == before
    code, _, err = run(capsys, "generate")
    assert (code, err) == (0, [f"spec/streams.yaml:{where}: warning: {message}"])


def test_a_preview_media_type_beside_a_dated_one_is_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # As upstream offered updateStreamWorkspace's regional-failover preview in 2026-06-23.
    data = load_spec(SPEC).data
    pointer, _ = synthesized_media(data)[0]
    media = node_at(data, pointer)
    edited(SPEC, tmp_path / "streams.yaml", put((*pointer[:-1], PREVIEW_MEDIA_TYPE), dict(media)))
    monkeypatch.chdir(tmp_path)

    assert run(capsys, "--config", str(ROOT / "pyproject.toml"), "lint", "--spec", "streams.yaml") == (0, [], [])


def test_structure_is_checked_against_the_oas_3_0_schema_openapi_spec_validator_ships() -> None:
    from openapi_spec_validator.schemas import schema_v30

    from generator.lint import stages

    assert stages._OPENAPI_30_SCHEMA == dict(schema_v30)
