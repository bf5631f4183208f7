"""Korean particles (조사) after text that a placeholder fills in. 은/는, 이/가, 을/를, 과/와 and 으로/로 take one
form after a final consonant (받침) and another after a vowel, so a locale string whose placeholder holds a
model name cannot spell the particle out. It writes the pair instead, as Korean style guides do ("{model}(으)로",
"{field}을(를)"), and `resolve_particles` picks the form once the placeholder is filled in.

The word before a particle is often Latin: a code span or a link such as [StreamsConnectionBase](...). It is read
the way Korean readers spell it out, letter by letter for its last character ("e" is 이: no 받침; "n" is 엔: ㄴ),
and digits by their Sino-Korean names (0 영, 1 일, ...). Korean libraries checked for this (hangulpy, tossi) treat
a mixed-case Latin word as having no 받침, which would write "StreamsKafkaConnection로".
"""

from __future__ import annotations

import re

# Final consonants in Unicode order: a precomposed syllable's (code - 0xAC00) % 28 indexes this string, 0 being none.
_FINALS = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
_SYLLABLES = range(0xAC00, 0xD7A4)

# How a Korean reader says a Latin letter or a digit; only the last syllable matters.
_LETTERS = "에이 비 씨 디 이 에프 지 에이치 아이 제이 케이 엘 엠 엔 오 피 큐 알 에스 티 유 브이 더블유 엑스 와이 지"
_DIGITS = "영 일 이 삼 사 오 육 칠 팔 구"
_READINGS = dict(zip("abcdefghijklmnopqrstuvwxyz0123456789", (_LETTERS + " " + _DIGITS).split(), strict=True))

# Each particle as (after a final consonant, after a vowel).
_PARTICLES = [("은", "는"), ("이", "가"), ("을", "를"), ("과", "와"), ("으로", "로")]

# A particle written with both forms, as locale strings write it after a placeholder.
_BOTH_FORMS = re.compile(r"은\(는\)|는\(은\)|이\(가\)|가\(이\)|을\(를\)|를\(을\)|과\(와\)|와\(과\)|\(으\)로")

# Markup that is not read aloud at the end of a word: code span and emphasis marks, a link's closing bracket.
_SILENT_MARKUP = "`*_]"


def final_consonant(word: str) -> str | None:
    """The final consonant that `word` ends on when read aloud ('ㄴ', 'ㄹ', ...), '' when it ends on a vowel, and
    None when its last character cannot be read (no word, punctuation, another script). A trailing parenthesis
    (a link's target, an aside) is skipped: Korean chooses the particle by the word before it."""
    word = _drop_unspoken_tail(word)
    if not word:
        return None
    last = word[-1]
    if ord(last) in _SYLLABLES:
        return _FINALS[(ord(last) - _SYLLABLES.start) % 28].strip()
    reading = _READINGS.get(last.lower())
    return final_consonant(reading) if reading else None


def particle(word: str, form: str) -> str:
    """The form of the particle `form` (either of its forms: 은 or 는, 이 or 가, 을 or 를, 과 or 와, 으로 or 로) that
    follows `word`. After ㄹ, 으로 is 로. Raises ValueError for an unknown particle or an unreadable word."""
    after_consonant, after_vowel = next((pair for pair in _PARTICLES if form in pair), (None, None))
    if after_consonant is None or after_vowel is None:
        raise ValueError(f"not a particle with two forms: {form!r}")
    final = final_consonant(word)
    if final is None:
        raise ValueError(f"cannot tell how {word!r} ends when read aloud")
    if not final or (final == "ㄹ" and after_vowel == "로"):
        return after_vowel
    return after_consonant


def resolve_particles(text: str) -> str:
    """Every particle written with both forms ('(으)로', '을(를)', ...) replaced by the form that fits the word before
    it. One after a word that cannot be read stays as written, for the glossary check to report."""

    def pick(match: re.Match[str]) -> str:
        word = text[: match.start()]
        if final_consonant(word) is None:
            return match.group(0)
        return particle(word, _form(match))

    return _BOTH_FORMS.sub(pick, text)


def _form(match: re.Match[str]) -> str:
    """Either form of the particle a both-forms match writes: '(으)로' -> '로', '을(를)' -> '을'."""
    both = match.group(0)
    return both.split("(")[0] or both.split(")")[-1]


def _drop_unspoken_tail(word: str) -> str:
    while word:
        if word[-1] in _SILENT_MARKUP:
            word = word[:-1]
        elif word.endswith(")") and "(" in word:
            word = word[: _opening_parenthesis(word)]
        else:
            break
    return word


def _opening_parenthesis(text: str) -> int:
    """Where the parenthesis that closes at the end of `text` opens (or 0 when it never does)."""
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[index], 0)
        if depth == 0:
            return index
    return 0
