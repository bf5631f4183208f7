"""Spec patterns that a backtracking regex engine can take exponential time on.

Python's `re`, which lint's example checks and the generated client run every pattern with, backtracks: given
`^([a-f0-9]+)+$` and a long value that does not match, it tries every way of splitting the value between the
two repeats, and a 30-character value takes minutes. The shape behind it is a part repeated without bound
inside another repeat without bound, where nothing pins down where one round of the outer repeat ends and the
next begins. A round that must match a character the inner repeats cannot (`(-[a-z]+)*`, `(?:\\.[a-z]+)+`) is
pinned: each such character ends exactly one round. Patterns are read by the standard library's own parser of
the syntax `re` compiles, so what is judged is what runs.

What this does not catch: alternatives that overlap under one repeat (`(a|ab)+`), and long runs of overlapping
repeats side by side (`a*a*a*a*`, polynomial rather than exponential).
"""

from __future__ import annotations

import re
from re import _constants as constants  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any

_REPEATS = {constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT}
# Nodes that hold a pattern further down, as the last element of their argument.
_HOLDERS = {constants.SUBPATTERN, constants.ASSERT, constants.ASSERT_NOT, constants.ATOMIC_GROUP}
_ASCII = frozenset(range(128))
_CATEGORIES = {
    constants.CATEGORY_DIGIT: frozenset(range(ord("0"), ord("9") + 1)),
    constants.CATEGORY_SPACE: frozenset(map(ord, " \t\n\r\f\v")),
    constants.CATEGORY_WORD: frozenset(map(ord, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")),
}
_CATEGORIES.update(
    {
        constants.CATEGORY_NOT_DIGIT: _ASCII - _CATEGORIES[constants.CATEGORY_DIGIT],
        constants.CATEGORY_NOT_SPACE: _ASCII - _CATEGORIES[constants.CATEGORY_SPACE],
        constants.CATEGORY_NOT_WORD: _ASCII - _CATEGORIES[constants.CATEGORY_WORD],
    }
)


class _Chars:
    """The characters a part of a pattern may match: its ASCII ones, and whether it may match any other."""

    def __init__(self, ascii: frozenset[int] = frozenset(), other: bool = False) -> None:
        self.ascii, self.other = ascii, other

    def __or__(self, more: _Chars) -> _Chars:
        return _Chars(self.ascii | more.ascii, self.other or more.other)

    def inverse(self) -> _Chars:
        return _Chars(_ASCII - self.ascii, True)

    def meets(self, more: _Chars) -> bool:
        return bool(self.ascii & more.ascii) or (self.other and more.other)


def nested_unbounded_repeat(pattern: str) -> bool:
    """Whether `pattern` repeats without bound, unpinned, a part that itself repeats without bound (False for a
    pattern that does not parse: lint's structure stage reports that)."""
    try:
        parsed = parser.parse(pattern)
    except (re.error, RecursionError, OverflowError):
        return False
    folded = bool(parsed.state.flags & re.IGNORECASE)
    return _hazard(list(parsed), folded)


def _hazard(items: list[Any], folded: bool) -> bool:
    for kind, argument in items:
        if kind in _REPEATS:
            _, most, body = argument
            inner = _unbounded_repeats(list(body))
            if most == constants.MAXREPEAT and inner and not _pinned(list(body), inner, folded):
                return True
            if _hazard(list(body), folded):
                return True
        elif any(_hazard(list(part), folded) for part in _parts(kind, argument)):
            return True
    return False


def _parts(kind: Any, argument: Any) -> list[Any]:
    """The patterns a node holds (none for one that matches a character)."""
    if kind in _HOLDERS:
        return [argument[-1]]
    if kind == constants.BRANCH:
        return list(argument[1])
    if kind == constants.GROUPREF_EXISTS:
        return [part for part in argument[1:] if part is not None]
    return []


def _unbounded_repeats(items: list[Any]) -> list[Any]:
    """The bodies of the repeats without bound anywhere in `items`."""
    found = []
    for kind, argument in items:
        if kind in _REPEATS:
            if argument[1] == constants.MAXREPEAT:
                found.append(argument[2])
            found += _unbounded_repeats(list(argument[2]))
        else:
            for part in _parts(kind, argument):
                found += _unbounded_repeats(list(part))
    return found


def _pinned(body: list[Any], inner: list[Any], folded: bool) -> bool:
    """Whether every round of `body` must match a character that none of the `inner` repeats can."""
    repeated = _Chars()
    for part in inner:
        repeated = repeated | _chars(list(part), folded)
    return any(not chars.meets(repeated) for chars in _required_chars(body, folded))


def _required_chars(items: list[Any], folded: bool) -> list[_Chars]:
    """The characters of each one-character part that every match of `items` goes through."""
    found = []
    for kind, argument in items:
        if kind == constants.SUBPATTERN:
            found += _required_chars(list(argument[-1]), folded)
        elif kind in _REPEATS and argument[0] >= 1:
            found += _required_chars(list(argument[2]), folded)
        elif kind in (constants.LITERAL, constants.NOT_LITERAL, constants.IN, constants.ANY):
            found.append(_chars([(kind, argument)], folded))
    return found


def _chars(items: list[Any], folded: bool) -> _Chars:
    """Every character `items` may match."""
    chars = _Chars()
    for kind, argument in items:
        if kind == constants.LITERAL:
            chars = chars | _literal(argument, folded)
        elif kind == constants.NOT_LITERAL:
            chars = chars | _literal(argument, folded).inverse()
        elif kind == constants.ANY:
            chars = chars | _Chars(_ASCII, True)
        elif kind == constants.IN:
            chars = chars | _set(argument, folded)
        elif kind in _REPEATS:
            chars = chars | _chars(list(argument[2]), folded)
        else:
            for part in _parts(kind, argument):
                chars = chars | _chars(list(part), folded)
    return chars


def _set(members: list[Any], folded: bool) -> _Chars:
    chars = _Chars()
    negated = False
    for kind, argument in members:
        if kind == constants.NEGATE:
            negated = True
        elif kind == constants.LITERAL:
            chars = chars | _literal(argument, folded)
        elif kind == constants.RANGE:
            low, high = argument
            chars = chars | _Chars(frozenset(range(low, min(high, 127) + 1)), high > 127)
            if folded:
                chars = chars | _Chars(frozenset(ord(chr(c).swapcase()) for c in range(low, min(high, 127) + 1)))
        elif kind == constants.CATEGORY:
            chars = chars | _Chars(_CATEGORIES.get(argument, _ASCII), True)
        else:
            chars = chars | _Chars(_ASCII, True)
    return chars.inverse() if negated else chars


def _literal(code: int, folded: bool) -> _Chars:
    if code > 127:
        return _Chars(frozenset(), True)
    return _Chars(frozenset({code, ord(chr(code).swapcase())} if folded else {code}))
