"""Authentication: Atlas service accounts (OAuth 2.0 client credentials) and API keys (HTTP digest)."""

import asyncio
import base64
import threading
import time
from collections.abc import AsyncGenerator, Generator

import httpx

from ._json import json_or_none
from .errors import AuthenticationError

TOKEN_PATH = "/api/oauth/token"
# Renew this long before the token's stated expiry, so a request never leaves with a token that
# expires in flight; short-lived tokens renew after 90% of their life.
_RENEW_MARGIN_SECONDS = 60.0


class ServiceAccountAuth(httpx.Auth):
    """Bearer tokens for an Atlas service account, fetched from `{base_url}/api/oauth/token`.

    The token is cached until shortly before it expires, fetched once however many requests need
    it at the same moment, and renewed once when the API answers 401 to a request that used it.
    """

    def __init__(self, client_id: str, client_secret: str) -> None:
        self.client_id = client_id
        self._client_secret = client_secret
        self._token: str | None = None
        self._expires_at = 0.0
        self._thread_lock = threading.Lock()
        self._async_locks: dict[asyncio.AbstractEventLoop, asyncio.Lock] = {}

    def __repr__(self) -> str:
        return f"ServiceAccountAuth(client_id={self.client_id!r})"

    # httpx reads response bodies for an Auth (requires_response_body) only in its default flows;
    # these replace them to hold a lock of the right kind, so they read the token response themselves.
    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        with self._thread_lock:
            if self._needs_token(stale=None):
                token_response = yield self._token_request(request)
                token_response.read()
                self._store(token_response)
        used = self._token
        response = yield self._authorized(request)
        if response.status_code == 401:
            with self._thread_lock:
                if self._needs_token(stale=used):
                    token_response = yield self._token_request(request)
                    token_response.read()
                    self._store(token_response)
            yield self._authorized(request)

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        async with self._async_lock():
            if self._needs_token(stale=None):
                token_response = yield self._token_request(request)
                await token_response.aread()
                self._store(token_response)
        used = self._token
        response = yield self._authorized(request)
        if response.status_code == 401:
            async with self._async_lock():
                if self._needs_token(stale=used):
                    token_response = yield self._token_request(request)
                    await token_response.aread()
                    self._store(token_response)
            yield self._authorized(request)

    def _async_lock(self) -> asyncio.Lock:
        # An asyncio.Lock belongs to one event loop; keep one per loop that uses this auth.
        loop = asyncio.get_running_loop()
        return self._async_locks.setdefault(loop, asyncio.Lock())

    def _needs_token(self, *, stale: str | None) -> bool:
        """No token yet, or it is about to expire, or the API refused it (`stale`) and no other
        request has renewed it since."""
        if stale is not None:
            return self._token == stale
        return self._token is None or time.monotonic() >= self._expires_at

    def _token_request(self, request: httpx.Request) -> httpx.Request:
        return httpx.Request(
            "POST",
            request.url.copy_with(path=TOKEN_PATH, query=None, fragment=None),
            headers={
                "Accept": "application/json",
                "Authorization": f"Basic {self._basic_credentials()}",
                "User-Agent": request.headers.get("User-Agent", ""),
            },
            data={"grant_type": "client_credentials"},
        )

    def _basic_credentials(self) -> str:
        return base64.b64encode(f"{self.client_id}:{self._client_secret}".encode()).decode("ascii")

    def _store(self, response: httpx.Response) -> None:
        payload = json_or_none(response.content) if response.status_code == 200 else None
        token = payload.get("access_token") if isinstance(payload, dict) else None
        if not isinstance(token, str) or not token:
            raise AuthenticationError.from_token_response(response, self.client_id)
        expires_in = float(payload.get("expires_in", 3600)) if isinstance(payload, dict) else 3600.0
        self._token = token
        self._expires_at = time.monotonic() + expires_in - min(_RENEW_MARGIN_SECONDS, expires_in * 0.1)

    def _authorized(self, request: httpx.Request) -> httpx.Request:
        request.headers["Authorization"] = f"Bearer {self._token}"
        return request


class DigestAuth(httpx.DigestAuth):
    """An Atlas programmatic API key: the public key is the user name, the private key the password."""

    def __init__(self, public_key: str, private_key: str) -> None:
        super().__init__(public_key, private_key)
        self.public_key = public_key

    def __repr__(self) -> str:
        return f"DigestAuth(public_key={self.public_key!r})"
