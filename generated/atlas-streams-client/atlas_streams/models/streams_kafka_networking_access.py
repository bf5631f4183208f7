from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.streams_kafka_networking_access_networking_access_type import (
    StreamsKafkaNetworkingAccessNetworkingAccessType,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamsKafkaNetworkingAccess")


@_attrs_define
class StreamsKafkaNetworkingAccess:
    """How the connection reaches the network.

    Attributes:
        connection_id (str | Unset): Reserved for future use with the `PRIVATE_LINK` access type. Example:
            32b6e34b3d91647abb20e7b8.
        links (list[Link] | Unset): Hypermedia links (RFC 5988 Web Linking) to sub-resources of this object and to
            related API resources.
        name (str | Unset): Reserved; intended for the `PRIVATE_LINK` access type.
        tgw_route_id (str | Unset): Reserved for future use with the `TRANSIT_GATEWAY` access type. Example:
            32b6e34b3d91647abb20e7b8.
        type_ (StreamsKafkaNetworkingAccessNetworkingAccessType | Unset): Network access type, one of `PUBLIC` (the
            default), `VPC`, `PRIVATE_LINK` or `TRANSIT_GATEWAY`. With `VPC`, peering between the Atlas VPC and the VPC of
            the Kafka cluster must already be set up and working. `TRANSIT_GATEWAY` is not available yet.
    """

    connection_id: str | Unset = UNSET
    links: list[Link] | Unset = UNSET
    name: str | Unset = UNSET
    tgw_route_id: str | Unset = UNSET
    type_: StreamsKafkaNetworkingAccessNetworkingAccessType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "connection_id": "connectionId",
        "links": "links",
        "name": "name",
        "tgw_route_id": "tgwRouteId",
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

        name = self.name

        tgw_route_id = self.tgw_route_id

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = (
                self.type_.value
                if isinstance(self.type_, StreamsKafkaNetworkingAccessNetworkingAccessType) and self.type_.is_known()
                else self.type_
            )

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if connection_id is not UNSET:
            field_dict["connectionId"] = connection_id
        if links is not UNSET:
            field_dict["links"] = links
        if name is not UNSET:
            field_dict["name"] = name
        if tgw_route_id is not UNSET:
            field_dict["tgwRouteId"] = tgw_route_id
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

        name = d.pop("name", UNSET)

        tgw_route_id = d.pop("tgwRouteId", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: StreamsKafkaNetworkingAccessNetworkingAccessType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = StreamsKafkaNetworkingAccessNetworkingAccessType(_type_)

        streams_kafka_networking_access = cls(
            connection_id=connection_id,
            links=links,
            name=name,
            tgw_route_id=tgw_route_id,
            type_=type_,
        )

        streams_kafka_networking_access.additional_properties = d
        return streams_kafka_networking_access

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
