"""Benchmarks of the toolkit and the generated client against the baselines a user would pick.

`python -m bench` (`make bench`) runs them all and writes docs/BENCHMARKS.md. Each module measures one
thing and returns a `bench.report.Section`; `bench.measure` times them.
"""

from __future__ import annotations

import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The console scripts of the environment running the benchmarks (streams-codegen, openapi-python-client, ruff).
SCRIPTS = Path(sysconfig.get_path("scripts"))
