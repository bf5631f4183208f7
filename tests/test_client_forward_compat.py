"""Responses from an Atlas newer than this client: unknown enum values (regions, tiers, providers, states),
unknown connection types and unknown fields parse without error, and to_dict() gives back exactly what the
server sent. Each goes through the operation's sync() over real loopback HTTP."""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Callable
from typing import Any

import pytest
from atlas_streams import Client
from support.atlas_fakes import ATLAS_MEDIA_TYPE, GROUP_ID, loopback_client
from support.generated_client import body_model, model_class, operation
from support.loopback import CannedResponse, LoopbackServer
from support.spec_examples import discriminated_list, request_example, response_example, response_media, spec_data

from generator.spec.schema_facts import discriminators

# These responses carry what the spec does not know yet (or, for S3, what upstream's `type` enum omits),
# which is the point: the client must parse them although the contract check would refuse them.
pytestmark = pytest.mark.off_contract("responses newer than the spec")


def received(atlas_server: LoopbackServer, client: Client, payload: dict[str, Any]) -> Any:
    """The tenant that sync() returns when the server answers 200 with `payload`."""
    atlas_server.respond(CannedResponse.json(200, payload, ATLAS_MEDIA_TYPE))
    return operation.sync(GROUP_ID, client=client, body=body_model().from_dict(request_example()))


def connection_class(value: str | None) -> Any:
    """The model that a connection of type `value` parses as (None: the fallback for a type the client does not
    know), by the discriminator of the union that the success schema lists (its connections)."""
    _, union = discriminated_list(response_media(success=True)[1]["schema"])
    discriminator = discriminators(spec_data())[union]
    return model_class(discriminator.mapping[value] if value is not None else str(discriminator.fallback))


def newer_200(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    payload = response_example(200)
    change(payload)
    return payload


UNKNOWN_CONNECTION = {
    "id": "6650e7a1b8c4f2d3e4a5b6c7",
    "links": [{"href": "https://cloud.mongodb.com/api/atlas", "rel": "self"}],
    "name": "events",
    "type": "EventBridge",
    "state": "READY",
    "eventBusArn": "arn:aws:events:us-east-1:123456789012:event-bus/default",
    "routing": {"rules": [{"source": ["atlas"], "detailType": None}], "retries": 3},
}


def test_unknown_connection_type_is_parsed_as_the_fallback_model(atlas_server: LoopbackServer, client: Client) -> None:
    payload = newer_200(lambda data: data["connections"].append(copy.deepcopy(UNKNOWN_CONNECTION)))

    tenant = received(atlas_server, client, payload)

    assert isinstance(tenant.connections, list)
    first = response_example(200)["connections"][0]["type"]
    assert [type(connection) for connection in tenant.connections] == [connection_class(first), connection_class(None)]


def test_unknown_connection_type_round_trips_losslessly(atlas_server: LoopbackServer, client: Client) -> None:
    payload = newer_200(lambda data: data["connections"].append(copy.deepcopy(UNKNOWN_CONNECTION)))

    tenant = received(atlas_server, client, payload)

    assert tenant.to_dict() == payload


def test_unknown_connection_type_keeps_its_type_value(atlas_server: LoopbackServer, client: Client) -> None:
    payload = newer_200(lambda data: data["connections"].append(copy.deepcopy(UNKNOWN_CONNECTION)))

    tenant = received(atlas_server, client, payload)

    assert isinstance(tenant.connections, list)
    assert tenant.connections[1].to_dict()["type"] == "EventBridge"


def test_s3_connection_type_missing_from_the_type_enum_round_trips(
    atlas_server: LoopbackServer, client: Client
) -> None:
    # The spec's discriminator maps S3 although the type enum of StreamsConnectionBase omits it.
    s3 = {"name": "archive", "type": "S3", "aws": {"roleArn": "arn:aws:iam::123456789012:role/atlas"}}
    payload = newer_200(lambda data: data["connections"].append(s3))

    tenant = received(atlas_server, client, payload)

    assert tenant.to_dict() == payload


def test_known_connection_type_with_its_fields_round_trips(atlas_server: LoopbackServer, client: Client) -> None:
    kafka = {
        "name": "kafka-prod",
        "type": "Kafka",
        "bootstrapServers": "broker-1:9092,broker-2:9092",
        "config": {"group.protocol.type": "consumer", "debug": "queue, msg, protocol"},
        "security": {"protocol": "SASL_SSL"},
        "networking": {"access": {"type": "PUBLIC"}},
    }
    payload = newer_200(lambda data: data["connections"].append(kafka))

    tenant = received(atlas_server, client, payload)

    assert isinstance(tenant.connections, list)
    assert type(tenant.connections[1]) is connection_class("Kafka")
    assert tenant.to_dict() == payload


@pytest.mark.parametrize(
    "region", ["MARS_NORTH_1", "centralindia", "ASIA_SOUTHEAST1"], ids=["aws-like", "azure-like", "gcp-like"]
)
def test_unknown_region_round_trips_losslessly(atlas_server: LoopbackServer, client: Client, region: str) -> None:
    payload = newer_200(lambda data: data["dataProcessRegion"].update(region=region))

    tenant = received(atlas_server, client, payload)

    assert tenant.to_dict() == payload


def test_known_azure_and_gcp_regions_round_trip(atlas_server: LoopbackServer, client: Client) -> None:
    failover = [{"cloudProvider": "AZURE", "region": "westeurope"}, {"cloudProvider": "GCP", "region": "US_EAST4"}]
    payload = newer_200(lambda data: data.update(failoverRegions=failover))

    tenant = received(atlas_server, client, payload)

    assert tenant.to_dict() == payload


def test_unknown_cloud_provider_round_trips_losslessly(atlas_server: LoopbackServer, client: Client) -> None:
    payload = newer_200(lambda data: data["dataProcessRegion"].update(cloudProvider="ORACLE", region="US_ASHBURN_1"))

    tenant = received(atlas_server, client, payload)

    assert tenant.to_dict() == payload


@pytest.mark.parametrize("field", ["tier", "maxTierSize"])
def test_unknown_tier_round_trips_losslessly(atlas_server: LoopbackServer, client: Client, field: str) -> None:
    payload = newer_200(lambda data: data["streamConfig"].update({field: "SP100"}))

    tenant = received(atlas_server, client, payload)

    assert tenant.to_dict() == payload


def test_unknown_connection_state_round_trips_losslessly(atlas_server: LoopbackServer, client: Client) -> None:
    payload = newer_200(lambda data: data["connections"][0].update(state="PAUSED"))

    tenant = received(atlas_server, client, payload)

    assert tenant.to_dict() == payload


def test_unknown_top_level_field_round_trips_losslessly(atlas_server: LoopbackServer, client: Client) -> None:
    new_field = {"enabled": True, "windowSeconds": 30, "targets": ["a", {"b": None}]}
    payload = newer_200(lambda data: data.update(autoscaling=new_field))

    tenant = received(atlas_server, client, payload)

    assert tenant.to_dict() == payload


@pytest.mark.parametrize("where", ["dataProcessRegion", "streamConfig", "sampleConnections"])
def test_unknown_nested_field_round_trips_losslessly(atlas_server: LoopbackServer, client: Client, where: str) -> None:
    payload = newer_200(lambda data: data[where].update(addedLater={"x": [1, 2.5, "three"]}))

    tenant = received(atlas_server, client, payload)

    assert tenant.to_dict() == payload


def test_unknown_field_in_a_known_connection_round_trips_losslessly(
    atlas_server: LoopbackServer, client: Client
) -> None:
    payload = newer_200(lambda data: data["connections"][0].update(sampleSet="weather", rateLimit=100))

    tenant = received(atlas_server, client, payload)

    assert tenant.to_dict() == payload


def test_everything_new_at_once_round_trips_through_asyncio(atlas_server: LoopbackServer) -> None:
    def newer(data: dict[str, Any]) -> None:
        data["connections"].append(copy.deepcopy(UNKNOWN_CONNECTION))
        data["dataProcessRegion"].update(region="MARS_NORTH_1", cloudProvider="ORACLE")
        data["streamConfig"].update(tier="SP100", maxTierSize="SP200")
        data["autoscaling"] = {"enabled": True}

    payload = newer_200(newer)
    atlas_server.respond(CannedResponse.json(200, payload, ATLAS_MEDIA_TYPE))

    async def call() -> Any:
        async with loopback_client(atlas_server.url) as client:
            return await operation.asyncio(GROUP_ID, client=client, body=body_model().from_dict(request_example()))

    assert asyncio.run(call()).to_dict() == payload
