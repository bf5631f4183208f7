"""The client that every operation function takes."""

import os
import sys
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Self

import httpx

from ._auth import DigestAuth, ServiceAccountAuth
from ._call import Call
from ._retry import RetryPolicy
from ._transport import CallSettings, case_merged, deadline_transport
from .errors import MissingCredentialsError, Problem, RequestValidationError
from .types import UNSET, Unset

__version__ = "0.1.0"

DEFAULT_BASE_URL = "https://cloud.mongodb.com"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
# The longest an operation function may take in all, its retries and their waits included.
DEFAULT_DEADLINE = 300.0
# Far above any real Atlas answer (a page of 500 items is a few MiB), far below what would hurt a machine.
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
USER_AGENT = f"atlas-streams-client/{__version__} python/{'.'.join(map(str, sys.version_info[:3]))}"
# Only the encodings that the client decompresses itself, under the size cap.
ACCEPT_ENCODING = "gzip, deflate"

# Environment variables, named as the Atlas CLI and the Atlas Go SDK name them.
ENV_CLIENT_ID = "MONGODB_ATLAS_CLIENT_ID"
ENV_CLIENT_SECRET = "MONGODB_ATLAS_CLIENT_SECRET"
ENV_PUBLIC_KEY = "MONGODB_ATLAS_PUBLIC_API_KEY"
ENV_PRIVATE_KEY = "MONGODB_ATLAS_PRIVATE_API_KEY"
ENV_BASE_URL = "MONGODB_ATLAS_OPS_MANAGER_URL"

# The options of httpx_args that configure httpx's transport, which the client builds itself.
_TRANSPORT_OPTIONS = ("verify", "cert", "trust_env", "http1", "http2", "limits")


class Client:
    """Connection settings for the Atlas Administration API, shared by every operation.

    Args:
        base_url: Where Atlas is; requests go to paths below it.
        auth: `ServiceAccountAuth`, `DigestAuth` or any `httpx.Auth`.
        timeout: Seconds, or an `httpx.Timeout`, for each connect, read, write and pool wait; by default 10 s
            to connect and 60 s for the others. None waits without limit.
        retries: A `RetryPolicy`, a maximum number of attempts, or None for the default policy.
        headers: Extra headers for every request; they override the operation's own (such as Accept) and ours
            (User-Agent, Accept-Encoding), names matched without regard to case. `client.headers` (a dict)
            holds them all; each call takes a snapshot of it.
        deadline: Seconds that one call of an operation function may take in all, retries and their waits
            included (DEFAULT_DEADLINE, 300); None for no deadline.
        max_response_bytes: The largest response body read, counted after decompression (64 MiB); a larger
            one is errors.ResponseTooLargeError and its connection is closed.
        validate_requests: Check parameters and bodies against the spec before sending (True); False sends
            them as given.
        httpx_args: Extra keyword arguments for `httpx.Client` / `httpx.AsyncClient`.

    Every operation function also takes `timeout=`, `headers=`, `retries=`, `validate=` and `deadline=`, which
    override these for that call. Use the client as a context manager (`with` or `async with`) to close its
    connections when done.
    """

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        auth: httpx.Auth | None = None,
        timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
        retries: RetryPolicy | int | None = None,
        headers: Mapping[str, str] | None = None,
        deadline: float | None = DEFAULT_DEADLINE,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        validate_requests: bool = True,
        httpx_args: Mapping[str, Any] | None = None,
    ) -> None:
        self.base_url = base_url
        self.auth = auth
        self.timeout = _timeout(timeout)
        self.retries = RetryPolicy.coerce(retries)
        self.headers = case_merged(
            [("User-Agent", USER_AGENT), ("Accept-Encoding", ACCEPT_ENCODING), *(headers or {}).items()]
        )
        try:  # now, rather than at the first call, which would meet it building its httpx client
            httpx.Headers(self.headers)
        except UnicodeEncodeError as error:
            raise RequestValidationError([Problem("headers", f"a header HTTP cannot carry: {error}")]) from None
        self.deadline = deadline
        self.max_response_bytes = max_response_bytes
        self.validate_requests = validate_requests
        self.httpx_args = dict(httpx_args or {})
        self._client: httpx.Client | None = None
        self._async_client: httpx.AsyncClient | None = None

    @classmethod
    def from_env(cls, base_url: str | None = None, **kwargs: Any) -> Self:
        """A client authenticated from the environment: a service account
        (MONGODB_ATLAS_CLIENT_ID, MONGODB_ATLAS_CLIENT_SECRET) or an API key pair
        (MONGODB_ATLAS_PUBLIC_API_KEY, MONGODB_ATLAS_PRIVATE_API_KEY). Exactly one of them must be set, or
        errors.MissingCredentialsError says what is wrong. Without `base_url` it talks to
        MONGODB_ATLAS_OPS_MANAGER_URL when that is set, as the Atlas CLI does, and to DEFAULT_BASE_URL
        otherwise."""
        return cls(base_url or base_url_from_env(os.environ), auth=auth_from_env(os.environ), **kwargs)

    def __repr__(self) -> str:
        return f"Client(base_url={self.base_url!r}, auth={self.auth!r})"

    def call(
        self,
        *,
        timeout: httpx.Timeout | float | None | Unset = UNSET,
        headers: Mapping[str, str] | None | Unset = UNSET,
        retries: RetryPolicy | int | None | Unset = UNSET,
        validate: bool | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
    ) -> Call:
        """One call's settings: the client's, with those given here instead. Operation functions start with it;
        its deadline starts now."""
        # A snapshot: a change to client.headers after this call began does not reach it. The layers keep their
        # order, and the request's headers are merged from it without regard to case (_transport.case_merged).
        merged = dict(self.headers) if isinstance(headers, Unset) or headers is None else {**self.headers, **headers}
        settings = CallSettings(
            timeout=self.timeout if isinstance(timeout, Unset) else _timeout(timeout),
            retries=self.retries if isinstance(retries, Unset) else RetryPolicy.coerce(retries),
            headers=merged,
            validate=self.validate_requests if isinstance(validate, Unset) else validate,
            deadline=self.deadline if isinstance(deadline, Unset) else deadline,
            max_response_bytes=self.max_response_bytes,
        )
        return Call(self, settings)

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
            kwargs = self._httpx_kwargs()
            if "transport" not in kwargs:
                kwargs["transport"] = deadline_transport(
                    **{key: kwargs[key] for key in _TRANSPORT_OPTIONS if key in kwargs}
                )
            self._client = httpx.Client(**kwargs)
        return self._client

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(**self._httpx_kwargs())
        return self._async_client

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


def _timeout(timeout: httpx.Timeout | float | None) -> httpx.Timeout:
    return timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)


def base_url_from_env(environ: Mapping[str, str]) -> str:
    """MONGODB_ATLAS_OPS_MANAGER_URL when it is set, as the Atlas CLI reads it; DEFAULT_BASE_URL otherwise."""
    return environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL


def auth_from_env(environ: Mapping[str, str]) -> httpx.Auth:
    """The one credential set present in `environ`; MissingCredentialsError naming the variables otherwise."""
    pairs = {
        "a service account": (ENV_CLIENT_ID, ENV_CLIENT_SECRET),
        "an API key": (ENV_PUBLIC_KEY, ENV_PRIVATE_KEY),
    }
    present = {kind: names for kind, names in pairs.items() if any(environ.get(name) for name in names)}
    for names in present.values():
        missing = [name for name in names if not environ.get(name)]
        if missing:
            raise MissingCredentialsError(
                f"{' and '.join(names)} must be set together; {', '.join(missing)} is not set"
            )
    if not present:
        raise MissingCredentialsError(
            f"no Atlas credentials in the environment: set {ENV_CLIENT_ID} and {ENV_CLIENT_SECRET} (service account) "
            f"or {ENV_PUBLIC_KEY} and {ENV_PRIVATE_KEY} (API key)"
        )
    if len(present) > 1:
        raise MissingCredentialsError(
            f"both a service account ({ENV_CLIENT_ID}) and an API key ({ENV_PUBLIC_KEY}) are set in the environment; "
            "unset one of them"
        )
    if "a service account" in present:
        return ServiceAccountAuth(environ[ENV_CLIENT_ID], environ[ENV_CLIENT_SECRET])
    return DigestAuth(environ[ENV_PUBLIC_KEY], environ[ENV_PRIVATE_KEY])
