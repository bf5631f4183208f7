"""Errors raised by the operation functions."""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from ._retry import retry_after_seconds
from .models.api_error import ApiError
from .models.bad_request_detail import BadRequestDetail
from .types import Unset


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

    The fields of Atlas's error body are attributes (None when the body did not carry them), and
    the raw response stays available as `headers`, `content` and `text`.
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
        self.error_code: str | None = None
        self.detail: str | None = None
        self.reason: str | None = None
        self.parameters: list[Any] | None = None
        self.bad_request_detail: BadRequestDetail | None = None
        self.api_error: ApiError | None = _as_api_error(payload)
        if self.api_error is not None:
            self.error_code = self.api_error.error_code
            self.detail = _optional(self.api_error.detail)
            self.reason = _optional(self.api_error.reason)
            self.parameters = _optional(self.api_error.parameters)
            self.bad_request_detail = _optional(self.api_error.bad_request_detail)
        super().__init__(self._message())

    def _message(self) -> str:
        if self.api_error is not None:
            parts = [str(self.status_code), self.error_code, self.reason, self.detail]
            return ": ".join(part for part in parts if part)
        snippet = " ".join(self.text.split())[:200]
        return f"{self.status_code}: {snippet}" if snippet else f"{self.status_code}: (empty body)"

    @staticmethod
    def for_status(
        status_code: int, *, headers: Mapping[str, str] | None = None, content: bytes = b"", payload: Any = None
    ) -> "AtlasApiError":
        """The error of the class that `status_code` belongs to."""
        return _class_for(status_code)(status_code, headers=headers, content=content, payload=payload)


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
            response.status_code, headers=response.headers, content=response.content, payload=_json(response.content)
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


def _json(content: bytes) -> Any:
    try:
        return json.loads(content)
    except ValueError:
        return None


def _as_api_error(payload: Any) -> ApiError | None:
    """Atlas's error body, or None when the payload is not one (HTML, empty, another shape)."""
    if not isinstance(payload, dict) or "errorCode" not in payload:
        return None
    try:
        return ApiError.from_dict(payload)
    except (KeyError, TypeError, ValueError):
        return None


def _optional(value: Any) -> Any:
    return None if isinstance(value, Unset) else value


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
    "ServerError",
    "UnauthorizedError",
]
