"""The spec-change workflow against real upstream history: every revision in ../shared/upstream/history/,
oldest to newest and newest to oldest, applied to a copy of the project the way a maintainer would, with
nothing else touched: `upstream-diff --apply`, each `TODO: describe` replaced mechanically, `generate`.

By default (CI) each revision's copy is then checked by a subset: regeneration is byte-stable, the package
imports and passes `mypy --strict`, its request and success examples round-trip through its models, and its
command line answers `--help` and a dry run. With REPLAY_FULL=1 the whole spec-independent suite
(`pytest -m "not committed_spec"`) runs against each copy instead (docs/testing.md).
"""

from __future__ import annotations

import json
import lzma
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openapi_python_client.strings import ClassName
from support.generated_client import command_words
from support.project_copy import copy_project
from support.shared_files import history_revisions, revision_name

from generator.cli import main
from generator.spec.examples import synthesize, synthesized_media
from generator.spec.loading import dump_spec, load_spec
from generator.spec.pointers import node_at, walk
from generator.spec.schema_facts import body_schema
from generator.spec.translations import english_at, fingerprint, translation_files
from generator.spec.vocabulary import DESCRIPTION_PLACEHOLDER, operations, schema_name

PACKAGE = Path("generated/atlas-streams-client")
FULL = os.environ.get("REPLAY_FULL") == "1"


def _in_copy(project: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["--config", str(project / "pyproject.toml"), *argv])
    out, err = capsys.readouterr()
    return code, out + err


def _describe_everything(spec: Path) -> None:
    """What a maintainer does after --apply, done mechanically: a description for each placeholder, then each
    stale translation "translated again" (kept, its fingerprint set to the English it now stands for, as lint's
    hint says), so that the copy lints without warnings, as a maintained spec does."""
    loaded = load_spec(spec)
    tree = loaded.tree
    for pointer, value in walk(loaded.data):
        if value == DESCRIPTION_PLACEHOLDER:
            node_at(tree, pointer[:-1])[pointer[-1]] = f"Described by the replay test ({pointer[-2]})."
    spec.write_text(dump_spec(tree), encoding="utf-8")
    data = load_spec(spec).data
    for path in translation_files(spec):
        translations = load_spec(path)
        entries = translations.tree
        for key, entry in translations.data.items():
            english = english_at(data, str(key))
            if english is not None and isinstance(entry, dict) and entry.get("english") != fingerprint(english):
                entries[key]["english"] = fingerprint(english)
        path.write_text(dump_spec(entries), encoding="utf-8")


# One interpreter for the models and the command line: each start of the copy's package costs a second of CPU.
_PROBE = """
import contextlib, io, json, sys
import atlas_streams.models as models
from atlas_streams.cli import main
cases, dry_run = json.loads(sys.argv[1]), json.loads(sys.argv[2])
for class_name, example in cases:
    cls = getattr(models, class_name)
    assert cls.from_dict(example).to_dict() == example, (class_name, example)
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    main(["--help"])
print(main(dry_run))
"""


def _check_the_copy(project: Path, mypy_cache: Path) -> None:
    """The CI subset: the copy's package imports, passes mypy --strict, round-trips its examples, and its
    command line answers."""
    data = load_spec(project / "spec/streams.yaml").data
    env = {**os.environ, "PYTHONPATH": str(project / PACKAGE)}
    cases = []
    for pointer, direction in synthesized_media(data):
        schema = node_at(data, pointer)["schema"]
        name = schema_name(schema)
        if name is not None:
            cases.append((str(ClassName(name, "")), synthesize(data, schema, direction)))
    key, operation = next(iter(operations(data).items()))
    body = project / "body.json"
    has_body = "requestBody" in operation
    body.write_text(json.dumps(synthesize(data, body_schema(data, operation), "request") if has_body else {}))
    dry_run = [*command_words(operation), "--group-id", "32b6e34b3d91647abb20e7b8", "--dry-run", "--file", str(body)]
    probe = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(cases), json.dumps(dry_run)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.startswith(key.method.upper()) and probe.stdout.endswith("\n0\n"), probe.stdout
    package = project / PACKAGE / "atlas_streams"
    typed = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache), str(package)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert typed.returncode == 0, typed.stdout


def _run_the_suite_on(project: Path) -> None:
    """REPLAY_FULL: the spec-independent suite against the copy."""
    env = {**os.environ, "STREAMS_CODEGEN_PROJECT": str(project)}
    suite = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-m", "not committed_spec", "-p", "no:cacheprovider"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert suite.returncode == 0, suite.stdout[-4000:]


@pytest.mark.parametrize("direction", ["oldest-first", "newest-first"])
def test_every_upstream_revision_applies_and_generates_with_nothing_else_touched(
    direction: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    revisions = history_revisions() if direction == "oldest-first" else history_revisions()[::-1]
    project = copy_project(tmp_path / "project")
    for revision in revisions:
        upstream = tmp_path / f"{revision_name(revision)}.yaml"
        upstream.write_bytes(lzma.decompress(revision.read_bytes()))
        step = f"{revision_name(revision)} ({direction})"

        code, out = _in_copy(project, capsys, "upstream-diff", "--upstream", str(upstream), "--apply")
        assert code == 0, f"{step}: upstream-diff --apply\n{out}"
        _describe_everything(project / "spec/streams.yaml")
        code, out = _in_copy(project, capsys, "generate", "--strict")
        assert code == 0, f"{step}: generate\n{out}"
        code, out = _in_copy(project, capsys, "check", "--full", "--strict")
        assert code == 0, f"{step}: regeneration is not byte-stable\n{out}"
        if FULL:
            _run_the_suite_on(project)
        else:
            _check_the_copy(project, tmp_path / "mypy-cache")
        upstream.unlink()
