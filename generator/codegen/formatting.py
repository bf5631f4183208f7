"""Formatting of generated code with the exactly pinned ruff, using the rule set that the generated
pyproject.toml declares (templates/pyproject.toml.jinja), so output does not depend on the caller."""

from __future__ import annotations

import contextlib
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

from ruff import find_ruff_bin  # type: ignore[import-untyped]  # ruff ships no py.typed

from generator.cache.ruff_outputs import RuffOutputs
from generator.errors import CodegenError

# Files are named on the command line (those whose output is not cached): --force-exclude keeps the rules'
# exclusions for them, as they hold when ruff walks the folder itself.
_COMMANDS = (
    ("check", "--fix-only", "--no-cache", "--quiet", "--exit-zero", "--force-exclude"),
    ("format", "--no-cache", "--quiet", "--force-exclude"),
)
_SOURCES = ("*.py", "*.pyi")  # what ruff formats of a generated project (no notebooks)
# ruff's own configuration files, the first found winning: all of them key the cache.
_RULES = ("pyproject.toml", "ruff.toml", ".ruff.toml")


def format_tree(project_dir: Path) -> None:
    """ruff over every Python file of `project_dir`, but those whose output it gave before (RuffOutputs)."""
    # The pinned ruff's own binary, not `python -m ruff`: that would start an interpreter just to exec it.
    ruff: str = find_ruff_bin()
    files = sorted({path.relative_to(project_dir).as_posix() for kind in _SOURCES for path in project_dir.rglob(kind)})
    rules = b"".join(
        name.encode() + b"\n" + (project_dir / name).read_bytes() for name in _RULES if (project_dir / name).is_file()
    )
    outputs = RuffOutputs.open(ruff, _COMMANDS, rules)
    pending: dict[str, bytes] = {}
    for name in files:
        content = (project_dir / name).read_bytes()
        known = outputs.formatted(name, content) if outputs else None
        if known is None:
            pending[name] = content
        elif known != content:
            (project_dir / name).write_bytes(known)
    if not pending:
        return
    for arguments in _COMMANDS:
        command = [ruff, *arguments, "--", *pending]
        result = subprocess.run(command, cwd=project_dir, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            first_line = (result.stderr or result.stdout).strip().splitlines()[:1]
            raise CodegenError(f"ruff {arguments[0]} failed on generated code: {' '.join(first_line)}")
    if outputs:
        outputs.remember([(name, content, (project_dir / name).read_bytes()) for name, content in pending.items()])


@contextlib.contextmanager
def formatting_meanwhile(project_dir: Path) -> Iterator[None]:
    """format_tree(project_dir) while the block runs, finished when it ends: ruff works in processes of its own,
    so the block's Python work (the docs) overlaps it instead of waiting for it. The block must not touch the
    Python files."""
    failures: list[Exception] = []

    def run() -> None:
        try:
            format_tree(project_dir)
        except Exception as err:  # raised again in the caller's thread  # noqa: BLE001
            failures.append(err)

    thread = threading.Thread(target=run, name="ruff")
    thread.start()
    try:
        yield
    finally:
        thread.join()
    if failures:
        raise failures[0]
