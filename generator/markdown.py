"""Spec text as Markdown for the docs templates and the package README (filters md_text, md_cell, md_code,
md_fence): the spec's own Markdown keeps working, HTML shows as text, a link cannot run script, no control or
separator character reaches the page, and nothing breaks a table row or a code span."""

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


# Line and paragraph separators count as line breaks; other control characters (NUL, DEL, ESC...) are dropped.
_LINE_BREAKS = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\x85": "\n", "\r": "\n"})
# A link whose target names a scheme other than these could run script when the page is clicked.
_SAFE_SCHEMES = ("http", "https", "mailto")
_LINK_TARGET = re.compile(r"\]\(\s*<?\s*([a-zA-Z][a-zA-Z0-9+.\-]*):")
_LINK_DEFINITION = re.compile(r"^(\s{0,3})\[(?=[^\]]*\]:\s*<?\s*[a-zA-Z][a-zA-Z0-9+.\-]*:)", re.MULTILINE)


# Unicode's control characters (category Cc) are exactly these, for good (its stability policy), but tab and \n:
# one regular expression instead of a category lookup per character, most of the docs' time before.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` without control characters (tab and line breaks stay, as \\n), separators as line breaks."""
    return _CONTROL.sub("", str(text).replace("\r\n", "\n").translate(_LINE_BREAKS))


def md_text(text: str) -> str:
    """Spec prose as Markdown: its Markdown (code, links, emphasis) works, HTML is shown as text, and a link
    to anything but http(s) or mailto is shown as text."""
    return _outside_code(printable(text), lambda plain: _inert_links(html.escape(plain, quote=False)))


def md_cell(text: str) -> str:
    """Spec text for one table cell (or any other one-line place): like md_text, with line breaks as <br>
    and every '|' escaped, which GitHub requires even inside code spans so that the row keeps its cells."""
    one_line = _outside_code(
        printable(text), lambda plain: _inert_links(html.escape(plain, quote=False)).replace("\n", "<br>")
    )
    return one_line.replace("\n", " ").replace("|", "\\|")


def md_link_text(text: str) -> str:
    """Spec text as the text of a link we write: like md_cell, and its brackets cannot close the link."""
    return md_cell(text).replace("[", "\\[").replace("]", "\\]")


def _inert_links(text: str) -> str:
    """Escape the syntax of links whose scheme is not a safe one (`[x](javascript:...)`, `[x]: data:...`), so that
    they show as text."""

    def inline(match: re.Match[str]) -> str:
        return match.group(0) if match.group(1).lower() in _SAFE_SCHEMES else "\\]" + match.group(0)[1:]

    def definition(match: re.Match[str]) -> str:
        scheme = re.search(r"\]:\s*<?\s*([a-zA-Z][a-zA-Z0-9+.\-]*):", text[match.end() :])
        safe = scheme is not None and scheme.group(1).lower() in _SAFE_SCHEMES
        return match.group(0) if safe else match.group(1) + "\\["

    return _LINK_DEFINITION.sub(definition, _LINK_TARGET.sub(inline, text))


def md_code(text: str) -> str:
    """Any text as one inline code span, whatever backticks it contains."""
    text = " ".join(printable(text).splitlines())
    if not text:
        return ""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    padding = " " if text[0] in "` " or text[-1] in "` " else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def md_fence(text: str, language: str = "") -> str:
    """A fenced code block around `text`, with a fence longer than any backtick run inside it."""
    text = printable(text)
    fence = "`" * max(3, max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    return f"{fence}{language}\n{text.rstrip()}\n{fence}"
