"""The generated client's changelog and version.

The changelog's source is CHANGELOG.md beside the spec (spec/CHANGELOG.md): generated/ is output, so
`generate` copies it into the package. `changes OLD NEW --changelog` adds an entry there, newest
first, and bumps `package-version` in pyproject.toml: major when a change is breaking, minor when
something was added, patch for any other compatible change.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.api_diff import Change
from generator.config import Settings, set_package_version
from generator.errors import CodegenError

CHANGELOG_NAME = "CHANGELOG.md"
_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
_FIRST_ENTRY = re.compile(r"^## ", re.MULTILINE)


def changelog_path(settings: Settings) -> Path:
    return settings.spec.with_name(CHANGELOG_NAME)


def copy_into(settings: Settings, project_dir: Path) -> None:
    source = changelog_path(settings)
    if source.is_file():
        shutil.copyfile(source, project_dir / CHANGELOG_NAME)


def next_version(current: str, changes: list[Change]) -> str:
    match = _SEMVER.match(current)
    if match is None:
        raise CodegenError(f"package-version {current!r} is not MAJOR.MINOR.PATCH", hint="use e.g. 1.4.0")
    major, minor, patch = map(int, match.groups())
    if any(change.breaking for change in changes):
        return f"{major + 1}.0.0"
    if any(change.is_addition for change in changes):
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def entry(version: str, changes: list[Change]) -> str:
    lines = [f"## {version}", ""]
    for title, breaking in (("Breaking", True), ("Compatible", False)):
        group = [change for change in changes if change.breaking is breaking]
        if group:
            lines += [f"### {title}", ""]
            lines += [f"- `{change.subject}`: {change.detail} ({change.kind})" for change in group]
            lines.append("")
    return "\n".join(lines)


def record_release(settings: Settings, changes: list[Change]) -> str:
    """Add the entry for `changes` to the changelog and bump package-version; returns the new version."""
    version = next_version(settings.package_version, changes)
    path = changelog_path(settings)
    text = path.read_text(encoding="utf-8") if path.is_file() else "# Changelog\n\n"
    first = _FIRST_ENTRY.search(text)
    position = first.start() if first else len(text)
    path.write_text(text[:position] + entry(version, changes) + "\n" + text[position:], encoding="utf-8")
    set_package_version(settings.root / "pyproject.toml", version)
    return version
