"""The main job, end to end: settings -> spec -> lint -> fixes -> rendered package -> formatted tree -> docs."""

from __future__ import annotations

import contextlib
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.cache.lint_record import LintRecord
from generator.codegen.formatting import formatting_meanwhile
from generator.codegen.templates import reserved_names
from generator.config import I18N_DOCS, Settings, refuse_unsafe_output
from generator.docs.locales import BASE_LOCALE, strings_path
from generator.docs.render import render_docs
from generator.errors import Finding
from generator.forked import Forked, Tell
from generator.names import PythonNames
from generator.output.ownership import refuse_foreign, write_marker
from generator.output.swap import OutputPlace, filesystem_error, locked_output, new_scratch, remove, swap_in
from generator.output.trees import Changes, Tree, compare, read_regular_file, read_tree, unified_diff
from generator.spec.fixes import apply_spec_fixes
from generator.spec.loading import Spec, load_spec
from generator.spec.python_naming import Reserved
from generator.spec.translations import translation_files


def i18n_dir(settings: Settings) -> Path:
    return settings.root / I18N_DOCS


@dataclass(frozen=True)
class Result:
    changes: Changes
    seconds: float
    warnings: list[Finding]  # what lint and the docs' glossary check found that does not stop generation


def build(
    settings: Settings,
    out_dir: Path,
    extra_templates: Sequence[Path] = (),
    strict: bool = False,
    i18n_out: Path | None = None,
    lint_record: LintRecord | None = None,
) -> list[Finding]:
    """Write the whole formatted output for the current spec into `out_dir` (which must not exist), and the
    untranslated lists into `i18n_out` when given.

    Lint's errors raise SpecRejected before anything rendered is used (with `strict`, a description still to
    write is one). Its warnings are returned, with the glossary check's about the docs pages. With a
    `lint_record` of a clean lint of the same inputs, its warnings stand for lint's."""
    layers = [*extra_templates, settings.templates]
    reserved = reserved_names(layers)  # reads every template first: one not in UTF-8 is one line
    spec = load_spec(settings.spec)
    docs_dir = _docs_dir(out_dir)
    # Beside lint, a child renders the client (generator/forked.py); it tells the Python names as soon as it has
    # them, and the docs render meanwhile: the base locale's here, the translations in a second child. Lint's
    # errors win over anything the children do, and stop them.
    rendering: Forked[PythonNames] = Forked(
        lambda tell: _render_client(apply_spec_fixes(spec.data), settings, layers, reserved, out_dir, tell)
    )
    translated: Forked[list[Finding]] | None = None
    try:
        warnings = _lint_warnings(spec, reserved, strict, lint_record)
        names: PythonNames = rendering.told()
        translated = Forked(lambda _: render_docs(spec, names, settings, docs_dir, i18n_out, part="translations"))
        warnings += render_docs(spec, names, settings, docs_dir, i18n_out, part="base")
        rendering.result()
        write_marker(out_dir)
        if settings.changelog.exists() or settings.changelog.is_symlink():
            # Its bytes land in the output, which check prints: a link (to /proc/self/environ) is not followed.
            (out_dir / settings.changelog.name).write_bytes(read_regular_file(settings.changelog))
        with formatting_meanwhile(out_dir):
            warnings += translated.result()
    except BaseException:
        rendering.cancel()
        if translated is not None:
            translated.cancel()
        raise
    for rendered in sorted(docs_dir.iterdir()):
        rendered.rename(out_dir / rendered.name)
    docs_dir.rmdir()
    if i18n_out is not None:
        write_marker(i18n_out)
    return warnings


def _render_client(
    data: dict[str, Any], settings: Settings, layers: list[Path], reserved: Reserved, out_dir: Path, tell: Tell
) -> PythonNames:
    # openapi-python-client is imported here, in the child where one is forked: beside lint, not before it.
    from generator.codegen.project import render_project

    return render_project(data, settings, layers, reserved, out_dir, on_names=tell)


def _docs_dir(out_dir: Path) -> Path:
    """Where the docs pages are built: beside the code, moved in after ruff, which would reformat their code
    blocks."""
    return out_dir.with_name(f"{out_dir.name}.docs")


def _lint_warnings(spec: Spec, reserved: Reserved, strict: bool, lint_record: LintRecord | None) -> list[Finding]:
    known = lint_record.warnings() if lint_record else None
    if known is not None:
        return known
    from generator.lint.stages import lint, require_no_errors  # its validators load only when it runs

    warnings = require_no_errors(lint(spec, reserved, strict))
    if lint_record:
        lint_record.remember(warnings)
    return warnings


def build_trees(
    settings: Settings,
    extra_templates: Sequence[Path] = (),
    strict: bool = False,
    lint_record: LintRecord | None = None,
) -> tuple[Tree, Tree]:
    """The output and the untranslated lists as they would be generated now, without touching either."""
    with tempfile.TemporaryDirectory(prefix="streams-codegen-") as scratch:
        out_dir, i18n_out = Path(scratch) / settings.output.name, Path(scratch) / "i18n"
        with _filesystem_errors_reported(out_dir, settings.output):
            build(settings, out_dir, extra_templates, strict, i18n_out, lint_record)
        return read_tree(out_dir), read_tree(i18n_out)


def build_tree(settings: Settings, extra_templates: Sequence[Path] = (), strict: bool = False) -> Tree:
    """The output as it would be generated now, without touching the output directory."""
    return build_trees(settings, extra_templates, strict)[0]


def _no_wait() -> None:
    pass


def generate(
    settings: Settings,
    extra_templates: Sequence[Path] = (),
    strict: bool = False,
    on_wait: Callable[[], None] = _no_wait,
    lint_record: LintRecord | None = None,
) -> Result:
    """Regenerate the output directory; `on_wait` is called when another run holds it, before waiting."""
    started = time.perf_counter()
    target = settings.output
    _refuse_unsafe_output(settings, extra_templates)
    # Both outputs are locked and checked before either is replaced: a failure leaves both as they were.
    with locked_output(target, on_wait) as place, locked_output(i18n_dir(settings), on_wait) as i18n_place:
        refuse_foreign(target)
        refuse_foreign(i18n_place.target)
        old, old_i18n = read_tree(target), read_tree(i18n_place.target)
        # Built beside the target, so that the swap is a rename on one filesystem.
        scratch = new_scratch(place)
        try:
            with _filesystem_errors_reported(scratch / target.name, target):
                warnings = build(
                    settings, scratch / target.name, extra_templates, strict, scratch / "i18n", lint_record
                )
                changes = _swap_in_if_changed(old, scratch / target.name, place)
                i18n_changes = _swap_in_if_changed(old_i18n, scratch / "i18n", i18n_place)
        finally:
            remove(scratch)
    return Result(_merged(changes, i18n_changes), time.perf_counter() - started, warnings)


def _swap_in_if_changed(old: Tree, built: Path, place: OutputPlace) -> Changes:
    changes = compare(old, read_tree(built))
    if changes or not place.target.exists():
        swap_in(built, place)
    return changes


def _merged(changes: Changes, i18n_changes: Changes) -> Changes:
    """Both sets of changes; the untranslated lists by their path from the project root."""
    where = I18N_DOCS.as_posix()
    return Changes(
        added=changes.added + [f"{where}/{name}" for name in i18n_changes.added],
        changed=changes.changed + [f"{where}/{name}" for name in i18n_changes.changed],
        removed=changes.removed + [f"{where}/{name}" for name in i18n_changes.removed],
    )


def _refuse_unsafe_output(settings: Settings, extra_templates: Sequence[Path]) -> None:
    strings = sorted(strings_path(settings.templates, BASE_LOCALE).parent.glob("*.yaml"))
    locale_files = [("a locale file", path) for path in [*strings, *translation_files(settings.spec)]]
    layers = [("a template folder", layer) for layer in extra_templates]
    refuse_unsafe_output(settings, [*settings.inputs(), *layers, *locale_files])


@contextlib.contextmanager
def _filesystem_errors_reported(out_dir: Path, output: Path) -> Iterator[None]:
    """A full disk, a read-only directory or a file name too long for the filesystem: one line naming the file
    as it would be in the output (or else the output), not a traceback. `out_dir` is where it is being built."""
    try:
        yield
    except OSError as err:
        where = Path(err.filename) if isinstance(err.filename, str) else out_dir
        for built in (out_dir, _docs_dir(out_dir)):  # the docs are built beside the code, then moved in
            if where == built or built in where.parents:
                where = output / where.relative_to(built)
                break
        raise filesystem_error("cannot write the output", where, err) from None


@dataclass(frozen=True)
class Check:
    changes: Changes  # from the output directory as it is to what generate would write
    diff: str  # the unified diff of those changes


def check(
    settings: Settings,
    extra_templates: Sequence[Path] = (),
    strict: bool = False,
    on_wait: Callable[[], None] = _no_wait,
    lint_record: LintRecord | None = None,
) -> Check:
    """Whether the output directory holds exactly what `generate` would write, without changing it (beyond
    repairing what an interrupted generate left). With `lint_record`, as in `build`."""
    _refuse_unsafe_output(settings, extra_templates)
    committed = _committed_tree(settings.output, on_wait)  # first: a link in it fails before the slow build
    committed_i18n = _committed_tree(i18n_dir(settings), on_wait)
    fresh, fresh_i18n = build_trees(settings, extra_templates, strict, lint_record)
    changes, i18n_changes = compare(committed, fresh), compare(committed_i18n, fresh_i18n)
    where = settings.relative(settings.output).as_posix()
    diff = unified_diff(committed, fresh, changes, where) if changes else ""
    diff += unified_diff(committed_i18n, fresh_i18n, i18n_changes, I18N_DOCS.as_posix()) if i18n_changes else ""
    return Check(_merged(changes, i18n_changes), diff)


def _committed_tree(target: Path, on_wait: Callable[[], None]) -> Tree:
    if not target.parent.is_dir():
        return {}
    with locked_output(target, on_wait):
        refuse_foreign(target)
        return read_tree(target)
