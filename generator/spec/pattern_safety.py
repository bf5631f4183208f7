"""Spec patterns that a backtracking regex engine can take exponential time on.

Python's `re`, which lint's example checks and the generated client run every pattern with, backtracks: given
`^([a-f0-9]+)+$` and a long value that does not match, it tries every way of splitting the value between the
two repeats, and a 30-character value takes minutes. The shape behind it is a part of variable length
(`+`, `*`, `?`, `{1,63}`) inside a repeat of many rounds, where nothing pins down where one round ends and the
next begins. A round that must match, at a fixed place, a character its variable parts cannot
(`(-[a-z]+)*`, `(?:\\.[a-z]+)+`) is pinned: each such character ends exactly one round. Patterns are read by
the standard library's own parser of the syntax `re` compiles, so what is judged is what runs.

Alternatives that can start alike under such a repeat (`(ab|a.)+`) are refused too: each round could go either
way. What this does not catch: long runs of overlapping repeats side by side (`a*a*a*a*`, polynomial rather
than exponential), and ambiguity that only shows further into a round than its first character.
"""

from __future__ import annotations

import re
from re import _constants as constants  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any

_REPEATS = {constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT}
# Nodes that hold a pattern further down, as the last element of their argument.
_HOLDERS = {constants.SUBPATTERN, constants.ASSERT, constants.ASSERT_NOT, constants.ATOMIC_GROUP}
_ONE_CHARACTER = {constants.LITERAL, constants.NOT_LITERAL, constants.IN, constants.ANY}
_ASCII = frozenset(range(128))
# More rounds than this count as many: `(a+){1,63}` splits a value in as many ways as `(a+)+`.
_WIDE = 10
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


def backtracks_exponentially(pattern: str) -> bool:
    """Whether `pattern` repeats many times (without bound, or more than _WIDE) a body with a part of variable
    length, and nothing in the body pins where one round ends (False for a pattern that does not parse: lint's
    structure stage reports that)."""
    try:
        parsed = parser.parse(pattern)
    except (re.error, RecursionError, OverflowError):
        return False
    folded = bool(parsed.state.flags & re.IGNORECASE)
    return _hazard(list(parsed), folded)


def _hazard(items: list[Any], folded: bool) -> bool:
    for kind, argument in items:
        if kind in _REPEATS and _wide(argument[1]):
            body = list(argument[2])
            variable = _variable_parts(body)
            if (variable and not _pinned(body, variable, folded)) or _overlapping_alternatives(body, folded):
                return True
        if any(_hazard(list(part), folded) for part in _parts(kind, argument)):
            return True
    return False


def _wide(most: int) -> bool:
    """A repeat of up to `most` rounds that can split a value in too many ways to try them all."""
    return bool(most == constants.MAXREPEAT or most > _WIDE)


def _parts(kind: Any, argument: Any) -> list[Any]:
    """The patterns a node holds (none for one that matches a character)."""
    if kind in _REPEATS:
        return [argument[2]]
    if kind in _HOLDERS:
        return [argument[-1]]
    if kind == constants.BRANCH:
        return list(argument[1])
    if kind == constants.GROUPREF_EXISTS:
        return [part for part in argument[1:] if part is not None]
    return []


def _variable_parts(items: list[Any]) -> list[Any]:
    """The parts of variable length anywhere in `items`: repeats (`+`, `*`, `?`, `{1,63}`), and alternatives of
    different lengths (`(-|--)`, which the parser reads as `-(|-)`)."""
    found = []
    for kind, argument in items:
        if kind in _REPEATS and argument[0] != argument[1]:
            found.append(argument[2])
        elif kind == constants.BRANCH and _varies(argument[1]):
            found.append([(kind, argument)])
        for part in _parts(kind, argument):
            found += _variable_parts(list(part))
    return found


def _overlapping_alternatives(items: list[Any], folded: bool) -> bool:
    """Whether `items` hold alternatives that can start alike (`(ab|a.)`, read `a(b|.)`): each round could go
    either way, so a value of n rounds has 2**n ways to try."""
    for kind, argument in items:
        if kind == constants.BRANCH and not _start_apart([list(branch) for branch in argument[1]], folded):
            return True
        if any(_overlapping_alternatives(list(part), folded) for part in _parts(kind, argument)):
            return True
    return False


def _varies(branches: list[Any]) -> bool:
    """Whether alternatives match values of different lengths where the next character does not tell which one
    applies: `(-|--)` does, `(%2F|/)` does not."""
    widths = {branch.getwidth() for branch in branches}
    fixed = all(least == most for least, most in widths)
    if fixed and len(widths) == 1:
        return False
    return not (fixed and _start_apart([list(branch) for branch in branches], folded=True))


def _pinned(body: list[Any], variable: list[Any], folded: bool) -> bool:
    """Whether every round of `body` must match, at a fixed place, a character that none of its `variable` parts
    can: then each such character in a value ends exactly one round."""
    movable = _Chars()
    for part in variable:
        movable = movable | _chars(list(part), folded)
    return _has_pin(body, movable, folded)


def _has_pin(items: list[Any], movable: _Chars, folded: bool) -> bool:
    """Whether every match of `items` goes exactly once through a one-character part that `movable` does not
    meet; through alternatives, when each has one and no two can start alike (`(%2F|/)`, not `(-|--)`)."""
    for kind, argument in items:
        if kind == constants.SUBPATTERN:
            pinned = _has_pin(list(argument[-1]), movable, folded)
        elif kind in _REPEATS:
            pinned = argument[0] == argument[1] >= 1 and _has_pin(list(argument[2]), movable, folded)
        elif kind in _ONE_CHARACTER:
            pinned = not _chars([(kind, argument)], folded).meets(movable)
        elif kind == constants.BRANCH:
            branches = [list(branch) for branch in argument[1]]
            pinned = all(_has_pin(branch, movable, folded) for branch in branches) and _start_apart(branches, folded)
        else:
            pinned = False
        if pinned:
            return True
    return False


def _start_apart(branches: list[list[Any]], folded: bool) -> bool:
    """Whether each alternative starts with one character of its own, which no other can start with."""
    starts = []
    for branch in branches:
        if not branch or branch[0][0] not in _ONE_CHARACTER:
            return False
        starts.append(_chars(branch[:1], folded))
    return all(not one.meets(other) for index, one in enumerate(starts) for other in starts[index + 1 :])


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
