from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.db_role_to_execute_db_role_type import DBRoleToExecuteDBRoleType
from ..types import UNSET, Unset

T = TypeVar("T", bound="DBRoleToExecute")


@_attrs_define
class DBRoleToExecute:
    """Database role, built-in or custom, that Atlas assumes when it connects to an Atlas cluster.

    Attributes:
        links (list[Link] | Unset): Hypermedia links (RFC 5988 Web Linking) to sub-resources of this object and to
            related API resources.
        role (str | Unset): Name of the built-in or custom role to use.
        type_ (DBRoleToExecuteDBRoleType | Unset): Tells whether role names a built-in role or a custom role.
    """

    links: list[Link] | Unset = UNSET
    role: str | Unset = UNSET
    type_: DBRoleToExecuteDBRoleType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "links": "links",
        "role": "role",
        "type_": "type",
    }
    _READ_ONLY: ClassVar[frozenset[str]] = frozenset(
        {
            "links",
        }
    )

    def to_dict(self) -> dict[str, Any]:
        links: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = []
            for links_item_data in self.links:
                links_item = links_item_data.to_dict()
                links.append(links_item)

        role = self.role

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = (
                self.type_.value
                if isinstance(self.type_, DBRoleToExecuteDBRoleType) and self.type_.is_known()
                else self.type_
            )

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if links is not UNSET:
            field_dict["links"] = links
        if role is not UNSET:
            field_dict["role"] = role
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _links = d.pop("links", UNSET)
        links: list[Link] | Unset = UNSET
        if _links is not UNSET:
            links = []
            for links_item_data in _links:
                links_item = Link.from_dict(links_item_data)

                links.append(links_item)

        role = d.pop("role", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: DBRoleToExecuteDBRoleType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = DBRoleToExecuteDBRoleType(_type_)

        db_role_to_execute = cls(
            links=links,
            role=role,
            type_=type_,
        )

        db_role_to_execute.additional_properties = d
        return db_role_to_execute

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
from ..models.link import Link
