from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._subtypes import parse_subtype
from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamsTenant")


@_attrs_define
class StreamsTenant:
    """
    Attributes:
        field_id (str | Unset): 24-hexadecimal-character identifier that Atlas assigns to the stream workspace. Example:
            32b6e34b3d91647abb20e7b8.
        connections (list[StreamsAWSKinesisDataStreamsConnection | StreamsAWSLambdaConnection |
            StreamsAzureBlobStorageConnection | StreamsClusterConnection | StreamsConnectionBase |
            StreamsGCPPubSubConnection | StreamsHttpsConnection | StreamsKafkaConnection | StreamsS3Connection |
            StreamsSampleConnection | StreamsSchemaRegistryConnection] | Unset): Connections that exist in the stream
            workspace.
        data_process_region (StreamsDataProcessRegion | Unset): Cloud provider and region in which Atlas processes the
            stream.
        failover_regions (list[StreamsDataProcessRegion] | Unset): Regions the stream workspace can fail over to, at
            most two.
        group_id (str | Unset): 24-hexadecimal-character ID of the project that owns the stream workspace. Example:
            32b6e34b3d91647abb20e7b8.
        hostnames (list[str] | Unset): Hostnames assigned to the stream workspace.
        links (list[Link] | Unset): Hypermedia links (RFC 5988 Web Linking) to sub-resources of this object and to
            related API resources.
        name (str | Unset): Name of the stream workspace.
        sample_connections (StreamsSampleConnections | Unset): Built-in sample connections to add to the stream
            workspace.
        stream_config (None | StreamConfig | Unset): Sizing options of an Atlas Stream Processing workspace.
    """

    field_id: str | Unset = UNSET
    connections: (
        list[
            StreamsAWSKinesisDataStreamsConnection
            | StreamsAWSLambdaConnection
            | StreamsAzureBlobStorageConnection
            | StreamsClusterConnection
            | StreamsConnectionBase
            | StreamsGCPPubSubConnection
            | StreamsHttpsConnection
            | StreamsKafkaConnection
            | StreamsS3Connection
            | StreamsSampleConnection
            | StreamsSchemaRegistryConnection
        ]
        | Unset
    ) = UNSET
    data_process_region: StreamsDataProcessRegion | Unset = UNSET
    failover_regions: list[StreamsDataProcessRegion] | Unset = UNSET
    group_id: str | Unset = UNSET
    hostnames: list[str] | Unset = UNSET
    links: list[Link] | Unset = UNSET
    name: str | Unset = UNSET
    sample_connections: StreamsSampleConnections | Unset = UNSET
    stream_config: None | StreamConfig | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "field_id": "_id",
        "connections": "connections",
        "data_process_region": "dataProcessRegion",
        "failover_regions": "failoverRegions",
        "group_id": "groupId",
        "hostnames": "hostnames",
        "links": "links",
        "name": "name",
        "sample_connections": "sampleConnections",
        "stream_config": "streamConfig",
    }
    _READ_ONLY: ClassVar[frozenset[str]] = frozenset(
        {
            "_id",
            "connections",
            "groupId",
            "hostnames",
            "links",
        }
    )

    def to_dict(self) -> dict[str, Any]:
        field_id = self.field_id

        connections: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.connections, Unset):
            connections = []
            for connections_item_data in self.connections:
                connections_item: dict[str, Any]
                connections_item = connections_item_data.to_dict()

                connections.append(connections_item)

        data_process_region: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data_process_region, Unset):
            data_process_region = self.data_process_region.to_dict()

        failover_regions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.failover_regions, Unset):
            failover_regions = []
            for failover_regions_item_data in self.failover_regions:
                failover_regions_item = failover_regions_item_data.to_dict()
                failover_regions.append(failover_regions_item)

        group_id = self.group_id

        hostnames: list[str] | Unset = UNSET
        if not isinstance(self.hostnames, Unset):
            hostnames = self.hostnames

        links: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = []
            for links_item_data in self.links:
                links_item = links_item_data.to_dict()
                links.append(links_item)

        name = self.name

        sample_connections: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sample_connections, Unset):
            sample_connections = self.sample_connections.to_dict()

        stream_config: dict[str, Any] | None | Unset
        if isinstance(self.stream_config, Unset):
            stream_config = UNSET
        elif isinstance(self.stream_config, StreamConfig):
            stream_config = self.stream_config.to_dict()
        else:
            stream_config = self.stream_config

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if field_id is not UNSET:
            field_dict["_id"] = field_id
        if connections is not UNSET:
            field_dict["connections"] = connections
        if data_process_region is not UNSET:
            field_dict["dataProcessRegion"] = data_process_region
        if failover_regions is not UNSET:
            field_dict["failoverRegions"] = failover_regions
        if group_id is not UNSET:
            field_dict["groupId"] = group_id
        if hostnames is not UNSET:
            field_dict["hostnames"] = hostnames
        if links is not UNSET:
            field_dict["links"] = links
        if name is not UNSET:
            field_dict["name"] = name
        if sample_connections is not UNSET:
            field_dict["sampleConnections"] = sample_connections
        if stream_config is not UNSET:
            field_dict["streamConfig"] = stream_config

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field_id = d.pop("_id", UNSET)

        _connections = d.pop("connections", UNSET)
        connections: (
            list[
                StreamsAWSKinesisDataStreamsConnection
                | StreamsAWSLambdaConnection
                | StreamsAzureBlobStorageConnection
                | StreamsClusterConnection
                | StreamsConnectionBase
                | StreamsGCPPubSubConnection
                | StreamsHttpsConnection
                | StreamsKafkaConnection
                | StreamsS3Connection
                | StreamsSampleConnection
                | StreamsSchemaRegistryConnection
            ]
            | Unset
        ) = UNSET
        if _connections is not UNSET:
            connections = []
            for connections_item_data in _connections:
                connections_item = parse_subtype(
                    connections_item_data, "type", _STREAMS_CONNECTION_SUBTYPES, StreamsConnectionBase
                )

                connections.append(connections_item)

        _data_process_region = d.pop("dataProcessRegion", UNSET)
        data_process_region: StreamsDataProcessRegion | Unset
        if isinstance(_data_process_region, Unset):
            data_process_region = UNSET
        else:
            data_process_region = StreamsDataProcessRegion.from_dict(_data_process_region)

        _failover_regions = d.pop("failoverRegions", UNSET)
        failover_regions: list[StreamsDataProcessRegion] | Unset = UNSET
        if _failover_regions is not UNSET:
            failover_regions = []
            for failover_regions_item_data in _failover_regions:
                failover_regions_item = StreamsDataProcessRegion.from_dict(failover_regions_item_data)

                failover_regions.append(failover_regions_item)

        group_id = d.pop("groupId", UNSET)

        hostnames = cast(list[str], d.pop("hostnames", UNSET))

        _links = d.pop("links", UNSET)
        links: list[Link] | Unset = UNSET
        if _links is not UNSET:
            links = []
            for links_item_data in _links:
                links_item = Link.from_dict(links_item_data)

                links.append(links_item)

        name = d.pop("name", UNSET)

        _sample_connections = d.pop("sampleConnections", UNSET)
        sample_connections: StreamsSampleConnections | Unset
        if isinstance(_sample_connections, Unset):
            sample_connections = UNSET
        else:
            sample_connections = StreamsSampleConnections.from_dict(_sample_connections)

        def _parse_stream_config(data: object) -> None | StreamConfig | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_stream_config_type_0 = StreamConfig.from_dict(data)

                return componentsschemas_stream_config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StreamConfig | Unset, data)

        stream_config = _parse_stream_config(d.pop("streamConfig", UNSET))

        streams_tenant = cls(
            field_id=field_id,
            connections=connections,
            data_process_region=data_process_region,
            failover_regions=failover_regions,
            group_id=group_id,
            hostnames=hostnames,
            links=links,
            name=name,
            sample_connections=sample_connections,
            stream_config=stream_config,
        )

        streams_tenant.additional_properties = d
        return streams_tenant

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
from ..models.stream_config import StreamConfig
from ..models.streams_aws_kinesis_data_streams_connection import StreamsAWSKinesisDataStreamsConnection
from ..models.streams_aws_lambda_connection import StreamsAWSLambdaConnection
from ..models.streams_azure_blob_storage_connection import StreamsAzureBlobStorageConnection
from ..models.streams_cluster_connection import StreamsClusterConnection
from ..models.streams_connection_base import StreamsConnectionBase
from ..models.streams_data_process_region import StreamsDataProcessRegion
from ..models.streams_gcp_pub_sub_connection import StreamsGCPPubSubConnection
from ..models.streams_https_connection import StreamsHttpsConnection
from ..models.streams_kafka_connection import StreamsKafkaConnection
from ..models.streams_s3_connection import StreamsS3Connection
from ..models.streams_sample_connection import StreamsSampleConnection
from ..models.streams_sample_connections import StreamsSampleConnections
from ..models.streams_schema_registry_connection import StreamsSchemaRegistryConnection

# The model for each discriminator value; a value newer than this client parses as StreamsConnectionBase.
_STREAMS_CONNECTION_SUBTYPES: dict[
    str,
    type[
        StreamsAWSKinesisDataStreamsConnection
        | StreamsAWSLambdaConnection
        | StreamsAzureBlobStorageConnection
        | StreamsClusterConnection
        | StreamsGCPPubSubConnection
        | StreamsHttpsConnection
        | StreamsKafkaConnection
        | StreamsS3Connection
        | StreamsSampleConnection
        | StreamsSchemaRegistryConnection
    ],
] = {
    "AWSKinesisDataStreams": StreamsAWSKinesisDataStreamsConnection,
    "AWSLambda": StreamsAWSLambdaConnection,
    "AzureBlobStorage": StreamsAzureBlobStorageConnection,
    "Cluster": StreamsClusterConnection,
    "GCPPubSub": StreamsGCPPubSubConnection,
    "Https": StreamsHttpsConnection,
    "Kafka": StreamsKafkaConnection,
    "S3": StreamsS3Connection,
    "Sample": StreamsSampleConnection,
    "SchemaRegistry": StreamsSchemaRegistryConnection,
}
