"""Where the client sends requests: `Client.from_env()` to MONGODB_ATLAS_OPS_MANAGER_URL, as the Atlas CLI reads it;
every operation to its path appended to the base URL, as httpx appends it."""

from __future__ import annotations

import os

import httpx
import pytest
from atlas_streams import Client
from atlas_streams._transport import absolute_url
from atlas_streams.client import DEFAULT_BASE_URL
from hypothesis import assume, given, settings
from hypothesis import strategies as st

# The generated client's own tests: they also run against the built wheel on every declared Python (test_release.py).
pytestmark = pytest.mark.client


@pytest.fixture(autouse=True)
def api_key_only(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in [key for key in os.environ if key.startswith("MONGODB_ATLAS_")]:
        monkeypatch.delenv(variable)
    monkeypatch.setenv("MONGODB_ATLAS_PUBLIC_API_KEY", "public")
    monkeypatch.setenv("MONGODB_ATLAS_PRIVATE_API_KEY", "private")


def test_from_env_talks_to_atlas_by_default() -> None:
    assert Client.from_env().base_url == DEFAULT_BASE_URL == "https://cloud.mongodb.com"


def test_from_env_talks_to_the_ops_manager_url_when_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MONGODB_ATLAS_OPS_MANAGER_URL", "http://127.0.0.1:8080/")

    assert Client.from_env().base_url == "http://127.0.0.1:8080/"


def test_from_env_prefers_an_explicit_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MONGODB_ATLAS_OPS_MANAGER_URL", "http://127.0.0.1:8080/")

    assert Client.from_env("https://atlas.example").base_url == "https://atlas.example"


# --- merging an operation's path onto the base URL --------------------------------------------------------------

_segments = st.text(st.characters(codec="utf-8", exclude_characters="?#"), max_size=6)
_bases = st.builds(
    lambda host, path, slash: f"http://{host}{path}{'/' if slash else ''}",
    st.sampled_from(["127.0.0.1:8080", "cloud.mongodb.com", "[::1]"]),
    st.lists(_segments, max_size=3).map(lambda parts: "".join("/" + part for part in parts)),
    st.booleans(),
)


_NOWHERE = httpx.MockTransport(lambda request: httpx.Response(204))


@settings(max_examples=200, deadline=None)
@given(base_url=_bases, path=st.lists(_segments, max_size=4).map(lambda parts: "/" + "/".join(parts)))
def test_the_merged_url_is_the_one_httpx_would_send_to(base_url: str, path: str) -> None:
    try:
        http = httpx.Client(base_url=base_url, transport=_NOWHERE)  # a transport of its own would load certificates
    except httpx.InvalidURL:
        assume(False)
    try:
        expected: httpx.URL | str = http.build_request("GET", path).url
    except httpx.InvalidURL as error:
        expected = str(error)
    try:
        merged: httpx.URL | str = absolute_url(http.base_url, path)
    except httpx.InvalidURL as error:
        merged = str(error)

    assert merged == expected
