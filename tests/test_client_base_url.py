"""Where `Client.from_env()` sends requests: MONGODB_ATLAS_OPS_MANAGER_URL, as the Atlas CLI reads it."""

from __future__ import annotations

import os

import pytest
from atlas_streams import Client
from atlas_streams.client import DEFAULT_BASE_URL

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
