from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.streams_connection_base_state import StreamsConnectionBaseState
from ..models.streams_connection_base_type import StreamsConnectionBaseType
from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamsKafkaConnection")


@_attrs_define
class StreamsKafkaConnection:
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
        authentication (StreamsKafkaAuthentication | Unset): Mechanism and credentials used to authenticate to a Kafka
            cluster.
        bootstrap_servers (str | Unset): Kafka bootstrap servers, given as a comma-separated list of addresses.
        config (StreamsKafkaConnectionConfig | Unset): Optional Kafka client settings as a flat map of strings. Keys may
            contain dots. Example: {'debug': 'queue, msg, protocol', 'group.protocol.type': 'consumer'}.
        networking (StreamsKafkaNetworking | Unset): Network settings of a stream connection.
        security (StreamsKafkaSecurity | Unset): Transport security settings of the Kafka connection, such as the
            certificate to trust for SSL.
    """

    id: str | Unset = UNSET
    links: list[Link] | Unset = UNSET
    name: str | Unset = UNSET
    region: str | Unset = UNSET
    state: StreamsConnectionBaseState | Unset = UNSET
    type_: StreamsConnectionBaseType | Unset = UNSET
    authentication: StreamsKafkaAuthentication | Unset = UNSET
    bootstrap_servers: str | Unset = UNSET
    config: StreamsKafkaConnectionConfig | Unset = UNSET
    networking: StreamsKafkaNetworking | Unset = UNSET
    security: StreamsKafkaSecurity | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "id": "id",
        "links": "links",
        "name": "name",
        "region": "region",
        "state": "state",
        "type_": "type",
        "authentication": "authentication",
        "bootstrap_servers": "bootstrapServers",
        "config": "config",
        "networking": "networking",
        "security": "security",
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

        authentication: dict[str, Any] | Unset = UNSET
        if not isinstance(self.authentication, Unset):
            authentication = self.authentication.to_dict()

        bootstrap_servers = self.bootstrap_servers

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        networking: dict[str, Any] | Unset = UNSET
        if not isinstance(self.networking, Unset):
            networking = self.networking.to_dict()

        security: dict[str, Any] | Unset = UNSET
        if not isinstance(self.security, Unset):
            security = self.security.to_dict()

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
        if authentication is not UNSET:
            field_dict["authentication"] = authentication
        if bootstrap_servers is not UNSET:
            field_dict["bootstrapServers"] = bootstrap_servers
        if config is not UNSET:
            field_dict["config"] = config
        if networking is not UNSET:
            field_dict["networking"] = networking
        if security is not UNSET:
            field_dict["security"] = security

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

        _authentication = d.pop("authentication", UNSET)
        authentication: StreamsKafkaAuthentication | Unset
        if isinstance(_authentication, Unset):
            authentication = UNSET
        else:
            authentication = StreamsKafkaAuthentication.from_dict(_authentication)

        bootstrap_servers = d.pop("bootstrapServers", UNSET)

        _config = d.pop("config", UNSET)
        config: StreamsKafkaConnectionConfig | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = StreamsKafkaConnectionConfig.from_dict(_config)

        _networking = d.pop("networking", UNSET)
        networking: StreamsKafkaNetworking | Unset
        if isinstance(_networking, Unset):
            networking = UNSET
        else:
            networking = StreamsKafkaNetworking.from_dict(_networking)

        _security = d.pop("security", UNSET)
        security: StreamsKafkaSecurity | Unset
        if isinstance(_security, Unset):
            security = UNSET
        else:
            security = StreamsKafkaSecurity.from_dict(_security)

        streams_kafka_connection = cls(
            id=id,
            links=links,
            name=name,
            region=region,
            state=state,
            type_=type_,
            authentication=authentication,
            bootstrap_servers=bootstrap_servers,
            config=config,
            networking=networking,
            security=security,
        )

        streams_kafka_connection.additional_properties = d
        return streams_kafka_connection

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
from ..models.streams_kafka_authentication import StreamsKafkaAuthentication
from ..models.streams_kafka_connection_config import StreamsKafkaConnectionConfig
from ..models.streams_kafka_networking import StreamsKafkaNetworking
from ..models.streams_kafka_security import StreamsKafkaSecurity
