"""Settings: the `[tool.streams-codegen]` table of pyproject.toml, the single place they live."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression

from generator.errors import CodegenError, read_utf8

TABLE = "tool.streams-codegen"

# The license whose text the toolkit carries (templates/licenses/); any other needs `license-file`.
DEFAULT_LICENSE = "Apache-2.0"

# The translators' untranslated lists, one page per language besides English: generated with the package, but part
# of the toolkit's docs, since the package's users have no use for them. A second output, kept like the first.
I18N_DOCS = Path("docs") / "i18n"

# key in pyproject.toml -> (attribute, kind); kind "path" is resolved against the project root. All required.
_KEYS: dict[str, tuple[str, str]] = {
    "spec": ("spec", "path"),
    "templates": ("templates", "path"),
    "output": ("output", "path"),
    "project-name": ("project_name", "str"),
    "package-name": ("package_name", "str"),
    "package-version": ("package_version", "str"),
    "command-name": ("command_name", "str"),
}
# The generated package's metadata as an index shows it, all optional (_release_metadata reads them).
_METADATA_KEYS = ("license", "license-file", "authors", "urls")
_AUTHOR_KEYS = ("name", "email")
# PEP 753: a project URL's label is at most 32 characters.
_MAX_URL_LABEL = 32


@dataclass(frozen=True)
class Author:
    """One entry of `authors`, as pyproject.toml's [project] authors takes it: a name, an email, or both."""

    name: str | None
    email: str | None


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
    license: str = DEFAULT_LICENSE  # an SPDX license expression, in its canonical spelling
    license_file: Path | None = None  # the license text; None: the toolkit's own text of DEFAULT_LICENSE
    authors: tuple[Author, ...] = ()
    urls: tuple[tuple[str, str], ...] = ()  # (label, http(s) URL) as written: Documentation, Changelog, Source...

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
            *([("the license file", self.license_file)] if self.license_file else []),
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
        if key not in _KEYS and key not in _METADATA_KEYS:
            known = ", ".join(sorted([*_KEYS, *_METADATA_KEYS]))
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
    values |= _release_metadata(table, text, pyproject)
    return Settings(root=root, config_file=pyproject, **values)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the package's metadata


def _release_metadata(table: dict[str, Any], text: str, pyproject: Path) -> dict[str, object]:
    """license, license-file, authors and urls, checked: each problem is a CodegenError at its line."""
    license_expression = _license(table.get("license", DEFAULT_LICENSE), text, pyproject)
    license_file = table.get("license-file")
    if license_file is not None:
        if not isinstance(license_file, str) or not license_file:
            raise _metadata_error(
                "license-file must be a non-empty string: a file of the project", text, pyproject, "license-file"
            )
        license_file = pyproject.parent / license_file
        if not license_file.is_file():
            raise _metadata_error(
                f"license-file '{table['license-file']}' is not a file",
                text,
                pyproject,
                "license-file",
                hint="name the file holding the license text, relative to this pyproject.toml",
            )
    elif license_expression != DEFAULT_LICENSE:
        raise _metadata_error(
            f"license {license_expression!r} needs its text: set license-file",
            text,
            pyproject,
            "license",
            hint=f'license-file = "LICENSE.txt", the file holding it; only {DEFAULT_LICENSE}\'s text comes with the '
            "toolkit",
        )
    return {
        "license": license_expression,
        "license_file": license_file,
        "authors": _authors(table.get("authors", []), text, pyproject),
        "urls": _urls(table.get("urls", {}), text, pyproject),
    }


def _license(value: object, text: str, pyproject: Path) -> str:
    if not isinstance(value, str):
        raise _metadata_error("license must be a string: an SPDX license expression", text, pyproject, "license")
    try:
        return str(canonicalize_license_expression(value))
    except InvalidLicenseExpression as err:
        raise _metadata_error(
            f"license {value!r} is not an SPDX license expression ({err})",
            text,
            pyproject,
            "license",
            hint=f"use identifiers of https://spdx.org/licenses/ (e.g. {DEFAULT_LICENSE}, MIT OR Apache-2.0), or "
            "LicenseRef-<name> for a license of your own",
        ) from None


# An email address as core metadata carries it: no spaces, no quotes or brackets, one @ before a dotted domain.
_EMAIL = re.compile(r"[^\s@<>,;\"()\[\]]+@[^\s@<>,;\"()\[\]]+\.[^\s@<>,;\"()\[\].]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _authors(value: object, text: str, pyproject: Path) -> tuple[Author, ...]:
    if not isinstance(value, list):
        raise _metadata_error("authors must be an array of tables", text, pyproject, "authors", hint=_AUTHORS_HINT)
    lines = _entry_lines(text, "authors")
    authors = []
    for index, entry in enumerate(value):
        line = lines[index] if index < len(lines) else _line_of_key(text, "authors")
        authors.append(_author(entry, index, pyproject, line))
    return tuple(authors)


_AUTHORS_HINT = 'write each as { name = "Data Platform team", email = "data-platform@example.com" }'


def _author(entry: object, index: int, pyproject: Path, line: int | None) -> Author:
    def error(message: str, hint: str = _AUTHORS_HINT) -> CodegenError:
        return CodegenError(f"authors entry {index + 1}: {message}", pyproject, line, hint=hint)

    if not isinstance(entry, dict) or not entry:
        raise error("not a table with a name, an email or both")
    unknown = sorted(set(entry) - set(_AUTHOR_KEYS))
    if unknown:
        raise error(f"unknown key {unknown[0]!r}", hint="an author has name and email, nothing else")
    for key, field in entry.items():
        if not isinstance(field, str) or not field.strip() or _CONTROL.search(field):
            raise error(f"{key} must be a non-empty string on one line")
    name, email = entry.get("name"), entry.get("email")
    if name is not None and "," in name:
        raise error(f"name {name!r} holds a comma", hint="core metadata separates authors with commas: drop it")
    if email is not None and not _EMAIL.fullmatch(email):
        raise error(f"email {email!r} is not an email address", hint="write it as name@example.com")
    return Author(name, email)


def _urls(value: object, text: str, pyproject: Path) -> tuple[tuple[str, str], ...]:
    def line_of(label: str) -> int | None:
        return _line_of_key(text, label, f"{TABLE}.urls") if _line_of_table(text, f"{TABLE}.urls") else None

    example = 'urls = { Documentation = "https://...", Changelog = "https://...", Source = "https://..." }'
    if not isinstance(value, dict):
        raise _metadata_error("urls must be a table of label = URL", text, pyproject, "urls", hint=example)
    urls = []
    for label, url in value.items():
        where = line_of(label) or _line_of_key(text, "urls")
        if not label.strip() or len(label) > _MAX_URL_LABEL or _CONTROL.search(label):
            raise CodegenError(
                f"urls label {label!r} must be 1 to {_MAX_URL_LABEL} characters on one line", pyproject, where
            )
        if not isinstance(url, str) or not _is_web_url(url):
            raise CodegenError(
                f"urls {label}: {url!r} is not an http(s) URL",
                pyproject,
                where,
                hint="write the whole address, e.g. https://example.com/docs",
            )
        urls.append((label, url))
    return tuple(urls)


def _is_web_url(url: str) -> bool:
    if _CONTROL.search(url) or any(character.isspace() for character in url):
        return False
    try:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:  # a malformed IPv6 host or port
        return False


def _metadata_error(message: str, text: str, pyproject: Path, key: str, hint: str | None = None) -> CodegenError:
    return CodegenError(message, pyproject, _line_of_key(text, key), hint=hint)


def _entry_lines(text: str, key: str) -> list[int]:
    """The line of each entry of the array `key` in our table, whether written inline (`authors = [{...}, ...]`,
    on one line or several) or as an array of tables (`[[tool.streams-codegen.authors]]`)."""
    headers = [
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip().replace(" ", "") == f"[[{TABLE}.{key}]]"
    ]
    start = _line_of_key(text, key)
    if headers or start is None or start == _line_of_table(text):
        return headers
    lines: list[int] = []
    depth, line, quote, escaped, comment, expecting = 0, start, "", False, False, False
    for character in text.split("\n", start - 1)[-1].partition("=")[2]:
        if character == "\n":
            line, comment = line + 1, False
        elif comment or character.isspace():
            continue
        elif quote:
            if escaped:
                escaped = False
            elif character == "\\" and quote == '"':
                escaped = True
            elif character == quote:
                quote = ""
        elif character == "#":
            comment = True
        else:
            if depth == 1 and expecting and character not in ",]":
                lines.append(line)
                expecting = False
            if character in "\"'":
                quote = character
            elif character in "[{":
                depth += 1
                expecting = depth == 1
            elif character in "]}":
                depth -= 1
                if depth == 0:
                    break
            elif character == "," and depth == 1:
                expecting = True
    return lines


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


def _line_of_table(text: str, table: str = TABLE) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() == f"[{table}]":
            return number
    return None


def _line_of_key(text: str, key: str, table: str = TABLE) -> int | None:
    """tomllib keeps no positions, so find the key's line inside the table by reading the text."""
    start = _line_of_table(text, table)
    if start is None:
        return None
    pattern = re.compile(rf"""^\s*["']?{re.escape(key)}["']?\s*=""")
    for number, line in enumerate(text.splitlines()[start:], start=start + 1):
        if line.lstrip().startswith("["):
            break
        if pattern.match(line):
            return number
    return start
