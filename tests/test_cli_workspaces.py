"""`atlas-streams workspaces list|get|create|update|delete|create-with-sample-connections` (and the
`create-workspace` alias) against a project's stream workspaces held in memory (tests/support/fake_atlas.py) over
a real socket: what each prints, what it changes, list's pages, --limit, table and JSON, and delete's question on
a real terminal (a pseudo-terminal), --force, and its refusal without one. The names are the ones issue #16 asks
for, so the tests pin them (committed_spec)."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from atlas_streams import cli
from hypothesis import given
from hypothesis import strategies as st
from support.atlas_fakes import ATLAS_MEDIA_TYPE, GROUP_ID, STREAMS_PATH, atlas_error
from support.fake_atlas import SAMPLE_CONNECTIONS_PATH, WorkspaceStore, is_page, settings, workspace_name
from support.loopback import CannedResponse, LoopbackServer
from support.terminal import run_on_a_terminal

pytestmark = pytest.mark.committed_spec

COMMAND = Path(sys.executable).parent / "atlas-streams"
MANY = 1234
HEADERS = ["NAME", "PROVIDER", "REGION", "TIER", "HOSTNAMES"]


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in [key for key in os.environ if key.startswith("MONGODB_ATLAS_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("MONGODB_ATLAS_PUBLIC_API_KEY", "public-key")
    monkeypatch.setenv("MONGODB_ATLAS_PRIVATE_API_KEY", "private-key")
    return monkeypatch


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    """Without the contract check, for walks over many workspaces (the atlas_server fixture checks the rest)."""
    with LoopbackServer() as plain:
        yield plain


def workspaces(server: LoopbackServer, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of `atlas-streams workspaces ARGS` run in this process (not a terminal)."""
    try:
        code = cli.main(["workspaces", *args, "--base-url", server.url, "--group-id", GROUP_ID])
    except SystemExit as exit_:  # argparse's usage errors
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def holding(server: LoopbackServer, *workspaces: dict[str, Any]) -> WorkspaceStore:
    store = WorkspaceStore().install(server)
    store.workspaces.update({workspace["name"]: workspace for workspace in workspaces})
    return store


def page_requests(server: LoopbackServer) -> list[str]:
    return [dict(request.query).get("pageNum", "1") for request in server.requests_to(STREAMS_PATH)]


# --- list ------------------------------------------------------------------------------------------------------


def test_list_prints_every_workspace_of_every_page_as_one_json_array_when_not_on_a_terminal(
    server: LoopbackServer, capsys: pytest.CaptureFixture[str], env: pytest.MonkeyPatch
) -> None:
    WorkspaceStore.holding(MANY).install(server)

    code, out, _ = workspaces(server, capsys, "list")

    assert code == 0
    assert out.count("\n") == 1
    assert [workspace["name"] for workspace in json.loads(out)] == [workspace_name(i) for i in range(MANY)]


def test_list_limit_stops_after_that_many_workspaces_without_requesting_a_further_page(
    server: LoopbackServer, capsys: pytest.CaptureFixture[str], env: pytest.MonkeyPatch
) -> None:
    WorkspaceStore.holding(MANY).install(server)

    code, out, _ = workspaces(server, capsys, "list", "--limit", "150")

    assert code == 0
    assert [workspace["name"] for workspace in json.loads(out)] == [workspace_name(i) for i in range(150)]
    assert page_requests(server) == ["1", "2"]


def test_list_limit_within_the_first_page_requests_one_page(
    server: LoopbackServer, capsys: pytest.CaptureFixture[str], env: pytest.MonkeyPatch
) -> None:
    WorkspaceStore.holding(MANY).install(server)

    code, out, _ = workspaces(server, capsys, "list", "--limit", "1")

    assert (code, len(json.loads(out)), page_requests(server)) == (0, 1, ["1"])


@pytest.mark.parametrize("limit", ["0", "-3", "ten"])
def test_list_limit_must_be_a_whole_number_of_one_or_more(
    limit: str, server: LoopbackServer, capsys: pytest.CaptureFixture[str], env: pytest.MonkeyPatch
) -> None:
    code, _, err = workspaces(server, capsys, "list", "--limit", limit)

    assert code == 2
    assert "--limit" in err
    assert server.requests == []


def test_list_output_table_shows_the_columns_from_the_spec_one_row_per_workspace(
    atlas_server: LoopbackServer, capsys: pytest.CaptureFixture[str], env: pytest.MonkeyPatch
) -> None:
    holding(
        atlas_server,
        {**settings("alpha"), "hostnames": ["a1.example.net", "a2.example.net"]},
        {"name": "b", "streamConfig": {"tier": "SP10"}},
    )

    code, out, _ = workspaces(atlas_server, capsys, "list", "--output", "table")

    assert code == 0
    assert out.splitlines() == [
        "NAME    PROVIDER   REGION         TIER   HOSTNAMES",
        "alpha   AWS        VIRGINIA_USA   SP30   a1.example.net, a2.example.net",
        "b                                 SP10",
    ]


def test_list_of_no_workspaces_is_an_empty_array_or_a_table_of_headers(
    atlas_server: LoopbackServer, capsys: pytest.CaptureFixture[str], env: pytest.MonkeyPatch
) -> None:
    holding(atlas_server)

    assert workspaces(atlas_server, capsys, "list")[:2] == (0, "[]\n")
    assert workspaces(atlas_server, capsys, "list", "--output", "table")[:2] == (0, "   ".join(HEADERS) + "\n")


@given(
    st.lists(
        st.fixed_dictionaries(
            {"name": st.text("abc-9", min_size=1, max_size=12)},
            optional={
                "hostnames": st.lists(st.text("xyz.", min_size=1, max_size=8), max_size=3),
                "streamConfig": st.fixed_dictionaries({"tier": st.sampled_from(["SP2", "SP10", "SP50"])}),
            },
        ),
        max_size=6,
    )
)
def test_table_columns_start_at_the_same_place_on_every_line(items: list[dict[str, Any]]) -> None:
    command = next(command for command in cli.COMMANDS if command.table)

    lines = cli._table(command.table, items).splitlines()

    starts = [lines[0].index(header) for header in HEADERS]
    for line, item in zip(lines[1:], items, strict=True):
        cells = [line[start:end].strip() for start, end in zip(starts, [*starts[1:], None], strict=True)]
        tier = item.get("streamConfig", {}).get("tier", "")
        assert cells == [item["name"], "", "", tier, ", ".join(item.get("hostnames", []))]


def test_list_fails_with_the_status_of_a_failing_page_and_prints_no_partial_list(
    atlas_server: LoopbackServer, capsys: pytest.CaptureFixture[str], env: pytest.MonkeyPatch
) -> None:
    store = WorkspaceStore.holding(3).install(atlas_server)
    store.fail_once(is_page(2), atlas_error(403, "USER_CANNOT_ACCESS_ORG", "no", "Forbidden"))

    code, out, err = workspaces(atlas_server, capsys, "list", "--items-per-page", "2")

    assert (code, out) == (4, "")
    assert err.startswith("atlas-streams: Atlas error 403: USER_CANNOT_ACCESS_ORG: ")


def test_list_ends_with_the_server_status_when_the_pages_repeat_themselves(
    server: LoopbackServer, capsys: pytest.CaptureFixture[str], env: pytest.MonkeyPatch
) -> None:
    following = [{"href": f"{server.url}{STREAMS_PATH}?pageNum=2&itemsPerPage=1", "rel": "next"}]
    page = {"results": [settings("again")], "totalCount": 9, "links": following}
    server.respond(*[CannedResponse.json(200, page, ATLAS_MEDIA_TYPE)] * 2)

    code, out, err = workspaces(server, capsys, "list", "--items-per-page", "1")

    assert (code, out) == (7, "")
    assert err.startswith("atlas-streams: page 2 holds the same 1 items as page 1")


# --- get, create, update, create-with-sample-connections ------------------------------------------------------------


def test_get_prints_the_workspace_as_json(
    atlas_server: LoopbackServer, capsys: pytest.CaptureFixture[str], env: pytest.MonkeyPatch
) -> None:
    store = WorkspaceStore.holding(2).install(atlas_server)

    code, out, _ = workspaces(atlas_server, capsys, "get", "--tenant-name", workspace_name(1))

    assert (code, json.loads(out)) == (0, store.workspaces[workspace_name(1)])


def test_get_of_a_missing_workspace_exits_with_the_not_found_status(
    atlas_server: LoopbackServer, capsys: pytest.CaptureFixture[str], env: pytest.MonkeyPatch
) -> None:
    holding(atlas_server)

    code, out, err = workspaces(atlas_server, capsys, "get", "--tenant-name", "nowhere")

    assert (code, out) == (5, "")
    assert err.startswith("atlas-streams: Atlas error 404: STREAM_TENANT_NOT_FOUND_FOR_NAME: ")


@pytest.mark.parametrize("words", [["workspaces", "create"], ["create-workspace"]], ids=["create", "alias"])
def test_create_and_its_alias_create_the_workspace_and_print_it(
    words: list[str], atlas_server: LoopbackServer, capsys: pytest.CaptureFixture[str], env: pytest.MonkeyPatch
) -> None:
    store = holding(atlas_server)
    options = ["--name", "new-one", "--cloud-provider", "AWS", "--region", "VIRGINIA_USA", "--tier", "SP10"]

    code = cli.main([*words, *options, "--base-url", atlas_server.url, "--group-id", GROUP_ID])

    assert code == 0
    assert json.loads(capsys.readouterr().out) == store.workspaces["new-one"]
    assert store.workspaces["new-one"]["streamConfig"] == {"tier": "SP10"}


def test_update_changes_the_workspace_and_prints_it(
    atlas_server: LoopbackServer, capsys: pytest.CaptureFixture[str], env: pytest.MonkeyPatch
) -> None:
    store = WorkspaceStore.holding(1).install(atlas_server)

    code, out, _ = workspaces(atlas_server, capsys, "update", "--tenant-name", workspace_name(0), "--tier", "SP50")

    assert code == 0
    assert store.workspaces[workspace_name(0)]["streamConfig"] == {"tier": "SP50"}
    assert json.loads(out) == store.workspaces[workspace_name(0)]


def test_create_with_sample_connections_posts_to_its_own_path_and_prints_the_workspace(
    atlas_server: LoopbackServer, capsys: pytest.CaptureFixture[str], env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    store = holding(atlas_server)
    body = tmp_path / "body.json"
    body.write_text(json.dumps(settings("with-samples")), encoding="utf-8")

    code, out, _ = workspaces(atlas_server, capsys, "create-with-sample-connections", "--file", str(body))

    assert code == 0
    assert [request.path_only for request in atlas_server.requests] == [SAMPLE_CONNECTIONS_PATH]
    assert json.loads(out) == store.workspaces["with-samples"]


# --- delete --------------------------------------------------------------------------------------------------------


def test_delete_with_force_deletes_without_asking_and_prints_nothing(
    atlas_server: LoopbackServer, capsys: pytest.CaptureFixture[str], env: pytest.MonkeyPatch
) -> None:
    store = WorkspaceStore.holding(2).install(atlas_server)

    code, out, err = workspaces(atlas_server, capsys, "delete", "--tenant-name", workspace_name(0), "--force")

    assert (code, out, err) == (0, "", "")
    assert store.names() == [workspace_name(1)]


def test_delete_without_a_terminal_or_force_refuses_and_sends_nothing(
    atlas_server: LoopbackServer, capsys: pytest.CaptureFixture[str], env: pytest.MonkeyPatch
) -> None:
    store = WorkspaceStore.holding(1).install(atlas_server)

    code, out, err = workspaces(atlas_server, capsys, "delete", "--tenant-name", workspace_name(0))

    assert (code, out) == (2, "")
    assert err == (
        f"atlas-streams: Delete stream workspace '{workspace_name(0)}' of project {GROUP_ID}? Not asked without a "
        "terminal: pass --force to run it without asking\n"
    )
    assert atlas_server.requests == [] and store.names() == [workspace_name(0)]


def terminal_env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("MONGODB_ATLAS_")}
    return env | {"MONGODB_ATLAS_PUBLIC_API_KEY": "public-key", "MONGODB_ATLAS_PRIVATE_API_KEY": "private-key"}


def delete_on_a_terminal(server: LoopbackServer, name: str, answer: str) -> tuple[int, str]:
    """Exit status and stderr of delete with stdin and stdout on a terminal, `answer` typed."""
    args = ["workspaces", "delete", "--base-url", server.url, "--group-id", GROUP_ID, "--tenant-name", name]
    shown = run_on_a_terminal([str(COMMAND), *args], terminal_env(), typed=answer)
    return shown.status, shown.stderr


def test_delete_on_a_terminal_asks_first_and_deletes_on_yes(atlas_server: LoopbackServer) -> None:
    store = WorkspaceStore.holding(1).install(atlas_server)

    status, stderr = delete_on_a_terminal(atlas_server, workspace_name(0), "y\n")

    assert (status, stderr) == (0, f"Delete stream workspace '{workspace_name(0)}' of project {GROUP_ID}? [y/N] ")
    assert store.names() == []


@pytest.mark.parametrize("answer", ["\n", "n\n", "no\n", "yes please\n"])
def test_delete_on_a_terminal_deletes_nothing_unless_the_answer_is_yes(
    answer: str, atlas_server: LoopbackServer
) -> None:
    store = WorkspaceStore.holding(1).install(atlas_server)

    status, stderr = delete_on_a_terminal(atlas_server, workspace_name(0), answer)

    assert status == 2
    assert stderr.endswith("[y/N] atlas-streams: not confirmed: nothing was done\n")
    assert atlas_server.requests == [] and store.names() == [workspace_name(0)]


def test_list_on_a_terminal_prints_a_table(atlas_server: LoopbackServer) -> None:
    WorkspaceStore.holding(2).install(atlas_server)
    args = ["workspaces", "list", "--base-url", atlas_server.url, "--group-id", GROUP_ID]

    shown = run_on_a_terminal([str(COMMAND), *args], terminal_env())

    lines = shown.output.splitlines()
    assert shown.status == 0
    assert lines[0].split() == HEADERS
    assert [line.split()[0] for line in lines[1:]] == [workspace_name(0), workspace_name(1)]


# --- help ----------------------------------------------------------------------------------------------------------


def test_help_lists_the_group_and_the_alias(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])

    listed = capsys.readouterr().out.split("commands:\n")[1]
    assert re.findall(r"^    (\S+)", listed, re.MULTILINE) == ["workspaces", "create-workspace"]


def test_group_help_lists_each_command_with_the_operations_summary(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["workspaces", "--help"])

    text = " ".join(capsys.readouterr().out.split())
    for command in cli.COMMANDS:
        assert f"{command.name.split(' ')[1]} {' '.join(command.help.split())}" in text


def test_a_group_without_a_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["workspaces"])

    assert exit_.value.code == 2
    assert "COMMAND" in capsys.readouterr().err
