"""Korean particles after a placeholder (generator/docs/particles.py): the form is chosen by how the word before it
is read aloud, Latin letters and digits by their Korean names, and interface strings pick it when formatted."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.project_copy import copy_project

from generator.config import load_settings
from generator.docs.particles import final_consonant, particle, resolve_particles
from generator.docs.render import LocaleText
from generator.pipeline import build_tree


@pytest.mark.parametrize(
    ("word", "final"),
    [
        ("모델", "ㄹ"),
        ("계정", "ㅇ"),
        ("스키마", ""),
        ("StreamsConnectionBase", ""),  # e: 이
        ("StreamsKafkaConnection", "ㄴ"),  # n: 엔
        ("ApiError", "ㄹ"),  # r: 알
        ("SP50", "ㅇ"),  # 0: 영
        ("409", ""),  # 9: 구
        ("HTTP 401", "ㄹ"),  # 1: 일
        ("[StreamsTenant](StreamsTenant.md)", ""),  # a link is read by its label: t, 티
        ("`unwrap()`", ""),  # code marks and the parentheses are not read: p, 피
        ("워크스페이스(Atlas 인스턴스)", ""),  # an aside in parentheses is skipped
        ("", None),
        ("…", None),
        ("漢", None),
    ],
)
def test_a_word_ends_on_the_final_consonant_of_its_last_sound(word: str, final: str | None) -> None:
    assert final_consonant(word) == final


@pytest.mark.parametrize(
    ("word", "given", "chosen"),
    [
        ("계정", "로", "으로"),
        ("모델", "으로", "로"),  # after ㄹ, 으로 is 로
        ("StreamsKafkaConnection", "로", "으로"),
        ("StreamsConnectionBase", "으로", "로"),
        ("URL", "는", "은"),
        ("API", "은", "는"),
        ("409", "이", "가"),
        ("10", "를", "을"),
        ("`key`", "과", "와"),
        ("링크", "와", "와"),
    ],
)
def test_a_particle_takes_the_form_that_fits_the_word_before_it(word: str, given: str, chosen: str) -> None:
    assert particle(word, given) == chosen


def test_an_unknown_particle_or_an_unreadable_word_is_refused() -> None:
    with pytest.raises(ValueError, match="not a particle with two forms"):
        particle("모델", "에서")
    with pytest.raises(ValueError, match="cannot tell"):
        particle("…", "으로")


def test_both_forms_are_resolved_after_links_and_code_spans() -> None:
    text = "[StreamsConnectionBase](StreamsConnectionBase.md)(으)로 읽고 `region`을(를), `SP50`과(와) `id`은(는) 씀."

    assert resolve_particles(text) == (
        "[StreamsConnectionBase](StreamsConnectionBase.md)로 읽고 `region`을, `SP50`과 `id`는 씀."
    )


def test_both_forms_after_an_unreadable_word_stay_for_the_glossary_check_to_report() -> None:
    assert resolve_particles("… (으)로 갑니다.") == "… (으)로 갑니다."


def test_formatting_an_interface_string_picks_its_particles() -> None:
    text = LocaleText("{model}(으)로 파싱합니다.")

    assert text.format(model="[StreamsKafkaConnection](StreamsKafkaConnection.md)") == (
        "[StreamsKafkaConnection](StreamsKafkaConnection.md)으로 파싱합니다."
    )
    assert text.format(model="`ApiError`") == "`ApiError`로 파싱합니다."


def test_a_korean_page_shows_the_particle_that_fits_the_model_it_names(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    strings = project / "templates/docs/locales/ko.yaml"
    text = strings.read_text(encoding="utf-8")
    strings.write_text(
        text.replace("이 오면 {model} 모델로 파싱합니다.", "은 {model}(으)로 파싱합니다."), encoding="utf-8"
    )

    page = build_tree(load_settings(project / "pyproject.toml"))["docs/ko/models/StreamsConnection.md"].decode()

    assert "값)은 [StreamsConnectionBase](StreamsConnectionBase.md)로 파싱합니다.\n" in page
