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

# The translators' untranslated lists, one page per language besides English: generated with the package, but part
# of the toolkit's docs, since the package's users have no use for them.
I18N_DOCS = Path("docs") / "i18n"


def i18n_dir(settings: Settings) -> Path:
    return settings.root / I18N_DOCS


@dataclass(frozen=True)
class Result:
    changes: Changes
    seconds: float
    warnings: list[Finding]  # what lint and the docs' glossary check found that does not stop generation


def build(
    settings: Settings, out_dir: Path, extra_templates: Sequence[Path] = (), i18n_out: Path | None = None
) -> list[Finding]:
    """Write the whole formatted output for the current spec into `out_dir` (which must not exist), and the
    untranslated lists into `i18n_out` when given.

    Lint runs first: its errors raise SpecRejected before anything is written. Its warnings are returned, with
    the glossary check's about the docs pages."""
    spec = load_spec(settings.spec)
    warnings = require_no_errors(lint(spec))
    data = apply_spec_fixes(spec.data)
    names = render_project(data, settings, [*extra_templates, settings.templates], out_dir)
    if settings.changelog.is_file():
        shutil.copyfile(settings.changelog, out_dir / settings.changelog.name)
    format_tree(out_dir)
    warnings += render_docs(spec, names, settings, out_dir, i18n_out)  # after formatting: Markdown is not ruff's
    return warnings


def build_trees(settings: Settings, extra_templates: Sequence[Path] = ()) -> tuple[Tree, Tree]:
    """The output and the untranslated lists as they would be generated now, without touching either."""
    with tempfile.TemporaryDirectory(prefix="streams-codegen-") as scratch:
        out_dir = Path(scratch) / settings.output.name
        i18n_out = Path(scratch) / "i18n"
        build(settings, out_dir, extra_templates, i18n_out)
        return read_tree(out_dir), read_tree(i18n_out)


def build_tree(settings: Settings, extra_templates: Sequence[Path] = ()) -> Tree:
    """The output as it would be generated now, without touching the output directory."""
    return build_trees(settings, extra_templates)[0]


def generate(settings: Settings, extra_templates: Sequence[Path] = ()) -> Result:
    started = time.perf_counter()
    target = settings.output
    target.parent.mkdir(parents=True, exist_ok=True)
    # Build beside the target so the final swap is a rename on one filesystem.
    with tempfile.TemporaryDirectory(prefix=f".{target.name}-", dir=target.parent) as scratch:
        out_dir = Path(scratch) / target.name
        i18n_out = Path(scratch) / "i18n"
        warnings = build(settings, out_dir, extra_templates, i18n_out)
        changes = _swap_in(out_dir, target)
        i18n_changes = _swap_in(i18n_out, i18n_dir(settings))
    return Result(_merged(changes, i18n_changes), time.perf_counter() - started, warnings)


def _swap_in(built: Path, target: Path) -> Changes:
    changes = compare(read_tree(target), read_tree(built))
    if changes or not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        replace_directory(built, target)
    return changes


def _merged(changes: Changes, i18n_changes: Changes) -> Changes:
    """Both sets of changes; the untranslated lists by their path from the project root."""
    where = I18N_DOCS.as_posix()
    return Changes(
        added=changes.added + [f"{where}/{name}" for name in i18n_changes.added],
        changed=changes.changed + [f"{where}/{name}" for name in i18n_changes.changed],
        removed=changes.removed + [f"{where}/{name}" for name in i18n_changes.removed],
    )


@dataclass(frozen=True)
class Check:
    changes: Changes  # from the output directory as it is to what generate would write
    diff: str  # the unified diff of those changes


def check(settings: Settings, extra_templates: Sequence[Path] = ()) -> Check:
    """Whether the output directory holds exactly what `generate` would write, without touching it."""
    fresh, fresh_i18n = build_trees(settings, extra_templates)
    committed, committed_i18n = read_tree(settings.output), read_tree(i18n_dir(settings))
    changes, i18n_changes = compare(committed, fresh), compare(committed_i18n, fresh_i18n)
    where = settings.relative(settings.output).as_posix()
    diff = unified_diff(committed, fresh, changes, where) if changes else ""
    diff += unified_diff(committed_i18n, fresh_i18n, i18n_changes, I18N_DOCS.as_posix()) if i18n_changes else ""
    return Check(_merged(changes, i18n_changes), diff)
