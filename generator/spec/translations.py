"""Translations of the spec's texts, one file per language beside the spec (spec/i18n/<lang>.yaml).

Each entry is keyed by the JSON pointer of an English text in the spec and holds the translation and a
fingerprint of the English it translates:

    /components/parameters/groupId/description:
      english: 1f0c3a9e
      text: 새 스트림 워크스페이스를 소유할 프로젝트의 ID로 ...

When the English changes (upstream renamed a role, a maintainer reworded a description), the fingerprint
no longer matches and the translation is stale: the docs show the English, the untranslated list names it,
and lint warns at its line. An entry whose pointer no longer names a text of the spec is an error, which
`upstream-diff --apply` clears by removing it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from generator.errors import CodegenError, Finding
from generator.spec.loading import Spec, dump_spec, load_yaml_mapping
from generator.spec.pointers import pointer_of

TRANSLATIONS_DIR = "i18n"  # beside the spec
_FIELDS = {"english", "text"}


def fingerprint(english: str) -> str:
    """A short fingerprint of an English text: 32 bits of its sha256, enough to notice a change, written in
    the letters a-p so that YAML never reads it as a number (946e9673 would be a float)."""
    digest = hashlib.sha256(english.encode("utf-8")).hexdigest()[:8]
    return "".join("abcdefghijklmnop"[int(digit, 16)] for digit in digest)


def translations_path(spec: Path, code: str) -> Path:
    return spec.parent / TRANSLATIONS_DIR / f"{code}.yaml"


def translation_files(spec: Path) -> list[Path]:
    """Every language's translations of the spec at `spec`, by language code."""
    return sorted((spec.parent / TRANSLATIONS_DIR).glob("*.yaml"))


@dataclass(frozen=True)
class Translation:
    text: str
    english: str  # fingerprint of the English text it translates


@dataclass(frozen=True)
class Translations:
    file: Spec  # the file, for positions
    entries: dict[str, Translation]  # JSON pointer -> translation

    def current(self, pointer: str, english: str) -> str | None:
        """The translation of `english` at `pointer`, or None when there is none or it is stale."""
        entry = self.entries.get(pointer)
        return entry.text if entry is not None and entry.english == fingerprint(english) else None

    def is_stale(self, pointer: str, english: str) -> bool:
        entry = self.entries.get(pointer)
        return entry is not None and entry.english != fingerprint(english)


def load_translations(path: Path) -> Translations:
    file = load_yaml_mapping(path, "translations", "JSON pointer into the spec: {english: fingerprint, text: ...}")
    entries = {}
    for pointer, entry in file.data.items():
        # Only a problem needs the line: it takes ruamel.yaml's round-trip tree.
        if not isinstance(entry, dict) or set(entry) != _FIELDS:
            raise CodegenError(
                f"translation of {pointer!r} must be a mapping with exactly the keys english and text",
                path,
                file.position_of((pointer,))[0],
                hint="english: the fingerprint of the English text (lint prints it), text: the translation",
            )
        if not all(isinstance(entry[field], str) and entry[field].strip() for field in _FIELDS):
            raise CodegenError(
                f"translation of {pointer!r}: english and text must be non-empty text",
                path,
                file.position_of((pointer,))[0],
            )
        entries[str(pointer)] = Translation(entry["text"], entry["english"])
    return Translations(file, entries)


def english_at(data: dict[str, object], pointer: str) -> str | None:
    """The English text the spec holds at a translation's pointer, or None when it holds none there."""
    if not pointer.startswith("/"):
        return None
    node: object = data
    for part in pointer_of("#" + pointer):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and str(part).isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node if isinstance(node, str) else None


def translation_findings(data: dict[str, object], translations: Translations) -> list[Finding]:
    """Every entry that names no text of the spec (error), and every stale one (warning), in file order."""
    findings = []
    position = translations.file.position_of  # only for a finding: it takes ruamel.yaml's round-trip tree
    for pointer, entry in translations.entries.items():
        english = english_at(data, pointer)
        if english is None:
            findings.append(
                Finding(
                    translations.file.path,
                    *position((pointer,)),
                    "error",
                    f"translation of {pointer!r}, where the spec has no text",
                    "remove it (upstream-diff --apply does), or fix the JSON pointer",
                )
            )
        elif entry.english != fingerprint(english):
            findings.append(
                Finding(
                    translations.file.path,
                    *position((pointer,)),
                    "warning",
                    f"stale translation of {pointer!r}: the English has changed since (the docs show the English)",
                    f"translate the English again, then set english: {fingerprint(english)}",
                )
            )
    return findings


def remove_orphans(data: dict[str, object], path: Path) -> list[str]:
    """Remove from the translations file at `path` every entry whose pointer names no text of the spec
    `data`, keeping the rest of the file as written; returns the removed pointers. An anchor (&name) on a
    removed entry moves to the next entry that uses it, as ruamel.yaml writes an anchor where its node
    first appears."""
    file = load_translations(path).file
    orphans = [pointer for pointer in file.data if english_at(data, str(pointer)) is None]
    if orphans:
        tree = file.tree
        for pointer in orphans:
            del tree[pointer]
        path.write_text(dump_spec(tree), encoding="utf-8")
    return [str(pointer) for pointer in orphans]
