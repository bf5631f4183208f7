"""A command run on a real terminal (a pseudo-terminal), for what a program does differently there: indent, show
a table, ask before it acts (a helper module, not a test file)."""

from __future__ import annotations

import os
import pty
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class TerminalRun:
    status: int
    output: str  # what the terminal showed: stdout, and the echo of what was typed; "\n" for its "\r\n"
    stderr: str  # a pipe, not the terminal


def run_on_a_terminal(
    argv: Sequence[str], env: Mapping[str, str], *, typed: str | None = None, timeout: float = 60
) -> TerminalRun:
    """Run `argv` with stdout on a pseudo-terminal and stderr on a pipe; with `typed`, stdin is the terminal too
    and `typed` is what the user types, else stdin is empty and no terminal."""
    terminal, follower = pty.openpty()
    stdin = follower if typed is not None else subprocess.DEVNULL
    with subprocess.Popen(argv, stdin=stdin, stdout=follower, stderr=subprocess.PIPE, env=dict(env)) as process:
        os.close(follower)
        if typed is not None:
            os.write(terminal, typed.encode())
        output = b""
        while True:
            try:
                chunk = os.read(terminal, 4096)
            except OSError:  # EIO: the command exited and closed its side of the terminal
                break
            if not chunk:
                break
            output += chunk
        assert process.stderr is not None
        stderr = process.stderr.read().decode()
        status = process.wait(timeout=timeout)
    os.close(terminal)
    return TerminalRun(status, output.decode().replace("\r\n", "\n"), stderr)
