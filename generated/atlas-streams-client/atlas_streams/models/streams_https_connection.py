from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.streams_connection_base_state import StreamsConnectionBaseState
from ..models.streams_connection_base_type import StreamsConnectionBaseType
from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamsHttpsConnection")


@_attrs_define
class StreamsHttpsConnection:
    """
    Attributes:
        id (str | Unset): Identifier that Atlas assigns to the connection.
        links (list[Link] | Unset): Hypermedia links (RFC 5988 Web Linking) to sub-resources of this object and to
            related API resources.
        name (str | Unset): Name of the connection inside the workspace. For a `Sample` connection it is the name of the
            sample data source.
        region (str | Unset): Region the connection belongs to.
        state (StreamsConnectionBaseState | Unset): Current lifecycle state of the connection.
        type_ (StreamsConnectionBaseType | Unset): Kind of connection. It selects the connection subtype.
        headers (StreamsHttpsConnectionHeaders | Unset): HTTP headers, as name and value pairs, to send with every
            request.
        url (str | Unset): Endpoint URL that the requests go to.
    """

    id: str | Unset = UNSET
    links: list[Link] | Unset = UNSET
    name: str | Unset = UNSET
    region: str | Unset = UNSET
    state: StreamsConnectionBaseState | Unset = UNSET
    type_: StreamsConnectionBaseType | Unset = UNSET
    headers: StreamsHttpsConnectionHeaders | Unset = UNSET
    url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "id": "id",
        "links": "links",
        "name": "name",
        "region": "region",
        "state": "state",
        "type_": "type",
        "headers": "headers",
        "url": "url",
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

        headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = self.headers.to_dict()

        url = self.url

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
        if headers is not UNSET:
            field_dict["headers"] = headers
        if url is not UNSET:
            field_dict["url"] = url

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

        _headers = d.pop("headers", UNSET)
        headers: StreamsHttpsConnectionHeaders | Unset
        if isinstance(_headers, Unset):
            headers = UNSET
        else:
            headers = StreamsHttpsConnectionHeaders.from_dict(_headers)

        url = d.pop("url", UNSET)

        streams_https_connection = cls(
            id=id,
            links=links,
            name=name,
            region=region,
            state=state,
            type_=type_,
            headers=headers,
            url=url,
        )

        streams_https_connection.additional_properties = d
        return streams_https_connection

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
from ..models.streams_https_connection_headers import StreamsHttpsConnectionHeaders
