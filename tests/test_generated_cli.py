"""The generated package's console script, run as an installed command against the loopback server."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from atlas_streams import cli
from atlas_streams._validation import check_request_body
from openapi_python_client.strings import kebab_case
from support.atlas_fakes import (
    ATLAS_ACCEPT,
    ATLAS_MEDIA_TYPE,
    GROUP_ID,
    STREAMS_PATH,
    atlas_error,
    closed_port,
    documented_response,
    error_example,
    error_response,
)
from support.generated_client import command_words, operation, operation_module
from support.loopback import CannedResponse, LoopbackServer
from support.project_copy import copy_project
from support.spec_edit import edited, put
from support.spec_examples import (
    body_operation,
    documented_operation,
    request_example,
    request_media,
    response_example,
    schema_at,
    spec_data,
)
from support.terminal import run_on_a_terminal

from generator.cli import main as codegen
from generator.output import read_tree
from generator.spec.loading import load_spec
from generator.spec.pointers import node_at, resolved
from generator.spec.schema_facts import enum_values
from generator.spec.vocabulary import CLI, operations

# The installed console script: under STREAMS_CODEGEN_PROJECT, PYTHONPATH makes it run the copy's package.
COMMAND = Path(sys.executable).parent / "atlas-streams"
PRIVATE_KEY = "private-key-never-shown"


def body_options() -> dict[str, tuple[str, ...]]:
    """Option -> JSON path (x-codegen-cli) of each body option whose field the request example holds."""
    options = documented_operation().get(CLI, {}).get("options", {})
    example = request_example()
    found = {option: tuple(path.split(".")) for option, path in options.items()}
    return {option: path for option, path in found.items() if _holds(example, path)}


def _holds(value: Any, path: tuple[str, ...]) -> bool:
    try:
        node_at(value, path)
    except (KeyError, TypeError):
        return False
    return True


def request_options() -> list[str]:
    """The body options that set every field of the request example that an option can set, to its value."""
    example, arguments = request_example(), []
    for option, path in body_options().items():
        value = node_at(example, path)
        if isinstance(value, bool):
            arguments.append(f"--{option}" if value else f"--no-{option}")
        else:
            arguments += [f"--{option}", str(value)]
    return arguments


def option_values(path: tuple[str, ...]) -> list[Any]:
    """The values that the field at `path` of the request body allows (an enum, or a union of enums)."""
    return enum_values(spec_data(), schema_at(request_media()[1]["schema"], path))


def enum_options() -> dict[str, tuple[str, ...]]:
    return {option: path for option, path in body_options().items() if option_values(path)}


def enum_option() -> tuple[str, tuple[str, ...]]:
    """The first body option that takes one of a list of values, and the JSON path it sets."""
    return next(iter(enum_options().items()), None) or pytest.skip("the command has no option with listed values")


def command_env(credentials: bool = True) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("MONGODB_ATLAS_")}
    if credentials:
        env |= {"MONGODB_ATLAS_PUBLIC_API_KEY": "public-key", "MONGODB_ATLAS_PRIVATE_API_KEY": PRIVATE_KEY}
    return env


def run(*args: str, stdin: str = "", credentials: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(COMMAND), *args], input=stdin, capture_output=True, text=True, env=command_env(credentials), timeout=60
    )


def create(server: LoopbackServer, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return run(*command_words(), "--base-url", server.url, "--group-id", GROUP_ID, *args, **kwargs)  # type: ignore[arg-type]


def test_create_workspace_prints_the_response_json_and_exits_0(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(documented_response(200))

    result = create(atlas_server, *request_options())

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == response_example(200)
    assert result.stdout.count("\n") == 1  # compact when stdout is not a terminal


def test_response_json_is_indented_when_stdout_is_a_terminal(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(documented_response(200))

    shown = run_on_a_terminal(
        [str(COMMAND), *command_words(), "--base-url", atlas_server.url, "--group-id", GROUP_ID, *request_options()],
        command_env(),
    )
    status, output = shown.status, shown.output

    assert status == 0
    assert json.loads(output) == response_example(200)
    assert output == json.dumps(json.loads(output), indent=2) + "\n"


def test_body_options_build_the_documented_request(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(documented_response(200))

    create(atlas_server, *request_options())

    (request,) = atlas_server.requests
    assert (request.method, request.path_only) == (body_operation().method.upper(), STREAMS_PATH)
    assert request.json() == _covered_by_options(request_example())
    assert request.query == []


def _covered_by_options(example: dict[str, Any]) -> dict[str, Any]:
    """The part of `example` that the command's body options (x-codegen-cli) can express."""
    covered: dict[str, Any] = {}
    for *parents, leaf in body_options().values():
        source, target = example, covered
        for part in parents:
            source, target = source[part], target.setdefault(part, {})
        target[leaf] = source[leaf]
    return covered


def test_body_from_a_file_with_options_overriding_its_fields(atlas_server: LoopbackServer, tmp_path: Path) -> None:
    option, path = enum_option()
    other = next(value for value in option_values(path) if value != node_at(request_example(), path))
    atlas_server.respond(documented_response(200))
    body_file = tmp_path / "body.json"
    body_file.write_text(json.dumps(request_example()), encoding="utf-8")

    create(atlas_server, "--file", str(body_file), f"--{option}", str(other))

    expected = request_example()
    node_at(expected, path[:-1])[path[-1]] = other
    assert atlas_server.requests[0].json() == expected


def test_body_from_stdin(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(documented_response(200))

    result = create(atlas_server, "--file", "-", stdin=json.dumps(request_example()))

    assert result.returncode == 0, result.stderr
    assert atlas_server.requests[0].json() == request_example()


def test_envelope_and_pretty_flags_are_sent_only_when_given(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(CannedResponse.json(200, {"status": 200, "content": response_example(200)}))

    result = create(atlas_server, *request_options(), "--envelope")

    assert result.returncode == 0, result.stderr
    assert atlas_server.requests[0].query == [("envelope", "true")]
    assert json.loads(result.stdout) == response_example(200)


def test_dry_run_prints_the_request_with_masked_credentials_and_sends_nothing(atlas_server: LoopbackServer) -> None:
    result = create(atlas_server, *request_options(), "--dry-run")

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"{body_operation().method.upper()} {atlas_server.url}{STREAMS_PATH}"
    assert f"accept: {ATLAS_ACCEPT}" in lines
    assert f"content-type: {ATLAS_MEDIA_TYPE}" in lines
    assert any(line.startswith("authorization: ") and "public-key" in line for line in lines)
    assert json.loads(result.stdout[result.stdout.index("\n{") :]) == _covered_by_options(request_example())
    assert PRIVATE_KEY not in result.stdout + result.stderr
    assert atlas_server.requests == []


def test_dry_run_prints_the_body_bytes_that_would_be_sent(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(documented_response(200))
    create(atlas_server, *request_options())
    (sent,) = atlas_server.requests

    result = create(atlas_server, *request_options(), "--dry-run")

    headers, _, body = result.stdout.partition("\n\n")
    assert body == sent.body.decode() + "\n"
    assert f"content-length: {len(sent.body)}" in headers.splitlines()


def counted_body_checks(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Each body that the operation module checks from now on."""
    checked: list[object] = []

    def counting(data: object, schema: dict[str, object]) -> None:
        checked.append(data)
        check_request_body(data, schema)

    monkeypatch.setattr(f"{operation.__name__}.check_request_body", counting)
    return checked


def in_process(server: LoopbackServer, monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    for name in [name for name in os.environ if name.startswith("MONGODB_ATLAS_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("MONGODB_ATLAS_PUBLIC_API_KEY", "public-key")
    monkeypatch.setenv("MONGODB_ATLAS_PRIVATE_API_KEY", PRIVATE_KEY)
    return cli.main([*command_words(), "--base-url", server.url, "--group-id", GROUP_ID, *request_options(), *args])


def test_dry_run_builds_the_request_with_the_operations_dry_run_checking_the_body_once(
    atlas_server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = counted_body_checks(monkeypatch)
    built: list[dict[str, object]] = []
    module = operation_module()
    dry_run = module.dry_run

    def recording(**kwargs: Any) -> httpx.Request:
        built.append(kwargs)
        request: httpx.Request = dry_run(**kwargs)
        return request

    monkeypatch.setattr(module, "dry_run", recording)

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
    result = create(atlas_server, *request_options(), "--group-id", "not-a-project", credentials=False)

    assert result.returncode == 3
    assert result.stderr.startswith("atlas-streams: --group-id: 'not-a-project' does not match the pattern")


def group_id_pattern() -> str:
    parameters = [resolved(spec_data(), parameter) for parameter in documented_operation().get("parameters", [])]
    return str(next(p["schema"]["pattern"] for p in parameters if p["name"] == "groupId"))


def test_invalid_group_id_is_reported_by_option_before_sending(atlas_server: LoopbackServer) -> None:
    result = run(*command_words(), "--base-url", atlas_server.url, "--group-id", "not-a-project", *request_options())

    assert result.returncode == 3
    assert (
        result.stderr == f"atlas-streams: --group-id: 'not-a-project' does not match the pattern {group_id_pattern()}\n"
    )
    assert atlas_server.requests == []


def test_a_value_outside_an_enum_option_is_reported_by_option_before_sending(atlas_server: LoopbackServer) -> None:
    option, path = enum_option()

    result = create(atlas_server, *request_options(), f"--{option}", "MARS_BASE")

    assert result.returncode == 3
    assert result.stderr.startswith(f"atlas-streams: --{option}: 'MARS_BASE' is not one of {option_values(path)[0]}, ")
    assert atlas_server.requests == []


def help_text() -> str:
    return " ".join(run(*command_words(), "--help").stdout.split())


def test_help_lists_enum_choices_from_the_spec_and_the_exit_statuses() -> None:
    text = help_text()

    for path in enum_options().values():
        assert f"one of: {', '.join(map(str, option_values(path)))}" in text
    assert "5 the project or another resource does not exist (404)" in text


def first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s", " ".join(text.split()), maxsplit=1)[0]


def test_help_describes_each_parameter_from_the_spec_with_its_pattern() -> None:
    text = help_text()

    for parameter in documented_operation().get("parameters", []):
        parameter = resolved(spec_data(), parameter)
        schema = resolved(spec_data(), parameter.get("schema", {}))
        metavar = "" if schema.get("type") == "boolean" else " VALUE"
        pattern = f" Pattern: {schema['pattern']}" if "pattern" in schema else ""
        described = f"--{kebab_case(parameter['name'])}{metavar} {first_sentence(parameter['description'])}{pattern}"
        assert described in text


def test_bad_request_lists_atlas_field_problems_after_the_error_line(atlas_server: LoopbackServer) -> None:
    fields = [{"field": "name", "description": "bad name"}, {"field": "streamConfig.tier", "description": "no"}]
    error = {"error": 400, "errorCode": "VALIDATION_ERROR", "reason": "Bad Request", "detail": "Invalid request."}
    atlas_server.respond(CannedResponse.json(400, {**error, "badRequestDetail": {"fields": fields}}))

    result = create(atlas_server, *request_options())

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
        (error_response(404), 5),
        (atlas_error(409, "DUPLICATE_STREAM_WORKSPACE", "taken", "Conflict"), 1),
        (atlas_error(429, "RATE_LIMITED", "slow down", "Too Many Requests", {"Retry-After": "0"}), 6),
        (atlas_error(500, "UNEXPECTED_ERROR", "oops", "Internal Server Error"), 7),
    ],
    ids=["400", "401", "403", "404", "409", "429", "500"],
)
def test_atlas_errors_exit_with_their_class_status(
    atlas_server: LoopbackServer, response: CannedResponse, status: int
) -> None:
    # 429 is retried; a 500 to the create is read back by a GET, which is retried too; the others are answered once
    atlas_server.respond(*[response] * 4)

    result = create(atlas_server, *request_options())

    assert result.returncode == status, result.stderr
    error = json.loads(response.body)
    assert result.stderr.startswith(f"atlas-streams: Atlas error {error['error']}: {error['errorCode']}: ")
    assert result.stdout == ""


def _request_line(server: LoopbackServer) -> str:
    """How an error line names the request it answered."""
    return f"({body_operation().method.upper()} {server.url}{STREAMS_PATH})"


def test_not_found_error_shows_code_reason_and_detail(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(error_response(404))

    result = create(atlas_server, *request_options())

    example = error_example(404)
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

    result = create(atlas_server, *request_options())

    assert (result.returncode, result.stderr) == (
        5,
        f"atlas-streams: Atlas error 404: GROUP_NOT_FOUND: Not Found: {detail} {_request_line(atlas_server)}\n",
    )


@pytest.mark.off_contract("a 2xx body that breaks the documented schema")
def test_unreadable_success_body_exits_with_the_server_status(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(CannedResponse(200, {"Content-Type": "text/html"}, b"<html>ok</html>"))

    result = create(atlas_server, *request_options())

    assert result.returncode == 7
    assert result.stderr.startswith("atlas-streams: Atlas error 200: unreadable response body (JSONDecodeError: ")
    assert result.stdout == ""


def test_connection_refused_exits_with_the_network_status() -> None:
    result = run(*command_words(), "--base-url", f"http://127.0.0.1:{closed_port()}", "--group-id", GROUP_ID)

    assert result.returncode == 8
    assert result.stderr.startswith("atlas-streams: network error: ConnectError")


def test_missing_credentials_exit_with_the_auth_status(atlas_server: LoopbackServer) -> None:
    result = create(atlas_server, *request_options(), credentials=False)

    assert result.returncode == 4
    assert "MONGODB_ATLAS_CLIENT_ID" in result.stderr and "MONGODB_ATLAS_PUBLIC_API_KEY" in result.stderr
    assert atlas_server.requests == []


def test_missing_required_option_is_a_usage_error() -> None:
    result = run(*command_words())

    assert result.returncode == 2
    assert "--group-id" in result.stderr


def test_an_operation_added_to_the_spec_becomes_a_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(tmp_path)
    spec = project / "spec/streams.yaml"
    (key, operation), *_ = operations(load_spec(spec).data).items()
    names = {"operationId": "copyGroupStreamWorkspace", "x-xgen-operation-id-override": "copyStreamWorkspace"}
    names |= {"x-codegen-operation-name": "copyStreamWorkspace"}
    renamed = {**operation, **{name: value for name, value in names.items() if name in operation}}
    ours = {key: value for key, value in operation.get(CLI, {}).items() if key != "aliases"}
    renamed[CLI] = {**ours, "command": "workspaces copy"}  # ours wins over upstream's verb
    edited(spec, spec, put(("paths", f"{key.path}/copies"), {key.method: renamed}))
    monkeypatch.chdir(project)

    assert codegen(["generate"]) == 0

    cli = read_tree(project / "generated/atlas-streams-client")["atlas_streams/cli.py"].decode()
    assert 'name="workspaces copy"' in cli
    assert "operation=copy_stream_workspace" in cli
