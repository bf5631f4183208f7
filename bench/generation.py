"""1. Generation: `streams-codegen generate` against the bare `openapi-python-client generate` CLI."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench import SCRIPTS
from bench.measure import interleaved, run_command
from bench.profiling import Function, cumulative, profile_module, total
from bench.report import Section, Target, duration, table, times
from tests.project_copy import copy_project

METHOD = (
    "Both run as a user runs them, as console scripts in fresh processes (so imports count), on the same spec. "
    "Ours regenerates a throw-away copy of the project (checks, code, docs, formatting, compare and swap); the "
    "bare CLI writes the library's default client and runs its default post-hooks, `ruff check --fix-only` and "
    "`ruff format`, with the same pinned ruff (the environment's bin directory leads PATH)."
)
DEFAULT_REPEAT = 10
TARGET_RATIO = 0.8
OURS = "streams-codegen generate"
BARE = "openapi-python-client generate"

# Rows of the profile: (what, functions of ours, functions of the bare CLI). Rows nest where marked.
_STAGES: list[tuple[str, list[Function], list[Function]]] = [
    ("Python imports", [("importlib._bootstrap>", "_find_and_load")], [("importlib._bootstrap>", "_find_and_load")]),
    (
        "reading the spec (ours: ruamel.yaml round-trip, keeping lines; bare: ruamel.yaml safe)",
        [("generator/spec.py", "load_spec")],
        [("openapi_python_client/__init__.py", "_get_document")],
    ),
    (
        "the library's parser (`GeneratorData.from_dict`)",
        [("openapi_python_client/parser/openapi.py", "from_dict")],
        [("openapi_python_client/parser/openapi.py", "from_dict")],
    ),
    (
        "rendering and writing files (`Project.build`; ours adds its extra files)",
        [("generator/opc_adapter.py", "build")],
        [("openapi_python_client/__init__.py", "build")],
    ),
    (
        "— of which compiling Jinja templates",
        [("jinja2/environment.py", "compile")],
        [("jinja2/environment.py", "compile")],
    ),
    (
        "— of which ruff (bare: its post-hooks run inside `build`)",
        [],
        [("openapi_python_client/__init__.py", "_run_post_hooks")],
    ),
    ("ruff, two subprocesses (ours: `generator.formatting`)", [("generator/formatting.py", "format_tree")], []),
    (
        "reading and comparing the trees, swapping the new one in",
        [("generator/output.py", "read_tree"), ("generator/output.py", "replace_directory")],
        [],
    ),
]


def run(repeat: int = DEFAULT_REPEAT, warmup: int = 1, profile: bool = True) -> Section:
    with tempfile.TemporaryDirectory(prefix="bench-generation-") as scratch_name:
        scratch = Path(scratch_name)
        project = copy_project(scratch / "project")
        spec = project / "spec" / "streams.yaml"
        ours_args = ["generate"]
        bare_args: list[str | Path] = ["generate", "--path", spec, "--output-path", scratch / "bare", "--overwrite"]
        series = interleaved(
            {
                OURS: lambda: run_command([SCRIPTS / "streams-codegen", *ours_args], cwd=project).seconds,
                BARE: lambda: (
                    run_command(
                        [SCRIPTS / "openapi-python-client", *bare_args], cwd=scratch, path_prefix=SCRIPTS
                    ).seconds
                ),
            },
            repeat,
            warmup,
        )
        section = Section(
            title="Generation",
            method=METHOD,
            series=list(series.values()),
            ours=OURS,
            baseline=BARE,
        )
        measured = section.ratio or 0.0
        section.targets.append(
            Target(f"ours ≤ {TARGET_RATIO}× the bare CLI's wall time", times(measured), measured <= TARGET_RATIO)
        )
        if profile:
            section.details.append(_profile(project, ours_args, bare_args, scratch))
    return section


def _profile(project: Path, ours_args: list[str], bare_args: list[str | Path], scratch: Path) -> str:
    ours = profile_module(["generator", *ours_args], cwd=project)
    bare = profile_module(["openapi_python_client", *bare_args], cwd=scratch, path_prefix=SCRIPTS)
    rows = [["whole process (profiled)", duration(total(ours)), duration(total(bare))]]
    for what, ours_functions, bare_functions in _STAGES:
        rows.append(
            [
                what,
                duration(cumulative(ours, ours_functions)) if ours_functions else "—",
                duration(cumulative(bare, bare_functions)) if bare_functions else "—",
            ]
        )
    return "\n\n".join(
        [
            "### Where the time goes",
            "One run of each under cProfile (`python -m cProfile -m generator generate` and "
            "`python -m cProfile -m openapi_python_client generate ...`), cumulative time per stage. cProfile "
            "inflates Python code (parsing, rendering) much more than waiting for ruff, so compare the columns "
            "with each other, not with the wall times above.",
            table(["stage", OURS, BARE], rows),
        ]
    )
