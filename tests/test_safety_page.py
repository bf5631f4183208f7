"""docs/safety.md shows what the toolkit refuses with the exact lines it prints: each of its `console` blocks is run
here, in a throw-away project set up as the comment before the block names, and must print exactly those lines."""

from __future__ import annotations

import re
import shlex
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from support import TOOLKIT
from support.hostile_specs import REFUSED, WARNED, Variant

from generator.cli import main
from generator.output.swap import locked_output

PAGE = TOOLKIT / "docs/safety.md"  # the toolkit's page, whichever project is under test
BLOCK = re.compile(r"<!-- case: (?P<case>\S+) -->\n```console\n\$ (?P<command>[^\n]+)\n(?P<output>.*?)```", re.DOTALL)
OUTPUT = "generated/atlas-streams-client"

# The page shows real output on today's spec, line numbers included.
pytestmark = pytest.mark.committed_spec


def set_output(project: Path, value: str) -> None:
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    pyproject.write_text(text.replace(f'output = "{OUTPUT}"', f'output = "{value}"'), encoding="utf-8")


def foreign_notes(project: Path) -> None:
    (project / "notes").mkdir()
    (project / "notes/todo.md").write_text("mine\n", encoding="utf-8")
    set_output(project, "notes")


def linked_output(project: Path) -> None:
    (project / "generated").rename(project / "elsewhere")
    (project / "generated").symlink_to(project / "elsewhere", target_is_directory=True)


def billion_laughs(project: Path) -> None:
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 9)]
    (project / "laughs.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write(path: Path, content: bytes) -> None:
    path.write_bytes(content)


def variant(cases: list[Variant], id: str) -> Callable[[Path], None]:
    chosen = next(case for case in cases if case.id == id)

    def write(project: Path) -> None:
        chosen.write(project / "spec/streams.yaml")

    return write


SETUPS: dict[str, Callable[[Path], None]] = {
    "output-is-the-project": lambda project: set_output(project, "."),
    "output-holds-the-spec": lambda project: set_output(project, "spec"),
    "output-not-written-by-generate": foreign_notes,
    "symbolic-link-in-the-output": lambda project: (project / OUTPUT / "CONTRIBUTING.md").symlink_to(
        "/proc/self/environ"
    ),
    "output-through-a-link": linked_output,
    "alias-bomb": billion_laughs,
    "too-deep": lambda project: write(project / "deep.json", ("[" * 100 + "]" * 100).encode()),
    "not-utf-8": lambda project: write(project / "latin1.yaml", "summary: café\n".encode("latin-1")),
    "eject-outside": lambda project: None,
    "property-clash": variant(WARNED, "python-name-collision"),
    "reserved-property": variant(WARNED, "property-named-to_dict"),
    "schema-class-clash": variant(REFUSED, "schema-named-Streams_Tena"),
    "cli-option-clash": variant(REFUSED, "cli-option-help"),
    "success-without-body": variant(REFUSED, "success-without-content"),
}


def blocks() -> list[tuple[str, str, list[str]]]:
    return [
        (m["case"], m["command"], m["output"].splitlines()) for m in BLOCK.finditer(PAGE.read_text(encoding="utf-8"))
    ]


def test_the_page_shows_every_case() -> None:
    assert sorted(case for case, _, _ in blocks()) == sorted([*SETUPS, "another-run"])


@pytest.mark.parametrize(("case", "command", "expected"), [b for b in blocks() if b[0] in SETUPS], ids=lambda x: str(x))
def test_each_refusal_prints_what_the_page_shows(
    project: Path, capsys: pytest.CaptureFixture[str], case: str, command: str, expected: list[str]
) -> None:
    SETUPS[case](project)

    main(shlex.split(command)[1:])

    out, err = capsys.readouterr()
    assert [*out.splitlines(), *err.splitlines()] == expected


def test_a_second_run_says_it_waits_for_the_first(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, command, expected = next(block for block in blocks() if block[0] == "another-run")
    holding, release = threading.Event(), threading.Event()

    def first_run() -> None:
        with locked_output(project / OUTPUT, lambda: None):
            holding.set()
            release.wait(timeout=60)

    thread = threading.Thread(target=first_run)
    thread.start()
    holding.wait()
    threading.Timer(0.5, release.set).start()
    start = time.perf_counter()
    main(shlex.split(command)[1:])
    thread.join()

    err = capsys.readouterr().err.splitlines()
    assert err[:1] == expected
    assert time.perf_counter() - start >= 0.5
