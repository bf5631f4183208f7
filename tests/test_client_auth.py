"""Authentication over real loopback HTTP: HTTP digest (API keys), OAuth client credentials (service accounts),
Client.from_env, and keeping secrets out of reprs, logs and exceptions.

The fakes these tests run against are checked on their own in tests/test_fakes.py.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from atlas_streams import Client, DigestAuth, RetryPolicy, ServiceAccountAuth
from atlas_streams.errors import AtlasApiError, AuthenticationError, UnauthorizedError
from support.atlas_fakes import (
    CLIENT_ID,
    CLIENT_SECRET,
    GROUP_ID,
    PRIVATE_KEY,
    PUBLIC_KEY,
    STREAMS_PATH,
    DigestVerifier,
    OAuthTokenEndpoint,
    SleepRecorder,
    atlas_error,
    basic_header_value,
    documented_response,
    error_example,
    error_response,
    loopback_client,
    parse_digest_authorization,
    request_body,
)
from support.generated_client import operation
from support.loopback import LoopbackServer
from support.spec_examples import request_example, response_example

ENV_NAMES = (
    "MONGODB_ATLAS_CLIENT_ID",
    "MONGODB_ATLAS_CLIENT_SECRET",
    "MONGODB_ATLAS_PUBLIC_API_KEY",
    "MONGODB_ATLAS_PRIVATE_API_KEY",
)


def create(client: Client) -> Any:
    return operation.sync(GROUP_ID, client=client, body=request_body())


def api_requests(server: LoopbackServer) -> list[str | None]:
    """The Authorization header of each request that reached the API path, in order."""
    return [request.headers.get("Authorization") for request in server.requests_to(STREAMS_PATH)]


def exception_texts(error: BaseException) -> str:
    """str() and repr() of `error` and of every exception chained to it, one per line."""
    texts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        texts += [str(current), repr(current), *map(str, current.args)]
        current = current.__cause__ or current.__context__
    return "\n".join(texts)


# --- HTTP digest (API keys) ------------------------------------------------------------------------------------


def test_digest_auth_with_the_right_keys_gets_the_parsed_200(atlas_server: LoopbackServer) -> None:
    verifier = DigestVerifier(PUBLIC_KEY, PRIVATE_KEY).install(atlas_server)
    atlas_server.respond(documented_response(200))

    with loopback_client(atlas_server.url, auth=DigestAuth(PUBLIC_KEY, PRIVATE_KEY)) as client:
        tenant = create(client)

    assert tenant.to_dict() == response_example(200)
    assert (verifier.accepted, verifier.refusals) == (1, [])


def test_digest_auth_answers_the_challenge_with_the_request_path(atlas_server: LoopbackServer) -> None:
    DigestVerifier(PUBLIC_KEY, PRIVATE_KEY).install(atlas_server)
    atlas_server.respond(documented_response(200))

    with loopback_client(atlas_server.url, auth=DigestAuth(PUBLIC_KEY, PRIVATE_KEY)) as client:
        operation.sync(GROUP_ID, client=client, body=request_body(), pretty=True)

    challenged, authorized = atlas_server.requests
    assert challenged.headers.get("Authorization") is None
    params = parse_digest_authorization(authorized.headers["Authorization"])
    assert (params["username"], params["uri"], params["qop"]) == (PUBLIC_KEY, authorized.path, "auth")
    assert authorized.json() == request_example()


def test_digest_auth_with_a_wrong_private_key_raises_unauthorized_error(atlas_server: LoopbackServer) -> None:
    verifier = DigestVerifier(PUBLIC_KEY, PRIVATE_KEY).install(atlas_server)
    atlas_server.respond(documented_response(200))

    with loopback_client(atlas_server.url, auth=DigestAuth(PUBLIC_KEY, "not-the-private-key")) as client:
        with pytest.raises(UnauthorizedError) as excinfo:
            create(client)

    assert excinfo.value.status_code == 401
    assert verifier.accepted == 0
    assert verifier.refusals == ["response hash does not match"]


def test_digest_auth_through_asyncio(atlas_server: LoopbackServer) -> None:
    verifier = DigestVerifier(PUBLIC_KEY, PRIVATE_KEY).install(atlas_server)
    atlas_server.respond(documented_response(200))

    async def call() -> Any:
        async with loopback_client(atlas_server.url, auth=DigestAuth(PUBLIC_KEY, PRIVATE_KEY)) as client:
            return await operation.asyncio(GROUP_ID, client=client, body=request_body())

    assert asyncio.run(call()).to_dict() == response_example(200)
    assert verifier.accepted == 1


# --- OAuth client credentials (service accounts) -----------------------------------------------------------------


@pytest.fixture
def token_endpoint(atlas_server: LoopbackServer) -> OAuthTokenEndpoint:
    return OAuthTokenEndpoint(CLIENT_ID, CLIENT_SECRET).install(atlas_server)


@pytest.fixture
def sa_client(atlas_server: LoopbackServer) -> Iterator[Client]:
    with loopback_client(atlas_server.url, auth=ServiceAccountAuth(CLIENT_ID, CLIENT_SECRET), retries=1) as client:
        yield client


def test_service_account_token_is_fetched_with_basic_credentials_and_sent_as_bearer(
    atlas_server: LoopbackServer, token_endpoint: OAuthTokenEndpoint, sa_client: Client
) -> None:
    atlas_server.respond(documented_response(200))

    tenant = create(sa_client)

    assert tenant.to_dict() == response_example(200)
    assert token_endpoint.refusals == []  # POST, form grant_type=client_credentials, HTTP Basic id:secret
    (token_request,) = token_endpoint.token_requests
    assert token_request.headers["Authorization"] == f"Basic {basic_header_value(CLIENT_ID, CLIENT_SECRET)}"
    assert api_requests(atlas_server) == [f"Bearer {token_endpoint.issued[0]}"]


def test_service_account_token_is_cached_across_calls(
    atlas_server: LoopbackServer, token_endpoint: OAuthTokenEndpoint, sa_client: Client
) -> None:
    atlas_server.respond(*[documented_response(200)] * 3)

    for _ in range(3):
        create(sa_client)

    assert len(token_endpoint.token_requests) == 1
    assert api_requests(atlas_server) == [f"Bearer {token_endpoint.issued[0]}"] * 3


def test_service_account_token_is_fetched_again_after_it_expires(atlas_server: LoopbackServer) -> None:
    endpoint = OAuthTokenEndpoint(CLIENT_ID, CLIENT_SECRET, expires_in=1).install(atlas_server)
    atlas_server.respond(documented_response(200), documented_response(200))

    with loopback_client(atlas_server.url, auth=ServiceAccountAuth(CLIENT_ID, CLIENT_SECRET), retries=1) as client:
        create(client)
        time.sleep(1.1)  # the token's whole life
        create(client)

    assert len(endpoint.issued) == 2
    assert api_requests(atlas_server) == [f"Bearer {token}" for token in endpoint.issued]
    assert endpoint.bearer_refusals == []  # renewed before use, not after a 401


def test_api_401_with_a_stale_token_refreshes_once_and_succeeds(
    atlas_server: LoopbackServer, token_endpoint: OAuthTokenEndpoint, sa_client: Client
) -> None:
    atlas_server.respond(documented_response(200), documented_response(200))
    create(sa_client)
    token_endpoint.revoke_all()

    tenant = create(sa_client)

    assert tenant.to_dict() == response_example(200)
    first, second = token_endpoint.issued
    assert api_requests(atlas_server) == [f"Bearer {first}", f"Bearer {first}", f"Bearer {second}"]
    assert token_endpoint.bearer_refusals == ["revoked token #1"]


def test_second_401_after_a_refresh_raises_unauthorized_error_without_looping(
    atlas_server: LoopbackServer, token_endpoint: OAuthTokenEndpoint, sa_client: Client
) -> None:
    # The bearer check passes; the API itself answers 401 twice (say, the account lost its role).
    atlas_server.respond(error_response(401), error_response(401), documented_response(200))

    with pytest.raises(UnauthorizedError) as excinfo:
        create(sa_client)

    assert excinfo.value.error_code == error_example(401)["errorCode"]
    assert len(token_endpoint.token_requests) == 2
    assert len(api_requests(atlas_server)) == 2


def test_fifty_concurrent_async_calls_fetch_one_token(atlas_server: LoopbackServer) -> None:
    # The slow token endpoint keeps the first fetch in flight while the other 49 calls start.
    endpoint = OAuthTokenEndpoint(CLIENT_ID, CLIENT_SECRET, delay=0.2).install(atlas_server)
    atlas_server.respond(*[documented_response(200)] * 50)

    async def call_50() -> list[Any]:
        auth = ServiceAccountAuth(CLIENT_ID, CLIENT_SECRET)
        async with loopback_client(atlas_server.url, auth=auth, retries=1) as client:
            return await asyncio.gather(
                *(operation.asyncio(GROUP_ID, client=client, body=request_body()) for _ in range(50))
            )

    tenants = asyncio.run(call_50())

    assert [tenant.to_dict() for tenant in tenants] == [response_example(200)] * 50
    assert len(endpoint.token_requests) == 1
    assert api_requests(atlas_server) == [f"Bearer {endpoint.issued[0]}"] * 50


def test_twenty_threads_sharing_one_client_fetch_one_token(atlas_server: LoopbackServer) -> None:
    # The barrier releases every thread at once and the slow token endpoint keeps the first fetch in flight,
    # so all twenty find no token: only the auth's thread lock makes the other nineteen wait for that fetch.
    endpoint = OAuthTokenEndpoint(CLIENT_ID, CLIENT_SECRET, delay=0.3).install(atlas_server)
    atlas_server.respond(*[documented_response(200)] * 20)
    barrier = threading.Barrier(20)

    with loopback_client(atlas_server.url, auth=ServiceAccountAuth(CLIENT_ID, CLIENT_SECRET), retries=1) as client:

        def call(_: int) -> Any:
            barrier.wait(timeout=10)
            return create(client)

        with ThreadPoolExecutor(max_workers=20) as pool:
            tenants = list(pool.map(call, range(20)))

    assert [tenant.to_dict() for tenant in tenants] == [response_example(200)] * 20
    assert len(endpoint.token_requests) == 1
    assert api_requests(atlas_server) == [f"Bearer {endpoint.issued[0]}"] * 20


def test_bad_service_account_credentials_raise_authentication_error_naming_the_client_id(
    atlas_server: LoopbackServer, token_endpoint: OAuthTokenEndpoint
) -> None:
    wrong_secret = "mdb_sa_sk_wrong-but-still-secret-987"
    atlas_server.respond(documented_response(200))

    with loopback_client(atlas_server.url, auth=ServiceAccountAuth(CLIENT_ID, wrong_secret)) as client:
        with pytest.raises(AuthenticationError) as excinfo:
            create(client)

    assert isinstance(excinfo.value, AtlasApiError)
    assert excinfo.value.status_code == 401
    assert CLIENT_ID in str(excinfo.value)
    assert wrong_secret not in exception_texts(excinfo.value)
    assert basic_header_value(CLIENT_ID, wrong_secret) not in exception_texts(excinfo.value)
    assert api_requests(atlas_server) == []


def test_token_endpoint_failure_is_not_retried_as_an_api_call(
    atlas_server: LoopbackServer, token_endpoint: OAuthTokenEndpoint
) -> None:
    sleeps = SleepRecorder()

    with loopback_client(
        atlas_server.url, auth=ServiceAccountAuth(CLIENT_ID, "wrong"), retries=RetryPolicy(sleep=sleeps)
    ) as client:
        with pytest.raises(AuthenticationError):
            create(client)

    assert len(token_endpoint.token_requests) == 1
    assert sleeps.delays == []


def test_service_account_through_asyncio_refreshes_a_stale_token(
    atlas_server: LoopbackServer, token_endpoint: OAuthTokenEndpoint
) -> None:
    atlas_server.respond(documented_response(200), documented_response(200))

    async def two_calls() -> Any:
        auth = ServiceAccountAuth(CLIENT_ID, CLIENT_SECRET)
        async with loopback_client(atlas_server.url, auth=auth, retries=1) as client:
            await operation.asyncio(GROUP_ID, client=client, body=request_body())
            token_endpoint.revoke_all()
            return await operation.asyncio(GROUP_ID, client=client, body=request_body())

    assert asyncio.run(two_calls()).to_dict() == response_example(200)
    assert len(token_endpoint.issued) == 2
    assert token_endpoint.bearer_refusals == ["revoked token #1"]


# --- Client.from_env -----------------------------------------------------------------------------------------


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_from_env_with_client_id_and_secret_uses_the_service_account(
    atlas_server: LoopbackServer, token_endpoint: OAuthTokenEndpoint, clean_env: pytest.MonkeyPatch
) -> None:
    clean_env.setenv("MONGODB_ATLAS_CLIENT_ID", CLIENT_ID)
    clean_env.setenv("MONGODB_ATLAS_CLIENT_SECRET", CLIENT_SECRET)
    atlas_server.respond(documented_response(200))

    with Client.from_env(base_url=atlas_server.url, timeout=10.0) as client:
        create(client)

    assert len(token_endpoint.issued) == 1
    assert api_requests(atlas_server) == [f"Bearer {token_endpoint.issued[0]}"]


def test_from_env_with_api_keys_uses_digest(atlas_server: LoopbackServer, clean_env: pytest.MonkeyPatch) -> None:
    verifier = DigestVerifier(PUBLIC_KEY, PRIVATE_KEY).install(atlas_server)
    clean_env.setenv("MONGODB_ATLAS_PUBLIC_API_KEY", PUBLIC_KEY)
    clean_env.setenv("MONGODB_ATLAS_PRIVATE_API_KEY", PRIVATE_KEY)
    atlas_server.respond(documented_response(200))

    with Client.from_env(base_url=atlas_server.url, timeout=10.0) as client:
        create(client)

    assert verifier.accepted == 1


def test_from_env_passes_the_other_arguments_on(atlas_server: LoopbackServer, clean_env: pytest.MonkeyPatch) -> None:
    DigestVerifier(PUBLIC_KEY, PRIVATE_KEY).install(atlas_server)
    clean_env.setenv("MONGODB_ATLAS_PUBLIC_API_KEY", PUBLIC_KEY)
    clean_env.setenv("MONGODB_ATLAS_PRIVATE_API_KEY", PRIVATE_KEY)
    atlas_server.respond(documented_response(200))

    with Client.from_env(base_url=atlas_server.url, timeout=10.0, headers={"X-Source": "env"}) as client:
        create(client)

    assert [request.headers["X-Source"] for request in atlas_server.requests] == ["env", "env"]


def test_from_env_without_credentials_raises_value_error_naming_the_variables(clean_env: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError) as excinfo:
        Client.from_env()

    assert all(name in str(excinfo.value) for name in ENV_NAMES), str(excinfo.value)


def test_from_env_with_both_credential_kinds_raises_value_error(clean_env: pytest.MonkeyPatch) -> None:
    for name in ENV_NAMES:
        clean_env.setenv(name, f"value-of-{name}")

    with pytest.raises(ValueError) as excinfo:
        Client.from_env()

    message = str(excinfo.value)
    assert "MONGODB_ATLAS_CLIENT_ID" in message and "MONGODB_ATLAS_PUBLIC_API_KEY" in message, message
    assert "value-of-" not in message


@pytest.mark.parametrize(
    ("present", "missing"),
    [
        ("MONGODB_ATLAS_CLIENT_ID", "MONGODB_ATLAS_CLIENT_SECRET"),
        ("MONGODB_ATLAS_CLIENT_SECRET", "MONGODB_ATLAS_CLIENT_ID"),
        ("MONGODB_ATLAS_PUBLIC_API_KEY", "MONGODB_ATLAS_PRIVATE_API_KEY"),
        ("MONGODB_ATLAS_PRIVATE_API_KEY", "MONGODB_ATLAS_PUBLIC_API_KEY"),
    ],
)
def test_from_env_with_half_a_pair_raises_value_error_naming_the_missing_variable(
    clean_env: pytest.MonkeyPatch, present: str, missing: str
) -> None:
    clean_env.setenv(present, "s3cr3t-half-pair-value")

    with pytest.raises(ValueError) as excinfo:
        Client.from_env()

    message = str(excinfo.value)
    assert missing in message, message
    assert "s3cr3t-half-pair-value" not in message


# --- no secret in reprs, logs or exceptions ----------------------------------------------------------------------


def test_reprs_show_no_secret() -> None:
    service_account = ServiceAccountAuth(CLIENT_ID, CLIENT_SECRET)
    api_key = DigestAuth(PUBLIC_KEY, PRIVATE_KEY)
    texts = [
        repr(service_account),
        str(service_account),
        repr(api_key),
        str(api_key),
        repr(Client("https://cloud.mongodb.com", auth=service_account)),
        str(Client("https://cloud.mongodb.com", auth=api_key)),
    ]

    for text in texts:
        assert CLIENT_SECRET not in text and PRIVATE_KEY not in text, text


def test_repr_of_a_service_account_holding_a_token_shows_no_token(
    atlas_server: LoopbackServer, token_endpoint: OAuthTokenEndpoint
) -> None:
    auth = ServiceAccountAuth(CLIENT_ID, CLIENT_SECRET)
    atlas_server.respond(documented_response(200))
    with loopback_client(atlas_server.url, auth=auth) as client:
        create(client)

        texts = repr(auth) + str(auth) + repr(client) + str(client)

    assert token_endpoint.issued[0] not in texts
    assert CLIENT_SECRET not in texts


def test_debug_logs_of_an_oauth_exchange_with_retries_and_a_refresh_hold_no_secret(
    atlas_server: LoopbackServer, token_endpoint: OAuthTokenEndpoint, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger: atlas_streams, httpx, httpcore
    atlas_server.respond(
        atlas_error(503, "SERVICE_UNAVAILABLE"),
        error_response(429, headers={"Retry-After": "1"}),
        documented_response(200),
        documented_response(200),
    )
    policy = RetryPolicy(sleep=SleepRecorder())
    with loopback_client(atlas_server.url, auth=ServiceAccountAuth(CLIENT_ID, CLIENT_SECRET), retries=policy) as client:
        create(client)
        token_endpoint.revoke_all()
        create(client)

    assert len(token_endpoint.issued) == 2  # the exchange did happen: two tokens, retries, a refresh
    assert any(record.name.startswith("atlas_streams") for record in caplog.records)
    secrets = [CLIENT_SECRET, basic_header_value(CLIENT_ID, CLIENT_SECRET), *token_endpoint.issued]
    for record in caplog.records:
        text = record.getMessage()
        assert not [secret for secret in secrets if secret in text], f"{record.name}: {text}"
    assert not [secret for secret in secrets if secret in caplog.text]


def test_debug_logs_of_a_digest_exchange_hold_no_private_key(
    atlas_server: LoopbackServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    DigestVerifier(PUBLIC_KEY, PRIVATE_KEY).install(atlas_server)
    atlas_server.respond(atlas_error(503, "SERVICE_UNAVAILABLE"), documented_response(200))
    policy = RetryPolicy(sleep=SleepRecorder())

    with loopback_client(atlas_server.url, auth=DigestAuth(PUBLIC_KEY, PRIVATE_KEY), retries=policy) as client:
        create(client)

    assert PRIVATE_KEY not in caplog.text


def test_unauthorized_error_after_a_refresh_holds_no_token_or_secret(
    atlas_server: LoopbackServer, token_endpoint: OAuthTokenEndpoint, sa_client: Client
) -> None:
    atlas_server.respond(error_response(401), error_response(401))

    with pytest.raises(UnauthorizedError) as excinfo:
        create(sa_client)

    texts = exception_texts(excinfo.value)
    for secret in [CLIENT_SECRET, basic_header_value(CLIENT_ID, CLIENT_SECRET), *token_endpoint.issued]:
        assert secret not in texts


def test_digest_unauthorized_error_holds_no_private_key(atlas_server: LoopbackServer) -> None:
    DigestVerifier(PUBLIC_KEY, PRIVATE_KEY).install(atlas_server)
    wrong = "wrong-private-key-0f0f0f"

    with loopback_client(atlas_server.url, auth=DigestAuth(PUBLIC_KEY, wrong)) as client:
        with pytest.raises(UnauthorizedError) as excinfo:
            create(client)

    assert wrong not in exception_texts(excinfo.value)
