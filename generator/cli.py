"""`streams-codegen`: the command line. Exit codes: 0 done (or nothing differs), 1 something differs
(check, upstream-diff, changes, templates) or lint has findings, 2 bad input (on stderr, one line per
problem naming file, line and column)."""

from __future__ import annotations

import argparse
import atexit
import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, TypeVar

from generator import __version__
from generator.config import Settings, find_pyproject, load_settings
from generator.errors import CodegenError, Finding, as_typed

# Each command imports the modules it runs inside its function: loaded here, lint's validators
# (openapi-spec-validator, pydantic: a quarter second) and openapi-python-client (most of a second)
# would slow `--help` and every command that does not use them.
if TYPE_CHECKING:
    from generator.evolve.api_diff import Change
from generator.spec.vocabulary import DESCRIPTION_PLACEHOLDER

FIX_COMMAND = "make generate"
T = TypeVar("T")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    stdout = sys.stdout
    sys.stdout = _QuietOnceReaderLeaves(stdout)
    try:
        settings = load_settings(args.config or find_pyproject(Path.cwd()))
        status = int(args.run(settings, args))
        sys.stdout.flush()
        return status
    except CodegenError as err:
        print(err, file=sys.stderr)
        return 2
    finally:
        sys.stdout = stdout


def run() -> NoReturn:
    """The console script: main(), then an exit that skips tearing the interpreter down.

    Freeing every module and object one at a time takes a sixth of a `generate`, and by then nothing is left to
    do: files are closed, children reaped, output written. Exit handlers still run. With a thread still running
    (none of ours is) the exit is the ordinary one, which waits for it. `python -m generator` exits the ordinary
    way, so that a profiler wrapped around it can write its report."""
    status = main()
    if threading.active_count() > 1:
        sys.exit(status)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # None: started with the descriptor closed
                stream.flush()
        except (OSError, ValueError):  # closed since: the interpreter's own exit could not flush it either
            pass
    os._exit(status)


class _QuietOnceReaderLeaves:
    """Standard output that goes quiet when its reader stops early (`streams-codegen check | head`): the
    command still runs to its end and exits with its own status (1 for a stale tree), not a traceback or 0."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._reader_left = False

    def write(self, text: str) -> int:
        return self._quietly(lambda: self._stream.write(text), len(text))

    def flush(self) -> None:
        self._quietly(self._stream.flush, None)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def _quietly(self, action: Callable[[], T], instead: T) -> T:
        if self._reader_left:
            return instead
        try:
            return action()
        except BrokenPipeError:
            self._reader_left = True
            # The interpreter flushes stdout once more at exit: let that go to devnull, not the closed pipe.
            os.dup2(os.open(os.devnull, os.O_WRONLY), self._stream.fileno())
            return instead


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="streams-codegen", description="Generate the atlas-streams-client package from spec/streams.yaml."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--config", type=Path, help="pyproject.toml holding [tool.streams-codegen] (default: nearest)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    generate = commands.add_parser("generate", help="lint the spec, then regenerate the output directory from it")
    _add_template_layers(generate)
    _add_strict(generate)
    _add_full(generate, "always regenerate, even when the record says the output is what these inputs give")
    generate.set_defaults(run=_generate)

    check = commands.add_parser("check", help="fail with a diff if the output directory is not what generate writes")
    _add_template_layers(check)
    _add_strict(check)
    _add_full(check, "always regenerate to compare, never answer from the record of the last verified generation")
    check.set_defaults(run=_check)

    lint_command = commands.add_parser("lint", help="report every problem of the spec with its line and column")
    lint_command.add_argument("--spec", type=Path, help="the spec to check (default: the configured spec)")
    lint_command.set_defaults(run=_lint)

    upstream_diff = commands.add_parser(
        "upstream-diff", help="compare the spec with a full upstream Atlas spec; --apply writes upstream's facts in"
    )
    upstream_diff.add_argument("--upstream", type=Path, required=True, help="a full Atlas Admin API v2 spec (YAML)")
    upstream_diff.add_argument(
        "--operation",
        metavar="[OURS=]UPSTREAM",
        action="append",
        default=[],
        help="pair one of our operations with upstream's (operationId or override), if it moved and was renamed;"
        " OURS may be left out when the spec has one operation (repeatable)",
    )
    upstream_diff.add_argument("--apply", action="store_true", help="write upstream's changes into the spec")
    _add_format(upstream_diff)
    upstream_diff.set_defaults(run=_upstream_diff)

    changes = commands.add_parser("changes", help="the classified API changes between two versions of the spec")
    changes.add_argument("old", type=Path, help="the earlier spec, e.g. from `git show HEAD~3:spec/streams.yaml`")
    changes.add_argument("new", type=Path, nargs="?", help="the later spec (default: the configured spec)")
    changes.add_argument(
        "--changelog", action="store_true", help="add a CHANGELOG entry and bump package-version to match"
    )
    _add_format(changes)
    changes.set_defaults(run=_changes)

    curate = commands.add_parser("curate", help="add, remove or list the operations the spec curates")
    curate_actions = curate.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = curate_actions.add_parser(
        "add", help="cut an operation and what it reaches out of a full upstream spec and merge it into the spec"
    )
    add.add_argument("operation", metavar="OPERATION", help="upstream's operationId or x-xgen-operation-id-override")
    add.add_argument("--upstream", type=Path, required=True, help="a full Atlas Admin API v2 spec (YAML)")
    add.set_defaults(run=_curate_add)
    remove = curate_actions.add_parser("remove", help="remove an operation and every component nothing else reaches")
    remove.add_argument("operation", metavar="OPERATION", help="its operationId or the name of its function")
    remove.set_defaults(run=_curate_remove)
    listing = curate_actions.add_parser("list", help="list our operations, and with --upstream the others on offer")
    listing.add_argument("--upstream", type=Path, help="a full Atlas Admin API v2 spec: also list its other operations")
    listing.set_defaults(run=_curate_list)

    dist = commands.add_parser(
        "dist", help="build the output directory's wheel and sdist, the same bytes on any machine, and print sha256s"
    )
    dist.add_argument("--out", type=Path, help="where to put them (default: dist/ in the project)")
    dist.set_defaults(run=_dist)

    templates = commands.add_parser("templates", help="list the templates in use; `templates eject NAME` copies one")
    _add_template_layers(templates)
    templates.set_defaults(run=_templates)
    actions = templates.add_subparsers(dest="action", metavar="ACTION")
    eject = actions.add_parser(
        "eject", help="copy the template that wins for NAME (ours, else the library's) into a folder, ready to edit"
    )
    eject.add_argument("name", help="template name as `streams-codegen templates` lists it")
    eject.add_argument("--into", type=Path, help="the template folder to copy into (default: templates/)")
    eject.add_argument(
        "--original", action="store_true", help="copy openapi-python-client's own template, not our override of it"
    )
    eject.set_defaults(run=_eject)
    return parser


def _add_template_layers(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--templates",
        dest="template_layers",
        metavar="DIR",
        type=Path,
        action="append",
        default=[],
        help="a team's template folder, searched before templates/ (repeatable; first match wins)",
    )


def _add_strict(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--strict", action="store_true", help="refuse a description still to write (TODO: describe), as a release must"
    )


def _add_full(command: argparse.ArgumentParser, help: str) -> None:
    command.add_argument("--full", action="store_true", help=help)


def _add_format(command: argparse.ArgumentParser) -> None:
    command.add_argument("--format", choices=("text", "json"), default="text", help="report format (default: text)")


def _template_layers(settings: Settings, args: argparse.Namespace) -> list[Path]:
    for layer in args.template_layers:
        if not layer.is_dir():
            raise CodegenError("template folder not found", layer, hint="pass an existing folder to --templates")
    return [*args.template_layers, settings.templates]


# --------------------------------------------------------------------------- generation


def _generate(settings: Settings, args: argparse.Namespace) -> int:
    from generator import pipeline
    from generator.cache import check_record
    from generator.cache.lint_record import LintRecord

    layers = _template_layers(settings, args)
    where = settings.relative(settings.output)
    inputs = check_record.inputs_of(settings, layers[:-1], args.strict)
    lint_record = LintRecord(inputs) if inputs else None
    # Like make: outputs the record vouches for are what a run would write again. The warnings of the run that
    # wrote them are printed again; a record from `check`, which knows none, does not answer.
    verified = check_record.verified(settings, inputs) if inputs and not args.full else None
    if verified is not None and verified.warnings is not None:
        for warning in verified.warnings:
            print(warning, file=sys.stderr)
        print(f"generated {where}: nothing to write, the inputs are those of the run verified at {verified.at}")
        return 0
    result = pipeline.generate(settings, layers[:-1], args.strict, _waiting_notice(settings), lint_record)
    if inputs is not None:
        check_record.remember(settings, inputs, result.warnings)
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    print(f"generated {where}: {result.changes.summary()} in {result.seconds:.2f} s")
    return 0


def _waiting_notice(settings: Settings) -> Callable[[], None]:
    def notice() -> None:
        where = settings.relative(settings.output)
        print(f"{where}: another streams-codegen run is using it; waiting for it to finish", file=sys.stderr)

    return notice


def _fix_command(args: argparse.Namespace) -> str:
    """The command that writes what `check` compared against: `make generate` runs plain generate."""
    if not args.template_layers and not args.strict:
        return FIX_COMMAND
    options = [*(f"--templates {layer}" for layer in args.template_layers), *(["--strict"] if args.strict else [])]
    return " ".join(["streams-codegen", "generate", *options])


def _lint(settings: Settings, args: argparse.Namespace) -> int:
    from generator.codegen.templates import reserved_names  # reads the templates; does not load the library
    from generator.lint.stages import lint
    from generator.spec.loading import load_spec

    findings = lint(load_spec(args.spec or settings.spec), reserved_names([settings.templates]))
    for finding in findings:
        print(finding)
    return 1 if findings else 0


def _check(settings: Settings, args: argparse.Namespace) -> int:
    # Imported alone first: answering from the record must not load the pipeline (most of a second).
    from generator.cache import check_record

    layers = _template_layers(settings, args)
    where = settings.relative(settings.output)
    inputs = check_record.inputs_of(settings, layers[:-1], args.strict)
    verified = check_record.verified(settings, inputs) if inputs and not args.full else None
    if verified is not None:
        print(f"{where} matches (verified at {verified.at})")
        return 0

    from generator import pipeline
    from generator.cache.lint_record import LintRecord

    # Regenerated in full, but lint's verdict on the same inputs is as good as lint run again.
    lint_record = LintRecord(inputs) if inputs else None
    result = pipeline.check(settings, layers[:-1], args.strict, _waiting_notice(settings), lint_record)
    if not result.changes:
        if inputs is not None:
            check_record.remember(settings, inputs)
        print(f"{where} is up to date")
        return 0
    sys.stdout.write(result.diff)
    print(f"{where} is out of date ({result.changes.summary()}); to fix, run: {_fix_command(args)}", file=sys.stderr)
    return 1


def _dist(settings: Settings, args: argparse.Namespace) -> int:
    from generator.release.dist import make_dist

    release = make_dist(settings, args.out or settings.root / "dist")
    changelog = settings.relative(settings.changelog)
    print(
        f"built {settings.project_name} {release.entry.version}, every file dated {release.entry.day} "
        f"({changelog}:{release.entry.line})"
    )
    for artifact in release.artifacts:
        print(f"{artifact.sha256}  {as_typed(artifact.path)}")
    return 0


# --------------------------------------------------------------------------- spec changes


def _upstream_diff(settings: Settings, args: argparse.Namespace) -> int:
    from generator.evolve.workflows import upstream_diff

    result = upstream_diff(settings, args.upstream, args.operation, args.apply)
    where, upstream = str(settings.relative(settings.spec)), str(args.upstream)
    log = _log(args.format)
    if not args.apply:
        _report(result.changes, args.format, where, upstream, {"notes": result.notes})
        _print_notes(result.notes, args.format)
        return 1 if result.changes else 0
    extra = {
        "notes": result.notes,
        "applied": result.applied,
        "descriptions_needed": result.descriptions_needed,
        "options_dropped": result.options_dropped,
        "translations_removed": [{"file": file, "pointer": pointer} for file, pointer in result.translations_removed],
    }
    _report(result.changes, args.format, where, upstream, extra)
    _print_notes(result.notes, args.format)
    if result.applied:
        print(f"applied {len(result.changes)} change(s) to {where}", file=log)
    for dropped in result.options_dropped:
        print(f"{where}: {dropped}", file=log)
    return _print_follow_up(result.descriptions_needed, result.translations_removed, result.findings, log)


def _print_notes(notes: list[str], report_format: str) -> None:
    if report_format == "text":
        for note in notes:
            print(f"note: {note}")


def _changes(settings: Settings, args: argparse.Namespace) -> int:
    from generator.evolve.workflows import compare_specs

    new_path = args.new or settings.spec
    previous = settings.package_version
    result = compare_specs(settings, args.old, new_path, args.changelog)
    old, new = str(as_typed(args.old)), str(as_typed(new_path))
    if result.release is None:
        _report(result.changes, args.format, old, new)
        return 1 if result.changes and not args.changelog else 0
    release = result.release
    _report(result.changes, args.format, old, new, {"version": release.version})
    log = _log(args.format)
    changelog = settings.relative(settings.changelog)
    if not release.written:
        print(f"{changelog}: the entry for {release.version} already records these changes; nothing to do", file=log)
        return 0
    print(f"{changelog}: added the entry for {release.version}", file=log)
    print(
        f"pyproject.toml: package-version {previous} -> {release.version}; to regenerate, run: {FIX_COMMAND}", file=log
    )
    return 0


def _report(
    changes: list[Change], report_format: str, old: str, new: str, extra: dict[str, object] | None = None
) -> None:
    from generator.evolve.api_diff import render_json, render_text

    if report_format == "json":
        sys.stdout.write(render_json(changes, old, new, extra))
    else:
        sys.stdout.write(render_text(changes, f"{old} -> {new}"))


def _log(report_format: str) -> TextIO:
    """Where progress lines go: stderr when stdout carries JSON for a tool."""
    return sys.stderr if report_format == "json" else sys.stdout


def _curate_add(settings: Settings, args: argparse.Namespace) -> int:
    from generator.evolve.workflows import curate_add

    result = curate_add(settings, args.upstream, args.operation)
    where = settings.relative(settings.spec)
    print(f"{where}: added {result.key} as {result.name}")
    for component in result.components:
        print(f"{where}: added components/{component}")
    return _print_follow_up(result.descriptions_needed, result.translations_removed, result.findings)


def _curate_remove(settings: Settings, args: argparse.Namespace) -> int:
    from generator.evolve.workflows import curate_remove

    result = curate_remove(settings, args.operation)
    where = settings.relative(settings.spec)
    print(f"{where}: removed {result.key}")
    for component in result.components:
        print(f"{where}: removed components/{component}, which nothing else reaches")
    return _print_follow_up(result.descriptions_needed, result.translations_removed, result.findings)


def _curate_list(settings: Settings, args: argparse.Namespace) -> int:
    from generator.evolve.curate import other_operations
    from generator.evolve.upstream import load_upstream
    from generator.spec.loading import load_spec
    from generator.spec.vocabulary import client_operation_name, operations

    ours = load_spec(settings.spec).data
    for key, operation in operations(ours).items():
        print(f"curated   {client_operation_name(operation):<32}  {key}")
    if args.upstream is not None:
        for key, name in other_operations(ours, load_upstream(args.upstream)):
            print(f"upstream  {name:<32}  {key}")
    return 0


def _print_follow_up(
    needed: list[str], removed: list[tuple[str, str]], findings: list[Finding], log: TextIO | None = None
) -> int:
    """What is left to do after the spec was rewritten, and the exit status: 1 while lint has errors (applying
    again does not turn an unfinished spec into a success)."""
    for location in needed:
        print(f"{location}: write a description in place of '{DESCRIPTION_PLACEHOLDER}'", file=log)
    for file, pointer in removed:
        print(f"{file}: removed the translation of {pointer!r}: the spec has no text there any more", file=log)
    for finding in findings:
        print(finding, file=log)
    return 1 if any(finding.severity == "error" for finding in findings) else 0


# --------------------------------------------------------------------------- templates


def _templates(settings: Settings, args: argparse.Namespace) -> int:
    from generator.codegen.templates import UPSTREAM_DISTRIBUTION, UPSTREAM_VERSION, require_utf8_templates, templates

    layers = _template_layers(settings, args)
    require_utf8_templates(layers)
    found = templates(layers)
    width = max(len(template.name) for template in found)
    for template in found:
        if template.layer is None:
            origin = f"{UPSTREAM_DISTRIBUTION} {UPSTREAM_VERSION}"
        else:
            origin = f"{settings.relative(template.layer)}/"
        print(f"{template.name:<{width}}  {origin:<28}  {template.status}")
    stale = [template for template in found if template.problem]
    print(f"{len(found)} templates; {len(stale)} override(s) to look at")
    for template in stale:
        print(
            f"{settings.relative(template.file)}: {template.problem} (hint: port the library's changes into the "
            "override, then record the new sha256 in its header)",
            file=sys.stderr,
        )
    return 1 if stale else 0


def _eject(settings: Settings, args: argparse.Namespace) -> int:
    from generator.codegen.templates import UPSTREAM_DISTRIBUTION, UPSTREAM_VERSION, eject

    into = args.into or settings.templates
    target, source = eject(args.name, into, _template_layers(settings, args), args.original)
    origin = f"{UPSTREAM_DISTRIBUTION} {UPSTREAM_VERSION}" if source is None else as_typed(source)
    regenerate = FIX_COMMAND if args.into is None else f"streams-codegen generate --templates {args.into}"
    print(f"copied {args.name} from {origin} to {as_typed(target)}; edit it, then run: {regenerate}")
    return 0
