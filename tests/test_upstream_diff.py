"""`streams-codegen upstream-diff`: our curated spec against a full upstream Atlas spec.

Today's upstream (atlas-admin-v2.multi-version.yaml) agrees with spec/streams.yaml on every fact;
the mid-2025 spec (createStreamInstance, fewer tiers and connection types) is a real change.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.shared_files import CURRENT_UPSTREAM, OLDER_UPSTREAM, shared_file
from support.spec_edit import edited, put

from generator.cli import main
from generator.evolve.upstream import extract, find_by_name
from generator.spec.loading import load_spec
from generator.spec.plain_yaml import load_plain
from generator.spec.vocabulary import OperationKey, client_operation_name, operations

OPERATION = "POST /api/atlas/v2/groups/{groupId}/streams"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["upstream-diff", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_current_upstream_agrees_with_the_curated_spec(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    upstream = shared_file(CURRENT_UPSTREAM)

    code, out, _ = run(capsys, "--upstream", str(upstream))

    assert (code, out) == (0, f"spec/streams.yaml -> {upstream}: no changes\n")


def test_older_upstream_reports_the_rename_and_classified_changes(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--upstream", str(shared_file(OLDER_UPSTREAM)))

    assert code == 1
    breaking, compatible = out.split("\ncompatible:\n")
    for line in (
        f"command-renamed     {OPERATION}: createWorkspace -> createStreamWorkspace",
        "field-removed       StreamConfig.maxTierSize: no longer in the model",
        "enum-value-removed  StreamConfig.tier: value 'SP50' removed",
        "subtype-removed     StreamsConnection: 'GCPPubSub' (StreamsGCPPubSubConnection) removed",
        "schema-removed      StreamsAzureBlobStorageConnection: model no longer generated",
    ):
        assert f"  {line}\n" in breaking
    assert out.endswith(
        f"note: {OPERATION}: upstream names it 'createStreamInstance'; x-codegen-operation-name keeps "
        "'createStreamWorkspace'\n"
    )
    for line in (
        "field-added         StreamsKafkaNetworkingAccess.tgwId: new, optional",
        "nullable-changed    ApiError.detail: no longer nullable",
        "response-removed    response 429: no longer documented",
    ):
        assert f"  {line}\n" in compatible


def test_json_report_for_tools(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--upstream", str(shared_file(OLDER_UPSTREAM)), "--format", "json")

    report = json.loads(out)
    assert code == 1
    assert report["old"] == "spec/streams.yaml"
    assert report["breaking"] == sum(change["breaking"] for change in report["changes"]) > 0
    assert {
        "kind": "command-renamed",
        "subject": OPERATION,
        "detail": "createWorkspace -> createStreamWorkspace",
        "breaking": True,
        "pointer": "/paths/~1api~1atlas~1v2~1groups~1{groupId}~1streams/post",
    } in report["changes"]
    assert [note for note in report["notes"] if "'createStreamInstance'" in note]


def test_operation_option_names_upstreams_operation(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--upstream", str(shared_file(OLDER_UPSTREAM)), "--operation", "createStreamInstance")

    assert code == 1
    assert "upstream names it 'createStreamInstance'" in out


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


def test_our_own_extensions_are_not_compared(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = project / "spec/streams.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(
        text.replace("      tags:\n      - Streams\n", "      tags:\n      - Streams\n      x-codegen-team-note: {}\n"),
        encoding="utf-8",
    )

    code, out, _ = run(capsys, "--upstream", str(shared_file(CURRENT_UPSTREAM)))

    assert (code, out.endswith(": no changes\n")) == (0, True)


def _moved_and_renamed_upstream(project: Path) -> tuple[Path, OperationKey, OperationKey, str]:
    """Today's upstream cut with our first operation under another path and name: (file, our key, upstream's
    key, upstream's new name)."""
    full = load_plain(shared_file(CURRENT_UPSTREAM))
    ours = load_spec(project / "spec/streams.yaml").data
    key = next(iter(operations(ours)))
    upstream_key = find_by_name(full, client_operation_name(operations(ours)[key]))
    assert upstream_key is not None
    fragment = extract(full, [upstream_key], project / "upstream.yaml")
    moved = OperationKey(f"{upstream_key.path}/moved", upstream_key.method)
    operation = fragment["paths"].pop(upstream_key.path)[upstream_key.method]
    name = "relocatedStreamWorkspace"
    operation.update({"operationId": "relocatedGroupStreamWorkspace", "x-xgen-operation-id-override": name})
    fragment["paths"][moved.path] = {moved.method: operation}
    path = project / "upstream.yaml"
    path.write_text(json.dumps(fragment), encoding="utf-8")
    return path, key, moved, name


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
    assert any(f"upstream names it {name!r}" in note for note in report["notes"])


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

    code, out, _ = run(capsys, "--upstream", str(shared_file(CURRENT_UPSTREAM)))

    assert code == 1
    assert out.splitlines()[1:] == [
        "breaking:",
        f"  operation-removed  {key.method.upper()} {key.path}/ghost: no longer in the spec",
    ]
