"""The spec-change jobs end to end, as pipeline.py is for generation; the command line only prints
their results.

- `upstream_diff`: our spec against a full upstream spec; with `apply`, upstream's facts written into ours,
  then lint on the result.
- `compare_specs`: the classified changes between two of our specs; with `record`, a changelog entry and
  the version bump.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.config import Settings
from generator.errors import CodegenError, Finding
from generator.evolve.api_diff import Change, diff_specs
from generator.evolve.changelog import Release, record_release
from generator.evolve.normal_form import normal_form
from generator.evolve.upstream import extract, load_upstream, pair_operations
from generator.spec.loading import Spec, load_spec


@dataclass(frozen=True)
class UpstreamDiff:
    changes: list[Change]
    applied: bool = False
    descriptions_needed: list[str] = field(default_factory=list)  # `file:line` of each description to write
    findings: list[Finding] = field(default_factory=list)  # lint of the applied spec (only with apply)


def upstream_diff(settings: Settings, upstream_path: Path, operation_name: str | None, apply: bool) -> UpstreamDiff:
    spec = load_spec(settings.spec)
    upstream = load_upstream(upstream_path)
    pairs = pair_operations(spec.data, upstream, operation_name, upstream_path)
    fragment = extract(upstream, pairs, upstream_path)
    try:
        changes = diff_specs(normal_form(spec.data, spec.path), normal_form(fragment, upstream_path))
    except KeyError as err:  # neither side is linted here (lint's validators would double the time): a $ref that
        # leads nowhere or in a circle is one line
        ours = settings.relative(spec.path)
        raise CodegenError(f"unresolved or circular $ref {err} in {ours} or here", upstream_path) from None
    if not apply:
        return UpstreamDiff(changes)

    # Only apply writes and lints: the plain report does without their modules.
    from generator.evolve.apply import apply_upstream
    from generator.lint.stages import lint

    needed: list[str] = []
    if changes:
        applied = apply_upstream(spec, fragment)
        spec = _write_spec(settings, applied.text)
        where = settings.relative(settings.spec)
        needed = [f"{where}:{spec.position_of((*at, 'description'))[0]}" for at in applied.placeholders]
    # Upstream's new facts can break our curation (a missing override, an example that no longer fits): the
    # applied spec stays for the maintainer to finish, and lint says what is left to do, on every apply, so
    # that applying again does not report success while the spec is still unfinished.
    return UpstreamDiff(changes, applied=bool(changes), descriptions_needed=needed, findings=lint(spec))


def _write_spec(settings: Settings, text: str) -> Spec:
    """Write the spec; returns it as loaded back. A merge that breaks YAML is our bug: it is undone."""
    original = settings.spec.read_text(encoding="utf-8")
    settings.spec.write_text(text, encoding="utf-8")
    try:
        return load_spec(settings.spec)
    except CodegenError:
        settings.spec.write_text(original, encoding="utf-8")
        raise


@dataclass(frozen=True)
class SpecComparison:
    changes: list[Change]
    release: Release | None = None  # with record: the changelog entry's version, and whether it was written


def compare_specs(settings: Settings, old_path: Path, new_path: Path, record: bool) -> SpecComparison:
    from generator.lint.stages import require_no_errors, shape_findings

    old, new = load_spec(old_path), load_spec(new_path)
    for spec in (old, new):  # the comparison walks both: a broken one is reported, not a traceback
        require_no_errors(shape_findings(spec))
    changes = diff_specs(normal_form(old.data, old.path), normal_form(new.data, new.path))
    if not record or not changes:
        return SpecComparison(changes)
    return SpecComparison(changes, record_release(settings, changes))
