"""A create that is safe to send again: after an ambiguous failure, Atlas is asked what happened.

Atlas has no idempotency keys, so a create that fails after it may have reached Atlas (a 5xx, or a read timeout
or reset once the request was sent) is not sent again blindly: one call could create two resources. The
operation's read-back (`x-codegen-read-back` in the spec: a GET of the resource by the name the create sent)
decides instead, within the call's deadline:

- found, with the fields of `match` as the create sent them: the create succeeded; its Response holds what the
  GET found, with `reconciled` True;
- found, with a field of `match` that differs: ConflictError, saying what differs;
- not found (404): the create is sent again under the RetryPolicy (its attempts and backoff);
- the read-back fails in any other way: the create's own error stands.

Reading back is how a create is retried, so a policy of one attempt (`retries=1`) turns it off like any retry.

A 409 to a create sent again after an ambiguous failure is read back the same way: the first attempt may have
created it after all. A field of `match` that the create did not send is not compared (Atlas chose it).
"""

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, Generic, TypeVar

from ._call import Call
from ._retry import maybe_acted
from .errors import AtlasConnectionError, ConflictError
from .types import Response

T = TypeVar("T")
# The read-back: the GET, given the create's JSON body and the seconds left of the call's deadline (None: none).
ReadBack = Callable[[Any, float | None], Response[Any]]
AsyncReadBack = Callable[[Any, float | None], Awaitable[Response[Any]]]


def send_reconciled(
    call: Call,
    kwargs: Mapping[str, Any],
    *,
    parse: Callable[[Any], T],
    envelope: bool,
    read_back: ReadBack,
    match: Sequence[str],
) -> Response[T]:
    """`call.send(kwargs, ...)`, with an ambiguous failure settled by `read_back` as the module says."""
    walk = _Settling[T](call, kwargs, match)
    while True:
        try:
            outcome: Response[T] | AtlasConnectionError = call.send(kwargs, parse=parse, envelope=envelope)
        except AtlasConnectionError as error:
            outcome = error
        if not walk.ambiguous(outcome):
            return walk.settled(outcome)
        try:
            found = read_back(kwargs.get("json"), call.context.deadline.remaining())
        except Exception:  # any failure of the read-back leaves the create's own outcome
            return walk.settled(outcome)
        decided, delay = walk.decide(outcome, found)
        if decided is not None:
            return decided
        call.settings.retries.sleep(delay)


async def send_reconciled_async(
    call: Call,
    kwargs: Mapping[str, Any],
    *,
    parse: Callable[[Any], T],
    envelope: bool,
    read_back: AsyncReadBack,
    match: Sequence[str],
) -> Response[T]:
    """`send_reconciled`, without blocking the event loop."""
    walk = _Settling[T](call, kwargs, match)
    while True:
        try:
            outcome: Response[T] | AtlasConnectionError = await call.send_async(kwargs, parse=parse, envelope=envelope)
        except AtlasConnectionError as error:
            outcome = error
        if not walk.ambiguous(outcome):
            return walk.settled(outcome)
        try:
            found = await read_back(kwargs.get("json"), call.context.deadline.remaining())
        except Exception:  # any failure of the read-back (its deadline: AtlasTimeoutError) leaves the create's own
            return walk.settled(outcome)
        decided, delay = walk.decide(outcome, found)
        if decided is not None:
            return decided
        await call.settings.retries.async_sleep(delay)


class _Settling(Generic[T]):
    """Where one create is: how many times it was sent, and whether one of them may have reached Atlas."""

    def __init__(self, call: Call, kwargs: Mapping[str, Any], match: Sequence[str]) -> None:
        self._call = call
        self._kwargs = kwargs
        self._sent = kwargs.get("json")
        self._match = match
        self._attempt = 1
        self._resent = False  # sent again after a read-back found nothing

    def ambiguous(self, outcome: Response[Any] | AtlasConnectionError) -> bool:
        """Whether Atlas may have created the resource although the answer does not say so, and the policy
        allows more than one attempt (with `retries=1`, the caller settles an ambiguous failure)."""
        if self._call.settings.retries.max_attempts <= 1:
            return False
        if isinstance(outcome, AtlasConnectionError):
            return maybe_acted(outcome.__cause__)
        if outcome.error is None:
            return False
        status = outcome.status_code
        return status >= 500 or (status == 409 and self._resent)

    @staticmethod
    def settled(outcome: Response[T] | AtlasConnectionError) -> Response[T]:
        if isinstance(outcome, AtlasConnectionError):
            raise outcome
        return outcome

    def decide(
        self, outcome: Response[T] | AtlasConnectionError, found: Response[Any]
    ) -> tuple[Response[T] | None, float]:
        """What the read-back's answer settles: the Response to return (None, with the wait, to send the create
        again)."""
        if found.error is None and found.parsed is not None:
            differences = self._differences(found.parsed.to_dict())
            if not differences:
                return Response(
                    status_code=found.status_code,
                    content=found.content,
                    headers=found.headers,
                    parsed=found.parsed,
                    reconciled=True,
                ), 0.0
            return self._conflict(found, differences), 0.0
        gone = found.status_code == 404
        delay = self._call.settings.retries.backoff(self._attempt)
        retries, deadline = self._call.settings.retries, self._call.context.deadline
        if not gone or self._attempt >= retries.max_attempts or not deadline.allows(delay):
            return self.settled(outcome), 0.0
        self._attempt += 1
        self._resent = True
        return None, delay

    def _differences(self, found: Any) -> list[str]:
        differences = []
        for pointer in self._match:
            try:
                asked = value_at(self._sent, pointer)
            except LookupError:
                continue
            try:
                got = value_at(found, pointer)
            except LookupError:
                got = None
            if got != asked:
                differences.append(f"{pointer} is {got!r}, not {asked!r}")
        return differences

    def _conflict(self, found: Response[Any], differences: list[str]) -> Response[Any]:
        detail = "the create's outcome was unclear and what Atlas holds under its name differs: " + "; ".join(
            differences
        )
        request = self._call.build(self._kwargs)  # the create's, which the error names
        error = ConflictError(
            409, headers=found.headers, content=found.content, payload={"detail": detail}, request=request
        )
        return Response(status_code=409, content=found.content, headers=found.headers, parsed=None, error=error)


def value_at(document: Any, pointer: str) -> Any:
    """The value at a JSON pointer (RFC 6901) of `document`; LookupError when there is none."""
    node = document
    for token in pointer.split("/")[1:]:
        key = token.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or key not in node:
            raise LookupError(pointer)
        node = node[key]
    return node
