"""A locale's glossary, templates/docs/glossary/<lang>.yaml, as rules over the visible text of its rendered pages:
each concept's variants (outside the longer names allowed to contain them), sentence endings of another register,
identifiers outside code spans, and other patterns. A locale without a glossary file (English) is not checked.
The glossary lives outside templates/docs/locales/ because every YAML file there is a locale.

`sightings` finds the violations on a page; provenance.py says which source line produced each."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.docs.locales import TEMPLATES_SUBDIR
from generator.docs.prose import prose_lines, visible
from generator.errors import CodegenError
from generator.spec.loading import Spec, load_yaml_mapping
from generator.spec.pointers import Pointer

GLOSSARY_SUBDIR = "glossary"  # inside the docs templates: <lang>.yaml
_SECTIONS = ("register", "concepts", "code", "patterns")
_HANGUL_WORD = "[가-힣]*"
_WORD_CHARACTER = "A-Za-z0-9_-"  # around a Latin variant or identifier: a longer identifier is another word


def glossary_path(templates: Path, code: str) -> Path:
    return templates / TEMPLATES_SUBDIR / GLOSSARY_SUBDIR / f"{code}.yaml"


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern[str]
    message: str  # what is wrong; "{found}" stands for the offending text, quoted
    hint: str
    allowed: tuple[str, ...] = ()  # longer names that contain a match and stay as they are


@dataclass(frozen=True)
class Sighting:
    """One violation on a rendered page, with the visible text around it (to find the source that wrote it)."""

    page: str
    line: int
    column: int  # 1-based, in the page's line
    found: str
    before: str  # the visible text of the line before `found`
    after: str  # and after it
    rule: Rule


def load_glossary(path: Path) -> list[Rule] | None:
    """The rules of the glossary at `path`, or None when the locale has none."""
    if not path.exists():
        return None
    glossary = load_yaml_mapping(path, "glossary", "section: rules")
    for section in glossary.data:
        if section not in _SECTIONS:
            raise _invalid(
                glossary, (section,), f"unknown section {section!r}", f"the sections are {', '.join(_SECTIONS)}"
            )
    return [
        *_register_rules(glossary),
        *_concept_rules(glossary),
        *_code_rules(glossary),
        *_pattern_rules(glossary),
    ]


def sightings(page: str, text: str, rules: list[Rule]) -> Iterator[Sighting]:
    """Every violation of `rules` on the rendered page `text` (named `page`), in reading order."""
    # Nearly every line keeps every rule: one search for any of them spares trying each rule on it.
    any_rule = re.compile("|".join(f"(?:{rule.pattern.pattern})" for rule in rules))
    for number, line in prose_lines(text):
        shown = visible(line)
        if not any_rule.search(shown.text):
            continue
        on_line = []
        for rule in rules:
            for match in rule.pattern.finditer(shown.text):
                start, end = match.span()
                if start < end and not _allowed(rule, shown.text, start, end):
                    on_line.append((start, end, rule))
        for start, end, rule in sorted(on_line, key=lambda found: found[:2]):
            column = shown.columns[start] + 1
            yield Sighting(page, number, column, shown.text[start:end], shown.text[:start], shown.text[end:], rule)


def _allowed(rule: Rule, text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside one of the longer names that the rule allows."""
    return any(
        match.start() <= start and end <= match.end()
        for name in rule.allowed
        for match in re.finditer(re.escape(name), text)
    )


def _register_rules(glossary: Spec) -> Iterator[Rule]:
    if not _section(glossary, ("register",), dict):
        return
    name, hint = _text(glossary, ("register", "name")), _text(glossary, ("register", "hint"))
    for other, ending in _section(glossary, ("register", "not"), dict).items():
        # The whole word, so that the report names what to rewrite.
        pattern = _pattern(glossary, ("register", "not", other), f"{_HANGUL_WORD}(?:{ending})(?![가-힣])")
        yield Rule(pattern, f"{{found}} ends a sentence in {other}; these pages are in {name}", hint)


def _concept_rules(glossary: Spec) -> Iterator[Rule]:
    for index, _ in enumerate(_section(glossary, ("concepts",), list)):
        at: Pointer = ("concepts", index)
        what, term = _text(glossary, (*at, "concept")), _text(glossary, (*at, "term"))
        allowed = tuple(_texts(glossary, (*at, "allow"), required=False))
        for variant in _texts(glossary, (*at, "avoid")):
            message = f"{{found}}: the glossary's term for {what} is {term!r}"
            yield Rule(re.compile(_as_word(variant)), message, f"write {term!r} instead", allowed)


def _code_rules(glossary: Spec) -> Iterator[Rule]:
    if not _section(glossary, ("code",), dict):
        return
    hint = _text(glossary, ("code", "hint"))
    for identifier in _texts(glossary, ("code", "identifiers")):
        yield Rule(re.compile(_as_word(identifier)), "{found} outside a code span", hint)


def _pattern_rules(glossary: Spec) -> Iterator[Rule]:
    for index, _ in enumerate(_section(glossary, ("patterns",), list)):
        at: Pointer = ("patterns", index)
        pattern = _pattern(glossary, (*at, "pattern"), _text(glossary, (*at, "pattern")))
        yield Rule(pattern, f"{{found}}: {_text(glossary, (*at, 'what'))}", _text(glossary, (*at, "hint")))


def _as_word(text: str) -> str:
    """A literal that, where it starts or ends with a Latin letter or digit, is not part of a longer word there.
    Korean words are left open: a particle or ending follows them directly."""
    pattern = re.escape(text)
    if re.match(f"[{_WORD_CHARACTER}]", text):
        pattern = f"(?<![{_WORD_CHARACTER}]){pattern}"
    if re.search(f"[{_WORD_CHARACTER}]$", text):
        pattern = f"{pattern}(?![{_WORD_CHARACTER}])"
    return pattern


# --- reading the file, with the line of whatever is wrong in it


def _node(glossary: Spec, at: Pointer) -> Any:
    node: Any = glossary.data
    for part in at:
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return None
    return node


def _section(glossary: Spec, at: Pointer, kind: type) -> Any:
    """An optional part of the glossary: empty when absent."""
    node = _node(glossary, at)
    if node is None:
        return kind()
    if not isinstance(node, kind):
        raise _invalid(glossary, at, f"{_name(at)} must be a {kind.__name__}")
    return node


def _text(glossary: Spec, at: Pointer) -> str:
    node = _node(glossary, at)
    if not isinstance(node, str) or not node:
        raise _invalid(glossary, at, f"{_name(at)} must be text")
    return node


def _texts(glossary: Spec, at: Pointer, required: bool = True) -> list[str]:
    node = _node(glossary, at)
    if node is None and not required:
        return []
    if not isinstance(node, list) or not node or not all(isinstance(item, str) and item for item in node):
        raise _invalid(glossary, at, f"{_name(at)} must be a list of texts")
    return node


def _pattern(glossary: Spec, at: Pointer, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as err:
        raise _invalid(glossary, at, f"{_name(at)} is not a regular expression: {err}") from err


def _name(at: Pointer) -> str:
    return "/".join(map(str, at))


def _invalid(glossary: Spec, at: Pointer, message: str, hint: str | None = None) -> CodegenError:
    line, column = glossary.position_of(at)
    return CodegenError(message, glossary.path, line, column, hint=hint)
