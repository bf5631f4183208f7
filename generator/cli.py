"""`streams-codegen`: the command line. Exit codes: 0 done, 1 generated output differs (check) or lint
has findings (lint), 2 bad input (on stderr, one line per problem naming file, line and column)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from generator import __version__, pipeline
from generator.config import Settings, find_pyproject, load_settings
from generator.errors import CodegenError
from generator.lint import lint
from generator.output import compare, read_tree, unified_diff
from generator.spec import load_spec

FIX_COMMAND = "make generate"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings(args.config or find_pyproject(Path.cwd()))
        return int(args.run(settings, args))
    except CodegenError as err:
        print(err, file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="streams-codegen", description="Generate the atlas-streams-client package from spec/streams.yaml."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--config", type=Path, help="pyproject.toml holding [tool.streams-codegen] (default: nearest)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    generate = commands.add_parser("generate", help="lint the spec, then regenerate the output directory from it")
    generate.set_defaults(run=_generate)

    check = commands.add_parser("check", help="fail with a diff if the output directory is not what generate writes")
    check.set_defaults(run=_check)

    lint_command = commands.add_parser("lint", help="report every problem of the spec with its line and column")
    lint_command.add_argument("--spec", type=Path, help="the spec to check (default: the configured spec)")
    lint_command.set_defaults(run=_lint)
    return parser


def _generate(settings: Settings, args: argparse.Namespace) -> int:
    result = pipeline.generate(settings)
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    where = settings.relative(settings.output)
    print(f"generated {where}: {result.changes.summary()} in {result.seconds:.2f} s")
    return 0


def _lint(settings: Settings, args: argparse.Namespace) -> int:
    findings = lint(load_spec(args.spec or settings.spec))
    for finding in findings:
        print(finding)
    return 1 if findings else 0


def _check(settings: Settings, args: argparse.Namespace) -> int:
    fresh = pipeline.build_tree(settings)
    committed = read_tree(settings.output)
    changes = compare(committed, fresh)
    where = settings.relative(settings.output)
    if not changes:
        print(f"{where} is up to date")
        return 0
    sys.stdout.write(unified_diff(committed, fresh, changes, where.as_posix()))
    print(f"{where} is out of date ({changes.summary()}); to fix, run: {FIX_COMMAND}", file=sys.stderr)
    return 1
