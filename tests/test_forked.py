"""Work started in a forked child (generator/forked.py) comes back as its result or its exception, is stopped
when cancelled, is done here when the child dies without a word, and never forks beside other threads.

Each case runs in a fresh interpreter: a test worker has threads of its own, beside which the helper rightly
declines to fork."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from support import ROOT
from support.broken_specs import BROKEN_SPECS
from support.project_copy import copy_project

from generator.output import read_tree

PRELUDE = """
import os, sys, time, threading
from pathlib import Path
from generator.errors import CodegenError
from generator.forked import Forked
"""


def run(script: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", PRELUDE + textwrap.dedent(script)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_work_runs_in_a_child_and_its_result_comes_back() -> None:
    out = run("""
        work = Forked(lambda tell: (os.getpid(), {"names": ["a", "b"]}))
        pid, value = work.result()
        print(work.forked, pid != os.getpid(), value)
    """)

    assert out == "True True {'names': ['a', 'b']}"


def test_what_the_child_tells_arrives_before_its_work_is_done(tmp_path: Path) -> None:
    gate = tmp_path / "go on"
    out = run(f"""
        def work(tell):
            tell(["told", os.getpid()])
            while not Path({str(gate)!r}).exists():  # the rest waits until the parent has heard
                time.sleep(0.01)
            return "finished"
        work = Forked(work)
        told, pid = work.told()
        Path({str(gate)!r}).touch()
        print(told, pid != os.getpid(), work.told()[0], work.result())
    """)

    assert out == "told True told finished"


def test_without_a_child_the_work_runs_here_when_told_is_asked_for() -> None:
    out = run("""
        threading.Thread(target=time.sleep, args=(5,), daemon=True).start()
        steps = []
        def work(tell):
            steps.append("telling")
            tell("names")
            steps.append("rendering")
            return "done"
        work = Forked(work)
        print(list(steps))
        print(work.told(), steps, work.result())
    """)

    assert out.splitlines() == ["[]", "names ['telling', 'rendering'] done"]


def test_an_error_before_anything_is_told_is_raised_by_told() -> None:
    out = run("""
        def fail(tell):
            raise CodegenError("the spec cannot be parsed")
        try:
            Forked(fail).told()
        except CodegenError as error:
            print(error)
    """)

    assert out == "error: the spec cannot be parsed"


def test_a_child_that_dies_after_telling_is_replaced_by_the_work_done_here() -> None:
    out = run("""
        parent = os.getpid()
        def work(tell):
            tell(os.getpid() == parent)
            if os.getpid() != parent:
                os._exit(9)  # as if killed between telling and finishing
            return "done here"
        work = Forked(work)
        first = work.told()
        print(first, work.result(), work.told())
    """)

    assert out == "False done here True"


def test_an_error_of_the_child_is_raised_here_with_its_fields() -> None:
    out = run("""
        def fail(tell):
            raise CodegenError("no such template", Path("templates/x.jinja"), 3, 7, "eject it first")
        try:
            Forked(fail).result()
        except CodegenError as error:
            print(type(error).__name__, error.line, error.column, error)
    """)

    assert out == "CodegenError 3 7 templates/x.jinja:3:7: error: no such template (hint: eject it first)"


def test_an_error_pickle_cannot_carry_arrives_as_its_one_line_report() -> None:
    out = run("""
        class Odd(CodegenError):
            def __init__(self, *, where):
                super().__init__(f"odd at {where}")
        def fail(tell):
            raise Odd(where="here")
        try:
            Forked(fail).result()
        except CodegenError as error:
            print(type(error).__name__, error)
    """)

    assert out == "ForwardedError error: odd at here"


def test_a_bug_in_the_child_keeps_its_traceback_as_a_note() -> None:
    out = run("""
        def buggy(tell):
            return {}["missing"]
        try:
            Forked(buggy).result()
        except KeyError as error:
            print(type(error).__name__, "in the forked child" in error.__notes__[0], "buggy" in error.__notes__[0])
    """)

    assert out == "KeyError True True"


def test_when_no_process_can_be_forked_the_work_runs_here() -> None:
    out = run("""
        def refuse():
            raise BlockingIOError(11, "Resource temporarily unavailable")
        os.fork = refuse
        work = Forked(lambda tell: os.getpid())
        print(work.forked, work.result() == os.getpid())
    """)

    assert out == "False True"


def test_a_cancelled_child_is_stopped_before_it_finishes(tmp_path: Path) -> None:
    marker = tmp_path / "finished"
    started = time.monotonic()

    run(f"""
        def slow(tell):
            time.sleep(30)
            Path({str(marker)!r}).write_text("done")
        work = Forked(slow)
        work.cancel()
    """)

    assert time.monotonic() - started < 20
    assert not marker.exists()


def test_a_child_that_dies_without_a_word_is_replaced_by_the_work_done_here() -> None:
    out = run("""
        parent = os.getpid()
        def work(tell):
            if os.getpid() != parent:
                os._exit(9)  # as if killed
            return "done here"
        print(Forked(work).result())
    """)

    assert out == "done here"


def test_asked_for_one_process_the_work_runs_here() -> None:
    out = run("""
        os.environ["STREAMS_CODEGEN_FORK"] = "off"
        work = Forked(lambda tell: os.getpid())
        print(work.forked, work.result() == os.getpid())
    """)

    assert out == "False True"


@pytest.mark.parametrize("when", ["result", "cancel"])
def test_beside_another_thread_the_work_runs_here_and_only_when_its_result_is_asked_for(when: str) -> None:
    out = run(f"""
        threading.Thread(target=time.sleep, args=(5,), daemon=True).start()
        ran = []
        work = Forked(lambda tell: ran.append(os.getpid()) or "value")
        print(work.forked, ran)
        if {when!r} == "result":
            print(work.result(), ran == [os.getpid()])
        else:
            work.cancel()
            print(ran)
    """)

    assert out.splitlines() == (["False []", "value True"] if when == "result" else ["False []", "[]"])


# --- generation, in its own process: the client renders in a child while lint runs ---------------------------

OUTPUT = Path("generated/atlas-streams-client")


def generate_in_its_own_process(project: Path) -> tuple[int, str]:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate"], cwd=project, capture_output=True, text=True, check=False
    )
    return result.returncode, result.stderr


def test_lint_errors_stop_the_forked_render_and_leave_the_output_untouched(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    broken = next(broken for broken in BROKEN_SPECS if broken.id == "unresolved-ref")
    expected = broken.write(project / "spec/streams.yaml")
    before = read_tree(project / OUTPUT)

    code, err = generate_in_its_own_process(project)

    assert (code, err.splitlines()) == (2, expected)
    assert read_tree(project / OUTPUT) == before


def test_a_template_error_in_the_forked_render_is_one_line_at_its_template_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    template = project / "templates/model.py.jinja"
    lines = template.read_text(encoding="utf-8").splitlines()
    template.write_text("\n".join([*lines, "{{ no_such_name }}"]) + "\n", encoding="utf-8")
    before = read_tree(project / OUTPUT)

    code, err = generate_in_its_own_process(project)

    assert (code, err) == (
        2,
        f"templates/model.py.jinja:{len(lines) + 1}: error: template uses an undefined name: "
        "'no_such_name' is undefined\n",
    )
    assert read_tree(project / OUTPUT) == before


_COUNTING_FORKS = """
import os, sys
from generator.cli import main
forks = []
real_fork = os.fork
def counting_fork():
    pid = real_fork()
    if pid:
        forks.append(pid)
    return pid
os.fork = counting_fork
code = main(["generate", "--full"])
print(len(forks), file=sys.stderr)
sys.exit(code)
"""


def test_forked_and_one_process_generation_write_the_same_bytes(tmp_path: Path) -> None:
    trees, forks = [], []
    for fork in ("on", "off"):
        project = copy_project(tmp_path / fork)
        environment = {**os.environ, "STREAMS_CODEGEN_FORK": fork}
        result = subprocess.run(
            [sys.executable, "-c", _COUNTING_FORKS], cwd=project, env=environment, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        forks.append(int(result.stderr.splitlines()[-1]))
        trees.append(read_tree(project / OUTPUT))

    assert forks == [2, 0]  # the client's render and the translated docs
    assert trees[0] == trees[1] == read_tree(ROOT / OUTPUT)
