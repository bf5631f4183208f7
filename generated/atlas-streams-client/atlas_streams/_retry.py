"""When to send a request again, and how long to wait first."""

import asyncio
import email.utils
import logging
import math
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

import httpx

from ._envelope import status_of

logger = logging.getLogger("atlas_streams")

# Methods that HTTP defines as idempotent: sending one twice has the effect of sending it once, so a request
# that the server may have acted on can be sent again.
IDEMPOTENT_METHODS = frozenset({"DELETE", "GET", "HEAD", "OPTIONS", "PUT"})
# Failures before the request reached the server: sending it again cannot act twice, whatever the method.
UNSENT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Failures after the request may have reached the server (it may have acted on it): a read or write timeout,
# a connection reset or closed mid-exchange, an answer that breaks HTTP (UNSENT_ERRORS aside: ConnectError is a
# NetworkError too).
AMBIGUOUS_ERRORS = (httpx.ReadTimeout, httpx.WriteTimeout, httpx.NetworkError, httpx.RemoteProtocolError)


def maybe_acted(error: BaseException | None) -> bool:
    """Whether a request that failed with `error` may have been acted on by the server."""
    return isinstance(error, AMBIGUOUS_ERRORS) and not isinstance(error, UNSENT_ERRORS)


class Answer(Protocol):
    """What the policy reads of an answer: an httpx.Response, or the client's own record of one."""

    @property
    def status_code(self) -> int: ...
    @property
    def headers(self) -> Mapping[str, str]: ...
    @property
    def request(self) -> httpx.Request: ...
    @property
    def content(self) -> bytes: ...


@dataclass(frozen=True)
class RetryPolicy:
    """Which failures are sent again, for which methods, and how long to wait first.

    Any method: `retry_statuses` (429: Atlas refused the request before acting on it) and, with
    `retry_connect_errors`, connections that never opened (UNSENT_ERRORS). Idempotent methods only (GET,
    DELETE; HEAD, OPTIONS and PUT): also `retry_idempotent_statuses` (500, 502, 503 and 504) and, with
    `retry_ambiguous_errors`, failures after the request may have reached Atlas (AMBIGUOUS_ERRORS: a read
    timeout, a reset). POST and PATCH are not sent again after those, since Atlas may have acted on them; a
    create with a read-back (x-codegen-read-back) asks Atlas what happened instead (_reconcile.py).

    Waits grow exponentially from `initial_delay` (with jitter) and follow `Retry-After` when the
    server sends it; a wait longer than `max_delay` is not made, the error is raised instead.
    """

    max_attempts: int = 3
    initial_delay: float = 0.5
    max_delay: float = 30.0
    retry_statuses: frozenset[int] = frozenset({429})
    retry_idempotent_statuses: frozenset[int] = frozenset({500, 502, 503, 504})
    retry_connect_errors: bool = True
    retry_ambiguous_errors: bool = True
    jitter: bool = True
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    async_sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep, repr=False)

    @classmethod
    def coerce(cls, value: "RetryPolicy | int | None") -> "RetryPolicy":
        if value is None:
            return cls()
        if isinstance(value, int):
            return cls(max_attempts=value)
        return value

    def retries_status(self, status: int, method: str) -> bool:
        return status in self.retry_statuses or (
            method.upper() in IDEMPOTENT_METHODS and status in self.retry_idempotent_statuses
        )

    def retries_error(self, error: Exception, method: str) -> bool:
        if isinstance(error, UNSENT_ERRORS):
            return self.retry_connect_errors
        return maybe_acted(error) and self.retry_ambiguous_errors and method.upper() in IDEMPOTENT_METHODS

    def delay_after(
        self,
        attempt: int,
        *,
        response: Answer | None = None,
        error: Exception | None = None,
        method: str | None = None,
    ) -> float | None:
        """Seconds to wait before attempt `attempt + 1`, or None to stop and report this outcome. `method`: the
        one whose rules apply, by default that of the request answered (a token request passes GET's: asking
        for a token twice is harmless)."""
        if response is not None:
            # With envelope=true a 429 or 503 arrives inside an HTTP 200.
            status = status_of(response.status_code, response.request, response.content)
            request = response.request
            if not self.retries_status(status, method or request.method):
                return None
            reason = f"status {status}"
            delay = retry_after_seconds(response.headers)
        elif isinstance(error, httpx.RequestError) and self.retries_error(error, method or error.request.method):
            reason = type(error).__name__
            request = error.request
            delay = None
        else:
            return None
        delay = self.backoff(attempt) if delay is None else delay
        if attempt >= self.max_attempts or delay > self.max_delay:
            return None
        logger.debug(
            "retrying %s %s after %s in %.2f s (attempt %d of %d)",
            request.method,
            request.url.copy_with(query=None),
            reason,
            delay,
            attempt + 1,
            self.max_attempts,
        )
        return delay

    def backoff(self, attempt: int) -> float:
        """The wait before attempt `attempt + 1` when the server says nothing of when to come back."""
        delay = min(self.max_delay, self.initial_delay * 2 ** (attempt - 1))
        # "Full jitter" spreads the retries of many clients throttled at the same moment.
        return random.uniform(0, delay) if self.jitter else delay


def retry_after_seconds(headers: Mapping[str, str]) -> float | None:
    """Retry-After as seconds: a number of seconds or an HTTP date; None when absent or unreadable. Whatever a
    server sends, the answer is None or a finite number of seconds, at least 0: a date past the calendar's end
    (OverflowError), NaN or an infinite number read as unreadable."""
    value = headers.get("Retry-After")
    if value is None:
        return None
    seconds: float | None
    try:
        seconds = float(value)
    except ValueError:
        seconds = _seconds_until(value)
    if seconds is None or not math.isfinite(seconds):
        return None
    return max(0.0, seconds)


def _seconds_until(http_date: str) -> float | None:
    try:
        when = email.utils.parsedate_to_datetime(http_date)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return (when - datetime.now(UTC)).total_seconds()
    except (TypeError, ValueError, OverflowError, IndexError):
        return None
