"""Reading Markdown the way GitHub does, for the docs tests (a helper module, not a test file): the generated
reference docs, and the toolkit's own README.md and docs/.

markdown-it-py with GFM tables parses the pages, so links, tables and code blocks are found where a renderer
finds them (a '|' inside a fenced block is not a table, a link inside a code span is not a link).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

MARKDOWN = MarkdownIt("commonmark").enable("table")

# A cell separator: a '|' that no backslash escapes (GFM requires '\|' even inside code spans in tables).
_SEPARATOR = re.compile(r"(?<!\\)\|")


def pages(root: Path) -> list[Path]:
    """Every Markdown file under `root`, sorted."""
    return sorted(root.rglob("*.md"))


def _inline_tokens(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from _inline_tokens(token.children)


def links(text: str) -> list[str]:
    """The target of every link and image."""
    found = []
    for token in _inline_tokens(MARKDOWN.parse(text)):
        if token.type == "link_open":
            found.append(str(token.attrGet("href")))
        elif token.type == "image":
            found.append(str(token.attrGet("src")))
    return found


def links_with_following_text(text: str) -> list[tuple[str, str]]:
    """(target, the text right after the link, up to the next inline element) of every link."""
    found = []
    for token in MARKDOWN.parse(text):
        children = token.children or []
        targets = []
        for index, child in enumerate(children):
            if child.type == "link_open":
                targets.append(str(child.attrGet("href")))
            elif child.type == "link_close":
                following = children[index + 1] if index + 1 < len(children) else None
                found.append((targets.pop(), following.content if following and following.type == "text" else ""))
    return found


def code_blocks(text: str, language: str) -> list[str]:
    """The content of every fenced code block tagged `language`."""
    return [token.content for token in MARKDOWN.parse(text) if token.type == "fence" and token.info == language]


# The inline elements whose text makes a heading's anchor (markup and HTML tags are left out).
_HEADING_WORDS = ("text", "code_inline")


def anchors(text: str) -> set[str]:
    """The `#anchor` of every heading, as GitHub makes them: the heading's text lowercased, without punctuation,
    spaces turned into '-', and '-1', '-2', ... added to repeats."""
    tokens = MARKDOWN.parse(text)
    found: set[str] = set()
    for opening, inline in zip(tokens, tokens[1:], strict=False):
        if opening.type != "heading_open":
            continue
        words = "".join(
            child.content for child in _inline_tokens(inline.children or []) if child.type in _HEADING_WORDS
        )
        slug = "".join(char for char in words.lower() if char in " -_" or unicodedata.category(char)[0] in "LNM")
        slug = slug.replace(" ", "-")
        unique, repeat = slug, 0
        while unique in found:
            repeat += 1
            unique = f"{slug}-{repeat}"
        found.add(unique)
    return found


RUNNABLE = "<!-- runnable -->"


@dataclass(frozen=True)
class RunnableBlock:
    """A fenced block right after a RUNNABLE marker, and what running it prints if the page shows that: the
    `text` block that follows it with only blank lines between."""

    line: int  # of the opening fence, counted from 1
    language: str
    code: str
    output: str | None


def runnable_markers(text: str) -> list[int]:
    """The line (from 1) of every RUNNABLE marker, wherever it stands."""
    return [token.map[0] + 1 for token in MARKDOWN.parse(text) if _is_marker(token) and token.map]


def runnable_blocks(text: str) -> list[RunnableBlock]:
    """Every fenced block on the line after a RUNNABLE marker, in page order."""
    tokens = [token for token in MARKDOWN.parse(text) if token.type in ("html_block", "fence") and token.map]
    blocks = []
    for marker, block, after in zip(tokens, tokens[1:], [*tokens[2:], None], strict=False):
        if not (_is_marker(marker) and block.type == "fence" and _span(block)[0] == _span(marker)[1]):
            continue
        shows_output = after is not None and after.type == "fence" and after.info == "text"
        output = after.content if after is not None and shows_output and _blank_between(text, block, after) else None
        blocks.append(RunnableBlock(_span(block)[0] + 1, block.info, block.content, output))
    return blocks


def _is_marker(token: Token) -> bool:
    return token.type == "html_block" and token.content.strip() == RUNNABLE


def _span(token: Token) -> list[int]:
    """[first line, line after the last] of a block, counted from 0."""
    assert token.map is not None
    return token.map


def _blank_between(text: str, first: Token, second: Token) -> bool:
    return not "".join(text.splitlines()[_span(first)[1] : _span(second)[0]]).strip()


def tables(text: str) -> list[list[str]]:
    """Every table as its source lines: header, delimiter row, body rows."""
    lines = text.splitlines()
    return [
        lines[token.map[0] : token.map[1]] for token in MARKDOWN.parse(text) if token.type == "table_open" and token.map
    ]


def cell_count(row: str) -> int:
    """Cells of one table row, counted as GFM splits them: on unescaped '|', outer pipes excluded."""
    row = row.strip()
    separators = len(_SEPARATOR.findall(row))
    return separators - 1 if row.startswith("|") and row.endswith("|") and not row.endswith("\\|") else separators + 1


def rendered_cells(row_source: str, header: str) -> list[str]:
    """The HTML of each cell of `row_source` when rendered under `header`."""
    delimiter = "|" + " --- |" * cell_count(header)
    html = MARKDOWN.render(f"{header}\n{delimiter}\n{row_source}\n")
    return re.findall(r"<td>(.*?)</td>", html, re.DOTALL)


def visible_text(text: str) -> str:
    """What a reader sees of a page: the text of every inline element (entities decoded, markup gone), a
    space between elements."""
    parts = []
    for token in _inline_tokens(MARKDOWN.parse(text)):
        if token.type in ("text", "code_inline", "html_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak") or token.type.endswith("_close"):
            parts.append(" ")
    return "".join(parts)


def assert_tables_keep_their_cells(docs: dict[str, str]) -> int:
    """Every row of every table has as many cells as its header; returns how many rows were checked."""
    rows = 0
    for name, text in docs.items():
        for table in tables(text):
            header, *body = table
            for row in body:
                assert cell_count(row) == cell_count(header), f"{name}: {row}"
                rows += 1
    return rows


def table_row(text: str, first_cell: str) -> tuple[str, str]:
    """(row, its table's header) of the row whose first cell is `first_cell`."""
    for table in tables(text):
        for row in table[2:]:
            if row.startswith(f"| {first_cell} |"):
                return row, table[0]
    raise AssertionError(f"no table row starts with {first_cell!r}")
