from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.streams_public_private_link_networking_access_networking_access_type import (
    StreamsPublicPrivateLinkNetworkingAccessNetworkingAccessType,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamsPublicPrivateLinkNetworkingAccess")


@_attrs_define
class StreamsPublicPrivateLinkNetworkingAccess:
    """Network access mode of the connection.

    Attributes:
        connection_id (str | Unset): ID of the private link connection, required when type is `PRIVATE_LINK`. For Google
            Cloud Private Service Connect it is the PSC connection ID. Example: 32b6e34b3d91647abb20e7b8.
        links (list[Link] | Unset): Hypermedia links (RFC 5988 Web Linking) to sub-resources of this object and to
            related API resources.
        type_ (StreamsPublicPrivateLinkNetworkingAccessNetworkingAccessType | Unset): Network access type, `PUBLIC` (the
            default) or `PRIVATE_LINK`. Depending on the cloud, `PRIVATE_LINK` stands for AWS PrivateLink, Azure Private
            Link or Google Cloud Private Service Connect.
    """

    connection_id: str | Unset = UNSET
    links: list[Link] | Unset = UNSET
    type_: StreamsPublicPrivateLinkNetworkingAccessNetworkingAccessType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "connection_id": "connectionId",
        "links": "links",
        "type_": "type",
    }
    _READ_ONLY: ClassVar[frozenset[str]] = frozenset(
        {
            "links",
        }
    )

    def to_dict(self) -> dict[str, Any]:
        connection_id = self.connection_id

        links: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = []
            for links_item_data in self.links:
                links_item = links_item_data.to_dict()
                links.append(links_item)

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = (
                self.type_.value
                if isinstance(self.type_, StreamsPublicPrivateLinkNetworkingAccessNetworkingAccessType)
                and self.type_.is_known()
                else self.type_
            )

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if connection_id is not UNSET:
            field_dict["connectionId"] = connection_id
        if links is not UNSET:
            field_dict["links"] = links
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        connection_id = d.pop("connectionId", UNSET)

        _links = d.pop("links", UNSET)
        links: list[Link] | Unset = UNSET
        if _links is not UNSET:
            links = []
            for links_item_data in _links:
                links_item = Link.from_dict(links_item_data)

                links.append(links_item)

        _type_ = d.pop("type", UNSET)
        type_: StreamsPublicPrivateLinkNetworkingAccessNetworkingAccessType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = StreamsPublicPrivateLinkNetworkingAccessNetworkingAccessType(_type_)

        streams_public_private_link_networking_access = cls(
            connection_id=connection_id,
            links=links,
            type_=type_,
        )

        streams_public_private_link_networking_access.additional_properties = d
        return streams_public_private_link_networking_access

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
