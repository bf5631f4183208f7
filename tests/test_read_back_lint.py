"""Lint of x-codegen-read-back (a create's read-back after an ambiguous failure): each mistake is one problem
at the key that holds it (schema_facts.read_back_problems, checked on the data), which lint prints as one error
line at that key's line (checked once end to end: a lint run takes seconds). The broken variants are built from
the spec under test: its first operation with a read-back, changed at one key."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from support import ROOT, SPEC_PATH
from support.spec_edit import edited, position_of, put
from support.spec_examples import spec_data

from generator.cli import main
from generator.spec.pointers import Pointer, node_at
from generator.spec.schema_facts import read_back_problems
from generator.spec.vocabulary import READ_BACK, OperationKey, operations


def read_back_operation() -> tuple[OperationKey, dict[str, Any]]:
    found = [(key, operation) for key, operation in operations(spec_data()).items() if READ_BACK in operation]
    if not found:
        pytest.skip(f"no operation of the spec under test has {READ_BACK}")
    return found[0]


# (id, the key below the extension that is changed, its new value, what the error says)
MISTAKES = [
    ("not-a-mapping", (), ["getStreamWorkspace"], "must be a mapping of operation"),
    ("unknown-operation", ("operation",), "fetchStreamWorkspace", "which is not a GET of this spec"),
    ("not-a-get", ("operation",), "deleteStreamWorkspace", "which is not a GET of this spec"),
    ("unknown-parameter", ("parameters", "tenantName"), "$request.body#/nickname", "is not a property of"),
    ("not-an-expression", ("parameters", "tenantName"), "name", "is not $request.path.<name> or $request.body#"),
    ("unknown-path-parameter", ("parameters", "groupId"), "$request.path.projectId", "names no path parameter"),
    ("match-not-in-the-answer", ("match", 0), "/dataProcessRegion/zone", "is not in both"),
    ("match-not-a-pointer", ("match", 0), "streamConfig.tier", "is not a JSON pointer"),
]


def problems_after(changed: Pointer, value: Any) -> list[tuple[Pointer, str, str]]:
    key, _ = read_back_operation()
    data = copy.deepcopy(spec_data())
    operation = node_at(data, key.pointer)
    if changed:
        node_at(operation[READ_BACK], changed[:-1])[changed[-1]] = value
    else:
        operation[READ_BACK] = value
    return list(read_back_problems(data, key, operation))


@pytest.mark.parametrize(("changed", "value", "says"), [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_a_broken_read_back_is_one_problem_at_the_key_that_holds_it(changed: Pointer, value: Any, says: str) -> None:
    problems = problems_after(changed, value)

    assert [(where, says in message) for where, message, _ in problems] == [(changed, True)]


def test_lint_prints_a_broken_read_back_as_one_error_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key, _ = read_back_operation()
    at = (*key.pointer, READ_BACK, "operation")
    spec = tmp_path / "spec/streams.yaml"
    edited(SPEC_PATH, spec, put(at, "deleteStreamWorkspace"))

    code = main(["--config", str(ROOT / "pyproject.toml"), "lint", "--spec", str(spec)])
    out = capsys.readouterr().out.splitlines()

    assert code == 1
    assert out == [
        f"{spec}:{position_of(spec, at)}: error: {READ_BACK} names 'deleteStreamWorkspace', which is not a GET of "
        "this spec (hint: name the GET of what the operation creates, by its x-codegen-operation-name)"
    ]


def test_a_read_back_that_omits_a_path_parameter_of_the_get_is_a_problem() -> None:
    _, operation = read_back_operation()
    parameters = dict(operation[READ_BACK]["parameters"])
    missing = sorted(parameters)[-1]
    del parameters[missing]

    problems = problems_after(("parameters",), parameters)

    assert [(where, f"path parameter {missing!r} is not given" in message) for where, message, _ in problems] == [
        (("parameters",), True)
    ]
