from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FieldViolation")


@_attrs_define
class FieldViolation:
    """
    Attributes:
        description (str): Explanation of why this part of the request is invalid.
        field (str): Path to the offending field inside the request body.
    """

    description: str
    field: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "description": "description",
        "field": "field",
    }
    _READ_ONLY: ClassVar[frozenset[str]] = frozenset({})

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        field = self.field

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "description": description,
                "field": field,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        field = d.pop("field")

        field_violation = cls(
            description=description,
            field=field,
        )

        field_violation.additional_properties = d
        return field_violation

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
