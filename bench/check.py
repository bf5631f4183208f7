"""2. Check: the wall time of `streams-codegen check` on the project as committed, answered from the record of the
last verified generation, and of `check --full`, which always regenerates."""

from __future__ import annotations

import tempfile

from bench import ROOT, SCRIPTS
from bench.measure import interleaved, run_command
from bench.report import Section, Target, duration
from generator.cache.store import CACHE_DIR_VARIABLE

METHOD = (
    "`streams-codegen check` as a user runs it in the project root (a console script in a fresh process, so "
    "imports count), with the benchmark's own cache folder (`STREAMS_CODEGEN_CACHE_DIR`). The warm-up round's "
    "`check --full` finds `generated/` up to date and records it; from then on plain `check` hashes every input "
    "and the output tree, finds both as recorded and answers without regenerating (docs/benchmarks.md). "
    "`check --full` regenerates in a temporary directory and compares, as the golden test and CI do. No "
    "baseline: the targets are absolute."
)
DEFAULT_REPEAT = 10
TARGET_SECONDS = 0.5
TARGET_FULL_SECONDS = 1.0
LABEL = "streams-codegen check"
FULL = "streams-codegen check --full"


def run(repeat: int = DEFAULT_REPEAT, warmup: int = 1) -> Section:
    with tempfile.TemporaryDirectory(prefix="bench-check-") as caches:
        variables = {CACHE_DIR_VARIABLE: caches}

        def check(*options: str) -> float:
            return run_command([SCRIPTS / "streams-codegen", "check", *options], cwd=ROOT, variables=variables).seconds

        # --full first: plain check must find the record from the very first measured round.
        series = interleaved({FULL: lambda: check("--full"), LABEL: check}, repeat, warmup)
    median, full = series[LABEL].median, series[FULL].median
    return Section(
        title="Check",
        method=METHOD,
        series=[series[LABEL], series[FULL]],
        ours=LABEL,
        targets=[
            Target(f"under {TARGET_SECONDS} s, unchanged checkout", duration(median), median < TARGET_SECONDS),
            Target(f"`--full` under {TARGET_FULL_SECONDS:.0f} s", duration(full), full < TARGET_FULL_SECONDS),
        ],
    )
