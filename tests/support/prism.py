"""Stoplight Prism mocking spec/streams.yaml on loopback: a real server that negotiates content by Accept and
answers a documented status on request (`Prefer: code=400`), with the documented examples.

Prism is pinned by tests/package.json and tests/package-lock.json, and `make test` installs it with npm where
npm is present. Without it a test that needs Prism skips with a one-line reason; with CI=true it fails, because
CI must run it. A Prism that does not start fails the test with what it printed.
"""

from __future__ import annotations

import os
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml

from generator.spec.fixes import apply_spec_fixes
from generator.spec.loading import load_spec
from support import ROOT, SPEC_PATH

PRISM = ROOT / "tests" / "node_modules" / ".bin" / "prism"
_STARTUP_SECONDS = 60.0
_READY = "Prism is listening"


def prism_executable() -> Path:
    if PRISM.is_file():
        return PRISM
    reason = "Stoplight Prism is not installed (make test installs it with npm: npm ci --prefix tests)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI=true, so the content-negotiation tests must not be skipped")
    pytest.skip(reason)


@contextmanager
def prism_server(spec_path: Path = SPEC_PATH) -> Iterator[str]:
    """A Prism mock of `spec_path` (as generation sees it, our spec fixes applied) on a free loopback port; its
    base URL while the block runs."""
    executable = prism_executable()
    with tempfile.TemporaryDirectory(prefix="prism-") as scratch:
        spec = Path(scratch) / "streams.yaml"
        spec.write_text(yaml.safe_dump(apply_spec_fixes(load_spec(spec_path).data), sort_keys=False), encoding="utf-8")
        port = _free_port()
        process = subprocess.Popen(
            [str(executable), "mock", "--host", "127.0.0.1", "--port", str(port), str(spec)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        try:
            _wait_until_ready(process)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def _wait_until_ready(process: subprocess.Popen[str]) -> None:
    """Reads Prism's output until it says it listens; fails with that output if it exits or takes too long. The
    rest of its output is drained in the background, so that a full pipe never blocks it."""
    assert process.stdout is not None
    printed: list[str] = []
    deadline = time.monotonic() + _STARTUP_SECONDS
    for line in process.stdout:
        printed.append(line)
        if _READY in line:
            threading.Thread(target=process.stdout.read, daemon=True).start()
            return
        if time.monotonic() > deadline:
            break
    pytest.fail("Stoplight Prism did not start:\n" + "".join(printed[-40:]))
