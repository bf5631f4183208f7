"""The fakes of tests/support/ (atlas_fakes.py, loopback.py) checked on their own with plain httpx, so that a
failure of a client test cannot come from a fake that accepts or refuses the wrong thing."""

from __future__ import annotations

import httpx
import pytest
from support.atlas_fakes import (
    CLIENT_ID,
    CLIENT_SECRET,
    PRIVATE_KEY,
    PUBLIC_KEY,
    STREAMS_PATH,
    TOKEN_PATH,
    DigestVerifier,
    OAuthTokenEndpoint,
    digest_response_hash,
    parse_digest_authorization,
)
from support.loopback import CannedResponse, LoopbackServer

# These probe the fakes with bare httpx requests (no Atlas media types, empty bodies), not with the client.
FAKE_PROBE = pytest.mark.off_contract("probes the fake with hand-made requests")


def test_fake_digest_hash_matches_the_rfc_2617_worked_example() -> None:
    # RFC 2617 section 3.5.
    assert (
        digest_response_hash(
            username="Mufasa",
            password="Circle Of Life",
            realm="testrealm@host.com",
            method="GET",
            uri="/dir/index.html",
            nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093",
            nc="00000001",
            cnonce="0a4f113b",
        )
        == "6629fae49393a05397450978507c4ef1"
    )


def test_fake_digest_header_parser_unquotes_values() -> None:
    params = parse_digest_authorization('Digest username="a b", qop=auth, nc=00000001, uri="/x?y=1"')

    assert params == {"username": "a b", "qop": "auth", "nc": "00000001", "uri": "/x?y=1"}


@FAKE_PROBE
def test_fake_digest_verifier_challenges_with_md5_and_qop_auth(atlas_server: LoopbackServer) -> None:
    DigestVerifier(PUBLIC_KEY, PRIVATE_KEY).install(atlas_server)

    response = httpx.post(atlas_server.url + STREAMS_PATH, json={})

    assert response.status_code == 401
    challenge = response.headers["WWW-Authenticate"]
    assert challenge.startswith("Digest ")
    assert 'qop="auth"' in challenge and "algorithm=MD5" in challenge and 'realm="' in challenge
    assert 'nonce="' in challenge


@FAKE_PROBE
def test_fake_digest_verifier_accepts_httpx_digest_auth_with_the_right_key(atlas_server: LoopbackServer) -> None:
    verifier = DigestVerifier(PUBLIC_KEY, PRIVATE_KEY).install(atlas_server)
    atlas_server.respond(CannedResponse.json(200, {"ok": True}))

    response = httpx.post(
        atlas_server.url + STREAMS_PATH + "?pretty=true", json={}, auth=httpx.DigestAuth(PUBLIC_KEY, PRIVATE_KEY)
    )

    assert response.status_code == 200
    assert (verifier.accepted, verifier.refusals) == (1, [])


@FAKE_PROBE
def test_fake_digest_verifier_refuses_a_wrong_key(atlas_server: LoopbackServer) -> None:
    verifier = DigestVerifier(PUBLIC_KEY, PRIVATE_KEY).install(atlas_server)
    atlas_server.respond(CannedResponse.json(200, {"ok": True}))

    response = httpx.post(atlas_server.url + STREAMS_PATH, json={}, auth=httpx.DigestAuth(PUBLIC_KEY, "wrong"))

    assert response.status_code == 401
    assert verifier.accepted == 0
    assert verifier.refusals == ["response hash does not match"]


@FAKE_PROBE
def test_fake_digest_verifier_refuses_a_replayed_authorization(atlas_server: LoopbackServer) -> None:
    verifier = DigestVerifier(PUBLIC_KEY, PRIVATE_KEY).install(atlas_server)
    atlas_server.respond(CannedResponse.json(200, {"ok": True}))
    httpx.post(atlas_server.url + STREAMS_PATH, json={}, auth=httpx.DigestAuth(PUBLIC_KEY, PRIVATE_KEY))
    authorization = atlas_server.requests[-1].headers["Authorization"]

    replay = httpx.post(atlas_server.url + STREAMS_PATH, json={}, headers={"Authorization": authorization})

    assert replay.status_code == 401
    assert verifier.refusals[-1].startswith("nc 1 replayed")


def test_fake_token_endpoint_issues_a_bearer_token_for_good_credentials(atlas_server: LoopbackServer) -> None:
    endpoint = OAuthTokenEndpoint(CLIENT_ID, CLIENT_SECRET, expires_in=600).install(atlas_server)

    response = httpx.post(
        atlas_server.url + TOKEN_PATH, data={"grant_type": "client_credentials"}, auth=(CLIENT_ID, CLIENT_SECRET)
    )

    assert response.status_code == 200
    assert response.json() == {"access_token": endpoint.issued[0], "expires_in": 600, "token_type": "Bearer"}


@pytest.mark.parametrize(
    ("data", "auth", "status"),
    [
        ({"grant_type": "client_credentials"}, (CLIENT_ID, "wrong"), 401),
        ({"grant_type": "client_credentials"}, ("someone-else", CLIENT_SECRET), 401),
        ({"grant_type": "client_credentials"}, None, 401),
        ({"grant_type": "password"}, (CLIENT_ID, CLIENT_SECRET), 400),
        ({"grant_type": "client_credentials", "client_secret": CLIENT_SECRET}, (CLIENT_ID, CLIENT_SECRET), 400),
    ],
    ids=["wrong-secret", "wrong-id", "no-basic", "wrong-grant", "secret-in-form"],
)
def test_fake_token_endpoint_refuses_bad_requests(
    atlas_server: LoopbackServer, data: dict[str, str], auth: tuple[str, str] | None, status: int
) -> None:
    endpoint = OAuthTokenEndpoint(CLIENT_ID, CLIENT_SECRET).install(atlas_server)

    response = httpx.post(atlas_server.url + TOKEN_PATH, data=data, auth=auth)

    assert response.status_code == status
    assert endpoint.issued == []
    assert len(endpoint.refusals) == 1


@FAKE_PROBE
def test_fake_bearer_guard_lets_issued_tokens_through_and_refuses_revoked_ones(atlas_server: LoopbackServer) -> None:
    endpoint = OAuthTokenEndpoint(CLIENT_ID, CLIENT_SECRET).install(atlas_server)
    atlas_server.respond(CannedResponse.json(200, {"ok": True}), CannedResponse.json(200, {"ok": True}))
    token = httpx.post(
        atlas_server.url + TOKEN_PATH, data={"grant_type": "client_credentials"}, auth=(CLIENT_ID, CLIENT_SECRET)
    ).json()["access_token"]
    bearer = {"Authorization": f"Bearer {token}"}

    assert httpx.post(atlas_server.url + STREAMS_PATH, headers=bearer).status_code == 200
    assert httpx.post(atlas_server.url + STREAMS_PATH).status_code == 401
    assert httpx.post(atlas_server.url + STREAMS_PATH, headers={"Authorization": "Bearer forged"}).status_code == 401
    endpoint.revoke_all()
    assert httpx.post(atlas_server.url + STREAMS_PATH, headers=bearer).status_code == 401
    assert endpoint.bearers_accepted == [token]
    assert len(endpoint.bearer_refusals) == 3


@FAKE_PROBE
def test_fake_bearer_guard_refuses_an_expired_token(atlas_server: LoopbackServer) -> None:
    endpoint = OAuthTokenEndpoint(CLIENT_ID, CLIENT_SECRET, expires_in=0).install(atlas_server)
    token = httpx.post(
        atlas_server.url + TOKEN_PATH, data={"grant_type": "client_credentials"}, auth=(CLIENT_ID, CLIENT_SECRET)
    ).json()["access_token"]

    response = httpx.post(atlas_server.url + STREAMS_PATH, headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 401
    assert endpoint.bearer_refusals == ["expired token #1"]


def test_loopback_route_and_guard_leave_the_script_alone(atlas_server: LoopbackServer) -> None:
    atlas_server.route("/routed", lambda request: CannedResponse(204))
    atlas_server.guard(lambda request: CannedResponse(401) if "X-Let-In" not in request.headers else None)
    atlas_server.respond(CannedResponse(200))

    statuses = [
        httpx.get(atlas_server.url + "/routed").status_code,
        httpx.get(atlas_server.url + "/api").status_code,
        httpx.get(atlas_server.url + "/api", headers={"X-Let-In": "1"}).status_code,
        httpx.get(atlas_server.url + "/api", headers={"X-Let-In": "1"}).status_code,
    ]

    assert statuses == [204, 401, 200, 500]  # the last found the script empty
    assert [r.path for r in atlas_server.requests] == ["/routed", "/api", "/api", "/api"]
    assert len(atlas_server.requests_to("/api")) == 3
