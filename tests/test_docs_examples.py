"""Every Python and command-line example in the generated docs, in every language, runs against a loopback
Atlas.

Each example takes its credentials and base URL from the environment (`Client.from_env()`), which the test
points at the loopback server, with either kind of credentials that the docs describe and that the fakes of
tests/atlas_fakes.py check. The server answers the documented 200 example, so the example's request and its
printed result can be checked.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from atlas_fakes import STREAMS_PATH, DigestVerifier, OAuthTokenEndpoint, documented_response
from loopback import LoopbackServer
from markdown_pages import code_blocks, pages
from project_copy import ROOT
from spec_examples import request_example, response_example

DOCS = ROOT / "generated/atlas-streams-client/docs"
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


CREDENTIALS = [pytest.param(_api_key, id="api-key"), pytest.param(_service_account, id="service-account")]


def _examples() -> list[tuple[str, str]]:
    return [
        (f"{page.relative_to(DOCS).as_posix()}#{number}", code)
        for page in pages(DOCS)
        for number, code in enumerate(code_blocks(page.read_text(encoding="utf-8"), "python"), start=1)
    ]


EXAMPLES = _examples()


def test_each_language_documents_sync_async_and_detailed_calls() -> None:
    # Guards the parametrization below against silently losing examples.
    assert sorted(name for name, _ in EXAMPLES) == [
        f"{prefix}operations/create_stream_workspace.md#{number}" for prefix in ("ko/", "") for number in (1, 2, 3)
    ]


@pytest.mark.parametrize("credentials", CREDENTIALS)
@pytest.mark.parametrize(("name", "code"), EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_python_example_runs_against_atlas(
    name: str,
    code: str,
    credentials: Callable[[LoopbackServer, pytest.MonkeyPatch], None],
    atlas_server: LoopbackServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for variable in [key for key in os.environ if key.startswith("MONGODB_ATLAS_")]:
        monkeypatch.delenv(variable)
    monkeypatch.setenv("MONGODB_ATLAS_OPS_MANAGER_URL", atlas_server.url)
    credentials(atlas_server, monkeypatch)
    atlas_server.respond(documented_response(200))

    exec(compile(code, name, "exec"), {"__name__": "__main__"})

    # Digest auth sends each request once without credentials first, to get the challenge.
    calls = [call for call in atlas_server.requests_to(STREAMS_PATH) if "Authorization" in call.headers]
    assert [(call.method, call.json(), call.query) for call in calls] == [("POST", request_example(), [])]
    assert repr(response_example(200)["_id"]) in capsys.readouterr().out


def _command_lines() -> list[tuple[str, list[str]]]:
    """(page, its shell lines that run the generated command) of every operation page."""
    return [
        (page.relative_to(DOCS).as_posix(), lines)
        for page in pages(DOCS)
        if (
            lines := [
                line
                for block in code_blocks(page.read_text(encoding="utf-8"), "sh")
                for line in block.splitlines()
                if line.startswith(f"{COMMAND} ")
            ]
        )
    ]


COMMAND_LINES = _command_lines()


def test_each_language_documents_the_command_line() -> None:
    assert [page for page, _ in COMMAND_LINES] == [
        "ko/operations/create_stream_workspace.md",
        "operations/create_stream_workspace.md",
    ]


@pytest.mark.parametrize("lines", [lines for _, lines in COMMAND_LINES], ids=[page for page, _ in COMMAND_LINES])
def test_command_line_example_runs_against_atlas(
    lines: list[str], atlas_server: LoopbackServer, tmp_path: Path
) -> None:
    # The page says to save the request example as body.json first.
    (tmp_path / "body.json").write_text(json.dumps(request_example()), encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if not key.startswith("MONGODB_ATLAS_")}
    env |= {
        "MONGODB_ATLAS_OPS_MANAGER_URL": atlas_server.url,
        "MONGODB_ATLAS_PUBLIC_API_KEY": PUBLIC_KEY,
        "MONGODB_ATLAS_PRIVATE_API_KEY": PRIVATE_KEY,
    }
    DigestVerifier(PUBLIC_KEY, PRIVATE_KEY).install(atlas_server)
    atlas_server.respond(documented_response(200))

    for line in lines:
        command, *arguments = shlex.split(line)
        executable = Path(sys.executable).parent / command
        result = subprocess.run(
            [executable, *arguments], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False
        )
        assert result.returncode == 0, f"{line}: {result.stderr}"

    calls = [call for call in atlas_server.requests_to(STREAMS_PATH) if "Authorization" in call.headers]
    assert [(call.method, call.json()) for call in calls] == [("POST", request_example())]
