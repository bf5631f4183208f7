"""The docs' languages: finding each locale's two files, loading and checking them, and the spec's texts in
one locale.

English is the base locale: its interface strings are templates/docs/locales/en.yaml and its descriptions
are the spec's own. Another locale `xx` is two files, templates/docs/locales/xx.yaml (the same keys,
translated, with the same {placeholders}) and spec/i18n/xx.yaml (the spec's texts translated, keyed by JSON
pointer, each with a fingerprint of its English: generator/spec/translations.py). Whatever a locale does
not translate, or translated from an English that has changed since (stale), falls back to English.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.config import Settings
from generator.errors import CodegenError, Finding, SpecRejected
from generator.spec.loading import Spec, load_yaml_mapping
from generator.spec.pointers import Pointer, json_pointer
from generator.spec.translations import Translations, load_translations, translation_files, translations_path

BASE_LOCALE = "en"
DOCS_DIR = "docs"  # inside the generated project
TEMPLATES_SUBDIR = "docs"  # inside the templates directory
LOCALES_SUBDIR = "locales"  # inside the docs templates: <lang>.yaml interface strings


@dataclass(frozen=True)
class Locale:
    code: str
    strings: dict[str, str]  # interface strings, English where this locale lacks one
    untranslated_strings: list[str]  # keys that fell back to English
    translations: Translations | None  # of the spec's texts
    strings_file: Spec | None  # where its own interface strings came from (None for the base locale)

    @property
    def prefix(self) -> str:
        """Where its pages go, relative to the generated project."""
        return f"{DOCS_DIR}/" if self.code == BASE_LOCALE else f"{DOCS_DIR}/{self.code}/"


def strings_path(templates: Path, code: str) -> Path:
    return templates / TEMPLATES_SUBDIR / LOCALES_SUBDIR / f"{code}.yaml"


def load_locales(settings: Settings) -> list[Locale]:
    """The base locale first, then every other locale that has an interface strings file, by code."""
    templates, spec_path = settings.templates, settings.spec
    strings_dir = strings_path(templates, BASE_LOCALE).parent
    base = _load_strings(strings_dir / f"{BASE_LOCALE}.yaml", None)
    codes = sorted(path.stem for path in strings_dir.glob("*.yaml") if path.stem != BASE_LOCALE)
    for orphan in translation_files(spec_path):
        if orphan.stem not in codes:
            raise CodegenError(
                f"translations for locale {orphan.stem!r} but no interface strings for it",
                orphan,
                hint=f"add {settings.relative(strings_dir / orphan.name)}, starting from a copy of {BASE_LOCALE}.yaml",
            )
    locales = [Locale(BASE_LOCALE, base.data, [], None, None)]
    for code in codes:
        strings = _load_strings(strings_path(templates, code), base)
        translations_file = translations_path(spec_path, code)
        translations = load_translations(translations_file) if translations_file.exists() else None
        missing = sorted(set(base.data) - set(strings.data))
        locales.append(
            Locale(
                code=code,
                strings={**base.data, **strings.data},
                untranslated_strings=missing,
                translations=translations,
                strings_file=strings,
            )
        )
    return locales


def _load_strings(path: Path, base: Spec | None) -> Spec:
    strings = load_yaml_mapping(path, "locale strings", "interface string key: text")
    for key, text in strings.data.items():
        # Only a problem needs the line: it takes ruamel.yaml's round-trip tree, most of a clean run's docs time.
        if not isinstance(text, str):
            raise CodegenError(f"locale string {key!r} is not text", path, strings.position_of((key,))[0])
        if base is None:
            continue
        if key not in base.data:
            raise CodegenError(
                f"unknown locale string {key!r}",
                path,
                strings.position_of((key,))[0],
                hint=f"the keys are those of {base.path.name}",
            )
        if _placeholders(text) != _placeholders(base.data[key]):
            expected = ", ".join(sorted(_placeholders(base.data[key]))) or "none"
            raise CodegenError(
                f"locale string {key!r} has placeholders {{{', '.join(sorted(_placeholders(text)))}}}",
                path,
                strings.position_of((key,))[0],
                hint=f"use exactly those of {base.path.name}: {expected}",
            )
    return strings


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class Texts:
    """The spec's texts in one locale: the translation where there is a current one, else English. Remembers
    every location asked for, so that the untranslated and stale ones can be listed."""

    def __init__(self, translations: Translations | None, rewrite: Callable[[str], str]) -> None:
        self._translations = translations
        self._rewrite = rewrite
        self.english: dict[str, str] = {}  # JSON pointer -> English text, of every location the pages show

    def __call__(self, location: Pointer, english: str) -> str:
        pointer = json_pointer(location)
        self.english[pointer] = english
        translated = self._translations.current(pointer, english) if self._translations else None
        return self._rewrite(translated if translated is not None else english)

    def untranslated(self) -> list[Untranslated]:
        """The locations shown in English: without a translation, or with a stale one."""
        translations = self._translations
        return sorted(
            Untranslated(pointer, text, stale=translations.is_stale(pointer, text) if translations else False)
            for pointer, text in self.english.items()
            if translations is None or translations.current(pointer, text) is None
        )


@dataclass(frozen=True, order=True)
class Untranslated:
    pointer: str
    english: str
    stale: bool  # a translation exists, made from an English text that has changed since


def check_translations(locale: Locale, texts: Texts) -> None:
    """Every translation must be of a text the pages showed (`texts` asked for it while they were built)."""
    translations = locale.translations
    if translations is None:
        return
    unshown = [
        Finding(
            translations.file.path,
            *translations.file.position_of((pointer,)),
            "error",
            f"translation for {pointer!r}, which the docs do not show",
            "keys are JSON pointers to texts of the spec that the docs show; remove it or fix the pointer",
        )
        for pointer in translations.entries
        if pointer not in texts.english
    ]
    if unshown:
        raise SpecRejected(unshown)
