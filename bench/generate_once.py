"""Driver for the scale benchmark, run once per measurement in a fresh process:

    python -m bench.generate_once SPEC OUT_DIR

builds the client for SPEC (with the project's other settings) into OUT_DIR with
`generator.pipeline.build`, then prints the peak resident memory of this process in KiB. ruff runs
in child processes and is not included."""

from __future__ import annotations

import dataclasses
import re
import resource
import sys
from pathlib import Path

from bench import ROOT
from generator import pipeline
from generator.config import load_settings

_STATUS = Path("/proc/self/status")


def main(spec: Path, out_dir: Path) -> None:
    settings = dataclasses.replace(load_settings(ROOT / "pyproject.toml"), spec=spec)
    pipeline.build(settings, out_dir)
    print(peak_rss_kib())


def peak_rss_kib() -> int:
    # On Linux, ru_maxrss of a process started by fork/vfork + exec also counts the parent's memory at the
    # fork (the old address space's high-water mark survives exec), so a large benchmark process would
    # inflate it. VmHWM is the high-water mark of this address space alone.
    if _STATUS.is_file():
        found = re.search(r"^VmHWM:\s+(\d+) kB", _STATUS.read_text(encoding="utf-8"), re.MULTILINE)
        if found:
            return int(found.group(1))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # macOS reports bytes, others KiB


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
