"""Fakes of the Atlas side of the wire, for the client tests (a helper module, not a test file).

They plug into tests/support/loopback.py's LoopbackServer and check what a real Atlas would check:

    DigestVerifier   HTTP digest auth (RFC 7616 / RFC 2617, qop="auth"): issues the challenge and verifies the
                     response hash with hashlib, so a client that hashes the wrong key is refused.
    OAuthTokenEndpoint  /api/oauth/token for service accounts (client-credentials grant, HTTP Basic client auth)
                     plus a guard that accepts only the bearer tokens it issued and that are neither revoked nor
                     expired.

And small helpers: documented responses, Atlas-shaped errors, delayed responses, a port nobody listens on,
and recorders for the sleep functions a RetryPolicy takes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import socket
import ssl
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from support.generated_client import body_model
from support.loopback import CannedResponse, LoopbackServer, RecordedRequest, Responder
from support.spec_examples import (
    body_operation,
    documented_error_statuses,
    request_example,
    request_media_type,
    response_example,
    response_media_type,
    success_status,
)

if TYPE_CHECKING:
    from atlas_streams import Client
    from atlas_streams.errors import AtlasApiError

GROUP_ID = "32b6e34b3d91647abb20e7b8"
# Where the operation with a request body (tests/support/spec_examples.py) is sent, for the project GROUP_ID.
STREAMS_PATH = body_operation().path.replace("{groupId}", GROUP_ID)
# Credentials the tests authenticate with.
PUBLIC_KEY = "wxyzpubl"
PRIVATE_KEY = "5d3c0d5e-0c52-4d4b-9f7e-private-key"
CLIENT_ID = "mdb_sa_id_6650e7a1b8c4f2d3e4a5b6c7"
CLIENT_SECRET = "mdb_sa_sk_s3cr3t-Do-Not-Leak-0123456789"
TOKEN_PATH = "/api/oauth/token"
ATLAS_MEDIA_TYPE = request_media_type()  # the versioned media type the API version is chosen by
# What the client accepts: the success media type, preferred, and the one Atlas's errors come in.
ATLAS_ACCEPT = f"{response_media_type(success_status())}, {response_media_type(documented_error_statuses()[0])};q=0.9"


# --- clients -------------------------------------------------------------------------------------------------


def request_body() -> Any:
    """The documented request example as a model."""
    return body_model().from_dict(request_example())


@cache
def shared_ssl_context() -> ssl.SSLContext:
    """One default (verifying) SSL context for every test client: building one loads the CA bundle, about
    50 ms, which every httpx client would otherwise pay although the loopback server speaks plain HTTP."""
    return ssl.create_default_context()


def loopback_client(base_url: str, **kwargs: Any) -> Client:
    """`atlas_streams.Client(base_url, **kwargs)` with a 10 s timeout unless given, and the shared SSL context."""
    from atlas_streams import Client

    kwargs.setdefault("timeout", 10.0)
    httpx_args = {"verify": shared_ssl_context(), **kwargs.pop("httpx_args", {})}
    return Client(base_url, httpx_args=httpx_args, **kwargs)


# --- errors ---------------------------------------------------------------------------------------------------


def error_classes() -> dict[int, type[AtlasApiError]]:
    """The exception the client raises for each error status that has a class of its own (5xx: ServerError)."""
    from atlas_streams import errors

    return {
        400: errors.BadRequestError,
        401: errors.UnauthorizedError,
        403: errors.ForbiddenError,
        404: errors.NotFoundError,
        409: errors.ConflictError,
        429: errors.RateLimitedError,
        500: errors.ServerError,
    }


def error_fields(error: AtlasApiError) -> tuple[object, ...]:
    return (error.status_code, error.error_code, error.detail, error.reason)


def error_example(status: int) -> dict[str, Any]:
    """The body Atlas sends with the error `status`: its documented example, or, where the spec documents
    none (an older spec without 429, say), one in ApiError's shape, as real Atlas still sends them."""
    if status in documented_error_statuses():
        return response_example(status)
    phrase = HTTPStatus(status).phrase
    return {"error": status, "errorCode": HTTPStatus(status).name, "reason": phrase, "detail": f"{phrase}."}


def documented_error_fields(status: int) -> tuple[object, ...]:
    """What error_fields() gives for error_example(status)."""
    example = error_example(status)
    return (status, example["errorCode"], example["detail"], example["reason"])


# --- responses -----------------------------------------------------------------------------------------------


def documented_response(status: int, headers: dict[str, str] | None = None) -> CannedResponse:
    """The documented example of `status`, under its documented Content-Type."""
    return CannedResponse.json(status, response_example(status), response_media_type(status), headers)


def error_response(status: int, headers: dict[str, str] | None = None) -> CannedResponse:
    """error_example(status), under its documented Content-Type, or JSON where the spec documents none."""
    if status in documented_error_statuses():
        return documented_response(status, headers)
    return CannedResponse.json(status, error_example(status), headers=headers)


def atlas_error(
    status: int,
    error_code: str,
    detail: str | None = None,
    reason: str | None = None,
    headers: dict[str, str] | None = None,
) -> CannedResponse:
    """An error in Atlas's ApiError shape."""
    payload: dict[str, Any] = {"error": status, "errorCode": error_code}
    if detail is not None:
        payload["detail"] = detail
    if reason is not None:
        payload["reason"] = reason
    return CannedResponse.json(status, payload, headers=headers)


def enveloped(status: int, content: Any) -> CannedResponse:
    """What Atlas sends when the request said envelope=true: always HTTP 200, the real status inside."""
    return CannedResponse.json(200, {"status": status, "content": content}, ATLAS_MEDIA_TYPE)


def raw(status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> CannedResponse:
    return CannedResponse(status, {"Content-Type": content_type, **(headers or {})}, body)


def delayed(seconds: float, responder: Responder) -> Callable[[RecordedRequest], CannedResponse]:
    """A responder that waits `seconds` (on the server's handler thread) before answering."""

    def answer(request: RecordedRequest) -> CannedResponse:
        time.sleep(seconds)
        return responder if isinstance(responder, CannedResponse) else responder(request)

    return answer


def closed_port() -> int:
    """A 127.0.0.1 port that nothing listens on (bound, then released), so connecting is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


# --- sleep recorders for RetryPolicy(sleep=..., async_sleep=...) ---------------------------------------------


@dataclass
class SleepRecorder:
    """Stands in for time.sleep / asyncio.sleep: records each requested delay and returns at once."""

    delays: list[float] = field(default_factory=list)

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.delays.append(seconds)


# --- HTTP digest ---------------------------------------------------------------------------------------------


def _hash(algorithm: str, text: str) -> str:
    name = {"MD5": "md5", "SHA-256": "sha256"}[algorithm.upper()]
    return hashlib.new(name, text.encode("utf-8")).hexdigest()


def digest_response_hash(
    *,
    username: str,
    password: str,
    realm: str,
    method: str,
    uri: str,
    nonce: str,
    nc: str,
    cnonce: str,
    qop: str = "auth",
    algorithm: str = "MD5",
) -> str:
    """The `response` value of RFC 7616 section 3.4.1 (RFC 2617 section 3.2.2.1) for qop=auth."""
    ha1 = _hash(algorithm, f"{username}:{realm}:{password}")
    ha2 = _hash(algorithm, f"{method}:{uri}")
    return _hash(algorithm, f"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}")


def parse_digest_authorization(header: str) -> dict[str, str]:
    """The parameters of an `Authorization: Digest k=v, k="v", ...` header (quotes removed)."""
    scheme, _, params = header.strip().partition(" ")
    if scheme.lower() != "digest":
        raise ValueError(f"not a Digest authorization: {scheme!r}")
    return urllib.request.parse_keqv_list(urllib.request.parse_http_list(params))


class DigestVerifier:
    """Server side of HTTP digest authentication, installed as a LoopbackServer guard.

    A request without a valid Digest Authorization gets 401 with a fresh challenge (the script is not
    consumed); a verified one falls through to the script. `accepted` counts verified requests and `refusals`
    says why each refused request was refused.
    """

    def __init__(self, username: str, password: str, *, realm: str = "MMS Public API", algorithm: str = "MD5"):
        self.username = username
        self._password = password
        self.realm = realm
        self.algorithm = algorithm
        self.accepted = 0
        self.refusals: list[str] = []
        self._nonces: dict[str, int] = {}  # issued nonce -> highest nc seen
        self._lock = threading.Lock()

    def install(self, server: LoopbackServer) -> DigestVerifier:
        server.guard(self)
        return self

    def challenge(self, reason: str | None = None) -> CannedResponse:
        nonce = secrets.token_hex(16)
        with self._lock:
            self._nonces[nonce] = 0
            if reason is not None:
                self.refusals.append(reason)
        www_authenticate = (
            f'Digest realm="{self.realm}", domain="", nonce="{nonce}", algorithm={self.algorithm}, '
            f'qop="auth", stale=false'
        )
        body = {
            "error": 401,
            "errorCode": "NOT_AUTHENTICATED",
            "reason": "Unauthorized",
            "detail": "Not authenticated.",
        }
        return CannedResponse(
            401, {"Content-Type": "application/json", "WWW-Authenticate": www_authenticate}, json.dumps(body).encode()
        )

    def __call__(self, request: RecordedRequest) -> CannedResponse | None:
        header = request.headers.get("Authorization")
        if header is None:
            return self.challenge()  # the client's first, unauthenticated try: not a refusal
        reason = self.verify(request.method, request.path, header)
        if reason is not None:
            return self.challenge(reason)
        with self._lock:
            self.accepted += 1
        return None

    def verify(self, method: str, path: str, header: str) -> str | None:
        """None when `header` authenticates `method path`, otherwise why not."""
        try:
            params = parse_digest_authorization(header)
        except ValueError as exc:
            return str(exc)
        missing = {"username", "realm", "nonce", "uri", "response", "qop", "nc", "cnonce"} - params.keys()
        if missing:
            return f"missing digest parameters {sorted(missing)}"
        if params["username"] != self.username:
            return f"unknown username {params['username']!r}"
        if params["realm"] != self.realm:
            return f"wrong realm {params['realm']!r}"
        if params.get("algorithm", "MD5").upper() != self.algorithm.upper():
            return f"wrong algorithm {params.get('algorithm')!r}"
        if params["qop"] != "auth":
            return f"wrong qop {params['qop']!r}"
        if params["uri"] != path:
            return f"uri {params['uri']!r} is not the request path {path!r}"
        try:
            nc = int(params["nc"], 16)
        except ValueError:
            return f"nc {params['nc']!r} is not hexadecimal"
        with self._lock:
            last_nc = self._nonces.get(params["nonce"])
            if last_nc is None:
                return f"nonce {params['nonce']!r} was never issued"
            if nc <= last_nc:
                return f"nc {nc} replayed (last {last_nc})"
        expected = digest_response_hash(
            username=self.username,
            password=self._password,
            realm=self.realm,
            method=method,
            uri=params["uri"],
            nonce=params["nonce"],
            nc=params["nc"],
            cnonce=params["cnonce"],
            qop=params["qop"],
            algorithm=self.algorithm,
        )
        if not secrets.compare_digest(expected, params["response"]):
            return "response hash does not match"
        with self._lock:
            self._nonces[params["nonce"]] = nc
        return None


# --- OAuth 2.0 client credentials (Atlas service accounts) ---------------------------------------------------


class OAuthTokenEndpoint:
    """The Atlas token endpoint, served on TOKEN_PATH, and a guard that checks the bearer token of API calls.

    The token request must be a POST with a form body `grant_type=client_credentials` and the client id and
    secret in HTTP Basic. Each accepted request issues a new token, valid for `expires_in` seconds.
    `delay` slows the token response down, so that concurrent callers really overlap with the fetch.
    """

    def __init__(self, client_id: str, client_secret: str, *, expires_in: int = 3600, delay: float = 0.0):
        self.client_id = client_id
        self._client_secret = client_secret
        self.expires_in = expires_in
        self.delay = delay
        self.issued: list[str] = []  # tokens, in issue order
        self.token_requests: list[RecordedRequest] = []
        self.refusals: list[str] = []  # why token requests were refused
        self.bearer_refusals: list[str] = []  # why API calls were refused
        self.bearers_accepted: list[str] = []  # the token of each API call let through, in order
        self._expiry: dict[str, float] = {}
        self._revoked: set[str] = set()
        self._lock = threading.Lock()

    def install(self, server: LoopbackServer, *, check_bearer: bool = True) -> OAuthTokenEndpoint:
        server.route(TOKEN_PATH, self.token)
        if check_bearer:
            server.guard(self.check_bearer)
        return self

    # token endpoint

    def token(self, request: RecordedRequest) -> CannedResponse:
        with self._lock:
            self.token_requests.append(request)
        if self.delay:
            time.sleep(self.delay)
        if request.method != "POST":
            return self._refuse(405, "invalid_request", f"method {request.method} is not POST")
        content_type = (request.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type != "application/x-www-form-urlencoded":
            return self._refuse(400, "invalid_request", f"Content-Type {content_type!r} is not a form")
        form = dict(parse_qsl(request.body.decode("utf-8"), keep_blank_values=True))
        if form.get("grant_type") != "client_credentials":
            return self._refuse(400, "unsupported_grant_type", f"grant_type {form.get('grant_type')!r}")
        if "client_secret" in form or "client_id" in form:
            return self._refuse(400, "invalid_request", "credentials in the form body, not in HTTP Basic")
        credentials = _basic_credentials(request.headers.get("Authorization"))
        if credentials is None:
            return self._refuse(401, "invalid_client", "no HTTP Basic client authentication")
        client_id, client_secret = credentials
        if client_id != self.client_id or not secrets.compare_digest(client_secret, self._client_secret):
            return self._refuse(401, "invalid_client", f"bad credentials for client id {client_id!r}")
        token = f"atlas-access-token-{secrets.token_hex(12)}"
        with self._lock:
            self.issued.append(token)
            self._expiry[token] = time.monotonic() + self.expires_in
        payload = {"access_token": token, "expires_in": self.expires_in, "token_type": "Bearer"}
        return CannedResponse.json(200, payload, headers={"Cache-Control": "no-store"})

    def _refuse(self, status: int, error: str, why: str) -> CannedResponse:
        with self._lock:
            self.refusals.append(why)
        payload = {"error": error, "error_description": "Invalid client credentials or request."}
        return CannedResponse.json(status, payload)

    # API side

    def revoke_all(self) -> None:
        """Make every token issued so far invalid, as if Atlas had revoked it early."""
        with self._lock:
            self._revoked.update(self.issued)

    def check_bearer(self, request: RecordedRequest) -> CannedResponse | None:
        header = request.headers.get("Authorization") or ""
        scheme, _, token = header.partition(" ")
        with self._lock:
            if scheme.lower() != "bearer" or not token:
                reason = f"no bearer token (Authorization scheme {scheme!r})"
            elif token not in self._expiry:
                reason = "unknown token"
            elif token in self._revoked:
                reason = f"revoked token #{self.issued.index(token) + 1}"
            elif time.monotonic() >= self._expiry[token]:
                reason = f"expired token #{self.issued.index(token) + 1}"
            else:
                self.bearers_accepted.append(token)
                return None
            self.bearer_refusals.append(reason)
        body = {"error": 401, "errorCode": "NOT_AUTHENTICATED", "reason": "Unauthorized", "detail": "Invalid token."}
        return CannedResponse(
            401,
            {"Content-Type": "application/json", "WWW-Authenticate": 'Bearer error="invalid_token"'},
            json.dumps(body).encode(),
        )


def _basic_credentials(header: str | None) -> tuple[str, str] | None:
    if header is None:
        return None
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        user, sep, password = base64.b64decode(encoded.strip(), validate=True).decode("utf-8").partition(":")
    except ValueError:
        return None
    return (user, password) if sep else None


def basic_header_value(user: str, password: str) -> str:
    """The base64 part of `Authorization: Basic ...` for these credentials (to look for leaks)."""
    return base64.b64encode(f"{user}:{password}".encode()).decode()
