"""A piece of work started in a forked child while this process goes on with other work, its result collected
later: generation renders the client on the second core while lint checks the spec on the first.

The child is a copy of this process (no imports to repeat, no arguments to send); it answers through a pipe
with its result or its exception, pickled. Where forking is not safe, the work runs here instead, when its
result is asked for, so the order of work stays lint first: on a platform other than Linux (fork is unsafe
on macOS, absent on Windows), or when other threads run (a lock one of them holds would stay held in the child
forever), or when STREAMS_CODEGEN_FORK=off asks for one process (a profiler or a debugger sees only its own).
A child that dies without answering (killed, out of memory) is replaced by running the work here.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Generic, TypeVar

from generator.errors import CodegenError

T = TypeVar("T")

FORK_VARIABLE = "STREAMS_CODEGEN_FORK"


class ForwardedError(CodegenError):
    """An error of the child that pickle could not carry: its one-line report, as the child would print it."""

    def __str__(self) -> str:
        return self.message


class Forked(Generic[T]):
    """`function`'s result, computed in a child started now where that is safe."""

    def __init__(self, function: Callable[[], T]) -> None:
        self._function = function
        self._child: tuple[int, int] | None = None  # (pid, read end of its pipe)
        alone = threading.active_count() == 1 and os.environ.get(FORK_VARIABLE) != "off"
        if sys.platform == "linux" and alone:
            self._child = _start(function)
        self.forked = self._child is not None

    def result(self) -> T:
        """The result, or the exception the work raised (raised here)."""
        if self._child is None:
            return self._function()
        pid, reader = self._child
        self._child = None
        with os.fdopen(reader, "rb") as pipe:
            answer = pipe.read()
        os.waitpid(pid, 0)
        if not answer:  # the child died without a word: do the work here
            return self._function()
        ok, value = pickle.loads(answer)
        if ok:
            return value  # type: ignore[no-any-return]
        raise value

    def cancel(self) -> None:
        """Stop the child, if one runs; its work is not wanted."""
        if self._child is None:
            return
        pid, reader = self._child
        self._child = None
        os.close(reader)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


def _start(function: Callable[[], T]) -> tuple[int, int]:
    reader, writer = os.pipe()
    pid = os.fork()
    if pid:
        os.close(writer)
        return pid, reader
    # The child: it never returns into the caller's code, nor runs its exit handlers (os._exit).
    os.close(reader)
    status = 0
    try:
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(_answer(function))
    except BaseException:  # noqa: BLE001  # a broken pipe (the parent cancelled): nothing to tell anyone
        status = 1
    os._exit(status)


def _answer(function: Callable[[], T]) -> bytes:
    try:
        return pickle.dumps((True, function()))
    except BaseException as error:  # noqa: BLE001  # carried to the parent, which raises it
        try:
            carried = pickle.dumps((False, error))
            pickle.loads(carried)  # an exception whose constructor takes other arguments does not come back
            return carried
        except Exception:  # noqa: BLE001
            text = str(error) if isinstance(error, CodegenError) else "".join(traceback.format_exception(error))
            return pickle.dumps((False, ForwardedError(text)))
