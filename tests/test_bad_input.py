"""Bad input: one line naming file and line, exit 2, and generated/ exactly as it was."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.output import read_tree

OUTPUT = Path("generated/atlas-streams-client")


def run_generate(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, dict[str, bytes]]:
    before = read_tree(project / OUTPUT)
    code = main(["generate"])
    err = capsys.readouterr().err
    assert read_tree(project / OUTPUT) == before, "a failed generation must leave generated/ untouched"
    return code, err, before


def replace_line(path: Path, old: str, new: str) -> int:
    """Replace the first line containing `old`; returns its 1-based number."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for number, line in enumerate(lines, start=1):
        if old in line:
            lines[number - 1] = line.replace(old, new)
            path.write_text("".join(lines), encoding="utf-8")
            return number
    raise AssertionError(f"{old!r} not in {path}")


def test_yaml_syntax_error_names_spec_file_and_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = replace_line(project / "spec/streams.yaml", "summary: Create One Stream Workspace", "summary: [unclosed")

    code, err, _ = run_generate(project, capsys)

    assert code == 2
    assert err.count("\n") == 1
    assert re.match(rf"spec/streams\.yaml:{line + 1}:\d+: error: YAML: ", err), err


def test_duplicate_key_names_the_duplicate(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = replace_line(
        project / "spec/streams.yaml", "summary: Create One Stream Workspace", "summary: A\n      summary: B"
    )

    code, err, _ = run_generate(project, capsys)

    assert code == 2
    assert err.startswith(f"spec/streams.yaml:{line + 1}:"), err
    assert "duplicate key" in err


def test_unresolved_ref_names_the_ref_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = replace_line(
        project / "spec/streams.yaml", "#/components/schemas/StreamConfig'", "#/components/schemas/Nope'"
    )

    code, err, _ = run_generate(project, capsys)

    assert code == 2
    assert err == (
        f"spec/streams.yaml:{line}: error: unresolved $ref '#/components/schemas/Nope' "
        "(hint: only local '#/components/...' references to existing entries are allowed)\n"
    )


def test_unknown_settings_key_names_pyproject_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = replace_line(
        project / "pyproject.toml", 'spec = "spec/streams.yaml"', 'spec = "spec/streams.yaml"\nspce = "x"'
    )

    code, err, _ = run_generate(project, capsys)

    assert code == 2
    assert err.startswith(f"pyproject.toml:{line + 1}: error: unknown settings key 'spce' in [tool.streams-codegen]")
    assert "known keys: " in err and err.count("\n") == 1


def test_missing_spec_file_is_reported(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "spec/streams.yaml").unlink()

    code, err, _ = run_generate(project, capsys)

    assert code == 2
    assert err.startswith("spec/streams.yaml: error: cannot read spec")


def test_template_rendering_spec_text_unescaped_fails(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = project / "templates/model.py.jinja"
    line = replace_line(template, "@_attrs_define", "# {{ model.description }}\n@_attrs_define")

    code, err, _ = run_generate(project, capsys)

    assert code == 2
    assert err.startswith(f"templates/model.py.jinja:{line}: error: template renders a UntrustedString"), err


def test_template_rendering_code_object_unescaped_fails(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = project / "templates/model.py.jinja"
    replace_line(template, "@_attrs_define", "# {{ model.required_properties[0].get_type_string() }}\n@_attrs_define")

    code, err, _ = run_generate(project, capsys)

    assert code == 2
    assert "template renders a PythonCode without an escaping filter" in err
