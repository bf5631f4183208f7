"""Which patterns lint refuses as exponential to run (`generator.spec.pattern_safety`): a part repeated without
bound inside another such repeat, unless every round must match a character the inner part cannot."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.shared_files import CURRENT_UPSTREAM, history_revisions, load_revision, shared_file

from generator.spec.pattern_safety import nested_unbounded_repeat
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
]
LINEAR = [
    "^([a-f0-9]{24})$",
    "^[a-z]+(-[a-z]+)*$",  # each - ends one round
    r"(?:\.[^.]+)+",
    r"(\d+\.)+",
    "((a+)b)+",
    "(?:x(?=a+))+",  # the look-ahead consumes nothing
    "(a+){2,3}",  # bounded: polynomial
    "(a+)?",
    r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+",  # upstream's e-mail domain part
    "(unclosed",  # not a pattern at all: the structure stage says so
]


@pytest.mark.parametrize("pattern", EXPONENTIAL)
def test_a_repeat_inside_an_unpinned_repeat_is_refused(pattern: str) -> None:
    assert nested_unbounded_repeat(pattern)


@pytest.mark.parametrize("pattern", LINEAR)
def test_a_bounded_pinned_or_single_repeat_is_accepted(pattern: str) -> None:
    assert not nested_unbounded_repeat(pattern)


def test_a_refused_pattern_is_exponential_in_fact() -> None:
    started = time.perf_counter()
    re.search(EXPONENTIAL[0], "a" * 22 + "!")
    slow = time.perf_counter() - started
    started = time.perf_counter()
    re.search(LINEAR[0], "a" * 22 + "!")

    assert slow > 50 * (time.perf_counter() - started)


# Generated cases whose answer the generator knows: an outer repeat of (separator?, inner class repeated), where
# the rounds are pinned exactly when a separator is required and the inner class cannot match it.
_CLASSES = ["a-f", "0-9", "a-z0-9", "-", ".", "xyz", "a-z.", "0-9-"]
_SEPARATORS = ["-", ".", "x", "5", ""]


@settings(max_examples=200, deadline=None)
@given(
    char_class=st.sampled_from(_CLASSES),
    separator=st.sampled_from(_SEPARATORS),
    separator_first=st.booleans(),
    optional=st.booleans(),
    inner=st.sampled_from(["+", "*", "{2,}", "{1,9}"]),
    outer=st.sampled_from(["+", "*", "{3,}", "{0,4}"]),
)
def test_generated_repeats_are_refused_exactly_when_unbounded_nested_and_unpinned(
    char_class: str, separator: str, separator_first: bool, optional: bool, inner: str, outer: str
) -> None:
    inner_part = f"[{char_class}]{inner}"
    separator_part = re.escape(separator) + ("?" if optional and separator else "")
    body = separator_part + inner_part if separator_first else inner_part + separator_part
    pattern = f"^(?:{body}){outer}$"
    members = {chr(code) for code in range(128) if re.fullmatch(f"[{char_class}]", chr(code))}
    pinned = bool(separator) and not optional and separator not in members

    expected = inner != "{1,9}" and outer != "{0,4}" and not pinned

    assert nested_unbounded_repeat(pattern) == expected, pattern


def _patterns(data: object) -> set[str]:
    return {value for pointer, value in walk(data) if pointer[-1:] == ("pattern",) and isinstance(value, str)}


def test_of_upstreams_patterns_in_every_revision_only_the_gcp_service_attachment_url_is_refused() -> None:
    patterns = _patterns(load_plain(shared_file(CURRENT_UPSTREAM)))
    for revision in history_revisions():
        patterns |= _patterns(load_revision(revision))

    refused = [pattern for pattern in patterns if nested_unbounded_repeat(pattern)]

    assert len(patterns) > 40
    assert [pattern[:30] for pattern in refused] == [r"https:\/\/([a-z0-9\.]+)+\.[a-z"]
