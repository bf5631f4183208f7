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

# Failures that happen before the request reaches the server, so sending it again cannot create
# a second resource. A read timeout is not one of them: the server may have acted on the request.
_UNSENT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


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
    """Retries for throttling (429), unavailability (503) and connections that never opened.

    The operation creates a resource, so other statuses and read timeouts are never retried.
    Waits grow exponentially from `initial_delay` (with jitter) and follow `Retry-After` when the
    server sends it; a wait longer than `max_delay` is not made, the error is raised instead.
    """

    max_attempts: int = 3
    initial_delay: float = 0.5
    max_delay: float = 30.0
    retry_statuses: frozenset[int] = frozenset({429, 503})
    retry_connect_errors: bool = True
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

    def delay_after(
        self, attempt: int, *, response: Answer | None = None, error: Exception | None = None
    ) -> float | None:
        """Seconds to wait before attempt `attempt + 1`, or None to stop and report this outcome."""
        if attempt >= self.max_attempts:
            return None
        if response is not None:
            # With envelope=true a 429 or 503 arrives inside an HTTP 200.
            status = status_of(response.status_code, response.request, response.content)
            if status not in self.retry_statuses:
                return None
            reason = f"status {status}"
            request = response.request
            delay = retry_after_seconds(response.headers)
        elif isinstance(error, _UNSENT_ERRORS) and self.retry_connect_errors:
            reason = type(error).__name__
            request = error.request
            delay = None
        else:
            return None
        if delay is None:
            delay = self._backoff(attempt)
        if delay > self.max_delay:
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

    def _backoff(self, attempt: int) -> float:
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
