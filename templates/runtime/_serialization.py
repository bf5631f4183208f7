"""Request serialization: a model's JSON without the properties the server owns (readOnly)."""

from collections.abc import Mapping
from typing import Any

from ._validation import without_read_only
from .errors import Problem, RequestValidationError


def to_request_dict(model: Any, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """`model.to_dict()` minus every readOnly property, at every depth.

    `to_dict()` itself keeps all fields so that a response round-trips; only request bodies drop them.
    A body given as plain JSON loses its readOnly properties by `schema`, the request body's schema.
    A body that is neither, or a model holding what cannot be serialized (a plain dict where a model
    belongs), is RequestValidationError: the request cannot be built.
    """
    if isinstance(model, Mapping):
        stripped: dict[str, Any] = without_read_only(dict(model), schema or {})
        return stripped
    if not callable(getattr(model, "to_dict", None)):
        raise RequestValidationError([Problem("$", f"expected a model or a JSON object, got {type(model).__name__}")])
    try:
        data: dict[str, Any] = model.to_dict()
    except (AttributeError, TypeError, ValueError) as error:
        problem = Problem("$", f"{type(model).__name__} cannot be serialized: {type(error).__name__}: {error}")
        raise RequestValidationError([problem]) from None
    _drop_read_only(model, data)
    return data


def _drop_read_only(value: Any, data: Any) -> None:
    """Delete, in place, the readOnly keys of `data`, the JSON that `value` serialized to."""
    if isinstance(data, list) and isinstance(value, list):
        for item, item_data in zip(value, data):
            if isinstance(item_data, (dict, list)):
                _drop_read_only(item, item_data)
        return
    json_names: dict[str, str] | None = getattr(type(value), "_JSON_NAMES", None)
    if json_names is None or not isinstance(data, dict):
        return
    read_only: frozenset[str] = type(value)._READ_ONLY
    for attribute, key in json_names.items():
        if key in read_only:
            data.pop(key, None)
        # Only models and lists of them can hold readOnly keys: strings, numbers and enum members
        # (whose class answers a missing attribute slowly) are not looked into.
        elif isinstance(data.get(key), (dict, list)):
            _drop_read_only(getattr(value, attribute), data[key])
