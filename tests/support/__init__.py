"""Helpers shared by the tests and the benchmarks: a loopback HTTP server and fake Atlas (loopback.py,
atlas_fakes.py), the API contract check (contract.py), the spec's documented examples (spec_examples.py),
the generated package's modules for an operation (generated_client.py), payload strategies (payloads.py),
project copies (project_copy.py), the shared upstream files (shared_files.py), broken spec variants
(broken_specs.py) and Markdown pages (markdown_pages.py).

The project under test is this checkout, or the copy that STREAMS_CODEGEN_PROJECT names (docs/testing.md), so
that a project whose spec took an upstream revision is tested by this checkout's tests and toolkit."""

import os
import sys
from pathlib import Path

TOOLKIT = Path(__file__).resolve().parents[2]  # this checkout: the toolkit, its docs, tests and .venv
PROJECT_VARIABLE = "STREAMS_CODEGEN_PROJECT"
ROOT = Path(os.environ.get(PROJECT_VARIABLE) or TOOLKIT).resolve()  # the project under test
SPEC_PATH = ROOT / "spec" / "streams.yaml"
CLIENT_DIR = ROOT / "generated" / "atlas-streams-client"  # the generated package, importable from here

if ROOT != TOOLKIT:
    # `import atlas_streams` must find the copy's package, here and in every process the tests start (the
    # console script too), not this checkout's, which the editable install and pytest's pythonpath name. Done
    # on import, not in a conftest hook: every test, fixture and helper imports this package first.
    if "atlas_streams" in sys.modules:
        raise RuntimeError(f"{PROJECT_VARIABLE}: atlas_streams was imported before the project under test was set")
    sys.path.insert(0, str(CLIENT_DIR))
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(CLIENT_DIR), os.environ.get("PYTHONPATH")]))
