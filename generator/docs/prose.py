"""Reading finished Markdown pages as a reader sees them, for what runs on rendered pages (the glossary check,
the marking of links to pages in another language): the lines outside fenced code blocks, the visible text of a
line (a link shows its label; a code span or a URL is one opaque character, since no wording rule applies inside
it), and rewriting the links of a line."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generator.markdown import CODE_SPAN

OPAQUE = "\ue000"  # stands for a code span or a URL in visible text: a private-use character, so no rule matches it

_FENCE = re.compile(r"\s*(`{3,}|~{3,})")
_INLINE = re.compile(
    "|".join(
        [
            CODE_SPAN,
            r"(?P<link>(?P<bang>!?)\[(?P<label>[^\[\]]*)\]\((?P<target>[^()\s]*)\))",
            r"(?P<url>https?://[^\s<>|)]+)",
            r"(?P<br><br>)",
            r"\\(?P<escaped>[!-/:-@\[-`{-~])",  # a backslash escape shows the punctuation character after it
            r"(?P<emphasis>\*+)",
        ]
    )
)


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """(1-based line number, line) of every line outside fenced code blocks."""
    fence: str | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)
        elif fence is None:
            yield number, line
        elif line.strip() and set(line.strip()) == {fence[0]} and len(line.strip()) >= len(fence):
            fence = None


@dataclass(frozen=True)
class Visible:
    text: str
    columns: list[int]  # for each character of `text`, its 0-based column in the line it was read from


def visible(line: str) -> Visible:
    """What a reader sees of one line of Markdown, with where each character came from."""
    text: list[str] = []
    columns: list[int] = []

    def show(characters: str, start: int) -> None:
        text.extend(characters)
        columns.extend(range(start, start + len(characters)))

    position = 0
    for token in _INLINE.finditer(line):
        show(line[position : token.start()], position)
        if token["code"] or token["url"]:
            show(OPAQUE, token.start())
        elif token["link"]:
            label = visible(token["label"])
            text.extend(label.text)
            columns.extend(column + token.start("label") for column in label.columns)
        elif token["br"]:
            show(" ", token.start())
        elif token["escaped"]:
            show(token["escaped"], token.start("escaped"))
        position = token.end()
    show(line[position:], position)
    return Visible("".join(text), columns)


def append_after_links(text: str, marker: str, wanted: Callable[[str], bool]) -> str:
    """`text` with `marker` right after every link (not image, not inside code) whose target `wanted` selects,
    unless the marker is already there."""
    prose = dict(prose_lines(text))
    lines = text.split("\n")
    for number, line in prose.items():
        pieces = []
        position = 0
        for token in _INLINE.finditer(line):
            if (
                token["link"]
                and not token["bang"]
                and wanted(token["target"])
                and not line.startswith(marker, token.end())
            ):
                pieces.append(line[position : token.end()] + marker)
                position = token.end()
        lines[number - 1] = "".join(pieces) + line[position:]
    return "\n".join(lines)
