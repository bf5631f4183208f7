"""The generated command on a user's terminal: the dry run shows the request exactly as it would go (to the base URL
of the environment), server text never reaches the terminal with control characters, bad input is a usage error
(exit 2) rather than a traceback or a wrong status, a reader that stops early changes nothing, and --verbose shows
the exchange with its secrets masked. Most run in-process (cli.main); the pipe needs a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from atlas_streams import cli
from hypothesis import given, settings
from hypothesis import strategies as st
from support.atlas_fakes import (
    ATLAS_MEDIA_TYPE,
    GROUP_ID,
    STREAMS_PATH,
    DigestVerifier,
    atlas_error,
    documented_response,
)
from support.generated_client import command_words
from support.loopback import CannedResponse, LoopbackServer
from support.spec_examples import request_example, response_example

# The generated client's own tests: they also run against the built wheel on every declared Python (test_release.py).
pytestmark = pytest.mark.client

PUBLIC_KEY, PRIVATE_KEY = "public-key", "private-key-never-shown"
COMMAND = Path(sys.executable).parent / "atlas-streams"
# Control characters a server could use to move the cursor, rewrite a line or set the terminal's title.
CONTROLS = ["\x1b[2K\rforged line", "\x1b]0;title\x07", "\r", "\x9b31m", "\u202e", "\x00"]


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in [key for key in os.environ if key.startswith("MONGODB_ATLAS_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("MONGODB_ATLAS_PUBLIC_API_KEY", PUBLIC_KEY)
    monkeypatch.setenv("MONGODB_ATLAS_PRIVATE_API_KEY", PRIVATE_KEY)
    return monkeypatch


def run(*args: str) -> int:
    try:
        return cli.main([*command_words(), "--group-id", GROUP_ID, *args])
    except SystemExit as exit_:  # argparse's usage errors
        return int(exit_.code or 0)


OPTIONS = ["--name", "n", "--cloud-provider", "AWS", "--region", "SYDNEY_AUS"]


# --- item 18: the dry run is the request that would be sent -----------------------------------------------------


def test_dry_run_goes_to_the_base_url_of_the_environment(env: pytest.MonkeyPatch, capsys: Any) -> None:
    env.setenv("MONGODB_ATLAS_OPS_MANAGER_URL", "http://atlas.internal:8080/proxy")

    assert run(*OPTIONS, "--dry-run") == 0

    assert capsys.readouterr().out.splitlines()[0] == f"POST http://atlas.internal:8080/proxy{STREAMS_PATH}"


def test_base_url_help_names_the_default_of_the_environment(env: pytest.MonkeyPatch, capsys: Any) -> None:
    env.setenv("MONGODB_ATLAS_OPS_MANAGER_URL", "http://atlas.internal:8080")

    assert run("--help") == 0

    assert "default: http://atlas.internal:8080, from MONGODB_ATLAS_OPS_MANAGER_URL" in " ".join(
        capsys.readouterr().out.split()
    )


def test_dry_run_shows_every_header_the_client_sends(env: pytest.MonkeyPatch, capsys: Any) -> None:
    assert run(*OPTIONS, "--dry-run", "--base-url", "http://127.0.0.1:9") == 0

    headers = capsys.readouterr().out.splitlines()
    assert {
        "accept-encoding: gzip, deflate",
        "accept: application/vnd.atlas.2023-02-01+json, application/json;q=0.9",
    } <= set(headers)


# --- item 19: server text on the terminal ------------------------------------------------------------------


@pytest.mark.off_contract("error bodies holding terminal control characters")
@pytest.mark.parametrize("control", CONTROLS, ids=repr)
def test_server_text_reaches_the_terminal_with_its_control_characters_escaped(
    env: pytest.MonkeyPatch, capsys: Any, atlas_server: LoopbackServer, control: str
) -> None:
    body = {
        "error": 400,
        "errorCode": f"CODE{control}",
        "reason": f"Bad{control}",
        "detail": f"detail{control}",
        "badRequestDetail": {"fields": [{"field": f"name{control}", "description": f"bad{control}"}]},
    }
    atlas_server.respond(CannedResponse.json(400, body))

    assert run(*OPTIONS, "--base-url", atlas_server.url) == 3

    err = capsys.readouterr().err
    assert all(character.isprintable() for line in err.splitlines() for character in line)
    assert len(err.splitlines()) == 2


def test_any_error_text_is_printed_printable(env: pytest.MonkeyPatch, capsys: Any) -> None:
    with LoopbackServer() as server:

        @settings(max_examples=20, deadline=None)
        @given(st.text(max_size=30), st.text(max_size=30))
        def check(code: str, detail: str) -> None:
            server.respond(atlas_error(404, code, detail, detail))
            run(*OPTIONS, "--base-url", server.url)
            err = capsys.readouterr().err
            assert all(character.isprintable() for line in err.splitlines() for character in line)

        check()


# --- item 20: bad input and early readers -------------------------------------------------------------------


@pytest.mark.parametrize("base_url", ["http://[::1", "ftp://host", "not a url"])
def test_a_bad_base_url_is_a_usage_error(env: pytest.MonkeyPatch, capsys: Any, base_url: str) -> None:
    assert run(*OPTIONS, "--base-url", base_url) == 2

    assert "--base-url" in capsys.readouterr().err


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000 + "]" * 100_000, '{"name": NaN}', '{"name": Infinity}', '{"name": "\\ud800"}'],
    ids=["nested-100k-deep", "NaN", "Infinity", "lone-surrogate"],
)
def test_a_file_json_cannot_carry_is_a_usage_error(
    env: pytest.MonkeyPatch, capsys: Any, tmp_path: Path, text: str
) -> None:
    (tmp_path / "body.json").write_text(text, encoding="utf-8")

    assert run("--file", str(tmp_path / "body.json"), "--base-url", "http://127.0.0.1:9") == 2

    err = capsys.readouterr().err
    assert "--file" in err
    assert "Traceback" not in err


def test_a_bad_value_from_the_file_is_blamed_on_the_file(env: pytest.MonkeyPatch, capsys: Any, tmp_path: Path) -> None:
    body = {**request_example(), "streamConfig": {"tier": "SP999"}}
    (tmp_path / "body.json").write_text(json.dumps(body), encoding="utf-8")

    assert run("--file", str(tmp_path / "body.json"), "--dry-run") == 3

    err = capsys.readouterr().err
    assert f"--file {tmp_path / 'body.json'}: $.streamConfig.tier:" in err
    assert "--tier" not in err


def test_a_bad_value_of_an_option_is_blamed_on_the_option(env: pytest.MonkeyPatch, capsys: Any) -> None:
    assert run(*OPTIONS, "--tier", "SP999", "--dry-run") == 3

    assert "--tier: 'SP999' is not one of" in capsys.readouterr().err


def test_a_reader_that_stops_early_leaves_the_exit_status_alone(atlas_server: LoopbackServer) -> None:
    big = {**response_example(200), "hostnames": ["h" * 60] * 20000}  # more than a pipe holds
    atlas_server.respond(CannedResponse.json(200, big, ATLAS_MEDIA_TYPE))
    env = {key: value for key, value in os.environ.items() if not key.startswith("MONGODB_ATLAS_")}
    env |= {"MONGODB_ATLAS_PUBLIC_API_KEY": PUBLIC_KEY, "MONGODB_ATLAS_PRIVATE_API_KEY": PRIVATE_KEY}
    DigestVerifier(PUBLIC_KEY, PRIVATE_KEY).install(atlas_server)
    argv = [str(COMMAND), *command_words(), "--group-id", GROUP_ID, "--base-url", atlas_server.url, *OPTIONS]

    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read(150)
        process.stdout.close()
        status, err = process.wait(timeout=60), process.stderr.read().decode()

    assert (status, err) == (0, "")


# --- --verbose ------------------------------------------------------------------------------------------------


def test_verbose_shows_each_exchange_with_secrets_masked(
    env: pytest.MonkeyPatch, capsys: Any, atlas_server: LoopbackServer
) -> None:
    DigestVerifier(PUBLIC_KEY, PRIVATE_KEY).install(atlas_server)
    atlas_server.respond(documented_response(200))

    assert run(*OPTIONS, "--base-url", atlas_server.url, "--verbose") == 0

    err = capsys.readouterr().err.splitlines()
    assert err.count(f"> POST {atlas_server.url}{STREAMS_PATH}") == 2  # the digest challenge, then the answer
    assert [line for line in err if line.startswith("< ") and line[2:5].isdigit()] == ["< 401 Unauthorized", "< 200 OK"]
    assert "> authorization: Digest (secret, not shown)" in err
    assert not any(PRIVATE_KEY in line or 'response="' in line for line in err)
