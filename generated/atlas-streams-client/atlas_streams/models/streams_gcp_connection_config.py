from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamsGCPConnectionConfig")


@_attrs_define
class StreamsGCPConnectionConfig:
    """Google Cloud settings that a connection uses.

    Attributes:
        links (list[Link] | Unset): Hypermedia links (RFC 5988 Web Linking) to sub-resources of this object and to
            related API resources.
        service_account_id (str | Unset): Email address of the Google Cloud service account through which Atlas Streams
            reaches your Pub/Sub resources.
    """

    links: list[Link] | Unset = UNSET
    service_account_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "links": "links",
        "service_account_id": "serviceAccountId",
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

        service_account_id = self.service_account_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if links is not UNSET:
            field_dict["links"] = links
        if service_account_id is not UNSET:
            field_dict["serviceAccountId"] = service_account_id

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

        service_account_id = d.pop("serviceAccountId", UNSET)

        streams_gcp_connection_config = cls(
            links=links,
            service_account_id=service_account_id,
        )

        streams_gcp_connection_config.additional_properties = d
        return streams_gcp_connection_config

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
