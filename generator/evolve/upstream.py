"""Our operations inside a full upstream Atlas spec: finding them, and cutting out what they reach.

A full spec (the multi-version `v2.yaml` or a per-version `openapi-<date>.yaml`) holds hundreds of
operations. `extract` keeps the ones we publish and the transitive closure of what they reference
(parameters, request bodies, responses, headers, schemas, also through discriminator mappings, and
security schemes), with the top-level servers, security and the operations' tags: the same cut as
../shared/upstream/create-stream-workspace.fragment.yaml.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.errors import CodegenError
from generator.spec.plain_yaml import load_plain
from generator.spec.vocabulary import (
    COMPONENTS_PREFIX,
    OperationKey,
    client_operation_name,
    operations,
    reachable_components,
)

# Top-level keys the cut keeps besides paths and components; `info` only for its x-xgen-sha.
_KEPT_TOP_LEVEL = ("openapi", "info", "servers", "security")


def load_upstream(path: Path) -> dict[str, Any]:
    data = load_plain(path)
    if not isinstance(data, dict) or not isinstance(data.get("paths"), dict):
        raise CodegenError("not an OpenAPI document (no paths)", path, hint="pass a full Atlas Admin API spec")
    return data


def find_by_name(data: dict[str, Any], name: str) -> OperationKey | None:
    """The operation whose operationId or x-xgen-operation-id-override is `name`."""
    for key, operation in operations(data).items():
        if name in (operation.get("operationId"), client_operation_name(operation)):
            return key
    return None


def counterpart(upstream: dict[str, Any], key: OperationKey, ours: dict[str, Any]) -> OperationKey | None:
    """Upstream's version of our operation: same path and method, else same name (it moved)."""
    if key in operations(upstream):
        return key
    for name in (client_operation_name(ours), ours.get("operationId")):
        if isinstance(name, str) and name and (found := find_by_name(upstream, name)) is not None:
            return found
    return None


def pair_operations(
    ours: dict[str, Any], upstream: dict[str, Any], named: list[str], upstream_path: Path
) -> dict[OperationKey, OperationKey]:
    """Our operation -> upstream's counterpart, in our order: the same path and method, else the same name.
    `named` (--operation) pairs what upstream both moved and renamed: `OURS=UPSTREAM` names an operation of
    each (by operationId or function name), a bare `UPSTREAM` is for a spec with one operation. An operation
    without a counterpart is left out (the report shows it removed); none paired at all is bad input."""
    our_operations = operations(ours)
    pairs: dict[OperationKey, OperationKey] = {}
    for pairing in named:
        our_name, _, upstream_name = pairing.rpartition("=")
        found = find_by_name(upstream, upstream_name)
        if found is None:
            raise CodegenError(
                f"no operation with operationId or x-xgen-operation-id-override {upstream_name!r}", upstream_path
            )
        if not our_name and len(our_operations) != 1:
            raise CodegenError(
                f"--operation {upstream_name}: which of our operations is it?", hint="write --operation OURS=UPSTREAM"
            )
        ours_key = find_by_name(ours, our_name) if our_name else next(iter(our_operations))
        if ours_key is None:
            raise CodegenError(f"--operation {pairing}: we curate no operation named {our_name!r}")
        pairs[ours_key] = found
    for key, operation in our_operations.items():
        found = pairs.get(key) or counterpart(upstream, key, operation)
        if found is not None:
            pairs[key] = found
    if not pairs:
        raise CodegenError(
            "upstream has none of our operations, under their paths or names",
            upstream_path,
            hint="name upstream's operation with --operation OURS=UPSTREAM",
        )
    return {key: pairs[key] for key in our_operations if key in pairs}


def extract(data: dict[str, Any], keys: list[OperationKey], origin: Path) -> dict[str, Any]:
    """A standalone document: the operations `keys` and everything they reach."""
    paths: dict[str, Any] = {}
    for key in keys:
        item = data["paths"][key.path]
        target = paths.setdefault(key.path, {k: v for k, v in item.items() if k == "parameters"})
        target[key.method] = item[key.method]
    tag_names = {tag for key in keys for tag in data["paths"][key.path][key.method].get("tags", [])}
    fragment: dict[str, Any] = {k: data[k] for k in _KEPT_TOP_LEVEL if k in data}
    if any(tag.get("name") in tag_names for tag in data.get("tags", [])):
        fragment["tags"] = [tag for tag in data["tags"] if tag.get("name") in tag_names]
    fragment["paths"] = paths
    fragment["components"] = _closure(data, [paths, {"security": fragment.get("security", [])}], origin)
    return fragment


def _closure(data: dict[str, Any], roots: list[Any], origin: Path) -> dict[str, Any]:
    """The components that `roots` reach, in the document's own order."""
    reached = reachable_components(data, roots)
    components = data.get("components", {})
    for section, name in sorted(reached):
        if name not in components.get(section, {}):
            raise CodegenError(f"unresolved $ref '{COMPONENTS_PREFIX}{section}/{name}'", origin)
    return {
        section: {name: body for name, body in entries.items() if (section, name) in reached}
        for section, entries in components.items()
        if any(reached_section == section for reached_section, _ in reached)
    }
