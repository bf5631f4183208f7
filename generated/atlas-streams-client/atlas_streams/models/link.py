from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Link")


@_attrs_define
class Link:
    """
    Attributes:
        href (str | Unset): URL of the related API resource. It usually starts with
            `https://cloud.mongodb.com/api/atlas`. Example: https://cloud.mongodb.com/api/atlas.
        rel (str | Unset): Relation between this resource and the one at href, for example `self`. It can also be a URL
            starting with `https://cloud.mongodb.com/api/atlas`. Example: self.
    """

    href: str | Unset = UNSET
    rel: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "href": "href",
        "rel": "rel",
    }
    _READ_ONLY: ClassVar[frozenset[str]] = frozenset({})

    def to_dict(self) -> dict[str, Any]:
        href = self.href

        rel = self.rel

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if href is not UNSET:
            field_dict["href"] = href
        if rel is not UNSET:
            field_dict["rel"] = rel

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        href = d.pop("href", UNSET)

        rel = d.pop("rel", UNSET)

        link = cls(
            href=href,
            rel=rel,
        )

        link.additional_properties = d
        return link

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
