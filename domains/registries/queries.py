"""A registry's rows in the cache: filtered, searched and sorted in SQL, read block by
block. No Qt.

Every filter and every sort is a condition or an order over an *expression* of the
row's JSON (``domains.registries.sql``), and the cache keeps an expression index
``(registry_id, <order expression>)`` for each column a user can filter or sort
(``ensure_indexes``; ``docs/registries.md`` says why expression indexes and not a side
table, with the measurements). So:

- a sort walks its index from the cursor on: the first block of a sorted million costs
  what a block of 200 index entries costs;
- a range, a choice or a "starts with" is a range of the same index;
- "contains" and the free search test rows in the order's walk until a block is full;
- the count is a count of index entries (or of rows that pass the test), read apart
  from the block, and never waited for.

A block is found in two steps: the ``(order value, rid)`` pairs of the block, from
the index alone (by keyset after a cursor, or by OFFSET for a jump: index entries are
skipped, rows are not read), then the records of those rids.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import sqlite_utils

from cache import sqlcipher_compat  # noqa: F401 - sqlite-utils catches sqlcipher3's errors
from cache.folding import az_fold
from cache.search import fts_match_expression, query_terms, query_words
from cache.transliteration import cyrillic_spellings, is_cyrillic
from domains.listing import Block
from domains.registries.filters import (
    ChoiceFilter,
    Filter,
    FlagFilter,
    RangeFilter,
    RegistryQuery,
    TextFilter,
    check_filters,
    parse_bound,
)
from domains.registries.model import Column, Registry, RegistryRow, load_registry
from domains.registries.sql import folded_sql, sort_key_sql, value_sql

__all__ = [
    "ATC_LEVELS",
    "EXPIRING_DAYS",
    "AtcGroup",
    "RegistryRows",
    "atc_groups",
    "choice_counts",
    "count_rows",
    "ensure_indexes",
    "expiring_query",
    "index_statements",
    "iter_rows",
    "missing_indexes",
    "order_sql",
    "other_spellings",
    "rows_block",
]

TABLE = "registry_rows"
EXPIRING_DAYS = 90
ATC_LEVELS = (1, 3, 4, 5, 7)
"""Lengths of an ATC code's levels: anatomical group (A), therapeutic (A02),
pharmacological (A02B), chemical (A02BC), substance (A02BC01)."""
_CYRILLIC_SPELLINGS = 6
_FTS_FROM = 3
"""A "contains" word this long takes its candidates from the word index; a shorter
one matches so many rows that walking the order and testing them is quicker."""


def order_sql(column: Column) -> str:
    """The expression a column is sorted and range-filtered by (never NULL, so a keyset
    comparison holds): the Azerbaijani key for text, the value for the rest."""
    value = value_sql(column.key)
    if column.is_text:
        return sort_key_sql(f"coalesce({value}, '')")
    if column.type == "date":
        return f"coalesce({value}, '')"
    return f"coalesce({value}, -1e308)"


def fold_sql(column: Column) -> str:
    return folded_sql(f"coalesce({value_sql(column.key)}, '')")


def _index_name(kind: str, column: Column) -> str:
    digest = hashlib.sha256(f"{column.key}|{column.type}".encode()).hexdigest()[:12]
    return f"registry_rows_{kind}_{digest}"


def has_fold_index(registry: Registry, column: Column) -> bool:
    """Whether "starts with" on this column is a range of an index: filterable text
    columns and the registry's first column (the name people type)."""
    first = registry.columns[0].key if registry.columns else None
    return column.type == "text" and (column.filterable or column.key == first)


def index_statements(registry: Registry) -> list[tuple[str, str]]:
    """(name, CREATE INDEX) for every index the registry's view uses: the order of every
    column (sort by any column), and the folded text of filterable text columns (a
    "starts with" as people type it is a range of it)."""
    statements = []
    for column in registry.columns:
        name = _index_name("order", column)
        statements.append(
            (
                name,
                f"CREATE INDEX IF NOT EXISTS {name} ON {TABLE} (registry_id, {order_sql(column)})",
            )
        )
        if has_fold_index(registry, column):
            name = _index_name("fold", column)
            statements.append(
                (
                    name,
                    f"CREATE INDEX IF NOT EXISTS {name} "
                    f"ON {TABLE} (registry_id, {fold_sql(column)})",
                )
            )
    return statements


def missing_indexes(db: sqlite_utils.Database, registry: Registry) -> list[str]:
    existing = {
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", (TABLE,)
        )
    }
    return [name for name, _sql in index_statements(registry) if name not in existing]


def ensure_indexes(
    db: sqlite_utils.Database,
    registry: Registry,
    progress: Callable[[int, int], None] | None = None,
    check: Callable[[], None] | None = None,
) -> int:
    """Build the indexes the registry's columns need and the cache lacks (a new column
    in the description gets its index here, an old one keeps its own); one committed
    transaction each, so a cancel between two keeps the built ones. Returns how many
    were built. ``check`` raises to stop between indexes."""
    wanted = [
        (n, s) for n, s in index_statements(registry) if n in set(missing_indexes(db, registry))
    ]
    for done, (_name, statement) in enumerate(wanted):
        if check is not None:
            check()
        if progress is not None:
            progress(done, len(wanted))
        with db.conn:
            db.execute(statement)
    if wanted:
        db.execute("ANALYZE registry_rows")
    return len(wanted)


@dataclass(frozen=True)
class _Plan:
    """A query made SQL: the WHERE over the registry's rows and the ORDER BY."""

    where: str
    params: tuple[Any, ...]
    order: str
    descending: bool


def other_spellings(text: str) -> list[str]:
    """A text filter's other spellings: a Cyrillic text's folded Latin ones (``азерб``
    finds ``Azərb…``), cut to a few; none for Latin. The online view sends the same."""
    text = text.strip()
    if not is_cyrillic(text):
        return []
    return cyrillic_spellings(text.lower(), _CYRILLIC_SPELLINGS)


def _text_condition(
    db: sqlite_utils.Database, column: Column, item: TextFilter, indexed_fold: bool
) -> tuple[str, list[Any], bool]:
    """The condition, its parameters, and whether the column's own index answers it."""
    text = item.text.strip()
    if not text:
        return "1", [], True
    if item.mode == "starts" and column.type == "text":
        expression = fold_sql(column)  # the fold index's own expression
    else:
        expression = folded_sql(f"coalesce({value_sql(column.key)}, '')")
    spellings = [text, *other_spellings(text)]
    parts, params = [], []
    needle = folded_sql("?")
    for spelling in spellings:
        if item.mode == "starts":
            # A range, so the fold index answers it: [needle, needle + U+10FFFF).
            parts.append(f"({expression} >= {needle} AND {expression} < {needle} || char(1114111))")
            params += [spelling, spelling]
        else:
            parts.append(f"instr({expression}, {needle}) > 0")
            params.append(spelling)
    condition = "(" + " OR ".join(parts) + ")"
    if item.mode == "starts":
        return condition, params, indexed_fold
    if len(query_words(text)) and min(len(w) for w in query_words(text)) >= _FTS_FROM:
        # Candidates from the rows' word index first (a rare name is not a scan of a
        # million rows); the rows it does not cover yet are tested as they are.
        candidates, values = _indexed_words(db, text)
        return f"({candidates}) AND {condition}", [*values, *params], False
    return condition, params, False


def _indexed_words(db: sqlite_utils.Database, text: str) -> tuple[str, list[Any]]:
    """Rows whose words start with every word of ``text`` (FTS where built), or not
    indexed yet."""
    words = query_terms(text)
    row = db.execute(
        "SELECT indexed_upto FROM search_index_state WHERE collection = ?", (TABLE,)
    ).fetchone()
    upto = 0 if row is None else int(row[0])
    return (
        "+rid IN (SELECT rowid FROM registry_rows_fts WHERE registry_rows_fts MATCH ? "
        "AND rowid <= ?) OR rid > ? OR +rid IN (SELECT rid FROM search_backlog "
        f"WHERE collection = '{TABLE}')",
        [fts_match_expression(words), upto, upto],
    )


def _search_condition(db: sqlite_utils.Database, search: str) -> tuple[str, list[Any]]:
    """Free search over the whole row: the registry rows' FTS index where it is built,
    a folded scan of the rows it does not cover yet (right after a large sync)."""
    if not search.strip():
        return "1", []
    words = query_terms(search)
    if not query_words(search):
        return "0", []  # punctuation only: nothing matches, nothing raises
    row = db.execute(
        "SELECT indexed_upto FROM search_index_state WHERE collection = ?", (TABLE,)
    ).fetchone()
    upto = 0 if row is None else int(row[0])
    folded_record = folded_sql("record")
    scan = " AND ".join(
        "(" + " OR ".join(f"instr({folded_record}, ?) > 0" for _ in term) + ")" for term in words
    )
    condition = (
        f"(rid IN (SELECT rowid FROM registry_rows_fts WHERE registry_rows_fts MATCH ? "
        f"AND rowid <= ?) OR ((rid > ? OR rid IN (SELECT rid FROM search_backlog "
        f"WHERE collection = '{TABLE}')) AND {scan}))"
    )
    spellings = [spelling for term in words for spelling in term]
    return condition, [fts_match_expression(words), upto, upto, *spellings]


def _plan(db: sqlite_utils.Database, registry: Registry, query: RegistryQuery) -> _Plan:
    """Conditions on the sort column are ranges of the index the order walks; other
    indexed conditions become ``+rid IN (rids of that column's index range)``, tested
    as the order's index is walked (the rows are not read for them); "contains" and
    the free search read the rows they test."""
    check_filters(registry, query)
    conditions = ["registry_id = ?"]
    params: list[Any] = [registry.id]
    for item in query.filters:
        column = registry.column(item.column)
        condition, values, indexed = _condition(db, registry, column, item)
        if condition == "1":
            continue
        # A "starts with" is a range of the column's fold index, not of its order.
        own_order = column.key == query.sort and not isinstance(item, TextFilter)
        if indexed and not own_order:
            condition = f"+rid IN (SELECT rid FROM {TABLE} WHERE registry_id = ? AND {condition})"
            values = [registry.id, *values]
            if isinstance(item, TextFilter) and column.key == query.sort:
                bound, bound_values = _prefix_bound(column, item.text)
                condition += bound
                values += bound_values
        conditions.append(condition)
        params += values
    search, values = _search_condition(db, query.search)
    if search != "1":
        conditions.append(search)
        params += values
    order = "rid" if query.sort is None else order_sql(registry.column(query.sort))
    return _Plan(" AND ".join(conditions), tuple(params), order, query.descending)


_LOWEST = str.maketrans({"i": "ı"})
_HIGHEST = str.maketrans({"c": "ç", "e": "ə", "g": "ğ", "o": "ö", "s": "ş", "u": "ü"})


def _prefix_bound(column: Column, text: str) -> tuple[str, list[Any]]:
    """For "starts with" on the sorted column: the stretch of the order's index where
    every spelling of the folded prefix lies (``seki``: from ``sekı…`` to ``şəki…``),
    so the walk starts there, not at the first row. Nothing for a Cyrillic prefix (its
    Latin spellings lie far apart)."""
    if is_cyrillic(text) or not text.strip():
        return "", []
    folded = az_fold(text.strip()).lower()
    order = order_sql(column)
    low, high = sort_key_sql("?"), sort_key_sql("?")
    return (
        f" AND {order} >= {low} AND {order} < {high} || char(1114111)",
        [folded.translate(_LOWEST), folded.translate(_HIGHEST)],
    )


def _condition(
    db: sqlite_utils.Database, registry: Registry, column: Column, item: Filter
) -> tuple[str, list[Any], bool]:
    """A filter's condition, its parameters, and whether an index of the column
    answers it alone."""
    if isinstance(item, TextFilter):
        return _text_condition(db, column, item, has_fold_index(registry, column))
    if isinstance(item, ChoiceFilter):
        if not item.values:
            return "1", [], True
        # Text choices compare by sort key: "kişi" picks "Kişi".
        keys = ", ".join(sort_key_sql("?") for _ in item.values)
        return f"{order_sql(column)} IN ({keys})", list(item.values), True
    if isinstance(item, RangeFilter):
        low, high = parse_bound(column, item.low), parse_bound(column, item.high)
        parts: list[str] = []
        values: list[Any] = []
        if low is not None:
            parts.append(f"{order_sql(column)} >= ?")
            values.append(low)
        else:  # an empty value is neither a number nor a date
            parts.append(f"{order_sql(column)} > " + ("''" if column.type == "date" else "-1e308"))
        if high is not None:
            parts.append(f"{order_sql(column)} <= ?")
            values.append(high)
        return " AND ".join(parts), values, True
    return f"{order_sql(column)} = ?", [1 if item.value else 0], True


def _registry(db: sqlite_utils.Database, registry_id: str) -> Registry:
    registry = load_registry(db, registry_id)
    if registry is None:
        raise KeyError(registry_id)
    return registry


def count_rows(db: sqlite_utils.Database, query: RegistryQuery) -> int:
    plan = _plan(db, _registry(db, query.registry_id), query)
    return int(
        db.execute(f"SELECT count(*) FROM {TABLE} WHERE {plan.where}", plan.params).fetchone()[0]
    )


@dataclass(frozen=True)
class RowCursor:
    """Where a block ends: its last row's order value and rid (keyset)."""

    value: Any
    rid: int


def _after(plan: _Plan, after: RowCursor | None) -> tuple[str, list[Any]]:
    """The keyset condition: the rows after ``after`` in the view's order."""
    if after is None:
        return "", []
    operator = "<" if plan.descending else ">"
    if plan.order == "rid":
        return f" AND rid {operator} ?", [after.rid]
    # Spelled out, not as a row value: SQLite seeks the index on the first term (a
    # row-value comparison here walked the index from its start).
    order = plan.order
    return (
        f" AND {order} {operator}= ? AND ({order} {operator} ? OR rid {operator} ?)",
        [after.value, after.value, after.rid],
    )


def _keys(
    db: sqlite_utils.Database, plan: _Plan, start: int, limit: int, after: RowCursor | None
) -> list[tuple[Any, int]]:
    direction = "DESC" if plan.descending else "ASC"
    keyset, keyset_params = _after(plan, after)
    where, params = plan.where + keyset, [*plan.params, *keyset_params]
    offset = 0 if after is not None else start
    order = "rid" if plan.order == "rid" else f"{plan.order} {direction}, rid"
    sql = (
        f"SELECT {plan.order}, rid FROM {TABLE} WHERE {where} "
        f"ORDER BY {order} {direction} LIMIT ? OFFSET ?"
    )
    return [(row[0], row[1]) for row in db.execute(sql, (*params, limit, offset))]


WALK_FIRST = 20_000
"""How many rows of the order a "contains" block is first looked for in."""


def _walk_near(
    db: sqlite_utils.Database, plan: _Plan, limit: int, after: RowCursor | None
) -> list[tuple[Any, int]] | None:
    """The block, if it lies within the next ``WALK_FIRST`` rows of the order (where
    matches are common: a given name, a patronymic); None otherwise. The walk is
    bounded by the key of the row ``WALK_FIRST`` on, read from the index alone."""
    direction = "DESC" if plan.descending else "ASC"
    keyset, keyset_params = _after(plan, after)
    order = f"{plan.order} {direction}, rid {direction}"
    edge = db.execute(
        f"SELECT {plan.order}, rid FROM {TABLE} WHERE registry_id = ?{keyset} "
        f"ORDER BY {order} LIMIT 1 OFFSET ?",
        (plan.params[0], *keyset_params, WALK_FIRST),
    ).fetchone()
    if edge is None:
        return None  # the rest of the view is shorter: the walk is bounded anyway
    before = ">" if plan.descending else "<"  # rows before the edge, in the view's order
    keys = [
        (row[0], row[1])
        for row in db.execute(
            f"SELECT {plan.order}, rid FROM {TABLE} WHERE {plan.where}{keyset} "
            f"AND {plan.order} {before}= ? AND ({plan.order} {before} ? OR rid {before} ?) "
            f"ORDER BY {order} LIMIT ?",
            (*plan.params, *keyset_params, edge[0], edge[0], edge[1], limit),
        )
    ]
    return keys if len(keys) == limit else None


OTHERS_AT_MOST = 3_000
"""How many word-index candidates outside the typed prefix are read one by one."""


def _contains_keys(
    db: sqlite_utils.Database,
    registry: Registry,
    query: RegistryQuery,
    plan: _Plan,
    limit: int,
    after: RowCursor | None,
) -> list[tuple[Any, int]] | None:
    """A block of a view filtered by "contains" on the column it is sorted by, without
    walking the order from its start; None where this does not apply.

    The word index's candidates for ``məmm`` are tens of thousands of rows, most of
    them names that *start* with it, which lie together in the order: a walk that tests
    each row in order crosses half a million rows before the first (~300 ms). Instead
    the block is merged from two parts: the stretch of the order where the typed
    prefix lies (``_prefix_bound``), walked with the view's conditions; and the other
    candidates (the word index's, minus the rows whose folded value starts with the
    prefix, from the fold index), read one by one, when there are few. Every row of
    the view is in one of the two, so the merge's first ``limit`` are the block."""
    item = next(
        (
            f
            for f in query.filters
            if isinstance(f, TextFilter) and f.mode != "starts" and f.column == query.sort
        ),
        None,
    )
    if item is None:
        return None
    text = item.text.strip()
    column = registry.column(item.column)
    words = query_words(text)
    if (
        not column.is_text
        or not has_fold_index(registry, column)
        or is_cyrillic(text)
        or not words
        or min(len(w) for w in words) < _FTS_FROM
    ):
        return None
    bound, bound_params = _prefix_bound(column, text)
    if not bound:
        return None
    near = _walk_near(db, plan, limit, after)
    if near is not None:
        return near
    row = db.execute(
        "SELECT indexed_upto FROM search_index_state WHERE collection = ?", (TABLE,)
    ).fetchone()
    upto = 0 if row is None else int(row[0])
    fold, needle = fold_sql(column), folded_sql("?")
    others = [
        r[0]
        for r in db.execute(
            "SELECT rowid FROM registry_rows_fts WHERE registry_rows_fts MATCH ? AND rowid <= ? "
            f"UNION ALL SELECT rid FROM {TABLE} WHERE registry_id = ? AND rid > ? "
            f"UNION ALL SELECT rid FROM search_backlog WHERE collection = '{TABLE}' "
            f"EXCEPT SELECT rid FROM {TABLE} WHERE registry_id = ? "
            f"AND {fold} >= {needle} AND {fold} < {needle} || char(1114111) LIMIT ?",
            (
                fts_match_expression(query_terms(text)),
                upto,
                registry.id,
                upto,
                registry.id,
                text,
                text,
                OTHERS_AT_MOST + 1,
            ),
        )
    ]
    if len(others) > OTHERS_AT_MOST:
        return None
    keyset, keyset_params = _after(plan, after)
    found: dict[int, Any] = {}
    if others:
        marks = ", ".join("?" for _ in others)
        for value, rid in db.execute(
            f"SELECT {plan.order}, rid FROM {TABLE} NOT INDEXED "
            f"WHERE rid IN ({marks}) AND {plan.where}{keyset}",
            (*others, *plan.params, *keyset_params),
        ):
            found[rid] = value
    direction = "DESC" if plan.descending else "ASC"
    for value, rid in db.execute(
        f"SELECT {plan.order}, rid FROM {TABLE} WHERE {plan.where}{bound}{keyset} "
        f"ORDER BY {plan.order} {direction}, rid {direction} LIMIT ?",
        (*plan.params, *bound_params, *keyset_params, limit),
    ):
        found[rid] = value
    merged = sorted(((v, r) for r, v in found.items()), reverse=plan.descending)
    return merged[:limit]


JUMP_FROM_THE_END = 10_000
"""A jump this far or further, past the middle of a view whose count is known, walks
from the end."""


def _keys_from_the_end(
    db: sqlite_utils.Database, plan: _Plan, start: int, limit: int, total: int
) -> list[tuple[Any, int]]:
    """Rows ``start`` to ``start + limit`` of a view of ``total`` rows found by walking
    its order backwards: row 900 000 of a million is row 99 800 from the end, 100 000
    index entries to skip instead of 900 000. Reversed back into the view's order."""
    backwards = "ASC" if plan.descending else "DESC"
    order = "rid" if plan.order == "rid" else f"{plan.order} {backwards}, rid"
    sql = (
        f"SELECT {plan.order}, rid FROM {TABLE} WHERE {plan.where} "
        f"ORDER BY {order} {backwards} LIMIT ? OFFSET ?"
    )
    params = (*plan.params, max(0, min(limit, total - start)), max(0, total - start - limit))
    return [(row[0], row[1]) for row in db.execute(sql, params)][::-1]


def _records(db: sqlite_utils.Database, rids: Sequence[int]) -> dict[int, RegistryRow]:
    found: dict[int, RegistryRow] = {}
    for chunk_start in range(0, len(rids), 500):
        chunk = rids[chunk_start : chunk_start + 500]
        marks = ", ".join("?" for _ in chunk)
        for rid, record_id, record in db.execute(
            f"SELECT rid, id, record FROM {TABLE} WHERE rid IN ({marks})", chunk
        ):
            values = json.loads(record).get("values")
            found[rid] = RegistryRow(record_id, values if isinstance(values, dict) else {})
    return found


def rows_block(
    db: sqlite_utils.Database,
    query: RegistryQuery,
    start: int,
    limit: int,
    after: RowCursor | None = None,
    total: int | None = None,
) -> Block[RegistryRow]:
    """Rows ``start`` to ``start + limit`` of the view (after ``after`` when given;
    ``total``: the view's row count, when known to be current)."""
    registry = _registry(db, query.registry_id)
    plan = _plan(db, registry, query)
    keys: list[tuple[Any, int]] | None = None
    if after is None and total is not None and start >= JUMP_FROM_THE_END and start * 2 > total:
        keys = _keys_from_the_end(db, plan, start, limit, total)
    elif after is not None or start == 0:
        keys = _contains_keys(db, registry, query, plan, limit, after)
    if keys is None:
        keys = _keys(db, plan, start, limit, after)
    records = _records(db, [rid for _value, rid in keys])
    rows = [records[rid] for _value, rid in keys if rid in records]
    cursor = RowCursor(keys[-1][0], keys[-1][1]) if len(keys) == limit else None
    return Block(rows, cursor)


def iter_rows(
    db: sqlite_utils.Database, query: RegistryQuery, batch: int = 2000
) -> Iterator[list[RegistryRow]]:
    """The whole view in order, batch by batch (keyset: each batch as cheap as the
    first), for an export."""
    plan = _plan(db, _registry(db, query.registry_id), query)
    after: RowCursor | None = None
    while True:
        keys = _keys(db, plan, 0, batch, after)
        if not keys:
            return
        records = _records(db, [rid for _value, rid in keys])
        yield [records[rid] for _value, rid in keys if rid in records]
        if len(keys) < batch:
            return
        after = RowCursor(keys[-1][0], keys[-1][1])


def _data_version(db: sqlite_utils.Database) -> int:
    """Changes when another connection commits (SQLite's ``PRAGMA data_version``)."""
    return int(db.execute("PRAGMA data_version").fetchone()[0])


def sorted_by(
    query: RegistryQuery, columns: Sequence[str], column: int, descending: bool
) -> RegistryQuery | None:
    """``query`` sorted by the shown column at ``column`` (a header click), its filters
    and search kept; None for a column that is not shown. Offline and online alike."""
    if not 0 <= column < len(columns):
        return None
    return RegistryQuery(
        query.registry_id, query.filters, query.search, columns[column], descending, query.columns
    )


class RegistryRows:
    """A registry view as a ``domains.listing.RowSource`` for the lazy table."""

    collections = frozenset({"registry_rows", "registries"})

    def __init__(self, columns: Sequence[str]) -> None:
        self._columns = list(columns)
        """The column keys in the table's order (what ``sorted``'s number means)."""
        self._counted: dict[RegistryQuery, tuple[int, int, int]] = {}
        """The last count of a view: (connection, its data_version then, rows). The
        table jumps only once it knows the count; a jump on the same connection with
        no commit since (same data_version) may rely on it."""

    def count(self, db: sqlite_utils.Database, query: RegistryQuery) -> int:
        version = _data_version(db)
        total = count_rows(db, query)
        if len(self._counted) > 16:
            self._counted.clear()
        self._counted[query] = (id(db.conn), version, total)
        return total

    def _known_count(self, db: sqlite_utils.Database, query: RegistryQuery) -> int | None:
        known = self._counted.get(query)
        if known is None or known[0] != id(db.conn) or known[1] != _data_version(db):
            return None
        return known[2]

    def block(
        self,
        db: sqlite_utils.Database,
        query: RegistryQuery,
        start: int,
        limit: int,
        after: object | None,
    ) -> Block[RegistryRow]:
        cursor = after if isinstance(after, RowCursor) else None
        total = self._known_count(db, query) if cursor is None and start else None
        return rows_block(db, query, start, limit, cursor, total)

    def rows_by_id(self, db: sqlite_utils.Database, ids: Sequence[str]) -> list[RegistryRow]:
        marks = ", ".join("?" for _ in ids)
        found = {
            row[0]: row[1]
            for row in db.execute(f"SELECT id, rid FROM {TABLE} WHERE id IN ({marks})", list(ids))
        }
        records = _records(db, list(found.values()))
        return [records[found[i]] for i in ids if i in found and found[i] in records]

    def row_id(self, row: RegistryRow) -> str:
        return row.id

    def sorted(self, query: RegistryQuery, column: int, descending: bool) -> RegistryQuery | None:
        return sorted_by(query, self._columns, column, descending)


def choice_counts(
    db: sqlite_utils.Database, registry_id: str, column: Column
) -> list[tuple[str, int]]:
    """An enum column's values with how many rows have each (the pick list), from the
    column's index; values not in the description are listed too."""
    value = value_sql(column.key)
    rows = db.execute(
        f"SELECT {value}, count(*) FROM {TABLE} WHERE registry_id = ? GROUP BY {order_sql(column)} "
        f"ORDER BY {order_sql(column)}",
        (registry_id,),
    ).fetchall()
    return [("" if r[0] is None else str(r[0]), int(r[1])) for r in rows]


@dataclass(frozen=True)
class AtcGroup:
    code: str
    count: int


def atc_groups(db: sqlite_utils.Database, registry_id: str, parent: str = "") -> list[AtcGroup]:
    """The ATC tree's next level under ``parent`` ("" for the anatomical groups), with
    how many medicines each holds; read as ranges of the ``atc_code`` index."""
    parent = parent.strip().upper()
    deeper = [n for n in ATC_LEVELS if n > len(parent)]
    if not deeper:
        return []
    length = deeper[0]
    value = f"coalesce({value_sql('atc_code')}, '')"
    rows = db.execute(
        f"SELECT upper(substr({value}, 1, ?)) AS code, count(*) FROM {TABLE} "
        f"WHERE registry_id = ? AND upper({value}) LIKE ? AND length({value}) >= ? "
        "GROUP BY code ORDER BY code",
        (length, registry_id, parent.replace("%", "").replace("_", "") + "%", length),
    ).fetchall()
    return [AtcGroup(str(r[0]), int(r[1])) for r in rows]


def expiring_query(registry: Registry, today: date, expired: bool = False) -> RegistryQuery:
    """The medicines whose registration runs out within 90 days (or has run out),
    soonest first: what a pharmacist inspector opens first."""
    column = "valid_until"
    registry.column(column)  # KeyError: this registry has no such column
    if expired:
        window = RangeFilter(column, "", (today - timedelta(days=1)).isoformat())
        return RegistryQuery(registry.id, (window,), sort=column, descending=True)
    window = RangeFilter(
        column, today.isoformat(), (today + timedelta(days=EXPIRING_DAYS)).isoformat()
    )
    return RegistryQuery(registry.id, (window,), sort=column)


def flag_filter(column: str, value: bool) -> FlagFilter:
    return FlagFilter(column, value)


def choice_filter(column: str, values: Sequence[str]) -> ChoiceFilter:
    return ChoiceFilter(column, tuple(values))
