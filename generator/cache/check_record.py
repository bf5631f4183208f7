"""The record of the last verified generation: a hash of every input `generate` reads mapped to a hash of the
output it wrote (or that a full `check` found matching). When both hashes match now, `check` can answer without
regenerating. docs/benchmarks.md lists what the inputs leave out, so what the record can miss.

Only the command line consults it (the golden test and CI run the full check, and CI turns caches off)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.cache.store import CACHE_DIR_VARIABLE, Store, cache_dir
from generator.config import I18N_DOCS, Settings
from generator.errors import CodegenError, Finding, finding_as_json, finding_from_json
from generator.output.trees import read_tree

_VERSION = 1
_KEEP = 64  # one per project checkout and set of options in use
# generator.spec.translations.TRANSLATIONS_DIR, not imported: that module loads ruamel.yaml, a tenth of a second.
_TRANSLATIONS = "i18n"
_SKIPPED_PARTS = {"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache"}


@dataclass(frozen=True)
class Inputs:
    """What a run of generate or check would read, hashed before it reads it: an edit during the run leaves a
    record that no longer matches, never one that vouches for output the edit did not produce."""

    key: str  # which record: the project and the options
    digest: str  # of the inputs' contents


def inputs_of(settings: Settings, extra_templates: Sequence[Path], strict: bool) -> Inputs | None:
    """None when caching is off: then nothing is hashed."""
    if cache_dir() is None:
        return None
    layers = [*extra_templates, settings.templates]
    key = json.dumps([str(settings.root.resolve()), [str(layer.resolve()) for layer in layers], strict])
    digest = hashlib.sha256(f"v{_VERSION}\n{key}\n{sys.version}\n{sys.executable}\n".encode())
    _add_file(digest, settings.config_file)
    digest.update(repr(settings).encode())
    _add_file(digest, settings.spec)
    _add_file(digest, settings.changelog)
    for folder in [settings.spec.parent / _TRANSLATIONS, *layers, _package_dir("generator"), _library_templates()]:
        _add_folder(digest, folder)
    digest.update(f"ruff {_ruff_identity()}\n".encode())
    for name in _installed_distributions():
        digest.update(f"dist {name}\n".encode())
    return Inputs(key, digest.hexdigest())


def output_digest(settings: Settings) -> str | None:
    """The hash of both outputs as they are; None when one cannot be read as generate writes it."""
    digest = hashlib.sha256()
    for target in (settings.output, settings.root / I18N_DOCS):
        try:
            tree = read_tree(target)
        except (CodegenError, OSError):
            return None
        digest.update(f"tree {len(tree)}\n".encode())
        for name in sorted(tree):
            digest.update(f"{name}\n{len(tree[name])}\n".encode() + tree[name])
    return digest.hexdigest()


@dataclass(frozen=True)
class Verified:
    at: str  # when, as the user's clock said
    warnings: list[Finding] | None  # what the run that generated the outputs warned about; None from a check


def verified(settings: Settings, inputs: Inputs) -> Verified | None:
    """When the outputs as they are now were last verified from exactly these inputs, and with what warnings;
    None when they were not (no record, another input or output, or a record not to be trusted)."""
    store = _store(settings)
    payload = store.read(inputs.key) if store else None
    if payload is None:
        return None
    try:
        record = json.loads(payload)
        if record["inputs"] != inputs.digest or record["output"] != output_digest(settings):
            return None
        warnings = record.get("warnings")
        return Verified(
            str(record["verified_at"]),
            None if warnings is None else [finding_from_json(entry) for entry in warnings],
        )
    except (ValueError, KeyError, TypeError):
        return None


def remember(settings: Settings, inputs: Inputs, warnings: list[Finding] | None = None) -> None:
    """Record that the outputs as they are now are what `inputs` generate, with the warnings of the run that
    generated them (a check, which prints none, records None)."""
    store = _store(settings)
    output = output_digest(settings)
    if store is None or output is None:
        return
    when = time.strftime("%Y-%m-%d %H:%M:%S %Z", time.localtime())
    record: dict[str, Any] = {"inputs": inputs.digest, "output": output, "verified_at": when}
    if warnings is not None:
        record["warnings"] = [finding_as_json(finding) for finding in warnings]
    store.write(inputs.key, json.dumps(record).encode())


def _store(settings: Settings) -> Store | None:
    root = cache_dir()
    if root is None:
        return None
    store = Store(root, "check-record", _VERSION, _KEEP)
    if _inside_git_tree(store.folder, settings.root) and not _untracked(store.folder, settings.root):
        print(
            f"{store.folder}: the check record is tracked by git (or git cannot say), so it could vouch for an"
            f" output it never saw; ignored: set {CACHE_DIR_VARIABLE} to a folder outside the project",
            file=sys.stderr,
        )
        return None
    return store


def _inside_git_tree(folder: Path, root: Path) -> bool:
    return folder.resolve().is_relative_to(root.resolve())


def _untracked(folder: Path, root: Path) -> bool:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--", str(folder.resolve())], cwd=root, capture_output=True, check=True, text=True
        )
    except (OSError, subprocess.CalledProcessError):
        return False
    return not listed.stdout.strip()


def _add_file(digest: hashlib._Hash, path: Path | None) -> None:
    if path is None:
        return
    try:
        with path.open("rb") as file:
            content = hashlib.file_digest(file, "sha256").hexdigest()
    except OSError as err:
        content = f"unreadable {type(err).__name__}"
    digest.update(f"file {path}\n{content}\n".encode())


def _add_folder(digest: hashlib._Hash, folder: Path) -> None:
    digest.update(f"folder {folder}\n".encode())
    for path in _files(folder):
        digest.update(f"{path.relative_to(folder).as_posix()}\n".encode())
        if path.is_symlink():
            digest.update(f"link {os.readlink(path)}\n".encode())
        else:
            _add_file(digest, path)


def _files(folder: Path) -> Iterable[Path]:
    for top, dirs, files in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if name not in _SKIPPED_PARTS)
        yield from (Path(top) / name for name in sorted(files))


def _package_dir(name: str) -> Path:
    """The folder of an installed package, found without importing it."""
    found = importlib.util.find_spec(name)
    if found is None or not found.submodule_search_locations:
        raise CodegenError(f"package {name} is not installed", hint="run: make generate")
    return Path(next(iter(found.submodule_search_locations)))


def _library_templates() -> Path:
    return _package_dir("openapi_python_client") / "templates"


def _ruff_identity() -> str:
    """The ruff binary by path, size and modification time (its version is among the distributions): reading its
    24 MB would cost half the time `check` has."""
    from ruff import find_ruff_bin  # type: ignore[import-untyped]  # ruff ships no py.typed

    binary = Path(find_ruff_bin())
    status = binary.stat()
    return f"{binary} {status.st_size} {status.st_mtime_ns}"


def _installed_distributions() -> list[str]:
    """Every distribution on the path with its version, from the names of their metadata folders (what
    importlib.metadata reads too, at a tenth of the cost of asking it)."""
    found = []
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        found += [f"{entry} {name}" for name in names if name.endswith((".dist-info", ".egg-info"))]
    return sorted(found)
