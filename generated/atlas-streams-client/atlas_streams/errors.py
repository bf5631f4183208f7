"""Errors raised by the operation functions."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx

from ._json import json_or_none
from ._retry import retry_after_seconds
from .models.api_error import ApiError
from .models.bad_request_detail import BadRequestDetail

T = TypeVar("T")


@dataclass(frozen=True)
class Problem:
    """One broken rule: where (a parameter name, or a JSON path such as `$.streamConfig.tier`) and what."""

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class InvalidParameterError(ValueError):
    """A parameter breaks its schema (such as groupId's pattern); nothing was sent."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


class RequestValidationError(ValueError):
    """The request body breaks the spec's constraints; nothing was sent. `problems` names each JSON path."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("invalid request body: " + "; ".join(map(str, problems)))


class AtlasApiError(Exception):
    """Atlas answered with an error status (or wrapped one in an envelope).

    The fields of Atlas's error body are attributes, each read on its own: one that is absent or of
    the wrong type is None and the others are still read (real Atlas sends `parameters` as strings,
    where the spec says objects). `api_error` is the whole body as the spec's model, when it fits it.
    The raw response stays available as `headers`, `content` and `text`.
    """

    def __init__(
        self,
        status_code: int,
        *,
        headers: Mapping[str, str] | None = None,
        content: bytes = b"",
        payload: Any = None,
    ) -> None:
        self.status_code = status_code
        self.headers = httpx.Headers(headers or {})
        self.content = content
        self.text = content.decode("utf-8", errors="replace")
        body: Mapping[str, Any] = payload if isinstance(payload, dict) else {}
        self.error_code: str | None = _of_type(body.get("errorCode"), str)
        self.detail: str | None = _of_type(body.get("detail"), str)
        self.reason: str | None = _of_type(body.get("reason"), str)
        self.parameters: list[Any] | None = _of_type(body.get("parameters"), list)
        self.bad_request_detail: BadRequestDetail | None = _parsed(
            BadRequestDetail.from_dict, body.get("badRequestDetail")
        )
        self.api_error: ApiError | None = _parsed(ApiError.from_dict, payload)
        super().__init__(self._message())

    def _message(self) -> str:
        parts = [self.error_code, self.reason, self.detail]
        if any(parts):
            return ": ".join([str(self.status_code), *(part for part in parts if part)])
        snippet = " ".join(self.text.split())[:200]
        return f"{self.status_code}: {snippet}" if snippet else f"{self.status_code}: (empty body)"

    @staticmethod
    def for_status(
        status_code: int, *, headers: Mapping[str, str] | None = None, content: bytes = b"", payload: Any = None
    ) -> "AtlasApiError":
        """The error of the class that `status_code` belongs to."""
        return _class_for(status_code)(status_code, headers=headers, content=content, payload=payload)


class ResponseParseError(AtlasApiError):
    """A success status whose body this client cannot read as the operation's model: not JSON, or JSON
    of another shape (such as a required field missing). The status says the request succeeded (a
    workspace may have been created); `cause` is what parsing raised, and the raw body is in
    `content` and `text`.

    It is an AtlasApiError, so `except AtlasApiError` and `Response.error` cover every answer that did
    not become the model. The attributes of Atlas's error body are None.
    """

    def __init__(
        self, status_code: int, *, headers: Mapping[str, str] | None = None, content: bytes = b"", cause: Exception
    ) -> None:
        self.cause = cause
        super().__init__(status_code, headers=headers, content=content)
        self.__cause__ = cause

    def _message(self) -> str:
        return f"{self.status_code}: unreadable response body ({type(self.cause).__name__}: {self.cause})"


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
    """The service account token request failed; `client_id` says which credentials were used."""

    client_id: str = ""

    @classmethod
    def from_token_response(cls, response: httpx.Response, client_id: str) -> "AuthenticationError":
        error = cls(
            response.status_code,
            headers=response.headers,
            content=response.content,
            payload=json_or_none(response.content),
        )
        error.client_id = client_id
        error.args = (f"service account token request for client id {client_id!r} failed: {error._message()}",)
        return error


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
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


__all__ = [
    "AtlasApiError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "ForbiddenError",
    "InvalidParameterError",
    "NotFoundError",
    "Problem",
    "RateLimitedError",
    "RequestValidationError",
    "ResponseParseError",
    "ServerError",
    "UnauthorizedError",
]
