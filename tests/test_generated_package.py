"""The generated package is a real, clean Python distribution."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

from atlas_streams.api.streams import create_stream_workspace
from project_copy import ROOT

CLIENT = ROOT / "generated/atlas-streams-client"


def run(*command: str | Path, cwd: Path = CLIENT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True, check=False)


def test_generated_package_passes_mypy_strict() -> None:
    result = run(sys.executable, "-m", "mypy", "--strict", "--cache-dir", "/dev/null", "atlas_streams")

    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_package_passes_ruff_check() -> None:
    result = run(sys.executable, "-m", "ruff", "check", "--no-cache", ".")

    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_package_declares_its_names() -> None:
    pyproject = (CLIENT / "pyproject.toml").read_text(encoding="utf-8")

    assert 'name = "atlas-streams-client"' in pyproject
    assert 'build-backend = "hatchling.build"' in pyproject
    assert (CLIENT / "atlas_streams/py.typed").is_file()


def test_generated_package_installs_into_a_fresh_venv(tmp_path: Path) -> None:
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv/bin/python"

    install = run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", CLIENT, cwd=tmp_path)
    assert install.returncode == 0, install.stderr

    probe = run(
        python,
        "-c",
        "from atlas_streams.api.streams import create_stream_workspace; print(create_stream_workspace.sync.__name__)",
        cwd=tmp_path,
    )
    assert probe.stdout.strip() == "sync", probe.stderr


def test_operation_docstrings_describe_each_parameter() -> None:
    for function in (create_stream_workspace.sync, create_stream_workspace.asyncio_detailed):
        text = " ".join((function.__doc__ or "").split())
        assert "group_id (str): 24-character hexadecimal ID of the project that will own" in text
        assert "envelope (bool | Unset): Set to true to have Atlas wrap the response" in text
        assert "pretty (bool | Unset): Set to true to receive an indented" in text
