"""The core modules: settings (config.py), output trees (generator/output/, more in test_output_dir.py) and the
command line (cli.py). One behaviour each."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression
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


# --------------------------------------------------------------------------- the package's metadata in the settings

REQUIRED = """[tool.streams-codegen]
spec = "s.yaml"
templates = "t"
output = "o"
project-name = "p"
package-name = "p"
package-version = "0.1.0"
command-name = "p"
"""
LINES = REQUIRED.count("\n")
ANY_CHECKS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def settings_error(tmp_path: Path, extra: str) -> str:
    """The one-line error of a settings table that has the required keys, then `extra`."""
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(REQUIRED + extra, encoding="utf-8")
    with pytest.raises(CodegenError) as raised:
        load_settings(pyproject)
    assert "\n" not in str(raised.value)
    return str(raised.value).replace(str(pyproject), "pyproject.toml")


def test_without_metadata_keys_the_license_is_apache_2_0_with_the_toolkits_text(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(REQUIRED, encoding="utf-8")

    loaded = load_settings(tmp_path / "pyproject.toml")

    assert (loaded.license, loaded.license_file, loaded.authors, loaded.urls) == ("Apache-2.0", None, (), ())


def test_a_license_is_spelled_canonically_and_a_license_file_is_protected(tmp_path: Path) -> None:
    (tmp_path / "COPYING").write_text("MIT License\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(REQUIRED + 'license = "mit"\nlicense-file = "COPYING"\n', encoding="utf-8")

    loaded = load_settings(tmp_path / "pyproject.toml")

    assert (loaded.license, loaded.license_file) == ("MIT", tmp_path / "COPYING")
    assert ("the license file", tmp_path / "COPYING") in loaded.inputs()


@ANY_CHECKS
@given(st.from_regex(r"[A-Za-z][A-Za-z0-9.+-]{0,20}( (AND|OR|WITH) [A-Za-z][A-Za-z0-9.-]{0,12})?", fullmatch=True))
def test_a_license_that_is_not_spdx_is_one_line_at_its_line(tmp_path: Path, value: str) -> None:
    try:
        canonicalize_license_expression(value)
    except InvalidLicenseExpression:
        assert settings_error(tmp_path, f'license = "{value}"\n').startswith(
            f"pyproject.toml:{LINES + 1}: error: license {value!r} is not an SPDX license expression"
        )


def test_another_license_without_its_text_is_refused_at_its_line(tmp_path: Path) -> None:
    assert settings_error(tmp_path, 'license = "MIT"\n') == (
        f"pyproject.toml:{LINES + 1}: error: license 'MIT' needs its text: set license-file (hint: license-file = "
        '"LICENSE.txt", the file holding it; only Apache-2.0\'s text comes with the toolkit)'
    )


def test_a_license_file_that_is_missing_is_one_line_at_its_line(tmp_path: Path) -> None:
    assert settings_error(tmp_path, 'license = "MIT"\nlicense-file = "COPYING"\n').startswith(
        f"pyproject.toml:{LINES + 2}: error: license-file 'COPYING' is not a file"
    )


GOOD_AUTHOR = '{ name = "Data Platform", email = "data@example.com" }'
BAD_AUTHORS = [
    ('{ name = "Platform, Inc." }', "name 'Platform, Inc.' holds a comma"),
    ('{ email = "not-an-address" }', "email 'not-an-address' is not an email address"),
    ('{ name = "A", mail = "a@example.com" }', "unknown key 'mail'"),
    ("{}", "not a table with a name, an email or both"),
    ('"Data Platform <data@example.com>"', "not a table with a name, an email or both"),
    ('{ name = "" }', "name must be a non-empty string on one line"),
]


@ANY_CHECKS
@given(st.integers(0, 3), st.integers(0, 3), st.sampled_from(BAD_AUTHORS), st.booleans())
def test_a_malformed_author_is_one_line_at_its_entry(
    tmp_path: Path, before: int, after: int, bad: tuple[str, str], one_line: bool
) -> None:
    entries = [GOOD_AUTHOR] * before + [bad[0]] + [GOOD_AUTHOR] * after
    listed = (
        f"authors = [{', '.join(entries)}]\n"
        if one_line
        else "authors = [\n" + "".join(f"    {entry},  # entry\n" for entry in entries) + "]\n"
    )
    line = LINES + 1 + (0 if one_line else 1 + before)

    assert settings_error(tmp_path, listed).startswith(
        f"pyproject.toml:{line}: error: authors entry {before + 1}: {bad[1]}"
    )


@ANY_CHECKS
@given(
    st.sampled_from(["ftp", "file", "javascript", "mailto", "git+https", "HTTP ", ""]),
    st.from_regex(r"[a-z0-9./-]{0,20}", fullmatch=True),
    st.booleans(),
)
def test_a_url_that_is_not_http_is_one_line_at_its_line(tmp_path: Path, scheme: str, rest: str, table: bool) -> None:
    url = f"{scheme}://example.com/{rest}" if scheme else rest
    written = (
        f'urls = {{ Source = "https://example.com", Changelog = "{url}" }}\n'
        if not table
        else f'\n[tool.streams-codegen.urls]\nSource = "https://example.com"\nChangelog = "{url}"\n'
    )
    line = LINES + (4 if table else 1)

    assert settings_error(tmp_path, written).startswith(
        f"pyproject.toml:{line}: error: urls Changelog: {url!r} is not an http(s) URL"
    )
