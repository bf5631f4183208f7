"""The main job, end to end: settings -> spec -> lint -> fixes -> rendered package -> formatted tree -> docs."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.codegen.formatting import format_tree
from generator.codegen.project import render_project
from generator.config import Settings
from generator.docs.render import render_docs
from generator.errors import Finding
from generator.lint.stages import lint, require_no_errors
from generator.output import Changes, Tree, compare, read_tree, replace_directory, unified_diff
from generator.spec.fixes import apply_spec_fixes
from generator.spec.loading import load_spec


@dataclass(frozen=True)
class Result:
    changes: Changes
    seconds: float
    warnings: list[Finding]  # what lint and the docs' glossary check found that does not stop generation


def build(
    settings: Settings, out_dir: Path, extra_templates: Sequence[Path] = (), strict: bool = False
) -> list[Finding]:
    """Write the whole formatted output for the current spec into `out_dir` (which must not exist).

    Lint runs first: its errors raise SpecRejected before anything is written (with `strict`, a description
    still to write is one). Its warnings are returned, with the glossary check's about the docs pages."""
    spec = load_spec(settings.spec)
    warnings = require_no_errors(lint(spec, strict))
    data = apply_spec_fixes(spec.data)
    names = render_project(data, settings, [*extra_templates, settings.templates], out_dir)
    if settings.changelog.is_file():
        shutil.copyfile(settings.changelog, out_dir / settings.changelog.name)
    format_tree(out_dir)
    warnings += render_docs(spec, names, settings, out_dir)  # after formatting: Markdown is not ruff's
    return warnings


def build_tree(settings: Settings, extra_templates: Sequence[Path] = (), strict: bool = False) -> Tree:
    """The output as it would be generated now, without touching the output directory."""
    with tempfile.TemporaryDirectory(prefix="streams-codegen-") as scratch:
        out_dir = Path(scratch) / settings.output.name
        build(settings, out_dir, extra_templates, strict)
        return read_tree(out_dir)


def generate(settings: Settings, extra_templates: Sequence[Path] = (), strict: bool = False) -> Result:
    started = time.perf_counter()
    target = settings.output
    target.parent.mkdir(parents=True, exist_ok=True)
    # Build beside the target so the final swap is a rename on one filesystem.
    with tempfile.TemporaryDirectory(prefix=f".{target.name}-", dir=target.parent) as scratch:
        out_dir = Path(scratch) / target.name
        warnings = build(settings, out_dir, extra_templates, strict)
        changes = compare(read_tree(target), read_tree(out_dir))
        if changes or not target.exists():
            replace_directory(out_dir, target)
    return Result(changes, time.perf_counter() - started, warnings)


@dataclass(frozen=True)
class Check:
    changes: Changes  # from the output directory as it is to what generate would write
    diff: str  # the unified diff of those changes


def check(settings: Settings, extra_templates: Sequence[Path] = (), strict: bool = False) -> Check:
    """Whether the output directory holds exactly what `generate` would write, without touching it."""
    fresh = build_tree(settings, extra_templates, strict)
    committed = read_tree(settings.output)
    changes = compare(committed, fresh)
    where = settings.relative(settings.output).as_posix()
    return Check(changes, unified_diff(committed, fresh, changes, where) if changes else "")
