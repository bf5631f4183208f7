"""What the generated package's docs tell its users: the example error codes as examples, no maintainer's text, and
the untranslated list kept out of the package, among the toolkit's docs, where `check` compares it."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import ROOT
from support.markdown_pages import pages
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
