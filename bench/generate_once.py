"""Driver for the scale benchmark, run once per measurement in a fresh process:

    python -m bench.generate_once SPEC OUT_DIR

builds the client for SPEC (with the project's other settings) into OUT_DIR with
`generator.pipeline.build`, then prints the peak resident memory of this process in KiB. A fresh
process per run makes the peak that run's own. ruff runs in child processes and is not included."""

from __future__ import annotations

import dataclasses
import resource
import sys
from pathlib import Path

from bench import ROOT
from generator import pipeline
from generator.config import load_settings


def main(spec: Path, out_dir: Path) -> None:
    settings = dataclasses.replace(load_settings(ROOT / "pyproject.toml"), spec=spec)
    pipeline.build(settings, out_dir)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(peak // 1024 if sys.platform == "darwin" else peak)  # macOS reports bytes, Linux KiB


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
