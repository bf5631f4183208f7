"""Findings about one spec, placed at the line and column of a JSON pointer."""

from __future__ import annotations

from generator.errors import Finding, Severity
from generator.spec.loading import Spec
from generator.spec.pointers import Pointer


class Reporter:
    def __init__(self, spec: Spec) -> None:
        self.spec = spec

    def __call__(self, pointer: Pointer, message: str, hint: str | None = None) -> Finding:
        return self.finding("error", pointer, message, hint)

    def warning(self, pointer: Pointer, message: str, hint: str | None = None) -> Finding:
        return self.finding("warning", pointer, message, hint)

    def finding(self, severity: Severity, pointer: Pointer, message: str, hint: str | None) -> Finding:
        line, column = self.spec.position_of(pointer)
        return Finding(self.spec.path, line, column, severity, message, hint)

    def line_of(self, pointer: Pointer) -> int:
        return self.spec.position_of(pointer)[0]
