"""Spec text on Markdown pages (the package README and the docs): a summary cannot split the README's table, show
an escaped quote, inject HTML or a script link, and no control or separator character reaches a page."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from support import ROOT, SPEC_PATH
from support.markdown_pages import MARKDOWN, links, pages, rendered_cells, table_row
from support.spec_examples import body_operation

from generator.config import load_settings
from generator.markdown import md_cell, md_code, md_text
from generator.pipeline import build
from generator.spec.loading import load_spec
from generator.spec.pointers import node_at

HOSTILE_SUMMARY = 'Create | "quoted" <img src=x onerror=alert(1)> [click](javascript:alert(1)) 100%'
CONTROL_TEXT = "Project id\u0000 with a NUL\u2028and a line separator\x1b[31m"


def test_control_characters_are_dropped_and_separators_break_lines() -> None:
    assert md_text(CONTROL_TEXT) == "Project id with a NUL\nand a line separator[31m"
    assert md_cell(CONTROL_TEXT) == "Project id with a NUL<br>and a line separator[31m"
    assert md_code("a\u0000b\u2029c") == "`ab c`"


@pytest.mark.parametrize("target", ["javascript:alert(1)", "JavaScript:alert(1)", " data:text/html,x", "vbscript:x"])
def test_a_link_to_a_script_scheme_shows_as_text(target: str) -> None:
    for escape in (md_text, md_cell):
        assert links(escape(f"see [here]({target}) and [there](https://example.com)")) == ["https://example.com"]


def test_a_link_definition_to_a_script_scheme_shows_as_text() -> None:
    assert links(md_text("[x]\n\n[x]: javascript:alert(1)")) == []


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    scratch = tmp_path_factory.mktemp("markdown")
    data = load_spec(SPEC_PATH).data
    node_at(data, body_operation().pointer)["summary"] = HOSTILE_SUMMARY
    data["components"]["parameters"]["groupId"]["description"] = CONTROL_TEXT
    spec = scratch / "streams.json"
    spec.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")  # \u0000 and \u2028 as YAML escapes
    settings = dataclasses.replace(load_settings(ROOT / "pyproject.toml"), spec=spec)
    build(settings, scratch / "atlas-streams-client")
    return scratch / "atlas-streams-client"


def test_the_readme_table_row_keeps_its_cells_and_shows_the_summary_as_text(package: Path) -> None:
    readme = (package / "README.md").read_text(encoding="utf-8")
    row, header = table_row(readme, "`atlas_streams.api.streams.create_stream_workspace`")

    cells = rendered_cells(row, header)

    assert len(cells) == 3
    assert cells[2] == (
        "Create | &quot;quoted&quot; &lt;img src=x onerror=alert(1)&gt; [click](javascript:alert(1)) 100%"
    )


def test_the_readme_has_no_markup_or_script_link_from_the_spec(package: Path) -> None:
    readme = (package / "README.md").read_text(encoding="utf-8")

    assert "<img" not in MARKDOWN.render(readme)
    assert not [link for link in links(readme) if link.lower().startswith("javascript:")]


def test_no_control_or_separator_character_reaches_a_page(package: Path) -> None:
    for page in [package / "README.md", *pages(package / "docs")]:
        text = page.read_text(encoding="utf-8")
        assert not {"\u0000", "\u2028", "\x1b"} & set(text), page
