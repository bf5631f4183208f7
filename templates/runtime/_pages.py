"""Every item of a paginated list operation, one page after another (`sync_all` and `asyncio_all`).

Each page is one call of the operation's own `sync_detailed` or `asyncio_detailed`, so the same retries, auth,
deadline (one per page: the walk goes at the caller's pace) and errors apply to every page. A page is asked for
only when the caller has taken every item of the one before. The walk ends on the last page, as Atlas's answer
shows it: fewer items than asked for (or, when the caller asked for no page size, than the first page held: every
page but the last is full), `links` without one of rel `next`, or no items at all. A server that repeats itself (a page
with the same items as an earlier one, or a `next` link that does not lead forward) ends the walk with
PaginationError rather than a loop, and so does not hide the items it never sent.
"""

import hashlib
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import Any, Generic, TypeVar

import httpx

from .errors import PaginationError
from .types import Response, Unset

Page = TypeVar("Page")
Item = TypeVar("Item")

# Atlas counts pages from 1.
FIRST_PAGE = 1


def walk_pages(
    fetch: Callable[[int], Response[Page]], items: Callable[[Page], Sequence[Item]], page_size: int | Unset
) -> Iterator[Item]:
    """The items of page 1, 2, ... that `fetch(page_num)` answers; `items` picks them out of a page, and
    `page_size` is how many a page holds at most (Unset: Atlas's default, taken to be what the first page holds).
    A page's error is raised when the walk reaches it."""
    walk = _Walk[Item](page_size)
    while not walk.done:
        page = fetch(walk.page_num).unwrap()
        yield from walk.take(items(page), page)


async def walk_pages_async(
    fetch: Callable[[int], Awaitable[Response[Page]]],
    items: Callable[[Page], Sequence[Item]],
    page_size: int | Unset,
) -> AsyncIterator[Item]:
    """`walk_pages` without blocking the event loop."""
    walk = _Walk[Item](page_size)
    while not walk.done:
        page = (await fetch(walk.page_num)).unwrap()
        for item in walk.take(items(page), page):
            yield item


class _Walk(Generic[Item]):
    """Where a walk is: the page to ask for next, whether the last one came, and the pages seen so far (by a
    digest of their items, so that a walk of any length keeps little)."""

    def __init__(self, page_size: int | Unset) -> None:
        self.page_num = FIRST_PAGE
        self.done = False
        self._page_size = page_size
        self._seen: dict[str, int] = {}

    def take(self, items: Sequence[Item], page: object) -> Sequence[Item]:
        """The items of the page just fetched; PaginationError when the server repeated itself."""
        number = self.page_num
        if items:
            digest = _digest(items)
            earlier = self._seen.setdefault(digest, number)
            if earlier != number:
                raise PaginationError(
                    f"page {number} holds the same {len(items)} items as page {earlier}: the server repeats "
                    "itself, so the walk ends here rather than loop",
                    page_num=number,
                )
        links = _links(page)
        following = _page_num(links.get("next"))
        if following is not None and following <= number:
            raise PaginationError(
                f"page {number}'s next link leads to page {following}, not forward: the walk ends here rather "
                "than loop",
                page_num=number,
            )
        if isinstance(self._page_size, Unset):
            self._page_size = len(items)
        short = len(items) < self._page_size
        self.done = not items or short or (bool(links) and "next" not in links)
        self.page_num += 1
        return items


def _digest(items: Sequence[Any]) -> str:
    digest = hashlib.sha256()
    for item in items:
        to_dict = getattr(item, "to_dict", None)
        data = to_dict() if callable(to_dict) else item
        digest.update(json.dumps(data, sort_keys=True, default=repr).encode())
    return digest.hexdigest()


def _links(page: object) -> dict[str, str | None]:
    """The page's links by rel (Atlas's `links`: RFC 5988 web links), href None when absent; {} when the page
    has none."""
    links = getattr(page, "links", None)
    if not isinstance(links, list):
        return {}
    found: dict[str, str | None] = {}
    for link in links:
        rel, href = getattr(link, "rel", None), getattr(link, "href", None)
        if isinstance(rel, str):
            found.setdefault(rel, href if isinstance(href, str) else None)
    return found


def _page_num(href: str | None) -> int | None:
    """The pageNum a link leads to, when it says."""
    if href is None:
        return None
    try:
        return int(httpx.URL(href).params.get("pageNum", ""))
    except (ValueError, httpx.InvalidURL):
        return None
