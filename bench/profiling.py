"""Where a command's time goes: one run under cProfile, summed per function of interest.

cProfile slows Python code down more than it slows waiting for a subprocess (ruff), so the numbers
are for comparing shares and for comparing two commands profiled alike, not absolute times."""

from __future__ import annotations

import cProfile
import pstats
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from bench.measure import run_command

# (file name suffix, function name): the function's cumulative time, summed over every place it is defined.
Function = tuple[str, str]


def profile_module(
    module_args: Sequence[str | Path],
    *,
    cwd: Path,
    path_prefix: Path | None = None,
    variables: Mapping[str, str] | None = None,
) -> pstats.Stats:
    """Profile `python -m <module_args...>` in a fresh process, as the command would run."""
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as scratch:
        output = Path(scratch) / "run.prof"
        run_command(
            [sys.executable, "-m", "cProfile", "-o", output, "-m", *module_args],
            cwd=cwd,
            path_prefix=path_prefix,
            variables=variables,
        )
        return pstats.Stats(str(output))


def profile_calls(call: Callable[[], object], count: int) -> pstats.Stats:
    """Profile `count` calls in this process."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(count):
        call()
    profiler.disable()
    return pstats.Stats(profiler)


def cumulative(stats: pstats.Stats, functions: Sequence[Function]) -> float:
    """Summed cumulative seconds; KeyError when none of `functions` ran (renamed? update the caller's list)."""
    # cProfile counts a recursive function's cumulative time once, at its outermost call.
    entries = stats.stats  # type: ignore[attr-defined]
    matched = [
        cumulative_seconds
        for (filename, _, name), (_, _, _, cumulative_seconds, _) in entries.items()
        if any(filename.endswith(suffix) and name == function for suffix, function in functions)
    ]
    if not matched:
        raise KeyError(f"none of {functions} ran in the profiled command")
    return float(sum(matched))


def total(stats: pstats.Stats) -> float:
    return float(stats.total_tt)  # type: ignore[attr-defined]


def top_functions(stats: pstats.Stats, path_part: str, count: int) -> list[tuple[str, float]]:
    """The `count` functions defined in files whose path contains `path_part`, by cumulative time."""
    entries = stats.stats  # type: ignore[attr-defined]
    found = [
        (f"{Path(filename).name}:{name}", cumulative_seconds)
        for (filename, _, name), (_, _, _, cumulative_seconds, _) in entries.items()
        if path_part in filename
    ]
    return sorted(found, key=lambda item: item[1], reverse=True)[:count]
