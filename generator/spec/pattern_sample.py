"""A string that a schema's `pattern` matches, for examples that must pass the client's own checks (a path
parameter without an example: examples.py). Deterministic, so that the docs stay the same bytes.

The pattern is read as the regular expressions that specs use: alternatives (`|`), groups (`(...)`,
`(?:...)`), classes (`[a-f0-9]`, `[^/]`), `.`, the escapes `\\d \\w \\s \\D \\W \\S` and escaped characters,
quantifiers (`* + ? {n} {n,} {n,m}`, lazy or not) and the anchors `^ $ \\b \\B`. The sample takes the first
alternative, the first character each class allows, and each quantified part as often as its least count, but
at least once (an optional part is shown, not dropped: `[a-z]*` gives "a", not ""). Anything else (look-arounds,
back-references, named groups) gives None, as does a sample that the pattern, checked by Python's `re`, does not
match after all: the caller then asks the spec for an example instead."""

from __future__ import annotations

import re
import string

# The characters a negated class or `\W` may pick from, in the order they are tried.
_CANDIDATES = string.ascii_lowercase + string.digits + string.ascii_uppercase + "-_.~ "
_CLASS_ESCAPES = {"d": string.digits, "w": string.ascii_letters + string.digits + "_", "s": string.whitespace}
_ANCHORS = {"^", "$"}
_ANCHOR_ESCAPES = {"b", "B", "A", "z", "Z"}


def _first_outside(excluded: str) -> str:
    choice = next((char for char in _CANDIDATES if char not in excluded), None)
    if choice is None:
        raise _Unsupported("a class that excludes every candidate")
    return choice


class _Unsupported(Exception):
    """The pattern uses something this sampler does not read."""


def sample_matching(pattern: str) -> str | None:
    """A short string that `pattern` matches (re.search, as JSON Schema applies a pattern), or None."""
    try:
        reader = _Reader(pattern)
        value = reader.alternatives()
        if not reader.done():
            raise _Unsupported(pattern)
        re.compile(pattern)
    except (_Unsupported, re.error):
        return None
    return value if re.search(pattern, value) else None


class _Reader:
    def __init__(self, pattern: str) -> None:
        self.text = pattern
        self.at = 0

    def done(self) -> bool:
        return self.at >= len(self.text)

    def peek(self) -> str:
        return self.text[self.at] if not self.done() else ""

    def take(self) -> str:
        if self.done():
            raise _Unsupported("unexpected end")
        char = self.text[self.at]
        self.at += 1
        return char

    def alternatives(self) -> str:
        """The first alternative's sample; the others are read past."""
        first = self.sequence()
        while self.peek() == "|":
            self.take()
            self.sequence()
        return first

    def sequence(self) -> str:
        parts = []
        while not self.done() and self.peek() not in "|)":
            atom = self.atom()
            parts.append(atom * self.count())
        return "".join(parts)

    def atom(self) -> str:
        char = self.take()
        if char == "(":
            if self.peek() == "?":
                self.take()
                if self.take() != ":":
                    raise _Unsupported("look-around or named group")
            inner = self.alternatives()
            if self.take() != ")":
                raise _Unsupported("unclosed group")
            return inner
        if char == "[":
            return self.character_class()
        if char == ".":
            return _CANDIDATES[0]
        if char in _ANCHORS:
            return ""
        if char == "\\":
            escaped = self.peek()
            if escaped in _ANCHOR_ESCAPES:
                self.take()
                return ""
            if escaped.lower() in _CLASS_ESCAPES and escaped.isupper():  # \D \W \S
                self.take()
                return _first_outside(_CLASS_ESCAPES[escaped.lower()])
            return self.escaped()[0]
        if char in "*+?{":
            raise _Unsupported("quantifier without an atom")
        return char

    def escaped(self) -> str:
        """The characters that the escape after a backslash stands for: a class (\\d \\w \\s), or the one
        character escaped."""
        char = self.take()
        if char in _CLASS_ESCAPES:
            return _CLASS_ESCAPES[char]
        if char.isalnum():
            raise _Unsupported(f"escape \\{char}")  # back-references, \x, \u, \p, \D inside a class
        return char

    def character_class(self) -> str:
        negated = self.peek() == "^"
        if negated:
            self.take()
        allowed: list[str] = []
        while (char := self.take()) != "]":
            members = self.escaped() if char == "\\" else char
            if len(members) == 1 and self.peek() == "-" and self.text[self.at + 1 : self.at + 2] not in ("]", ""):
                self.take()
                end = self.take()
                last = self.escaped() if end == "\\" else end
                if len(last) != 1 or last < members:
                    raise _Unsupported("a range that is not one")
                members = "".join(chr(code) for code in range(ord(members), ord(last) + 1))
            allowed.append(members)
        if not allowed:
            raise _Unsupported("an empty class")
        return _first_outside("".join(allowed)) if negated else allowed[0][0]

    def count(self) -> int:
        """How often the atom just read is repeated: its least count, at least once."""
        char = self.peek()
        if char in ("*", "+", "?"):
            self.take()
            least = 1
        elif char == "{" and (quantifier := re.match(r"\{(\d+)(,\d*)?\}", self.text[self.at :])):
            self.at += quantifier.end()
            least = max(int(quantifier.group(1)), 1)
        else:
            return 1
        if self.peek() in ("?", "+"):  # lazy or possessive
            self.take()
        return least
