"""Running the toolkit's command line in-process, and checking a generated package with mypy --strict."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], list[str]]:
    """`streams-codegen argv...` in this process: (exit status, stdout lines, stderr lines)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def mypy_strict(package: Path, cache: Path | None = None) -> subprocess.CompletedProcess[str]:
    """mypy --strict on the generated package in `package`; `cache` keeps its results between runs."""
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache or "/dev/null"), "atlas_streams"]
    return subprocess.run(command, cwd=package, capture_output=True, text=True, check=False)
