"""One call of an operation on the wire: the request built with its headers in order of precedence, sent (its
auth flow included) under the retry policy and within the call's deadline, each body read under the size cap
and decompressed by the client itself, and every failure typed: nothing httpx raises escapes."""

import asyncio
import contextvars
import dataclasses
import functools
import json
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpcore
import httpx

from ._retry import RetryPolicy, maybe_acted
from ._text import prefix
from .errors import AtlasConnectionError, AtlasTimeoutError, Problem, RequestValidationError, request_line

# The key of the CallContext in each request's extensions, where an auth flow finds the call's settings.
CALL_EXTENSION = __name__ + ".call"
# How much of a body that went over the cap an error keeps, for a look at what it was.
KEPT_PREFIX_BYTES = 4096
# Decompressed output is produced in pieces of at most this size, so the cap stops a gzip bomb within a piece.
_PIECE = 64 * 1024
# Auth flows pass through the client's own send: httpx.Auth() adds nothing.
_NO_AUTH = httpx.Auth()
# The deadline (time.monotonic()) of the call this thread or task is in, read by every socket operation.
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(CALL_EXTENSION + ".deadline", default=None)


@dataclass(frozen=True)
class Deadline:
    """When a call must be over: `seconds` after it started, or never (None)."""

    seconds: float | None
    at: float | None

    @classmethod
    def after(cls, seconds: float | None) -> "Deadline":
        return cls(seconds, None if seconds is None else time.monotonic() + seconds)

    def remaining(self) -> float | None:
        return None if self.at is None else self.at - time.monotonic()

    def passed(self) -> bool:
        remaining = self.remaining()
        return remaining is not None and remaining <= 0

    def allows(self, delay: float) -> bool:
        """Whether waiting `delay` seconds still ends before the deadline."""
        remaining = self.remaining()
        return remaining is None or delay < remaining

    def timeouts(self, timeout: httpx.Timeout) -> dict[str, float | None]:
        """httpx's per-operation timeouts, each cut to the time left."""
        remaining = self.remaining()
        limits = timeout.as_dict()
        if remaining is None:
            return limits
        left = max(remaining, 0.0)
        return {name: left if value is None else min(value, left) for name, value in limits.items()}


@dataclass(frozen=True)
class CallSettings:
    """The client's settings for one call, with the call's own overrides applied."""

    timeout: httpx.Timeout
    retries: RetryPolicy
    headers: Mapping[str, str]  # the client's, then the call's, in that order: over the operation's own (Accept)
    validate: bool
    deadline: float | None
    max_response_bytes: int


@dataclass(frozen=True)
class CallContext:
    """What an auth flow needs of the call it serves (ServiceAccountAuth: where to ask for a token, the retry
    policy for that request, and the deadline)."""

    base_url: httpx.URL
    retries: RetryPolicy
    deadline: Deadline


class BodyTooLarge(Exception):
    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(f"response body larger than {limit} bytes")


class BodyUndecodable(Exception):
    """The body's Content-Encoding could not be undone (a corrupt gzip stream, an encoding not asked for)."""


@dataclass(frozen=True)
class Received:
    """An answer, read: the status, the server's headers, the body decompressed, and why the body is not all
    there (`problem`: BodyTooLarge or BodyUndecodable), if it is not."""

    request: httpx.Request
    status_code: int
    headers: httpx.Headers
    content: bytes = field(repr=False)  # a token endpoint's answer holds the token: no traceback shows it
    problem: Exception | None = None
    gone: bool = False  # a DELETE's 404 after an attempt that may have deleted the resource (_settled)

    def as_httpx_response(self) -> httpx.Response:
        """The answer as an httpx.Response whose body is already read, for auth flows (which would otherwise
        read a body themselves, without a cap)."""
        # As raw bytes: a header value that is not ASCII (a hostile Retry-After) cannot be encoded again.
        headers = [(name, value) for name, value in self.headers.raw if name.lower() != b"content-encoding"]
        return httpx.Response(self.status_code, headers=headers, content=self.content, request=self.request)


def encode_json(body: Any) -> bytes:
    """`body` as httpx would send it (compact UTF-8 JSON), or RequestValidationError for what JSON cannot hold:
    NaN or infinity, a lone surrogate, an object of another type, nesting too deep."""
    try:
        return json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
    except (ValueError, TypeError, RecursionError) as error:
        raise RequestValidationError([Problem("$", f"cannot be sent as JSON: {prefix(str(error))}")]) from None


def build_request(
    http: httpx.Client | httpx.AsyncClient, kwargs: Mapping[str, Any], settings: CallSettings
) -> httpx.Request:
    """The request an operation's `_get_kwargs` describes. Headers, lowest precedence first: httpx's defaults,
    the operation's own (Accept, Content-Type), the client's, the call's."""
    content = encode_json(kwargs["json"]) if "json" in kwargs else None
    try:
        headers = _merged_headers(tuple(kwargs.get("headers", {}).items()) + tuple(settings.headers.items()))
        url = absolute_url(http.base_url, kwargs["url"])
        return http.build_request(kwargs["method"], url, params=kwargs.get("params"), headers=headers, content=content)
    except (UnicodeEncodeError, httpx.InvalidURL) as error:  # a header value or URL that HTTP cannot carry
        raise RequestValidationError([Problem("request", prefix(str(error)))]) from None


@functools.lru_cache(maxsize=64)
def _merged_headers(layers: tuple[tuple[str, str], ...]) -> httpx.Headers:
    """The headers of a request from its layers in order (the operation's own, the client's, the call's), by
    case_merged. Calls repeat the same few sets, so each is built once (a tenth of our layer's time); nothing
    writes to the result, which httpx copies into each request."""
    return httpx.Headers(case_merged(layers))


def case_merged(headers: Iterable[tuple[str, str]]) -> dict[str, str]:
    """`headers` in order, a later one winning, names matched without regard to case as HTTP matches them: a
    "user-agent" given to the client or the call (or set in client.headers) replaces our "User-Agent" rather than
    going out beside it."""
    merged: dict[str, tuple[str, str]] = {}
    for name, value in headers:
        merged.pop(name.lower(), None)
        merged[name.lower()] = (name, value)
    return dict(merged.values())


@functools.lru_cache(maxsize=256)
def absolute_url(base_url: httpx.URL, url: str) -> httpx.URL:
    """`url` merged onto the client's `base_url` as httpx.Client merges it (appended to the base's path). httpx
    parses a relative URL twice for that, a fifth of a call's own time; URLs are immutable and an application's
    calls repeat their paths, so each is merged once."""
    merged = httpx.URL(url)
    if not merged.is_relative_url:
        return merged
    return base_url.copy_with(raw_path=base_url.raw_path + merged.raw_path.lstrip(b"/"))


def send(
    http: httpx.Client, request: httpx.Request, auth: httpx.Auth | None, settings: CallSettings, context: CallContext
) -> Received:
    """`request` sent under the retry policy within the call's deadline: the last answer, or
    AtlasConnectionError."""
    deadline = context.deadline
    token = _DEADLINE.set(deadline.at)
    try:
        attempt, uncertain = 1, False
        while True:
            try:
                received = _exchange(http, _attempt(request, auth, settings, context), auth, settings)
            except httpx.RequestError as error:
                delay = _retry_delay(settings, deadline, attempt, request, error=error)
                if delay is None:
                    raise connection_error(error, request, deadline) from error
                uncertain = uncertain or maybe_acted(error)
            else:
                delay = _retry_delay(settings, deadline, attempt, request, received=received)
                if delay is None:
                    return _settled(received, uncertain)
                uncertain = uncertain or received.status_code >= 500
            settings.retries.sleep(delay)
            attempt += 1
    finally:
        _DEADLINE.reset(token)


async def send_async(
    http: httpx.AsyncClient,
    request: httpx.Request,
    auth: httpx.Auth | None,
    settings: CallSettings,
    context: CallContext,
) -> Received:
    """`send`, without blocking the event loop; the deadline cancels whatever is in flight."""
    deadline = context.deadline
    try:
        async with asyncio.timeout(deadline.remaining()):
            attempt, uncertain = 1, False
            while True:
                try:
                    received = await _exchange_async(http, _attempt(request, auth, settings, context), auth, settings)
                except httpx.RequestError as error:
                    delay = _retry_delay(settings, deadline, attempt, request, error=error)
                    if delay is None:
                        raise connection_error(error, request, deadline) from error
                    uncertain = uncertain or maybe_acted(error)
                else:
                    delay = _retry_delay(settings, deadline, attempt, request, received=received)
                    if delay is None:
                        return _settled(received, uncertain)
                    uncertain = uncertain or received.status_code >= 500
                await settings.retries.async_sleep(delay)
                attempt += 1
    except TimeoutError as error:
        raise connection_error(error, request, deadline) from None


def _settled(received: Received, uncertain: bool) -> Received:
    """The last answer; a DELETE's 404 marked `gone` when an earlier attempt may have deleted the resource (a
    5xx, or no answer after sending): the DELETE did what it was asked."""
    if uncertain and received.request.method == "DELETE" and received.status_code == 404:
        return dataclasses.replace(received, gone=True)
    return received


def _attempt(
    request: httpx.Request, auth: httpx.Auth | None, settings: CallSettings, context: CallContext
) -> httpx.Request:
    """`request` for one attempt, with the timeouts cut to the time left and the call's context for auth flows:
    a fresh copy where an auth flow runs, since it writes into the request it is given."""
    if context.deadline.passed():
        raise httpx.TimeoutException("the call's deadline passed", request=request)
    extensions = {**request.extensions, "timeout": context.deadline.timeouts(settings.timeout), CALL_EXTENSION: context}
    if auth is None:
        request.extensions = extensions
        return request
    return httpx.Request(
        request.method, request.url, headers=request.headers, content=request.content, extensions=extensions
    )


def _retry_delay(
    settings: CallSettings,
    deadline: Deadline,
    attempt: int,
    request: httpx.Request,
    *,
    received: Received | None = None,
    error: Exception | None = None,
) -> float | None:
    """Seconds to wait before the next attempt, or None to stop: the policy says so for `request`'s method (an
    error of its auth flow's token request included), the wait would end after the deadline, or the answer's
    body is not all there (too large or undecodable: no retry reads it again)."""
    if received is not None and received.problem is not None:
        return None
    delay = settings.retries.delay_after(attempt, response=received, error=error, method=request.method)
    if delay is None or not deadline.allows(delay):
        return None
    return delay


def connection_error(error: BaseException, request: httpx.Request, deadline: Deadline) -> AtlasConnectionError:
    """The typed error for a request that got no answer, naming the request and keeping what happened."""
    method, url = request_line(request)
    if deadline.passed():
        return AtlasTimeoutError(f"the call's deadline of {deadline.seconds:g} s passed", method=method, url=url)
    name = type(error).__name__
    detail = prefix(str(error))
    message = f"{name}: {detail}" if detail else name
    if isinstance(error, (httpx.TimeoutException, TimeoutError)):
        return AtlasTimeoutError(message, method=method, url=url)
    return AtlasConnectionError(message, method=method, url=url)


def _exchange(http: httpx.Client, request: httpx.Request, auth: httpx.Auth | None, settings: CallSettings) -> Received:
    """One attempt: the auth flow driven here rather than by httpx, so that every answer it sees, the token
    endpoint's and the challenges included, is read under the cap."""
    if auth is None:  # no flow to drive, nor an httpx.Response to build for it
        return _read(http.send(request, stream=True, auth=_NO_AUTH), settings.max_response_bytes)
    flow = auth.sync_auth_flow(request)
    try:
        outgoing = next(flow)
        while True:
            answer = http.send(outgoing, stream=True, auth=_NO_AUTH)
            received = _read(answer, settings.max_response_bytes)
            try:
                outgoing = flow.send(received.as_httpx_response())
            except StopIteration:
                return received
    finally:
        flow.close()


async def _exchange_async(
    http: httpx.AsyncClient, request: httpx.Request, auth: httpx.Auth | None, settings: CallSettings
) -> Received:
    if auth is None:
        return await _read_async(await http.send(request, stream=True, auth=_NO_AUTH), settings.max_response_bytes)
    flow = auth.async_auth_flow(request)
    try:
        outgoing = await anext(flow)
        while True:
            answer = await http.send(outgoing, stream=True, auth=_NO_AUTH)
            received = await _read_async(answer, settings.max_response_bytes)
            try:
                outgoing = await flow.asend(received.as_httpx_response())
            except StopAsyncIteration:
                return received
    finally:
        await flow.aclose()


def _read(response: httpx.Response, limit: int) -> Received:
    body = _Body(response.headers, limit)
    try:
        for chunk in response.iter_raw():
            if not body.feed(chunk):
                break
        else:
            body.finish()
    finally:
        response.close()  # over the cap, this drops the connection rather than reading the rest
    return body.received(response)


async def _read_async(response: httpx.Response, limit: int) -> Received:
    body = _Body(response.headers, limit)
    try:
        async for chunk in response.aiter_raw():
            if not body.feed(chunk):
                break
        else:
            body.finish()
    finally:
        await response.aclose()
    return body.received(response)


class _Body:
    """A body as it arrives: decompressed piece by piece and counted after decompression."""

    def __init__(self, headers: httpx.Headers, limit: int) -> None:
        self._limit = limit
        self._parts: list[bytes] = []
        self._size = 0
        self._problem: Exception | None = None
        encodings = [part.strip().lower() for part in headers.get("Content-Encoding", "").split(",") if part.strip()]
        encodings = [encoding for encoding in encodings if encoding != "identity"]
        self._inflater: _Inflater | None = None
        if len(encodings) > 1 or (encodings and encodings[0] not in _Inflater.ENCODINGS):
            self._problem = BodyUndecodable(f"Content-Encoding {prefix(', '.join(encodings))} is not supported")
        elif encodings:
            self._inflater = _Inflater(encodings[0])

    def feed(self, chunk: bytes) -> bool:
        """Take the next raw chunk; False once there is no point reading on (over the cap, undecodable)."""
        if self._problem is not None:
            return False
        pieces = [chunk] if self._inflater is None else self._inflater.decode(chunk)
        return self._take(pieces)

    def finish(self) -> None:
        if self._inflater is not None and self._problem is None:
            self._take(self._inflater.flush())

    def _take(self, pieces: Iterator[bytes] | list[bytes]) -> bool:
        try:
            for piece in pieces:
                self._parts.append(piece)
                self._size += len(piece)
                if self._size > self._limit:
                    self._problem = BodyTooLarge(self._limit)
                    return False
        except zlib.error as error:
            self._problem = BodyUndecodable(f"the body does not decompress: {error}")
            return False
        return True

    def received(self, response: httpx.Response) -> Received:
        content = b"".join(self._parts)
        if isinstance(self._problem, BodyTooLarge):
            content = content[:KEPT_PREFIX_BYTES]
        return Received(response.request, response.status_code, response.headers, content, self._problem)


class _Inflater:
    """gzip or deflate undone with zlib, at most _PIECE bytes of output per step."""

    ENCODINGS = ("gzip", "x-gzip", "deflate")

    def __init__(self, encoding: str) -> None:
        self._raw_fallback = encoding == "deflate"  # servers send deflate both with and without zlib's header
        self._started = False
        self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16 if encoding != "deflate" else zlib.MAX_WBITS)

    def decode(self, data: bytes) -> Iterator[bytes]:
        try:
            yield from self._inflate(data)
        except zlib.error:
            if not self._raw_fallback or self._started:
                raise
            self._raw_fallback = False
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            yield from self._inflate(data)

    def _inflate(self, data: bytes) -> Iterator[bytes]:
        while data and not self._zlib.eof:
            piece = self._zlib.decompress(data, _PIECE)
            data = self._zlib.unconsumed_tail
            if piece:
                self._started = True
                yield piece

    def flush(self) -> Iterator[bytes]:
        yield self._zlib.flush()


# Sync calls: the deadline is enforced at every socket read, write and connect, so that a server dripping one
# byte at a time (headers or body) cannot hold a call past it. httpx has no hook for this; the network backend of
# its own transport's connection pool is wrapped, and where that is not possible (another transport, a later
# httpx) the deadline still holds between reads of the body and between attempts.


def deadline_transport(**kwargs: Any) -> httpx.HTTPTransport:
    """httpx's default transport (built with httpx_args' transport options), its sockets bound by the deadline."""
    transport = httpx.HTTPTransport(**kwargs)
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if isinstance(backend, httpcore.NetworkBackend):
        pool._network_backend = _DeadlineBackend(backend)  # type: ignore[union-attr]
    return transport


def _within_deadline(timeout: float | None, expired: Callable[[str], Exception]) -> float | None:
    at = _DEADLINE.get()
    if at is None:
        return timeout
    remaining = at - time.monotonic()
    if remaining <= 0:
        raise expired("the call's deadline passed")
    return remaining if timeout is None else min(timeout, remaining)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _within_deadline(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _within_deadline(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None) -> Any:
        timeout = _within_deadline(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        timeout = _within_deadline(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._backend.connect_tcp(host, port, timeout, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        timeout = _within_deadline(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._backend.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


__all__ = ["CALL_EXTENSION", "CallContext", "CallSettings", "Deadline", "Received"]
