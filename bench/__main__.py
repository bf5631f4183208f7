"""`python -m bench` (`make bench`): run every benchmark with its default repetitions and write
docs/BENCHMARKS.md. Progress goes to stderr."""

from __future__ import annotations

import sys
import time

from bench import ROOT, check, client_overhead, generation, parsing, scale, upstream_diff
from bench.report import Section, load_average, machine, render

BENCHMARKS = (generation, check, upstream_diff, scale, client_overhead, parsing)
OUTPUT = ROOT / "docs" / "BENCHMARKS.md"


def main() -> None:
    started = time.perf_counter()
    environment = machine()
    sections: list[Section] = []
    for module in BENCHMARKS:
        print(f"bench: {module.__name__} ...", file=sys.stderr, flush=True)
        begun = time.perf_counter()
        sections.append(module.run())
        print(f"bench: {module.__name__} done in {time.perf_counter() - begun:.0f} s", file=sys.stderr, flush=True)
    environment.append(("load average at end (1, 5, 15 min)", load_average()))
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(render(sections, environment, ROOT, time.perf_counter() - started), encoding="utf-8")
    print(f"bench: wrote {OUTPUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
