"""Formatting of generated code with the exactly pinned ruff, using the rule set that the generated
pyproject.toml declares (templates/pyproject.toml.jinja), so output does not depend on the caller."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.errors import CodegenError

_COMMANDS = (
    ("check", "--fix-only", "--no-cache", "--quiet", "--exit-zero", "."),
    ("format", "--no-cache", "--quiet", "."),
)


def format_tree(project_dir: Path) -> None:
    for arguments in _COMMANDS:
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *arguments], cwd=project_dir, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            first_line = (result.stderr or result.stdout).strip().splitlines()[:1]
            raise CodegenError(f"ruff {arguments[0]} failed on generated code: {' '.join(first_line)}")
