"""A registry not kept on this computer, read from the server (``TabContext.online``).

``OnlineRows`` is the lazy table's ``RowSource`` for it: the same ``RegistryQuery`` (the
filter row, the sort, the expiring view) becomes the query endpoint's parameters
(``GET /registries/{id}/rows``, docs/api.md), and each block is one keyset page after
the previous block's cursor (a jump: the page at an ``offset``). Its ``count`` is the
server's exact count of the view (``GET …/count``, on the lazy table's worker beside
the first page); only when that fails does the table grow page by page and learn the
count at the last page. ``fetch_choice_counts`` and ``fetch_atc_groups`` are the pick
lists' counts and the ATC tree online, as ``choice_counts`` and ``atc_groups``
offline. The free search sends the words as the cache's word index is asked for them
(``search_terms``: Cyrillic with its Latin spellings), a Cyrillic text filter its Latin
spellings (``spellings``). ``registry_listing`` reads ``GET /registries``: the registries
the user may not read are named there (``readable``: false), never sent to the cache.

Every answer is checked before use: a page that is not what the API promises is
``OnlineReadFailed(MALFORMED)``, never a half-read table. No Qt.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import sqlite_utils

from cache.search import query_terms
from domains.listing import Block
from domains.online import OnlineProblem, OnlineReadFailed, OnlineReads
from domains.registries.filters import (
    ChoiceFilter,
    Filter,
    FlagFilter,
    RangeFilter,
    RegistryQuery,
    TextFilter,
)
from domains.registries.model import RegistryRow
from domains.registries.queries import AtcGroup, other_spellings, sorted_by

__all__ = [
    "MAX_PAGE",
    "OnlineCursor",
    "OnlineRows",
    "RegistryListing",
    "fetch_atc_groups",
    "fetch_choice_counts",
    "fetch_count",
    "fetch_page",
    "iter_pages",
    "registry_listing",
    "request_params",
]

log = logging.getLogger(__name__)

MAX_PAGE = 500
"""The endpoint's largest page."""
SEARCH_CHARS = 200
"""The endpoint's longest ``search`` (its words go whole in ``search_terms``)."""


@dataclass(frozen=True)
class OnlineCursor:
    """The endpoint's opaque ``next``: where the page after starts."""

    token: str


@dataclass(frozen=True)
class RegistryListing:
    """A registry as ``GET /registries`` lists it for this user."""

    id: str
    name: str
    row_count: int
    personal_data: bool
    readable: bool


def _malformed(what: str) -> OnlineReadFailed:
    return OnlineReadFailed(OnlineProblem.MALFORMED, f"the server's {what} is malformed")


def registry_listing(online: OnlineReads) -> list[RegistryListing]:
    """Every registry the server lists, readable by this user or not."""
    answer = online.get_json("/registries")
    if not isinstance(answer, list):
        raise _malformed("list of registries")
    found = []
    for item in answer:
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("id"), str)
            or not isinstance(item.get("name"), str)
            or not isinstance(item.get("readable"), bool)
        ):
            raise _malformed("list of registries")
        count = item.get("row_count")
        found.append(
            RegistryListing(
                item["id"],
                item["name"],
                count if isinstance(count, int) and not isinstance(count, bool) else 0,
                bool(item.get("personal_data")),
                item["readable"],
            )
        )
    return found


def _filter_param(item: Filter) -> dict[str, Any]:
    if isinstance(item, TextFilter):
        found: dict[str, Any] = {
            "column": item.column,
            "kind": "text",
            "text": item.text,
            "mode": item.mode,
        }
        spellings = other_spellings(item.text)
        if spellings:  # Cyrillic typed for Latin: the server matches any of them
            found["spellings"] = spellings
        return found
    if isinstance(item, ChoiceFilter):
        return {"column": item.column, "kind": "choice", "values": list(item.values)}
    if isinstance(item, RangeFilter):
        return {
            "column": item.column,
            "kind": "range",
            "low": item.low.strip().replace(",", "."),
            "high": item.high.strip().replace(",", "."),
        }
    if isinstance(item, FlagFilter):
        return {"column": item.column, "kind": "flag", "value": item.value}
    raise TypeError(f"not a registry filter: {item!r}")


def request_params(
    query: RegistryQuery, after: OnlineCursor | None, limit: int
) -> dict[str, str | int | bool]:
    """The endpoint's parameters for one page of ``query``."""
    params: dict[str, str | int | bool] = {
        "filters": json.dumps(
            [_filter_param(f) for f in query.filters], ensure_ascii=False, separators=(",", ":")
        ),
        "limit": max(1, min(limit, MAX_PAGE)),
    }
    if query.search.strip():
        # The words as the cache's word index is asked for them (a phone number one
        # word of digits, a Cyrillic word with its Latin spellings): the server looks
        # for each at a word's start, as the index does.
        params["search"] = query.search.strip()[:SEARCH_CHARS]
        params["search_terms"] = json.dumps(
            [list(term) for term in query_terms(query.search)],
            ensure_ascii=False,
            separators=(",", ":"),
        )
    if query.sort is not None:
        params["sort"] = query.sort
        params["descending"] = query.descending
    if after is not None:
        params["after"] = after.token
    return params


def fetch_page(
    online: OnlineReads,
    query: RegistryQuery,
    after: OnlineCursor | None,
    limit: int,
    offset: int = 0,
) -> Block[RegistryRow]:
    """One keyset page of ``query`` after ``after`` (None: the first, or the one
    ``offset`` rows into the view: a jump)."""
    params = request_params(query, after, limit)
    if after is None and offset > 0:
        params["offset"] = offset
    answer = online.get_json(f"/registries/{quote(query.registry_id, safe='')}/rows", params)
    if not isinstance(answer, dict) or not isinstance(answer.get("items"), list):
        raise _malformed("page of rows")
    following = answer.get("next")
    if following is not None and (not isinstance(following, str) or not following):
        raise _malformed("page of rows")
    rows = []
    for item in answer["items"]:
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("id"), str)
            or not isinstance(item.get("values"), dict)
        ):
            raise _malformed("page of rows")
        rows.append(RegistryRow(item["id"], item["values"]))
    if len(rows) > max(1, min(limit, MAX_PAGE)):
        raise _malformed("page of rows")
    return Block(rows, OnlineCursor(following) if following is not None else None)


EXPORT_PAGE = 500
"""Rows per page when a view is read whole (an export): the endpoint's largest."""


def iter_pages(
    online: OnlineReads, query: RegistryQuery, limit: int = EXPORT_PAGE
) -> Iterator[list[RegistryRow]]:
    """Every row of ``query``'s view, page by page (keyset, ``limit`` rows each), in
    its order. A page that fails raises ``OnlineReadFailed`` (the rows before it were
    given: an export then leaves no file)."""
    cursor: OnlineCursor | None = None
    while True:
        page = fetch_page(online, query, cursor, limit)
        if page.rows:
            yield list(page.rows)
        if not isinstance(page.next, OnlineCursor):
            return
        cursor = page.next


class OnlineRows:
    """A registry view read from the server, as a ``domains.listing.RowSource``. The
    ``db`` the lazy table passes is not used (nothing of it is in the cache)."""

    collections: frozenset[str] = frozenset()
    """No ``Changes`` of the cache touch the server's rows."""

    def __init__(self, online: OnlineReads, columns: Sequence[str]) -> None:
        self._online = online
        self._columns = list(columns)

    def count(self, db: sqlite_utils.Database | None, query: RegistryQuery) -> int | None:
        """The view's exact count (``GET …/count``); None when the server could not
        count it: the table then grows page by page and learns it at the last page
        (the pages' own failures are said by the table)."""
        try:
            return fetch_count(self._online, query)
        except OnlineReadFailed as failed:
            log.info("registries: no count from the server (%s)", failed.problem.value)
            return None

    def block(
        self,
        db: sqlite_utils.Database | None,
        query: RegistryQuery,
        start: int,
        limit: int,
        after: object | None,
    ) -> Block[RegistryRow]:
        if isinstance(after, OnlineCursor):
            return fetch_page(self._online, query, after, limit)
        # No cursor for this position (a jump, or the table forgot it): the server walks
        # the order's index to there (``offset``); the pages after go by keyset.
        return fetch_page(self._online, query, None, limit, offset=start)

    def rows_by_id(self, db: sqlite_utils.Database | None, ids: Sequence[str]) -> list[RegistryRow]:
        return []  # the server reads rows by view, not by id; nothing here changes them

    def row_id(self, row: RegistryRow) -> str:
        return row.id

    def sorted(self, query: RegistryQuery, column: int, descending: bool) -> RegistryQuery | None:
        return sorted_by(query, self._columns, column, descending)


# --- aggregates: what offline is ``count_rows``, ``choice_counts``, ``atc_groups`` -------


def _registry_path(registry_id: str, what: str) -> str:
    return f"/registries/{quote(registry_id, safe='')}/{what}"


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def fetch_count(online: OnlineReads, query: RegistryQuery) -> int:
    """The exact number of rows of ``query``'s view (``GET …/count``: the same filters
    and search as its pages; the sort does not change it)."""
    page = request_params(query, None, 1)
    params: dict[str, str | int | bool] = {
        key: page[key] for key in ("filters", "search", "search_terms") if key in page
    }
    answer = online.get_json(_registry_path(query.registry_id, "count"), params)
    if not isinstance(answer, dict) or not _is_count(answer.get("count")):
        raise _malformed("count")
    return int(answer["count"])


def fetch_choice_counts(
    online: OnlineReads, registry_id: str, column: str
) -> list[tuple[str, int]]:
    """An enum column's values with their row counts, in the column's order (the pick
    list; as ``choice_counts`` offline)."""
    answer = online.get_json(_registry_path(registry_id, "choices"), {"column": column})
    if not isinstance(answer, list):
        raise _malformed("pick list")
    found = []
    for item in answer:
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("value"), str)
            or not _is_count(item.get("count"))
        ):
            raise _malformed("pick list")
        found.append((item["value"], int(item["count"])))
    return found


def fetch_atc_groups(online: OnlineReads, registry_id: str, parent: str = "") -> list[AtcGroup]:
    """The ATC tree's next level under ``parent`` ("" for the anatomical groups) with
    their row counts (as ``atc_groups`` offline)."""
    answer = online.get_json(_registry_path(registry_id, "atc"), {"parent": parent})
    if not isinstance(answer, list):
        raise _malformed("ATC groups")
    found = []
    for item in answer:
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("code"), str)
            or not item["code"]
            or not _is_count(item.get("count"))
        ):
            raise _malformed("ATC groups")
        found.append(AtcGroup(item["code"], int(item["count"])))
    return found
