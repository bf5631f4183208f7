"""The glossary check (generator/docs/glossary.py, provenance.py; templates/docs/glossary/ko.yaml): the Korean pages
keep it, and a violation planted in any source is reported as a warning at the line that wrote it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from support import ROOT
from support.markdown_pages import tables
from support.spec_edit import delete, edited

from generator.cli import main
from generator.config import load_settings
from generator.docs.glossary import Rule, glossary_path, load_glossary, sightings
from generator.pipeline import build
from generator.spec.loading import load_spec
from generator.spec.pointers import node_at, pointer_of

KO_PAGES = "generated/atlas-streams-client/docs/ko"
KO_OVERLAY = Path("spec/i18n/ko.yaml")
RULES = load_glossary(glossary_path(ROOT / "templates", "ko"))


def rules() -> list[Rule]:
    assert RULES is not None
    return RULES


def plant(path: Path, old: str, new: str) -> tuple[int, str]:
    """Replace the first line containing `old` (1-based number and the new line returned)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(index for index, line in enumerate(lines, start=1) if old in line)
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    return number, lines[number - 1]


def generate(capsys: pytest.CaptureFixture[str]) -> list[str]:
    """Run `streams-codegen generate` in the project copy: it succeeds, and prints the warnings it found."""
    assert main(["generate"]) == 0
    return capsys.readouterr().err.splitlines()


# --- the committed Korean pages ------------------------------------------------------------------------------


def test_korean_pages_pass_the_glossary_check(tmp_path: Path) -> None:
    warnings = build(load_settings(ROOT / "pyproject.toml"), tmp_path / "atlas-streams-client")

    assert [str(warning) for warning in warnings] == []


# A new revision's new texts have no translation until someone writes one, so this holds for today's spec only.
@pytest.mark.committed_spec
def test_korean_translates_every_text_the_docs_show() -> None:
    page = (ROOT / "docs/i18n/ko.md").read_text(encoding="utf-8")

    assert tables(page) == []
    assert page.count("None: everything is translated.") == 2


# --- where a violation is reported ---------------------------------------------------------------------------


def only_warning(project: Path, capsys: pytest.CaptureFixture[str], source: str, old: str, new: str, found: str) -> str:
    """Plant `new` in place of `old` in the project's `source`, generate, and return the one warning, which must
    name the line and column of `found` there."""
    line, text = plant(project / source, old, new)

    warnings = generate(capsys)

    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(f"{source}:{line}:{text.index(found) + 1}: warning: {found!r}")
    return warnings[0]


def concepts() -> list[dict[str, Any]]:
    """The glossary's concepts: each with its term and the variants to avoid."""
    glossary: dict[str, Any] = YAML(typ="safe").load(glossary_path(ROOT / "templates", "ko").read_text("utf-8"))
    return list(glossary["concepts"])


def translation_lines(project: Path) -> list[str]:
    """The entries of the Korean overlay, one a line, as written."""
    return [line for line in (project / KO_OVERLAY).read_text(encoding="utf-8").splitlines() if line.startswith("/")]


def test_a_variant_in_a_translation_is_reported_at_its_line_and_column(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The first concept whose term a translation uses: that translation says one of its variants instead.
    lines = translation_lines(project)
    found = (
        (concept, line)
        for concept in concepts()
        for line in lines
        if concept["term"] in line.partition(": ")[2] and not line.partition(": ")[2].startswith(("&", "*"))
    )
    concept, line = next(found, None) or pytest.skip("no translation uses a term of the glossary")
    key, _, text = line.partition(": ")
    variant = concept["avoid"][0]

    warning = only_warning(
        project,
        capsys,
        str(KO_OVERLAY),
        line,
        f"{key}: {text.replace(concept['term'], variant, 1)}",
        variant,
    )

    assert warning.partition(": warning: ")[2].startswith(
        f"{variant!r}: the glossary's term for {concept['concept']} is {concept['term']!r} "
        f"(hint: write {concept['term']!r} instead; seen on {KO_PAGES}/"
    )


def test_another_register_in_an_interface_string_is_reported_at_its_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warning = only_warning(
        project, capsys, "templates/docs/locales/ko.yaml", "같이 실행합니다.", "같이 실행하세요.", "실행하세요"
    )

    assert "ends a sentence in 해요체 or 하세요; these pages are in 합니다체" in warning


def test_text_of_a_docs_template_is_reported_at_the_template_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    only_warning(
        project,
        capsys,
        "templates/docs/operation.md.jinja",
        "## {{ t.responses }}",
        "## {{ t.responses }}·접근",
        "접근",
    )


def test_text_shown_on_many_pages_is_reported_once_at_the_entry_that_wrote_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A translation that other entries repeat through YAML aliases (every model's `links` field, say).
    anchored = (line for line in translation_lines(project) if line.partition(": ")[2].startswith("&"))
    line = next(anchored, None) or pytest.skip("no translation is repeated through an alias")
    key, _, text = line.partition(": ")
    anchor, _, words = text.partition(" ")

    warning = only_warning(project, capsys, str(KO_OVERLAY), line, f"{key}: {anchor} 접근 {words}", "접근")

    assert warning.endswith(" more)")


def test_english_shown_for_a_missing_translation_is_left_to_the_untranslated_page(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A translated text whose English holds a variant that the glossary avoids: without its translation, the
    # untranslated page lists it and the glossary does not apply.
    data = load_spec(project / "spec/streams.yaml").data
    variants = [variant for concept in concepts() for variant in concept["avoid"]]
    english = (
        key
        for key in (line.partition(": ")[0] for line in translation_lines(project))
        if any(variant in str(_text_at(data, key)) for variant in variants)
    )
    key = next(english, None) or pytest.skip("no translated text's English holds a variant of the glossary")
    edited(project / KO_OVERLAY, project / KO_OVERLAY, delete((key,)))

    warnings = generate(capsys)

    assert warnings == []
    untranslated = (project / "docs/i18n/ko.md").read_text(encoding="utf-8")
    assert f"`{key}`" in untranslated


def _text_at(data: dict[str, Any], key: str) -> Any:
    parts = tuple(int(part) if str(part).isdigit() else part for part in pointer_of(f"#{key}"))
    try:
        return node_at(data, parts)
    except (KeyError, IndexError, TypeError):
        return None


def test_a_glossary_pattern_that_is_not_a_regular_expression_is_an_error_at_its_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line, _ = plant(project / "templates/docs/glossary/ko.yaml", '해라체: "(?<!니)다(?=[.!?])"', '해라체: "(?<!니다"')

    assert main(["generate"]) == 2
    assert capsys.readouterr().err.startswith(
        f"templates/docs/glossary/ko.yaml:{line}:5: error: register/not/해라체 is not a regular expression"
    )


# --- what counts as a violation ------------------------------------------------------------------------------


def found(page: str) -> list[tuple[int, int, str]]:
    return [(sighting.line, sighting.column, sighting.found) for sighting in sightings("page.md", page, rules())]


def test_each_kind_of_rule_finds_its_violation_where_it_stands() -> None:
    page = (
        "# 비동기 예시 (asyncio)\n\n"
        "Schema Registry 변형입니다. 기다린 뒤 다시 시도하세요.\n\n"
        "| 값 | type 필드가 정합니다. |\n"
    )

    assert found(page) == [
        (1, 9, " ("),
        (3, 1, "Schema Registry"),
        (3, 17, "변형"),
        (3, 33, "시도하세요"),
        (5, 7, "type"),
    ]


def test_product_names_code_spans_urls_and_code_blocks_are_not_violations() -> None:
    page = (
        "Confluent Schema Registry에 로그인합니다. `Schema Registry`와 `type`은 코드입니다.\n"
        "[스키마 레지스트리](https://example.com/type/Schema%20Registry)(영문)를 봅니다.\n"
        "```text\nSchema Registry를 다시 시도하세요.\n```\n"
    )

    assert found(page) == []


def test_a_link_counts_by_its_label() -> None:
    assert found("[Schema Registry](https://example.com) 설정입니다.") == [(1, 2, "Schema Registry")]


def test_a_latin_variant_inside_a_longer_identifier_is_another_word() -> None:
    assert found("StreamsSchemaRegistryConnection과 types, subtype, Retry-After-Seconds는 다른 낱말입니다.") == []
