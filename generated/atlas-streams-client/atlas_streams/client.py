"""The client that every operation function takes."""

import os
import sys
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Self

import httpx

from ._auth import DigestAuth, ServiceAccountAuth
from ._retry import RetryPolicy

__version__ = "0.1.0"

DEFAULT_BASE_URL = "https://cloud.mongodb.com"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
USER_AGENT = f"atlas-streams-client/{__version__} python/{'.'.join(map(str, sys.version_info[:3]))}"

# Environment variables, named as the Atlas CLI and the Atlas Go SDK name them.
ENV_CLIENT_ID = "MONGODB_ATLAS_CLIENT_ID"
ENV_CLIENT_SECRET = "MONGODB_ATLAS_CLIENT_SECRET"
ENV_PUBLIC_KEY = "MONGODB_ATLAS_PUBLIC_API_KEY"
ENV_PRIVATE_KEY = "MONGODB_ATLAS_PRIVATE_API_KEY"


class Client:
    """Connection settings for the Atlas Administration API, shared by every operation.

    Args:
        base_url: Where Atlas is; requests go to paths below it.
        auth: `ServiceAccountAuth`, `DigestAuth` or any `httpx.Auth`.
        timeout: Seconds, or an `httpx.Timeout`; by default 10 s to connect and 60 s to read.
        retries: A `RetryPolicy`, a maximum number of attempts, or None for the default policy.
        headers: Extra headers for every request.
        httpx_args: Extra keyword arguments for `httpx.Client` / `httpx.AsyncClient`.

    Use it as a context manager (`with` or `async with`) to close its connections when done.
    """

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        auth: httpx.Auth | None = None,
        timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
        retries: RetryPolicy | int | None = None,
        headers: Mapping[str, str] | None = None,
        httpx_args: Mapping[str, Any] | None = None,
    ) -> None:
        self.base_url = base_url
        self.auth = auth
        self.timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self.retries = RetryPolicy.coerce(retries)
        self.headers = {"User-Agent": USER_AGENT, **(headers or {})}
        self.httpx_args = dict(httpx_args or {})
        self._client: httpx.Client | None = None
        self._async_client: httpx.AsyncClient | None = None

    @classmethod
    def from_env(cls, base_url: str | None = None, **kwargs: Any) -> Self:
        """A client authenticated from the environment: a service account
        (MONGODB_ATLAS_CLIENT_ID, MONGODB_ATLAS_CLIENT_SECRET) or an API key pair
        (MONGODB_ATLAS_PUBLIC_API_KEY, MONGODB_ATLAS_PRIVATE_API_KEY). Exactly one of them must be set.
        Without `base_url` it talks to MONGODB_ATLAS_OPS_MANAGER_URL when that is set, as the Atlas CLI
        does, and to DEFAULT_BASE_URL otherwise."""
        base_url = base_url or os.environ.get("MONGODB_ATLAS_OPS_MANAGER_URL") or DEFAULT_BASE_URL
        return cls(base_url, auth=auth_from_env(os.environ), **kwargs)

    def __repr__(self) -> str:
        return f"Client(base_url={self.base_url!r}, auth={self.auth!r})"

    def _httpx_kwargs(self) -> dict[str, Any]:
        return {
            "base_url": self.base_url,
            "auth": self.auth,
            "timeout": self.timeout,
            "headers": self.headers,
            **self.httpx_args,
        }

    def get_httpx_client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(**self._httpx_kwargs())
        return self._client

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(**self._httpx_kwargs())
        return self._async_client

    def request(self, **kwargs: Any) -> httpx.Response:
        """Send one request with the retry policy applied."""
        attempt = 1
        while True:
            try:
                response = self.get_httpx_client().request(**kwargs)
            except httpx.TransportError as error:
                delay = self.retries.delay_after(attempt, error=error)
                if delay is None:
                    raise
            else:
                delay = self.retries.delay_after(attempt, response=response)
                if delay is None:
                    return response
            self.retries.sleep(delay)
            attempt += 1

    async def request_async(self, **kwargs: Any) -> httpx.Response:
        """`request`, without blocking the event loop."""
        attempt = 1
        while True:
            try:
                response = await self.get_async_httpx_client().request(**kwargs)
            except httpx.TransportError as error:
                delay = self.retries.delay_after(attempt, error=error)
                if delay is None:
                    raise
            else:
                delay = self.retries.delay_after(attempt, response=response)
                if delay is None:
                    return response
            await self.retries.async_sleep(delay)
            attempt += 1

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    async def aclose(self) -> None:
        if self._async_client is not None:
            await self._async_client.aclose()
            self._async_client = None

    def __enter__(self) -> Self:
        self.get_httpx_client()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    async def __aenter__(self) -> Self:
        self.get_async_httpx_client()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        await self.aclose()


def auth_from_env(environ: Mapping[str, str]) -> httpx.Auth:
    """The one credential set present in `environ`; ValueError naming the variables otherwise."""
    pairs = {
        "a service account": (ENV_CLIENT_ID, ENV_CLIENT_SECRET),
        "an API key": (ENV_PUBLIC_KEY, ENV_PRIVATE_KEY),
    }
    present = {kind: names for kind, names in pairs.items() if any(environ.get(name) for name in names)}
    for names in present.values():
        missing = [name for name in names if not environ.get(name)]
        if missing:
            raise ValueError(f"{' and '.join(names)} must be set together; {', '.join(missing)} is not set")
    if not present:
        raise ValueError(
            f"no Atlas credentials in the environment: set {ENV_CLIENT_ID} and {ENV_CLIENT_SECRET} (service account) "
            f"or {ENV_PUBLIC_KEY} and {ENV_PRIVATE_KEY} (API key)"
        )
    if len(present) > 1:
        raise ValueError(
            f"both a service account ({ENV_CLIENT_ID}) and an API key ({ENV_PUBLIC_KEY}) are set in the environment; "
            "unset one of them"
        )
    if "a service account" in present:
        return ServiceAccountAuth(environ[ENV_CLIENT_ID], environ[ENV_CLIENT_SECRET])
    return DigestAuth(environ[ENV_PUBLIC_KEY], environ[ENV_PRIVATE_KEY])
