"""4. Scale: generation time and peak memory for synthetic specs with 6 to 300 operations (copies of the spec's)."""

from __future__ import annotations

import copy
import functools
import itertools
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from bench import ROOT
from bench.measure import fit_line, interleaved, run_command
from bench.report import Section, Target, duration, table
from generator.spec.vocabulary import HTTP_METHODS

METHOD = (
    "Synthetic specs built from `spec/streams.yaml`: the same components, and copies of its six operations until "
    "there are N, copy i under `/api/atlas/v2/groups/{groupId}/streams{i}...` (copy 0 is the original), each with "
    "its own `operationId`, "
    "`x-xgen-operation-id-override`, `x-codegen-operation-name` and `x-xgen-method-verb-override` verb. Each run is"
    " `generator.pipeline.build` into a new directory in a fresh process (`python -m bench.generate_once`): the "
    "time is that process's wall time, imports included; the memory is its peak resident set (`VmHWM`: `ru_maxrss` "
    "would also count this benchmark's own memory, inherited across fork and exec), without ruff's processes. The "
    "sizes take turns within every round."
)
FINDINGS = (
    "**Findings.** Profiled at 300 operations when this benchmark was written, reading the 1.3 MB synthetic "
    "spec with ruamel.yaml round-trip (pure Python) took about two thirds of the time and the library's parser "
    "about a quarter (mostly deep copies in its `sort_parameters`, once per endpoint). The template helpers "
    "then scanned every operation for each endpoint, which made generation quadratic; they now use an index "
    "built once. The spec is now read with the libyaml event loader and the round-trip tree is built only "
    "when a finding needs a line (see benchmark 1), which brought 300 copies of the create operation under 10 s. "
    "Since the spec holds six operations, the copies are of all six (a single one would leave components unused, "
    "which lint refuses): list, get, update and delete bring more parameters, models and docs pages per operation "
    "(30.5 s for 300 at first). Since then: positions come from libyaml's events, the client renders in a forked "
    "child beside lint and the Korean pages beside the English ones (benchmark 1), and the glossary check traces "
    "each distinct sighting once instead of scanning every source for each of the thousands that 300 operations "
    "show (a fifth of the profiled time). Still linear. What grows with the operations is the library's parser "
    "(its `sort_parameters` deep-copies, a quarter of the profiled time), rendering, the docs pages in two "
    "languages and ruff; a few helpers (read-backs, command names) still look an operation up by a scan, about 3% "
    "at 300 operations."
)
DEFAULT_REPEAT = 3
DEFAULT_COPIES = (6, 60, 150, 300)  # operations: multiples of the spec's six
_COPIED_SEGMENT = "/streams"  # copy i of every path has /streams{i} in its place (copy 0 is the original)
TARGET_SECONDS = 8.0
TARGET_OPERATIONS = 300
# A straight line through the medians must explain this much of their variance to count as linear growth.
LINEAR_R_SQUARED = 0.99


def synthetic_spec(operations: int) -> dict[str, Any]:
    """The spec with its operations copied until there are `operations` of them (a multiple of the spec's own
    count: every component stays in use, as lint requires)."""
    spec: dict[str, Any] = YAML(typ="safe").load((ROOT / "spec" / "streams.yaml").read_text(encoding="utf-8"))
    paths = spec["paths"]
    per_copy = sum(1 for item in paths.values() for method in item if method in HTTP_METHODS)
    if operations % per_copy:
        raise ValueError(f"{operations} operations: the spec has {per_copy}, so take a multiple of it")
    spec["paths"] = {}
    for index in range(operations // per_copy):
        suffix = str(index) if index else ""
        for path, path_item in paths.items():
            item = copy.deepcopy(path_item)
            for method, operation in item.items():
                if method in HTTP_METHODS:
                    _rename(operation, suffix)
            spec["paths"][path.replace(_COPIED_SEGMENT, _COPIED_SEGMENT + suffix, 1)] = item
    return spec


def _rename(operation: dict[str, Any], suffix: str) -> None:
    # Every name the generator derives a module, function or command from must differ between copies.
    operation["operationId"] += suffix
    for name in ("x-xgen-operation-id-override", "x-codegen-operation-name"):
        if name in operation:
            operation[name] += suffix
    if "verb" in operation.get("x-xgen-method-verb-override", {}):
        operation["x-xgen-method-verb-override"]["verb"] += suffix
    cli = operation.get("x-codegen-cli", {})
    if "command" in cli:
        cli["command"] += suffix
    if "aliases" in cli:
        cli["aliases"] = [alias + suffix for alias in cli["aliases"]]
    if "operation" in operation.get("x-codegen-read-back", {}):  # the copy's create reads back through the copy's GET
        operation["x-codegen-read-back"]["operation"] += suffix


# No warm-up round by default: the largest size alone takes seconds, and the specs were just written (page cache).
def run(repeat: int = DEFAULT_REPEAT, warmup: int = 0, copies: Sequence[int] = DEFAULT_COPIES) -> Section:
    peaks: dict[int, list[int]] = {count: [] for count in copies}
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as scratch_name:
        scratch = Path(scratch_name)
        writer = YAML(typ="safe", pure=True)
        writer.default_flow_style = False  # block style, like a real spec
        specs = {}
        for count in copies:
            specs[count] = scratch / f"spec-{count}.yaml"
            with specs[count].open("w", encoding="utf-8") as stream:
                writer.dump(synthetic_spec(count), stream)
        runs = itertools.count()

        def generate(count: int) -> float:
            out_dir = scratch / f"out-{next(runs)}"
            done = run_command([sys.executable, "-m", "bench.generate_once", specs[count], out_dir], cwd=ROOT)
            peaks[count].append(int(done.stdout.strip()))
            return done.seconds

        series = interleaved({_label(count): functools.partial(generate, count) for count in copies}, repeat, warmup)
    section = Section(title="Scale", method=METHOD, series=list(series.values()))
    medians = [series[_label(count)].median for count in copies]
    peak_medians = [statistics.median(peaks[count]) for count in copies]
    rows = [
        [str(count), duration(median), duration(median / count), f"{peak / 1024:.0f} MiB"]
        for count, median, peak in zip(copies, medians, peak_medians, strict=True)
    ]
    section.details.append(table(["operations", "median time", "time per operation", "peak RSS (median)"], rows))
    if len(copies) >= 2:
        time_line = fit_line(copies, medians)
        memory_line = fit_line(copies, peak_medians)
        section.details.append(
            f"Least-squares line through the medians: time = {duration(time_line.intercept)} + "
            f"{duration(time_line.slope)} per operation (R² = {time_line.r_squared:.4f}); peak memory = "
            f"{memory_line.intercept / 1024:.0f} MiB + {memory_line.slope:.0f} KiB per operation "
            f"(R² = {memory_line.r_squared:.4f})."
        )
        section.targets.append(
            Target(
                f"linear growth (R² ≥ {LINEAR_R_SQUARED} for a straight line through the time medians)",
                f"R² = {time_line.r_squared:.4f}",
                time_line.r_squared >= LINEAR_R_SQUARED,
            )
        )
    section.details.append(FINDINGS)
    if TARGET_OPERATIONS in copies:
        largest = series[_label(TARGET_OPERATIONS)].median
        section.ours = _label(TARGET_OPERATIONS)
        section.targets.append(
            Target(
                f"{TARGET_OPERATIONS} operations in under {TARGET_SECONDS:.0f} s",
                duration(largest),
                largest < TARGET_SECONDS,
            )
        )
    return section


def _label(count: int) -> str:
    return f"{count} operation{'s' if count != 1 else ''}"
