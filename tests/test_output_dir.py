"""The output directory is the one thing generate deletes and rewrites, and check prints: which directories it may
replace (the `output` setting is not trusted), symbolic links in it (never followed), the swap that a kill at any
instant cannot lose, what interrupted runs leave, and two runs at once."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import ROOT, TOOLKIT
from support.commands import run_cli

from generator.errors import CodegenError
from generator.output import read_tree
from generator.output import swap as swap_module
from generator.output.ownership import MARKER, MARKER_TEXT
from generator.output.swap import OutputPlace, locked_output, new_scratch, swap_in

OUTPUT = Path("generated/atlas-streams-client")
OWN_DIRECTORY = "(hint: generate replaces the whole output directory: set output to a directory of its own)"


def set_output(project: Path, value: str) -> int:
    """Point the `output` setting at `value`; returns the setting's line."""
    pyproject = project / "pyproject.toml"
    lines = pyproject.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(index for index, line in enumerate(lines) if line.startswith("output = "))
    lines[number] = f'output = "{value}"\n'
    pyproject.write_text("".join(lines), encoding="utf-8")
    return number + 1


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code, out, err = run_cli(capsys, *argv)
    return code, "".join(line + "\n" for line in out), "".join(line + "\n" for line in err)


def everything_in(project: Path) -> dict[str, bytes]:
    return read_tree(project)


# --------------------------------------------------------------------------- which outputs generate may replace


@pytest.mark.parametrize(
    ("output", "problem"),
    [
        (".", "output '.' is the project"),
        ("spec", "output 'spec' contains the spec (spec/streams.yaml)"),
        ("spec/streams.yaml", "output 'spec/streams.yaml' is the spec"),
        ("templates", "output 'templates' is the templates"),
        ("spec/i18n", "output 'spec/i18n' contains a locale file (spec/i18n/ko.yaml)"),
        ("templates/docs", "output 'templates/docs' contains a locale file (templates/docs/locales/en.yaml)"),
        (".git", "output '.git' is the project's .git"),
        (".git/objects", "output '.git/objects' is inside the project's .git"),
        ("..", "output '{parent}' contains the project (.)"),
        ("/", "output '/' contains the project (.)"),
    ],
)
@pytest.mark.parametrize("command", ["generate", "check"])
def test_an_output_that_is_or_holds_an_input_is_refused_and_nothing_changes(
    project: Path, capsys: pytest.CaptureFixture[str], output: str, problem: str, command: str
) -> None:
    (project / ".git/objects").mkdir(parents=True)
    line = set_output(project, output)
    before = everything_in(project)

    code, out, err = run(capsys, command)

    message = problem.format(parent=project.parent)
    assert (code, out, err) == (2, "", f"pyproject.toml:{line}: error: {message} {OWN_DIRECTORY}\n")
    assert everything_in(project) == before


def test_a_directory_with_files_that_generate_did_not_write_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "notes").mkdir()
    (project / "notes/todo.md").write_text("mine\n", encoding="utf-8")
    set_output(project, "notes")

    code, _, err = run(capsys, "generate")

    assert (code, err) == (
        2,
        f"notes: error: the output directory is not empty and streams-codegen did not write it (no {MARKER}) "
        "(hint: set output to a new or empty directory: generate replaces all of it)\n",
    )
    assert (project / "notes/todo.md").read_text(encoding="utf-8") == "mine\n"


def test_an_untranslated_lists_directory_generate_did_not_write_is_refused_before_the_output_changes(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "docs/i18n/.streams-codegen-output").unlink()
    (project / "docs/i18n/notes.md").write_text("mine\n", encoding="utf-8")
    (project / "spec/streams.yaml").write_text(
        (project / "spec/streams.yaml").read_text(encoding="utf-8").replace("Atlas", "Atlas Cloud"), encoding="utf-8"
    )
    before = read_tree(project / OUTPUT)

    code, _, err = run(capsys, "generate")

    assert (code, err.startswith("docs/i18n: error: the output directory is not empty")) == (2, True)
    assert read_tree(project / OUTPUT) == before
    assert (project / "docs/i18n/notes.md").read_text(encoding="utf-8") == "mine\n"


def test_an_output_outside_the_project_is_written_when_empty_and_rewritten_when_marked(
    project: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path_factory.mktemp("publishing") / "atlas-streams-client"
    elsewhere.mkdir()
    set_output(project, str(elsewhere))

    first = run(capsys, "generate")
    (elsewhere / "README.md").write_text("edited\n", encoding="utf-8")
    second = run(capsys, "generate")

    assert first[0] == second[0] == 0
    assert ": 0 added, 1 changed, 0 removed in " in second[1]
    assert read_tree(elsewhere) == read_tree(project / OUTPUT)


def test_the_marker_is_committed_and_left_out_of_the_built_package() -> None:
    pyproject = tomllib.loads((ROOT / OUTPUT / "pyproject.toml").read_text(encoding="utf-8"))
    build = pyproject["tool"]["hatch"]["build"]["targets"]

    assert (ROOT / OUTPUT / MARKER).read_bytes() == MARKER_TEXT
    assert build["wheel"]["packages"] == ["atlas_streams"]
    # The sdist takes only what generate writes, named one by one (tests/test_release.py builds it and checks).
    assert MARKER not in build["sdist"]["only-include"]


# --------------------------------------------------------------------------- symbolic links are never followed

SECRET = "SECRET_TOKEN=do-not-print-me"


def link_in_the_output(project: Path, kind: str, secret: Path) -> Path:
    """Plant a symbolic link of `kind` where the output is read; returns the path that the error names."""
    output = project / OUTPUT
    if kind == "file":
        (output / "CONTRIBUTING.md").symlink_to(secret)
        return OUTPUT / "CONTRIBUTING.md"
    if kind == "directory":
        (output / "atlas_streams/extras").symlink_to(secret.parent, target_is_directory=True)
        return OUTPUT / "atlas_streams/extras"
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["file", "directory"])
@pytest.mark.parametrize("command", ["check", "generate"])
def test_a_symbolic_link_in_the_output_is_named_in_one_line_and_never_read(
    project: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str], kind: str, command: str
) -> None:
    secret = tmp_path_factory.mktemp("secrets") / "environ"
    secret.write_text(SECRET, encoding="utf-8")
    named = link_in_the_output(project, kind, secret)

    code, out, err = run(capsys, command)

    hint = "(hint: the output holds only what generate writes: delete it, then run generate)"
    assert (code, out, err) == (2, "", f"{named}: error: symbolic link in the output, not followed {hint}\n")


@pytest.mark.parametrize("link", ["generated", OUTPUT.as_posix()])
@pytest.mark.parametrize("command", ["check", "generate"])
def test_an_output_reached_through_a_symbolic_link_is_refused(
    project: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str], link: str, command: str
) -> None:
    real = tmp_path_factory.mktemp("elsewhere") / "real"
    (project / link).rename(real)
    (project / link).symlink_to(real, target_is_directory=True)
    line = set_output(project, OUTPUT.as_posix())

    code, _, err = run(capsys, command)

    assert (code, err) == (
        2,
        f"pyproject.toml:{line}: error: output '{OUTPUT.as_posix()}' goes through the symbolic link {link}, "
        "which is not followed (hint: set output to a real directory: a link could point generate at any "
        "directory)\n",
    )


def test_a_fifo_in_the_output_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")

    with pytest.raises(CodegenError, match="pipe: error: neither a regular file nor a directory, not read"):
        read_tree(tmp_path)


# --------------------------------------------------------------------------- the swap survives a kill at any step


def make_tree(path: Path, content: str) -> None:
    (path / "pkg").mkdir(parents=True)
    for name in ("a.py", "b.py", "pkg/c.py"):
        (path / name).write_text(content, encoding="utf-8")


OLD = {"a.py": b"old", "b.py": b"old", "pkg/c.py": b"old"}
NEW = {"a.py": b"new", "b.py": b"new", "pkg/c.py": b"new"}


def swap_in_a_child_killed_at(parent: Path, kill_before: int) -> bool:
    """Run a whole swap of OLD for NEW in a forked child that dies (os._exit, no cleanup at all) just before
    filesystem step number `kill_before`; whether it died before finishing."""
    place = OutputPlace(parent / "out")
    pid = os.fork()
    if pid == 0:  # the child
        steps = iter(range(10**6))

        def kill_at_step(step: str) -> None:
            if next(steps) == kill_before:
                os._exit(9)

        swap_module._fault_point = kill_at_step
        with locked_output(place.target, lambda: None):
            scratch = new_scratch(place)
            make_tree(scratch / "out", "new")
            swap_in(scratch / "out", place)
            os.rmdir(scratch)
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 9


def kills_at_every_step(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    for step in range(100):
        parent = tmp_path / f"step-{step}"
        make_tree(parent / "out", "old")
        if not swap_in_a_child_killed_at(parent, step):
            return
        yield step, parent


def test_a_kill_between_any_two_swap_steps_leaves_or_restores_a_whole_tree(tmp_path: Path) -> None:
    steps = 0
    for steps, parent in kills_at_every_step(tmp_path):
        right_after = read_tree(parent / "out")
        with locked_output(parent / "out", lambda: None):  # what the next run does first
            repaired = read_tree(parent / "out")

        assert right_after in ({}, OLD, NEW), f"step {steps}: a partial tree"
        assert repaired in (OLD, NEW), f"step {steps}: nothing restored"
        assert right_after == {} or repaired == right_after
        assert sorted(os.listdir(parent)) == [".out.streams-codegen-lock", "out"], f"step {steps}: leftovers"
    assert steps >= 3  # aside, in, rename the backup, delete it


def test_a_kill_while_repairing_is_repaired_by_the_run_after(tmp_path: Path) -> None:
    place = OutputPlace(tmp_path / "out")
    make_tree(tmp_path / "out", "old")
    swap_in_a_child_killed_at(tmp_path, 1)  # killed with the old tree aside and the new one not yet in
    pid = os.fork()
    if pid == 0:
        swap_module._fault_point = lambda step: os._exit(9)
        swap_module.repair(place)
        os._exit(0)
    os.waitpid(pid, 0)

    with locked_output(place.target, lambda: None):
        assert read_tree(place.target) == OLD


# --------------------------------------------------------------------------- what interrupted runs leave


def test_leftovers_of_interrupted_runs_are_deleted_and_nothing_else(tmp_path: Path) -> None:
    out = tmp_path / "out"
    make_tree(out, "current")
    place = OutputPlace(out)
    make_tree(place.new_temporary_name(), "half-built")
    place.new_temporary_name().symlink_to(tmp_path / "out", target_is_directory=True)
    place.backup.symlink_to(tmp_path / "out", target_is_directory=True)  # a leftover link
    (tmp_path / ".out.old").symlink_to(tmp_path / "out", target_is_directory=True)  # what earlier versions left
    make_tree(tmp_path / ".out-k3x_9qza", "half-built by an earlier version")
    (tmp_path / ".out-not-ours").mkdir()

    with locked_output(out, lambda: None):
        pass

    assert sorted(os.listdir(tmp_path)) == [".out-not-ours", ".out.streams-codegen-lock", "out"]
    assert read_tree(out) == {"a.py": b"current", "b.py": b"current", "pkg/c.py": b"current"}


def test_temporary_names_and_the_lock_are_ignored_by_git() -> None:
    # The repository's .gitignore: this checkout's, whichever project is under test.
    names = [
        OUTPUT.parent / ".atlas-streams-client.streams-codegen-tmp-0123456789ab",
        OUTPUT.parent / ".atlas-streams-client.streams-codegen-old",
        OUTPUT.parent / ".atlas-streams-client.streams-codegen-lock",
    ]
    check_ignore = ["git", "check-ignore", "--no-index"]
    listed = [*check_ignore, *map(str, names)]
    ignored = subprocess.run(listed, cwd=TOOLKIT, capture_output=True, text=True, check=False)
    marker = subprocess.run([*check_ignore, str(OUTPUT / MARKER)], cwd=TOOLKIT, capture_output=True, check=False)

    assert ignored.stdout.splitlines() == list(map(str, names))
    assert marker.returncode == 1  # not ignored: it is committed


# --------------------------------------------------------------------------- one run at a time


def test_a_second_run_waits_for_the_lock(tmp_path: Path) -> None:
    events: list[str] = []
    holding = threading.Event()
    release = threading.Event()

    def first() -> None:
        with locked_output(tmp_path / "out", lambda: None):
            holding.set()
            release.wait()
            events.append("first done")

    thread = threading.Thread(target=first)
    thread.start()
    holding.wait()

    def notice() -> None:
        events.append("waiting")
        release.set()

    with locked_output(tmp_path / "out", notice):
        events.append("second runs")
    thread.join()

    assert events == ["waiting", "first done", "second runs"]


def test_two_generate_runs_at_once_both_succeed(project: Path) -> None:
    expected = read_tree(project / OUTPUT)
    command = [sys.executable, "-m", "generator", "generate"]
    runs = [subprocess.Popen(command, cwd=project, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(run.wait(), run.stderr.read() if run.stderr else "") for run in runs]

    assert [code for code, _ in results] == [0, 0], results
    assert read_tree(project / OUTPUT) == expected
    lock = ".atlas-streams-client.streams-codegen-lock"
    assert sorted(os.listdir(project / "generated")) == [lock, "atlas-streams-client"]


def test_a_link_in_place_of_the_backup_is_never_restored_as_the_output(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    make_tree(elsewhere, "not ours")
    OutputPlace(tmp_path / "out").backup.symlink_to(elsewhere, target_is_directory=True)

    with locked_output(tmp_path / "out", lambda: None):
        pass

    assert not os.path.lexists(tmp_path / "out")
    assert read_tree(elsewhere) == {"a.py": b"not ours", "b.py": b"not ours", "pkg/c.py": b"not ours"}
