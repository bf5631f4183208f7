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
from generator.evolve.normal_form import normal_form, ours_only
from generator.evolve.upstream import extract, load_upstream, pair_operations
from generator.spec.loading import Spec, dump_spec, load_spec
from generator.spec.translations import remove_orphans, translation_files
from generator.spec.vocabulary import (
    OPERATION_NAME,
    GeneratedNames,
    OperationKey,
    client_operation_name,
    generated_names,
    operations,
)


@dataclass(frozen=True)
class UpstreamDiff:
    changes: list[Change]
    notes: list[str] = field(default_factory=list)  # what differs from upstream by our choice, such as a name
    applied: bool = False
    descriptions_needed: list[str] = field(default_factory=list)  # `file:line` of each description to write
    options_dropped: list[str] = field(default_factory=list)  # x-codegen-cli options whose field went
    translations_removed: list[tuple[str, str]] = field(default_factory=list)  # (file, pointer) of each removed
    findings: list[Finding] = field(default_factory=list)  # lint of the applied spec (only with apply)


def upstream_diff(settings: Settings, upstream_path: Path, named: list[str], apply: bool) -> UpstreamDiff:
    spec = load_spec(settings.spec)
    upstream = load_upstream(upstream_path)
    pairs = pair_operations(spec.data, upstream, named, upstream_path)
    fragment = extract(upstream, list(pairs.values()), upstream_path)
    # The names our users see once upstream's facts are in: our own x-codegen-* extensions stay.
    theirs = {
        upstream_key: GeneratedNames.of({**fragment_operation, **ours_only(operations(spec.data)[our_key])})
        for our_key, upstream_key in pairs.items()
        for fragment_operation in [operations(fragment)[upstream_key]]
    }
    names = (generated_names(spec.data), theirs)
    try:
        changes = diff_specs(normal_form(spec.data, spec.path), normal_form(fragment, upstream_path), names, pairs)
    except KeyError as err:  # neither side is linted here (lint's validators would double the time): a $ref that
        # leads nowhere or in a circle is one line
        ours = settings.relative(spec.path)
        raise CodegenError(f"unresolved or circular $ref {err} in {ours} or here", upstream_path) from None
    notes = [
        f"{our_key}: upstream names it {client_operation_name(operations(fragment)[upstream_key])!r}; "
        f"{OPERATION_NAME} keeps {names[0][our_key].function!r}"
        for our_key, upstream_key in pairs.items()
        if client_operation_name(operations(fragment)[upstream_key]) != names[0][our_key].function
    ]
    if not apply:
        return UpstreamDiff(changes, notes)

    # Only apply writes and lints: the plain report does without their modules.
    from generator.evolve.apply import apply_upstream
    from generator.lint.stages import lint

    needed: list[str] = []
    dropped: list[str] = []
    if changes:
        applied = apply_upstream(spec, fragment, pairs)
        spec = _write_spec(settings, applied.text)
        where = settings.relative(settings.spec)
        needed = [f"{where}:{spec.position_of(at)[0]}" for at in applied.placeholders]
        dropped = applied.dropped_options
    # Translations of texts the spec no longer has would stop generation; they go, whatever the run changed.
    removed = [
        (str(settings.relative(path)), pointer)
        for path in translation_files(settings.spec)
        for pointer in remove_orphans(spec.data, path)
    ]
    # Upstream's new facts can break our curation (a missing override, an example that no longer fits): the
    # applied spec stays for the maintainer to finish, and lint says what is left to do, on every apply, so
    # that applying again does not report success while the spec is still unfinished.
    return UpstreamDiff(changes, notes, bool(changes), needed, dropped, removed, lint(spec))


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
    names = (generated_names(old.data), generated_names(new.data))
    changes = diff_specs(normal_form(old.data, old.path), normal_form(new.data, new.path), names)
    if not record or not changes:
        return SpecComparison(changes)
    return SpecComparison(changes, record_release(settings, changes))


@dataclass(frozen=True)
class CurateResult:
    key: OperationKey
    name: str  # the generated function's name (x-codegen-operation-name), for add
    components: list[str]  # `section/name` of each component added or removed
    descriptions_needed: list[str] = field(default_factory=list)  # `file:line` of each description to write
    translations_removed: list[tuple[str, str]] = field(default_factory=list)  # (file, pointer)
    findings: list[Finding] = field(default_factory=list)  # lint of the curated spec


def curate_add(settings: Settings, upstream_path: Path, name: str) -> CurateResult:
    from generator.evolve.curate import add_operation
    from generator.lint.stages import lint

    curated = add_operation(load_spec(settings.spec), load_upstream(upstream_path), name, upstream_path)
    spec = _write_spec(settings, curated.applied.text)
    where = settings.relative(settings.spec)
    needed = [f"{where}:{spec.position_of(at)[0]}" for at in curated.applied.placeholders]
    return CurateResult(curated.key, curated.name, curated.components, needed, [], lint(spec))


def curate_remove(settings: Settings, name: str) -> CurateResult:
    from generator.evolve.curate import remove_operation
    from generator.lint.stages import lint

    spec = load_spec(settings.spec)
    key, removed = remove_operation(spec, name)
    spec = _write_spec(settings, dump_spec(spec.tree))
    translations = [
        (str(settings.relative(path)), pointer)
        for path in translation_files(settings.spec)
        for pointer in remove_orphans(spec.data, path)
    ]
    return CurateResult(key, name, removed, [], translations, lint(spec))
