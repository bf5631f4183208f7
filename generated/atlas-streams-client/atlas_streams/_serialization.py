"""Request serialization: a model's JSON without the properties the server owns (readOnly)."""

import copy
from collections.abc import Mapping
from typing import Any


def to_request_dict(model: Any) -> dict[str, Any]:
    """`model.to_dict()` minus every readOnly property, at every depth.

    `to_dict()` itself keeps all fields so that a response round-trips; only request bodies drop them.
    A body given as plain JSON is sent as it is (request validation refuses readOnly fields in it).
    """
    if isinstance(model, Mapping):
        return copy.deepcopy(dict(model))
    data: dict[str, Any] = model.to_dict()
    _drop_read_only(model, data)
    return data


def _drop_read_only(value: Any, data: Any) -> None:
    """Delete, in place, the readOnly keys of `data`, the JSON that `value` serialized to."""
    if isinstance(value, list) and isinstance(data, list):
        for item, item_data in zip(value, data):
            _drop_read_only(item, item_data)
        return
    json_names: dict[str, str] | None = getattr(type(value), "_JSON_NAMES", None)
    if json_names is None or not isinstance(data, dict):
        return
    read_only: frozenset[str] = type(value)._READ_ONLY
    for attribute, key in json_names.items():
        if key in read_only:
            data.pop(key, None)
        elif key in data:
            _drop_read_only(getattr(value, attribute), data[key])
