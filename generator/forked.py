"""A piece of work started in a forked child while this process goes on with other work, its result collected
later: generation renders the client on the second core while lint checks the spec on the first, and the
translated docs beside the English ones.

The child is a copy of this process (no imports to repeat, no arguments to send); it answers through a pipe,
pickled: what the work tells on the way (`tell`, such as the client's Python names, which the docs need long
before the rendered files are written), then its result or its exception. Where forking is not safe, the work
runs here instead, when something of it is first asked for, so that the order of work stays lint first: on a
platform other than Linux (fork is unsafe on macOS, absent on Windows), when other threads run (a lock one of
them holds would stay held in the child forever), or when STREAMS_CODEGEN_FORK=off asks for one process (a
profiler or a debugger sees only its own). A child that dies without its last word (killed, out of memory) is
replaced by running the work here.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import struct
import sys
import threading
import traceback
from collections.abc import Callable
from typing import IO, Any, Generic, TypeVar

from generator.errors import CodegenError

T = TypeVar("T")
Tell = Callable[[Any], None]

FORK_VARIABLE = "STREAMS_CODEGEN_FORK"
_LENGTH = struct.Struct("!Q")
_TOLD, _RETURNED, _RAISED = "told", "returned", "raised"


class ForwardedError(CodegenError):
    """An error of the child that pickle could not carry: its one-line report, as the child would print it."""

    def __str__(self) -> str:
        return self.message


class Forked(Generic[T]):
    """`work(tell)`, run in a child started now where that is safe. `tell(value)` hands `value` to `told()`."""

    def __init__(self, work: Callable[[Tell], T]) -> None:
        self._work = work
        self._told: list[Any] = []
        self._outcome: tuple[str, Any] | None = None  # (_RETURNED, result) or (_RAISED, exception)
        self._child: tuple[int, IO[bytes]] | None = None  # (pid, read end of its pipe)
        alone = threading.active_count() == 1 and os.environ.get(FORK_VARIABLE) != "off"
        if sys.platform == "linux" and alone:
            try:
                self._child = _start(work)
            except OSError:  # no process or pipe to be had (a limit reached): the work runs here
                self._child = None
        self.forked = self._child is not None

    def told(self) -> Any:
        """The first value the work told, once it has; raises the work's exception if it failed before."""
        while not self._told and self._outcome is None:
            self._receive()
        if self._told:
            return self._told[0]
        kind, value = self._outcome or (None, None)
        if kind == _RAISED and isinstance(value, BaseException):
            raise value
        raise RuntimeError("the work finished without telling anything")

    def result(self) -> T:
        """The result, or the exception the work raised (raised here)."""
        while self._outcome is None:
            self._receive()
        kind, value = self._outcome
        if kind == _RAISED:
            raise value
        return value  # type: ignore[no-any-return]

    def cancel(self) -> None:
        """Stop the child, if one runs; its work is not wanted."""
        if self._child is not None:
            os.kill(self._child[0], signal.SIGKILL)
        self._end_child()

    def _receive(self) -> None:
        """The child's next word; here, the whole work, when there is no child (or it died without its last)."""
        message = _read_message(self._child[1]) if self._child else None
        if message is None:
            self._end_child()
            self._told.clear()
            self._outcome = _outcome(self._work, self._told.append)
        elif message[0] == _TOLD:
            self._told.append(message[1])
        else:
            self._end_child()
            self._outcome = message

    def _end_child(self) -> None:
        if self._child is not None:
            pid, pipe = self._child
            self._child = None
            pipe.close()
            os.waitpid(pid, 0)


def _outcome(work: Callable[[Tell], T], tell: Tell, in_child: bool = False) -> tuple[str, Any]:
    try:
        return _RETURNED, work(tell)
    except Exception as error:  # noqa: BLE001  # raised again by result() or told()
        if in_child and not isinstance(error, CodegenError):
            # A bug: raised in the parent, its traceback would show only the parent's frames.
            error.add_note("in the forked child:\n" + "".join(traceback.format_exception(error)))
        return _RAISED, error


def _start(work: Callable[[Tell], T]) -> tuple[int, IO[bytes]]:
    reader, writer = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(reader)
        os.close(writer)
        raise
    if pid:
        os.close(writer)
        return pid, os.fdopen(reader, "rb")
    # The child: it never returns into the caller's code, nor runs its exit handlers (os._exit).
    os.close(reader)
    # What it inherited is never garbage here: its collections skip it rather than walk the parent's heap again
    # (and copy every page they touch).
    gc.freeze()
    status = 0
    try:
        with os.fdopen(writer, "wb") as pipe:

            def tell(value: Any) -> None:
                _write_message(pipe, _TOLD, value)
                pipe.flush()

            kind, value = _outcome(work, tell, in_child=True)
            _write_message(pipe, kind, value)
    except BaseException:  # noqa: BLE001  # a broken pipe (the parent cancelled): nothing to tell anyone
        status = 1
    os._exit(status)


def _write_message(pipe: IO[bytes], kind: str, value: Any) -> None:
    try:
        payload = pickle.dumps((kind, value))
        pickle.loads(payload)  # an exception whose constructor takes other arguments does not come back
    except Exception:  # noqa: BLE001
        if kind != _RAISED:
            raise
        text = str(value) if isinstance(value, CodegenError) else "".join(traceback.format_exception(value))
        payload = pickle.dumps((kind, ForwardedError(text)))
    pipe.write(_LENGTH.pack(len(payload)) + payload)


def _read_message(pipe: IO[bytes]) -> tuple[str, Any] | None:
    """The next message, or None at the end of the pipe (the child is gone)."""
    header = pipe.read(_LENGTH.size)
    if len(header) < _LENGTH.size:
        return None
    payload = pipe.read(_LENGTH.unpack(header)[0])
    try:
        kind, value = pickle.loads(payload)
    except Exception:  # noqa: BLE001  # cut short: the child died while writing
        return None
    return str(kind), value
