"""Timing for every benchmark: repeated runs of contenders in alternating order, and their statistics.

A contender is a callable that performs one run and returns its duration in seconds (so a run can
exclude its own setup, or divide a batch of calls into a per-call time). `interleaved` alternates
the contenders round by round, reversing the order every other round, so that machine noise (other
processes on a shared machine, CPU frequency, the page cache) hits all of them alike.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Series:
    """The measured durations (seconds) of one contender."""

    label: str
    samples: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def minimum(self) -> float:
        return min(self.samples)

    @property
    def maximum(self) -> float:
        return max(self.samples)

    @property
    def quartiles(self) -> tuple[float, float]:
        """First and third quartile (both the single sample when there is only one)."""
        if len(self.samples) < 2:
            return self.samples[0], self.samples[0]
        q1, _, q3 = statistics.quantiles(self.samples, n=4, method="inclusive")
        return q1, q3


def interleaved(contenders: Mapping[str, Callable[[], float]], repeat: int, warmup: int = 1) -> dict[str, Series]:
    """Run every contender `warmup` times unmeasured, then `repeat` measured times, alternating."""
    order = list(contenders)
    for _ in range(warmup):
        for label in order:
            contenders[label]()
    samples: dict[str, list[float]] = {label: [] for label in order}
    for round_number in range(repeat):
        # A, B then B, A: neither side always runs right after the other.
        for label in order if round_number % 2 == 0 else reversed(order):
            samples[label].append(contenders[label]())
    return {label: Series(label, tuple(values)) for label, values in samples.items()}


def ratio(ours: Series, baseline: Series) -> float:
    """Ours over the baseline, by medians: below 1 means ours takes less time."""
    return ours.median / baseline.median


def per_call(call: Callable[[], object], batch: int) -> Callable[[], float]:
    """A contender that makes `batch` calls and returns the time per call: a single call is too short
    for the clock and too noisy to time alone."""

    def one_batch() -> float:
        started = time.perf_counter()
        for _ in range(batch):
            call()
        return (time.perf_counter() - started) / batch

    return one_batch


class CommandFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class Completed:
    seconds: float  # wall time, process start to exit
    stdout: str


def run_command(
    argv: Sequence[str | Path],
    *,
    cwd: Path | None = None,
    path_prefix: Path | None = None,
    ok_statuses: Sequence[int] = (0,),
    variables: Mapping[str, str] | None = None,
) -> Completed:
    """One timed run of a command; its output is captured, and shown only if it fails.

    `path_prefix` is put first on PATH (for tools that find others there, like ruff); `variables` are set in
    its environment."""
    env = {**os.environ, **(variables or {})}
    if path_prefix is not None:
        env["PATH"] = f"{path_prefix}{os.pathsep}{os.environ.get('PATH', '')}"
    started = time.perf_counter()
    result = subprocess.run([str(part) for part in argv], cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode not in ok_statuses:
        output = (result.stderr or result.stdout).strip()
        raise CommandFailed(f"{' '.join(map(str, argv))} exited {result.returncode}: {output[-2000:]}")
    return Completed(seconds, result.stdout)


@dataclass(frozen=True)
class Line:
    """A least-squares straight line y = slope * x + intercept and how well it fits (R²)."""

    slope: float
    intercept: float
    r_squared: float


def fit_line(xs: Sequence[float], ys: Sequence[float]) -> Line:
    slope, intercept = statistics.linear_regression(xs, ys)
    r_squared = statistics.correlation(xs, ys) ** 2 if len(set(ys)) > 1 else 1.0
    return Line(slope, intercept, r_squared)
