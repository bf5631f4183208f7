"""3. Upstream diff: `streams-codegen upstream-diff` on the 4 MB upstream spec, against a plain
ruamel.yaml round-trip load of the same file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench import ROOT, SCRIPTS
from bench.measure import Series, interleaved, run_command
from bench.report import Section, Target, duration, times

UPSTREAM = ROOT.parent / "shared" / "upstream" / "atlas-admin-v2.multi-version.yaml"
METHOD = (
    "`streams-codegen upstream-diff --upstream FILE` in the project root (exit status 0 or 1, both a finished "
    "run: 1 means the specs differ), against `YAML(typ='rt').load()` of the same file in a fresh Python process, "
    "the obvious way to read it with the library the project already uses. Both run in fresh processes."
)
DEFAULT_REPEAT = 3
TARGET_SECONDS = 2.0
TARGET_SPEEDUP = 4.0
OURS = "streams-codegen upstream-diff"
BASELINE = "ruamel.yaml round-trip load"
NOT_AVAILABLE = "not available yet (issue 6)"
_LOAD = "import sys; from ruamel.yaml import YAML; YAML(typ='rt').load(open(sys.argv[1], encoding='utf-8'))"


def run(repeat: int = DEFAULT_REPEAT, warmup: int = 0, upstream: Path = UPSTREAM) -> Section:
    section = Section(title="Upstream diff", method=METHOD, baseline=BASELINE)
    if not upstream.is_file():
        section.details.append(f"Skipped: `{upstream}` is absent (the shared upstream specs are not beside the repo).")
        section.targets = _targets(None, None)
        return section
    section.method += f" Input: `{upstream.name}`, {upstream.stat().st_size / 2**20:.1f} MiB."
    contenders = {BASELINE: lambda: run_command([sys.executable, "-c", _LOAD, upstream]).seconds}
    if command_available():
        section.ours = OURS
        command: list[str | Path] = [SCRIPTS / "streams-codegen", "upstream-diff", "--upstream", upstream]
        contenders[OURS] = lambda: run_command(command, cwd=ROOT, ok_statuses=(0, 1)).seconds
    else:
        section.details.append(f"`{OURS}`: {NOT_AVAILABLE}; only the baseline was measured.")
    upstream.read_bytes()  # into the page cache, in place of a warm-up round (one costs seconds)
    series = interleaved(contenders, repeat, warmup)
    section.series = [series[label] for label in (OURS, BASELINE) if label in series]
    section.targets = _targets(series.get(OURS), series[BASELINE])
    return section


def command_available() -> bool:
    result = subprocess.run(
        [SCRIPTS / "streams-codegen", "upstream-diff", "--help"], cwd=ROOT, capture_output=True, check=False
    )
    return result.returncode == 0


def _targets(ours: Series | None, baseline: Series | None) -> list[Target]:
    if ours is None or baseline is None:
        observed = NOT_AVAILABLE if baseline is not None else "skipped"
        return [
            Target(f"under {TARGET_SECONDS:.0f} s", observed, None),
            Target(f"at least {TARGET_SPEEDUP:.0f}× faster than the load", observed, None),
        ]
    speedup = baseline.median / ours.median
    return [
        Target(f"under {TARGET_SECONDS:.0f} s", duration(ours.median), ours.median < TARGET_SECONDS),
        Target(f"at least {TARGET_SPEEDUP:.0f}× faster than the load", times(speedup), speedup >= TARGET_SPEEDUP),
    ]
