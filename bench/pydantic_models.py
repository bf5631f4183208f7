"""The parsing benchmark's baseline: pydantic v2 models of `StreamsTenant` written by hand from
spec/streams.yaml, as a user who skipped code generation would write them.

Faithful to the schema: the same properties and required lists, enums as Literal types, the
patterns and maxItems of the spec, `_id` and camelCase JSON names as aliases, and the two
polymorphic schemas as unions discriminated on `type` (with the spec's mappings). Like the
generated models, they keep unknown fields (`extra="allow"`)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

OBJECT_ID = r"^([a-f0-9]{24})$"
AwsRegion = Literal[
    "SYDNEY_AUS",
    "MUMBAI_IND",
    "FRANKFURT_DEU",
    "DUBLIN_IRL",
    "LONDON_GBR",
    "VIRGINIA_USA",
    "OHIO_USA",
    "OREGON_USA",
    "SAOPAULO_BRA",
    "MONTREAL_CAN",
    "TOKYO_JPN",
    "SINGAPORE_SGP",
    "PARIS_FRA",
    "SEOUL_KOR",
]
AzureRegion = Literal["eastus", "westus", "eastus2", "westeurope", "brazilsouth", "australiaeast"]
GcpRegion = Literal["US_CENTRAL1", "EUROPE_WEST1", "US_EAST4"]
Tier = Literal["SP50", "SP30", "SP10", "SP5", "SP2"]


class Model(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="allow")


class Link(Model):
    href: str | None = None
    rel: str | None = None


class Linked(Model):
    links: list[Link] | None = None


class StreamsDataProcessRegion(Linked):
    cloud_provider: Literal["AWS", "GCP", "AZURE", "TENANT", "SERVERLESS"]
    region: AwsRegion | AzureRegion | GcpRegion


class StreamConfig(Linked):
    max_tier_size: Tier | None = None
    tier: Tier | None = None


class StreamsSampleConnections(Linked):
    solar: bool | None = None


class StreamsAWSConnectionConfig(Linked):
    role_arn: str | None = None
    test_bucket: str | None = None


class StreamsGCPConnectionConfig(Linked):
    service_account_id: str | None = None


class AzureConnection(Linked):
    region: str | None = None
    service_principal_id: str | None = None
    storage_account_name: str | None = None


class DBRoleToExecute(Linked):
    role: str | None = None
    type: Literal["BUILT_IN", "CUSTOM"] | None = None


class StreamsKafkaNetworkingAccess(Linked):
    connection_id: Annotated[str, Field(pattern=OBJECT_ID)] | None = None
    name: str | None = None
    tgw_route_id: Annotated[str, Field(pattern=OBJECT_ID)] | None = None
    type: Literal["PUBLIC", "VPC", "PRIVATE_LINK", "TRANSIT_GATEWAY"] | None = None


class StreamsKafkaNetworking(Linked):
    access: StreamsKafkaNetworkingAccess | None = None


class StreamsPublicPrivateLinkNetworkingAccess(Linked):
    connection_id: Annotated[str, Field(pattern=OBJECT_ID)] | None = None
    type: Literal["PUBLIC", "PRIVATE_LINK"] | None = None


class StreamsPublicPrivateLinkNetworking(Linked):
    access: StreamsPublicPrivateLinkNetworkingAccess | None = None


class StreamsKafkaAuthentication(Linked):
    aws: StreamsAWSConnectionConfig | None = None
    client_id: str | None = None
    client_secret: str | None = None
    mechanism: str | None = None
    method: str | None = None
    password: str | None = None
    sasl_oauthbearer_extensions: str | None = None
    scope: str | None = None
    ssl_certificate: str | None = None
    ssl_key: str | None = None
    ssl_key_password: str | None = None
    token_endpoint_url: str | None = None
    username: str | None = None


class StreamsKafkaSecurity(Linked):
    broker_public_certificate: str | None = None
    protocol: str | None = None


class ConfluentUserInfoAuthentication(Model):
    type: Literal["USER_INFO"]
    password: str
    username: str


class ConfluentSaslInheritAuthentication(Model):
    type: Literal["SASL_INHERIT"]


SchemaRegistryAuthentication = Annotated[
    ConfluentUserInfoAuthentication | ConfluentSaslInheritAuthentication, Field(discriminator="type")
]


class StreamsConnectionBase(Linked):
    id: str | None = None
    name: str | None = None
    region: str | None = None
    state: Literal["PENDING", "READY", "DELETING", "FAILED"] | None = None


class StreamsSampleConnection(StreamsConnectionBase):
    type: Literal["Sample"]


class StreamsClusterConnection(StreamsConnectionBase):
    type: Literal["Cluster"]
    cluster_group_id: str | None = None
    cluster_name: str | None = None
    db_role_to_execute: DBRoleToExecute | None = None


class StreamsKafkaConnection(StreamsConnectionBase):
    type: Literal["Kafka"]
    authentication: StreamsKafkaAuthentication | None = None
    bootstrap_servers: str | None = None
    config: dict[str, str] | None = None
    networking: StreamsKafkaNetworking | None = None
    security: StreamsKafkaSecurity | None = None


class StreamsHttpsConnection(StreamsConnectionBase):
    type: Literal["Https"]
    headers: dict[str, str] | None = None
    url: str | None = None


# Several connection types share the same extra properties; a hand-written model would share them too.
class _PrivateLinkNetworked(StreamsConnectionBase):
    public_private_networking: StreamsPublicPrivateLinkNetworking | None = None


class _AwsOverKafkaNetworking(StreamsConnectionBase):
    aws: StreamsAWSConnectionConfig | None = None
    networking: StreamsKafkaNetworking | None = None


class StreamsAWSLambdaConnection(_PrivateLinkNetworked):
    type: Literal["AWSLambda"]
    aws: StreamsAWSConnectionConfig | None = None


class StreamsS3Connection(_AwsOverKafkaNetworking):
    type: Literal["S3"]


class StreamsAWSKinesisDataStreamsConnection(_AwsOverKafkaNetworking):
    type: Literal["AWSKinesisDataStreams"]


class StreamsSchemaRegistryConnection(StreamsConnectionBase):
    type: Literal["SchemaRegistry"]
    provider: Literal["CONFLUENT"]
    schema_registry_authentication: SchemaRegistryAuthentication
    schema_registry_urls: Annotated[list[str], Field(max_length=10)]


class StreamsAzureBlobStorageConnection(_PrivateLinkNetworked):
    type: Literal["AzureBlobStorage"]
    azure: AzureConnection | None = None


class StreamsGCPPubSubConnection(_PrivateLinkNetworked):
    type: Literal["GCPPubSub"]
    gcp: StreamsGCPConnectionConfig | None = None


StreamsConnection = Annotated[
    StreamsSampleConnection
    | StreamsClusterConnection
    | StreamsKafkaConnection
    | StreamsHttpsConnection
    | StreamsAWSLambdaConnection
    | StreamsS3Connection
    | StreamsAWSKinesisDataStreamsConnection
    | StreamsSchemaRegistryConnection
    | StreamsAzureBlobStorageConnection
    | StreamsGCPPubSubConnection,
    Field(discriminator="type"),
]


class StreamsTenant(Linked):
    id: Annotated[str, Field(pattern=OBJECT_ID)] | None = Field(None, alias="_id")
    connections: list[StreamsConnection] | None = None
    data_process_region: StreamsDataProcessRegion | None = None
    failover_regions: Annotated[list[StreamsDataProcessRegion], Field(max_length=2)] | None = None
    group_id: Annotated[str, Field(pattern=OBJECT_ID)] | None = None
    hostnames: list[str] | None = None
    name: str | None = None
    sample_connections: StreamsSampleConnections | None = None
    stream_config: StreamConfig | None = None
