"""What the client puts on the wire, checked on the loopback server: validation before any I/O (groupId,
request body), query parameters, headers, readOnly fields, and envelope unwrapping."""

from __future__ import annotations

import asyncio
import importlib.metadata
import re
import sys
import tomllib
from collections.abc import Callable
from typing import Any

import pytest
from atlas_streams import Client
from atlas_streams._validation import check_parameter, check_request_body
from atlas_streams.errors import (
    AtlasApiError,
    InvalidParameterError,
    NotFoundError,
    RequestValidationError,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from support import CLIENT_DIR
from support.atlas_fakes import (
    ATLAS_ACCEPT,
    ATLAS_MEDIA_TYPE,
    GROUP_ID,
    STREAMS_PATH,
    documented_error_fields,
    documented_response,
    enveloped,
    error_classes,
    error_example,
    error_fields,
    loopback_client,
    request_body,
)
from support.generated_client import body_model, operation, success_model
from support.loopback import CannedResponse, LoopbackServer
from support.spec_examples import (
    body_operation,
    documented_error_statuses,
    documented_operation,
    first_example_node,
    json_path,
    request_example,
    request_media,
    response_example,
    spec_data,
    value_nodes,
)

from generator.spec.pointers import Pointer, node_at, resolved
from generator.spec.schema_facts import enum_values

# The generated client's own tests: they also run against the built wheel on every declared Python (test_release.py).
pytestmark = pytest.mark.client

CLIENT_PYPROJECT = CLIENT_DIR / "pyproject.toml"


def _any_case(name: str) -> st.SearchStrategy[str]:
    return st.lists(st.booleans(), min_size=len(name), max_size=len(name)).map(
        lambda upper: "".join(char.upper() if up else char.lower() for char, up in zip(name, upper, strict=True))
    )


def group_id_pattern() -> str:
    """The pattern of the operation's groupId parameter."""
    parameters = [resolved(spec_data(), parameter) for parameter in documented_operation().get("parameters", [])]
    found = (p["schema"]["pattern"] for p in parameters if p.get("name") == "groupId" and "pattern" in p["schema"])
    return str(next(found, None) or pytest.skip("the operation has no groupId parameter with a pattern"))


# --- groupId --------------------------------------------------------------------------------------------------

INVALID_GROUP_IDS = [
    "32B6E34B3D91647ABB20E7B8",  # upper case is outside [a-f0-9]
    "32b6e34b3d91647abb20e7b",  # 23 characters
    "32b6e34b3d91647abb20e7b8a",  # 25 characters
    "my-project",
    "../../../orgs/32b6e34b3d91647abb20e7b8",
    "",
    "32b6e34b3d91647abb20e7b8\n",  # a final newline: Python's `$` would match before it, ECMA's does not
]


@pytest.mark.parametrize("group_id", INVALID_GROUP_IDS)
def test_invalid_group_id_raises_value_error_naming_it_before_any_request(
    atlas_server: LoopbackServer, client: Client, group_id: str
) -> None:
    atlas_server.respond(documented_response(200))

    with pytest.raises(ValueError) as excinfo:
        operation.sync(group_id, client=client, body=request_body())

    message = str(excinfo.value)
    assert "groupId" in message
    assert repr(group_id) in message or group_id in message
    assert group_id_pattern() in message
    assert atlas_server.requests == []


def test_invalid_group_id_raises_from_sync_detailed_too(atlas_server: LoopbackServer, client: Client) -> None:
    with pytest.raises(ValueError, match="groupId"):
        operation.sync_detailed("not-a-group", client=client, body=request_body())

    assert atlas_server.requests == []


def test_invalid_group_id_raises_from_asyncio_too(atlas_server: LoopbackServer) -> None:
    async def call() -> None:
        async with loopback_client(atlas_server.url) as client:
            await operation.asyncio("not-a-group", client=client, body=request_body())

    with pytest.raises(ValueError, match="groupId"):
        asyncio.run(call())

    assert atlas_server.requests == []


# --- request body validation ----------------------------------------------------------------------------------


def validation_error(atlas_server: LoopbackServer, client: Client, make_body: Callable[[], Any]) -> str:
    """The RequestValidationError message for the body `make_body` builds; checks that nothing was sent."""
    atlas_server.respond(documented_response(200))
    with pytest.raises(RequestValidationError) as excinfo:
        operation.sync(GROUP_ID, client=client, body=make_body())
    assert atlas_server.requests == []
    return str(excinfo.value)


def with_value(where: Pointer, value: Any) -> Callable[[], dict[str, Any]]:
    """The request example with `value` at `where`, as plain JSON: a model parsed from a value outside an enum
    holds an open-enum member, which the client sends as it is (test_client_limits.py)."""

    def make() -> dict[str, Any]:
        data = request_example()
        *parents, last = where
        node_at(data, tuple(parents))[last] = value
        return data

    return make


def example_node(wanted: Callable[[Any, dict[str, Any]], bool], what: str) -> tuple[Pointer, Any, dict[str, Any]]:
    """The first node of the request example that `wanted(node, its schema)` picks."""
    return first_example_node(request_media()[1], wanted, f"{what} in the request example")


def test_request_validation_error_is_a_value_error() -> None:
    assert issubclass(RequestValidationError, ValueError)


def test_a_value_outside_an_enum_raises_request_validation_error_naming_its_path(
    atlas_server: LoopbackServer, client: Client
) -> None:
    where, _, _ = example_node(lambda value, schema: isinstance(value, str) and "enum" in schema, "string enum")

    message = validation_error(atlas_server, client, with_value(where, "NOT_ONE_OF_THEM"))

    assert json_path(where) in message
    assert "NOT_ONE_OF_THEM" in message


def test_a_value_outside_a_union_of_enums_raises_request_validation_error_naming_its_path(
    atlas_server: LoopbackServer, client: Client
) -> None:
    where, _, _ = example_node(
        lambda value, schema: isinstance(value, str) and "oneOf" in schema and bool(enum_values(spec_data(), schema)),
        "oneOf of enums",
    )

    message = validation_error(atlas_server, client, with_value(where, "MARS_NORTH_1"))

    assert json_path(where) in message


def array_with_max_items() -> tuple[Pointer, list[Any], int]:
    """Where the request example holds an array with maxItems, its items and the limit."""
    where, items, schema = example_node(
        lambda value, schema: isinstance(value, list) and bool(value) and "maxItems" in schema, "array with maxItems"
    )
    return where, items, schema["maxItems"]


def test_too_many_items_raise_request_validation_error_naming_max_items(
    atlas_server: LoopbackServer, client: Client
) -> None:
    where, items, limit = array_with_max_items()

    message = validation_error(atlas_server, client, with_value(where, [items[0]] * (limit + 1)))

    assert json_path(where) in message
    assert str(limit) in message


def test_a_body_pattern_refuses_a_final_newline() -> None:
    # The first writable string property with a pattern and an example, in a schema that requires nothing else.
    schemas = spec_data()["components"]["schemas"]
    found = (
        (name, prop_name, prop["example"])
        for name, schema in schemas.items()
        for prop_name, prop in schema.get("properties", {}).items()
        if "pattern" in prop
        and isinstance(prop.get("example"), str)
        and not prop.get("readOnly")
        and set(schema.get("required", [])) <= {prop_name}
    )
    name, prop_name, example = next(found, None) or pytest.skip("no writable string property with a pattern")

    with pytest.raises(RequestValidationError) as excinfo:
        check_request_body({prop_name: example + "\n"}, {"$ref": f"#/components/schemas/{name}"})

    assert [problem.location for problem in excinfo.value.problems] == [f"$.{prop_name}"]


def body_problems(data: Any, schema: dict[str, Any]) -> list[str]:
    """Each problem that check_request_body finds in `data`, as "location: message"; [] when it passes."""
    try:
        check_request_body(data, schema)
    except RequestValidationError as error:
        return [str(problem) for problem in error.problems]
    return []


@pytest.mark.parametrize(
    ("items", "unique"),
    [
        ([{"a": 1, "b": 2}, {"b": 2, "a": 1}], False),  # one JSON object, keys in another order
        ([1, 1.0], False),
        ([True, 1], True),
        ([[0, {"x": True}], [0, {"x": 1}]], True),
        (["SP10", "SP30"], True),
    ],
)
def test_unique_items_compares_json_values(items: list[Any], unique: bool) -> None:
    problems = body_problems(items, {"type": "array", "uniqueItems": True})

    assert problems == ([] if unique else ["$: items must be unique"])


def test_any_of_takes_a_value_that_one_of_its_members_takes() -> None:
    size = {"anyOf": [{"type": "integer"}, {"type": "string", "enum": ["S", "M"]}]}
    schema = {"type": "object", "properties": {"size": size}}

    assert body_problems({"size": 3}, schema) == body_problems({"size": "M"}, schema) == []
    assert body_problems({"size": "XL"}, schema) == ["$.size: 'XL' matches none of the allowed shapes"]


def test_a_value_outside_a_one_of_of_enums_is_told_the_values() -> None:
    regions = {"oneOf": [{"type": "string", "enum": ["DUBLIN_IRL"]}, {"type": "string", "enum": ["OHIO_USA"]}]}

    assert body_problems("MARS_BASE", regions) == ["$: 'MARS_BASE' is not one of DUBLIN_IRL, OHIO_USA"]


# JSON Schema patterns are ECMA-262 regular expressions: `$` matches only at the very end of the value.
ECMA_PATTERN_CASES = [
    ("^ab$", "ab", True),
    ("^ab$", "ab\n", False),
    ("^(a$|b)c?$", "a\n", False),  # a `$` inside a group
    ("^a(?!$)", "a\n", True),  # inside a lookahead (upstream's IP address patterns have `(?!$)`)
    ("^[$]+$", "$$", True),  # in a character class `$` is itself
    (r"^[^/\\ \"$]{1,3}$", "a$", False),  # also negated, as in upstream's database name pattern
    (r"^\$$", "$", True),  # escaped, too
    (r"^\\$", "\\\n", False),  # an escaped backslash does not escape the `$` after it
    ("ab", "xaby", True),  # unanchored patterns match anywhere
    (r"^\d+$", "\u0663", False),  # ECMA `\d` is [0-9]; Python's also matches other scripts' digits
]


def pattern_problem(pattern: str, value: str) -> str | None:
    """What check_parameter says about `value` under `pattern`, or None when it matches."""
    try:
        check_parameter("p", value, {"type": "string", "pattern": pattern})
    except InvalidParameterError as error:
        return str(error.problem)
    return None


@pytest.mark.parametrize(("pattern", "value", "matches"), ECMA_PATTERN_CASES)
def test_patterns_match_as_ecma_262_regular_expressions(pattern: str, value: str, matches: bool) -> None:
    expected = None if matches else f"p: {value!r} does not match the pattern {pattern}"

    assert pattern_problem(pattern, value) == expected


def test_as_many_items_as_max_items_are_sent(atlas_server: LoopbackServer, client: Client) -> None:
    where, items, limit = array_with_max_items()
    atlas_server.respond(documented_response(200))

    operation.sync(GROUP_ID, client=client, body=with_value(where, [items[0]] * limit)())

    (request,) = atlas_server.requests
    assert node_at(request.json(), where) == [items[0]] * limit


def object_with_a_required_property() -> tuple[Pointer, str]:
    """Where the request example holds an object with a required property, and that property's name."""
    where, value, schema = example_node(
        lambda value, schema: isinstance(value, dict) and bool(set(schema.get("required", [])) & set(value)),
        "object with a required property",
    )
    return where, next(name for name in value if name in schema["required"])


def test_missing_required_property_in_a_plain_json_body_raises_request_validation_error_naming_its_path(
    atlas_server: LoopbackServer, client: Client
) -> None:
    where, required = object_with_a_required_property()

    def make_body() -> Any:
        data = request_example()
        del node_at(data, where)[required]
        return data

    message = validation_error(atlas_server, client, make_body)

    assert json_path((*where, required)) in message


def test_a_model_body_cannot_be_built_without_a_required_field() -> None:
    # Models enforce required fields when they are built, so such a body never reaches the wire.
    where, required = object_with_a_required_property()
    data = request_example()
    del node_at(data, where)[required]

    with pytest.raises(KeyError, match=required):
        body_model().from_dict(data)


# --- query parameters and headers -----------------------------------------------------------------------------


def test_envelope_and_pretty_are_not_sent_unless_passed(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(documented_response(200))

    operation.sync(GROUP_ID, client=client, body=request_body())

    (request,) = atlas_server.requests
    assert (request.path_only, request.query) == (STREAMS_PATH, [])


def test_envelope_true_is_sent_as_envelope_true(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(enveloped(200, response_example(200)))

    operation.sync(GROUP_ID, client=client, body=request_body(), envelope=True)

    (request,) = atlas_server.requests
    assert request.query == [("envelope", "true")]


def test_pretty_is_sent_when_passed(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(documented_response(200), documented_response(200))

    operation.sync(GROUP_ID, client=client, body=request_body(), pretty=True)
    operation.sync(GROUP_ID, client=client, body=request_body(), pretty=False)

    assert [request.query for request in atlas_server.requests] == [[("pretty", "true")], [("pretty", "false")]]


def test_accepts_the_versioned_media_type_first_and_sends_it_as_content_type(
    atlas_server: LoopbackServer, client: Client
) -> None:
    atlas_server.respond(documented_response(200))

    operation.sync(GROUP_ID, client=client, body=request_body())

    (request,) = atlas_server.requests
    assert request.headers.get_all("Accept") == [ATLAS_ACCEPT]
    assert request.headers.get_all("Content-Type") == [ATLAS_MEDIA_TYPE]


def declared_version() -> str:
    """The version the package declares: in pyproject.toml in this tree, or where the tests run against the installed
    wheel alone (tests/test_release.py), in its metadata."""
    if CLIENT_PYPROJECT.is_file():
        return str(tomllib.loads(CLIENT_PYPROJECT.read_text(encoding="utf-8"))["project"]["version"])
    return importlib.metadata.version("atlas-streams-client")


def test_user_agent_names_the_client_and_python_versions(atlas_server: LoopbackServer, client: Client) -> None:
    version = declared_version()
    python = "{}.{}.{}".format(*sys.version_info[:3])
    atlas_server.respond(documented_response(200))

    operation.sync(GROUP_ID, client=client, body=request_body())

    (request,) = atlas_server.requests
    assert request.headers.get_all("User-Agent") == [f"atlas-streams-client/{version} python/{python}"]
    assert re.fullmatch(r"atlas-streams-client/\S+ python/\d+\.\d+\.\d+", request.headers["User-Agent"])


def test_client_headers_are_sent_with_every_request(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(documented_response(200))

    with loopback_client(atlas_server.url, headers={"X-Request-Source": "tests"}) as client:
        operation.sync(GROUP_ID, client=client, body=request_body())

    (request,) = atlas_server.requests
    assert request.headers["X-Request-Source"] == "tests"
    assert request.headers["Accept"] == ATLAS_ACCEPT


_OUR_HEADERS = ["User-Agent", "Accept-Encoding", "Accept"]


@settings(max_examples=25, deadline=None)
@given(name=st.sampled_from(_OUR_HEADERS).flatmap(_any_case), where=st.sampled_from(["client", "set later", "call"]))
def test_a_header_given_in_any_case_replaces_ours_and_is_sent_once(name: str, where: str) -> None:
    given = {name: "mine"}
    with LoopbackServer() as server:
        server.respond(documented_response(200))
        with loopback_client(server.url, headers=given if where == "client" else None) as client:
            if where == "set later":
                client.headers.update(given)
            operation.sync(GROUP_ID, client=client, body=request_body(), headers=given if where == "call" else None)

    assert server.requests[0].headers.get_all(name) == ["mine"]


_NOT_ASCII = st.text(min_size=1, max_size=5).filter(lambda text: not text.isascii())


@settings(max_examples=15, deadline=None)
@given(value=_NOT_ASCII)
def test_a_call_header_http_cannot_carry_is_a_request_validation_error_and_nothing_is_sent(value: str) -> None:
    with LoopbackServer() as server, loopback_client(server.url) as client:
        with pytest.raises(RequestValidationError):
            operation.sync(GROUP_ID, client=client, body=request_body(), headers={"X-Note": value})

        assert server.requests == []


@settings(max_examples=15, deadline=None)
@given(value=_NOT_ASCII)
def test_a_client_header_http_cannot_carry_is_refused_when_the_client_is_made(value: str) -> None:
    with pytest.raises(RequestValidationError, match="headers"):
        Client(headers={"X-Note": value})


def test_a_call_keeps_the_client_headers_it_began_with() -> None:
    client = Client(headers={"X-Team": "before"})
    call = client.call()

    client.headers["X-Team"] = "after"

    assert call.settings.headers["X-Team"] == "before"
    assert isinstance(client.headers, dict)


def test_sends_the_request_example_as_body(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(documented_response(200))

    operation.sync(GROUP_ID, client=client, body=request_body())

    (request,) = atlas_server.requests
    assert (request.method, request.path_only) == (body_operation().method.upper(), STREAMS_PATH)
    assert request.json() == request_example()


def test_read_only_fields_are_never_sent(atlas_server: LoopbackServer, client: Client) -> None:
    # Every property of the 200 example that the request example lacks is readOnly.
    atlas_server.respond(documented_response(200))

    operation.sync(GROUP_ID, client=client, body=body_model().from_dict(response_example(200)))

    (request,) = atlas_server.requests
    assert request.json() == request_example()


def read_only_keys(data: Any) -> list[str]:
    """JSON paths in a request body `data` of the properties that its schema marks readOnly, at any depth."""
    schema = request_media()[1]["schema"]
    return [json_path(where) for where, _, node_schema in value_nodes(data, schema) if node_schema.get("readOnly")]


def test_read_only_fields_of_a_plain_json_body_are_never_sent(atlas_server: LoopbackServer, client: Client) -> None:
    # The landed client also takes the body as plain JSON (a Mapping). Refusing it (RequestValidationError) or
    # dropping the readOnly fields both keep them off the wire; sending them does not.
    atlas_server.respond(documented_response(200))

    try:
        operation.sync(GROUP_ID, client=client, body=response_example(200))
    except RequestValidationError:
        pass

    sent = [read_only_keys(request.json()) for request in atlas_server.requests]
    assert sent in ([], [[]]), f"readOnly fields sent: {sent}"


# --- envelope -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("envelope", [True, False], ids=["envelope", "plain"])
def test_success_is_parsed_with_and_without_envelope(
    atlas_server: LoopbackServer, client: Client, envelope: bool
) -> None:
    atlas_server.respond(enveloped(200, response_example(200)) if envelope else documented_response(200))

    tenant = operation.sync(GROUP_ID, client=client, body=request_body(), envelope=envelope)

    assert isinstance(tenant, success_model())
    assert tenant.to_dict() == response_example(200)


@pytest.mark.parametrize("status", documented_error_statuses())
def test_enveloped_error_raises_the_matching_subclass(
    atlas_server: LoopbackServer, client: Client, status: int
) -> None:
    example = response_example(status)
    atlas_server.respond(enveloped(status, example))

    with pytest.raises(AtlasApiError) as excinfo:
        operation.sync(GROUP_ID, client=client, body=request_body(), envelope=True)

    error = excinfo.value
    assert type(error) is error_classes()[status]
    assert error_fields(error) == documented_error_fields(status)


def test_enveloped_error_comes_back_from_sync_detailed(atlas_server: LoopbackServer, client: Client) -> None:
    atlas_server.respond(enveloped(404, error_example(404)))

    response = operation.sync_detailed(GROUP_ID, client=client, body=request_body(), envelope=True)

    assert isinstance(response.error, NotFoundError)
    assert (response.status_code, response.parsed) == (404, None)


def test_enveloped_success_through_asyncio(atlas_server: LoopbackServer) -> None:
    atlas_server.respond(enveloped(200, response_example(200)))

    async def call() -> Any:
        async with loopback_client(atlas_server.url) as client:
            return await operation.asyncio(GROUP_ID, client=client, body=request_body(), envelope=True)

    assert asyncio.run(call()).to_dict() == response_example(200)


def test_status_and_content_fields_are_not_unwrapped_without_envelope(
    atlas_server: LoopbackServer, client: Client
) -> None:
    # Without envelope=True the body is the workspace itself, even if it happens to hold such fields.
    payload = {**response_example(200), "status": 404, "content": {"error": 404}}
    atlas_server.respond(CannedResponse.json(200, payload, ATLAS_MEDIA_TYPE))

    tenant = operation.sync(GROUP_ID, client=client, body=request_body())

    assert tenant.to_dict() == payload
