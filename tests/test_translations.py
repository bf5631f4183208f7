"""Translations of the spec's texts (spec/i18n/<lang>.yaml, generator/spec/translations.py): each records a
fingerprint of the English it translates; a stale one falls back to English and is listed, one whose text is
gone is a lint error that `upstream-diff --apply` clears, and lint reports every such entry in one run."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.spec_edit import delete, edited, put

from generator.cli import main
from generator.spec.loading import load_spec
from generator.spec.translations import english_at, fingerprint, load_translations, remove_orphans, translations_path

SPEC = Path("spec/streams.yaml")
KO = Path("spec/i18n/ko.yaml")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, (out + err).splitlines()


def translated_pointers(project: Path) -> list[str]:
    return list(load_translations(project / KO).entries)


def pointer_parts(pointer: str) -> tuple[str, ...]:
    return tuple(part.replace("~1", "/").replace("~0", "~") for part in pointer[1:].split("/"))


def test_every_translation_records_the_fingerprint_of_the_english_it_translates() -> None:
    data = load_spec(SPEC).data

    for pointer, entry in load_translations(KO).entries.items():
        english = english_at(data, pointer)
        assert english is not None and entry.english == fingerprint(english), pointer


def test_a_fingerprint_never_reads_as_a_yaml_number() -> None:
    prints = [fingerprint(f"text {number}") for number in range(2000)]

    assert all(print_.isalpha() and len(print_) == 8 for print_ in prints)


def test_a_changed_english_text_makes_its_translation_stale_in_lint_docs_and_the_untranslated_list(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pointer = translated_pointers(project)[0]
    edited(project / SPEC, project / SPEC, put(pointer_parts(pointer), "An English text reworded upstream"))
    line = load_spec(project / KO).position_of((pointer,))[0]

    code, out = run(capsys, "lint")
    generated, _ = run(capsys, "generate")

    assert code == 1
    assert out == [
        f"spec/i18n/ko.yaml:{line}:1: warning: stale translation of {pointer!r}: the English has changed since "
        f"(the docs show the English) (hint: translate the English again, then set english: "
        f"{fingerprint('An English text reworded upstream')})"
    ]
    assert generated == 0
    docs = project / "generated/atlas-streams-client/docs/ko"
    untranslated = (project / "docs/i18n/ko.md").read_text(encoding="utf-8")
    assert f"| `{pointer}` |" in untranslated and "An English text reworded upstream" in untranslated
    assert "An English text reworded upstream" in "".join(path.read_text() for path in docs.rglob("*.md"))


def test_lint_reports_every_translation_of_a_text_the_spec_lacks_in_one_run(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Schema descriptions are optional, so removing them leaves a valid spec whose translations point nowhere.
    gone = [pointer for pointer in translated_pointers(project) if pointer.startswith("/components/schemas/")][:3]
    edited(project / SPEC, project / SPEC, *(delete(pointer_parts(pointer)) for pointer in gone))
    lines = [load_spec(project / KO).position_of((pointer,))[0] for pointer in gone]

    code, out = run(capsys, "lint")

    assert code == 1
    assert out == [
        f"spec/i18n/ko.yaml:{line}:1: error: translation of {pointer!r}, where the spec has no text "
        "(hint: remove it (upstream-diff --apply does), or fix the JSON pointer)"
        for line, pointer in zip(lines, gone, strict=True)
    ]


def test_removing_orphans_keeps_an_anchor_that_others_still_use(tmp_path: Path) -> None:
    translations = tmp_path / "i18n/ko.yaml"
    translations.parent.mkdir()
    translations.write_text(
        "/a/description:\n  english: aaaaaaaa\n  text: &shared 공유\n"
        "/b/description:\n  english: aaaaaaaa\n  text: *shared\n"
        "/c/description:\n  english: aaaaaaaa\n  text: *shared\n",
        encoding="utf-8",
    )
    spec: dict[str, object] = {"b": {"description": "B"}, "c": {"description": "C"}}

    removed = remove_orphans(spec, translations)

    assert removed == ["/a/description"]
    kept = load_translations(translations)
    assert {pointer: entry.text for pointer, entry in kept.entries.items()} == {
        "/b/description": "공유",
        "/c/description": "공유",
    }


def test_the_translations_of_a_spec_live_beside_it() -> None:
    assert translations_path(Path("spec/streams.yaml"), "ko") == Path("spec/i18n/ko.yaml")
