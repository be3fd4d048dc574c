"""The registries' online mode: filtered, sorted pages of a registry nobody keeps offline,
and the access log of personal-data reads.

- ``GET /registries``: every registry, with ``readable`` (a staff member sees the
  health workers' registry listed as not readable: its name and size, never its rows
  or columns).
- ``GET /registries/{id}/rows?filters=[...]&search=&sort=&descending=&after=&limit=``:
  one page in the view's order, keyset paged (``next``: the opaque cursor of the page
  after; the same filters as the tab: text contains / starts with, folded; choice;
  range; flag). Sort and match use the same SQL spelling of the Azerbaijani sort key
  and folding as the client's cache (``domains/registries/sql.py``; the server may not
  import it, so the steps are repeated here and a test compares both).
- ``GET /admin/registry-access-log``: who read personal-data rows, when, how many
  (admins only). Every page of a personal-data registry that returns rows is logged,
  in its own write transaction, before the rows are sent.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel
from sqlalchemy import (
    bindparam,
    select,
    text,
)
from sqlalchemy.engine import Connection

from server.access import log_personal_data_rows, may_read_personal_data
from server.context import Principal, PrincipalDep, ServicesDep
from server.db import ACCESS_READ, registries, registry_access_log, registry_rows
from server.errors import ApiError

router = APIRouter(tags=["registries"])

MAX_PAGE = 500
MAX_SEARCH_TERMS = 8
MAX_SPELLINGS = 33
"""A word and at most 32 other spellings (the client's ``transliteration.MAX_SPELLINGS``)."""
MAX_SEARCH_WORD = 64
SEARCH_WORD = re.compile(r"[^\W_]+")
"""A word as the cache's word index cuts one (FTS5 unicode61: letters and digits)."""
WORD_SEPARATORS = " \t\n\r./,;:()[]{}\"'«»“”„‘’`!?&+*#%@=<>|\\_~^$№–—-"
"""A word of the row starts at its text's start or after one of these (the word index
splits at any character that is not a letter or digit; others are rare in registries,
docs/registries.md)."""


def _glob_class() -> str:
    """The separators as a GLOB character class's inside (``]`` first, ``-`` last)."""
    inside = WORD_SEPARATORS.replace("]", "").replace("-", "").replace("^", "")
    return "]" + inside + "^-"


def _regex_class() -> str:
    """The separators as a regular expression's bracket (PostgreSQL's AREs)."""
    return "[" + "".join("\\" + c if c in "\\[]^-" else c for c in WORD_SEPARATORS) + "]"


AFTER = "\x7f"
_SORT_STEPS = (
    ("i", "i" + AFTER), ("ı", "i"), ("q", "k" + AFTER), ("x", "h" + AFTER),
    ("ç", "c" + AFTER), ("Ç", "c" + AFTER), ("ə", "e" + AFTER), ("Ə", "e" + AFTER),
    ("ğ", "g" + AFTER), ("Ğ", "g" + AFTER), ("ö", "o" + AFTER), ("Ö", "o" + AFTER),
    ("ş", "s" + AFTER), ("Ş", "s" + AFTER), ("ü", "u" + AFTER), ("Ü", "u" + AFTER),
)  # fmt: skip
_FOLD_STEPS = (
    ("ı", "i"), ("ç", "c"), ("Ç", "c"), ("ə", "e"), ("Ə", "e"), ("ğ", "g"), ("Ğ", "g"),
    ("ö", "o"), ("Ö", "o"), ("ş", "s"), ("Ş", "s"), ("ü", "u"), ("Ü", "u"),
)  # fmt: skip


class _Sql:
    """SQL spellings for one dialect."""

    def __init__(self, postgres: bool) -> None:
        self.postgres = postgres

    @property
    def live(self) -> str:
        """Not deleted, spelled as the partial indexes' predicate."""
        return "deleted = false" if self.postgres else "deleted = 0"

    def literal(self, value: str) -> str:
        glue = " || chr(127) || " if self.postgres else " || char(127) || "
        return glue.join("'" + piece.replace("'", "''") + "'" for piece in value.split(AFTER))

    def _steps(self, expression: str, steps: tuple[tuple[str, str], ...]) -> str:
        for old, new in steps:
            expression = f"replace({expression}, {self.literal(old)}, {self.literal(new)})"
        return expression

    def _lower(self, expression: str) -> str:
        return f"lower({self._steps(expression, (('İ', 'i'), ('I', 'ı')))})"

    def _ordered(self, expression: str) -> str:
        """PostgreSQL compares text by the database's collation: by code point only
        under "C", which is SQLite's order and the client's."""
        return f'({expression} COLLATE "C")' if self.postgres else expression

    def sort_key(self, expression: str) -> str:
        return self._ordered(self._steps(self._lower(expression), _SORT_STEPS))

    def folded(self, expression: str) -> str:
        return self._ordered(self._steps(self._lower(expression), _FOLD_STEPS))

    def position(self, haystack: str, needle: str) -> str:
        return f"strpos({haystack}, {needle})" if self.postgres else f"instr({haystack}, {needle})"

    def raw_text(self, key: str) -> str:
        """The value as the row's JSON spells it (a number's digits too)."""
        self.value(key, "text")  # refuses an unusable key
        if self.postgres:
            return f"(body::jsonb -> 'values' ->> '{key}')"
        return f"json_extract(body, '$.values.\"{key}\"')"

    def row_words(self, keys: list[str]) -> tuple[str, str]:
        """The row's text (every column but the booleans), folded, with a space before
        it: ə as e, and again with ə as a (the word index holds both forms)."""
        joined = "' ' || " + " || ' ' || ".join(
            f"coalesce({self.raw_text(key)}, '')" for key in keys
        )
        if self.postgres:  # separators become spaces: a word starts after a space
            joined = f"regexp_replace({joined}, {self.literal(_regex_class())}, ' ', 'g')"
        e_form = self._steps(self._lower(joined), _FOLD_STEPS)
        a_form = self._steps(
            self._lower(self._steps(joined, (("ə", "a"), ("Ə", "a")))), _FOLD_STEPS
        )
        return e_form, a_form

    def word_start(self, row: str, needle: str) -> str:
        """``needle`` (letters and digits only) starts a word of ``row`` (from
        ``row_words``)."""
        if self.postgres:
            return f"strpos({row}, ' ' || {needle}) > 0"
        # instr first: cheap, and false for nearly every row when the word is rare (a
        # GLOB with a leading '*' costs 3x more: 100 000 rows, 1.4 s instead of 3.4 s).
        glob = f"{row} GLOB '*[' || {self.literal(_glob_class())} || ']' || {needle} || '*'"
        return f"(instr({row}, {needle}) > 0 AND {glob})"

    def value(self, key: str, kind: str) -> str:
        if any(c in key for c in "\"'\\") or not key.isprintable():
            raise ApiError(422, "validation_error", "Unusable column key.")
        if self.postgres:
            raw = f"(body::jsonb -> 'values' ->> '{key}')"
            if kind in ("integer", "number"):
                return f"({raw})::double precision"
            if kind == "boolean":
                return f"(CASE ({raw}) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)"
            return raw
        return f"json_extract(body, '$.values.\"{key}\"')"

    def order(self, key: str, kind: str) -> str:
        value = self.value(key, kind)
        if kind in ("text", "enum"):
            return self.sort_key(f"coalesce({value}, '')")
        if kind == "date":
            return self._ordered(f"coalesce({value}, '')")
        return f"coalesce({value}, -1e308)"


class RegistryInfo(BaseModel):
    id: str
    code: str
    name: str
    description: str
    row_count: int
    personal_data: bool
    readable: bool
    columns: list[dict[str, Any]]


class RowsPage(BaseModel):
    items: list[dict[str, Any]]
    next: str | None


class AccessLogEntry(BaseModel):
    user_id: str
    registry_id: str
    at: datetime
    rows: int
    kind: Literal["read", "copy"]
    """``read``: a page read online; ``copy``: a page taken offline by a sync."""


def _readable(principal: Principal, personal: bool) -> bool:
    return not personal or may_read_personal_data(principal)


@router.get("/registries", response_model=list[RegistryInfo])
def list_registries(principal: PrincipalDep, services: ServicesDep) -> list[RegistryInfo]:
    with services.db.read() as conn:
        rows = conn.execute(
            select(registries.c.body, registries.c.personal_data).where(
                registries.c.deleted.is_(False)
            )
        ).all()
    found = []
    for body, personal in rows:
        record = json.loads(body)
        readable = _readable(principal, bool(personal))
        found.append(
            RegistryInfo(
                id=record["id"],
                code=record.get("code", ""),
                name=record.get("name", ""),
                description=record.get("description", "") if readable else "",
                row_count=int(record.get("row_count") or 0),
                personal_data=bool(personal),
                readable=readable,
                columns=record.get("columns", []) if readable else [],
            )
        )
    return sorted(found, key=lambda r: r.name)


def _columns(
    conn: Connection, principal: Principal, registry_id: str
) -> tuple[dict[str, str], bool]:
    row = conn.execute(
        select(registries.c.body, registries.c.personal_data).where(
            registries.c.id == registry_id, registries.c.deleted.is_(False)
        )
    ).first()
    if row is None:
        raise ApiError(404, "not_found", "No such registry.")
    if not _readable(principal, bool(row[1])):
        raise ApiError(403, "forbidden", "This registry holds personal data you may not read.")
    columns = {c["key"]: c.get("type", "text") for c in json.loads(row[0]).get("columns", [])}
    return columns, bool(row[1])


def _bound(kind: str, value: Any) -> Any:
    if value in (None, ""):
        return None
    if kind == "date":
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise ApiError(422, "validation_error", "A date filter is not a date.") from None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ApiError(422, "validation_error", "A number filter is not a number.") from None


def _conditions(
    sql: _Sql,
    columns: dict[str, str],
    filters: list[Any],
    params: dict[str, Any],
    sort: str | None = None,
    wrap: bool = True,
) -> list[str]:
    """The filters' conditions. One an index answers, on a column other than the sort's,
    becomes ``+seq IN (that index's range)``: tested as the order's index is walked,
    not driving the query (which would then sort every matching row)."""
    found: list[str] = []
    for number, item in enumerate(filters):
        before = len(found)
        _condition(sql, columns, item, number, params, found)
        if isinstance(item, dict) and item.get("column") == sort:
            found += _sorted_prefix(sql, columns, item, number, params)
        if (
            wrap
            and isinstance(item, dict)
            and item.get("kind") != "text"
            and item.get("column") != sort
        ):
            indexed = found[before:]
            if indexed:
                found[before:] = [
                    f"+seq IN (SELECT seq FROM registry_rows WHERE registry_id = :registry "
                    f"AND {sql.live} AND {' AND '.join(indexed)})"
                ]
    return found


def _sorted_prefix(
    sql: _Sql, columns: dict[str, str], item: dict[str, Any], number: int, params: dict[str, Any]
) -> list[str]:
    """A "starts with" on the sorted text column, also as a range of the order's index:
    the folded test alone is no index bound, so the first page walked the order from its
    start to the first match (``məm``: 286 000 rows, seconds). Implied by the test: the
    same rows."""
    bounds = _starts_range(columns, item)
    if bounds is None:
        return []
    name = f"f{number}_prefix"
    params[name + "_low"], params[name + "_high"] = bounds
    order = sql.order(str(item["column"]), columns[str(item["column"])])
    return [f"{order} >= :{name}_low", f"{order} < :{name}_high"]


def _condition(
    sql: _Sql,
    columns: dict[str, str],
    item: Any,
    number: int,
    params: dict[str, Any],
    found: list[str],
) -> None:
    if not isinstance(item, dict) or item.get("column") not in columns:
        raise ApiError(422, "validation_error", "A filter names no column of this registry.")
    key = item["column"]
    kind = columns[key]
    order = sql.order(key, kind)
    name = f"f{number}"
    filter_kind = item.get("kind")
    if filter_kind == "text":
        needle = str(item.get("text", ""))
        if not needle.strip():
            return
        folded = sql.folded(f"coalesce({sql.value(key, kind)}, '')")
        spellings = _spellings(item.get("spellings"))
        tests = []
        for index, spelling in enumerate([needle, *spellings]):
            bound = name if index == 0 else f"{name}_s{index}"
            params[bound] = spelling
            if item.get("mode") == "starts":
                end = "chr(1114111)" if sql.postgres else "char(1114111)"
                start = sql.folded(":" + bound)
                tests.append(f"({folded} >= {start} AND {folded} < {start} || {end})")
            else:
                tests.append(f"{sql.position(folded, sql.folded(':' + bound))} > 0")
        found.append(tests[0] if len(tests) == 1 else "(" + " OR ".join(tests) + ")")
    elif filter_kind == "choice":
        values = [str(v) for v in item.get("values") or []][:200]
        if not values:
            return
        marks = []
        for index, value in enumerate(values):
            params[f"{name}_{index}"] = value
            marks.append(sql.sort_key(f":{name}_{index}"))
        found.append(f"{order} IN ({', '.join(marks)})")
    elif filter_kind == "range":
        low, high = _bound(kind, item.get("low")), _bound(kind, item.get("high"))
        if low is not None:
            params[name + "_low"] = low
            found.append(f"{order} >= :{name}_low")
        else:  # no value is neither a number nor a date: not in any range (as the cache)
            found.append(f"{order} > " + ("''" if kind == "date" else "-1e308"))
        if high is not None:
            params[name + "_high"] = high
            found.append(f"{order} <= :{name}_high")
    elif filter_kind == "flag":
        params[name] = 1 if item.get("value") else 0
        found.append(f"{order} = :{name}")
    else:
        raise ApiError(422, "validation_error", "Unknown filter kind.")


def _spellings(value: Any) -> list[str]:
    """A text filter's ``spellings``: other spellings of its text (Cyrillic typed for
    Latin: the client's transliteration), each matched as the text is."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
        raise ApiError(422, "validation_error", "spellings is not a list of words.")
    if len(value) >= MAX_SPELLINGS:
        raise ApiError(422, "validation_error", "Too many spellings.")
    return [word for word in value if word.strip()]


def _search_conditions(
    sql: _Sql,
    columns: dict[str, str],
    search: str,
    params: dict[str, Any],
    terms: list[list[str]] | None = None,
) -> list[str]:
    """Free search, as the offline one (the cache's word index): every word typed,
    folded, starts a word of the row's text; ``terms`` (the client's words, each with
    its other spellings: Cyrillic typed for Latin) replace the words of ``search``.
    Bound as parameters, so FTS or SQL syntax typed is only text."""
    words = [[word] for word in SEARCH_WORD.findall(search)] if terms is None else terms
    # Letters and digits only: nothing a GLOB or a regular expression reads.
    words = [
        [w for w in ("".join(SEARCH_WORD.findall(word)) for word in term) if w] for term in words
    ]
    words = [term for term in words if term][:MAX_SEARCH_TERMS]
    if not words:
        return ["1 = 0"] if search.strip() else []
    searchable = [key for key, kind in columns.items() if kind != "boolean"]
    if not searchable:
        return ["1 = 0"]
    tests = []
    for number, term in enumerate(words):
        alternatives = []
        for index, word in enumerate(term[:MAX_SPELLINGS]):
            name = f"search{number}_{index}"
            params[name] = word[:MAX_SEARCH_WORD]
            needle = sql.folded(":" + name)
            for form in ("r.e_form", "r.a_form"):
                alternatives.append(sql.word_start(form, needle))
        tests.append("(" + " OR ".join(alternatives) + ")")
    e_form, a_form = sql.row_words(searchable)
    return [
        f"EXISTS (SELECT 1 FROM (SELECT {e_form} AS e_form, {a_form} AS a_form) AS r "
        f"WHERE {' AND '.join(tests)})"
    ]


SearchTerms = Annotated[
    str | None,
    Query(
        max_length=20_000,
        description="JSON [[word, other spelling, ...], ...]: the search's words as the "
        "client cut them, each with its other spellings (Cyrillic typed for Latin); "
        "replaces the words of search.",
    ),
]


def _search_terms(value: str | None) -> list[list[str]] | None:
    """``search_terms``: JSON ``[["word", "other spelling", ...], ...]``, or None."""
    if value is None:
        return None
    try:
        parsed = json.loads(value)
    except ValueError:
        raise ApiError(422, "validation_error", "search_terms is not JSON.") from None
    if not isinstance(parsed, list) or not all(
        isinstance(term, list) and all(isinstance(word, str) for word in term) for term in parsed
    ):
        raise ApiError(422, "validation_error", "search_terms is not a list of lists of words.")
    return [[word for word in term if word.strip()] for term in parsed]


def _cursor(value: Any, seq: int) -> str:
    return base64.urlsafe_b64encode(json.dumps([value, seq]).encode()).decode().rstrip("=")


def _uncursor(cursor: str) -> tuple[Any, int]:
    try:
        value, seq = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        return value, int(seq)
    except (ValueError, TypeError):
        raise ApiError(422, "validation_error", "Not a cursor of this endpoint.") from None


def _parsed_filters(filters: str) -> list[Any]:
    """The ``filters`` parameter: a JSON list (its items are checked as they are used)."""
    try:
        parsed = json.loads(filters)
    except ValueError:
        raise ApiError(422, "validation_error", "filters is not JSON.") from None
    if not isinstance(parsed, list):
        raise ApiError(422, "validation_error", "filters is not a list.")
    return parsed


@router.get("/registries/{registry_id}/rows", response_model=RowsPage)
def registry_rows_page(
    registry_id: str,
    principal: PrincipalDep,
    services: ServicesDep,
    filters: Annotated[str, Query(max_length=20_000)] = "[]",
    sort: Annotated[str | None, Query(max_length=64)] = None,
    descending: bool = False,
    after: Annotated[str | None, Query(max_length=2_000)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Annotated[
        int,
        Query(
            ge=0,
            le=MAX_OFFSET,
            description="Without `after`: the page starts this many rows into the view (a "
            "jump of the scroll bar; the order's index is walked to there). Ignored with "
            "`after`.",
        ),
    ] = 0,
    search: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Free search over the whole row: every word typed (Azerbaijani "
            "folding) starts a word of the row (any column but the booleans); searched "
            "as text.",
        ),
    ] = None,
    search_terms: SearchTerms = None,
) -> RowsPage:
    parsed = _parsed_filters(filters)
    sql = _Sql(postgres=not services.db.is_sqlite)
    with services.db.read() as conn:
        columns, personal = _columns(conn, principal, registry_id)
        if sql.postgres:
            _plan_for_a_page(conn)  # the jump's walk too
        params: dict[str, Any] = {"registry": registry_id, "limit": limit}
        conditions = _conditions(sql, columns, parsed, params, sort)
        searched = _search_conditions(
            sql, columns, search or "", params, _search_terms(search_terms)
        )
        conditions += searched
        if sort is not None and sort not in columns:
            raise ApiError(422, "validation_error", "sort names no column of this registry.")
        order = "seq" if sort is None else sql.order(sort, columns[sort])
        direction = "DESC" if descending else "ASC"
        compare = "<" if descending else ">"
        walk = ["registry_id = :registry", sql.live]
        if after is None and offset > 0:
            after = _cursor_at(
                conn, order, sort is None, descending, walk + conditions, params, offset
            )
            if after is None:
                return RowsPage(items=[], next=None)
        if after is not None:
            value, seq = _uncursor(after)
            params["after_seq"] = seq
            if sort is None:
                walk.append(f"seq {compare} :after_seq")
            else:
                params["after_value"] = value
                walk.append(_keyset(sql, order, compare))
        ordering = f"seq {direction}" if sort is None else f"{order} {direction}, seq {direction}"
        if sql.postgres and sort is None:
            walk.append(_registry_walk(params, after is not None, compare))
        rows: list[Any] | None = None
        # PostgreSQL: not probed (each statement is planned anew, ~10 ms for these long
        # expressions; its planner already walks the order and tests the set per row).
        if (
            not sql.postgres
            and not searched
            and len(conditions) == 1
            and _common(conn, conditions[0], params)
        ):
            tests = _conditions(sql, columns, parsed, params, sort, wrap=False)
            rows = _probe(conn, order, ordering, walk, tests, params, limit)
        if rows is None:
            rows = list(
                conn.execute(
                    text(
                        f"SELECT {order} AS sort_value, seq, body FROM registry_rows "
                        f"WHERE {' AND '.join(walk + conditions)} "
                        f"ORDER BY {ordering} LIMIT :limit"
                    ),
                    params,
                ).all()
            )
    items = []
    for _value, _seq, body in rows:
        record = json.loads(body)
        items.append({"id": record["id"], "values": record.get("values", {})})
    if personal and items:
        log_personal_data_rows(services.db, principal, registry_id, len(items), ACCESS_READ)
    next_cursor = _cursor(rows[-1][0], rows[-1][1]) if len(rows) == limit else None
    return RowsPage(items=items, next=next_cursor)


MAX_OFFSET = 10_000_000


def _cursor_at(
    conn: Connection,
    order: str,
    by_seq: bool,
    descending: bool,
    where: list[str],
    params: dict[str, Any],
    offset: int,
) -> str | None:
    """The cursor of the view's row ``offset - 1`` (None: the view is shorter): a jump
    becomes a keyset page after it. Only the order's index entries are walked."""
    direction = "DESC" if descending else "ASC"
    # registry_id first (one value here): PostgreSQL then walks (registry_id, seq), not
    # the seq index past the other registries' rows (``_registry_walk``).
    ordering = (
        f"registry_id {direction}, seq {direction}"
        if by_seq
        else f"{order} {direction}, seq {direction}"
    )
    found = conn.execute(
        text(
            f"SELECT {order} AS sort_value, seq FROM registry_rows "
            f"WHERE {' AND '.join(where)} ORDER BY {ordering} LIMIT 1 OFFSET :skip"
        ),
        {**params, "skip": offset - 1},
    ).first()
    return None if found is None else _cursor(found[0], found[1])


def _keyset(sql: _Sql, order: str, compare: str) -> str:
    """The rows after the cursor. PostgreSQL: a row value, one bound of the order's index
    (the spelled-out form tested ``order > value OR seq > after`` on every row walked,
    computing the order's expression from the JSON each time). SQLite: spelled out (a
    row value made it walk the index from its start)."""
    if sql.postgres:
        return f"({order}, seq) {compare} (:after_value, :after_seq)"
    return (
        f"{order} {compare}= :after_value "
        f"AND ({order} {compare} :after_value OR seq {compare} :after_seq)"
    )


def _registry_walk(params: dict[str, Any], paged: bool, compare: str) -> str:
    """PostgreSQL, the unsorted view: its rows after the cursor as a row value of the
    ``(registry_id, seq)`` index. With ``ORDER BY seq`` alone the planner walked the
    ``seq`` index and skipped the other registries' rows (the rows of the registry
    stored third: 550 000 skipped, 430 ms for the first page; with this 0.5 ms)."""
    if not paged:
        params["after_seq"] = -1 if compare == ">" else 2**63 - 1
    return f"(registry_id, seq) {compare} (:registry, :after_seq)"


def _plan_for_a_page(conn: Connection) -> None:
    """PostgreSQL, for this read transaction only: no parallel workers and no JIT, and
    the cost of an operator 20 times the default. A page walks a few thousand index
    entries; the long expressions' cost estimates made the planner start two workers
    (Gather Merge: 8-20 ms before the first row, on 2 cores) and compile the expressions
    (JIT: ~14 ms a statement), each more than the walk. Each of our expressions parses
    the row's JSON (~8 µs), far above the default ``cpu_operator_cost``: at its default
    the planner tested a filter by computing it from the row, not by a probe of the
    filter's own index (district view: ~55 → ~36 ms a page)."""
    conn.execute(
        text(
            "SELECT set_config('max_parallel_workers_per_gather', '0', true), "
            "set_config('jit', 'off', true), set_config('cpu_operator_cost', '0.05', true)"
        )
    )


PROBE_ROWS = 2000
"""How far the probe walks the order before it leaves a page to the indexes' sets."""
PROBE_CHUNK = 250
COMMON_ROWS = 40_000
"""A filter matching at least this many rows is tested row by row in the order's walk
(in 2 000 rows of a registry of a million, 80 or more match)."""


def _common(conn: Connection, condition: str, params: dict[str, Any]) -> bool:
    """Whether the one filter off the sort column (``+seq IN (<its index range>)``)
    matches ``COMMON_ROWS`` rows or more: counted up to there from its index alone. A
    rarer one is a small set, cheap to build, whose rows a walk soon meets."""
    if not condition.startswith("+seq IN ("):
        return False
    subquery = condition[len("+seq IN (") : -1]
    counted = conn.execute(
        text(f"SELECT count(*) FROM ({subquery} LIMIT :common) AS matching"),
        {**params, "common": COMMON_ROWS},
    ).scalar_one()
    return int(counted) >= COMMON_ROWS


def _probe(
    conn: Connection,
    order: str,
    ordering: str,
    walk: list[str],
    tests: list[str],
    params: dict[str, Any],
    limit: int,
) -> list[Any] | None:
    """A page read by walking the order's index and testing the next rows as they come,
    or None when the first ``PROBE_ROWS`` rows hold too few matches.

    A filter off the sort column is otherwise a set of every row it matches, built
    from that column's index for each page (a range matching a quarter of a million
    rows: ~100 ms a page); where matches are common the first rows in order hold a page
    of them, found by reading a few hundred rows. Exact: the rows walked are the
    view's first, in order, and those that pass are its first matches."""
    keys = conn.execute(
        text(
            f"SELECT {order} AS sort_value, seq FROM registry_rows "
            f"WHERE {' AND '.join(walk)} ORDER BY {ordering} LIMIT :probe"
        ),
        {**params, "probe": PROBE_ROWS},
    ).all()
    if not keys:
        return []
    found: list[Any] = []
    for begin in range(0, len(keys), PROBE_CHUNK):  # read the rows a chunk at a time
        chunk = keys[begin : begin + PROBE_CHUNK]
        passed: dict[int, str] = dict(
            conn.execute(
                text(
                    "SELECT seq, body FROM registry_rows WHERE seq IN :seqs "
                    f"AND {' AND '.join(tests)}"
                ).bindparams(bindparam("seqs", expanding=True)),
                {**params, "seqs": [seq for _value, seq in chunk]},
            ).all()
        )
        found += [(value, seq, passed[seq]) for value, seq in chunk if seq in passed]
        if len(found) >= limit:
            return found[:limit]
    if len(keys) == PROBE_ROWS:
        return None
    return found


# --- aggregates: the count of a view, a pick list's counts, the ATC tree ----------------
#
# Not in the personal-data access log (it records who read rows, and how many): they
# return no row's fields, only counts of rows the same user may page through; the tab
# reads a view's first page beside its count, and that page is logged (docs/api.md).

MAX_CHOICES = 1000
"""A pick list's most values (an ``enum`` column has a few dozen)."""
ATC_LEVELS = (1, 3, 4, 5, 7)
"""Lengths of an ATC code's levels (the client cache's ``domains.registries.queries``)."""
_ATC_COLUMN = "atc_code"


class ViewCount(BaseModel):
    count: int


class ChoiceCount(BaseModel):
    value: str
    count: int


class AtcGroupCount(BaseModel):
    code: str
    count: int


@router.get(
    "/registries/{registry_id}/count",
    response_model=ViewCount,
    description="The exact number of rows of a view: the same `filters` and `search` as "
    "`/rows` (the same checks: 422 for a filter it refuses). No rows are returned, so "
    "nothing is written to the personal-data access log.",
)
def registry_view_count(
    registry_id: str,
    principal: PrincipalDep,
    services: ServicesDep,
    filters: Annotated[str, Query(max_length=20_000)] = "[]",
    search: Annotated[str | None, Query(max_length=200)] = None,
    search_terms: SearchTerms = None,
) -> ViewCount:
    parsed = _parsed_filters(filters)
    sql = _Sql(postgres=not services.db.is_sqlite)
    with services.db.read() as conn:
        columns, _personal = _columns(conn, principal, registry_id)
        params: dict[str, Any] = {"registry": registry_id}
        # Not wrapped as sets: with no order to walk, the filter's own index drives.
        conditions = _conditions(sql, columns, parsed, params, wrap=False)
        conditions += _starts_ranges(sql, columns, parsed, params)
        conditions += _search_conditions(
            sql, columns, search or "", params, _search_terms(search_terms)
        )
        where = " AND ".join(["registry_id = :registry", sql.live, *conditions])
        counted = conn.execute(
            text(f"SELECT count(*) FROM registry_rows WHERE {where}"), params
        ).scalar_one()
    return ViewCount(count=int(counted))


_TOP = "\U0010ffff"
_TWO_KEYS = frozenset("escgoui")
"""Folded letters two letters share, whose sort keys differ by a DEL after: e (e, ə),
s (s, ş), c (c, ç), g (g, ğ), o (o, ö), u (u, ü), i (ı, i)."""


def _starts_ranges(
    sql: _Sql, columns: dict[str, str], filters: list[Any], params: dict[str, Any]
) -> list[str]:
    """For each "starts with" filter, a range of its column's order index holding every
    row it matches (and a few more, which its folded test leaves out): the count reads
    those index entries' rows instead of the registry's. None for a needle whose
    folding is not plain ASCII (its sort keys are not worked out here)."""
    found = []
    for number, item in enumerate(filters):
        bounds = _starts_range(columns, item) if isinstance(item, dict) else None
        if bounds is None:
            continue
        key = item["column"]
        order = sql.order(key, columns[key])
        params[f"r{number}_low"], params[f"r{number}_high"] = bounds
        found.append(f"{order} >= :r{number}_low AND {order} < :r{number}_high")
    return found


def _starts_range(columns: dict[str, str], item: dict[str, Any]) -> tuple[str, str] | None:
    """The range of sort keys a "starts with" filter's matches lie in, or None where none
    is worked out: another kind of filter, a column that is not text (its order is no
    sort key), other spellings sent (Cyrillic typed for Latin: each its own range), a
    needle whose folding is not plain ASCII. Used by the pages (on the sorted column)
    and by the count."""
    if item.get("kind") != "text" or item.get("mode") != "starts" or item.get("spellings"):
        return None
    if columns.get(str(item.get("column"))) not in ("text", "enum"):
        return None
    return _starts_bounds(str(item.get("text", "")))


def _starts_bounds(needle: str) -> tuple[str, str] | None:
    """The sort keys of the values whose folding starts with ``needle``'s lie between
    these two (``_Sql.folded`` and ``sort_key`` spelled in Python, plain ASCII only)."""
    folded = needle.replace("İ", "i").replace("I", "ı")
    folded = "".join(c.lower() if "A" <= c <= "Z" else c for c in folded)
    for old, new in _FOLD_STEPS:
        folded = folded.replace(old, new)
    if not folded.strip() or any(not " " <= c <= "~" for c in folded):
        return None
    spelled = {"q": "k" + AFTER, "x": "h" + AFTER}
    lows = [spelled.get(c, c) for c in folded]
    highs = [low + AFTER if c in _TWO_KEYS else low for c, low in zip(folded, lows, strict=True)]
    # The largest key: each shared letter's DEL form, but the last letter's plain form
    # followed by anything (its DEL form is one of those).
    return "".join(lows), "".join(highs[:-1]) + lows[-1] + _TOP


@router.get(
    "/registries/{registry_id}/choices",
    response_model=list[ChoiceCount],
    description="A pick list: every value of an `enum` column in the whole registry with "
    "its number of rows, in the column's sort order (Azerbaijani alphabet); values the "
    'description does not list are included, a missing value as "". At most '
    f"{MAX_CHOICES} values. 422 for a column that is not an `enum` of this registry.",
)
def registry_choices(
    registry_id: str,
    principal: PrincipalDep,
    services: ServicesDep,
    column: Annotated[str, Query(max_length=64)],
) -> list[ChoiceCount]:
    sql = _Sql(postgres=not services.db.is_sqlite)
    with services.db.read() as conn:
        columns, _personal = _columns(conn, principal, registry_id)
        if columns.get(column) != "enum":
            raise ApiError(422, "validation_error", "column names no enum column of this registry.")
        order = sql.order(column, "enum")
        live = f"registry_id = :registry AND {sql.live}"
        params: dict[str, Any] = {"registry": registry_id, "most": MAX_CHOICES}
        # Grouped by the order's index alone (no row is read), then one value per group.
        groups = conn.execute(
            text(
                f"SELECT {order} AS choice, count(*) FROM registry_rows WHERE {live} "
                "GROUP BY 1 ORDER BY 1 LIMIT :most"
            ),
            params,
        ).all()
        spelled = text(
            f"SELECT {sql.value(column, 'enum')} FROM registry_rows "
            f"WHERE {live} AND {order} = :choice LIMIT 1"
        )
        found = []
        for choice, count in groups:
            value = conn.execute(spelled, {**params, "choice": choice}).scalar()
            found.append(ChoiceCount(value="" if value is None else str(value), count=int(count)))
    return found


@router.get(
    "/registries/{registry_id}/atc",
    response_model=list[AtcGroupCount],
    description="The ATC tree of a registry with an `atc_code` column (the medicines): the "
    'next level under `parent` ("": the anatomical groups; levels of 1, 3, 4, 5 and 7 '
    "characters) with the number of rows in each, by code. 422 for a registry without "
    "ATC codes or a `parent` that is not letters and digits.",
)
def registry_atc_groups(
    registry_id: str,
    principal: PrincipalDep,
    services: ServicesDep,
    parent: Annotated[str, Query(max_length=7, pattern="^[A-Za-z0-9]*$")] = "",
) -> list[AtcGroupCount]:
    sql = _Sql(postgres=not services.db.is_sqlite)
    with services.db.read() as conn:
        columns, _personal = _columns(conn, principal, registry_id)
        kind = columns.get(_ATC_COLUMN)
        if kind not in ("text", "enum"):
            raise ApiError(422, "validation_error", "This registry has no ATC codes.")
        parent = parent.upper()
        deeper = [n for n in ATC_LEVELS if n > len(parent)]
        if not deeper:
            return []
        order = sql.order(_ATC_COLUMN, kind)
        where = ["registry_id = :registry", sql.live]
        params: dict[str, Any] = {"registry": registry_id}
        if parent:  # a range of the order's index: the sort key keeps a code's prefix
            params["parent"] = parent
            start = sql.sort_key(":parent")
            end = "chr(1114111)" if sql.postgres else "char(1114111)"
            where += [f"{order} >= {start}", f"{order} < {start} || {end}"]
        keys = conn.execute(
            text(
                f"SELECT {order} AS code, count(*) FROM registry_rows "
                f"WHERE {' AND '.join(where)} GROUP BY 1"
            ),
            params,
        ).all()
        spelled = text(
            f"SELECT {sql.value(_ATC_COLUMN, kind)} FROM registry_rows "
            f"WHERE registry_id = :registry AND {sql.live} AND {order} = :key LIMIT 1"
        )
        groups: dict[str, int] = {}
        for key, count in keys:
            code = _atc_code(str(key))
            if code is None:  # not an ATC code's letters: its value as stored
                code = _ascii_upper(str(conn.execute(spelled, {**params, "key": key}).scalar()))
            if len(code) >= deeper[0]:
                group = code[: deeper[0]]
                groups[group] = groups.get(group, 0) + int(count)
    return [AtcGroupCount(code=code, count=groups[code]) for code in sorted(groups)]


_ATC_LETTERS = frozenset("abcdefghjklmnoprstuvwyz0123456789")


def _atc_code(key: str) -> str | None:
    """The upper-case code whose sort key is ``key`` when it is Latin letters and digits
    (the sort key spells I, Q, X as the letter before plus DEL), else None."""
    plain = key.replace("i" + AFTER, "I").replace("k" + AFTER, "Q").replace("h" + AFTER, "X")
    if not all(c in _ATC_LETTERS or c in "IQX" for c in plain):
        return None
    return plain.upper()


def _ascii_upper(value: str) -> str:
    """SQLite's ``upper`` (the cache's): ASCII letters only."""
    return "".join(c.upper() if c.isascii() else c for c in value)


@router.get("/admin/registry-access-log", response_model=list[AccessLogEntry])
def access_log(
    principal: PrincipalDep,
    services: ServicesDep,
    registry: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[AccessLogEntry]:
    if not principal.is_admin:
        raise ApiError(403, "forbidden", "Only an administrator may read the access log.")
    query = select(registry_access_log).order_by(registry_access_log.c.id.desc()).limit(limit)
    if registry is not None:
        query = query.where(registry_access_log.c.registry_id == registry)
    with services.db.read() as conn:
        rows = conn.execute(query).all()
    return [
        AccessLogEntry(
            user_id=r.user_id, registry_id=r.registry_id, at=r.at, rows=r.rows, kind=r.kind
        )
        for r in rows
    ]


def index_statements(conn: Connection, postgres: bool) -> list[tuple[str, str]]:
    """(name, CREATE INDEX) of the expression index of every column of every registry,
    the filterable columns first (a filter needs its index more than a sort does)."""
    sql = _Sql(postgres)
    wanted: dict[str, str] = {}
    later: dict[str, str] = {}
    for (body,) in conn.execute(select(registries.c.body).where(registries.c.deleted.is_(False))):
        for column in json.loads(body).get("columns", []):
            key, kind = column["key"], column.get("type", "text")
            name, statement = _index_statement(sql, key, kind)
            (wanted if column.get("filterable") else later)[name] = statement
    return list(wanted.items()) + [(n, s) for n, s in later.items() if n not in wanted]


def statistics_statements(conn: Connection) -> list[tuple[str, str]]:
    """PostgreSQL: (name, CREATE STATISTICS) of every registry column's order expression.

    The planner ignores the statistics of a partial index's expressions (ours are all
    ``WHERE deleted = false``), so without these it guessed every filter at 0.5 % of the
    rows (a range matching a quarter of them: it then built their set and sorted it, 3 s
    a page, instead of walking the order). ``ANALYZE`` fills them."""
    sql = _Sql(postgres=True)
    wanted: dict[str, str] = {}
    for (body,) in conn.execute(select(registries.c.body).where(registries.c.deleted.is_(False))):
        for column in json.loads(body).get("columns", []):
            key, kind = column["key"], column.get("type", "text")
            digest = hashlib.sha256(f"{key}|{kind}|C".encode()).hexdigest()[:12]
            name = f"st_registry_rows_{digest}"
            wanted[name] = (
                f'CREATE STATISTICS IF NOT EXISTS "{name}" '
                f"ON ({sql.order(key, kind)}) FROM registry_rows"
            )
    return list(wanted.items())


def _index_statement(sql: _Sql, key: str, kind: str) -> tuple[str, str]:
    # PostgreSQL's text orders are spelled with COLLATE "C" (a new name, so an index
    # of the spelling without it is not taken for this one).
    tag = "|C" if sql.postgres else ""
    digest = hashlib.sha256(f"{key}|{kind}|live{tag}".encode()).hexdigest()[:12]
    name = f"ix_registry_rows_{digest}"
    return name, (
        f'CREATE INDEX IF NOT EXISTS "{name}" ON registry_rows '
        f"(registry_id, ({sql.order(key, kind)}), seq) WHERE {sql.live}"
    )


def ensure_row_indexes(
    conn: Connection, postgres: bool, keys: frozenset[str] | None = None
) -> None:
    """Build, in this transaction, the expression indexes of every column of every
    registry (``keys``: only these columns). The server builds them in the background
    after start (``registry_indexes``); this is for benchmarks and tests."""
    sql = _Sql(postgres)
    for (body,) in conn.execute(select(registries.c.body)):
        for column in json.loads(body).get("columns", []):
            key, kind = column["key"], column.get("type", "text")
            if keys is not None and key not in keys:
                continue
            conn.execute(text(_index_statement(sql, key, kind)[1]))


__all__ = [
    "ensure_row_indexes",
    "index_statements",
    "registry_access_log",
    "router",
    "statistics_statements",
]
_ = registry_rows  # the table the endpoint reads (by name in its SQL)
