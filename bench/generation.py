"""1. Generation: `streams-codegen generate` against the bare `openapi-python-client generate` CLI."""

from __future__ import annotations

import itertools
import pstats
import tempfile
from pathlib import Path

from support.project_copy import copy_project

from bench import SCRIPTS
from bench.measure import Series, interleaved, ratio, run_command
from bench.profiling import Function, cumulative, profile_module, total
from bench.report import Section, Target, duration, table, times
from generator.cache.store import CACHE_DIR_VARIABLE
from generator.forked import FORK_VARIABLE

METHOD = (
    "All run as a user runs them, as console scripts in fresh processes (so imports count), on the same spec, "
    "alternating. Ours regenerates a throw-away copy of the project (lint, code, formatting, reference docs in two "
    "languages, compare and swap) twice over: in one copy the spec is edited before every run (a comment appended, "
    "so nothing recorded of the run before applies), in the other nothing changes between runs. Ours keeps its "
    "caches in a folder of the benchmark's (`STREAMS_CODEGEN_CACHE_DIR`), warmed by the warm-up round. The bare "
    "CLI writes the library's default client and runs its default post-hooks, `ruff check --fix-only` and "
    "`ruff format`, with the same pinned ruff (the environment's bin directory leads PATH)."
)
FINDINGS = (
    "**Findings.** Ours does the library's work and more: lint, its own templates on top of the library's, "
    "reference docs in two languages (more templates, and three more YAML files: the locales and the Korean "
    "overlay), and a comparison with the committed tree. Made for this benchmark, output unchanged: ruff's "
    "binary is run directly instead of through `python -m ruff`, and only on the files whose output it has not "
    "given before; the spec operation behind each endpoint is found in an index built once instead of a scan "
    "per lookup (quadratic; see benchmark 4); YAML and the positions findings print are read from libyaml's "
    "events (`generator/spec/plain_yaml.py`, `positions.py`); compiled templates are kept in a checksummed "
    "Jinja bytecode cache (`generator/jinja_cache.py`); httpx and httpcore, which openapi-python-client imports "
    "only to download specs, are never loaded (`generator/codegen/__init__.py`), nor is openapi-spec-validator "
    "(lint reads its OAS 3.0 schema as data); on Linux the client renders in a forked child while lint runs "
    "(`generator/forked.py`; the profile above is of a run in one process); ruff formats the code while the "
    "docs render beside it; lint is skipped when the spec, templates and toolkit are those of the last clean "
    "lint (its warnings are replayed), and with nothing changed the check record answers (docs/benchmarks.md); "
    "the console script exits without tearing the interpreter down (a sixth of the run, after the work was "
    "done), and a forked child freezes the heap it inherited so that its collections skip it. What is left is "
    "mostly Python imports (openapi-python-client and pydantic) and the docs."
)
DEFAULT_REPEAT = 10
TARGET_EDITED = 0.9
TARGET_UNCHANGED = 0.75
OURS_EDITED = "streams-codegen generate, spec edited"
OURS_UNCHANGED = "streams-codegen generate, nothing changed"
BARE = "openapi-python-client generate"
_EDIT_MARK = "\n# bench edit "

# Rows of the profile: (what, functions of ours, functions of the bare CLI). Rows nest where marked.
_STAGES: list[tuple[str, list[Function], list[Function]]] = [
    ("Python imports", [("importlib._bootstrap>", "_find_and_load")], [("importlib._bootstrap>", "_find_and_load")]),
    (
        "reading the spec (ours: libyaml events, round-trip tree only when needed; bare: ruamel.yaml safe)",
        [("generator/spec/loading.py", "load_spec")],
        [("openapi_python_client/__init__.py", "_get_document")],
    ),
    (
        "lint (ours: `generator.lint`, before generating; skipped when the inputs are those of the last clean lint)",
        [("generator/lint/stages.py", "lint")],
        [],
    ),
    (
        "the library's parser (`GeneratorData.from_dict`)",
        [("openapi_python_client/parser/openapi.py", "from_dict")],
        [("openapi_python_client/parser/openapi.py", "from_dict")],
    ),
    (
        "rendering and writing files (`Project.build`; ours adds its extra files)",
        [("generator/codegen/project.py", "build")],
        [("openapi_python_client/__init__.py", "build")],
    ),
    (
        "— of which compiling Jinja templates (ours: loading them from the bytecode cache once it is warm)",
        [("jinja2/environment.py", "compile"), ("generator/jinja_cache.py", "load_bytecode")],
        [("jinja2/environment.py", "compile")],
    ),
    (
        "— of which ruff (bare: its post-hooks run inside `build`)",
        [],
        [("openapi_python_client/__init__.py", "_run_post_hooks")],
    ),
    (
        "ruff, two subprocesses (ours: waiting for them once the docs are rendered, which they overlap)",
        [("generator/codegen/formatting.py", "formatting_meanwhile")],
        [],
    ),
    ("reference docs (ours: `generator.docs`, English and Korean)", [("generator/docs/render.py", "render_docs")], []),
    (
        "reading and comparing the trees, swapping the new one in",
        [("generator/output/trees.py", "read_tree"), ("generator/output/swap.py", "swap_in")],
        [],
    ),
]


def run(repeat: int = DEFAULT_REPEAT, warmup: int = 1, profile: bool = True) -> Section:
    with tempfile.TemporaryDirectory(prefix="bench-generation-") as scratch_name:
        scratch = Path(scratch_name)
        edited, unchanged = copy_project(scratch / "edited"), copy_project(scratch / "unchanged")
        spec = unchanged / "spec" / "streams.yaml"
        caches = {CACHE_DIR_VARIABLE: str(scratch / "caches")}  # the bench's own, not the user's
        ours_args = ["generate"]
        bare_args: list[str | Path] = ["generate", "--path", spec, "--output-path", scratch / "bare", "--overwrite"]
        edits = itertools.count()

        def ours(project: Path) -> float:
            return run_command([SCRIPTS / "streams-codegen", *ours_args], cwd=project, variables=caches).seconds

        def after_an_edit() -> float:
            _edit(edited / "spec" / "streams.yaml", next(edits))
            return ours(edited)

        series = interleaved(
            {
                OURS_EDITED: after_an_edit,
                OURS_UNCHANGED: lambda: ours(unchanged),
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
            ours=OURS_EDITED,
            baseline=BARE,
        )
        section.targets += [
            _at_most(series, OURS_EDITED, TARGET_EDITED),
            _at_most(series, OURS_UNCHANGED, TARGET_UNCHANGED),
        ]
        if profile:
            _edit(edited / "spec" / "streams.yaml", next(edits))  # the profile shows every stage, lint included
            section.details.append(_profile(edited, ours_args, bare_args, scratch, caches))
    return section


def _edit(spec: Path, number: int) -> None:
    """A change to the spec's bytes, so that nothing recorded of the previous run applies."""
    text = spec.read_text(encoding="utf-8").split(_EDIT_MARK)[0]
    spec.write_text(f"{text}{_EDIT_MARK}{number}\n", encoding="utf-8")


def _at_most(series: dict[str, Series], label: str, limit: float) -> Target:
    measured = ratio(series[label], series[BARE])
    return Target(f"{label} ≤ {limit}× the bare CLI", times(measured), measured <= limit)


def _profile(
    project: Path, ours_args: list[str], bare_args: list[str | Path], scratch: Path, caches: dict[str, str]
) -> str:
    # In one process: cProfile would not see the render in the child that generation forks beside lint.
    ours = profile_module(["generator", *ours_args], cwd=project, variables={**caches, FORK_VARIABLE: "off"})
    bare = profile_module(["openapi_python_client", *bare_args], cwd=scratch, path_prefix=SCRIPTS)
    rows = [["whole process (profiled)", duration(total(ours)), duration(total(bare))]]
    for what, ours_functions, bare_functions in _STAGES:
        rows.append([what, _share(ours, ours_functions), _share(bare, bare_functions)])
    return "\n\n".join(
        [
            "### Where the time goes",
            "One run of each under cProfile (`python -m cProfile -m generator generate`, with "
            "`STREAMS_CODEGEN_FORK=off` so that the render lint overlaps runs where the profiler sees it, and "
            "`python -m cProfile -m openapi_python_client generate ...`), cumulative time per stage and its share "
            "of the whole. cProfile inflates Python code (parsing, rendering) much more than waiting for ruff, so "
            "compare the columns with each other, not with the wall times above.",
            table(["stage", OURS_EDITED, BARE], rows),
            FINDINGS,
        ]
    )


def _share(stats: pstats.Stats, functions: list[Function]) -> str:
    if not functions:
        return "—"
    seconds = cumulative(stats, functions)
    return f"{duration(seconds)} ({seconds / total(stats):.0%})"
