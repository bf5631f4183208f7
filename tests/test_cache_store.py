"""A cache entry reads back exactly what was written, or nothing: damage of any kind is detected, never trusted."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.caches import DAMAGES, damage_entry

from generator.cache.store import Store, cache_dir

KIND = "example"


def _store(root: Path, version: int = 1, keep: int = 8) -> Store:
    return Store(root, KIND, version, keep)


def test_an_entry_reads_back_what_was_written(tmp_path: Path) -> None:
    _store(tmp_path).write("key", b"payload\nwith lines\n")

    assert _store(tmp_path).read("key") == b"payload\nwith lines\n"


def test_a_missing_entry_reads_as_none(tmp_path: Path) -> None:
    assert _store(tmp_path).read("never written") is None


def test_an_entry_of_another_format_version_is_ignored(tmp_path: Path) -> None:
    _store(tmp_path, version=1).write("key", b"payload")

    assert _store(tmp_path, version=2).read("key") is None


@settings(max_examples=100, deadline=None)
@given(payload=st.binary(max_size=200), which=st.integers(0, len(DAMAGES) - 1), position=st.integers(0, 10**4))
def test_a_damaged_entry_is_never_trusted(
    tmp_path_factory: pytest.TempPathFactory, payload: bytes, which: int, position: int
) -> None:
    store = _store(tmp_path_factory.mktemp("cache"))
    store.write("key", payload)

    damage_entry(store.path("key"), which, position)

    assert store.read("key") is None


def test_writing_keeps_at_most_the_newest_entries(tmp_path: Path) -> None:
    store = _store(tmp_path, keep=3)
    for number in range(5):
        store.write(f"key {number}", b"payload")
        os.utime(store.path(f"key {number}"), ns=(number * 10**9, number * 10**9))

    store.write("key 5", b"payload")

    assert sorted(path.name for path in store.folder.iterdir()) == sorted(
        store.path(f"key {number}").name for number in (3, 4, 5)
    )


def test_a_write_leaves_only_the_entry(tmp_path: Path) -> None:
    _store(tmp_path).write("key", b"payload")

    assert [path.name for path in (tmp_path / KIND).iterdir()] == [_store(tmp_path).path("key").name]


def test_an_unwritable_cache_costs_a_warning_not_the_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")

    _store(tmp_path / "file").write("key", b"payload")

    assert "cache not written" in capsys.readouterr().err


def test_the_cache_dir_is_the_variables_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("STREAMS_CODEGEN_CACHE_DIR", str(tmp_path))

    assert cache_dir() == tmp_path


def test_the_variable_set_to_off_turns_caching_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STREAMS_CODEGEN_CACHE_DIR", "off")

    assert cache_dir() is None


def test_without_the_variable_the_cache_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("STREAMS_CODEGEN_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))

    assert cache_dir() == tmp_path / "streams-codegen"


def test_without_either_variable_the_cache_dir_is_under_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("STREAMS_CODEGEN_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))

    assert cache_dir() == tmp_path / ".cache" / "streams-codegen"
