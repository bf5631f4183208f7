"""Reporting bad input. Every report is one line, `file:line:col: severity: message (hint: fix)`:
a lint Finding, a CodegenError (bad input that stops the run), or a SpecRejected (lint errors that
stop generation, one line per finding)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One problem found in an input file, where it is and, where known, how to fix it."""

    file: Path | str | None
    line: int | None
    column: int | None
    severity: Severity
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        location = ""
        if self.file is not None:
            location = str(as_typed(self.file))
            if self.line is not None:
                location += f":{self.line}"
                if self.column is not None:
                    location += f":{self.column}"
            location += ": "
        text = f"{location}{self.severity}: {self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return " ".join(text.split())


def finding_as_json(finding: Finding) -> dict[str, Any]:
    """A warning as the caches keep it (lint's record, the check record)."""
    return {
        "file": None if finding.file is None else str(finding.file),
        "line": finding.line,
        "column": finding.column,
        "message": finding.message,
        "hint": finding.hint,
    }


def finding_from_json(entry: dict[str, Any]) -> Finding:
    """A warning back from finding_as_json; TypeError or KeyError for anything else."""
    file = entry["file"]
    if not (file is None or isinstance(file, str)) or not all(
        value is None or isinstance(value, int) for value in (entry["line"], entry["column"])
    ):
        raise TypeError("not a recorded finding")
    hint = entry["hint"]
    path = None if file is None else Path(file)
    return Finding(path, entry["line"], entry["column"], "warning", str(entry["message"]), hint and str(hint))


def as_typed(file: Path | str) -> Path | str:
    """A location as the user would type it: relative to the working directory when inside it. Its last part is
    not resolved: a report about a symbolic link names the link, not where it points."""
    path = Path(file).absolute()
    try:
        return (path.parent.resolve() / path.name).relative_to(Path.cwd().resolve())
    except ValueError:
        return file


def read_utf8(path: Path, what: str) -> str:
    """The text of the input file `path` (`what` names it in messages), which must be UTF-8: a file that cannot
    be read or decoded is a CodegenError naming it, and for an undecodable byte its line and column."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise CodegenError(f"cannot read {what}: {err.strerror}", path) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise _not_utf8(data, err, path) from None


# Byte order marks of the encodings a Windows editor may save in, which Python's UTF-8 decoder refuses.
_BYTE_ORDER_MARKS = {b"\xff\xfe": "UTF-16", b"\xfe\xff": "UTF-16"}


def _not_utf8(data: bytes, err: UnicodeDecodeError, path: Path) -> CodegenError:
    line = data.count(b"\n", 0, err.start) + 1
    column = len(data[data.rfind(b"\n", 0, err.start) + 1 : err.start].decode("utf-8", errors="replace")) + 1
    encoding = next((name for mark, name in _BYTE_ORDER_MARKS.items() if data.startswith(mark)), None)
    if encoding is not None:
        return CodegenError(f"the file is {encoding}, not UTF-8", path, 1, 1, hint="save it as UTF-8")
    byte = data[err.start]
    return CodegenError(
        f"not UTF-8: byte 0x{byte:02x} cannot start or continue a character",
        path,
        line,
        column,
        hint="save the file as UTF-8 (a Latin-1 or Windows-1252 editor writes such bytes)",
    )


@dataclass
class CodegenError(Exception):
    """Bad input: says where (file and line) and, where known, how to fix it."""

    message: str
    file: Path | str | None = None
    line: int | None = None
    column: int | None = None
    hint: str | None = None

    def __str__(self) -> str:
        return str(Finding(self.file, self.line, self.column, "error", self.message, self.hint))


class SpecRejected(CodegenError):
    """`streams-codegen lint` found errors, so nothing is generated."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(f"{len(findings)} lint finding(s)", findings[0].file if findings else None)
        self.findings = findings

    def __str__(self) -> str:
        return "\n".join(str(finding) for finding in self.findings)
