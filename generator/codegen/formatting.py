"""Formatting of generated code with the exactly pinned ruff, using the rule set that the generated
pyproject.toml declares (templates/pyproject.toml.jinja), so output does not depend on the caller."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ruff import find_ruff_bin  # type: ignore[import-untyped]  # ruff ships no py.typed

from generator.errors import CodegenError

_COMMANDS = (
    ("check", "--fix-only", "--no-cache", "--quiet", "--exit-zero", "."),
    ("format", "--no-cache", "--quiet", "."),
)


def format_tree(project_dir: Path) -> None:
    # The pinned ruff's own binary, not `python -m ruff`: that would start an interpreter just to exec it.
    ruff: str = find_ruff_bin()
    for arguments in _COMMANDS:
        result = subprocess.run([ruff, *arguments], cwd=project_dir, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            first_line = (result.stderr or result.stdout).strip().splitlines()[:1]
            raise CodegenError(f"ruff {arguments[0]} failed on generated code: {' '.join(first_line)}")
