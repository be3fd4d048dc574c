"""Regional and national monthly aggregates, computed once after a sync that brought
indicator changes and kept in a derived table (``indicator_aggregates``), so that the
dashboard (10 indicators x 13 months of an area) reads 130 rows instead of aggregating
every district's value each time the tab opens (docs/analytics.md, "Figures").

The table holds, for every indicator, economic region (and the country, ``COUNTRY``) and
month, the same aggregate ``queries._monthly`` computes from the districts (a count's
sum, a rate's population-weighted mean, how many districts reported), and on the
country's rows the month's publication date and provisional flag. It is only used while
nothing changed since it was made. Regions, indicators and indicator values are written
by the sync only (they have no commands), each page with its new cursor in one
transaction; a trigger on ``collections_state`` (a source's cursor moves, or goes with a
reset) removes ``indicator_aggregates_state``'s row, and the readers compute from the
districts again until the next refresh. So it can be late, never wrong.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlite_utils

from cache.transaction import write_transaction

__all__ = ["AggregateRow", "is_fresh", "refresh_aggregates", "stored_rows"]

COUNTRY = ""  # the same as queries.COUNTRY (queries imports this module)
COUNT_UNITS = frozenset({"ədəd"})


@dataclass(frozen=True)
class AggregateRow:
    period: str
    value: float | None
    reporting: int
    published_on: str | None
    provisional: bool


def is_fresh(db: sqlite_utils.Database) -> bool:
    row = db.conn.execute("SELECT fresh FROM indicator_aggregates_state WHERE id = 1").fetchone()
    return row is not None and row[0] == 1


def stored_rows(
    db: sqlite_utils.Database, area_code: str, indicator_id: str | None = None
) -> dict[str, list[AggregateRow]] | None:
    """An area's aggregates by indicator (of one, or of every indicator), oldest month
    first; None when the table does not match its sources (the caller then computes
    from the districts)."""
    if not is_fresh(db):
        return None
    found: dict[str, list[AggregateRow]] = {}
    where, args = "area_code = ?", [area_code]
    if indicator_id is not None:
        where, args = where + " AND indicator_id = ?", [*args, indicator_id]
    rows = db.conn.execute(
        "SELECT indicator_id, period, value, reporting, published_on, provisional "
        f"FROM indicator_aggregates WHERE {where} ORDER BY indicator_id, period",
        args,
    )
    for found_id, period, value, reporting, published_on, provisional in rows:
        found.setdefault(found_id, []).append(
            AggregateRow(period, value, reporting, published_on, bool(provisional))
        )
    return found


@dataclass
class _Sums:
    total: float | None = None
    weighted: float = 0.0
    weight: float = 0.0
    reporting: int = 0
    present: bool = False

    def add(
        self, total: float | None, weighted: float | None, weight: float | None, n: int
    ) -> None:
        self.present = True
        if total is not None:
            self.total = total if self.total is None else self.total + total
        self.weighted += weighted or 0.0
        self.weight += weight or 0.0
        self.reporting += n


def refresh_aggregates(db: sqlite_utils.Database) -> bool:
    """Recompute the table when its sources changed (after a sync; one pass over the
    month index). Returns whether it was recomputed."""
    if is_fresh(db):
        return False
    # "Being made": a page of a source stored from now on removes this row (the triggers
    # of migration ``_m007_indicator_aggregates``), and the result is dropped.
    with write_transaction(db, immediate=True):
        db.conn.execute("INSERT OR REPLACE INTO indicator_aggregates_state VALUES (1, 0)")
    regions = db.conn.execute(
        "SELECT code, parent_code, json_extract(record, '$.population') FROM regions"
    ).fetchall()
    tops = {code for code, parent, _ in regions if parent is None}
    districts = {
        code: (parent, population if isinstance(population, int) and population > 0 else None)
        for code, parent, population in regions
        if parent in tops
    }
    # An area's rates are weighted only when every one of its districts has a population
    # (as queries._monthly does); the country's when all of them have.
    weighted_area = {top: True for top in tops}
    for parent, population in districts.values():
        weighted_area[parent] = weighted_area[parent] and population is not None
    weighted_area[COUNTRY] = all(weighted_area.values()) if districts else True
    units = dict(db.conn.execute("SELECT id, unit FROM indicators").fetchall())
    weights = json.dumps({code: [p, w or 1] for code, (p, w) in districts.items()})
    partials = db.conn.execute(
        "WITH w(code, parent, weight) AS MATERIALIZED (SELECT key, value ->> 0, value ->> 1 "
        "FROM json_each(?)) "
        "SELECT v.indicator_id, v.period, w.parent, SUM(v.value), SUM(v.value * w.weight), "
        "SUM(CASE WHEN v.value IS NOT NULL THEN w.weight END), COUNT(v.value) "
        "FROM indicator_values AS v CROSS JOIN w ON w.code = v.region_code "
        "GROUP BY v.indicator_id, v.period, w.parent",
        (weights,),
    ).fetchall()
    sums: dict[tuple[str, str, str], _Sums] = {}
    for indicator_id, period, parent, total, weighted, weight, reporting in partials:
        for area in (parent, COUNTRY):
            sums.setdefault((indicator_id, area, period), _Sums()).add(
                total, weighted, weight, reporting
            )
    notes = {
        (indicator_id, period): (published if isinstance(published, str) else None, provisional)
        for indicator_id, period, published, provisional in db.conn.execute(
            "SELECT indicator_id, period, MAX(json_extract(record, '$.published_on')), "
            "MAX(COALESCE(json_extract(record, '$.provisional'), 0)) FROM indicator_values "
            "GROUP BY indicator_id, period"
        )
    }
    rows = []
    for (indicator_id, area, period), found in sums.items():
        value: float | None
        if found.reporting == 0:
            value = None
        elif units.get(indicator_id) in COUNT_UNITS:
            value = found.total
        elif weighted_area[area]:
            value = found.weighted / found.weight if found.weight else None
        else:
            value = (found.total or 0.0) / found.reporting
        published, provisional = (
            notes.get((indicator_id, period), (None, 0)) if area == COUNTRY else (None, 0)
        )
        rows.append((indicator_id, area, period, value, found.reporting, published, provisional))
    with write_transaction(db, immediate=True):
        started = db.conn.execute("SELECT 1 FROM indicator_aggregates_state").fetchone()
        if started is None:  # a page stored meanwhile: left to the next refresh
            return False
        db.conn.execute("DELETE FROM indicator_aggregates")
        db.conn.executemany("INSERT INTO indicator_aggregates VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        db.conn.execute("UPDATE indicator_aggregates_state SET fresh = 1 WHERE id = 1")
    return True
