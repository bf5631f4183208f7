"""Reporting bad input. Every report is one line, `file:line:col: severity: message (hint: fix)`:
a lint Finding, a CodegenError (bad input that stops the run), or a SpecRejected (lint errors that
stop generation, one line per finding)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

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


def as_typed(file: Path | str) -> Path | str:
    """A location as the user would type it: relative to the working directory when inside it. Its last part is
    not resolved: a report about a symbolic link names the link, not where it points."""
    path = Path(file).absolute()
    try:
        return (path.parent.resolve() / path.name).relative_to(Path.cwd().resolve())
    except ValueError:
        return file


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
