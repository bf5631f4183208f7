"""Loading our YAML files (the spec, its translations, locale strings): plain data through the fast loader
(plain_yaml.py), and ruamel.yaml's round-trip tree, built only when a finding needs a position
(`Spec.position_of`) or `--apply` rewrites the file, which is then written back in its own style."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from generator.errors import CodegenError
from generator.spec.plain_yaml import load_plain_text
from generator.spec.pointers import Pointer


@dataclass(frozen=True)
class Spec:
    path: Path
    text: str
    data: dict[str, Any]  # the document as plain JSON-compatible values

    @cached_property
    def tree(self) -> CommentedMap:
        """The round-trip tree (comments and positions), built on first use: ruamel.yaml's pure-Python
        loader takes most of a generation's time, and only findings and `--apply` need the tree."""
        tree: CommentedMap = round_trip_yaml().load(self.text)
        return tree

    def position_of(self, pointer: Pointer) -> tuple[int, int]:
        """1-based (line, column) of the node at `pointer`: the key of a mapping entry, the start of a list
        item. Where the pointer leaves the document, the deepest node on its way that exists."""
        node: Any = self.tree
        position = (1, 1)
        for part in pointer:
            if isinstance(node, CommentedMap) and part in node:
                line, column = node.lc.key(part)
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
                line, column = node.lc.item(part)
            else:
                break
            position = (line + 1, column + 1)
            node = node[part]
        return position


# A symptom in ruamel.yaml's problem or context text -> how to fix it; the first match wins. `{opened}` is
# the line ruamel names as the context (where the unclosed bracket, quote or key began).
_YAML_HINTS = {
    "'\\t'": "indent with spaces: YAML does not allow tabs there",
    "duplicate key": "a key may appear only once in a mapping: merge the two entries",
    "expected ',' or ']'": "close the [ opened on line {opened}, or quote the value if it contains ':'",
    "expected ',' or '}'": "close the { opened on line {opened}, or quote the value if it contains ':'",
    "mapping values are not allowed here": "quote the value if it contains ': ', or indent it under its key",
    "that cannot start any token": "quote the value: a plain YAML value cannot start with this character",
    "found undefined alias": "define the anchor (&name) before the alias (*name), or quote the value if * is text",
    "while scanning a quoted scalar": "close the quote opened on line {opened}",
    "unknown escape character": "in double quotes write a backslash as \\\\, or use single quotes",
    "expected <block end>": "indent this line like the other entries of its mapping or list, or under its key",
    "could not find expected ':'": "write ': ' after the key on line {opened}, or quote its value",
}


def load_spec(path: Path) -> Spec:
    return load_yaml_mapping(path, "spec", "an OpenAPI document")


def load_yaml_mapping(path: Path, what: str, expected: str) -> Spec:
    """A YAML file whose top level is a mapping (`what` and `expected` name it in error messages)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise CodegenError(f"cannot read {what}: {err.strerror}", path) from err
    try:
        data = load_plain_text(text, path)
    except CodegenError:
        # The round-trip loader names the problem with its hints, or reads what the fast loader refuses.
        data = _plain(_round_trip_load(text, path))
    if not isinstance(data, dict):
        raise CodegenError(f"the {what} must be a YAML mapping ({expected})", path, 1)
    return Spec(path=path, text=text, data=_plain(data))


def _round_trip_load(text: str, path: Path) -> Any:
    """ruamel.yaml's round-trip tree of `text`, its problems turned into one-line errors with hints."""
    try:
        return round_trip_yaml().load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        problem = err.problem or err.context or "invalid YAML"
        opened = unclosed_quote_line(text.splitlines()[: line or 0])
        hint = f"close the quote opened on line {opened}" if opened else _yaml_hint(err)
        raise CodegenError(f"YAML: {problem}", path, line, column, hint) from err
    except YAMLError as err:
        raise CodegenError(f"YAML: {err}", path) from err


# A value that opens a quote it does not close on its line: YAML reads on to the next quote, so the lines in
# between (keys included) become part of the text, and the error shows lines later.
_OPEN_QUOTE = re.compile(r"""^\s*(?:-\s+)?[^\s#'"][^:#]*:\s+(?P<quote>['"])(?P<rest>.*)$""")


def open_quote(line: str) -> int | None:
    """The 1-based column of a quote that `line` opens for its value and does not close, or None."""
    match = _OPEN_QUOTE.match(line)
    if match is None:
        return None
    rest = match["rest"]
    closed = "'" in rest.replace("''", "") if match["quote"] == "'" else re.search(r'(?<!\\)"', rest) is not None
    return None if closed else match.start("quote") + 1


def unclosed_quote_line(lines: list[str]) -> int | None:
    """The 1-based number of the last of `lines` that opens a quote it does not close."""
    return next((number for number in range(len(lines), 0, -1) if open_quote(lines[number - 1])), None)


def _yaml_hint(err: MarkedYAMLError) -> str | None:
    symptoms = f"{err.problem} {err.context}"
    hint = next((hint for symptom, hint in _YAML_HINTS.items() if symptom in symptoms), None)
    if hint is None or "{opened}" not in hint:
        return hint
    # replace(), not format(): a hint may name a brace ("close the { opened on line ...").
    return hint.replace("{opened}", str(err.context_mark.line + 1)) if err.context_mark is not None else None


def round_trip_yaml() -> YAML:
    """ruamel.yaml set up so that loading and dumping spec/streams.yaml unchanged gives the same bytes:
    sequences flush with their key, quotes as written, long lines never folded."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000_000
    yaml.indent(mapping=2, sequence=2, offset=0)
    return yaml


def dump_spec(tree: CommentedMap) -> str:
    stream = io.StringIO()
    round_trip_yaml().dump(tree, stream)
    return stream.getvalue()


def _plain(node: Any) -> Any:
    """ruamel's round-trip types, turned into plain dicts/lists/scalars through JSON."""
    return json.loads(json.dumps(node, default=str))
