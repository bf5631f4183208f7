"""2. Check: the wall time of `streams-codegen check` on the project as committed."""

from __future__ import annotations

from bench import ROOT, SCRIPTS
from bench.measure import interleaved, run_command
from bench.report import Section, Target, duration

METHOD = (
    "`streams-codegen check` as a user runs it in the project root (a console script in a fresh process, so "
    "imports count): it regenerates the client in a temporary directory and compares it with `generated/`. "
    "No baseline: the target is absolute. It regenerates exactly as `generate` does (benchmark 1) but never swaps, "
    "so the same stages take the time and the same levers apply."
)
DEFAULT_REPEAT = 10
TARGET_SECONDS = 1.0
LABEL = "streams-codegen check"


def run(repeat: int = DEFAULT_REPEAT, warmup: int = 1) -> Section:
    series = interleaved(
        {LABEL: lambda: run_command([SCRIPTS / "streams-codegen", "check"], cwd=ROOT).seconds}, repeat, warmup
    )
    median = series[LABEL].median
    return Section(
        title="Check",
        method=METHOD,
        series=list(series.values()),
        ours=LABEL,
        targets=[Target(f"under {TARGET_SECONDS:.0f} s", duration(median), median < TARGET_SECONDS)],
    )
