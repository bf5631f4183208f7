"""Every benchmark in bench/ still runs: once, on tiny inputs, so that `make bench` cannot rot.

These check that each benchmark measures and reports, never how fast anything is."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest

from bench import ROOT, check, client_overhead, generation, parsing, scale, upstream_diff
from bench.__main__ import BENCHMARKS
from bench.report import machine, render

# The smallest run of each benchmark: no warm-up, one measured run per contender, small inputs. The
# upstream-diff benchmark reads our own spec in place of the 4 MB upstream file, so it needs nothing from ../shared.
# The generation profile (two runs under cProfile, about 5 s) is left to `make bench`, which fails loudly if a
# profiled function is renamed.
ONCE = {"repeat": 1, "warmup": 0}
QUICK_RUNS: dict[ModuleType, dict[str, Any]] = {
    generation: {**ONCE, "profile": False},
    check: ONCE,
    upstream_diff: {**ONCE, "upstream": ROOT / "spec" / "streams.yaml"},
    scale: {**ONCE, "copies": (6, 12)},
    client_overhead: {**ONCE, "batch": 2, "counted_calls": 0},
    parsing: {**ONCE, "batch": 1},
}


def test_every_benchmark_of_make_bench_has_a_smoke_run() -> None:
    assert set(BENCHMARKS) == set(QUICK_RUNS)


@pytest.mark.parametrize("module", BENCHMARKS, ids=lambda module: module.__name__)
def test_benchmark_measures_every_contender_and_renders_its_section(module: ModuleType) -> None:
    section = module.run(**QUICK_RUNS[module])

    assert section.series
    assert all(len(series.samples) == 1 and series.minimum > 0 for series in section.series)
    report = render([section], machine(), ROOT, 0.0)
    assert f"## 1. {section.title}" in report
    assert all(series.label in report for series in section.series)
