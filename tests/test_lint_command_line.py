"""Lint of the generated command line (our x-codegen-cli): command names and aliases, grouped or not, are
well-formed and name one command each; a group runs no command itself; list tables show fields the items have;
a confirmation question names only path parameters. Each finding is one line at the spec's line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support import ROOT
from support.spec_edit import Edit, edited, position_of, put

from generator.cli import main
from generator.lint.command_line import COMMAND_WORD, is_command_name
from generator.spec.loading import load_spec
from generator.spec.pointers import Pointer
from generator.spec.vocabulary import CLI, OperationKey, operations

SPEC = ROOT / "spec/streams.yaml"
WORD = st.from_regex(COMMAND_WORD, fullmatch=True)


def cli_of(command: str) -> Pointer:
    """Where the x-codegen-cli of the operation whose command ends in `command` is (list, get, delete...)."""
    return (*_operation(command).pointer, CLI)


def _operation(command: str) -> OperationKey:
    found = [
        key
        for key, op in operations(load_spec(SPEC).data).items()
        if op.get(CLI, {}).get("command", "").endswith(f" {command}")
    ]
    return found[0] if found else pytest.skip(f"the spec has no command ending in {command!r}")


def lint_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *edits: Edit
) -> tuple[int, list[str], Path]:
    spec = tmp_path / "spec/streams.yaml"
    edited(SPEC, spec, *edits)
    monkeypatch.chdir(tmp_path)
    code = main(["--config", str(ROOT / "pyproject.toml"), "lint", "--spec", "spec/streams.yaml"])
    return code, capsys.readouterr().out.splitlines(), spec


@given(WORD, WORD)
def test_a_group_word_and_a_command_word_make_a_command_name(group: str, word: str) -> None:
    assert is_command_name(word)
    assert is_command_name(f"{group} {word}")


@given(WORD, WORD, WORD)
def test_a_command_name_has_at_most_one_group(first: str, second: str, third: str) -> None:
    assert not is_command_name(f"{first} {second} {third}")


@given(WORD, st.sampled_from(["A", "_", ".", "  ", "\t", "/", "é"]), st.integers(min_value=0))
def test_a_command_name_with_anything_but_lower_case_words_and_hyphens_is_refused(
    word: str, intruder: str, position: int
) -> None:
    at = position % (len(word) + 1)
    assert not is_command_name(word[:at] + intruder + word[at:])


@pytest.mark.parametrize(
    ("command", "inner", "value", "message"),
    [
        (
            "get",
            ("command",),
            "workspaces Get",
            "x-codegen-cli command 'workspaces Get' is not a command name (hint: lower-case words joined by -, a "
            "group word first where the command has one: `workspaces list`)",
        ),
        (
            "list",
            ("table", "REGION"),
            "dataProcessRegion.nope",
            "x-codegen-cli table column 'REGION': the listed items have no field 'dataProcessRegion.nope' (hint: "
            "name a field by its JSON names, dotted: dataProcessRegion.region)",
        ),
    ],
    ids=["upper-case-command", "table-column-without-a-field"],
)
def test_a_bad_value_is_one_error_line_at_its_line(
    command: str,
    inner: tuple[str, ...],
    value: str,
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    at = (*cli_of(command), *inner)

    code, lines, spec = lint_findings(tmp_path, monkeypatch, capsys, put(at, value))

    assert (code, lines) == (1, [f"spec/streams.yaml:{position_of(spec, at)}: error: {message}"])


def test_an_alias_that_is_another_operations_command_is_an_error_at_the_alias(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    at = (*cli_of("get"), "aliases")
    taken = load_spec(SPEC).data
    list_command = operations(taken)[_operation("list")][CLI]["command"]

    code, lines, spec = lint_findings(tmp_path, monkeypatch, capsys, put(at, [list_command]))

    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith(f"spec/streams.yaml:{position_of(spec, (*at, 0))}: error: ")
    assert f"are both the command {list_command!r}" in lines[0]


def test_a_one_word_command_that_is_also_a_group_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    at = (*cli_of("get"), "command")
    group = operations(load_spec(SPEC).data)[_operation("list")][CLI]["command"].split(" ")[0]

    code, lines, spec = lint_findings(tmp_path, monkeypatch, capsys, put(at, group))

    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith(f"spec/streams.yaml:{position_of(spec, at)}: error: the command {group!r} ")
    assert "is also the group of" in lines[0]


def test_an_alias_equal_to_its_own_command_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cli = cli_of("get")
    command = operations(load_spec(SPEC).data)[_operation("get")][CLI]["command"]

    code, lines, spec = lint_findings(tmp_path, monkeypatch, capsys, put((*cli, "aliases"), [command]))

    assert (code, [re.sub(r" \(hint.*", "", line) for line in lines]) == (
        1,
        [
            f"spec/streams.yaml:{position_of(spec, (*cli, 'aliases', 0))}: error: {_operation('get')} names the "
            f"command {command!r} twice"
        ],
    )


def test_a_confirmation_naming_no_path_parameter_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    at = (*cli_of("delete"), "confirm")

    code, lines, spec = lint_findings(tmp_path, monkeypatch, capsys, put(at, "Delete {workspace}?"))

    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith(
        f"spec/streams.yaml:{position_of(spec, at)}: error: x-codegen-cli confirm names {{workspace}}, which is no "
        "path parameter of the operation ("
    )


def test_an_unknown_x_codegen_cli_key_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    at = cli_of("get")

    code, lines, spec = lint_findings(tmp_path, monkeypatch, capsys, put((*at, "alias"), ["wg"]))

    assert code == 1
    assert [line.split(": error: ")[0] for line in lines] == [f"spec/streams.yaml:{position_of(spec, at)}"]


def test_a_table_on_an_operation_that_lists_nothing_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    at = (*cli_of("get"), "table")

    code, lines, spec = lint_findings(tmp_path, monkeypatch, capsys, put(at, {"NAME": "name"}))

    assert code == 1
    assert [line.split(": error: ")[0] for line in lines] == [f"spec/streams.yaml:{position_of(spec, at)}"]
    assert f"{_operation('get')} lists nothing" in lines[0]
