from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BadRequestDetail")


@_attrs_define
class BadRequestDetail:
    """Extra information that can accompany a 400 response.

    Attributes:
        fields (list[FieldViolation] | Unset): Each problem found in the request, one entry per offending field.
    """

    fields: list[FieldViolation] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "fields": "fields",
    }
    _READ_ONLY: ClassVar[frozenset[str]] = frozenset({})

    def to_dict(self) -> dict[str, Any]:
        fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = []
            for fields_item_data in self.fields:
                fields_item = fields_item_data.to_dict()
                fields.append(fields_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if fields is not UNSET:
            field_dict["fields"] = fields

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _fields = d.pop("fields", UNSET)
        fields: list[FieldViolation] | Unset = UNSET
        if _fields is not UNSET:
            fields = []
            for fields_item_data in _fields:
                fields_item = FieldViolation.from_dict(fields_item_data)

                fields.append(fields_item)

        bad_request_detail = cls(
            fields=fields,
        )

        bad_request_detail.additional_properties = d
        return bad_request_detail

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


# The models this one refers to, imported after the class rather than in its methods (the library's way):
# a model that refers back to this one (an allOf or oneOf cycle) finds it defined, and no call of
# to_dict or from_dict pays for import statements.
from ..models.field_violation import FieldViolation
