"""The core modules: settings (config.py), output trees (generator/output/, more in test_output_dir.py) and the
command line (cli.py). One behaviour each."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT
from support.project_copy import copy_project

from generator.config import load_settings
from generator.errors import CodegenError
from generator.output import compare


def test_settings_resolve_paths_against_the_pyproject_directory() -> None:
    settings = load_settings(ROOT / "pyproject.toml")

    assert settings.spec == ROOT / "spec/streams.yaml"
    assert settings.output == ROOT / "generated/atlas-streams-client"
    assert (settings.project_name, settings.package_name) == ("atlas-streams-client", "atlas_streams")


def test_settings_with_a_missing_key_are_an_error(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.streams-codegen]\nspec = "s.yaml"\n', encoding="utf-8")

    with pytest.raises(CodegenError, match="missing settings key"):
        load_settings(pyproject)


def test_compare_sorts_files_into_added_changed_removed() -> None:
    changes = compare({"a": b"1", "b": b"2"}, {"b": b"3", "c": b"4"})

    assert (changes.added, changes.changed, changes.removed) == (["c"], ["b"], ["a"])


def test_console_script_and_module_entry_point_agree() -> None:
    script = Path(sys.executable).parent / "streams-codegen"
    by_script = subprocess.run([script, "--version"], capture_output=True, text=True, check=True)
    by_module = subprocess.run(
        [sys.executable, "-m", "generator", "--version"], capture_output=True, text=True, check=True
    )

    assert by_script.stdout == by_module.stdout
    assert by_script.stdout.startswith("streams-codegen ")


def test_command_line_loads_no_heavy_module_before_a_command_needs_it() -> None:
    # `--help` and upstream-diff must stay fast: lint's validators and openapi-python-client take
    # most of a second to import.
    heavy = ("generator.lint", "generator.pipeline", "openapi_spec_validator", "openapi_python_client", "pydantic")
    probe = f"import sys, generator.cli; print([m for m in {heavy!r} if m in sys.modules])"

    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)

    assert loaded.stdout == "[]\n"


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    script = Path(sys.executable).parent / "streams-codegen"
    listing = subprocess.Popen([script, "templates"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert listing.stdout is not None
    listing.stdout.close()  # like `| head -0`: gone before the listing is written

    _, err = listing.communicate()

    assert listing.returncode == 0
    assert b"Traceback" not in err


def test_a_reader_that_stops_early_does_not_change_the_exit_status(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    stale = project / "generated/atlas-streams-client/README.md"
    stale.write_text(stale.read_text(encoding="utf-8") + "hand edit\n", encoding="utf-8")
    script = Path(sys.executable).parent / "streams-codegen"
    check = subprocess.Popen([script, "check"], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert check.stdout is not None
    check.stdout.close()  # like `| head -0`: gone before the diff is written

    _, err = check.communicate()

    assert check.returncode == 1, err
    assert b"Traceback" not in err and b"is out of date" in err
