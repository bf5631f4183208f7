"""Types shared by the models and the operation functions."""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import TYPE_CHECKING, Generic, Literal, TypeVar, cast

from attrs import define

if TYPE_CHECKING:
    from .errors import AtlasApiError


class Unset:
    """The type of UNSET, "not given": there is one instance, and copy, deepcopy and pickle keep it the one."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __reduce__(self) -> str:
        # The name of the module global: copy and deepcopy return UNSET itself, and unpickling finds it by name.
        return "UNSET"


UNSET: Unset = Unset()

T = TypeVar("T")


@define
class Response(Generic[T]):
    """What the server answered: the raw parts, and either the parsed value or the typed error.

    With `envelope=True`, `status_code` is the status Atlas reported inside the envelope. `reconciled` is True
    when the outcome was settled by asking Atlas after an ambiguous failure rather than by the answer to the
    request itself: a create that a read-back found done (its `parsed` is what the read-back found), or a
    DELETE sent again that found the resource already gone (404).
    """

    status_code: HTTPStatus | int
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None
    error: "AtlasApiError | None" = None
    reconciled: bool = False

    @property
    def rate_limit_limit(self) -> int | None:
        """RateLimit-Limit: Upper bound on the number of requests the caller may send during the current
        rate-limit window."""
        return _int_header(self.headers, "RateLimit-Limit")

    @property
    def rate_limit_remaining(self) -> int | None:
        """RateLimit-Remaining: How many more requests the caller may send before the current rate-limit window
        is used up."""
        return _int_header(self.headers, "RateLimit-Remaining")

    def unwrap(self) -> T:
        """The parsed value (None for a success without a body: x-codegen-empty-success); raises the typed error
        when the server answered with one."""
        if self.error is not None:
            raise self.error
        # Without an error, parsed is None only for an operation whose success has no body, where T is None.
        return cast(T, self.parsed)


def _int_header(headers: Mapping[str, str], name: str) -> int | None:
    value = headers.get(name)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


__all__ = ["UNSET", "Response", "Unset"]
