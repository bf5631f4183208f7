"""The toolkit's own documentation, README.md and the hand-written pages in docs/, stays true: every link and
anchor resolves, the classification table is the one the change report uses, and every block marked runnable
runs in a throw-away copy of the project and prints what the page shows (docs/testing.md describes the marker).

The generated package's docs are tested by tests/test_docs.py and tests/test_docs_examples.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support import TOOLKIT
from support.markdown_pages import RUNNABLE, RunnableBlock, anchors, links, runnable_blocks, runnable_markers
from support.project_copy import copy_project
from support.shared_files import SHARED, shared_file

from generator.evolve.rules import markdown_table

README = TOOLKIT / "README.md"
DOCS = TOOLKIT / "docs"
# Written by `make bench`, not by hand: linked and anchored into, but not checked itself.
WRITTEN_BY_TOOLS = {DOCS / "BENCHMARKS.md"}
DOCS_PAGES = sorted(page for page in DOCS.glob("*.md") if page not in WRITTEN_BY_TOOLS)
HAND_WRITTEN = [README, *DOCS_PAGES]
README_MAX_LINES = 200
# What a block may take: the slowest runs generate or `upstream-diff --apply`, a few seconds each.
BLOCK_TIMEOUT_SECONDS = 120


def _name(page: Path) -> str:
    return page.relative_to(TOOLKIT).as_posix()


def _text(page: Path) -> str:
    return page.read_text(encoding="utf-8")


# --- the README and its links ----------------------------------------------------------------------------


def test_readme_stays_a_first_read() -> None:
    lines = len(_text(README).splitlines())

    assert lines <= README_MAX_LINES, f"README.md has {lines} lines: move detail into a page under docs/"


def test_readme_links_every_docs_page() -> None:
    linked = {(TOOLKIT / target.partition("#")[0]).resolve() for target in links(_text(README))}

    unlinked = [_name(page) for page in [*DOCS_PAGES, *WRITTEN_BY_TOOLS] if page.resolve() not in linked]

    assert not unlinked, f"README.md does not link {unlinked}: add them to its 'Read more' list"


@pytest.mark.parametrize("page", HAND_WRITTEN, ids=_name)
def test_every_relative_link_and_anchor_resolves(page: Path) -> None:
    broken = []
    for target in links(_text(page)):
        if re.match(r"^[a-z][a-z+.-]*:", target):  # https:, mailto: ... are not ours to check
            continue
        path, _, anchor = target.partition("#")
        resolved = (page.parent / path).resolve() if path else page
        if not resolved.exists():
            broken.append(f"{target!r}: no such file")
        elif anchor and resolved.suffix == ".md" and anchor not in anchors(_text(resolved)):
            broken.append(f"{target!r}: no heading of {_name(resolved)} has the anchor #{anchor}")
        elif anchor and resolved.suffix != ".md":
            broken.append(f"{target!r}: an anchor into a file that is not Markdown")
    assert not broken, f"{_name(page)}: broken links:\n" + "\n".join(broken)


def test_anchors_follow_githubs_slug_rules() -> None:
    # The link check above is only as good as these rules.
    text = "# Take upstream's changes: `upstream-diff --apply`\n## Runtime modules\n## Runtime modules\n"

    assert anchors(text) == {"take-upstreams-changes-upstream-diff---apply", "runtime-modules", "runtime-modules-1"}


# --- the classification table ----------------------------------------------------------------------------


def test_spec_changes_page_shows_the_rules_the_change_report_uses() -> None:
    expected = markdown_table()

    assert expected in _text(DOCS / "spec-changes.md"), (
        "docs/spec-changes.md must contain generator/evolve/rules.py's markdown_table() verbatim; "
        f"replace its table with:\n\n{expected}"
    )


# --- runnable blocks -------------------------------------------------------------------------------------


RUNNABLE_PAGES = [page for page in HAND_WRITTEN if runnable_blocks(_text(page))]


def test_each_page_with_commands_to_try_has_runnable_blocks() -> None:
    # Guards the parametrization below against a marker that stopped matching.
    assert [_name(page) for page in RUNNABLE_PAGES] == [
        "README.md",
        "docs/lint.md",
        "docs/spec-changes.md",
        "docs/templates.md",
    ]


@pytest.mark.parametrize("page", HAND_WRITTEN, ids=_name)
def test_every_runnable_marker_stands_right_before_a_shell_block(page: Path) -> None:
    text = _text(page)
    blocks = runnable_blocks(text)

    assert [block.line - 1 for block in blocks] == runnable_markers(text), (
        f"{_name(page)}: a {RUNNABLE} marker is not on the line right before a fenced block"
    )
    assert all(block.language == "sh" for block in blocks), f"{_name(page)}: {RUNNABLE} marks a block not tagged sh"


def expected_output(shown: str) -> re.Pattern[str]:
    """What a page's output block allows: its lines exactly, except that a line `...` stands for any number of
    lines and `...` inside a line for any text on that line."""
    parts = []
    for line in _lines(shown):
        if line.strip() == "...":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append(r"[^\n]*?".join(re.escape(piece) for piece in line.split("...")) + r"\n")
    return re.compile("".join(parts))


def _lines(output: str) -> list[str]:
    """Lines without trailing spaces, and without trailing blank lines: what an editor keeps of an output."""
    return "\n".join(line.rstrip() for line in output.splitlines()).rstrip("\n").splitlines()


def test_output_blocks_elide_with_dots() -> None:
    pattern = expected_output("first\n...\nin ... s\n")

    assert pattern.fullmatch("first\nsecond\nthird\nin 0.82 s\n")
    assert pattern.fullmatch("first\nin 1.00 s\n")
    assert not pattern.fullmatch("first\nin 1.00 s\nmore\n")


def _project_for_examples(tmp_path: Path) -> Path:
    """A copy of the project where the pages' commands run as written: `.venv` is the environment running the
    tests, and `../shared` the shared material, when it exists."""
    project = copy_project(tmp_path / "project")
    (project / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    if SHARED.is_dir():
        (tmp_path / "shared").symlink_to(SHARED, target_is_directory=True)
    return project


def _run(block: RunnableBlock, project: Path) -> subprocess.CompletedProcess[str]:
    # Unbuffered, so that stdout and stderr interleave in the one stream as they do in a terminal.
    environment = os.environ | {"PYTHONUNBUFFERED": "1"}
    return subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", block.code],
        cwd=project,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=BLOCK_TIMEOUT_SECONDS,
        check=False,
    )


# The pages show real output on today's spec, line numbers included.
@pytest.mark.committed_spec
@pytest.mark.parametrize("page", RUNNABLE_PAGES, ids=_name)
def test_runnable_blocks_run_and_print_what_the_page_shows(page: Path, tmp_path: Path) -> None:
    blocks = runnable_blocks(_text(page))
    for path in sorted({match for block in blocks for match in re.findall(r"\.\./shared/(\S+)", block.code)}):
        shared_file(SHARED / path)
    project = _project_for_examples(tmp_path)

    # In page order, in one copy: a worked example goes on from where the block before it left the project.
    for block in blocks:
        where = f"{_name(page)}:{block.line}"
        result = _run(block, project)
        assert result.returncode == 0, f"{where}: the block exits {result.returncode}:\n{result.stdout}"
        if block.output is None:
            continue
        printed = "".join(f"{line}\n" for line in _lines(result.stdout))
        assert expected_output(block.output).fullmatch(printed), (
            f"{where}: the block prints something else than the page shows.\n"
            f"--- the page shows:\n{block.output}--- the block printed:\n{printed}"
        )
