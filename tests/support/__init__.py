"""Helpers shared by the tests and the benchmarks: a loopback HTTP server and fake Atlas (loopback.py,
atlas_fakes.py), the API contract check (contract.py), the spec's documented examples (spec_examples.py),
payload strategies (payloads.py), project copies (project_copy.py), the shared upstream files
(shared_files.py), broken spec variants (broken_specs.py) and Markdown pages (markdown_pages.py)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the project
SPEC_PATH = ROOT / "spec" / "streams.yaml"
