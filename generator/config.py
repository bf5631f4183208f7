"""Settings: the `[tool.streams-codegen]` table of pyproject.toml, the single place they live."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from generator.errors import CodegenError

TABLE = "tool.streams-codegen"

# key in pyproject.toml -> (attribute, kind); kind "path" is resolved against the project root.
_KEYS: dict[str, tuple[str, str]] = {
    "spec": ("spec", "path"),
    "templates": ("templates", "path"),
    "output": ("output", "path"),
    "project-name": ("project_name", "str"),
    "package-name": ("package_name", "str"),
    "package-version": ("package_version", "str"),
    "command-name": ("command_name", "str"),
}


@dataclass(frozen=True)
class Settings:
    root: Path
    spec: Path
    templates: Path
    output: Path
    project_name: str
    package_name: str
    package_version: str
    command_name: str  # the generated package's console script

    @property
    def changelog(self) -> Path:
        """The generated client's changelog, kept beside the spec (generated/ is output); generate copies it
        into the package."""
        return self.spec.with_name("CHANGELOG.md")

    def relative(self, path: Path) -> Path:
        """`path` as the user would type it from the project root (for messages and fix commands)."""
        try:
            return path.resolve().relative_to(self.root.resolve())
        except ValueError:
            return path


def find_pyproject(start: Path) -> Path:
    """The nearest pyproject.toml at or above `start` that has our table."""
    for directory in [start, *start.parents]:
        candidate = directory / "pyproject.toml"
        if candidate.is_file() and f"[{TABLE}]" in candidate.read_text(encoding="utf-8"):
            return candidate
    raise CodegenError(
        f"no pyproject.toml with a [{TABLE}] table at or above {start}",
        hint="run from the project root, or pass --config PATH",
    )


def load_settings(pyproject: Path) -> Settings:
    text = pyproject.read_text(encoding="utf-8")
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        line = getattr(err, "lineno", None)
        raise CodegenError(f"invalid TOML: {err.msg if hasattr(err, 'msg') else err}", pyproject, line) from err
    table = document.get("tool", {}).get("streams-codegen")
    if not isinstance(table, dict):
        raise CodegenError(f"missing [{TABLE}] table", pyproject)

    for key in table:
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise CodegenError(
                f"unknown settings key {key!r} in [{TABLE}]",
                pyproject,
                _line_of_key(text, key),
                hint=f"known keys: {known}",
            )
    missing = sorted(set(_KEYS) - set(table))
    if missing:
        raise CodegenError(
            f"missing settings key(s) {', '.join(missing)} in [{TABLE}]", pyproject, _line_of_table(text)
        )

    root = pyproject.parent
    values: dict[str, object] = {}
    for key, (attribute, kind) in _KEYS.items():
        value = table[key]
        if not isinstance(value, str) or not value:
            raise CodegenError(f"settings key {key!r} must be a non-empty string", pyproject, _line_of_key(text, key))
        values[attribute] = (root / value) if kind == "path" else value
    return Settings(root=root, **values)  # type: ignore[arg-type]


def set_package_version(pyproject: Path, version: str) -> None:
    """Rewrite only the value of `package-version` in our table; every other byte stays."""
    text = pyproject.read_text(encoding="utf-8")
    number = _line_of_key(text, "package-version")
    lines = text.splitlines(keepends=True)
    if number is None or not _VERSION_VALUE.search(lines[number - 1]):
        raise CodegenError(f"no package-version in [{TABLE}]", pyproject, number)
    lines[number - 1] = _VERSION_VALUE.sub(rf"\g<1>{version}\g<2>", lines[number - 1], count=1)
    pyproject.write_text("".join(lines), encoding="utf-8")


# The quoted value after `package-version =`, keeping its quote characters.
_VERSION_VALUE = re.compile(r"""(package-version["']?\s*=\s*["'])[^"']*(["'])""")


def _line_of_table(text: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() == f"[{TABLE}]":
            return number
    return None


def _line_of_key(text: str, key: str) -> int | None:
    """tomllib keeps no positions, so find the key's line inside our table by reading the text."""
    start = _line_of_table(text)
    if start is None:
        return None
    pattern = re.compile(rf"""^\s*["']?{re.escape(key)}["']?\s*=""")
    for number, line in enumerate(text.splitlines()[start:], start=start + 1):
        if line.lstrip().startswith("["):
            break
        if pattern.match(line):
            return number
    return start
