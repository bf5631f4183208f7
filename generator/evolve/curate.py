"""Curating operations by command (`streams-codegen curate add|remove|list`).

Adding an operation is an `--apply` of a cut that holds our spec's facts as they are plus the new operation
and everything it reaches in upstream: the same merge (apply.py) then brings the new nodes with upstream's
facts, placeholders for their prose, our cycle split for any new allOf cycle and synthesized examples, while
every node we already curate compares equal and stays as written. Removing one takes it out with every
component that nothing else reaches.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from generator.errors import CodegenError
from generator.evolve.apply import Applied, apply_upstream
from generator.evolve.normal_form import with_upstream_values
from generator.evolve.upstream import extract, find_by_name
from generator.spec.cycle_split import undo_split
from generator.spec.loading import Spec, dump_spec
from generator.spec.vocabulary import (
    HTTP_METHODS,
    OPERATION_NAME,
    OperationKey,
    client_operation_name,
    operations,
    reachable_components,
)


@dataclass(frozen=True)
class Curated:
    key: OperationKey
    name: str  # the name its generated function takes
    applied: Applied  # the new spec text, where descriptions are to be written, ...
    components: list[str]  # `section/name` of each component added


def add_operation(spec: Spec, upstream: dict[str, Any], name: str, upstream_path: Path) -> Curated:
    """Our spec with upstream's operation `name` (its operationId or x-xgen-operation-id-override) and what it
    reaches; `spec.tree` is changed in place."""
    key = find_by_name(upstream, name)
    if key is None:
        raise CodegenError(f"no operation with operationId or x-xgen-operation-id-override {name!r}", upstream_path)
    ours = operations(spec.data)
    if key in ours or any(name in (op.get("operationId"), client_operation_name(op)) for op in ours.values()):
        raise CodegenError(f"{key} ({name}) is curated already", spec.path, hint="upstream-diff updates it")
    addition = extract(upstream, [key], upstream_path)
    union = _union(_facts_as_written(spec.data), addition)
    before = {(section, entry) for section, entries in spec.data.get("components", {}).items() for entry in entries}
    applied = apply_upstream(spec, union)
    function_name = client_operation_name(addition["paths"][key.path][key.method])
    _name_the_function(spec.tree, key, function_name)
    added = sorted(
        f"{section}/{entry}"
        for section, entries in spec.tree.get("components", {}).items()
        for entry in entries
        if (section, entry) not in before
    )
    return Curated(key, function_name, Applied(dump_spec(spec.tree), applied.placeholders), added)


def remove_operation(spec: Spec, name: str) -> tuple[OperationKey, list[str]]:
    """Our spec without the operation `name` and every component that nothing else reaches; `spec.tree` is
    changed in place. Returns the operation and the `section/name` of each component removed."""
    found = [
        key
        for key, operation in operations(spec.data).items()
        if name in (operation.get("operationId"), client_operation_name(operation))
    ]
    if not found:
        raise CodegenError(f"no curated operation named {name!r}", spec.path, hint="`curate list` lists them")
    (key,) = found
    paths = spec.tree["paths"]
    del paths[key.path][key.method]
    if not any(method in paths[key.path] for method in HTTP_METHODS):
        del paths[key.path]
    data = json.loads(json.dumps(spec.tree, default=str))
    reached = reachable_components(data)
    removed = []
    for section, entries in list(spec.tree.get("components", {}).items()):
        for entry in [entry for entry in entries if (section, entry) not in reached]:
            del entries[entry]
            removed.append(f"{section}/{entry}")
        if not entries:
            del spec.tree["components"][section]
    return key, removed


def other_operations(ours: dict[str, Any], upstream: dict[str, Any]) -> list[tuple[OperationKey, str]]:
    """What upstream offers beside ours: its operations under our paths or our tags, with their names."""
    our_keys = set(operations(ours))
    our_paths = {key.path for key in our_keys}
    our_tags = {tag for operation in operations(ours).values() for tag in operation.get("tags", [])}
    return [
        (key, client_operation_name(operation))
        for key, operation in operations(upstream).items()
        if key not in our_keys and (key.path in our_paths or our_tags & set(operation.get("tags", [])))
    ]


def _facts_as_written(data: dict[str, Any]) -> dict[str, Any]:
    """Our spec in upstream's layout with upstream's values of our corrections: what apply compares against,
    so that everything we curate already merges as unchanged."""
    return undo_split(with_upstream_values(copy.deepcopy(data)))


def _union(ours: dict[str, Any], addition: dict[str, Any]) -> dict[str, Any]:
    """`ours` with the paths and tags of `addition` that it lacks, and the components it lacks that the result
    reaches. A component that ours has already stays ours, and so does what it refers to: one that only
    upstream's newer version of it reaches (a subtype that ours does not list yet) is not brought in, where it
    would be a component nothing uses."""
    union = copy.deepcopy(ours)
    for path, item in addition.get("paths", {}).items():
        union.setdefault("paths", {}).setdefault(path, {})
        for key, value in item.items():
            union["paths"][path].setdefault(key, value)
    candidates = copy.deepcopy(union)
    for section, entries in addition.get("components", {}).items():
        target = candidates.setdefault("components", {}).setdefault(section, {})
        for name, body in entries.items():
            target.setdefault(name, body)
    reached = reachable_components(candidates)
    for section, entries in addition.get("components", {}).items():
        target = union.setdefault("components", {}).setdefault(section, {})
        kept_sorted = list(target) == sorted(target)
        for name, body in entries.items():
            if (section, name) in reached:
                target.setdefault(name, body)
        if kept_sorted:  # then the new entries go where the name sorts, not at the end
            union["components"][section] = dict(sorted(target.items()))
        if not target:
            del union["components"][section]
    known = {tag.get("name") for tag in union.get("tags", [])}
    union["tags"] = [*union.get("tags", []), *(t for t in addition.get("tags", []) if t.get("name") not in known)]
    return union


def _name_the_function(tree: CommentedMap, key: OperationKey, name: str) -> None:
    # Ours wins over upstream's override, so the function keeps its name whatever upstream does next.
    operation = tree["paths"][key.path][key.method]
    if OPERATION_NAME not in operation:
        # where the name sorts, as in the operations we curated by hand (upstream's keys are sorted)
        position = next((i for i, k in enumerate(operation) if str(k) > OPERATION_NAME), len(operation))
        operation.insert(position, OPERATION_NAME, name)
