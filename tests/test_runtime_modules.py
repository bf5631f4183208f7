"""The runtime modules (templates/runtime/*.py) are plain Python, copied into the package as they are, and
checked where they are written: ruff with the generated package's rules, mypy --strict in the package they
import from (docs/templates.md, Runtime modules)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

RUNTIME = ROOT / "templates/runtime"
CLIENT = ROOT / "generated/atlas-streams-client"
PACKAGE = CLIENT / "atlas_streams"
MODULES = sorted(RUNTIME.glob("*.py"))


def run(*command: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(part) for part in command], cwd=CLIENT, capture_output=True, text=True, check=False)


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.name)
def test_runtime_module_is_copied_byte_for_byte(module: Path) -> None:
    # Equal bytes also mean the formatting pass of generation leaves it alone: it is written formatted.
    assert (PACKAGE / module.name).read_bytes() == module.read_bytes()


def test_runtime_modules_pass_the_generated_packages_ruff_rules() -> None:
    config = CLIENT / "pyproject.toml"
    check = run(sys.executable, "-m", "ruff", "check", "--no-cache", "--config", config, *MODULES)
    formatted = run(sys.executable, "-m", "ruff", "format", "--check", "--no-cache", "--config", config, *MODULES)

    assert check.returncode == 0, check.stdout + check.stderr
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr


def test_runtime_modules_pass_mypy_strict_as_written() -> None:
    # Each module imports its neighbours (.errors, .types), so mypy reads it from templates/runtime/ in place of
    # its copy in the generated package: what is checked is the file as written, even before `make generate`.
    shadows = [argument for module in MODULES for argument in ("--shadow-file", PACKAGE / module.name, module)]

    result = run(sys.executable, "-m", "mypy", "--strict", "--cache-dir", "/dev/null", "-p", "atlas_streams", *shadows)

    assert result.returncode == 0, f"mypy names each runtime module by its copy's path:\n{result.stdout}{result.stderr}"
