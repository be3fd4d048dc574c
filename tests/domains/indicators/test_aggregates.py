"""The derived regional and national aggregates (``domains.indicators.aggregates``): made
by the real sync from the demo data, equal to the aggregate computed from the districts
for every indicator, region and month; never used once their sources changed."""

from __future__ import annotations

import math

import pytest
import sqlite_utils

from cache import RecordStore
from client.session import Session
from domains.catalog import CATALOG
from domains.indicators.aggregates import is_fresh, refresh_aggregates, stored_rows
from domains.indicators.queries import (
    COUNTRY,
    _monthly,
    dashboard_tiles,
    indicators,
    month_notes,
    region_tree,
    series,
)
from tests.domains.indicators.test_queries import put_values, small_db  # noqa: F401

STAMP = {"version": 1, "updated_at": "2025-01-01T00:00:00Z"}


def _same(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (
        a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9)
    )


def test_the_sync_derives_every_regions_aggregates(synced: Session) -> None:
    db = synced.cache.db
    assert is_fresh(db)  # the sync's pull ended with the refresh
    tree = region_tree(db)
    areas = [COUNTRY, *(region.code for region, _ in tree.regions)]
    for indicator in indicators(db):
        for code in areas:
            live = _monthly(db, indicator, tree.districts(code), "0000-01", "9999-12")
            stored = (stored_rows(db, code, indicator.id) or {}).get(indicator.id, [])
            assert [r.period for r in stored] == sorted(live), (indicator.code, code)
            for row in stored:
                value, reporting = live[row.period]
                assert _same(row.value, value) and row.reporting == reporting
        notes = month_notes(db, indicator.id, "0000-01", "9999-12")
        national = (stored_rows(db, COUNTRY, indicator.id) or {})[indicator.id]
        assert {r.period: (r.published_on, r.provisional) for r in national} == {
            p: (n.published_on, n.provisional) for p, n in notes.items()
        }
    assert refresh_aggregates(db) is False  # nothing changed since: nothing recomputed


def test_gaps_zero_negative_and_partial_months_derive_as_they_read(
    small_db: sqlite_utils.Database,  # noqa: F811
) -> None:
    db = small_db
    put_values(
        db,
        [
            ("ind-rate", "a", "2025-01", 0.0),
            ("ind-rate", "b", "2025-01", -3.0),
            ("ind-rate", "a", "2025-02", 5.0),  # b has no value: partial
            ("ind-rate", "b", "2025-02", None),
            ("ind-count", "a", "2025-01", 4.0),
            ("ind-count", "b", "2025-03", 2.0),  # 2025-02: a gap
        ],
    )
    every = indicators(db)
    live = {
        i.id: [
            series(db, i, [area], "2025-01", "2025-03")[0]
            for area in region_tree(db).regions[0][:1]
        ]
        for i in every
    }
    assert refresh_aggregates(db) is True and is_fresh(db)
    for indicator in every:
        (region, _districts) = region_tree(db).regions[0]
        (derived,) = series(db, indicator, [region], "2025-01", "2025-03")
        (before,) = live[indicator.id]
        assert [(p.value, p.reporting, p.expected) for p in derived.points] == [
            (p.value, p.reporting, p.expected) for p in before.points
        ]
    rate = next(i for i in every if i.id == "ind-rate")
    (region, _) = region_tree(db).regions[0]
    (line,) = series(db, rate, [region], "2025-01", "2025-03")
    assert [p.value for p in line.points] == [-1.5, 5.0, None]  # a gap stays a gap
    assert line.points[1].partial


def test_a_page_stored_after_the_refresh_is_never_hidden(
    small_db: sqlite_utils.Database,  # noqa: F811
) -> None:
    db = small_db
    put_values(db, [("ind-count", "a", "2025-01", 4.0), ("ind-count", "b", "2025-01", 1.0)])
    assert refresh_aggregates(db)
    count = next(i for i in indicators(db) if i.id == "ind-count")
    assert [
        t.latest.value for t in dashboard_tiles(db, "x") if t.indicator.id == count.id and t.latest
    ] == [5.0]
    # a new page (the server's cursor moves), no refresh yet: a changed value of a known
    # record, and a new month
    RecordStore(db, CATALOG).apply_page(
        "indicator_values",
        [
            {**STAMP, "id": "v-0", "version": 2, "indicator_id": "ind-count",
             "region_code": "a", "period": "2025-02", "value": 7.0},
            {**STAMP, "id": "v-9", "indicator_id": "ind-count", "region_code": "b",
             "period": "2025-02", "value": 3.0},
        ],
        [],
        "c3",
    )  # fmt: skip
    assert not is_fresh(db) and stored_rows(db, "x") is None
    (tile,) = [t for t in dashboard_tiles(db, "x") if t.indicator.id == count.id]
    assert tile.latest is not None and (tile.latest.period, tile.latest.value) == ("2025-02", 10.0)
    assert refresh_aggregates(db) and is_fresh(db)
    (tile,) = [t for t in dashboard_tiles(db, "x") if t.indicator.id == count.id]
    assert tile.latest is not None and tile.latest.value == 10.0


@pytest.fixture
def db(synced: Session) -> sqlite_utils.Database:
    return synced.cache.db


def test_a_refresh_that_sees_a_page_arrive_drops_its_result(
    small_db: sqlite_utils.Database,  # noqa: F811
) -> None:
    db = small_db
    put_values(db, [("ind-count", "a", "2025-01", 4.0)])
    assert refresh_aggregates(db) and is_fresh(db)
    db.conn.execute("UPDATE indicator_aggregates_state SET fresh = 0")  # being made…
    RecordStore(db, CATALOG).apply_page("indicators", [], [], "c9")  # …a page arrives
    assert db.conn.execute("SELECT count(*) FROM indicator_aggregates_state").fetchone() == (0,)
    assert not is_fresh(db)
    RecordStore(db, CATALOG).apply_page("indicators", [], [], "c9")  # same cursor: no change
    assert refresh_aggregates(db) and is_fresh(db)
    RecordStore(db, CATALOG).apply_page("indicators", [], [], "c9")
    assert is_fresh(db)
