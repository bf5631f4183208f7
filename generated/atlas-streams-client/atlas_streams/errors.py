"""Errors raised by the operation functions and the client: one tree, rooted at AtlasStreamsError.

AtlasStreamsError
├── AtlasApiError              Atlas answered, but not with the operation's model
│   ├── BadRequestError        400
│   ├── UnauthorizedError      401
│   ├── ForbiddenError         403
│   ├── NotFoundError          404
│   ├── ConflictError          409
│   ├── RateLimitedError       429
│   ├── ServerError            5xx
│   ├── ResponseParseError     a success status whose body is not the model
│   ├── ResponseTooLargeError  a body over Client(max_response_bytes=...)
│   └── AuthenticationError    the token endpoint refused the service account
├── AtlasConnectionError       no answer: the connection failed (httpx's error is __cause__)
│   └── AtlasTimeoutError      a timeout, or the call's deadline passed
├── RequestValidationError     the request breaks the spec; nothing was sent (also a ValueError)
│   └── InvalidParameterError  a parameter breaks its schema
├── PaginationError            a list's pages repeat themselves (sync_all, asyncio_all)
└── MissingCredentialsError    no usable credentials in the environment (also a ValueError)
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx

from ._json import json_or_none
from ._retry import retry_after_seconds
from ._text import prefix, printable
from .models.api_error import ApiError
from .models.bad_request_detail import BadRequestDetail

T = TypeVar("T")

# What a model's from_dict may raise on JSON of another shape; RecursionError for JSON nested too deep.
PARSE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, RecursionError)


class AtlasStreamsError(Exception):
    """The root of every error this package raises: `except AtlasStreamsError` catches them all."""


@dataclass(frozen=True)
class Problem:
    """One broken rule: where (a parameter name, or a JSON path such as `$.streamConfig.tier`) and what."""

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class RequestValidationError(AtlasStreamsError, ValueError):
    """The request breaks the spec's constraints, or cannot be sent as JSON; nothing was sent. `problems` names
    each parameter or JSON path."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("invalid request: " + "; ".join(map(str, problems)))


class InvalidParameterError(RequestValidationError):
    """A parameter breaks its schema (such as groupId's pattern); nothing was sent."""

    def __init__(self, problem: Problem) -> None:
        super().__init__([problem])
        self.problem = problem
        self.args = (str(problem),)


class MissingCredentialsError(AtlasStreamsError, ValueError):
    """`Client.from_env()` found no usable set of credentials in the environment (none, both, or half a pair)."""


class AtlasConnectionError(AtlasStreamsError):
    """No answer from Atlas, after the retries: the connection failed or was cut. httpx's error is `__cause__`;
    `method` and `url` say which request (never its credentials)."""

    def __init__(self, message: str, *, method: str = "", url: str = "") -> None:
        self.method = method
        self.url = url
        super().__init__(f"{message} ({method} {url})" if method else message)


class AtlasTimeoutError(AtlasConnectionError):
    """A connect, read, write or pool timeout, or the call's deadline (`Client(deadline=...)`) passed."""


class PaginationError(AtlasStreamsError):
    """A walk over the pages of a list (`sync_all`, `asyncio_all`) found the server repeating itself: a page
    with the same items as an earlier one, or a `next` link that does not lead forward. The walk ends rather
    than loop; the items before `page_num` were all yielded, those after it never came."""

    def __init__(self, message: str, *, page_num: int) -> None:
        self.page_num = page_num
        super().__init__(message)


class AtlasApiError(AtlasStreamsError):
    """Atlas answered with an error status (or wrapped one in an envelope).

    The fields of Atlas's error body are attributes, each read on its own: one that is absent or of
    the wrong type is None and the others are still read (real Atlas sends `parameters` as strings,
    where the spec says objects). `api_error` is the whole body as the spec's model, when it fits it.
    The raw response stays available as `headers`, `content` and `text`; `method` and `url` say which
    request it answered. The message quotes only the start of a body, with control characters escaped.
    """

    def __init__(
        self,
        status_code: int,
        *,
        headers: Mapping[str, str] | None = None,
        content: bytes = b"",
        payload: Any = None,
        request: httpx.Request | None = None,
    ) -> None:
        self.status_code = status_code
        self.headers = httpx.Headers(headers or {})
        self.content = content
        self.text = content.decode("utf-8", errors="replace")
        self.method, self.url = request_line(request)
        body: Mapping[str, Any] = payload if isinstance(payload, dict) else {}
        self.error_code: str | None = _of_type(body.get("errorCode"), str)
        self.detail: str | None = _of_type(body.get("detail"), str)
        self.reason: str | None = _of_type(body.get("reason"), str)
        self.parameters: list[Any] | None = _of_type(body.get("parameters"), list)
        self.bad_request_detail: BadRequestDetail | None = _parsed(
            BadRequestDetail.from_dict, body.get("badRequestDetail")
        )
        self.api_error: ApiError | None = _parsed(ApiError.from_dict, payload)
        super().__init__(self._with_request(self._message()))

    def _message(self) -> str:
        parts = [self.error_code, self.reason, self.detail]
        if any(parts):
            return ": ".join([str(self.status_code), *(prefix(part) for part in parts if part)])
        snippet = prefix(self.text)
        return f"{self.status_code}: {snippet}" if snippet else f"{self.status_code}: (empty body)"

    def _with_request(self, message: str) -> str:
        return f"{message} ({self.method} {self.url})" if self.method else message

    @staticmethod
    def for_status(
        status_code: int,
        *,
        headers: Mapping[str, str] | None = None,
        content: bytes = b"",
        payload: Any = None,
        request: httpx.Request | None = None,
    ) -> "AtlasApiError":
        """The error of the class that `status_code` belongs to."""
        return _class_for(status_code)(status_code, headers=headers, content=content, payload=payload, request=request)


class ResponseParseError(AtlasApiError):
    """A success status whose body this client cannot read as the operation's model: not JSON, JSON of
    another shape (a required field missing, a known field of the wrong JSON type: `problems` names each
    JSON path), or a body that could not be decoded. The status says the request succeeded (a workspace may
    have been created); `cause` is what parsing raised, and the raw body is in `content` and `text`.

    It is an AtlasApiError, so `except AtlasApiError` and `Response.error` cover every answer that did
    not become the model. The attributes of Atlas's error body are None.
    """

    def __init__(
        self,
        status_code: int,
        *,
        headers: Mapping[str, str] | None = None,
        content: bytes = b"",
        cause: Exception,
        request: httpx.Request | None = None,
    ) -> None:
        self.cause = cause
        self.problems: list[Problem] = list(getattr(cause, "problems", []))
        super().__init__(status_code, headers=headers, content=content, request=request)
        self.__cause__ = cause

    def _message(self) -> str:
        return f"{self.status_code}: unreadable response body ({type(self.cause).__name__}: {prefix(str(self.cause))})"


class ResponseTooLargeError(AtlasApiError):
    """The response body went over the client's `max_response_bytes` (counted after decompression); the client
    stopped reading and closed the connection. `content` holds the start of the body, `limit` the cap."""

    def __init__(
        self,
        status_code: int,
        *,
        limit: int,
        headers: Mapping[str, str] | None = None,
        content: bytes = b"",
        request: httpx.Request | None = None,
    ) -> None:
        self.limit = limit
        super().__init__(status_code, headers=headers, content=content, request=request)

    def _message(self) -> str:
        return f"{self.status_code}: response body larger than max_response_bytes={self.limit}; not read"


class BadRequestError(AtlasApiError):
    """400: the request was malformed or broke a rule; see `bad_request_detail`."""


class UnauthorizedError(AtlasApiError):
    """401: the credentials were missing, wrong or expired."""


class ForbiddenError(AtlasApiError):
    """403: the credentials lack a role the operation requires."""


class NotFoundError(AtlasApiError):
    """404: the project (or another named resource) does not exist or is not visible."""


class ConflictError(AtlasApiError):
    """409: the request conflicts with the current state, such as a name already in use."""


class RateLimitedError(AtlasApiError):
    """429: too many requests; `retry_after` is how many seconds Atlas asked to wait, if it said."""

    @property
    def retry_after(self) -> float | None:
        return retry_after_seconds(self.headers)


class ServerError(AtlasApiError):
    """5xx: Atlas (or a proxy in front of it) failed."""


class AuthenticationError(AtlasApiError):
    """The token endpoint refused the service account (or answered without a usable token); `client_id` says
    which credentials were used. Its body is kept only when it is an error answer: a 200 whose token is unusable
    is not repeated here. (A token endpoint that is rate limited or failing raises RateLimitedError or
    ServerError instead, after the client's retries.)"""

    client_id: str = ""

    @classmethod
    def from_token_response(
        cls, status_code: int, headers: Mapping[str, str], content: bytes, client_id: str, why: str = ""
    ) -> "AuthenticationError":
        kept = b"" if 200 <= status_code < 300 else content
        error = cls(status_code, headers=headers, content=kept, payload=json_or_none(kept))
        error.client_id = client_id
        what = why or error._message()
        error.args = (f"service account token request for client id {printable(client_id)!r} failed: {what}",)
        return error


def token_endpoint_error(
    status_code: int, headers: Mapping[str, str], content: bytes, client_id: str, why: str = ""
) -> AtlasApiError:
    """The error for a token endpoint's final answer without a usable token, by class: rate limited (429) and
    server errors (5xx) as such, so that they are not taken for refused credentials; anything else (the
    credentials refused, a 200 without a usable token: `why`) is AuthenticationError."""
    if status_code == 429 or status_code >= 500:
        error = AtlasApiError.for_status(status_code, headers=headers, content=content, payload=json_or_none(content))
        error.args = (f"service account token request failed: {error.args[0]}",)
        return error
    return AuthenticationError.from_token_response(status_code, headers, content, client_id, why)


def request_line(request: httpx.Request | None) -> tuple[str, str]:
    """(method, URL) of `request` for messages: the URL without user information, so never a credential."""
    if request is None:
        return "", ""
    return request.method, str(request.url.copy_with(username=None, password=None))


_BY_STATUS: dict[int, type[AtlasApiError]] = {
    400: BadRequestError,
    401: UnauthorizedError,
    403: ForbiddenError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitedError,
}


def _class_for(status_code: int) -> type[AtlasApiError]:
    if status_code >= 500:
        return ServerError
    return _BY_STATUS.get(status_code, AtlasApiError)


def _of_type(value: Any, kind: type[T]) -> T | None:
    return value if isinstance(value, kind) else None


def _parsed(from_dict: Callable[[dict[str, Any]], T], value: Any) -> T | None:
    """`value` parsed by a model's `from_dict`, or None when it does not fit (not an object, a required
    field missing, a list where an object belongs)."""
    if not isinstance(value, dict):
        return None
    try:
        return from_dict(value)
    except PARSE_ERRORS:
        return None


__all__ = [
    "AtlasApiError",
    "AtlasConnectionError",
    "AtlasStreamsError",
    "AtlasTimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "ForbiddenError",
    "InvalidParameterError",
    "MissingCredentialsError",
    "NotFoundError",
    "PaginationError",
    "Problem",
    "RateLimitedError",
    "RequestValidationError",
    "ResponseParseError",
    "ResponseTooLargeError",
    "ServerError",
    "UnauthorizedError",
]
