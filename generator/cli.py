"""`streams-codegen`: the command line. Exit codes: 0 done (or nothing differs), 1 something differs
(check, upstream-diff, changes, templates) or lint has findings, 2 bad input (on stderr, one line per
problem naming file, line and column)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from generator import __version__
from generator.config import Settings, find_pyproject, load_settings
from generator.errors import CodegenError, as_typed

# Each command imports the modules it runs inside its function: loaded here, lint's validators
# (openapi-spec-validator, pydantic: a quarter second) and openapi-python-client (most of a second)
# would slow `--help` and every command that does not use them.
if TYPE_CHECKING:
    from generator.evolve.api_diff import Change

FIX_COMMAND = "make generate"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings(args.config or find_pyproject(Path.cwd()))
        status = int(args.run(settings, args))
        sys.stdout.flush()  # inside the try: a closed pipe is reported here, not at interpreter exit
        return status
    except CodegenError as err:
        print(err, file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader stopped early (`streams-codegen templates | head`): not an error of ours. Point stdout
        # at devnull so that the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="streams-codegen", description="Generate the atlas-streams-client package from spec/streams.yaml."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--config", type=Path, help="pyproject.toml holding [tool.streams-codegen] (default: nearest)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    generate = commands.add_parser("generate", help="lint the spec, then regenerate the output directory from it")
    _add_template_layers(generate)
    generate.set_defaults(run=_generate)

    check = commands.add_parser("check", help="fail with a diff if the output directory is not what generate writes")
    _add_template_layers(check)
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
        metavar="ID",
        help="upstream's operationId (or override) for our operation, if it moved and was renamed",
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

    templates = commands.add_parser("templates", help="list the templates in use; `templates eject NAME` copies one")
    _add_template_layers(templates)
    templates.set_defaults(run=_templates)
    actions = templates.add_subparsers(dest="action", metavar="ACTION")
    eject = actions.add_parser("eject", help="copy an openapi-python-client template into templates/, ready to edit")
    eject.add_argument("name", help="template name as `streams-codegen templates` lists it")
    eject.add_argument("--into", type=Path, help="the template folder to copy into (default: templates/)")
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

    layers = _template_layers(settings, args)
    result = pipeline.generate(settings, layers[:-1], _waiting_notice(settings))
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    where = settings.relative(settings.output)
    print(f"generated {where}: {result.changes.summary()} in {result.seconds:.2f} s")
    return 0


def _waiting_notice(settings: Settings) -> Callable[[], None]:
    def notice() -> None:
        where = settings.relative(settings.output)
        print(f"{where}: another streams-codegen run is using it; waiting for it to finish", file=sys.stderr)

    return notice


def _lint(settings: Settings, args: argparse.Namespace) -> int:
    from generator.codegen.templates import reserved_names  # reads the templates; does not load the library
    from generator.lint.stages import lint
    from generator.spec.loading import load_spec

    findings = lint(load_spec(args.spec or settings.spec), reserved_names([settings.templates]))
    for finding in findings:
        print(finding)
    return 1 if findings else 0


def _check(settings: Settings, args: argparse.Namespace) -> int:
    from generator import pipeline

    layers = _template_layers(settings, args)
    result = pipeline.check(settings, layers[:-1], _waiting_notice(settings))
    where = settings.relative(settings.output)
    if not result.changes:
        print(f"{where} is up to date")
        return 0
    sys.stdout.write(result.diff)
    print(f"{where} is out of date ({result.changes.summary()}); to fix, run: {FIX_COMMAND}", file=sys.stderr)
    return 1


# --------------------------------------------------------------------------- spec changes


def _upstream_diff(settings: Settings, args: argparse.Namespace) -> int:
    from generator.evolve.apply import DESCRIPTION_PLACEHOLDER
    from generator.evolve.workflows import upstream_diff

    result = upstream_diff(settings, args.upstream, args.operation, args.apply)
    where, upstream = str(settings.relative(settings.spec)), str(args.upstream)
    if not args.apply:
        _report(result.changes, args.format, where, upstream)
        return 1 if result.changes else 0
    extra = {"applied": result.applied, "descriptions_needed": result.descriptions_needed}
    _report(result.changes, args.format, where, upstream, extra)
    log = _log(args.format)
    if result.applied:
        print(f"applied {len(result.changes)} change(s) to {where}", file=log)
    for location in result.descriptions_needed:
        print(f"{location}: write a description in place of '{DESCRIPTION_PLACEHOLDER}'", file=log)
    for finding in result.findings:
        print(finding, file=log)
    return 1 if any(finding.severity == "error" for finding in result.findings) else 0


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
    from generator.codegen.templates import eject

    into = args.into or settings.templates
    target = eject(args.name, into)
    regenerate = FIX_COMMAND if args.into is None else f"streams-codegen generate --templates {args.into}"
    print(f"copied {args.name} to {as_typed(target)}; edit it, then run: {regenerate}")
    return 0
