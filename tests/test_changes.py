"""`streams-codegen changes OLD [NEW]`: the classified report between two versions of our spec, and
`--changelog`: a CHANGELOG entry for the generated package with the version bump it implies."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from support import ROOT
from support.spec_edit import edited, put
from support.spec_examples import EnumProperty, string_enum_property

from generator.cli import main
from generator.config import load_settings
from generator.evolve.api_diff import Change
from generator.evolve.changelog import next_version
from generator.spec.loading import load_spec

SPEC = Path("spec/streams.yaml")
RETIRED = "RETIRED_VALUE"  # a value the older spec had and the current one dropped


def older_spec(project: Path, values: Callable[[list[str]], list[str]]) -> EnumProperty:
    """old.yaml: the spec as it was when its first string enum property held values(its values now)."""
    prop = string_enum_property(load_spec(project / SPEC).data)
    edited(project / SPEC, project / "old.yaml", put(prop.pointer, values(prop.values)))
    return prop


def without_the_last_value(values: list[str]) -> list[str]:
    return values[:-1]


def with_a_retired_value(values: list[str]) -> list[str]:
    return [*values, RETIRED]


def next_major(project: Path) -> str:
    major = load_settings(project / "pyproject.toml").package_version.split(".")[0]
    return f"{int(major) + 1}.0.0"


def test_same_spec_has_no_changes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["changes", str(SPEC), str(SPEC)])

    assert (code, capsys.readouterr().out) == (0, "spec/streams.yaml -> spec/streams.yaml: no changes\n")


def test_new_defaults_to_the_configured_spec(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    prop = older_spec(project, without_the_last_value)

    code = main(["changes", "old.yaml"])

    assert code == 1
    assert capsys.readouterr().out == (
        "old.yaml -> spec/streams.yaml: 0 breaking, 1 compatible\n"
        "compatible:\n"
        f"  enum-value-added  {prop.subject}: value {prop.values[-1]!r} added\n"
    )


def test_json_report(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    older_spec(project, without_the_last_value)

    code = main(["changes", "old.yaml", str(SPEC), "--format", "json"])

    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert (report["breaking"], report["compatible"]) == (0, 1)
    assert report["changes"][0]["kind"] == "enum-value-added"


def test_changelog_entry_and_major_bump_for_a_breaking_change(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the older spec had one more value, so the current one removed it
    prop = older_spec(project, with_a_retired_value)
    before, after = load_settings(project / "pyproject.toml").package_version, next_major(project)
    pyproject_before = (project / "pyproject.toml").read_text(encoding="utf-8")

    code = main(["changes", "old.yaml", "--changelog"])

    out = capsys.readouterr().out
    changelog = (project / "spec/CHANGELOG.md").read_text(encoding="utf-8")
    pyproject_after = (project / "pyproject.toml").read_text(encoding="utf-8")
    assert code == 0
    assert f"pyproject.toml: package-version {before} -> {after}; to regenerate, run: make generate" in out
    assert re.search(
        rf"## {re.escape(after)}\n\n<!-- changes: [0-9a-f]{{16}} -->\n\n### Breaking\n\n"
        rf"- `{re.escape(prop.subject)}`: value '{RETIRED}' removed \(enum-value-removed\)\n\n## ",
        changelog,
    )
    assert pyproject_after == pyproject_before.replace(f'package-version = "{before}"', f'package-version = "{after}"')
    assert pyproject_after != pyproject_before


def test_changelog_for_changes_already_recorded_does_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    older_spec(project, with_a_retired_value)
    after = next_major(project)
    main(["changes", "old.yaml", "--changelog"])
    capsys.readouterr()
    recorded = [(project / name).read_bytes() for name in ("spec/CHANGELOG.md", "pyproject.toml")]

    code = main(["changes", "old.yaml", "--changelog"])

    out = capsys.readouterr().out
    assert code == 0
    assert out.endswith(f"spec/CHANGELOG.md: the entry for {after} already records these changes; nothing to do\n")
    assert [(project / name).read_bytes() for name in ("spec/CHANGELOG.md", "pyproject.toml")] == recorded


def test_changelog_for_other_changes_adds_an_entry(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    older_spec(project, with_a_retired_value)
    main(["changes", "old.yaml", "--changelog"])
    major = load_settings(project / "pyproject.toml").package_version
    older_spec(project, without_the_last_value)

    code = main(["changes", "old.yaml", "--changelog"])

    minor = f"{major.split('.')[0]}.1.0"
    assert code == 0
    assert f"pyproject.toml: package-version {major} -> {minor}" in capsys.readouterr().out


def test_breaking_changes_exit_1_without_changelog_and_0_once_recorded(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    older_spec(project, with_a_retired_value)

    codes = [main(["changes", "old.yaml"]), main(["changes", "old.yaml", "--changelog"])]

    assert codes == [1, 0]


def test_generate_copies_the_changelog_into_the_package(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "spec/CHANGELOG.md").write_text("# Changelog\n\n## 0.1.0\n\n- first\n", encoding="utf-8")

    main(["generate"])

    assert (project / "generated/atlas-streams-client/CHANGELOG.md").read_text(encoding="utf-8").endswith("- first\n")


def test_committed_package_carries_the_changelog() -> None:
    source = (ROOT / "spec/CHANGELOG.md").read_bytes()

    assert (ROOT / "generated/atlas-streams-client/CHANGELOG.md").read_bytes() == source


def change(kind: str, breaking: bool) -> Change:
    return Change(kind, "Thing", "detail", breaking, "/x")


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ([change("field-removed", True), change("field-added", False)], "2.0.0"),
        ([change("field-added", False), change("other", False)], "1.5.0"),
        ([change("field-optional", False)], "1.4.4"),
    ],
    ids=["breaking: major", "compatible addition: minor", "other compatible: patch"],
)
def test_version_bump_follows_the_changes(changes: list[Change], expected: str) -> None:
    assert next_version("1.4.3", changes) == expected


def test_unreadable_old_spec_is_bad_input(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "old.yaml").write_text("openapi: 3.0.1\npaths: [\n", encoding="utf-8")

    code = main(["changes", "old.yaml"])

    assert code == 2
    assert capsys.readouterr().err.startswith("old.yaml:3:1: error: YAML: ")
