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
    plan = _read_only_plan(type(value))
    if plan is None or not isinstance(data, dict):
        return
    dropped, kept = plan
    for key in dropped:
        data.pop(key, None)
    for attribute, key in kept:
        # Only models and lists of them can hold readOnly keys: strings, numbers and enum members
        # (whose class answers a missing attribute slowly) are not looked into.
        if isinstance(data.get(key), (dict, list)):
            _drop_read_only(getattr(value, attribute), data[key])


_Plan = tuple[tuple[str, ...], tuple[tuple[str, str], ...]] | None
_PLANS: dict[type, _Plan] = {}


def _read_only_plan(cls: type) -> _Plan:
    """For a model class: the JSON keys to drop, and the (attribute, key) of the others; None for any other class.
    Worked out once per class instead of for every request."""
    if cls in _PLANS:
        return _PLANS[cls]
    json_names: dict[str, str] | None = getattr(cls, "_JSON_NAMES", None)
    plan: _Plan = None
    if json_names is not None:
        read_only: frozenset[str] = getattr(cls, "_READ_ONLY")
        dropped = tuple(key for key in json_names.values() if key in read_only)
        plan = dropped, tuple((attribute, key) for attribute, key in json_names.items() if key not in read_only)
    _PLANS[cls] = plan
    return plan
