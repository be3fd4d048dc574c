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
from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel
from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    String,
    Table,
    bindparam,
    insert,
    select,
    text,
)
from sqlalchemy.engine import Connection

from server.access import may_read_personal_data
from server.context import Principal, PrincipalDep, ServicesDep
from server.db import metadata, registries, registry_rows
from server.errors import ApiError

router = APIRouter(tags=["registries"])

registry_access_log = Table(
    "registry_access_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", String(64), nullable=False),
    Column("registry_id", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("rows", Integer, nullable=False),
)

MAX_PAGE = 500
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


_FOLDS_TO = {"ə": "e", "Ə": "e", "ç": "c", "Ç": "c", "ğ": "g", "Ğ": "g", "ö": "o", "Ö": "o",
             "ş": "s", "Ş": "s", "ü": "u", "Ü": "u", "ı": "i", "I": "i", "İ": "i"}  # fmt: skip
_PLAIN = frozenset(map(chr, range(32, 127))) - frozenset("Iiqxecgosu")  # sorted as typed


def _sort_prefix(needle: str) -> str:
    """What the sort key of every value whose folded text starts with ``needle`` starts
    with: the needle's letters up to the first whose sort spelling depends on which
    letter folded to it (``e`` is ``e`` or ``ə``: ``e`` or ``e`` + \x7f), that one's
    first character included. Only ASCII is lowered here (as SQL's ``lower`` does in any
    locale); any other character ends the prefix."""
    prefix = ""
    for typed in needle:
        # "I" is "ı" to the folding; only ASCII is lowered the same in every locale.
        letter = typed.lower() if typed.isascii() and typed != "I" else typed
        if letter in ("q", "x"):  # only q folds to q; its sort spelling is k + \x7f
            prefix += {"q": "k", "x": "h"}[letter] + AFTER
        elif letter in _PLAIN:
            prefix += letter
        else:
            return prefix + _FOLDS_TO.get(letter, letter if letter in "ecgosui" else "")
    return prefix


def _sorted_prefix(
    sql: _Sql, columns: dict[str, str], item: dict[str, Any], number: int, params: dict[str, Any]
) -> list[str]:
    """A "starts with" on the sorted text column, also as a range of the order's index:
    the folded test alone is no index bound, so the first page walked the order from its
    start to the first match (``məm``: 286 000 rows, seconds). Implied by the test: the
    same rows."""
    if item.get("kind") != "text" or item.get("mode") != "starts":
        return []
    if not str(item.get("text", "")).strip():  # no filter at all
        return []
    if columns.get(str(item["column"])) not in ("text", "enum"):
        return []
    prefix = _sort_prefix(str(item.get("text", "")))
    if not prefix:
        return []
    name = f"f{number}_prefix"
    params[name] = prefix
    order = sql.order(str(item["column"]), columns[str(item["column"])])
    end = "chr(1114111)" if sql.postgres else "char(1114111)"
    return [f"{order} >= :{name}", f"{order} < :{name} || {end}"]


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
        params[name] = needle
        if item.get("mode") == "starts":
            end = "chr(1114111)" if sql.postgres else "char(1114111)"
            needle = sql.folded(":" + name)
            found.append(f"({folded} >= {needle} AND {folded} < {needle} || {end})")
        elif sql.postgres:
            found.append(f"strpos({folded}, {sql.folded(':' + name)}) > 0")
        else:
            found.append(f"instr({folded}, {sql.folded(':' + name)}) > 0")
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
        if high is not None:
            params[name + "_high"] = high
            found.append(f"{order} <= :{name}_high")
    elif filter_kind == "flag":
        params[name] = 1 if item.get("value") else 0
        found.append(f"{order} = :{name}")
    else:
        raise ApiError(422, "validation_error", "Unknown filter kind.")


def _search_conditions(
    sql: _Sql, columns: dict[str, str], search: str, params: dict[str, Any]
) -> list[str]:
    """Free search, as the offline one: each word typed, folded, is in the row's text.
    Bound as a parameter, so FTS or SQL syntax typed is only text."""
    searchable = [key for key, kind in columns.items() if kind in ("text", "enum", "date")]
    words = search.split()[:16]
    if not words:
        return []
    if not searchable:
        return ["1 = 0"]
    separator = "chr(31)" if sql.postgres else "char(31)"
    row_text = f" || {separator} || ".join(
        f"coalesce({sql.value(key, columns[key])}, '')" for key in searchable
    )
    folded_row = sql.folded(row_text)
    found = []
    for number, word in enumerate(words):
        name = f"search{number}"
        params[name] = word
        position = "strpos" if sql.postgres else "instr"
        found.append(f"{position}({folded_row}, {sql.folded(':' + name)}) > 0")
    return found


def _cursor(value: Any, seq: int) -> str:
    return base64.urlsafe_b64encode(json.dumps([value, seq]).encode()).decode().rstrip("=")


def _uncursor(cursor: str) -> tuple[Any, int]:
    try:
        value, seq = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        return value, int(seq)
    except (ValueError, TypeError):
        raise ApiError(422, "validation_error", "Not a cursor of this endpoint.") from None


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
    search: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Free search over the whole row: every word typed (Azerbaijani "
            "folding) is contained in some text, choice or date column; searched as text.",
        ),
    ] = None,
) -> RowsPage:
    try:
        parsed = json.loads(filters)
    except ValueError:
        raise ApiError(422, "validation_error", "filters is not JSON.") from None
    if not isinstance(parsed, list):
        raise ApiError(422, "validation_error", "filters is not a list.")
    sql = _Sql(postgres=not services.db.is_sqlite)
    with services.db.read() as conn:
        columns, personal = _columns(conn, principal, registry_id)
        params: dict[str, Any] = {"registry": registry_id, "limit": limit}
        conditions = _conditions(sql, columns, parsed, params, sort)
        searched = _search_conditions(sql, columns, search or "", params)
        conditions += searched
        if sort is not None and sort not in columns:
            raise ApiError(422, "validation_error", "sort names no column of this registry.")
        order = "seq" if sort is None else sql.order(sort, columns[sort])
        direction = "DESC" if descending else "ASC"
        compare = "<" if descending else ">"
        walk = ["registry_id = :registry", sql.live]
        if after is not None:
            value, seq = _uncursor(after)
            params["after_seq"] = seq
            if sort is None:
                walk.append(f"seq {compare} :after_seq")
            else:
                params["after_value"] = value
                walk.append(_keyset(sql, order, compare))
        ordering = f"seq {direction}" if sort is None else f"{order} {direction}, seq {direction}"
        if sql.postgres:
            _plan_for_a_page(conn)
            if sort is None:
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
        with services.db.write() as conn:
            conn.execute(
                insert(registry_access_log).values(
                    user_id=principal.user_id,
                    registry_id=registry_id,
                    at=datetime.now(UTC),
                    rows=len(items),
                )
            )
    next_cursor = _cursor(rows[-1][0], rows[-1][1]) if len(rows) == limit else None
    return RowsPage(items=items, next=next_cursor)


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
        AccessLogEntry(user_id=r.user_id, registry_id=r.registry_id, at=r.at, rows=r.rows)
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
