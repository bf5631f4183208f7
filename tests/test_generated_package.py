"""The generated package is a real, clean Python distribution."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

from atlas_streams.api.streams import create_stream_workspace
from support import ROOT, SPEC_PATH

from generator.codegen.project import render_project
from generator.codegen.templates import reserved_names
from generator.config import load_settings
from generator.spec.fixes import apply_spec_fixes
from generator.spec.loading import load_spec

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


def test_models_that_refer_to_each_other_import_and_parse(tmp_path: Path) -> None:
    # The curated spec has no cycle through properties; upstream specs do. Neither module may need the other's
    # class before defining its own (models/__init__.py imports Inner, which refers to Outer, first).
    data = load_spec(SPEC_PATH).data
    schemas = data["components"]["schemas"]
    schemas["Outer"] = {"type": "object", "properties": {"inner": {"$ref": "#/components/schemas/Inner"}}}
    schemas["Inner"] = {"type": "object", "properties": {"outer": {"$ref": "#/components/schemas/Outer"}}}
    schemas["StreamsTenant"]["properties"]["outer"] = {"$ref": "#/components/schemas/Outer"}
    settings = load_settings(ROOT / "pyproject.toml")
    package = tmp_path / "atlas-streams-client"
    layers = [settings.templates]
    render_project(apply_spec_fixes(data), settings, layers, reserved_names(layers), package)  # the code alone
    parse = 'from atlas_streams.models import Outer; print(Outer.from_dict({"inner": {"outer": {}}}).to_dict())'

    result = run(sys.executable, "-c", parse, cwd=package)

    assert (result.stderr, result.stdout) == ("", "{'inner': {'outer': {}}}\n")
