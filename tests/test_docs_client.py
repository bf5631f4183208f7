"""What the generated package's docs tell its users: the example error codes as examples, the retry policy's real
defaults, no maintainer's text, and the untranslated list kept out of the package, among the toolkit's docs, where
`check` compares it."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from atlas_streams import RetryPolicy
from support import ROOT
from support.markdown_pages import pages, tables
from support.project_copy import copy_project

from generator.cli import main

PACKAGE = ROOT / "generated/atlas-streams-client"
OPERATION_PAGE = PACKAGE / "docs/operations/create_stream_workspace.md"


def test_the_operation_page_labels_the_error_codes_as_examples_and_names_409() -> None:
    page = OPERATION_PAGE.read_text(encoding="utf-8")

    assert "## Error code examples" in page
    assert "- Example error code: `NOT_ORG_GROUP_CREATOR`" in page
    assert "409 Conflict" in page
    assert "\n## Error codes\n" not in page


@pytest.mark.parametrize("maintainer_text", ["make generate", "toolkit's tests", "untranslated.md"])
def test_the_shipped_docs_hold_no_maintainers_text(maintainer_text: str) -> None:
    shipped = [PACKAGE / "README.md", *pages(PACKAGE / "docs")]

    assert [page.name for page in shipped if maintainer_text in page.read_text(encoding="utf-8")] == []


def test_the_untranslated_list_is_a_toolkit_page_not_a_package_page() -> None:
    assert not (PACKAGE / "docs/ko/untranslated.md").exists()
    assert "# Untranslated texts: 한국어" in (ROOT / "docs/i18n/ko.md").read_text(encoding="utf-8")


def test_check_compares_the_untranslated_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_project(tmp_path)
    listed = project / "docs/i18n/ko.md"
    listed.write_text(listed.read_text(encoding="utf-8") + "stale\n", encoding="utf-8")

    code = main(["--config", str(project / "pyproject.toml"), "check"])

    assert code == 1
    assert "--- a/docs/i18n/ko.md" in capsys.readouterr().out


def as_documented(default: Any) -> str:
    """How the README writes a default: a literal as its repr (a set's members in order), a function as
    module.name (time.sleep)."""
    if callable(default):
        return f"{default.__module__.partition('.')[0]}.{default.__name__}"
    if isinstance(default, frozenset):
        return f"frozenset({{{', '.join(repr(member) for member in sorted(default))}}})"
    return repr(default)


def test_readme_states_every_retry_policy_argument_with_its_real_default() -> None:
    readme = (PACKAGE / "README.md").read_text(encoding="utf-8")
    (table,) = [table for table in tables(readme) if table[0] == "| argument | default | what it does |"]

    documented = [tuple(cell.strip().strip("`") for cell in row.strip("|").split(" | ")[:2]) for row in table[2:]]

    assert documented == [(field.name, as_documented(field.default)) for field in dataclasses.fields(RetryPolicy)]
