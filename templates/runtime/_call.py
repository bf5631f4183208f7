"""One call of an operation function: the client's settings with the call's overrides, and a deadline that
starts with the call and covers every request it sends (its retries, their waits, a read-back)."""

import functools
from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar

import httpx

from ._responses import build_response
from ._transport import CallContext, CallSettings, Deadline, build_request, send, send_async
from .types import Response

T = TypeVar("T")


class _Client(Protocol):
    base_url: str
    auth: httpx.Auth | None

    def get_httpx_client(self) -> httpx.Client: ...
    def get_async_httpx_client(self) -> httpx.AsyncClient: ...


@functools.lru_cache(maxsize=16)
def _parsed(url: str) -> httpx.URL:
    """httpx.URL is immutable: one parse per base URL rather than one per call (a tenth of a loopback call)."""
    return httpx.URL(url)


class Call:
    """Made by `Client.call()` at the start of an operation function."""

    def __init__(self, client: _Client, settings: CallSettings) -> None:
        self._client = client
        self.settings = settings
        self.context = CallContext(_parsed(client.base_url), settings.retries, Deadline.after(settings.deadline))

    @property
    def validate(self) -> bool:
        return self.settings.validate

    def build(self, kwargs: Mapping[str, Any]) -> httpx.Request:
        """The request as it would be sent, headers merged, body encoded; no credentials (auth adds them when
        sending)."""
        return build_request(self._client.get_httpx_client(), kwargs, self.settings)

    def send(
        self, kwargs: Mapping[str, Any], *, parse: Callable[[Any], T], envelope: bool, has_body: bool = True
    ) -> Response[T]:
        http = self._client.get_httpx_client()
        request = build_request(http, kwargs, self.settings)
        received = send(http, request, self._client.auth, self.settings, self.context)
        return build_response(received, envelope=envelope, parse=parse, has_body=has_body)

    async def send_async(
        self, kwargs: Mapping[str, Any], *, parse: Callable[[Any], T], envelope: bool, has_body: bool = True
    ) -> Response[T]:
        http = self._client.get_async_httpx_client()
        request = build_request(http, kwargs, self.settings)
        received = await send_async(http, request, self._client.auth, self.settings, self.context)
        return build_response(received, envelope=envelope, parse=parse, has_body=has_body)
