"""How the `streams-codegen` console script ends (`generator.cli.run`): with main()'s status, its output all
written and the exit handlers run, but without tearing the interpreter down; with a thread still running, the
ordinary way, which waits for it."""

from __future__ import annotations

import shlex
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from support import ROOT

from generator.cli import main

SCRIPTS = Path(sys.executable).parent


def _run(prelude: str, *argv: str) -> subprocess.CompletedProcess[str]:
    """`streams-codegen *argv` through generator.cli.run in a fresh interpreter, after `prelude`."""
    code = textwrap.dedent(prelude) + f"\nimport sys\nsys.argv = ['streams-codegen', *{list(argv)!r}]\n"
    code += "from generator.cli import run\nrun()\n"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )


def test_the_console_script_is_run() -> None:
    script = (SCRIPTS / "streams-codegen").read_text(encoding="utf-8")

    assert "from generator.cli import run" in script


def test_the_exit_status_is_mains(tmp_path: Path) -> None:
    missing = tmp_path / "absent.toml"

    ended = _run("", "--config", str(missing), "templates")

    assert ended.returncode == 2 == main(["--config", str(missing), "templates"])
    assert str(missing) in ended.stderr


def test_all_output_reaches_a_pipe() -> None:
    ended = _run("", "templates")

    assert ended.returncode == 0
    assert ended.stdout.endswith("\n")
    assert len(ended.stdout.splitlines()) == len(
        subprocess.run(
            [SCRIPTS / "streams-codegen", "templates"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.splitlines()
    )


def test_exit_handlers_run() -> None:
    ended = _run(
        """
        import atexit
        atexit.register(lambda: print("handler ran"))
        """,
        "templates",
    )

    assert ended.stdout.splitlines()[-1] == "handler ran"


def test_a_running_thread_is_waited_for() -> None:
    ended = _run(
        """
        import threading, time
        threading.Thread(target=lambda: (time.sleep(0.3), print("thread finished"))).start()
        """,
        "templates",
    )

    assert ended.returncode == 0
    assert "thread finished" in ended.stdout


@pytest.mark.parametrize("closed", [">&-", "2>&-"], ids=["stdout", "stderr"])
def test_a_stream_closed_from_the_start_keeps_mains_status(closed: str, tmp_path: Path) -> None:
    code = "import sys\nsys.argv = ['streams-codegen', '--config', sys.argv[1], 'templates']\n"
    code += "from generator.cli import run\nrun()\n"
    command = f"{shlex.quote(sys.executable)} -c {shlex.quote(code)} {shlex.quote(str(tmp_path / 'absent.toml'))}"

    ended = subprocess.run(["sh", "-c", f"{command} {closed}"], cwd=ROOT, capture_output=True, text=True, check=False)

    assert ended.returncode == 2, ended.stderr
