"""String enums that accept values newer than this client."""

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, Self


class OpenStrEnum(StrEnum):
    """A StrEnum that keeps an unknown value instead of failing the whole response.

    Atlas adds regions, tiers and connection types over time. A value this client does not know
    becomes an extra member (not listed in the class) whose `.value` is exactly what the server
    sent, so `to_dict()` gives it back unchanged; `is_known()` tells the two apart.
    """

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

    @classmethod
    def is_known_value(cls, value: Any) -> bool:
        return value in cls._value2member_map_

    def is_known(self) -> bool:
        # Every to_dict() of a member asks this: `_value_` and the map directly, not the `value` property.
        return self._value_ in type(self)._value2member_map_

    def __repr__(self) -> str:
        # An unknown member stands for the value the server sent, and to_dict() gives it back as it is: shown as
        # that string, so that to_dict() reads as the JSON it is.
        return super().__repr__() if self.is_known() else str.__repr__(self)


def enum_picked_by(table: Mapping[str, type[OpenStrEnum]], value: Any, sibling: Any) -> Any:
    """`value` as a member of the enum that `sibling` names in `table` (a value that enum does not know becomes an
    unknown member of it), or the plain string when `sibling` names none: never the enum of another sibling value
    (an unknown Azure region is not an AWS region)."""
    if not isinstance(value, str):
        raise TypeError("expected a string, got " + type(value).__name__)
    enum = table.get(sibling) if isinstance(sibling, str) else None
    return value if enum is None else enum(value)
