from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ..._serialization import to_request_dict
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.streams_tenant import StreamsTenant
from ...types import UNSET, Response, Unset


def _get_kwargs(
    group_id: str,
    *,
    body: StreamsTenant,
    envelope: bool | Unset = False,
    pretty: bool | Unset = False,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["envelope"] = envelope

    params["pretty"] = pretty

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/atlas/v2/groups/{group_id}/streams".format(
            group_id=quote(str(group_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = to_request_dict(body)

    headers["Content-Type"] = "application/vnd.atlas.2023-02-01+json"

    headers["Accept"] = "application/vnd.atlas.2023-02-01+json"
    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | StreamsTenant | None:
    if response.status_code == 200:
        response_200 = StreamsTenant.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ApiError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ApiError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ApiError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ApiError.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ApiError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ApiError.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiError | StreamsTenant]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    group_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: StreamsTenant,
    envelope: bool | Unset = False,
    pretty: bool | Unset = False,
) -> Response[ApiError | StreamsTenant]:
    """Create One Stream Workspace

     Adds a new stream workspace (an Atlas Stream Processing instance) to the given project and returns
    the workspace as Atlas stored it.

    Args:
        group_id (str):  Example: 32b6e34b3d91647abb20e7b8.
        envelope (bool | Unset):  Default: False.
        pretty (bool | Unset):  Default: False.
        body (StreamsTenant):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | StreamsTenant]
    """

    kwargs = _get_kwargs(
        group_id=group_id,
        body=body,
        envelope=envelope,
        pretty=pretty,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    group_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: StreamsTenant,
    envelope: bool | Unset = False,
    pretty: bool | Unset = False,
) -> ApiError | StreamsTenant | None:
    """Create One Stream Workspace

     Adds a new stream workspace (an Atlas Stream Processing instance) to the given project and returns
    the workspace as Atlas stored it.

    Args:
        group_id (str):  Example: 32b6e34b3d91647abb20e7b8.
        envelope (bool | Unset):  Default: False.
        pretty (bool | Unset):  Default: False.
        body (StreamsTenant):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | StreamsTenant
    """

    return sync_detailed(
        group_id=group_id,
        client=client,
        body=body,
        envelope=envelope,
        pretty=pretty,
    ).parsed


async def asyncio_detailed(
    group_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: StreamsTenant,
    envelope: bool | Unset = False,
    pretty: bool | Unset = False,
) -> Response[ApiError | StreamsTenant]:
    """Create One Stream Workspace

     Adds a new stream workspace (an Atlas Stream Processing instance) to the given project and returns
    the workspace as Atlas stored it.

    Args:
        group_id (str):  Example: 32b6e34b3d91647abb20e7b8.
        envelope (bool | Unset):  Default: False.
        pretty (bool | Unset):  Default: False.
        body (StreamsTenant):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | StreamsTenant]
    """

    kwargs = _get_kwargs(
        group_id=group_id,
        body=body,
        envelope=envelope,
        pretty=pretty,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    group_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: StreamsTenant,
    envelope: bool | Unset = False,
    pretty: bool | Unset = False,
) -> ApiError | StreamsTenant | None:
    """Create One Stream Workspace

     Adds a new stream workspace (an Atlas Stream Processing instance) to the given project and returns
    the workspace as Atlas stored it.

    Args:
        group_id (str):  Example: 32b6e34b3d91647abb20e7b8.
        envelope (bool | Unset):  Default: False.
        pretty (bool | Unset):  Default: False.
        body (StreamsTenant):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | StreamsTenant
    """

    return (
        await asyncio_detailed(
            group_id=group_id,
            client=client,
            body=body,
            envelope=envelope,
            pretty=pretty,
        )
    ).parsed
