"""6. Parsing: `StreamsTenant.from_dict` + `to_dict` on a 200 response with 100 connections of mixed
types, against the same payload through hand-written pydantic v2 models (bench/pydantic_models.py)."""

from __future__ import annotations

import copy
from typing import Any

from atlas_streams.models import StreamsTenant
from support.spec_examples import response_example

from bench import pydantic_models
from bench.measure import interleaved, per_call
from bench.report import Section

METHOD = (
    "The documented 200 example with its `connections` replaced by 100 connections, ten of each of the ten "
    "`type`s, every property of each type filled in (as a response: read-only fields present, write-only ones "
    "only where the schema requires them). Ours: `StreamsTenant.from_dict(payload).to_dict()`. Baseline: "
    "`StreamsTenant.model_validate(payload).model_dump(by_alias=True, exclude_unset=True)` with pydantic v2 models "
    "written by hand from the spec (`bench/pydantic_models.py`: Literal enums, patterns, maxItems, aliases, "
    "unions discriminated on `type`). Both give back exactly the payload, which the benchmark checks before "
    "timing. Note the differences in what each checks: pydantic refuses values outside an enum or a pattern, "
    "the generated client keeps unknown enum values and connection types (forward compatibility) and leaves "
    "patterns to request validation. One sample is a batch of round trips divided by its size. No target: the "
    "ratio is reported."
)
DEFAULT_REPEAT = 20
DEFAULT_BATCH = 20
CONNECTIONS = 100
OURS = "StreamsTenant.from_dict + to_dict"
PYDANTIC = "pydantic v2 model_validate + model_dump"

_LINKS = [{"href": "https://cloud.mongodb.com/api/atlas", "rel": "self"}]
_OBJECT_ID = "32b6e34b3d91647abb20e7b8"
_AWS = {"links": _LINKS, "roleArn": "arn:aws:iam::123456789012:role/streams", "testBucket": "streams-test"}
_KAFKA_NETWORKING = {
    "access": {
        "connectionId": _OBJECT_ID,
        "links": _LINKS,
        "name": "tgw-access",
        "tgwRouteId": _OBJECT_ID,
        "type": "TRANSIT_GATEWAY",
    },
    "links": _LINKS,
}
_PRIVATE_LINK = {"access": {"connectionId": _OBJECT_ID, "links": _LINKS, "type": "PRIVATE_LINK"}, "links": _LINKS}
# The properties each connection type adds to StreamsConnectionBase's, all of them filled in.
_FIELDS_BY_TYPE: dict[str, dict[str, Any]] = {
    "Sample": {},
    "Cluster": {
        "clusterGroupId": _OBJECT_ID,
        "clusterName": "Cluster0",
        "dbRoleToExecute": {"links": _LINKS, "role": "atlasAdmin", "type": "BUILT_IN"},
    },
    "Kafka": {
        "authentication": {
            "aws": _AWS,
            "clientId": "streams-client",
            "links": _LINKS,
            "mechanism": "OAUTHBEARER",
            "method": "OIDC",
            "saslOauthbearerExtensions": "logicalCluster=lkc-1",
            "scope": "kafka",
            "sslCertificate": "-----BEGIN CERTIFICATE-----",
            "tokenEndpointUrl": "https://auth.example.com/token",
            "username": "streams",
        },
        "bootstrapServers": "broker-1:9092,broker-2:9092",
        "config": {"debug": "queue, msg, protocol", "group.protocol.type": "consumer"},
        "networking": _KAFKA_NETWORKING,
        "security": {"brokerPublicCertificate": "-----BEGIN CERTIFICATE-----", "links": _LINKS, "protocol": "SSL"},
    },
    "Https": {"headers": {"Authorization": "Bearer token", "X-Trace": "on"}, "url": "https://hooks.example.com/in"},
    "AWSLambda": {"aws": _AWS, "publicPrivateNetworking": _PRIVATE_LINK},
    "S3": {"aws": _AWS, "networking": _KAFKA_NETWORKING},
    "AWSKinesisDataStreams": {"aws": _AWS, "networking": _KAFKA_NETWORKING},
    "SchemaRegistry": {
        "provider": "CONFLUENT",
        "schemaRegistryAuthentication": {"type": "USER_INFO", "username": "registry", "password": "secret"},
        "schemaRegistryUrls": ["https://registry-1.example.com", "https://registry-2.example.com"],
    },
    "AzureBlobStorage": {
        "azure": {
            "links": _LINKS,
            "region": "eastus",
            "servicePrincipalId": "service-principal",
            "storageAccountName": "streamsstorage",
        },
        "publicPrivateNetworking": _PRIVATE_LINK,
    },
    "GCPPubSub": {
        "gcp": {"links": _LINKS, "serviceAccountId": "streams@project.iam.gserviceaccount.com"},
        "publicPrivateNetworking": _PRIVATE_LINK,
    },
}


def payload(connections: int = CONNECTIONS) -> dict[str, Any]:
    response = response_example(200)
    types = list(_FIELDS_BY_TYPE)
    response["connections"] = [
        {
            "id": f"{index:024x}",
            "links": _LINKS,
            "name": f"connection-{index}",
            "region": "VIRGINIA_USA",
            "state": "READY",
            "type": types[index % len(types)],
            **copy.deepcopy(_FIELDS_BY_TYPE[types[index % len(types)]]),
        }
        for index in range(connections)
    ]
    return copy.deepcopy(response)  # no sharing of the nested dicts between connections


def ours_round_trip(data: dict[str, Any]) -> dict[str, Any]:
    return StreamsTenant.from_dict(data).to_dict()


def pydantic_round_trip(data: dict[str, Any]) -> dict[str, Any]:
    return pydantic_models.StreamsTenant.model_validate(data).model_dump(by_alias=True, exclude_unset=True)


def run(repeat: int = DEFAULT_REPEAT, warmup: int = 1, batch: int = DEFAULT_BATCH) -> Section:
    data = payload()
    for round_trip in (ours_round_trip, pydantic_round_trip):
        if round_trip(data) != data:
            raise AssertionError(f"{round_trip.__name__} does not give back the payload: the shapes differ")
    series = interleaved(
        {
            OURS: per_call(lambda: ours_round_trip(data), batch),
            PYDANTIC: per_call(lambda: pydantic_round_trip(data), batch),
        },
        repeat,
        warmup,
    )
    return Section(
        title="Parsing",
        method=METHOD + f" {batch} round trips per batch.",
        series=list(series.values()),
        ours=OURS,
        baseline=PYDANTIC,
    )
