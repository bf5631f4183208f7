"""Which patterns lint refuses as exponential to run (`generator.spec.pattern_safety`): a part of variable length
inside a repeat of many rounds, unless every round must match, at a fixed place, a character that part cannot."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.shared_files import CURRENT_UPSTREAM, history_revisions, load_revision, shared_file

from generator.spec.pattern_safety import backtracks_exponentially
from generator.spec.plain_yaml import load_plain
from generator.spec.pointers import walk

EXPONENTIAL = [
    "^([a-f0-9]+)+$",
    "(a*)*",
    "(a|b+)*",
    r"(\w+\s?)+",
    r"([a-z0-9\.]+)+\.[a-z]{2,}",  # upstream's GCPEndpointService URL, cut short
    "(?:.+x)+",
    "(?i)(?:A[a-z]+)+",  # the A is an a as well
    "(?=(a+)+)",
    "x|(y+)+",
    r"^([a-z0-9]{1,63}\.?)+$",  # found by review: bounded parts split rounds as well
    "^([a-z0-9]+-?){1,63}$",
    "^(a+){2,64}$",
    "^(-{1,10}[a-z]*)+$",  # the - that would pin a round is itself of variable length
    "^(--?[a-z]*)+$",
    "(?:(-|--)a*)+",  # alternatives of different lengths vary a round as a repeat does
    "(a|aa)+",
    "^(ab|[ab]b)+$",  # alternatives that start alike: each round could go either way
    r"^(\w\w|\d\d)+$",
]
LINEAR = [
    "^([a-f0-9]{24})$",
    "^[a-z]+(-[a-z]+)*$",  # each - ends one round
    r"(?:\.[^.]+)+",
    r"(\d+\.)+",
    "((a+)b)+",
    "(?:x(?=a+))+",  # the look-ahead consumes nothing
    "(a+){2,3}",  # three rounds at most: polynomial
    "(x?[a-f]{3})+",  # each round ends after exactly three of a-f
    "((%2[fF]|/)[0-9]{1,3})+$",  # upstream's access-list entries: each round starts with % or /
    "(ab|cd)+",
    "(?:x(?:a|bb))+",
    "(a+)?",
    r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+",  # upstream's e-mail domain part
    "(unclosed",  # not a pattern at all: the structure stage says so
]


@pytest.mark.parametrize("pattern", EXPONENTIAL)
def test_a_repeat_inside_an_unpinned_repeat_is_refused(pattern: str) -> None:
    assert backtracks_exponentially(pattern)


@pytest.mark.parametrize("pattern", LINEAR)
def test_a_bounded_pinned_or_single_repeat_is_accepted(pattern: str) -> None:
    assert not backtracks_exponentially(pattern)


def test_a_refused_pattern_is_exponential_in_fact() -> None:
    started = time.perf_counter()
    re.search(EXPONENTIAL[0], "a" * 22 + "!")
    slow = time.perf_counter() - started
    started = time.perf_counter()
    re.search(LINEAR[0], "a" * 22 + "!")

    assert slow > 50 * (time.perf_counter() - started)


# Generated cases whose answer the generator knows: a repeat of (separator, class repeated) in either order. It is
# a hazard when it has many rounds and a part of variable length, unless a part of fixed place and length matches
# only characters that no variable part can.
_CLASSES = ["a-f", "0-9", "a-z0-9", "-", ".", "xyz", "a-z.", "0-9-"]
_SEPARATORS = ["-", ".", "x", "5", ""]


def _members(char_class: str) -> set[str]:
    return {chr(code) for code in range(128) if re.fullmatch(f"[{char_class}]", chr(code))}


@settings(max_examples=300, deadline=None)
@given(
    char_class=st.sampled_from(_CLASSES),
    separator=st.sampled_from(_SEPARATORS),
    separator_first=st.booleans(),
    optional=st.booleans(),
    inner=st.sampled_from(["+", "*", "{2,}", "{1,9}", "{3}"]),
    outer=st.sampled_from(["+", "*", "{3,}", "{0,4}", "{1,40}"]),
)
def test_generated_repeats_are_refused_exactly_when_many_rounds_vary_unpinned(
    char_class: str, separator: str, separator_first: bool, optional: bool, inner: str, outer: str
) -> None:
    inner_part = f"[{char_class}]{inner}"
    separator_part = re.escape(separator) + ("?" if optional and separator else "")
    body = separator_part + inner_part if separator_first else inner_part + separator_part
    pattern = f"^(?:{body}){outer}$"
    inner_varies, separator_varies = inner != "{3}", bool(separator) and optional
    movable = (_members(char_class) if inner_varies else set()) | ({separator} if separator_varies else set())
    fixed = ([{separator}] if separator and not optional else []) + ([] if inner_varies else [_members(char_class)])
    pinned = any(not (chars & movable) for chars in fixed)

    expected = outer != "{0,4}" and (inner_varies or separator_varies) and not pinned

    assert backtracks_exponentially(pattern) == expected, pattern


def _patterns(data: object) -> set[str]:
    return {value for pointer, value in walk(data) if pointer[-1:] == ("pattern",) and isinstance(value, str)}


def test_of_upstreams_patterns_in_every_revision_only_the_gcp_service_attachment_url_is_refused() -> None:
    patterns = _patterns(load_plain(shared_file(CURRENT_UPSTREAM)))
    for revision in history_revisions():
        patterns |= _patterns(load_revision(revision))

    refused = [pattern for pattern in patterns if backtracks_exponentially(pattern)]

    assert len(patterns) > 40
    assert [pattern[:30] for pattern in refused] == [r"https:\/\/([a-z0-9\.]+)+\.[a-z"]
