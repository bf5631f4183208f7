"""Every Python and command-line example in the generated docs, in every language, and in the package's
README.md, runs against a loopback Atlas.

Each example takes its credentials and base URL from the environment (`Client.from_env()`, or `os.environ`
where it builds the auth itself), which the test points at the loopback server, with either kind of
credentials that the docs describe and that the fakes of tests/support/atlas_fakes.py check. The server answers the
documented 200 example, so the example's request and its printed result can be checked.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from support import CLIENT_DIR
from support.atlas_fakes import STREAMS_PATH, DigestVerifier, OAuthTokenEndpoint, documented_response
from support.fake_atlas import WorkspaceStore, settings
from support.generated_client import operation_slug
from support.loopback import CannedResponse, LoopbackServer, RecordedRequest
from support.markdown_pages import code_blocks, pages
from support.spec_examples import (
    documented_operation,
    example_path,
    request_example,
    spec_data,
    success_media,
    success_status,
)

from generator.spec.pointers import resolved
from generator.spec.python_naming import kebab_case
from generator.spec.vocabulary import OperationKey, operations

PACKAGE = CLIENT_DIR
DOCS = PACKAGE / "docs"
README = PACKAGE / "README.md"
COMMAND = "atlas-streams"  # the generated console script, installed into this environment
CLIENT_ID = "mdb_sa_id_docs_example"
CLIENT_SECRET = "mdb_sa_sk_docs_example_secret"
PUBLIC_KEY = "docspubl"
PRIVATE_KEY = "docs-example-private-key"


def _api_key(server: LoopbackServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MONGODB_ATLAS_PUBLIC_API_KEY", PUBLIC_KEY)
    monkeypatch.setenv("MONGODB_ATLAS_PRIVATE_API_KEY", PRIVATE_KEY)
    DigestVerifier(PUBLIC_KEY, PRIVATE_KEY).install(server)


def _service_account(server: LoopbackServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MONGODB_ATLAS_CLIENT_ID", CLIENT_ID)
    monkeypatch.setenv("MONGODB_ATLAS_CLIENT_SECRET", CLIENT_SECRET)
    OAuthTokenEndpoint(CLIENT_ID, CLIENT_SECRET).install(server)


CREDENTIALS = {"api-key": _api_key, "service-account": _service_account}
# The variables that an example naming them needs; one that names none (Client.from_env()) runs with each kind.
CREDENTIAL_VARIABLES = {
    "api-key": ("MONGODB_ATLAS_PUBLIC_API_KEY", "MONGODB_ATLAS_PRIVATE_API_KEY"),
    "service-account": ("MONGODB_ATLAS_CLIENT_ID", "MONGODB_ATLAS_CLIENT_SECRET"),
}


def _example_pages() -> list[Path]:
    """The pages whose examples run: every docs page, and the package README."""
    return [*pages(DOCS), README]


def _page_name(page: Path) -> str:
    return page.relative_to(DOCS if page.is_relative_to(DOCS) else PACKAGE).as_posix()


def _credential_kinds(code: str) -> list[str]:
    named = [kind for kind, variables in CREDENTIAL_VARIABLES.items() if any(name in code for name in variables)]
    return named or list(CREDENTIALS)


def _examples() -> list[tuple[str, str]]:
    return [
        (f"{_page_name(page)}#{number}", code)
        for page in _example_pages()
        for number, code in enumerate(code_blocks(page.read_text(encoding="utf-8"), "python"), start=1)
    ]


EXAMPLES = _examples()
DOCS_EXAMPLES = [(name, code) for name, code in EXAMPLES if not name.startswith("README.md")]
README_EXAMPLES = [
    pytest.param(name, code, kind, id=f"{name}-{kind}")
    for name, code in EXAMPLES
    if name.startswith("README.md")
    for kind in _credential_kinds(code)
]


def test_each_language_documents_sync_async_and_detailed_calls_and_the_readme_its_own() -> None:
    # Guards the parametrizations below against silently losing examples.
    slugs = sorted(operation_slug(key) for key in operations(spec_data()))
    assert sorted(name for name, _ in EXAMPLES) == [
        "README.md#1",
        "README.md#2",
        "README.md#3",
        "README.md#4",
        "README.md#5",
        "README.md#6",
        "README.md#7",
        *(f"{prefix}operations/{slug}.md#{number}" for prefix in ("ko/", "") for slug in slugs for number in (1, 2, 3)),
    ]


def _point_at(server: LoopbackServer, monkeypatch: pytest.MonkeyPatch, credentials: str) -> None:
    """The environment of an example: only the loopback base URL and one kind of credentials."""
    for variable in [key for key in os.environ if key.startswith("MONGODB_ATLAS_")]:
        monkeypatch.delenv(variable)
    monkeypatch.setenv("MONGODB_ATLAS_OPS_MANAGER_URL", server.url)
    CREDENTIALS[credentials](server, monkeypatch)


def _authenticated_calls(server: LoopbackServer, path: str = STREAMS_PATH) -> list[RecordedRequest]:
    # Digest auth sends each request once without credentials first, to get the challenge.
    return [call for call in server.requests_to(path) if "Authorization" in call.headers]


def _page_operation(name: str) -> OperationKey:
    """The operation whose page `name` ("ko/operations/<slug>.md#2") is."""
    slug = name.partition("#")[0].rpartition("/")[2].removesuffix(".md")
    return next(key for key in operations(spec_data()) if operation_slug(key) == slug)


def _success(key: OperationKey) -> tuple[CannedResponse, Any]:
    """The operation's documented success as the server sends it, and its example body (None without one)."""
    media_type, media = success_media(key)
    if "schema" not in media:
        return CannedResponse(success_status(key), {"Content-Type": media_type}), None
    return CannedResponse.json(success_status(key), media["example"], media_type), media["example"]


def _strings(value: Any) -> list[str]:
    """The strings of a JSON value, depth first."""
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return [value] if isinstance(value, str) else []


def _sent_body(call: RecordedRequest) -> Any:
    return call.json() if call.body else None


@pytest.mark.parametrize("credentials", list(CREDENTIALS))
@pytest.mark.parametrize(("name", "code"), DOCS_EXAMPLES, ids=[name for name, _ in DOCS_EXAMPLES])
def test_python_example_runs_against_atlas(
    name: str,
    code: str,
    credentials: str,
    atlas_server: LoopbackServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    key = _page_operation(name)
    answer, example = _success(key)
    _point_at(atlas_server, monkeypatch, credentials)
    atlas_server.respond(answer)

    exec(compile(code, name, "exec"), {"__name__": "__main__"})

    calls = _authenticated_calls(atlas_server, example_path(key))
    body = request_example(key) if "requestBody" in operations(spec_data())[key] else None
    assert [(call.method, _sent_body(call), call.query) for call in calls] == [(key.method.upper(), body, [])]
    texts = _strings(example)
    if texts:  # the example prints the parsed result: a text of the success example shows in it
        assert repr(texts[0]) in capsys.readouterr().out


@pytest.mark.parametrize(("name", "code", "credentials"), README_EXAMPLES)
def test_readme_python_example_runs_as_written(
    name: str, code: str, credentials: str, atlas_server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    _point_at(atlas_server, monkeypatch, credentials)
    atlas_server.respond(documented_response(200))

    exec(compile(code, name, "exec"), {"__name__": "__main__"})

    # What an example sends, it sends to the base URL of the environment, authenticated (the contract
    # check of the atlas_server fixture validates its body).
    assert len(_authenticated_calls(atlas_server)) == (f"{operation_slug()}." in code)


def _command_lines() -> list[tuple[str, list[str]]]:
    """(page, its shell lines that run the generated command) of every page that has some. A line ending in
    a backslash goes on on the next, as in the shell."""
    return [
        (_page_name(page), lines)
        for page in _example_pages()
        if (
            lines := [
                line
                for block in code_blocks(page.read_text(encoding="utf-8"), "sh")
                for line in block.replace("\\\n", " ").splitlines()
                if line.startswith(f"{COMMAND} ")
            ]
        )
    ]


COMMAND_LINES = _command_lines()


def test_each_language_and_the_readme_document_the_command_line() -> None:
    slugs = sorted(operation_slug(key) for key in operations(spec_data()))
    assert [page for page, _ in COMMAND_LINES] == [
        *(f"ko/operations/{slug}.md" for slug in slugs),
        *(f"operations/{slug}.md" for slug in slugs),
        "README.md",
    ]


def _command_page_operation(page: str) -> OperationKey | None:
    """The operation an operation page documents; None for the README (whose examples are the create's)."""
    slug = Path(page).stem
    return next((key for key in operations(spec_data()) if page != "README.md" and operation_slug(key) == slug), None)


def _named_workspaces(lines: list[str]) -> set[str]:
    """The workspaces the lines name by a path parameter other than the project's: they must exist first."""
    options = {
        f"--{kebab_case(parameter['name'])}"
        for operation in operations(spec_data()).values()
        for parameter in (resolved(spec_data(), p) for p in operation.get("parameters", []))
        if parameter.get("in") == "path" and parameter["name"] != "groupId"
    }
    return {
        words[index + 1]
        for words in (shlex.split(line, comments=True) for line in lines)
        for index, word in enumerate(words[:-1])
        if word in options
    }


def _runnable(page: str) -> list[pytest.MarkDecorator]:
    key = _command_page_operation(page)
    creates = key is not None and key.method == "post" and "requestBody" in documented_operation(key)
    if not creates or "name" in request_example(key):
        return []
    return [pytest.mark.xfail(reason="the spec's request example names no workspace, which Atlas refuses", strict=True)]


@pytest.mark.parametrize(
    ("page", "lines"),
    [pytest.param(page, lines, marks=_runnable(page)) for page, lines in COMMAND_LINES],
    ids=[page for page, _ in COMMAND_LINES],
)
def test_command_line_example_runs_against_atlas(
    page: str, lines: list[str], atlas_server: LoopbackServer, tmp_path: Path
) -> None:
    # The pages say to save the request example as body.json first.
    key = _command_page_operation(page)
    body = request_example(key) if page == "README.md" or "requestBody" in documented_operation(key) else None
    (tmp_path / "body.json").write_text(json.dumps(body), encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if not key.startswith("MONGODB_ATLAS_")}
    env |= {
        "MONGODB_ATLAS_OPS_MANAGER_URL": atlas_server.url,
        "MONGODB_ATLAS_PUBLIC_API_KEY": PUBLIC_KEY,
        "MONGODB_ATLAS_PRIVATE_API_KEY": PRIVATE_KEY,
    }
    verifier, atlas = DigestVerifier(PUBLIC_KEY, PRIVATE_KEY), WorkspaceStore()
    if key is not None:  # the README creates the workspace it goes on to use
        atlas.workspaces.update({name: settings(name) for name in _named_workspaces(lines)})
    atlas_server.guard(lambda request: verifier(request) or atlas(request))

    for line in lines:
        sent_before = len(_command_calls(atlas_server))
        command, *arguments = shlex.split(line, comments=True)
        executable = Path(sys.executable).parent / command
        result = subprocess.run(
            [executable, *arguments], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False
        )
        assert result.returncode == 0, f"{line}: {result.stderr}"

        sent = _command_calls(atlas_server)[sent_before:]
        if "--help" in arguments or "--dry-run" in arguments:
            assert sent == [], line
        elif arguments[-2:] == ["--file", "body.json"]:
            assert [call.json() for call in sent] == [body], line
        else:
            assert len(sent) == 1, line  # the contract check validates what was sent


def _command_calls(server: LoopbackServer) -> list[RecordedRequest]:
    """The authenticated requests for a project's stream workspaces, a single one's included."""
    return [
        call for call in server.requests if call.path_only.startswith(STREAMS_PATH) and "Authorization" in call.headers
    ]
