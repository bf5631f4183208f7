"""The generated client's changelog and version.

The changelog's source is CHANGELOG.md beside the spec (`Settings.changelog`); `generate` copies it into
the package. `changes OLD NEW --changelog` adds an entry there, newest
first, and bumps `package-version` in pyproject.toml: major when a change is breaking, minor when
something was added, patch for any other compatible change. Each entry's heading carries the day it was
recorded, in UTC (`## 0.2.0 (2026-11-30)`); `make dist` stamps the package's files with the newest one
(`source_date_epoch`). Each entry carries a digest of its change list in an HTML comment (invisible on the
rendered page), so that recording the same changes again, as a second run of the same command would, is
noticed and does nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from generator.config import Settings, set_package_version
from generator.errors import CodegenError, read_utf8
from generator.evolve.api_diff import Change

_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
# Each level-2 heading starts an entry: `## 1.4.0 (2026-11-30)`, or `## 1.4.0` as written before entries had dates.
_ENTRY_HEADING = re.compile(r"^## (\S+)(.*)$", re.MULTILINE)
_ENTRY_DATE = re.compile(r" \((\d{4}-\d{2}-\d{2})\)")
_DIGEST_COMMENT = "<!-- changes: {} -->"


@dataclass(frozen=True)
class Release:
    version: str
    written: bool  # False: the newest entry already recorded these changes, and nothing was touched


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


def change_digest(changes: list[Change]) -> str:
    """A short fingerprint of a change list (64 bits of the sha256 of all its fields)."""
    listed = json.dumps([asdict(change) for change in changes], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(listed.encode("utf-8")).hexdigest()[:16]


def entry(version: str, changes: list[Change], day: date) -> str:
    lines = [f"## {version} ({day.isoformat()})", "", _DIGEST_COMMENT.format(change_digest(changes)), ""]
    for title, breaking in (("Breaking", True), ("Compatible", False)):
        group = [change for change in changes if change.breaking is breaking]
        if group:
            lines += [f"### {title}", ""]
            lines += [f"- `{change.subject}`: {change.detail} ({change.kind})" for change in group]
            lines.append("")
    return "\n".join(lines)


def record_release(settings: Settings, changes: list[Change], today: date | None = None) -> Release:
    """Add the entry for `changes`, dated `today` (by default the day in UTC), to the changelog and bump
    package-version, unless the newest entry already records exactly these changes."""
    path = settings.changelog
    text = path.read_text(encoding="utf-8") if path.is_file() else "# Changelog\n\n"
    headings = list(_ENTRY_HEADING.finditer(text))
    if headings:
        newest_entry = text[headings[0].start() : headings[1].start() if len(headings) > 1 else len(text)]
        if _DIGEST_COMMENT.format(change_digest(changes)) in newest_entry:
            return Release(headings[0][1], written=False)
    version = next_version(settings.package_version, changes)
    position = headings[0].start() if headings else len(text)
    day = today or datetime.now(UTC).date()
    path.write_text(text[:position] + entry(version, changes, day) + "\n" + text[position:], encoding="utf-8")
    set_package_version(settings.root / "pyproject.toml", version)
    return Release(version, written=True)


@dataclass(frozen=True)
class Entry:
    version: str
    day: date
    line: int  # of its heading


def newest_entry(path: Path) -> Entry:
    """The newest (first) entry of the changelog at `path`; CodegenError at its heading when it has no date, or
    at the top when there is no entry."""
    text = read_utf8(path, "changelog")
    heading = _ENTRY_HEADING.search(text)
    if heading is None:
        raise CodegenError(
            "the changelog has no entry ('## VERSION (YYYY-MM-DD)')",
            path,
            1,
            hint="record a release: streams-codegen changes OLD --changelog",
        )
    line = text.count("\n", 0, heading.start()) + 1
    version, dated = heading[1], _ENTRY_DATE.fullmatch(heading[2].rstrip())
    try:
        return Entry(version, date.fromisoformat(dated[1] if dated else ""), line)
    except ValueError:
        raise CodegenError(
            f"the newest entry '{heading[0].strip()}' has no valid date",
            path,
            line,
            hint=f"write the day {version} was released, in UTC: ## {version} (YYYY-MM-DD)",
        ) from None


def source_date_epoch(day: date) -> int:
    """Midnight UTC of `day`, in seconds since the epoch: the SOURCE_DATE_EPOCH of a release made that day."""
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())
