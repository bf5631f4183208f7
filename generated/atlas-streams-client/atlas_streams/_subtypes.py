"""Polymorphic models: the subtype that a discriminator value names, as the spec's mapping says."""

from collections.abc import Mapping
from typing import Any, Protocol, Self, TypeVar


class _Model(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


M = TypeVar("M", bound=_Model)


def parse_subtype(data: object, property_name: str, subtypes: Mapping[str, type[M]], fallback: type[M] | None) -> M:
    """`data` parsed as the model that its `property_name` value names in `subtypes`. A value this client does
    not know (a subtype newer than it) parses as `fallback`, which keeps every field; without one it is an
    error."""
    if not isinstance(data, dict):
        raise TypeError("expected a JSON object, got " + type(data).__name__)
    value = data.get(property_name)
    subtype = subtypes.get(value, fallback) if isinstance(value, str) else fallback
    if subtype is None:
        raise ValueError(f"unknown {property_name}: {value!r}")
    return subtype.from_dict(data)
