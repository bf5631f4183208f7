from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.streams_connection_base_state import StreamsConnectionBaseState
from ..models.streams_connection_base_type import StreamsConnectionBaseType
from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamsAzureBlobStorageConnection")


@_attrs_define
class StreamsAzureBlobStorageConnection:
    """Connection to Azure Blob Storage.

    Attributes:
        id (str | Unset): Identifier that Atlas assigns to the connection.
        links (list[Link] | Unset): Hypermedia links (RFC 5988 Web Linking) to sub-resources of this object and to
            related API resources.
        name (str | Unset): Name of the connection inside the workspace. For a `Sample` connection it is the name of the
            sample data source.
        region (str | Unset): Region the connection belongs to.
        state (StreamsConnectionBaseState | Unset): Current lifecycle state of the connection.
        type_ (StreamsConnectionBaseType | Unset): Kind of connection. It selects the connection subtype.
        azure (AzureConnection | Unset): Azure settings that a connection uses to reach a storage account.
        public_private_networking (StreamsPublicPrivateLinkNetworking | Unset): Network settings of connections that can
            use `PUBLIC` or `PRIVATE_LINK` access. On Google Cloud, `PRIVATE_LINK` means Private Service Connect (PSC).
    """

    id: str | Unset = UNSET
    links: list[Link] | Unset = UNSET
    name: str | Unset = UNSET
    region: str | Unset = UNSET
    state: StreamsConnectionBaseState | Unset = UNSET
    type_: StreamsConnectionBaseType | Unset = UNSET
    azure: AzureConnection | Unset = UNSET
    public_private_networking: StreamsPublicPrivateLinkNetworking | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "id": "id",
        "links": "links",
        "name": "name",
        "region": "region",
        "state": "state",
        "type_": "type",
        "azure": "azure",
        "public_private_networking": "publicPrivateNetworking",
    }
    _READ_ONLY: ClassVar[frozenset[str]] = frozenset(
        {
            "id",
            "links",
            "state",
        }
    )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        links: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = []
            for links_item_data in self.links:
                links_item = links_item_data.to_dict()
                links.append(links_item)

        name = self.name

        region = self.region

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = (
                self.state.value
                if isinstance(self.state, StreamsConnectionBaseState) and self.state.is_known()
                else self.state
            )

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = (
                self.type_.value
                if isinstance(self.type_, StreamsConnectionBaseType) and self.type_.is_known()
                else self.type_
            )

        azure: dict[str, Any] | Unset = UNSET
        if not isinstance(self.azure, Unset):
            azure = self.azure.to_dict()

        public_private_networking: dict[str, Any] | Unset = UNSET
        if not isinstance(self.public_private_networking, Unset):
            public_private_networking = self.public_private_networking.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if links is not UNSET:
            field_dict["links"] = links
        if name is not UNSET:
            field_dict["name"] = name
        if region is not UNSET:
            field_dict["region"] = region
        if state is not UNSET:
            field_dict["state"] = state
        if type_ is not UNSET:
            field_dict["type"] = type_
        if azure is not UNSET:
            field_dict["azure"] = azure
        if public_private_networking is not UNSET:
            field_dict["publicPrivateNetworking"] = public_private_networking

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _links = d.pop("links", UNSET)
        links: list[Link] | Unset = UNSET
        if _links is not UNSET:
            links = []
            for links_item_data in _links:
                links_item = Link.from_dict(links_item_data)

                links.append(links_item)

        name = d.pop("name", UNSET)

        region = d.pop("region", UNSET)

        _state = d.pop("state", UNSET)
        state: StreamsConnectionBaseState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = StreamsConnectionBaseState(_state)

        _type_ = d.pop("type", UNSET)
        type_: StreamsConnectionBaseType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = StreamsConnectionBaseType(_type_)

        _azure = d.pop("azure", UNSET)
        azure: AzureConnection | Unset
        if isinstance(_azure, Unset):
            azure = UNSET
        else:
            azure = AzureConnection.from_dict(_azure)

        _public_private_networking = d.pop("publicPrivateNetworking", UNSET)
        public_private_networking: StreamsPublicPrivateLinkNetworking | Unset
        if isinstance(_public_private_networking, Unset):
            public_private_networking = UNSET
        else:
            public_private_networking = StreamsPublicPrivateLinkNetworking.from_dict(_public_private_networking)

        streams_azure_blob_storage_connection = cls(
            id=id,
            links=links,
            name=name,
            region=region,
            state=state,
            type_=type_,
            azure=azure,
            public_private_networking=public_private_networking,
        )

        streams_azure_blob_storage_connection.additional_properties = d
        return streams_azure_blob_storage_connection

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
from ..models.azure_connection import AzureConnection
from ..models.link import Link
from ..models.streams_public_private_link_networking import StreamsPublicPrivateLinkNetworking
