"""The warnings of the last clean lint, by the hash of the inputs (check_record.Inputs: the spec, its translations,
the templates whose names lint reserves, the toolkit and everything installed), so that generate can skip lint
and its validators when none of them changed, and still print what lint found. Errors are never recorded: a spec
that has them is linted on every run."""

from __future__ import annotations

import json
from dataclasses import dataclass

from generator.cache.check_record import Inputs
from generator.cache.store import Store, cache_dir
from generator.errors import Finding, finding_as_json, finding_from_json

_VERSION = 1
_KEEP = 64


@dataclass(frozen=True)
class LintRecord:
    inputs: Inputs

    def warnings(self) -> list[Finding] | None:
        """What the last clean lint of these inputs found; None when there was none (or its record is damaged)."""
        store = _store()
        payload = store.read(self._key) if store else None
        if payload is None:
            return None
        try:
            return [finding_from_json(entry) for entry in json.loads(payload)]
        except (ValueError, KeyError, TypeError):
            return None

    def remember(self, warnings: list[Finding]) -> None:
        store = _store()
        if store is not None:
            store.write(self._key, json.dumps([finding_as_json(finding) for finding in warnings]).encode())

    @property
    def _key(self) -> str:
        return f"{self.inputs.key}\n{self.inputs.digest}"


def _store() -> Store | None:
    root = cache_dir()
    return None if root is None else Store(root, "lint-record", _VERSION, _KEEP)
