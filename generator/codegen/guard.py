"""The escaping guard: spec text and code objects reach generated files only through an escaping filter.

openapi-python-client 0.29.1 wraps spec text in UntrustedString and code in PythonCode; printed bare they
become "<... object at 0x...>" in the output, and passed through a filter that does not escape they can
become code. While templates render, every way into text is watched: the environment's `finalize`, every
filter but the escaping ones, and str()/repr() of the wrapped classes.
"""

from __future__ import annotations

import contextlib
import functools
import traceback
from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import Environment, StrictUndefined, Undefined
from openapi_python_client.schema.untrusted_string import UntrustedString
from openapi_python_client.strings import PythonCode

_SAFE_RENDERED_TYPES = (str, int, float, bool)
_WRAPPED_TYPES = (UntrustedString, PythonCode)
# The filters that may take a wrapped value: the library's escaping filters, its identifier filters, which keep
# only identifier characters, and our Markdown escaping (generator/markdown.py, registered through `unwrapping`).
ESCAPING_FILTERS = frozenset(
    {
        "in_double_quote_literal",
        "in_f_string_literal",
        "safe_for_docstring",
        "as_unembedded_code",
        "md_cell",
        "md_link_text",
        "md_code_cell",
        "snakecase",
        "kebabcase",
        "pascalcase",
    }
)
ESCAPE_HINT = (
    "escape it first: | safe_for_docstring, | in_double_quote_literal, | in_f_string_literal or | as_unembedded_code"
)


class FalseWhenUndefined(Undefined):
    """Jinja's StrictUndefined but for the truth test: a misspelt variable, rendered, filtered, iterated or
    compared, stops generation at its template line instead of rendering as an empty string, while the
    library's own templates may still test an attribute that does not exist (`{% if model.title %}`)."""

    __slots__ = ()
    __iter__ = __str__ = __len__ = __contains__ = StrictUndefined.__iter__
    __eq__ = __ne__ = StrictUndefined.__eq__
    __hash__ = StrictUndefined.__hash__


class UnescapedValue(Exception):
    """A template put spec text or a code object into its output without an escaping filter."""


def guard_environment(env: Environment) -> None:
    """Make `env` refuse undefined names, and wrapped values everywhere but in the escaping filters (call after
    adding filters)."""
    env.undefined = FalseWhenUndefined
    env.finalize = refuse_unescaped
    env.filters.update(
        {
            name: function if name in ESCAPING_FILTERS else refusing_wrapped_values(name, function)
            for name, function in env.filters.items()
        }
    )


def unwrapping(function: Callable[[str], str]) -> Callable[[object], str]:
    """An escaping filter on plain text made to take spec text as the library wraps it."""

    @functools.wraps(function)
    def escape(value: object) -> str:
        return function(value.get_untrusted_value() if isinstance(value, UntrustedString) else str(value))

    return escape


def refuse_unescaped(value: object) -> object:
    """Jinja's `finalize`: only plain scalars may reach the page."""
    if isinstance(value, Undefined):
        value._fail_with_undefined_error()
    if value is None or isinstance(value, _SAFE_RENDERED_TYPES):
        return value
    raise UnescapedValue(f"template renders a {type(value).__name__} without an escaping filter")


def refusing_wrapped_values(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """`function`, a Jinja filter, refusing spec text and code objects: Jinja's own filters would turn them
    into "<...UntrustedString object at 0x...>" (`lower`, `replace`) or fail with a raw traceback
    (`wordwrap`). functools.wraps keeps Jinja's pass_context/pass_environment marks."""

    @functools.wraps(function)
    def checked(*args: Any, **kwargs: Any) -> Any:
        for value in (*args, *kwargs.values()):
            if isinstance(value, Undefined):
                value._fail_with_undefined_error()
            if isinstance(value, _WRAPPED_TYPES):
                raise UnescapedValue(
                    f"template passes a {type(value).__name__} to the filter '{name}' without an escaping filter"
                )
        return function(*args, **kwargs)

    return checked


@contextlib.contextmanager
def wrapped_values_refuse_text() -> Iterator[None]:
    """While templates render, str() and repr() of spec text or a code object raise: the ways into text that
    no filter sees (`~`, `%`, `.format()`, a list of them given to `join` or `python_literal`) would otherwise
    put "<...UntrustedString object at 0x...>" into the output. The library's classes get their methods back
    afterwards."""

    def refuse(self: object) -> str:
        raise UnescapedValue(f"template converts a {type(self).__name__} to text without an escaping filter")

    originals = [(cls, name, cls.__dict__.get(name)) for cls in _WRAPPED_TYPES for name in ("__str__", "__repr__")]
    for cls, name, _ in originals:
        setattr(cls, name, refuse)
    try:
        yield
    finally:
        for cls, name, original in originals:
            if original is None:
                delattr(cls, name)
            else:
                setattr(cls, name, original)


def template_location(err: BaseException) -> tuple[str | None, int | None]:
    """The innermost template frame; Jinja rewrites traceback frames to template files and lines."""
    for frame in reversed(traceback.extract_tb(err.__traceback__)):
        if frame.filename.endswith(".jinja"):
            return frame.filename, frame.lineno
    return None, None
