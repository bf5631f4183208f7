"""docs/BENCHMARKS.md: what each benchmark returns (a Section), the machine and versions it ran on,
and the Markdown that shows them. Every target is written down with what was observed, met or not."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from bench.measure import Series, ratio

# The distributions whose versions decide the numbers: ours, the baselines and what they run on.
PACKAGES = (
    "atlas-streams-codegen",
    "atlas-streams-client",
    "openapi-python-client",
    "ruff",
    "jinja2",
    "ruamel.yaml",
    "httpx",
    "httpcore",
    "attrs",
    "pydantic",
    "pydantic-core",
)


@dataclass(frozen=True)
class Target:
    goal: str  # what the issue asks for, e.g. "ours ≤ 0.8× the bare CLI"
    observed: str  # what was measured against it, e.g. "1.21×"
    met: bool | None  # None: could not be measured on this run


@dataclass
class Section:
    title: str
    method: str  # how it was measured: one Markdown paragraph
    series: list[Series] = field(default_factory=list)
    ours: str | None = None  # label of the series that is ours (the summary's "ours" column)
    baseline: str | None = None  # label of the series it is compared with
    targets: list[Target] = field(default_factory=list)
    details: list[str] = field(default_factory=list)  # further Markdown blocks: tables, profiles, notes

    def find(self, label: str | None) -> Series | None:
        return next((series for series in self.series if series.label == label), None)

    @property
    def ratio(self) -> float | None:
        ours, baseline = self.find(self.ours), self.find(self.baseline)
        return ratio(ours, baseline) if ours and baseline else None


def ratio_at_most(section: Section, limit: float, baseline_name: str) -> Target:
    """The target "ours takes at most `limit` times what the baseline takes", by medians."""
    measured = section.ratio
    met = measured <= limit if measured is not None else None
    return Target(f"ours ≤ {limit}× {baseline_name}", times(measured) if measured is not None else "—", met)


def duration(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.1f} µs"


def times(value: float) -> str:
    return f"{value:.2f}×"


def verdict(met: bool | None) -> str:
    return {True: "met", False: "**not met**", None: "not measured"}[met]


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def machine() -> list[tuple[str, str]]:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return [
        ("CPU", _cpu_model()),
        ("cores", str(os.cpu_count())),
        ("memory", f"{memory / 2**30:.1f} GiB"),
        ("OS", platform.platform()),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("load average at start (1, 5, 15 min)", load_average()),
    ]


def load_average() -> str:
    """Other work on the machine while the benchmarks ran: it widens the spread."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def versions() -> list[tuple[str, str]]:
    found = []
    for name in PACKAGES:
        try:
            found.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            found.append((name, "not installed"))
    return found


def commit(root: Path) -> str:
    result = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=root, capture_output=True, text=True, check=False
    )
    return result.stdout.strip() or "unknown"


def render(sections: list[Section], environment: list[tuple[str, str]], root: Path, seconds: float) -> str:
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        "# Benchmarks",
        "Written by `make bench` (`python -m bench`); do not edit by hand. These are measurements on one "
        "machine, not pass/fail tests: a result that misses its target is written down as such. Contenders run "
        "alternately (A B, then B A, round after round) so that noise on the machine hits both alike. "
        "Medians are compared; the spread is the minimum, maximum and interquartile range (IQR) of the runs.",
        f"Run {started} at commit `{commit(root)}`, {seconds:.0f} s in all, "
        f"with `{Path(sys.executable).name}` from `{Path(sys.prefix).name}`.",
        "## Summary",
        _summary(sections),
        "## Machine",
        table(["", ""], [[name, value] for name, value in environment]),
        "## Versions",
        table(["package", "version"], [[name, version] for name, version in versions()]),
    ]
    for number, section in enumerate(sections, start=1):
        parts += [f"## {number}. {section.title}", section.method]
        if section.series:
            parts.append(_series_table(section.series))
        if section.ratio is not None:
            parts.append(f"Ratio ({section.ours} / {section.baseline}, medians): **{times(section.ratio)}**.")
        if section.targets:
            rows = [[target.goal, target.observed, verdict(target.met)] for target in section.targets]
            parts.append(table(["target", "observed", "verdict"], rows))
        parts += section.details
    return "\n\n".join(parts) + "\n"


def _summary(sections: list[Section]) -> str:
    rows = []
    for number, section in enumerate(sections, start=1):
        ours, baseline = section.find(section.ours), section.find(section.baseline)
        goals = "; ".join(f"{target.goal}: {verdict(target.met)}" for target in section.targets) or "none (reported)"
        rows.append(
            [
                f"{number}. {section.title}",
                f"{section.ours}: {duration(ours.median)}" if ours else "—",
                f"{section.baseline}: {duration(baseline.median)}" if baseline else "—",
                times(section.ratio) if section.ratio is not None else "—",
                goals,
            ]
        )
    return table(["benchmark", "ours (median)", "baseline (median)", "ratio", "targets"], rows)


def _series_table(series: list[Series]) -> str:
    rows = []
    for one in series:
        q1, q3 = one.quartiles
        rows.append(
            [
                one.label,
                duration(one.median),
                duration(one.minimum),
                duration(one.maximum),
                f"{duration(q1)} – {duration(q3)}",
                str(len(one.samples)),
            ]
        )
    return table(["run", "median", "min", "max", "IQR", "runs"], rows)
