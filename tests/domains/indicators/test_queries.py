"""``domains.indicators.queries`` over the demo cache synced from a real server (the whole
indicator table, offline), checked against a plain reading of the same rows; and over a
small cache of its own for the bad input the issue lists (a missing month, 0, equal values,
a negative value, an indicator no longer published, a district without data)."""

from __future__ import annotations

import csv
import io
import math
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from cache import RecordStore
from cache.database import open_database
from client.session import Session
from domains.catalog import CATALOG
from domains.indicators.grid import cells
from domains.indicators.queries import (
    COUNTRY,
    Area,
    area_values,
    class_of,
    dashboard_tiles,
    indicator_periods,
    indicators,
    legend_classes,
    month_notes,
    month_range,
    region_tree,
    series,
    series_a_year_before,
    series_csv,
    synced_at,
)
from server.seed.geography import DISTRICTS, ECONOMIC_REGIONS


@pytest.fixture
def db(synced: Session) -> sqlite_utils.Database:
    return synced.cache.db


@pytest.fixture
def small_db(tmp_path: Path) -> Iterator[sqlite_utils.Database]:
    """Two districts of one region, two indicators, values chosen by each test."""
    database = open_database(tmp_path / "cache.db", secrets.token_bytes(32), create=True)
    store = RecordStore(database, CATALOG)

    def record(**fields: Any) -> dict[str, Any]:
        return {"version": 1, "updated_at": "2025-01-01T00:00:00Z", **fields}

    store.apply_page(
        "regions",
        [
            record(id="r-x", code="x", name="X iqtisadi rayonu", parent_code=None),
            record(id="r-a", code="a", name="A rayonu", parent_code="x"),
            record(id="r-b", code="b", name="B rayonu", parent_code="x"),
        ],
        [],
        "c1",
    )
    store.apply_page(
        "indicators",
        [
            record(id="ind-rate", code="rate", name="Rate", unit="%", description="r"),
            record(id="ind-count", code="count", name="Count", unit="ədəd", description="c"),
        ],
        [],
        "c1",
    )
    yield database
    database.close()


def put_values(db: sqlite_utils.Database, values: list[tuple[str, str, str, float | None]]) -> None:
    RecordStore(db, CATALOG).apply_page(
        "indicator_values",
        [
            {
                "id": f"v-{n}",
                "version": 1,
                "updated_at": "2025-01-01T00:00:00Z",
                "indicator_id": indicator,
                "region_code": region,
                "period": period,
                "value": value,
            }
            for n, (indicator, region, period, value) in enumerate(values)
        ],
        [],
        "c2",
    )


def test_the_tree_holds_every_economic_region_and_district(db: sqlite_utils.Database) -> None:
    tree = region_tree(db)
    assert len(tree.regions) == len(ECONOMIC_REGIONS) == 14
    assert {d.code for d in tree.districts()} == {d.code for d in DISTRICTS}
    naxcivan = dict((r.code, ds) for r, ds in tree.regions)["naxcivan"]
    assert {d.code for d in naxcivan} >= {"serur", "ordubad"}


def test_a_district_series_is_its_own_values(db: sqlite_utils.Database) -> None:
    indicator = next(i for i in indicators(db) if i.code == "infant-mortality")
    periods = indicator_periods(db, indicator.id)
    assert len(periods) == 60
    (line,) = series(db, indicator, [Area("seki", "Şəki")], periods[0], periods[-1])
    raw = dict(
        db.conn.execute(
            "SELECT period, value FROM indicator_values "
            "WHERE indicator_id = ? AND region_code = 'seki'",
            (indicator.id,),
        ).fetchall()
    )
    assert [p.value for p in line.points] == [raw[p] for p in periods]


POPULATION = {d.code: d.population * 1000 for d in DISTRICTS}


def test_a_region_sums_counts_and_weighs_rates_by_population(
    db: sqlite_utils.Database,
) -> None:
    tree = region_tree(db)
    everything = indicators(db)
    count = next(i for i in everything if i.code == "e-prescriptions")
    rate = next(i for i in everything if i.code == "immunization-coverage")
    month = indicator_periods(db, count.id)[-1]
    members = [d.code for d in tree.districts("quba-xacmaz")]

    def raw(indicator_id: str) -> dict[str, float]:
        marks = ",".join("?" * len(members))
        return dict(
            db.conn.execute(
                f"SELECT region_code, value FROM indicator_values WHERE indicator_id = ? "
                f"AND period = ? AND region_code IN ({marks})",
                (indicator_id, month, *members),
            ).fetchall()
        )

    region = tree.area("quba-xacmaz")
    assert region is not None
    (summed,) = series(db, count, [region], month, month)
    (averaged,) = series(db, rate, [region], month, month)
    assert summed.points[0].value == pytest.approx(sum(raw(count.id).values()))
    rates = raw(rate.id)
    weighted = sum(v * POPULATION[c] for c, v in rates.items()) / sum(POPULATION[c] for c in rates)
    assert averaged.points[0].value == pytest.approx(weighted)
    assert weighted != pytest.approx(sum(rates.values()) / len(rates), abs=1e-6)
    assert summed.points[0].reporting == summed.points[0].expected == len(members)
    national = series(db, count, [Area(COUNTRY, "")], month, month)[0].points[0]
    assert national.expected == len(DISTRICTS)


def test_month_table_is_sorted_with_the_national_value(db: sqlite_utils.Database) -> None:
    indicator = next(i for i in indicators(db) if i.code == "tb-incidence")
    month = indicator_periods(db, indicator.id)[-1]
    table = area_values(db, indicator, month)
    values = [r.value for r in table.rows]
    assert len(values) == len(DISTRICTS)
    assert all(v is not None for v in values)
    assert values == sorted(values, reverse=True)  # type: ignore[type-var]
    weighted = sum((r.value or 0.0) * POPULATION[r.area.code] for r in table.rows)
    assert table.national == pytest.approx(weighted / sum(POPULATION.values()))


def test_the_dashboard_has_a_tile_per_indicator(db: sqlite_utils.Database) -> None:
    tiles = dashboard_tiles(db, "seki-zaqatala")
    assert len(tiles) == len(indicators(db)) == 10
    for tile in tiles:
        assert tile.latest is not None and tile.year_before is not None
        assert len(tile.trend) == 13
        assert tile.trend[-1] == tile.latest
        assert not tile.stale
        assert tile.note is not None and tile.note.provisional and tile.note.published_on
        assert tile.change_percent is not None and math.isfinite(tile.change_percent)
    assert synced_at(db) is not None


def test_every_district_has_its_own_map_cell(db: sqlite_utils.Database) -> None:
    placed = cells()
    assert {d.code for d in region_tree(db).districts()} <= set(placed)
    assert len(set(placed.values())) == len(placed)


def test_gaps_zero_negative_and_partial_aggregates_are_kept_apart(
    small_db: sqlite_utils.Database,
) -> None:
    put_values(
        small_db,
        [
            ("ind-count", "a", "2024-01", 0.0),
            ("ind-count", "b", "2024-01", 5.0),
            ("ind-count", "a", "2024-03", -2.0),  # 2024-02: no value at all; b none in March
        ],
    )
    count = next(i for i in indicators(small_db) if i.code == "count")
    tree = region_tree(small_db)
    a, region = tree.area("a"), tree.area("x")
    assert a is not None and region is not None
    own, whole = series(small_db, count, [a, region], "2024-01", "2024-03")
    assert own.values() == [0.0, None, -2.0]
    assert whole.values() == [5.0, None, -2.0]
    assert not whole.points[0].partial and whole.points[2].partial
    assert (whole.points[2].reporting, whole.points[2].expected) == (1, 2)


def test_equal_values_make_one_class_and_no_nan() -> None:
    classes = legend_classes([7.0, 7.0, None])
    assert len(classes) == 1 and classes[0].low == classes[0].high == 7.0
    assert class_of(7.0, classes) == 0 and class_of(None, classes) is None
    assert legend_classes([None, None]) == []
    five = legend_classes([0.0, 10.0])
    assert [c.index for c in five] == [0, 1, 2, 3, 4] and five[-1].high == 10.0
    assert class_of(10.0, five) == 4 and class_of(0.0, five) == 0


def test_an_indicator_no_longer_published_is_stale_and_an_empty_one_has_no_value(
    small_db: sqlite_utils.Database,
) -> None:
    put_values(
        small_db,
        [
            ("ind-rate", "a", "2024-06", 90.0),
            ("ind-rate", "a", "2025-06", 80.0),
            ("ind-count", "a", "2025-09", 3.0),
        ],
    )
    tiles = {t.indicator.code: t for t in dashboard_tiles(small_db, "a")}
    assert tiles["rate"].stale and not tiles["count"].stale
    assert tiles["rate"].change_percent == pytest.approx(-100 / 9)
    assert tiles["count"].year_before is not None and tiles["count"].year_before.value is None
    assert tiles["count"].change_percent is None
    nothing = {t.indicator.code: t for t in dashboard_tiles(small_db, "b")}
    assert nothing["rate"].latest is None


def test_bad_input_is_refused_plainly(small_db: sqlite_utils.Database) -> None:
    with pytest.raises(ValueError, match="not a month"):
        month_range("2024-13", "2025-01")
    with pytest.raises(ValueError, match="unknown area"):
        dashboard_tiles(small_db, "nowhere")
    assert month_range("2024-11", "2025-02") == ["2024-11", "2024-12", "2025-01", "2025-02"]


def test_the_csv_opens_in_excel(small_db: sqlite_utils.Database) -> None:
    put_values(small_db, [("ind-count", "a", "2024-01", 1234567.0)])
    count = next(i for i in indicators(small_db) if i.code == "count")
    a = region_tree(small_db).area("a")
    assert a is not None
    data = series_csv("Ay", series(small_db, count, [a], "2024-01", "2024-02"))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [["Ay", "A rayonu"], ["2024-01", "1234567"], ["2024-02", ""]]


def test_a_year_before_lies_on_this_periods_months(small_db: sqlite_utils.Database) -> None:
    put_values(
        small_db,
        [("ind-rate", "a", "2024-01", 1.0), ("ind-rate", "a", "2025-01", 2.0)],
    )
    rate = next(i for i in indicators(small_db) if i.code == "rate")
    a = region_tree(small_db).area("a")
    assert a is not None
    (earlier,) = series_a_year_before(small_db, rate, [a], "2025-01", "2025-02")
    assert [(p.period, p.value) for p in earlier.points] == [("2025-01", 1.0), ("2025-02", None)]


def test_thresholds_and_month_notes_come_from_the_server(db: sqlite_utils.Database) -> None:
    everything = {i.code: i for i in indicators(db)}
    immunisation = everything["immunization-coverage"]
    assert (immunisation.target, immunisation.alert, immunisation.higher_is_better) == (
        95.0,
        90.0,
        True,
    )
    assert [immunisation.standing(v) for v in (96.0, 92.0, 89.9, None)] == [
        "met",
        "short",
        "alert",
        None,
    ]
    mortality = everything["infant-mortality"]  # lower is better
    assert [mortality.standing(v) for v in (9.0, 12.0, 15.0)] == ["met", "short", "alert"]
    assert everything["e-prescriptions"].standing(10.0) is None  # a count: no thresholds
    months = indicator_periods(db, immunisation.id)
    notes = month_notes(db, immunisation.id, months[-4], months[-1])
    assert [notes[m].provisional for m in months[-4:]] == [False, False, True, True]
    year, month = map(int, months[-3].split("-"))
    following = f"{year + month // 12:04d}-{month % 12 + 1:02d}-15"
    assert notes[months[-3]].published_on == following
