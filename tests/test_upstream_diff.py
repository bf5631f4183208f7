"""`streams-codegen upstream-diff`: our curated spec against a full upstream Atlas spec.

The upstream revision that the spec follows (info.x-xgen-sha) agrees with it on every fact; an upstream built
from the spec's own facts, with changes of each class, is reported change by change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.shared_files import CURRENT_UPSTREAM, OLDER_UPSTREAM, shared_file, upstream_the_spec_follows
from support.spec_edit import edited, put
from support.spec_examples import EnumProperty, string_enum_property

from generator.cli import main
from generator.evolve.upstream import extract, pair_operations
from generator.spec.loading import load_spec
from generator.spec.plain_yaml import load_plain
from generator.spec.pointers import json_pointer, node_at
from generator.spec.vocabulary import (
    OPERATION_NAME,
    OPERATION_NAME_OVERRIDE,
    OUR_EXTENSION_PREFIX,
    OperationKey,
    client_operation_name,
    operations,
)

SPEC = Path("spec/streams.yaml")
UPSTREAMS_NAME = "renamedByUpstream"
ADDED_FIELD = "addedByUpstream"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["upstream-diff", *args])
    out, err = capsys.readouterr()
    return code, out, err


def no_changes(upstream: Path, out: str) -> bool:
    """The report says nothing differs (a note may still say where upstream's name differs from ours)."""
    title, *notes = out.splitlines()
    return title == f"spec/streams.yaml -> {upstream}: no changes" and all(n.startswith("note: ") for n in notes)


@dataclass(frozen=True)
class ChangedUpstream:
    path: Path
    operation: OperationKey
    ours: str  # our name of its function (x-codegen-operation-name)
    enum: EnumProperty  # upstream lacks its last value
    field: str  # Schema.property that upstream adds


def changed_upstream(project: Path) -> ChangedUpstream:
    """upstream.yaml: our spec's facts, with what a real revision brings: upstream names the operation otherwise,
    drops the last value of a string enum (breaking) and adds an optional field to that schema (compatible)."""
    upstream: dict[str, Any] = load_plain(project / SPEC)
    key, operation = next(iter(operations(upstream).items()))
    if OPERATION_NAME not in operation:
        pytest.skip(f"{key} has no {OPERATION_NAME}")
    ours = operation[OPERATION_NAME]
    for name in [name for name in operation if name.startswith(OUR_EXTENSION_PREFIX)]:
        del operation[name]  # ours, never upstream's
    operation[OPERATION_NAME_OVERRIDE] = UPSTREAMS_NAME
    enum = string_enum_property(upstream)
    node_at(upstream, enum.pointer).pop()
    schema = node_at(upstream, enum.pointer[:3])
    schema["properties"][ADDED_FIELD] = {"type": "string"}
    path = project / "upstream.yaml"
    path.write_text(yaml.safe_dump(upstream, sort_keys=False), encoding="utf-8")
    return ChangedUpstream(path, key, ours, enum, f"{enum.pointer[2]}.{ADDED_FIELD}")


def squashed(text: str) -> list[str]:
    """The report's lines with runs of spaces made one (the kind column's width follows the longest kind)."""
    return [" ".join(line.split()) for line in text.splitlines()]


def test_the_upstream_revision_the_spec_follows_agrees_with_it(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    upstream = upstream_the_spec_follows(tmp_path)

    code, out, _ = run(capsys, "--upstream", str(upstream))

    assert code == 0 and no_changes(upstream, out), out


def test_a_changed_upstream_reports_each_change_classified_and_the_name_it_gives(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    upstream = changed_upstream(project)

    code, out, _ = run(capsys, "--upstream", "upstream.yaml")

    breaking, _, compatible = out.partition("\ncompatible:\n")
    assert code == 1
    removed = upstream.enum.values[-1]
    assert f"enum-value-removed {upstream.enum.subject}: value {removed!r} removed" in squashed(breaking)
    assert f"field-added {upstream.field}: new, optional" in squashed(compatible)
    assert out.endswith(
        f"note: {upstream.operation}: upstream names it {UPSTREAMS_NAME!r}; {OPERATION_NAME} keeps {upstream.ours!r}\n"
    )


def test_json_report_for_tools(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    upstream = changed_upstream(project)

    code, out, _ = run(capsys, "--upstream", "upstream.yaml", "--format", "json")

    report = json.loads(out)
    assert code == 1
    assert report["old"] == "spec/streams.yaml"
    assert report["breaking"] == sum(change["breaking"] for change in report["changes"]) > 0
    assert {
        "kind": "enum-value-removed",
        "subject": upstream.enum.subject,
        "detail": f"value {upstream.enum.values[-1]!r} removed",
        "breaking": True,
        "pointer": json_pointer(upstream.enum.pointer),
    } in report["changes"]
    assert [note for note in report["notes"] if f"{UPSTREAMS_NAME!r}" in note]


def test_operation_option_names_upstreams_operation(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    upstream = changed_upstream(project)

    code, out, _ = run(capsys, "--upstream", "upstream.yaml", "--operation", f"{upstream.ours}={UPSTREAMS_NAME}")

    assert code == 1
    assert f"upstream names it {UPSTREAMS_NAME!r}" in out


def test_operation_option_without_ours_is_bad_input_when_we_curate_several(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    changed_upstream(project)
    if len(operations(load_plain(project / SPEC))) < 2:
        pytest.skip("the spec curates one operation: --operation UPSTREAM pairs it")

    code, _, err = run(capsys, "--upstream", "upstream.yaml", "--operation", UPSTREAMS_NAME)

    assert code == 2
    assert err.endswith(
        f"error: --operation {UPSTREAMS_NAME}: which of our operations is it? (hint: write --operation OURS=UPSTREAM)\n"
    )


def test_unknown_operation_is_bad_input(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    upstream = shared_file(OLDER_UPSTREAM)

    code, _, err = run(capsys, "--upstream", str(upstream), "--operation", "noSuchOperation")

    assert code == 2
    assert err == (
        f"{upstream}: error: no operation with operationId or x-xgen-operation-id-override 'noSuchOperation'\n"
    )


def test_missing_upstream_file_is_bad_input(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--upstream", "nowhere.yaml")

    assert code == 2
    assert err.startswith("nowhere.yaml: error: cannot read nowhere.yaml: ")


def test_upstream_without_our_operation_is_bad_input(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = project / "other.yaml"
    other.write_text("openapi: 3.0.1\npaths:\n  /x:\n    get:\n      operationId: getX\n", encoding="utf-8")

    code, _, err = run(capsys, "--upstream", "other.yaml")

    assert code == 2
    assert err == (
        "other.yaml: error: upstream has none of our operations, under their paths or names "
        "(hint: name upstream's operation with --operation OURS=UPSTREAM)\n"
    )


def test_our_own_extensions_are_not_compared(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    upstream = upstream_the_spec_follows(tmp_path)
    key = next(iter(operations(load_plain(project / SPEC))))
    edited(project / SPEC, project / SPEC, put((*key.pointer, "x-codegen-team-note"), {}))

    code, out, _ = run(capsys, "--upstream", str(upstream))

    assert code == 0 and no_changes(upstream, out), out


def _moved_and_renamed_upstream(project: Path) -> tuple[Path, OperationKey, OperationKey, str]:
    """The upstream the spec follows, cut to our operations, with our first operation under another path and name:
    (file, our key, upstream's key, `--operation` pairing ours with upstream's new name)."""
    path = project / "upstream.yaml"
    full = load_plain(upstream_the_spec_follows(project))
    ours = load_spec(project / "spec/streams.yaml").data
    key = next(iter(operations(ours)))
    pairs = pair_operations(ours, full, [], path)
    upstream_key = pairs[key]  # by path, or by name where upstream's is ours (it may call it otherwise)
    fragment = extract(full, list(pairs.values()), path)
    moved = OperationKey(f"{upstream_key.path}/moved", upstream_key.method)
    operation = fragment["paths"][upstream_key.path].pop(upstream_key.method)
    name = "relocatedStreamWorkspace"
    operation.update({"operationId": "relocatedGroupStreamWorkspace", "x-xgen-operation-id-override": name})
    fragment["paths"][moved.path] = {moved.method: operation}
    path.write_text(json.dumps(fragment), encoding="utf-8")
    return path, key, moved, f"{client_operation_name(operations(ours)[key])}={name}"


def test_an_operation_that_upstream_moved_and_renamed_is_paired_by_operation(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    upstream, key, moved, name = _moved_and_renamed_upstream(project)

    code, out, _ = run(capsys, "--upstream", str(upstream), "--operation", name, "--format", "json")

    report = json.loads(out)
    assert code == 1
    moved_change, *renames = report["changes"]
    assert (moved_change["kind"], moved_change["subject"], moved_change["detail"]) == (
        "operation-moved",
        str(key),
        f"now {moved}",
    )
    # Upstream's names changed; ours (x-codegen-operation-name) keeps the function's, so nothing breaks.
    assert [(change["kind"], change["breaking"]) for change in renames] == [("other", False), ("other", False)]
    assert {change["detail"].split()[0] for change in renames} == {"operationId", "x-xgen-operation-id-override"}
    assert any(f"upstream names it {name.partition('=')[2]!r}" in note for note in report["notes"])


def test_apply_moves_an_operation_with_what_is_ours(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    upstream, key, moved, name = _moved_and_renamed_upstream(project)
    before = operations(load_spec(project / "spec/streams.yaml").data)[key]

    code, _, _ = run(capsys, "--upstream", str(upstream), "--operation", name, "--apply")

    after = operations(load_spec(project / "spec/streams.yaml").data)
    assert key not in after
    for ours in ("description", "summary", "x-codegen-cli", "x-codegen-operation-name", "requestBody"):
        assert after[moved][ours] == before[ours], ours
    assert code == 0


def test_an_operation_upstream_no_longer_has_is_reported_removed_and_the_others_compared(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A second operation of ours that upstream never had, beside one it has.
    spec = project / "spec/streams.yaml"
    key, operation = next(iter(operations(load_spec(spec).data).items()))
    ghost = {**operation, "operationId": "ghostGroupThing", "x-codegen-operation-name": "ghostThing"}
    ghost.pop("x-xgen-operation-id-override", None)
    edited(spec, spec, put(("paths", f"{key.path}/ghost"), {key.method: ghost}))

    code, out, _ = run(capsys, "--upstream", str(upstream_the_spec_follows(project)), "--format", "json")

    # Notes may say where upstream names an operation otherwise than ours does: not a change.
    assert code == 1
    assert [(c["kind"], c["subject"], c["breaking"]) for c in json.loads(out)["changes"]] == [
        ("operation-removed", f"{key.method.upper()} {key.path}/ghost", True)
    ]


@pytest.mark.committed_spec
def test_todays_full_upstream_agrees_with_every_operation(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    upstream = shared_file(CURRENT_UPSTREAM)

    code, out, _ = run(capsys, "--upstream", str(upstream), "--format", "json")

    # An operation upstream lacked would be reported removed: no change at all means each one was compared.
    report = json.loads(out)
    assert code == 0 and (report["changes"], report["notes"]) == ([], [])


@pytest.mark.committed_spec
def test_the_mid_2025_upstream_reports_the_differences_of_every_operation(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    upstream = shared_file(OLDER_UPSTREAM)

    code, out, _ = run(capsys, "--upstream", str(upstream), "--format", "json")

    # Mid-2025 upstream called workspaces "stream instances": every operation has a name of that era.
    changed = {change["pointer"] for change in json.loads(out)["changes"]}
    ours = operations(load_spec(project / SPEC).data)
    assert code == 1
    assert [key for key in ours if not any(p.startswith(json_pointer(key.pointer) + "/") for p in changed)] == []


@pytest.mark.committed_spec
def test_the_text_report_names_each_operation_it_finds_changed(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    upstream = shared_file(OLDER_UPSTREAM)

    _, out, _ = run(capsys, "--upstream", str(upstream))

    lines = squashed(out)
    ours = operations(load_spec(project / SPEC).data)
    assert [key for key in ours if not any(f" {key}: " in line for line in lines)] == []
