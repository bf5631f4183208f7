"""The generated models read and write the documented examples exactly: those of spec/streams.yaml (whatever
the spec), and those of the seed page, MongoDB's reference page (`committed_spec`: today's facts).

Only dict equality is compared, not key order: `to_dict()` emits required properties first and optional ones
after, each group in spec order, so the 200 example's dataProcessRegion ({cloudProvider, links, region}, links
optional) and the error examples ({error, detail, reason, errorCode}) come back in another order.
"""

from __future__ import annotations

from typing import Any

import pytest
from atlas_streams._serialization import to_request_dict
from atlas_streams.types import UNSET
from support.generated_client import attribute, body_model, model_class, success_model
from support.seed import seed_examples
from support.spec_examples import (
    discriminated_list,
    documented_error_statuses,
    documented_operation,
    request_example,
    response_example,
    response_media,
    response_schema_name,
    spec_data,
    success_media,
    success_status,
    value_nodes,
)

from generator.spec.schema_facts import discriminators
from generator.spec.vocabulary import OperationKey, operations

SEED_ERROR_STATUSES = ["400", "401", "403", "404", "500"]


def error_model(status: int) -> Any:
    """The model of the body of the error `status`."""
    return model_class(response_schema_name(status))


OPERATIONS = list(operations(spec_data()))
WITH_BODY = [key for key in OPERATIONS if "requestBody" in documented_operation(key)]
WITH_SUCCESS_BODY = [key for key in OPERATIONS if "schema" in success_media(key)[1]]
ERRORS = [(key, status) for key in OPERATIONS for status in documented_error_statuses(key)]


@pytest.mark.parametrize("key", WITH_BODY, ids=str)
def test_each_request_example_round_trips_through_its_body_model(key: OperationKey) -> None:
    assert body_model(key).from_dict(request_example(key)).to_dict() == request_example(key)


@pytest.mark.parametrize("key", WITH_SUCCESS_BODY, ids=str)
def test_each_success_example_round_trips_through_its_success_model(key: OperationKey) -> None:
    example = response_example(success_status(key), key)

    assert success_model(key).from_dict(example).to_dict() == example


@pytest.mark.parametrize(("key", "status"), ERRORS, ids=[f"{key}-{status}" for key, status in ERRORS])
def test_each_operations_error_examples_round_trip_through_their_model(key: OperationKey, status: int) -> None:
    # Every documented error has an example (KeyError otherwise), carrying its own status.
    example = response_example(status, key)

    assert model_class(response_schema_name(status, key)).from_dict(example).to_dict() == example
    assert example["error"] == status


def test_200_example_lists_union_members_parsed_as_their_subtypes() -> None:
    name, union = discriminated_list(response_media(success=True)[1]["schema"])
    members = response_example(200).get(name) or pytest.skip(f"the 200 example lists no {name}")
    facts = discriminators(spec_data())[union]

    parsed = getattr(success_model().from_dict(response_example(200)), attribute(name))

    assert [type(member) for member in parsed] == [
        model_class(facts.mapping[member[facts.property_name]]) for member in members
    ]
    assert [member.to_dict() for member in parsed] == members


@pytest.mark.committed_spec
def test_documented_error_statuses_are_the_expected_ones() -> None:
    # Guards the parametrization below against silently shrinking.
    assert documented_error_statuses() == [400, 401, 403, 404, 429, 500]


@pytest.mark.committed_spec
def test_seed_request_example_round_trips_through_streams_tenant() -> None:
    request = seed_examples()["request"]

    assert model_class("StreamsTenant").from_dict(request).to_dict() == request


@pytest.mark.committed_spec
def test_seed_200_example_round_trips_and_its_connection_is_a_sample_connection() -> None:
    response = seed_examples()["200"]

    tenant = model_class("StreamsTenant").from_dict(response)

    assert tenant.to_dict() == response
    assert isinstance(tenant.connections, list)
    assert [type(connection) for connection in tenant.connections] == [model_class("StreamsSampleConnection")]


@pytest.mark.committed_spec
@pytest.mark.parametrize("status", SEED_ERROR_STATUSES)
def test_seed_error_example_round_trips_through_api_error(status: str) -> None:
    example = seed_examples()[status]

    api_error = model_class("ApiError")
    assert api_error.from_dict(example).to_dict() == example
    assert api_error.from_dict(example).error == int(status)


@pytest.mark.parametrize("status", documented_error_statuses())
def test_error_example_parses_into_api_error_fields(status: int) -> None:
    example = response_example(status)

    error = error_model(status).from_dict(example)

    assert (error.error, error.error_code, error.detail, error.reason) == (
        example["error"],
        example["errorCode"],
        example["detail"],
        example["reason"],
    )
    assert error.error == status
    assert error.bad_request_detail is UNSET
    assert error.parameters is UNSET
    assert error.additional_properties == {}


@pytest.mark.parametrize("status", documented_error_statuses())
def test_error_example_round_trips_through_api_error(status: int) -> None:
    assert error_model(status).from_dict(response_example(status)).to_dict() == response_example(status)


def test_request_body_for_200_example_drops_read_only_fields_and_equals_request_example() -> None:
    # Every property of the 200 example that the request example lacks is readOnly in the spec.
    tenant = success_model().from_dict(response_example(200))

    assert to_request_dict(tenant) == request_example()


def test_to_dict_keeps_read_only_fields_after_request_serialization() -> None:
    tenant = success_model().from_dict(response_example(200))
    to_request_dict(tenant)  # must not strip anything from the model itself

    data = tenant.to_dict()

    schema = response_media(success=True)[1]["schema"]
    read_only = [where for where, _, node in value_nodes(response_example(200), schema) if node.get("readOnly")]
    assert read_only, "the 200 example holds no readOnly field: nothing to keep"
    assert data == response_example(200)
