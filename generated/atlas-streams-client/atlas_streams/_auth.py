"""Authentication: Atlas service accounts (OAuth 2.0 client credentials) and API keys (HTTP digest)."""

import asyncio
import base64
import math
import re
import threading
import time
from collections.abc import AsyncGenerator, Generator

import httpx

from ._json import json_or_none
from ._transport import CALL_EXTENSION, CallContext
from .errors import token_endpoint_error

TOKEN_PATH = "/api/oauth/token"
# Renew this long before the token's stated expiry, so a request never leaves with a token that
# expires in flight; short-lived tokens renew after 90% of their life.
_RENEW_MARGIN_SECONDS = 60.0
# The life of a token whose expires_in is missing or unusable (not a positive number): short, so a token is
# never kept long on a guess; and the longest life believed, so that none is kept for ever.
_FALLBACK_LIFETIME_SECONDS = 60.0
_MAX_LIFETIME_SECONDS = 24 * 3600.0
# RFC 6750's b64token: what a bearer token may hold, and all that an HTTP header can carry safely.
_BEARER_TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]+=*")
# How often a task waiting for a token that another thread or event loop is fetching looks again.
_ASYNC_POLL_SECONDS = 0.005

_FRESH, _FETCH, _WAIT = "fresh", "fetch", "wait"


class ServiceAccountAuth(httpx.Auth):
    """Bearer tokens for an Atlas service account, fetched from `{base_url}/api/oauth/token`, where base_url is
    the Client's (its path included), or from `token_url` when given.

    The token is cached until shortly before it expires and shared by every thread and event loop that uses
    this auth: however many requests need it at the same moment, one of them fetches it and the others wait.
    The token request follows the client's RetryPolicy (429 and 503 are retried, Retry-After honoured), and it
    is renewed once when the API answers 401 to a request that used it.
    """

    def __init__(self, client_id: str, client_secret: str, *, token_url: str | None = None) -> None:
        self.client_id = client_id
        self.token_url = token_url
        self._client_secret = client_secret
        self._token: str | None = None
        # Counts the tokens stored, so that a flow remembers which token it sent without holding the token.
        self._generation = 0
        self._expires_at = 0.0
        self._fetching = False
        # Guards the fields above and is never held across I/O; waiters for a token wait on it.
        self._changed = threading.Condition(threading.Lock())

    def __repr__(self) -> str:
        return f"ServiceAccountAuth(client_id={self.client_id!r})"

    # httpx reads response bodies for an Auth (requires_response_body) only in its default flows; the client
    # hands these flows answers that it has already read, under its size cap.
    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        context = _context(request)
        used = yield from self._sync_token(request, context, stale=None)
        response = yield self._authorized(request)
        if response.status_code == 401:
            yield from self._sync_token(request, context, stale=used)
            yield self._authorized(request)

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        context = _context(request)
        stale: int | None = None
        for _ in range(2):  # the second time only after a 401 to the token this flow sent
            claim = await self._async_claim(request, context, stale)
            if claim == _FETCH:
                try:
                    attempt = 1
                    while True:
                        token_response = yield self._token_request(request, context)
                        delay = _retry_delay(token_response, context, attempt)
                        if delay is None:
                            break
                        await context.retries.async_sleep(delay)  # type: ignore[union-attr]
                        attempt += 1
                    self._store(token_response)
                finally:
                    self._release()
            stale = self._generation
            response = yield self._authorized(request)
            if response.status_code != 401:
                return

    def _sync_token(
        self, request: httpx.Request, context: CallContext | None, stale: int | None
    ) -> Generator[httpx.Request, httpx.Response, int]:
        """A usable token stored, fetched here or by whoever was fetching already; the generation of it."""
        if self._sync_claim(request, context, stale) == _FETCH:
            try:
                attempt = 1
                while True:
                    token_response = yield self._token_request(request, context)
                    delay = _retry_delay(token_response, context, attempt)
                    if delay is None:
                        break
                    context.retries.sleep(delay)  # type: ignore[union-attr]
                    attempt += 1
                self._store(token_response)
            finally:
                self._release()
        return self._generation

    def _sync_claim(self, request: httpx.Request, context: CallContext | None, stale: int | None) -> str:
        with self._changed:
            while (claim := self._claim(stale)) == _WAIT:
                remaining = context.deadline.remaining() if context else None
                if remaining is not None and remaining <= 0:
                    raise httpx.PoolTimeout("waited for a token until the call's deadline", request=request)
                self._changed.wait(remaining)
            return claim

    async def _async_claim(self, request: httpx.Request, context: CallContext | None, stale: int | None) -> str:
        # Waiters in other event loops or threads cannot share an asyncio primitive: look again shortly.
        while True:
            with self._changed:
                claim = self._claim(stale)
            if claim != _WAIT:
                return claim
            await asyncio.sleep(_ASYNC_POLL_SECONDS)

    def _claim(self, stale: int | None) -> str:
        """With the lock held: _FRESH when the stored token will do, _FETCH when the caller is to fetch one (and
        is now the one fetching), _WAIT when another caller is fetching it. A token needs fetching when there is
        none, when it is about to expire, or when the API refused it (`stale`, its generation) and no other
        request has renewed it since."""
        expired = self._token is None or time.monotonic() >= self._expires_at
        if not (expired or self._generation == stale):
            return _FRESH
        if self._fetching:
            return _WAIT
        self._fetching = True
        return _FETCH

    def _release(self) -> None:
        with self._changed:
            self._fetching = False
            self._changed.notify_all()

    def _token_request(self, request: httpx.Request, context: CallContext | None) -> httpx.Request:
        return httpx.Request(
            "POST",
            self._token_url(request, context),
            headers={
                "Accept": "application/json",
                "Authorization": f"Basic {self._basic_credentials()}",
                "User-Agent": request.headers.get("User-Agent", ""),
            },
            data={"grant_type": "client_credentials"},
            extensions={key: value for key, value in request.extensions.items() if key in ("timeout", CALL_EXTENSION)},
        )

    def _token_url(self, request: httpx.Request, context: CallContext | None) -> httpx.URL:
        if self.token_url is not None:
            return httpx.URL(self.token_url)
        if context is None:  # used with plain httpx rather than through a Client: the request's origin
            return request.url.copy_with(path=TOKEN_PATH, query=None, fragment=None)
        base = context.base_url
        return base.copy_with(path=base.path.rstrip("/") + TOKEN_PATH, query=None, fragment=None)

    def _basic_credentials(self) -> str:
        return base64.b64encode(f"{self.client_id}:{self._client_secret}".encode()).decode("ascii")

    def _store(self, response: httpx.Response) -> None:
        why = _unusable(response)
        if why is not None:
            raise token_endpoint_error(response.status_code, response.headers, response.content, self.client_id, why)
        payload = json_or_none(response.content)
        lifetime = _lifetime(payload.get("expires_in"))
        with self._changed:
            self._token = payload["access_token"]
            self._generation += 1
            self._expires_at = time.monotonic() + lifetime - min(_RENEW_MARGIN_SECONDS, lifetime * 0.1)

    def _authorized(self, request: httpx.Request) -> httpx.Request:
        request.headers["Authorization"] = "Bearer " + (self._token or "")
        return request


def _context(request: httpx.Request) -> CallContext | None:
    context = request.extensions.get(CALL_EXTENSION)
    return context if isinstance(context, CallContext) else None


def _retry_delay(response: httpx.Response, context: CallContext | None, attempt: int) -> float | None:
    """Seconds to wait before asking for a token again, or None. The token request is a POST, but asking twice
    does no harm: it is retried as a GET would be (429, 5xx under the client's policy)."""
    if context is None or response.status_code == 200:
        return None
    delay = context.retries.delay_after(attempt, response=response, method="GET")
    return delay if delay is not None and context.deadline.allows(delay) else None


def _unusable(response: httpx.Response) -> str | None:
    """Why the token endpoint's answer gives no usable token ("" for an error status, whose body says it), or
    None when it does. The token itself is never part of the answer."""
    if response.status_code != 200:
        return ""
    payload = json_or_none(response.content)
    if not isinstance(payload, dict):
        return "200 without a JSON object"
    token = payload.get("access_token")
    if not isinstance(token, str) or _BEARER_TOKEN.fullmatch(token) is None:
        return "200 without a usable access_token (a bearer token is ASCII letters, digits and -._~+/)"
    return None


def _lifetime(expires_in: object) -> float:
    """expires_in in seconds when it is a positive number (or a string of one), a short safe life otherwise."""
    try:
        seconds = (
            float(expires_in) if isinstance(expires_in, (int, float, str)) and not isinstance(expires_in, bool) else 0.0
        )
    except ValueError:
        seconds = 0.0
    if not math.isfinite(seconds) or seconds <= 0:
        return _FALLBACK_LIFETIME_SECONDS
    return min(seconds, _MAX_LIFETIME_SECONDS)


class DigestAuth(httpx.DigestAuth):
    """An Atlas programmatic API key: the public key is the user name, the private key the password."""

    def __init__(self, public_key: str, private_key: str) -> None:
        super().__init__(public_key, private_key)
        self.public_key = public_key

    def __repr__(self) -> str:
        return f"DigestAuth(public_key={self.public_key!r})"
