"""The docs' languages: finding each locale's two files, loading and checking them, and the spec's texts in
one locale.

English is the base locale: its interface strings are templates/docs/locales/en.yaml and its descriptions
are the spec's own. Another locale `xx` is two files, templates/docs/locales/xx.yaml (the same keys,
translated, with the same {placeholders}) and spec/i18n/xx.yaml (translated descriptions keyed by JSON
pointer into the spec). Whatever a locale does not translate falls back to English.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.config import Settings
from generator.errors import CodegenError
from generator.spec.loading import Spec, load_yaml_mapping
from generator.spec.pointers import Pointer, json_pointer

BASE_LOCALE = "en"
DOCS_DIR = "docs"  # inside the generated project
TEMPLATES_SUBDIR = "docs"  # inside the templates directory
LOCALES_SUBDIR = "locales"  # inside the docs templates: <lang>.yaml interface strings
I18N_SUBDIR = "i18n"  # beside the spec: <lang>.yaml description overlays


@dataclass(frozen=True)
class Locale:
    code: str
    strings: dict[str, str]  # interface strings, English where this locale lacks one
    untranslated_strings: list[str]  # keys that fell back to English
    overlay: dict[str, str]  # JSON pointer -> translated description
    overlay_file: Spec | None  # where the overlay came from, for error lines
    strings_file: Spec | None  # where its own interface strings came from (None for the base locale)

    @property
    def prefix(self) -> str:
        """Where its pages go, relative to the generated project."""
        return f"{DOCS_DIR}/" if self.code == BASE_LOCALE else f"{DOCS_DIR}/{self.code}/"


def strings_path(templates: Path, code: str) -> Path:
    return templates / TEMPLATES_SUBDIR / LOCALES_SUBDIR / f"{code}.yaml"


def overlay_path(spec: Path, code: str) -> Path:
    return spec.parent / I18N_SUBDIR / f"{code}.yaml"


def load_locales(settings: Settings) -> list[Locale]:
    """The base locale first, then every other locale that has an interface strings file, by code."""
    templates, spec_path = settings.templates, settings.spec
    strings_dir = strings_path(templates, BASE_LOCALE).parent
    overlays_dir = overlay_path(spec_path, BASE_LOCALE).parent
    base = _load_strings(strings_dir / f"{BASE_LOCALE}.yaml", None)
    codes = sorted(path.stem for path in strings_dir.glob("*.yaml") if path.stem != BASE_LOCALE)
    for orphan in sorted(overlays_dir.glob("*.yaml")):
        if orphan.stem not in codes:
            raise CodegenError(
                f"translations for locale {orphan.stem!r} but no interface strings for it",
                orphan,
                hint=f"add {settings.relative(strings_dir / orphan.name)}, starting from a copy of {BASE_LOCALE}.yaml",
            )
    locales = [Locale(BASE_LOCALE, base.data, [], {}, None, None)]
    for code in codes:
        strings = _load_strings(strings_path(templates, code), base)
        overlay_file = overlay_path(spec_path, code)
        overlay = _load_overlay(overlay_file) if overlay_file.exists() else None
        missing = sorted(set(base.data) - set(strings.data))
        locales.append(
            Locale(
                code=code,
                strings={**base.data, **strings.data},
                untranslated_strings=missing,
                overlay=overlay.data if overlay else {},
                overlay_file=overlay,
                strings_file=strings,
            )
        )
    return locales


def _load_strings(path: Path, base: Spec | None) -> Spec:
    strings = load_yaml_mapping(path, "locale strings", "interface string key: text")
    for key, text in strings.data.items():
        line = strings.position_of((key,))[0]
        if not isinstance(text, str):
            raise CodegenError(f"locale string {key!r} is not text", path, line)
        if base is None:
            continue
        if key not in base.data:
            raise CodegenError(
                f"unknown locale string {key!r}", path, line, hint=f"the keys are those of {base.path.name}"
            )
        if _placeholders(text) != _placeholders(base.data[key]):
            expected = ", ".join(sorted(_placeholders(base.data[key]))) or "none"
            raise CodegenError(
                f"locale string {key!r} has placeholders {{{', '.join(sorted(_placeholders(text)))}}}",
                path,
                line,
                hint=f"use exactly those of {base.path.name}: {expected}",
            )
    return strings


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _load_overlay(path: Path) -> Spec:
    overlay = load_yaml_mapping(path, "translations", "JSON pointer into the spec: translated text")
    for key, text in overlay.data.items():
        if not isinstance(text, str) or not text.strip():
            raise CodegenError(f"translation of {key!r} is not text", path, overlay.position_of((key,))[0])
    return overlay


class Texts:
    """The spec's descriptions in one locale: the translation where the overlay has one, else English.
    Remembers every location asked for, so that the untranslated ones can be listed."""

    def __init__(self, overlay: Mapping[str, str], rewrite: Callable[[str], str]) -> None:
        self._overlay = overlay
        self._rewrite = rewrite
        self.english: dict[str, str] = {}  # JSON pointer -> English text, of every location the pages show

    def __call__(self, location: Pointer, english: str) -> str:
        pointer = json_pointer(location)
        self.english[pointer] = english
        return self._rewrite(self._overlay.get(pointer, english))

    def untranslated(self) -> list[tuple[str, str]]:
        return sorted((pointer, text) for pointer, text in self.english.items() if pointer not in self._overlay)


def check_overlay(locale: Locale, texts: Texts) -> None:
    """Every translation must be of a text the pages showed (`texts` asked for it while they were built)."""
    for pointer in locale.overlay:
        if pointer not in texts.english:
            assert locale.overlay_file is not None
            raise CodegenError(
                f"translation for {pointer!r}, which the docs do not show",
                locale.overlay_file.path,
                locale.overlay_file.position_of((pointer,))[0],
                hint="keys are JSON pointers to descriptions in the spec; remove it or fix the pointer",
            )
