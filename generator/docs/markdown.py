"""Spec text as Markdown for the docs templates (their filters md_text, md_cell, md_code, md_fence): the
spec's own Markdown keeps working, HTML shows as text, and nothing breaks a table row or a code span."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

# A code span: a run of backticks, content, and a run of exactly as many backticks (CommonMark 6.1).
CODE_SPAN = r"(?<!`)(?P<ticks>`+)(?!`)(?P<code>.+?)(?<!`)(?P=ticks)(?!`)"
_CODE_SPAN = re.compile(CODE_SPAN, re.DOTALL)


def _outside_code(text: str, transform: Callable[[str], str]) -> str:
    """`transform` applied to the text outside code spans (inside them, Markdown shows characters as they are)."""
    parts = []
    position = 0
    for span in _CODE_SPAN.finditer(text):
        parts.append(transform(text[position : span.start()]))
        parts.append(span.group(0))
        position = span.end()
    parts.append(transform(text[position:]))
    return "".join(parts)


def md_text(text: str) -> str:
    """Spec prose as Markdown: its Markdown (code, links, emphasis) works, HTML is shown as text."""
    return _outside_code(text, lambda plain: html.escape(plain, quote=False))


def md_cell(text: str) -> str:
    """Spec text for one table cell (or any other one-line place): like md_text, with line breaks as <br>
    and every '|' escaped, which GitHub requires even inside code spans so that the row keeps its cells."""
    one_line = _outside_code(
        text, lambda plain: html.escape(plain, quote=False).replace("\r\n", "\n").replace("\n", "<br>")
    )
    return one_line.replace("\n", " ").replace("|", "\\|")


def md_code(text: str) -> str:
    """Any text as one inline code span, whatever backticks it contains."""
    text = " ".join(str(text).splitlines())
    if not text:
        return ""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    padding = " " if text[0] in "` " or text[-1] in "` " else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def md_fence(text: str, language: str = "") -> str:
    """A fenced code block around `text`, with a fence longer than any backtick run inside it."""
    fence = "`" * max(3, max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    return f"{fence}{language}\n{text.rstrip()}\n{fence}"
