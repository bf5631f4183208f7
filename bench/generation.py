"""1. Generation: `streams-codegen generate` against the bare `openapi-python-client generate` CLI."""

from __future__ import annotations

import pstats
import tempfile
from pathlib import Path

from support.project_copy import copy_project

from bench import SCRIPTS
from bench.measure import interleaved, run_command
from bench.profiling import Function, cumulative, profile_module, total
from bench.report import Section, duration, ratio_at_most, table

METHOD = (
    "Both run as a user runs them, as console scripts in fresh processes (so imports count), on the same spec. "
    "Ours regenerates a throw-away copy of the project (lint, code, formatting, reference docs in two languages, "
    "compare and swap); the bare CLI writes the library's default client and runs its default post-hooks, "
    "`ruff check --fix-only` and `ruff format`, with the same pinned ruff (the environment's bin directory leads "
    "PATH)."
)
FINDINGS = (
    "**Findings.** Ours does the library's work and more: lint, its own templates on top of the library's, "
    "reference docs in two languages (more templates, and three more YAML files: the locales and the Korean "
    "overlay), and a comparison with the committed tree. Made for this benchmark, output unchanged: ruff's "
    "binary is run directly instead of through `python -m ruff`; the spec operation behind each endpoint is "
    "found in an index built once instead of a scan per lookup (quadratic; see benchmark 4); YAML is read "
    "with the libyaml event loader of `generator/spec/plain_yaml.py`, and ruamel.yaml's pure-Python round-trip "
    "tree (about half of a build before) is built only when a finding needs a line or `--apply` rewrites "
    "the file; compiled templates are kept in a Jinja bytecode cache in the user's cache directory "
    "(`generator/jinja_cache.py`; about a quarter of a build before), so the first run after a template "
    "changes compiles it and later runs load it. What is left is mostly Python imports (openapi-python-client, "
    "jsonschema and openapi-spec-validator for lint), which the profile above shows."
)
DEFAULT_REPEAT = 10
TARGET_RATIO = 0.8
OURS = "streams-codegen generate"
BARE = "openapi-python-client generate"

# Rows of the profile: (what, functions of ours, functions of the bare CLI). Rows nest where marked.
_STAGES: list[tuple[str, list[Function], list[Function]]] = [
    ("Python imports", [("importlib._bootstrap>", "_find_and_load")], [("importlib._bootstrap>", "_find_and_load")]),
    (
        "reading the spec (ours: libyaml events, round-trip tree only when needed; bare: ruamel.yaml safe)",
        [("generator/spec/loading.py", "load_spec")],
        [("openapi_python_client/__init__.py", "_get_document")],
    ),
    ("lint (ours: `generator.lint`, before generating)", [("generator/lint/stages.py", "lint")], []),
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
        [("jinja2/environment.py", "compile"), ("jinja2/bccache.py", "load_bytecode")],
        [("jinja2/environment.py", "compile")],
    ),
    (
        "— of which ruff (bare: its post-hooks run inside `build`)",
        [],
        [("openapi_python_client/__init__.py", "_run_post_hooks")],
    ),
    (
        "ruff, two subprocesses (ours: `generator.codegen.formatting`)",
        [("generator/codegen/formatting.py", "format_tree")],
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
        section.targets.append(ratio_at_most(section, TARGET_RATIO, "the bare CLI's wall time"))
        if profile:
            section.details.append(_profile(project, ours_args, bare_args, scratch))
    return section


def _profile(project: Path, ours_args: list[str], bare_args: list[str | Path], scratch: Path) -> str:
    ours = profile_module(["generator", *ours_args], cwd=project)
    bare = profile_module(["openapi_python_client", *bare_args], cwd=scratch, path_prefix=SCRIPTS)
    rows = [["whole process (profiled)", duration(total(ours)), duration(total(bare))]]
    for what, ours_functions, bare_functions in _STAGES:
        rows.append([what, _share(ours, ours_functions), _share(bare, bare_functions)])
    return "\n\n".join(
        [
            "### Where the time goes",
            "One run of each under cProfile (`python -m cProfile -m generator generate` and "
            "`python -m cProfile -m openapi_python_client generate ...`), cumulative time per stage and its share "
            "of the whole. cProfile inflates Python code (parsing, rendering) much more than waiting for ruff, so "
            "compare the columns with each other, not with the wall times above.",
            table(["stage", OURS, BARE], rows),
            FINDINGS,
        ]
    )


def _share(stats: pstats.Stats, functions: list[Function]) -> str:
    if not functions:
        return "—"
    seconds = cumulative(stats, functions)
    return f"{duration(seconds)} ({seconds / total(stats):.0%})"
