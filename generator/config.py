"""Settings: the `[tool.streams-codegen]` table of pyproject.toml, the single place they live."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from generator.errors import CodegenError, read_utf8

TABLE = "tool.streams-codegen"

# The translators' untranslated lists, one page per language besides English: generated with the package, but part
# of the toolkit's docs, since the package's users have no use for them. A second output, kept like the first.
I18N_DOCS = Path("docs") / "i18n"

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
    config_file: Path | None = None  # the pyproject.toml they come from, for error lines

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

    def inputs(self) -> list[tuple[str, Path]]:
        """(what, path) of everything the toolkit reads from the project, which generate must never replace."""
        found = [
            ("the project", self.root),
            ("the project's .git", self.root / ".git"),
            ("the spec", self.spec),
            ("the templates", self.templates),
            ("the changelog", self.changelog),
        ]
        return found + ([("the settings", self.config_file)] if self.config_file else [])

    def line_of(self, key: str) -> int | None:
        """The line of `key` in our table of the settings file, for error messages."""
        if self.config_file is None or not self.config_file.is_file():
            return None
        return _line_of_key(read_utf8(self.config_file, "settings"), key)


def refuse_unsafe_output(settings: Settings, inputs: list[tuple[str, Path]]) -> None:
    """CodegenError (at the `output` line) when the output goes through a symbolic link, or equals or contains
    one of `inputs` (what, path): generate replaces the whole output directory, and would delete them."""
    shown = _as_written(settings.output, settings.root)
    linked = _symbolic_link_on_the_way(settings.output, settings.root)
    if linked is not None:
        raise _output_error(
            settings,
            f"output '{shown}' goes through the symbolic link {_as_written(linked, settings.root)}, which is not "
            "followed",
            "set output to a real directory: a link could point generate at any directory",
        )
    output = settings.output.resolve()
    for what, path in inputs:
        protected = path.resolve()
        if output == protected:
            raise _output_error(settings, f"output '{shown}' is {what}", _OWN_DIRECTORY)
        if what == "the project's .git" and protected in output.parents:
            raise _output_error(settings, f"output '{shown}' is inside {what}", _OWN_DIRECTORY)
        if output in protected.parents:
            where = _as_written(path, settings.root)
            raise _output_error(settings, f"output '{shown}' contains {what} ({where})", _OWN_DIRECTORY)


_OWN_DIRECTORY = "generate replaces the whole output directory: set output to a directory of its own"


def _output_error(settings: Settings, message: str, hint: str) -> CodegenError:
    return CodegenError(message, settings.config_file, settings.line_of("output"), hint=hint)


def _symbolic_link_on_the_way(output: Path, root: Path) -> Path | None:
    """The first symbolic link among the output and, inside the project, the directories leading to it."""
    absolute_root = Path(os.path.abspath(root))
    absolute = Path(os.path.abspath(output))
    on_the_way = [absolute]
    if absolute_root in absolute.parents:
        on_the_way = [*reversed(absolute.relative_to(absolute_root).parents), absolute.relative_to(absolute_root)]
        on_the_way = [absolute_root / part for part in on_the_way if part != Path(".")]
    return next((path for path in on_the_way if path.is_symlink()), None)


def _as_written(path: Path, root: Path) -> str:
    """`path` as a setting names it: relative to the project when inside it (lexically, links not followed)."""
    absolute, absolute_root = Path(os.path.abspath(path)), Path(os.path.abspath(root))
    if absolute == absolute_root:
        return "."
    if absolute_root in absolute.parents:
        return absolute.relative_to(absolute_root).as_posix()
    return str(absolute)


def find_pyproject(start: Path) -> Path:
    """The nearest pyproject.toml at or above `start` that has our table."""
    for directory in [start, *start.parents]:
        candidate = directory / "pyproject.toml"
        if candidate.is_file() and f"[{TABLE}]" in read_utf8(candidate, "settings"):
            return candidate
    raise CodegenError(
        f"no pyproject.toml with a [{TABLE}] table at or above {start}",
        hint="run from the project root, or pass --config PATH",
    )


def load_settings(pyproject: Path) -> Settings:
    text = read_utf8(pyproject, "settings")
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
    return Settings(root=root, config_file=pyproject, **values)  # type: ignore[arg-type]


def set_package_version(pyproject: Path, version: str) -> None:
    """Rewrite only the value of `package-version` in our table; every other byte stays."""
    text = read_utf8(pyproject, "settings")
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
