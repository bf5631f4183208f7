"""The glossary check of a locale's rendered pages (glossary.py), each violation reported as a warning at the
source line that wrote it.

A page line is put together from a locale's translations (spec/i18n/<lang>.yaml), its interface strings
(templates/docs/locales/<lang>.yaml) and the docs templates' own text. The source of a violation is the one of them
that shows the offending text with the most of the same visible text around it as the page. Comparing visible text
(prose.py) makes escaping and rewritten link targets irrelevant. The position is that of the offending text inside
the YAML entry, which Spec.position_of locates, or inside the template line.

Text shown in English because the locale has no translation for it is listed on the untranslated page, and the
glossary does not apply to it: a violation whose best source is English is left out. One that no source shows
(it came from the spec's data, such as a name) is reported where it stands on the page.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from generator.config import Settings
from generator.docs.glossary import Sighting, glossary_path, load_glossary, sightings
from generator.docs.locales import TEMPLATES_SUBDIR, Locale, Texts
from generator.docs.prose import OPAQUE, Visible, visible
from generator.errors import Finding, as_typed
from generator.spec.loading import Spec

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_CONTEXT = 40  # characters compared on each side: enough to tell two entries apart


@dataclass(frozen=True)
class Source:
    """A text as written in a source file: a YAML entry's value or a template line. Its written form is looked for
    in file_text[start:end]; English shown in place of a missing translation has no file."""

    text: str
    path: Path | None = None
    file_text: str = ""
    start: int = 0
    end: int = 0

    @cached_property
    def shown(self) -> Visible:
        return visible(self.text)


def glossary_warnings(settings: Settings, locale: Locale, texts: Texts, pages: dict[str, str]) -> list[Finding]:
    """The glossary check of one locale's rendered pages (page path -> Markdown), if the locale has a glossary."""
    rules = load_glossary(glossary_path(settings.templates, locale.code))
    if rules is None:
        return []
    found = [sighting for page, text in pages.items() for sighting in sightings(page, text, rules)]
    if not found:  # the sources locate a violation: the YAML entries' positions take ruamel.yaml's round-trip tree
        return []
    templates = sorted((settings.templates / TEMPLATES_SUBDIR).glob("*.jinja"))
    english = [shown.english for shown in texts.untranslated()]
    english += [locale.strings[key] for key in locale.untranslated_strings]
    sources = [
        *(entry_sources(locale.translations.file) if locale.translations else []),
        *(entry_sources(locale.strings_file) if locale.strings_file else []),
        *(source for template in templates for source in template_sources(template)),
        *(Source(text) for text in english),
    ]
    return report(found, sources, settings.output / locale.prefix)


def entry_sources(spec: Spec) -> list[Source]:
    """One source per entry of a YAML mapping of texts: interface strings (key: text) or translations (key:
    {english, text}), each spanning from after the key of its text to the next entry's key."""
    starts = _line_starts(spec.text)
    texts: dict[str, tuple[tuple[str, ...], str]] = {}
    for key, value in spec.data.items():
        if isinstance(value, str):
            texts[key] = ((key,), value)
        elif isinstance(value, dict) and isinstance(value.get("text"), str):
            texts[key] = ((key, "text"), value["text"])
    keys = sorted((spec.position_of((key,)), key) for key in texts)
    sources = []
    for index, (_, key) in enumerate(keys):
        pointer, text = texts[key]
        line, column = spec.position_of(pointer)
        after_key = spec.text.find(":", starts[line - 1] + column - 1 + len(pointer[-1])) + 1
        end = starts[keys[index + 1][0][0] - 1] if index + 1 < len(keys) else len(spec.text)
        sources.append(Source(text, spec.path, spec.text, after_key, end))
    return sources


def template_sources(path: Path) -> list[Source]:
    """One source per line of a docs template: its own text, with Jinja's tags and comments blanked out (what they
    print comes from elsewhere)."""
    text = path.read_text(encoding="utf-8")
    own = _JINJA.sub(lambda tag: re.sub(r"[^\n]", OPAQUE, tag.group()), text)
    starts = _line_starts(text)
    ends = [start - 1 for start in starts[1:]] + [len(text)]
    return [Source(own[start:end], path, text, start, end) for start, end in zip(starts, ends, strict=True)]


@dataclass(frozen=True)
class _Origin:
    path: Path | None  # None: English shown in place of a missing translation
    line: int
    column: int


def report(found: Iterable[Sighting], sources: list[Source], pages_dir: Path) -> list[Finding]:
    """One warning per source position, naming the first page that shows it and how many more do."""
    seen: dict[tuple[str, int, int, str], list[Sighting]] = {}
    # The same words in the same context recur on many pages (a spec of hundreds of operations repeats its texts):
    # each is traced once, through the sources that show the words at all.
    holders: dict[str, list[Source]] = {}
    traced: dict[tuple[str, str, str], _Origin | None] = {}
    for sighting in found:
        context = (sighting.found, sighting.before, sighting.after)
        if context not in traced:
            if sighting.found not in holders:
                holders[sighting.found] = [source for source in sources if sighting.found in source.shown.text]
            traced[context] = _origin(sighting, holders[sighting.found])
        origin = traced[context] or _Origin(pages_dir / sighting.page, sighting.line, sighting.column)
        if origin.path is None:
            continue
        message = sighting.rule.message.replace("{found}", repr(sighting.found))
        seen.setdefault((str(origin.path), origin.line, origin.column, message), []).append(sighting)
    findings = []
    for (path, line, column, message), same in sorted(seen.items()):
        first = same[0]
        where = f"seen on {as_typed(pages_dir / first.page)}:{first.line}"
        if len(same) > 1:
            where += f" and {len(same) - 1} more"
        hint = "; ".join(part for part in (first.rule.hint, where) if part)
        findings.append(Finding(path, line, column, "warning", message, hint))
    return findings


def _origin(sighting: Sighting, sources: list[Source]) -> _Origin | None:
    """Where the text that the sighting saw was written, or None when no source shows it."""
    best: tuple[tuple[int, bool], Source, int] | None = None
    for source in sources:
        shown = source.shown.text
        index = shown.find(sighting.found)
        while index >= 0:
            after = index + len(sighting.found)
            score = _common_length(sighting.before[::-1], shown[:index][::-1]) + _common_length(
                sighting.after, shown[after:]
            )
            rank = (score, source.path is not None)  # on a tie, a translation over English
            if best is None or rank > best[0]:  # on a tie, the earlier source: an anchor before its aliases
                best = (rank, source, index)
            index = shown.find(sighting.found, index + 1)
    if best is None:
        return None
    _, source, index = best
    if source.path is None:
        return _Origin(None, 0, 0)
    return _Origin(source.path, *_position(source, index, len(sighting.found)))


def _position(source: Source, index: int, length: int) -> tuple[int, int]:
    """1-based line and column in the source file of the visible characters index .. index + length: where the
    same occurrence of their written form is in the file. Written differently there (escaped, or through a YAML
    alias), it is the entry's start."""
    columns = source.shown.columns
    first, last = columns[index], columns[index + length - 1]
    written = source.text[first : last + 1]
    offset = _nth(source.file_text, written, source.start, source.end, source.text[:first].count(written))
    if offset is None:
        offset = source.start
    starts = _line_starts(source.file_text)
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def _nth(text: str, needle: str, start: int, end: int, nth: int) -> int | None:
    """Where the nth (from 0) occurrence of `needle` in text[start:end] begins."""
    found = text.find(needle, start, end)
    for _ in range(nth):
        if found < 0:
            break
        found = text.find(needle, found + len(needle), end)
    return found if found >= 0 else None


def _common_length(one: str, other: str) -> int:
    return len(os.path.commonprefix([one[:_CONTEXT], other[:_CONTEXT]]))


def _line_starts(text: str) -> list[int]:
    return [0, *(index + 1 for index, character in enumerate(text) if character == "\n")]
