"""`upstream-diff --apply`: upstream's facts go into spec/streams.yaml; our comments, descriptions, error
examples and cycle split stay, request and success examples follow the new facts, and applying again
changes nothing."""

from __future__ import annotations

import copy
import difflib
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from support import ROOT
from support.shared_files import (
    OLDER_UPSTREAM,
    another_upstream,
    shared_file,
    upstream_the_spec_follows,
)
from support.spec_edit import delete, edited, position_of, put

from generator.cli import main
from generator.evolve.apply import drop_dangling_cli_options, drop_dangling_read_backs
from generator.evolve.normal_form import normal_form
from generator.spec.examples import synthesize, synthesized_media
from generator.spec.loading import dump_spec, load_spec
from generator.spec.plain_yaml import load_plain
from generator.spec.pointers import node_at
from generator.spec.schema_facts import body_schema, property_schema
from generator.spec.vocabulary import (
    CHANGELOG,
    DESCRIPTION_PLACEHOLDER,
    OPERATION_NAME,
    READ_BACK,
    SPLIT_FROM,
    OperationKey,
    operations,
)

SPEC = Path("spec/streams.yaml")


def apply(capsys: pytest.CaptureFixture[str], upstream: Path) -> tuple[int, str]:
    code = main(["upstream-diff", "--upstream", str(upstream), "--apply"])
    out, err = capsys.readouterr()
    assert not err
    return code, out


def report(capsys: pytest.CaptureFixture[str], upstream: Path) -> dict[str, Any]:
    """upstream-diff's JSON report, without applying anything."""
    main(["upstream-diff", "--upstream", str(upstream), "--format", "json"])
    document: dict[str, Any] = json.loads(capsys.readouterr().out)
    return document


def lines_with(text: str, needle: str) -> list[str]:
    return [line for line in text.splitlines() if needle in line]


def test_unchanged_spec_is_written_back_byte_for_byte() -> None:
    path = ROOT / SPEC

    assert dump_spec(load_spec(path).tree) == path.read_text(encoding="utf-8")


def test_apply_takes_upstreams_facts_and_keeps_ours(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before, original = (project / SPEC).read_text(encoding="utf-8"), load_plain(project / SPEC)
    expected = len(report(capsys, shared_file(OLDER_UPSTREAM))["changes"])

    code, out = apply(capsys, shared_file(OLDER_UPSTREAM))

    after, data = (project / SPEC).read_text(encoding="utf-8"), load_plain(project / SPEC)
    assert f"applied {expected} change(s) to spec/streams.yaml" in out
    # the 2025 spec predates x-xgen-operation-id-override; ours keeps the function's name and lint is clean
    assert code == 0 and function_names(data) == function_names(original)
    assert "operationId: createStreamInstance" in after
    assert "maxTierSize" not in data["components"]["schemas"]["StreamConfig"]["properties"]
    assert "x-xgen-sha: 8ff5fb9d270a1863bad8b91f85049e9b133bdffd" in after  # the revision the facts follow
    assert after.splitlines()[:4] == before.splitlines()[:4]  # the file's header comment
    # our wording and comments stay where their nodes stay
    assert comments(after) and comments(after) <= comments(before)
    schemas, original_schemas = data["components"]["schemas"], original["components"]["schemas"]
    for name in schemas.keys() & original_schemas.keys():
        assert schemas[name].get("description") == original_schemas[name].get("description"), name
    assert "maxTierSize: SP50" not in after  # gone from the facts, so gone from the synthesized examples too


def function_names(data: dict[str, Any]) -> dict[OperationKey, str]:
    return {key: operation[OPERATION_NAME] for key, operation in operations(data).items()}


def comments(text: str) -> set[str]:
    return {line.strip() for line in text.splitlines() if line.strip().startswith("# ")}


def test_new_fields_get_a_placeholder_and_their_lines_are_printed(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out = apply(capsys, shared_file(OLDER_UPSTREAM))

    lines = (project / SPEC).read_text(encoding="utf-8").splitlines()
    needed = [line.split(": write a description")[0] for line in out.splitlines() if "write a description" in line]
    # A description, or the text of a changelog entry ('2026-05-07': 'TODO: describe').
    placeholder = f": '{DESCRIPTION_PLACEHOLDER}'"
    assert len(needed) == len([line for line in lines if line.endswith(placeholder)])
    if not needed:
        pytest.skip(f"{OLDER_UPSTREAM.name} brings nothing new to this spec")
    for location in needed:
        number = int(location.removeprefix("spec/streams.yaml:"))
        assert lines[number - 1].endswith(placeholder)


def test_applying_again_changes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    upstream = shared_file(OLDER_UPSTREAM)
    apply(capsys, upstream)
    once = (project / SPEC).read_bytes()

    _, out = apply(capsys, upstream)

    assert out.startswith(f"spec/streams.yaml -> {upstream}: no changes\n")
    assert (project / SPEC).read_bytes() == once


def test_applying_again_fails_while_lint_finds_errors(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Without our name for the function, the 2025 spec, which predates upstream's override, leaves it unnamed.
    data = load_spec(project / SPEC).data
    edited(project / SPEC, project / SPEC, *[delete((*key.pointer, OPERATION_NAME)) for key in operations(data)])
    upstream = shared_file(OLDER_UPSTREAM)
    apply(capsys, upstream)

    code, out = apply(capsys, upstream)

    assert code == 1
    assert out.splitlines()[1:] == [line for line in out.splitlines() if ": error: " in line or ": warning: " in line]
    assert "has no x-xgen-operation-id-override" in out
    assert main(["lint"]) == 1


def test_applying_the_upstream_revision_the_spec_follows_reports_no_changes_and_lints_clean(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    upstream = upstream_the_spec_follows(tmp_path)

    code, out = apply(capsys, upstream)

    title, *notes = out.splitlines()
    assert (code, title) == (0, f"spec/streams.yaml -> {upstream}: no changes")
    assert all(note.startswith("note: ") for note in notes)


def test_applying_back_restores_every_fact_and_the_cycle_split(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = load_plain(ROOT / SPEC)
    followed = upstream_the_spec_follows(tmp_path)
    apply(capsys, shared_file(OLDER_UPSTREAM))  # another revision: schemas and split bases come and go

    code, _ = apply(capsys, followed)

    restored = load_plain(project / SPEC)
    assert code == 0
    assert normal_form(restored) == normal_form(original)
    assert split_bases(restored) == split_bases(original)
    assert list(restored["components"]["schemas"]) == sorted(restored["components"]["schemas"])


def split_bases(data: dict[str, Any]) -> dict[str, str]:
    """Each schema split out of a parent to break an allOf cycle, with its parent."""
    return {name: schema[SPLIT_FROM] for name, schema in data["components"]["schemas"].items() if SPLIT_FROM in schema}


def test_upstream_prose_is_never_copied(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    upstream = copy.deepcopy(load_plain(ROOT / SPEC))
    name, schema = next(
        (name, schema)
        for name, schema in upstream["components"]["schemas"].items()
        if "properties" in schema and SPLIT_FROM not in schema
    )
    properties = schema["properties"] | {
        "addedByUpstream": {"description": "Upstream's own sentence.", "type": "string"}
    }
    schema["properties"] = dict(sorted(properties.items()))
    schema["description"] = "Upstream's rewording."
    (project / "upstream.yaml").write_text(yaml.safe_dump(upstream, sort_keys=False), encoding="utf-8")

    code, out = apply(capsys, project / "upstream.yaml")

    after = (project / SPEC).read_text(encoding="utf-8")
    assert code == 0 and f"field-added {name}.addedByUpstream: new, optional" in [
        " ".join(line.split()) for line in out.splitlines()
    ]
    assert "Upstream's" not in after
    applied = load_plain(project / SPEC)["components"]["schemas"][name]
    assert list(applied["properties"]) == list(schema["properties"])
    assert applied["properties"]["addedByUpstream"] == {"description": DESCRIPTION_PLACEHOLDER, "type": "string"}


def test_changelog_texts_stay_ours_and_a_new_date_gets_a_placeholder(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    upstream = copy.deepcopy(load_plain(ROOT / SPEC))
    found = next(((key, op) for key, op in operations(upstream).items() if CHANGELOG in op), None)
    if found is None:
        pytest.skip(f"no operation of {SPEC} has {CHANGELOG} (older revisions have none)")
    key, operation = found
    ours = dict(operation[CHANGELOG])
    operation[CHANGELOG] = {date: "Upstream's wording." for date in ours} | {"2030-01-02": "Upstream's note."}
    (project / "upstream.yaml").write_text(yaml.safe_dump(upstream, sort_keys=False), encoding="utf-8")

    code, out = apply(capsys, project / "upstream.yaml")

    applied = operations(load_plain(project / SPEC))[key][CHANGELOG]
    assert applied == ours | {"2030-01-02": DESCRIPTION_PLACEHOLDER}
    assert "Upstream's" not in (project / SPEC).read_text(encoding="utf-8")
    line = position_of(project / SPEC, (*key.pointer, CHANGELOG, "2030-01-02")).split(":")[0]
    assert f"spec/streams.yaml:{line}: write a description in place of '{DESCRIPTION_PLACEHOLDER}'" in out
    assert f"warning: changelog entry 2030-01-02 still reads '{DESCRIPTION_PLACEHOLDER}'" in out
    assert code == 0


def test_values_upstream_did_not_change_keep_their_quoting(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = project / SPEC
    url = load_plain(spec)["servers"][0]["url"]
    edited(spec, spec, put(("servers", 0, "url"), DoubleQuotedScalarString(url)))

    apply(capsys, shared_file(OLDER_UPSTREAM))

    assert f'- url: "{url}"\n' in spec.read_text(encoding="utf-8")


def test_our_own_extensions_survive(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = project / SPEC
    note = (*next(iter(operations(load_plain(spec)))).pointer, "x-codegen-team-note")
    edited(spec, spec, put(note, {}))

    apply(capsys, shared_file(OLDER_UPSTREAM))

    assert node_at(load_plain(spec), note) == {}


def test_applied_request_and_success_examples_are_the_synthesized_ones(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    apply(capsys, shared_file(OLDER_UPSTREAM))

    data = load_spec(project / SPEC).data
    for pointer, direction in synthesized_media(data):
        media = node_at(data, pointer)
        assert media["example"] == synthesize(data, media["schema"], direction)


def test_apply_drops_the_command_line_options_whose_body_field_is_gone(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _cli_options(project)

    _, out = apply(capsys, shared_file(OLDER_UPSTREAM))

    after = _cli_options(project)
    assert set(after) <= set(before)
    for key, option in set(before) - set(after):
        assert f"spec/streams.yaml: {key}: x-codegen-cli option --{option} removed: the request body has no " in out
    data = load_spec(project / SPEC).data
    for key, option in after:
        operation = operations(data)[key]
        path = operation["x-codegen-cli"]["options"][option]
        property_schema(data, body_schema(data, operation), path.split("."))  # resolves, or KeyError


def test_apply_drops_the_table_columns_whose_item_field_is_gone_and_keeps_the_others(tmp_path: Path) -> None:
    data = load_spec(ROOT / SPEC).data
    key, operation = next((k, op) for k, op in operations(data).items() if op.get("x-codegen-cli", {}).get("table"))
    table = (*key.pointer, "x-codegen-cli", "table")
    edited(ROOT / SPEC, tmp_path / "streams.yaml", put((*table, "GONE"), "noSuchField"))
    tree = load_spec(tmp_path / "streams.yaml").tree

    dropped = drop_dangling_cli_options(tree)

    assert dropped == [f"{key}: x-codegen-cli table column GONE removed: the listed items have no noSuchField any more"]
    assert dict(node_at(tree, table)) == operation["x-codegen-cli"]["table"]


def _cli_options(project: Path) -> list[tuple[OperationKey, str]]:
    data = load_spec(project / SPEC).data
    return [
        (key, option)
        for key, op in operations(data).items()
        for option in op.get("x-codegen-cli", {}).get("options", {})
    ]


def test_a_round_trip_to_a_distant_revision_and_back_keeps_the_file_but_the_prose_of_recreated_nodes(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (project / SPEC).read_text(encoding="utf-8").splitlines()
    _, gone = apply(capsys, another_upstream(tmp_path))
    apply(capsys, upstream_the_spec_follows(tmp_path))

    after = (project / SPEC).read_text(encoding="utf-8").splitlines()
    dropped = [line.split(" option --")[1].split(" ")[0] for line in gone.splitlines() if " option --" in line]
    deleted = []
    differing = difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
    for tag, first, last, new_first, new_last in differing:
        if tag == "equal":
            continue
        if tag == "replace" and last - first == new_last - new_first:
            # prose of a recreated node: a description, or a changelog entry's text
            for old, new in zip(before[first:last], after[new_first:new_last], strict=True):
                assert old.split(":")[0] == new.split(":")[0], (old, new)
                assert new.endswith(f": '{DESCRIPTION_PLACEHOLDER}'"), (old, new)
        else:
            assert tag == "delete", (before[first:last], after[new_first:new_last])
            deleted += [line.strip().split(":")[0] for line in before[first:last]]
    assert sorted(deleted) == sorted(dropped)


def test_apply_drops_a_read_back_whose_get_is_gone_and_keeps_the_others(project: Path) -> None:
    spec = load_spec(project / SPEC)
    with_read_back = [key for key, operation in operations(spec.data).items() if READ_BACK in operation]
    if not with_read_back:
        pytest.skip(f"no operation of the spec under test has {READ_BACK}")
    broken, *intact = with_read_back
    node_at(spec.tree, (*broken.pointer, READ_BACK))["operation"] = "goneStreamWorkspace"

    dropped = drop_dangling_read_backs(spec.tree)

    assert dropped == [
        f"{broken}: {READ_BACK} removed: {READ_BACK} names 'goneStreamWorkspace', which is not a GET of this spec"
    ]
    assert READ_BACK not in node_at(spec.tree, broken.pointer)
    assert all(READ_BACK in node_at(spec.tree, key.pointer) for key in intact)
