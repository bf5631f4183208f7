"""Models and requests: UNSET through copy and pickle, plain strings and foreign values in model fields, open-enum
members that the client sends, discriminator values as known enum values, a region typed by its cloudProvider, and
the polymorphic schemas as importable type aliases."""

from __future__ import annotations

import copy
import pickle
import typing
from typing import Any

import pytest
from atlas_streams import Client
from atlas_streams.api.streams import create_stream_workspace
from atlas_streams.errors import RequestValidationError

try:
    from atlas_streams.models import (
        ApiStreamsAWSRegionView,
        ApiStreamsAzureRegionView,
        BaseStreamsRegion,
        SchemaRegistryAuthentication,
        StreamConfig,
        StreamConfigStreamWorkspaceTier,
        StreamsConnection,
        StreamsConnectionBase,
        StreamsDataProcessRegion,
        StreamsS3Connection,
        StreamsTenant,
    )
except ImportError as missing:  # a spec of another revision (the replay): these tests pin today's models
    pytest.skip(f"the spec under test has other models: {missing}", allow_module_level=True)
from atlas_streams.types import UNSET
from hypothesis import given, settings
from hypothesis import strategies as st
from support.atlas_fakes import GROUP_ID, documented_response, loopback_client, request_body
from support.loopback import LoopbackServer
from support.spec_examples import request_example, response_example

# The generated client's own tests: they also run against the built wheel on every declared Python (test_release.py).
# They pin today's models and fields (committed_spec).
pytestmark = [pytest.mark.client, pytest.mark.committed_spec]

# --- item 11: UNSET and round trips ---------------------------------------------------------------------------


@pytest.mark.parametrize("duplicate", [copy.copy, copy.deepcopy, lambda value: pickle.loads(pickle.dumps(value))])
def test_unset_stays_the_one_unset(duplicate: Any) -> None:
    assert duplicate(UNSET) is UNSET


@pytest.mark.parametrize("duplicate", [copy.deepcopy, lambda value: pickle.loads(pickle.dumps(value))])
def test_a_model_equals_its_copy_and_serializes_alike(duplicate: Any) -> None:
    workspace = StreamsTenant.from_dict({**response_example(200), "extra": {"newer": True}})
    workspace.stream_config = StreamConfig(tier=StreamConfigStreamWorkspaceTier("SP999"))

    copied = duplicate(workspace)

    assert copied == workspace
    assert copied.to_dict() == workspace.to_dict()
    assert copied.sample_connections is not UNSET


def test_a_deep_copied_model_is_sent_as_the_original(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(documented_response(200), documented_response(200))

    create_stream_workspace.sync(GROUP_ID, client=client, body=request_body())
    create_stream_workspace.sync(GROUP_ID, client=client, body=copy.deepcopy(request_body()))

    first, second = atlas_server.requests
    assert first.body == second.body


# --- item 12: what a model field holds instead of its type ------------------------------------------------------


def test_a_plain_string_in_an_enum_field_is_sent_as_the_value(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(documented_response(200))
    body = request_body()
    body.stream_config = StreamConfig(tier="SP10")  # type: ignore[arg-type]

    create_stream_workspace.sync(GROUP_ID, client=client, body=body)

    assert atlas_server.requests[0].json()["streamConfig"] == {"tier": "SP10"}


@pytest.mark.parametrize("body", [[1, 2], "name", 5, None], ids=repr)
def test_a_body_that_is_no_object_is_a_request_validation_error(client: Client, body: Any) -> None:
    with pytest.raises(RequestValidationError):
        create_stream_workspace.sync(GROUP_ID, client=client, body=body)


_FOREIGN = st.one_of(
    st.none(), st.integers(), st.floats(), st.text(max_size=10), st.lists(st.integers(), max_size=2), st.builds(object)
)


def test_any_value_in_any_field_is_sent_or_refused_as_request_validation_error() -> None:
    fields = ["name", "stream_config", "data_process_region", "failover_regions", "sample_connections"]
    with loopback_client("http://127.0.0.1:9") as client:

        @settings(max_examples=60, deadline=None)
        @given(st.sampled_from(fields), _FOREIGN)
        def check(field: str, value: Any) -> None:
            body = StreamsTenant.from_dict(request_example())
            setattr(body, field, value)
            try:
                create_stream_workspace.dry_run(GROUP_ID, client=client, body=body)
            except RequestValidationError:
                pass

        check()


# --- item 13: values newer than the client ------------------------------------------------------------------


@pytest.mark.off_contract("a region newer than the spec, re-sent from a parsed response")
def test_a_parsed_response_with_a_newer_region_can_be_sent_again(atlas_server: LoopbackServer, client: Client) -> None:
    parsed = StreamsTenant.from_dict(
        {**request_example(), "dataProcessRegion": {"cloudProvider": "AWS", "region": "MARS_NORTH_1"}}
    )
    atlas_server.respond(documented_response(200))

    create_stream_workspace.sync(GROUP_ID, client=client, body=parsed)

    assert atlas_server.requests[0].json()["dataProcessRegion"]["region"] == "MARS_NORTH_1"


def test_a_plain_string_outside_the_enum_is_still_refused(client: Client) -> None:
    body = {**request_example(), "dataProcessRegion": {"cloudProvider": "AWS", "region": "MARS_NORTH_1"}}

    with pytest.raises(RequestValidationError, match=r"\$\.dataProcessRegion\.region"):
        create_stream_workspace.sync(GROUP_ID, client=client, body=body)


# --- item 14: discriminator values are known values -------------------------------------------------------------


def test_an_s3_connection_has_a_known_type() -> None:
    connection = StreamsTenant.from_dict({"connections": [{"type": "S3", "name": "archive"}]}).connections[0]  # type: ignore[index]

    assert isinstance(connection, StreamsS3Connection)
    assert connection.type_.is_known()  # type: ignore[union-attr]


# --- item 15: a region by its cloud provider ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("provider", "region", "expected"),
    [
        ("AZURE", "northeurope", ApiStreamsAzureRegionView),
        ("AZURE", "eastus", ApiStreamsAzureRegionView),
        ("AWS", "MARS_NORTH_1", ApiStreamsAWSRegionView),
        ("TENANT", "VIRGINIA_USA", str),
        ("QUANTUM", "anywhere", str),
    ],
)
def test_a_region_is_of_its_cloud_providers_enum_or_a_plain_string(provider: str, region: str, expected: type) -> None:
    parsed = StreamsDataProcessRegion.from_dict({"cloudProvider": provider, "region": region})

    assert type(parsed.region) is expected
    assert parsed.to_dict() == {"cloudProvider": provider, "region": region}


# --- item 16: the polymorphic types by name ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("alias", "member"),
    [
        (StreamsConnection, StreamsS3Connection),
        (StreamsConnection, StreamsConnectionBase),
        (BaseStreamsRegion, ApiStreamsAzureRegionView),
        (SchemaRegistryAuthentication, typing.get_args(SchemaRegistryAuthentication)[0]),
    ],
)
def test_the_polymorphic_schemas_are_importable_unions(alias: Any, member: type) -> None:
    assert member in typing.get_args(alias)
