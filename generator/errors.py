"""The one exception type the toolkit raises for bad input, rendered as a single line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class CodegenError(Exception):
    """Bad input: says where (file and line) and, where known, how to fix it."""

    message: str
    file: Path | str | None = None
    line: int | None = None
    column: int | None = None
    hint: str | None = None

    def __str__(self) -> str:
        location = ""
        if self.file is not None:
            location = str(self.file)
            if self.line is not None:
                location += f":{self.line}"
                if self.column is not None:
                    location += f":{self.column}"
            location += ": "
        text = f"{location}error: {self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return " ".join(text.split())
