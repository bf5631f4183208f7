"""The generated package's console script, run as an installed command against the loopback server."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from atlas_streams import cli
from atlas_streams._validation import check_request_body
from atlas_streams.api.streams import create_stream_workspace
from support.atlas_fakes import atlas_error, closed_port, documented_response
from support.loopback import CannedResponse, LoopbackServer
from support.project_copy import copy_project
from support.spec_edit import edited, put
from support.spec_examples import documented_operation, request_example, response_example

from generator.cli import main as codegen
from generator.output import read_tree
from generator.spec.loading import load_spec
from generator.spec.vocabulary import operations

COMMAND = Path(sys.executable).parent / "atlas-streams"
GROUP_ID = "32b6e34b3d91647abb20e7b8"
PRIVATE_KEY = "private-key-never-shown"
REQUEST_OPTIONS = [
    "--name", "string", "--cloud-provider", "AWS", "--region", "SYDNEY_AUS",
    "--tier", "SP30", "--max-tier-size", "SP50", "--no-sample-solar",
]  # fmt: skip


def command_env(credentials: bool = True) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("MONGODB_ATLAS_")}
    if credentials:
        env |= {"MONGODB_ATLAS_PUBLIC_API_KEY": "public-key", "MONGODB_ATLAS_PRIVATE_API_KEY": PRIVATE_KEY}
    return env


def run(*args: str, stdin: str = "", credentials: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(COMMAND), *args], input=stdin, capture_output=True, text=True, env=command_env(credentials), timeout=60
    )


def run_on_a_terminal(*args: str) -> tuple[int, str]:
    """Exit status and stdout of the command with stdout on a pseudo-terminal (stderr stays a pipe)."""
    terminal, follower = pty.openpty()
    with subprocess.Popen(
        [str(COMMAND), *args], stdin=subprocess.DEVNULL, stdout=follower, stderr=subprocess.PIPE, env=command_env()
    ) as process:
        os.close(follower)
        output = b""
        while True:
            try:
                chunk = os.read(terminal, 4096)
            except OSError:  # EIO: the command exited and closed its side of the terminal
                break
            if not chunk:
                break
            output += chunk
        status = process.wait(timeout=60)
    os.close(terminal)
    return status, output.decode().replace("\r\n", "\n")  # the terminal turns each "\n" into "\r\n"


def create(server: LoopbackServer, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return run("create-workspace", "--base-url", server.url, "--group-id", GROUP_ID, *args, **kwargs)  # type: ignore[arg-type]


def test_create_workspace_prints_the_response_json_and_exits_0(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(documented_response(200))

    result = create(atlas_server, *REQUEST_OPTIONS)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == response_example(200)
    assert result.stdout.count("\n") == 1  # compact when stdout is not a terminal


def test_response_json_is_indented_when_stdout_is_a_terminal(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(documented_response(200))

    status, output = run_on_a_terminal(
        "create-workspace", "--base-url", atlas_server.url, "--group-id", GROUP_ID, *REQUEST_OPTIONS
    )

    assert status == 0
    assert json.loads(output) == response_example(200)
    assert output == json.dumps(json.loads(output), indent=2) + "\n"


def test_body_options_build_the_documented_request(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(documented_response(200))

    create(atlas_server, *REQUEST_OPTIONS)

    (request,) = atlas_server.requests
    assert (request.method, request.path_only) == ("POST", f"/api/atlas/v2/groups/{GROUP_ID}/streams")
    assert request.json() == _covered_by_options(request_example())
    assert request.query == []


def _covered_by_options(example: dict[str, Any]) -> dict[str, Any]:
    """The part of `example` that the command's body options (x-codegen-cli) can express."""
    covered: dict[str, Any] = {}
    for path in documented_operation()["x-codegen-cli"]["options"].values():
        *parents, leaf = path.split(".")
        source, target = example, covered
        for part in parents:
            source, target = source[part], target.setdefault(part, {})
        target[leaf] = source[leaf]
    return covered


def test_body_from_a_file_with_options_overriding_its_fields(atlas_server: LoopbackServer, tmp_path: Path) -> None:
    atlas_server.respond(documented_response(200))
    body_file = tmp_path / "body.json"
    body_file.write_text(json.dumps(request_example()), encoding="utf-8")

    create(atlas_server, "--file", str(body_file), "--tier", "SP10")

    assert atlas_server.requests[0].json() == {
        **request_example(),
        "streamConfig": {"maxTierSize": "SP50", "tier": "SP10"},
    }


def test_body_from_stdin(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(documented_response(200))

    result = create(atlas_server, "--file", "-", stdin=json.dumps(request_example()))

    assert result.returncode == 0, result.stderr
    assert atlas_server.requests[0].json() == request_example()


def test_envelope_and_pretty_flags_are_sent_only_when_given(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(CannedResponse.json(200, {"status": 200, "content": response_example(200)}))

    result = create(atlas_server, *REQUEST_OPTIONS, "--envelope")

    assert result.returncode == 0, result.stderr
    assert atlas_server.requests[0].query == [("envelope", "true")]
    assert json.loads(result.stdout) == response_example(200)


def test_dry_run_prints_the_request_with_masked_credentials_and_sends_nothing(atlas_server: LoopbackServer) -> None:
    result = create(atlas_server, *REQUEST_OPTIONS, "--dry-run")

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"POST {atlas_server.url}/api/atlas/v2/groups/{GROUP_ID}/streams"
    assert "accept: application/vnd.atlas.2023-02-01+json, application/json;q=0.9" in lines
    assert "content-type: application/vnd.atlas.2023-02-01+json" in lines
    assert any(line.startswith("authorization: ") and "public-key" in line for line in lines)
    assert json.loads(result.stdout[result.stdout.index("\n{") :]) == _covered_by_options(request_example())
    assert PRIVATE_KEY not in result.stdout + result.stderr
    assert atlas_server.requests == []


def test_dry_run_prints_the_body_bytes_that_would_be_sent(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(documented_response(200))
    create(atlas_server, *REQUEST_OPTIONS)
    (sent,) = atlas_server.requests

    result = create(atlas_server, *REQUEST_OPTIONS, "--dry-run")

    headers, _, body = result.stdout.partition("\n\n")
    assert body == sent.body.decode() + "\n"
    assert f"content-length: {len(sent.body)}" in headers.splitlines()


def counted_body_checks(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Each body that the operation module checks from now on."""
    checked: list[object] = []

    def counting(data: object, schema: dict[str, object]) -> None:
        checked.append(data)
        check_request_body(data, schema)

    monkeypatch.setattr(f"{create_stream_workspace.__name__}.check_request_body", counting)
    return checked


def in_process(server: LoopbackServer, monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    for name in [name for name in os.environ if name.startswith("MONGODB_ATLAS_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("MONGODB_ATLAS_PUBLIC_API_KEY", "public-key")
    monkeypatch.setenv("MONGODB_ATLAS_PRIVATE_API_KEY", PRIVATE_KEY)
    return cli.main(["create-workspace", "--base-url", server.url, "--group-id", GROUP_ID, *REQUEST_OPTIONS, *args])


def test_dry_run_builds_the_request_with_the_operations_dry_run_checking_the_body_once(
    atlas_server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = counted_body_checks(monkeypatch)
    built: list[dict[str, object]] = []
    dry_run = create_stream_workspace.dry_run

    def recording(**kwargs: Any) -> httpx.Request:
        built.append(kwargs)
        return dry_run(**kwargs)

    monkeypatch.setattr(create_stream_workspace, "dry_run", recording)

    code = in_process(atlas_server, monkeypatch, "--dry-run")

    assert code == 0
    assert len(built) == 1 and built[0]["group_id"] == GROUP_ID
    assert len(checked) == 1
    assert atlas_server.requests == []


def test_a_request_checks_the_body_once(atlas_server: LoopbackServer, monkeypatch: pytest.MonkeyPatch) -> None:
    atlas_server.respond(documented_response(200))
    checked = counted_body_checks(monkeypatch)

    code = in_process(atlas_server, monkeypatch)

    assert code == 0
    assert len(checked) == 1 and len(atlas_server.requests) == 1


def test_invalid_group_id_is_reported_before_missing_credentials(atlas_server: LoopbackServer) -> None:
    result = create(atlas_server, *REQUEST_OPTIONS, "--group-id", "not-a-project", credentials=False)

    assert result.returncode == 3
    assert result.stderr.startswith("atlas-streams: --group-id: 'not-a-project' does not match the pattern")


def test_invalid_group_id_is_reported_by_option_before_sending(atlas_server: LoopbackServer) -> None:
    result = run("create-workspace", "--base-url", atlas_server.url, "--group-id", "not-a-project", *REQUEST_OPTIONS)

    assert result.returncode == 3
    assert result.stderr == ("atlas-streams: --group-id: 'not-a-project' does not match the pattern ^([a-f0-9]{24})$\n")
    assert atlas_server.requests == []


def test_unknown_region_is_reported_by_option_before_sending(atlas_server: LoopbackServer) -> None:
    result = create(atlas_server, *REQUEST_OPTIONS, "--region", "MARS_BASE")

    assert result.returncode == 3
    assert result.stderr.startswith("atlas-streams: --region: 'MARS_BASE' is not one of SYDNEY_AUS, ")
    assert atlas_server.requests == []


def test_help_lists_enum_choices_from_the_spec_and_the_exit_statuses() -> None:
    result = run("create-workspace", "--help")

    text = " ".join(result.stdout.split())
    assert "one of: SP50, SP30, SP10, SP5, SP2" in text
    assert "US_EAST4" in text
    assert "5 the project or another resource does not exist (404)" in text


def test_help_describes_each_parameter_from_the_spec_with_its_pattern() -> None:
    result = run("create-workspace", "--help")

    text = " ".join(result.stdout.split())
    assert (
        "--group-id VALUE 24-character hexadecimal ID of the project that will own the new stream workspace. "
        "Pattern: ^([a-f0-9]{24})$"
    ) in text
    assert "--envelope Set to true to have Atlas wrap the response in an `envelope` JSON object" in text
    assert "--pretty Set to true to receive an indented, human-readable (pretty-printed) response body." in text


def test_bad_request_lists_atlas_field_problems_after_the_error_line(atlas_server: LoopbackServer) -> None:
    fields = [{"field": "name", "description": "bad name"}, {"field": "streamConfig.tier", "description": "no"}]
    error = {"error": 400, "errorCode": "VALIDATION_ERROR", "reason": "Bad Request", "detail": "Invalid request."}
    atlas_server.respond(CannedResponse.json(400, {**error, "badRequestDetail": {"fields": fields}}))

    result = create(atlas_server, *REQUEST_OPTIONS)

    assert (result.returncode, result.stderr.splitlines()) == (
        3,
        [
            "atlas-streams: Atlas error 400: VALIDATION_ERROR: Bad Request: Invalid request. "
            + _request_line(atlas_server),
            "atlas-streams: name: bad name",
            "atlas-streams: streamConfig.tier: no",
        ],
    )


@pytest.mark.parametrize(
    ("response", "status"),
    [
        (atlas_error(400, "VALIDATION_ERROR", "bad", "Bad Request"), 3),
        (atlas_error(401, "NOT_ORG_GROUP_CREATOR", "no", "Unauthorized"), 4),
        (atlas_error(403, "CANNOT_CHANGE_GROUP_NAME", "no", "Forbidden"), 4),
        (documented_response(404), 5),
        (atlas_error(409, "DUPLICATE_STREAM_WORKSPACE", "taken", "Conflict"), 1),
        (atlas_error(429, "RATE_LIMITED", "slow down", "Too Many Requests", {"Retry-After": "0"}), 6),
        (atlas_error(500, "UNEXPECTED_ERROR", "oops", "Internal Server Error"), 7),
    ],
    ids=["400", "401", "403", "404", "409", "429", "500"],
)
def test_atlas_errors_exit_with_their_class_status(
    atlas_server: LoopbackServer, response: CannedResponse, status: int
) -> None:
    atlas_server.respond(*[response] * 3)  # 429 is retried; the others are answered once

    result = create(atlas_server, *REQUEST_OPTIONS)

    assert result.returncode == status, result.stderr
    error = json.loads(response.body)
    assert result.stderr.startswith(f"atlas-streams: Atlas error {error['error']}: {error['errorCode']}: ")
    assert result.stdout == ""


def _request_line(server: LoopbackServer) -> str:
    """How an error line names the request it answered."""
    return f"(POST {server.url}/api/atlas/v2/groups/{GROUP_ID}/streams)"


def test_not_found_error_shows_code_reason_and_detail(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(documented_response(404))

    result = create(atlas_server, *REQUEST_OPTIONS)

    example = response_example(404)
    assert result.stderr == (
        f"atlas-streams: Atlas error 404: {example['errorCode']}: {example['reason']}: {example['detail']} "
        f"{_request_line(atlas_server)}\n"
    )


@pytest.mark.off_contract("real Atlas sends ApiError.parameters as strings; the spec says objects")
def test_error_with_string_parameters_shows_code_reason_and_detail(atlas_server: LoopbackServer) -> None:
    detail = f"No group with ID {GROUP_ID} exists."
    body = {
        "detail": detail,
        "error": 404,
        "errorCode": "GROUP_NOT_FOUND",
        "parameters": [GROUP_ID],
        "reason": "Not Found",
    }
    atlas_server.respond(CannedResponse.json(404, body))

    result = create(atlas_server, *REQUEST_OPTIONS)

    assert (result.returncode, result.stderr) == (
        5,
        f"atlas-streams: Atlas error 404: GROUP_NOT_FOUND: Not Found: {detail} {_request_line(atlas_server)}\n",
    )


@pytest.mark.off_contract("a 2xx body that breaks the documented schema")
def test_unreadable_success_body_exits_with_the_server_status(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(CannedResponse(200, {"Content-Type": "text/html"}, b"<html>ok</html>"))

    result = create(atlas_server, *REQUEST_OPTIONS)

    assert result.returncode == 7
    assert result.stderr.startswith("atlas-streams: Atlas error 200: unreadable response body (JSONDecodeError: ")
    assert result.stdout == ""


def test_connection_refused_exits_with_the_network_status() -> None:
    result = run("create-workspace", "--base-url", f"http://127.0.0.1:{closed_port()}", "--group-id", GROUP_ID)

    assert result.returncode == 8
    assert result.stderr.startswith("atlas-streams: network error: ConnectError")


def test_missing_credentials_exit_with_the_auth_status(atlas_server: LoopbackServer) -> None:
    result = create(atlas_server, *REQUEST_OPTIONS, credentials=False)

    assert result.returncode == 4
    assert "MONGODB_ATLAS_CLIENT_ID" in result.stderr and "MONGODB_ATLAS_PUBLIC_API_KEY" in result.stderr
    assert atlas_server.requests == []


def test_missing_required_option_is_a_usage_error() -> None:
    result = run("create-workspace")

    assert result.returncode == 2
    assert "--group-id" in result.stderr


def test_an_operation_added_to_the_spec_becomes_a_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(tmp_path)
    spec = project / "spec/streams.yaml"
    (key, operation), *_ = operations(load_spec(spec).data).items()
    names = {"operationId": "copyGroupStreamWorkspace", "x-xgen-operation-id-override": "copyStreamWorkspace"}
    names |= {"x-codegen-operation-name": "copyStreamWorkspace"}
    renamed = {**operation, **{name: value for name, value in names.items() if name in operation}}
    renamed["x-xgen-method-verb-override"] = {**operation["x-xgen-method-verb-override"], "verb": "copyWorkspace"}
    edited(spec, spec, put(("paths", f"{key.path}/copies"), {key.method: renamed}))
    monkeypatch.chdir(project)

    assert codegen(["generate"]) == 0

    cli = read_tree(project / "generated/atlas-streams-client")["atlas_streams/cli.py"].decode()
    assert 'name="copy-workspace"' in cli
    assert "operation=copy_stream_workspace" in cli
