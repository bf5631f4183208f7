from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any
from urllib.parse import quote

import httpx

from ..._pages import walk_pages, walk_pages_async
from ..._retry import RetryPolicy
from ..._validation import check_parameter, check_response_body
from ...client import Client
from ...models.paginated_api_streams_tenant_view import PaginatedApiStreamsTenantView
from ...models.streams_tenant import StreamsTenant
from ...types import UNSET, Response, Unset

# The success body's schema: its known fields must have their JSON types (_validation.check_response_body).
_RESPONSE_SCHEMA: dict[str, Any] = {"$ref": "#/components/schemas/PaginatedApiStreamsTenantView"}


def _get_kwargs(
    group_id: str,
    *,
    envelope: bool | Unset = UNSET,
    items_per_page: int | Unset = UNSET,
    page_num: int | Unset = UNSET,
    pretty: bool | Unset = UNSET,
    validate: bool = True,
) -> dict[str, Any]:
    if validate:
        check_parameter("groupId", group_id, {"pattern": "^([a-f0-9]{24})$", "type": "string"})

    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["envelope"] = envelope

    params["itemsPerPage"] = items_per_page

    params["pageNum"] = page_num

    params["pretty"] = pretty

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/atlas/v2/groups/{group_id}/streams".format(
            group_id=quote(str(group_id), safe=""),
        ),
    }
    if params:  # even empty, `params` makes httpx parse the URL again: a quarter of its request setup
        _kwargs["params"] = params

    headers["Accept"] = "application/vnd.atlas.2023-02-01+json, application/json;q=0.9"
    _kwargs["headers"] = headers
    return _kwargs


def _parse_success(data: Any) -> PaginatedApiStreamsTenantView:
    check_response_body(data, _RESPONSE_SCHEMA)
    response_200 = PaginatedApiStreamsTenantView.from_dict(data)

    return response_200


def dry_run(
    group_id: str,
    *,
    client: Client,
    envelope: bool | Unset = UNSET,
    items_per_page: int | Unset = UNSET,
    page_num: int | Unset = UNSET,
    pretty: bool | Unset = UNSET,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    headers: Mapping[str, str] | None | Unset = UNSET,
    retries: RetryPolicy | int | None | Unset = UNSET,
    validate: bool | Unset = UNSET,
    deadline: float | None | Unset = UNSET,
) -> httpx.Request:
    """The request that sync_detailed() would send with the same arguments, checked and built but not sent:
    method, URL, every header (the client's and the call's included) and the body's bytes. The client's auth
    adds credentials only to a request it sends, so none are in it.

    Raises:
        errors.RequestValidationError: If a parameter or the body breaks the spec.
    """

    call = client.call(
        timeout=timeout,
        headers=headers,
        retries=retries,
        validate=validate,
        deadline=deadline,
    )
    return call.build(
        _get_kwargs(
            group_id=group_id,
            envelope=envelope,
            items_per_page=items_per_page,
            page_num=page_num,
            pretty=pretty,
            validate=call.validate,
        )
    )


def sync_detailed(
    group_id: str,
    *,
    client: Client,
    envelope: bool | Unset = UNSET,
    items_per_page: int | Unset = UNSET,
    page_num: int | Unset = UNSET,
    pretty: bool | Unset = UNSET,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    headers: Mapping[str, str] | None | Unset = UNSET,
    retries: RetryPolicy | int | None | Unset = UNSET,
    validate: bool | Unset = UNSET,
    deadline: float | None | Unset = UNSET,
) -> Response[PaginatedApiStreamsTenantView]:
    """Return All Stream Workspaces in One Project

    Lists the stream workspaces that belong to the given project, one page at a time. Use `itemsPerPage`
    and `pageNum` to step through the pages.

    Args:
        group_id (str): 24-character hexadecimal ID of the project that holds the stream
            workspaces. The
            [/groups](https://mongodb.com/docs/atlas/reference/api-resources-spec/v2/#tag/Projects/operation/listProjects)
            endpoint lists every project your credentials can reach. Atlas treats "group" and
            "project" as the same thing, so the group ID is simply the project ID and never changes.
            Example: 32b6e34b3d91647abb20e7b8.
        envelope (bool | Unset): Set to true to have Atlas wrap the response in an `envelope` JSON
            object that also reports the HTTP status, which helps clients that cannot read status
            codes or response headers. List endpoints use their `results` object as the envelope.
        items_per_page (int | Unset): How many items one page of results holds at most.
        page_num (int | Unset): Which page of results to return, counting from 1.
        pretty (bool | Unset): Set to true to receive an indented, human-readable (pretty-printed)
            response body.
        timeout, headers, retries, validate, deadline: This call's own settings, overriding the
            client's (see Client); headers also override the operation's own, such as Accept.

    Raises:
        errors.RequestValidationError: If a parameter or the body breaks the spec, or the body cannot be
            sent as JSON; nothing is sent.
        errors.AtlasConnectionError: If no answer came, after the retries (errors.AtlasTimeoutError: a
            timeout, or the call's deadline passed).
        errors.AuthenticationError: If the token endpoint refused the service account.

    Returns:
        Response[PaginatedApiStreamsTenantView]: status, headers, raw content, and either
        `parsed` or `error` (an errors.AtlasApiError); neither HTTP error statuses nor a success body
        that does not parse (errors.ResponseParseError) or is too large (errors.ResponseTooLargeError)
        raise here.
    """

    call = client.call(
        timeout=timeout,
        headers=headers,
        retries=retries,
        validate=validate,
        deadline=deadline,
    )
    kwargs = _get_kwargs(
        group_id=group_id,
        envelope=envelope,
        items_per_page=items_per_page,
        page_num=page_num,
        pretty=pretty,
        validate=call.validate,
    )
    return call.send(kwargs, parse=_parse_success, envelope=envelope is True)


def sync(
    group_id: str,
    *,
    client: Client,
    envelope: bool | Unset = UNSET,
    items_per_page: int | Unset = UNSET,
    page_num: int | Unset = UNSET,
    pretty: bool | Unset = UNSET,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    headers: Mapping[str, str] | None | Unset = UNSET,
    retries: RetryPolicy | int | None | Unset = UNSET,
    validate: bool | Unset = UNSET,
    deadline: float | None | Unset = UNSET,
) -> PaginatedApiStreamsTenantView:
    """Return All Stream Workspaces in One Project

    Lists the stream workspaces that belong to the given project, one page at a time. Use `itemsPerPage`
    and `pageNum` to step through the pages.

    Args:
        group_id (str): 24-character hexadecimal ID of the project that holds the stream
            workspaces. The
            [/groups](https://mongodb.com/docs/atlas/reference/api-resources-spec/v2/#tag/Projects/operation/listProjects)
            endpoint lists every project your credentials can reach. Atlas treats "group" and
            "project" as the same thing, so the group ID is simply the project ID and never changes.
            Example: 32b6e34b3d91647abb20e7b8.
        envelope (bool | Unset): Set to true to have Atlas wrap the response in an `envelope` JSON
            object that also reports the HTTP status, which helps clients that cannot read status
            codes or response headers. List endpoints use their `results` object as the envelope.
        items_per_page (int | Unset): How many items one page of results holds at most.
        page_num (int | Unset): Which page of results to return, counting from 1.
        pretty (bool | Unset): Set to true to receive an indented, human-readable (pretty-printed)
            response body.
        timeout, headers, retries, validate, deadline: This call's own settings, overriding the
            client's (see Client); headers also override the operation's own, such as Accept.

    Raises:
        errors.RequestValidationError: If a parameter or the body breaks the spec, or the body cannot be
            sent as JSON; nothing is sent.
        errors.AtlasConnectionError: If no answer came, after the retries (errors.AtlasTimeoutError: a
            timeout, or the call's deadline passed).
        errors.AuthenticationError: If the token endpoint refused the service account.
        errors.AtlasApiError: If Atlas answers with an error status (a subclass per class of status), a
            success body that does not parse as the model (errors.ResponseParseError) or a body over the
            size cap (errors.ResponseTooLargeError).

    Returns:
        PaginatedApiStreamsTenantView
    """

    return sync_detailed(
        group_id=group_id,
        client=client,
        envelope=envelope,
        items_per_page=items_per_page,
        page_num=page_num,
        pretty=pretty,
        timeout=timeout,
        headers=headers,
        retries=retries,
        validate=validate,
        deadline=deadline,
    ).unwrap()


async def asyncio_detailed(
    group_id: str,
    *,
    client: Client,
    envelope: bool | Unset = UNSET,
    items_per_page: int | Unset = UNSET,
    page_num: int | Unset = UNSET,
    pretty: bool | Unset = UNSET,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    headers: Mapping[str, str] | None | Unset = UNSET,
    retries: RetryPolicy | int | None | Unset = UNSET,
    validate: bool | Unset = UNSET,
    deadline: float | None | Unset = UNSET,
) -> Response[PaginatedApiStreamsTenantView]:
    """Return All Stream Workspaces in One Project

    Lists the stream workspaces that belong to the given project, one page at a time. Use `itemsPerPage`
    and `pageNum` to step through the pages.

    Args:
        group_id (str): 24-character hexadecimal ID of the project that holds the stream
            workspaces. The
            [/groups](https://mongodb.com/docs/atlas/reference/api-resources-spec/v2/#tag/Projects/operation/listProjects)
            endpoint lists every project your credentials can reach. Atlas treats "group" and
            "project" as the same thing, so the group ID is simply the project ID and never changes.
            Example: 32b6e34b3d91647abb20e7b8.
        envelope (bool | Unset): Set to true to have Atlas wrap the response in an `envelope` JSON
            object that also reports the HTTP status, which helps clients that cannot read status
            codes or response headers. List endpoints use their `results` object as the envelope.
        items_per_page (int | Unset): How many items one page of results holds at most.
        page_num (int | Unset): Which page of results to return, counting from 1.
        pretty (bool | Unset): Set to true to receive an indented, human-readable (pretty-printed)
            response body.
        timeout, headers, retries, validate, deadline: This call's own settings, overriding the
            client's (see Client); headers also override the operation's own, such as Accept.

    Raises:
        errors.RequestValidationError: If a parameter or the body breaks the spec, or the body cannot be
            sent as JSON; nothing is sent.
        errors.AtlasConnectionError: If no answer came, after the retries (errors.AtlasTimeoutError: a
            timeout, or the call's deadline passed).
        errors.AuthenticationError: If the token endpoint refused the service account.

    Returns:
        Response[PaginatedApiStreamsTenantView]: status, headers, raw content, and either
        `parsed` or `error` (an errors.AtlasApiError); neither HTTP error statuses nor a success body
        that does not parse (errors.ResponseParseError) or is too large (errors.ResponseTooLargeError)
        raise here.
    """

    call = client.call(
        timeout=timeout,
        headers=headers,
        retries=retries,
        validate=validate,
        deadline=deadline,
    )
    kwargs = _get_kwargs(
        group_id=group_id,
        envelope=envelope,
        items_per_page=items_per_page,
        page_num=page_num,
        pretty=pretty,
        validate=call.validate,
    )
    return await call.send_async(kwargs, parse=_parse_success, envelope=envelope is True)


async def asyncio(
    group_id: str,
    *,
    client: Client,
    envelope: bool | Unset = UNSET,
    items_per_page: int | Unset = UNSET,
    page_num: int | Unset = UNSET,
    pretty: bool | Unset = UNSET,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    headers: Mapping[str, str] | None | Unset = UNSET,
    retries: RetryPolicy | int | None | Unset = UNSET,
    validate: bool | Unset = UNSET,
    deadline: float | None | Unset = UNSET,
) -> PaginatedApiStreamsTenantView:
    """Return All Stream Workspaces in One Project

    Lists the stream workspaces that belong to the given project, one page at a time. Use `itemsPerPage`
    and `pageNum` to step through the pages.

    Args:
        group_id (str): 24-character hexadecimal ID of the project that holds the stream
            workspaces. The
            [/groups](https://mongodb.com/docs/atlas/reference/api-resources-spec/v2/#tag/Projects/operation/listProjects)
            endpoint lists every project your credentials can reach. Atlas treats "group" and
            "project" as the same thing, so the group ID is simply the project ID and never changes.
            Example: 32b6e34b3d91647abb20e7b8.
        envelope (bool | Unset): Set to true to have Atlas wrap the response in an `envelope` JSON
            object that also reports the HTTP status, which helps clients that cannot read status
            codes or response headers. List endpoints use their `results` object as the envelope.
        items_per_page (int | Unset): How many items one page of results holds at most.
        page_num (int | Unset): Which page of results to return, counting from 1.
        pretty (bool | Unset): Set to true to receive an indented, human-readable (pretty-printed)
            response body.
        timeout, headers, retries, validate, deadline: This call's own settings, overriding the
            client's (see Client); headers also override the operation's own, such as Accept.

    Raises:
        errors.RequestValidationError: If a parameter or the body breaks the spec, or the body cannot be
            sent as JSON; nothing is sent.
        errors.AtlasConnectionError: If no answer came, after the retries (errors.AtlasTimeoutError: a
            timeout, or the call's deadline passed).
        errors.AuthenticationError: If the token endpoint refused the service account.
        errors.AtlasApiError: If Atlas answers with an error status (a subclass per class of status), a
            success body that does not parse as the model (errors.ResponseParseError) or a body over the
            size cap (errors.ResponseTooLargeError).

    Returns:
        PaginatedApiStreamsTenantView
    """

    return (
        await asyncio_detailed(
            group_id=group_id,
            client=client,
            envelope=envelope,
            items_per_page=items_per_page,
            page_num=page_num,
            pretty=pretty,
            timeout=timeout,
            headers=headers,
            retries=retries,
            validate=validate,
            deadline=deadline,
        )
    ).unwrap()


def sync_all(
    group_id: str,
    *,
    client: Client,
    envelope: bool | Unset = UNSET,
    items_per_page: int | Unset = UNSET,
    pretty: bool | Unset = UNSET,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    headers: Mapping[str, str] | None | Unset = UNSET,
    retries: RetryPolicy | int | None | Unset = UNSET,
    validate: bool | Unset = UNSET,
    deadline: float | None | Unset = UNSET,
) -> Iterator[StreamsTenant]:
    """Return All Stream Workspaces in One Project

    Lists the stream workspaces that belong to the given project, one page at a time. Use `itemsPerPage`
    and `pageNum` to step through the pages.

    Every item of every page, in order: a page is fetched when the items of the one before have all been
    taken, by one call of sync_detailed (asyncio_detailed) with its own retries and deadline. The walk
    ends on the last page: fewer items than items_per_page, or no `next` link.

    Args:
        group_id (str): 24-character hexadecimal ID of the project that holds the stream
            workspaces. The
            [/groups](https://mongodb.com/docs/atlas/reference/api-resources-spec/v2/#tag/Projects/operation/listProjects)
            endpoint lists every project your credentials can reach. Atlas treats "group" and
            "project" as the same thing, so the group ID is simply the project ID and never changes.
            Example: 32b6e34b3d91647abb20e7b8.
        envelope (bool | Unset): Set to true to have Atlas wrap the response in an `envelope` JSON
            object that also reports the HTTP status, which helps clients that cannot read status
            codes or response headers. List endpoints use their `results` object as the envelope.
        items_per_page (int | Unset): How many items one page of results holds at most.
        pretty (bool | Unset): Set to true to receive an indented, human-readable (pretty-printed)
            response body.
        timeout, headers, retries, validate, deadline: This call's own settings, overriding the
            client's (see Client); headers also override the operation's own, such as Accept.

    Raises:
        errors.RequestValidationError: If a parameter or the body breaks the spec, or the body cannot be
            sent as JSON; nothing is sent.
        errors.AtlasConnectionError: If no answer came, after the retries (errors.AtlasTimeoutError: a
            timeout, or the call's deadline passed).
        errors.AuthenticationError: If the token endpoint refused the service account.
        errors.AtlasApiError: If a page's answer is an error status, does not parse or is too large,
            when the walk reaches that page.
        errors.PaginationError: If the server repeats a page, or its `next` link does not lead forward.

    Yields:
        StreamsTenant
    """

    def page(page_num: int) -> Response[PaginatedApiStreamsTenantView]:
        return sync_detailed(
            group_id=group_id,
            client=client,
            envelope=envelope,
            items_per_page=items_per_page,
            page_num=page_num,
            pretty=pretty,
            timeout=timeout,
            headers=headers,
            retries=retries,
            validate=validate,
            deadline=deadline,
        )

    # `or []`: where the spec makes the list optional, a page may leave it out (UNSET), which holds no items.
    return walk_pages(page, lambda answer: answer.results or [], items_per_page)


def asyncio_all(
    group_id: str,
    *,
    client: Client,
    envelope: bool | Unset = UNSET,
    items_per_page: int | Unset = UNSET,
    pretty: bool | Unset = UNSET,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    headers: Mapping[str, str] | None | Unset = UNSET,
    retries: RetryPolicy | int | None | Unset = UNSET,
    validate: bool | Unset = UNSET,
    deadline: float | None | Unset = UNSET,
) -> AsyncIterator[StreamsTenant]:
    """Return All Stream Workspaces in One Project

    Lists the stream workspaces that belong to the given project, one page at a time. Use `itemsPerPage`
    and `pageNum` to step through the pages.

    Every item of every page, in order: a page is fetched when the items of the one before have all been
    taken, by one call of sync_detailed (asyncio_detailed) with its own retries and deadline. The walk
    ends on the last page: fewer items than items_per_page, or no `next` link.

    Args:
        group_id (str): 24-character hexadecimal ID of the project that holds the stream
            workspaces. The
            [/groups](https://mongodb.com/docs/atlas/reference/api-resources-spec/v2/#tag/Projects/operation/listProjects)
            endpoint lists every project your credentials can reach. Atlas treats "group" and
            "project" as the same thing, so the group ID is simply the project ID and never changes.
            Example: 32b6e34b3d91647abb20e7b8.
        envelope (bool | Unset): Set to true to have Atlas wrap the response in an `envelope` JSON
            object that also reports the HTTP status, which helps clients that cannot read status
            codes or response headers. List endpoints use their `results` object as the envelope.
        items_per_page (int | Unset): How many items one page of results holds at most.
        pretty (bool | Unset): Set to true to receive an indented, human-readable (pretty-printed)
            response body.
        timeout, headers, retries, validate, deadline: This call's own settings, overriding the
            client's (see Client); headers also override the operation's own, such as Accept.

    Raises:
        errors.RequestValidationError: If a parameter or the body breaks the spec, or the body cannot be
            sent as JSON; nothing is sent.
        errors.AtlasConnectionError: If no answer came, after the retries (errors.AtlasTimeoutError: a
            timeout, or the call's deadline passed).
        errors.AuthenticationError: If the token endpoint refused the service account.
        errors.AtlasApiError: If a page's answer is an error status, does not parse or is too large,
            when the walk reaches that page.
        errors.PaginationError: If the server repeats a page, or its `next` link does not lead forward.

    Yields:
        StreamsTenant
    """

    async def page(page_num: int) -> Response[PaginatedApiStreamsTenantView]:
        return await asyncio_detailed(
            group_id=group_id,
            client=client,
            envelope=envelope,
            items_per_page=items_per_page,
            page_num=page_num,
            pretty=pretty,
            timeout=timeout,
            headers=headers,
            retries=retries,
            validate=validate,
            deadline=deadline,
        )

    # `or []`: where the spec makes the list optional, a page may leave it out (UNSET), which holds no items.
    return walk_pages_async(page, lambda answer: answer.results or [], items_per_page)
