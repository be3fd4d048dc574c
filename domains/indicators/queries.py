"""The Analytics tab's queries over the cached indicator table. No Qt, no network.

The whole indicator table is in the cache (``indicator_values``: one value per district,
indicator and month), so every filter works offline. Districts are the regions with a
``parent_code`` (their economic region); economic regions and the country are aggregates
of their districts, computed here in SQL:

- a count (unit ``ədəd``: prescriptions, calls, visits) is the **sum** of the districts;
- a rate (%, per 1 000, per 100 000) is the **plain mean** of the districts that reported.
  The server sends no population, so the mean cannot be population-weighted (docs/analytics.md).

An aggregate says how many districts reported (``Point.reporting`` of ``expected``): a sum
over fewer districts than there are is marked partial, never passed off as complete.
A missing month is a ``None`` value (a gap), never 0 and never NaN.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from domains.indicators.aggregates import AggregateRow, stored_rows

__all__ = [
    "COUNTRY",
    "COUNT_UNITS",
    "Area",
    "AreaValue",
    "Basics",
    "Indicator",
    "LegendClass",
    "MonthNote",
    "MonthTable",
    "Point",
    "RegionTree",
    "Series",
    "Tile",
    "area_values",
    "basics",
    "class_of",
    "dashboard_tiles",
    "export_series",
    "indicator_periods",
    "indicators",
    "latest_period",
    "legend_classes",
    "month_notes",
    "month_range",
    "month_range_back",
    "region_tree",
    "series",
    "series_a_year_before",
    "series_csv",
    "series_rows",
    "series_xlsx",
    "synced_at",
    "xlsx_sheet_name",
]

COUNTRY = ""
"""The area code of the whole country (every district)."""
COUNT_UNITS = frozenset({"ədəd"})
"""Units whose values add up over districts; every other unit is a rate (averaged)."""
_PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class Area:
    """A district (``parent_code`` its economic region), an economic region
    (``parent_code`` None) or the country (``code`` == COUNTRY)."""

    code: str
    name: str
    parent_code: str | None = None
    population: int | None = None  # a district's inhabitants (the weight of its rates)


@dataclass(frozen=True)
class RegionTree:
    """The economic regions, each with its districts, in name order."""

    regions: tuple[tuple[Area, tuple[Area, ...]], ...]

    def districts(self, code: str = COUNTRY) -> tuple[Area, ...]:
        """The districts of an area: itself for a district, all for the country."""
        found: list[Area] = []
        for region, districts in self.regions:
            if code in (COUNTRY, region.code):
                found.extend(districts)
            else:
                found.extend(d for d in districts if d.code == code)
        return tuple(found)

    def area(self, code: str) -> Area | None:
        if code == COUNTRY:
            return Area(COUNTRY, "")
        for region, districts in self.regions:
            if region.code == code:
                return region
            for district in districts:
                if district.code == code:
                    return district
        return None


@dataclass(frozen=True)
class Indicator:
    id: str
    code: str
    name: str
    unit: str
    description: str
    target: float | None = None
    alert: float | None = None
    higher_is_better: bool | None = None

    @property
    def is_count(self) -> bool:
        return self.unit in COUNT_UNITS

    def standing(self, value: float | None) -> str | None:
        """Where a value stands against the thresholds: "alert" (beyond the alert
        level), "met" (the target reached), "short" (between them); None: no thresholds
        or no value."""
        if value is None or self.higher_is_better is None:
            return None
        sign = 1 if self.higher_is_better else -1
        if self.alert is not None and sign * value < sign * self.alert:
            return "alert"
        if self.target is not None and sign * value >= sign * self.target:
            return "met"
        return "short" if self.target is not None else None


@dataclass(frozen=True)
class Point:
    period: str  # "2025-03"
    value: float | None  # None: no value for that month
    reporting: int = 1  # districts with a value
    expected: int = 1  # districts in the area

    @property
    def partial(self) -> bool:
        return self.value is not None and self.reporting < self.expected


@dataclass(frozen=True)
class Series:
    area: Area
    points: tuple[Point, ...]

    def values(self) -> list[float | None]:
        return [p.value for p in self.points]


@dataclass(frozen=True)
class AreaValue:
    area: Area
    value: float | None


@dataclass(frozen=True)
class MonthTable:
    """Every district's value for one month, with the country's aggregate."""

    period: str
    rows: tuple[AreaValue, ...]  # highest value first, districts without a value last
    national: float | None


@dataclass(frozen=True)
class MonthNote:
    """What the server says of a month's values: when they were published, and whether
    they are still provisional (may be revised)."""

    published_on: str | None
    provisional: bool


@dataclass(frozen=True)
class Tile:
    """A dashboard tile: the latest value of an indicator in an area, the same month a
    year before, and the last 13 months for the trend line."""

    indicator: Indicator
    latest: Point | None  # None: the indicator has no value for this area at all
    year_before: Point | None
    trend: tuple[Point, ...]
    stale: bool  # the indicator stopped before the newest month of the table
    note: MonthNote | None = None  # the latest month's publication date, provisional flag

    @property
    def change_percent(self) -> float | None:
        """The change against the same month a year before; None when either is missing
        or the earlier value is 0 (no percentage of nothing)."""
        if self.latest is None or self.year_before is None:
            return None
        now, before = self.latest.value, self.year_before.value
        if now is None or before is None or before == 0:
            return None
        return (now - before) / abs(before) * 100


@dataclass(frozen=True)
class LegendClass:
    """One class of the map's legend: values from ``low`` to ``high`` (inclusive)."""

    index: int
    low: float
    high: float


def _check_period(period: str) -> str:
    if not _PERIOD.match(period):
        raise ValueError(f"not a month (YYYY-MM): {period!r}")
    return period


def month_range(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last``, both included ("2024-11" … "2025-02")."""
    year, month = map(int, _check_period(first).split("-"))
    end = tuple(map(int, _check_period(last).split("-")))
    months = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    return months


def _shift_year(period: str, years: int) -> str:
    year, month = period.split("-")
    return f"{int(year) + years:04d}-{month}"


def month_range_back(last: str, months: int) -> str:
    """The first month of the ``months`` months ending with ``last``."""
    year, month = map(int, _check_period(last).split("-"))
    index = year * 12 + month - 1 - (months - 1)
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def region_tree(db: sqlite_utils.Database) -> RegionTree:
    rows = db.conn.execute(
        "SELECT code, name, parent_code, json_extract(record, '$.population') FROM regions "
        "ORDER BY sort_key, code"
    ).fetchall()
    tops = [Area(code, name) for code, name, parent, _ in rows if parent is None]
    children: dict[str, list[Area]] = {}
    for code, name, parent, population in rows:
        if parent is not None:
            weight = population if isinstance(population, int) and population > 0 else None
            children.setdefault(parent, []).append(Area(code, name, parent, weight))
    return RegionTree(tuple((top, tuple(children.get(top.code, ()))) for top in tops))


def indicators(db: sqlite_utils.Database) -> list[Indicator]:
    rows = db.conn.execute(
        "SELECT id, code, name, unit, json_extract(record, '$.description'), "
        "json_extract(record, '$.target'), json_extract(record, '$.alert'), "
        "json_extract(record, '$.higher_is_better') FROM indicators ORDER BY sort_key, id"
    ).fetchall()

    def number(value: object) -> float | None:
        return float(value) if isinstance(value, int | float) else None

    return [
        Indicator(
            i, c, n, u, d or "", number(target), number(alert),
            None if better is None else bool(better),
        )
        for i, c, n, u, d, target, alert, better in rows
    ]  # fmt: skip


MONTH_INDEX = "indicator_values_indicator_id_period_region_code_value"
"""Indicator, month, district, value: a month range is read from the index alone."""


def indicator_periods(db: sqlite_utils.Database, indicator_id: str | None = None) -> list[str]:
    """The months with values (of one indicator, or of any), oldest first.

    A skip scan of the month index: one lookup per month, not one per value (60 lookups
    instead of 5 100 index entries per indicator; the same at ten times the districts)."""
    if indicator_id is None:
        ids = [i for (i,) in db.conn.execute("SELECT id FROM indicators")]
        return sorted({p for i in ids for p in indicator_periods(db, i)})
    found: list[str] = []
    after = ""
    while True:
        (period,) = db.conn.execute(
            f"SELECT MIN(period) FROM indicator_values INDEXED BY {MONTH_INDEX} "
            "WHERE indicator_id = ? AND period > ?",
            (indicator_id, after),
        ).fetchone()
        if period is None:
            return found
        if _PERIOD.match(period):
            found.append(period)
        after = period


def latest_period(db: sqlite_utils.Database, indicator_id: str) -> str | None:
    """The newest month of an indicator (one index lookup)."""
    (period,) = db.conn.execute(
        f"SELECT MAX(period) FROM indicator_values INDEXED BY {MONTH_INDEX} "
        "WHERE indicator_id = ? AND period < '9'",
        (indicator_id,),
    ).fetchone()
    return period if isinstance(period, str) and _PERIOD.match(period) else None


def _monthly(
    db: sqlite_utils.Database,
    indicator: Indicator,
    districts: Sequence[Area],
    first: str,
    last: str,
) -> dict[str, tuple[float | None, int]]:
    """Per month: the districts' sum (a count) or population-weighted mean (a rate: each
    district's value weighs as many as its inhabitants, over the districts that
    reported), and how many reported. Without every district's population the mean is a
    plain one. Read from the month index only: the range of months, each entry's
    district looked up in the weights."""
    if not districts:
        return {}
    weighted = all(d.population for d in districts)
    if indicator.is_count:
        aggregate = "SUM(v.value)"
    elif weighted:
        aggregate = "SUM(v.value * w.weight) / SUM(CASE WHEN v.value IS NOT NULL THEN w.weight END)"
    else:
        aggregate = "AVG(v.value)"
    weights = json.dumps({d.code: d.population or 1 for d in districts})
    rows = db.conn.execute(
        "WITH w(code, weight) AS MATERIALIZED (SELECT key, value FROM json_each(?)) "
        f"SELECT v.period, {aggregate}, COUNT(v.value) "
        f"FROM indicator_values AS v INDEXED BY {MONTH_INDEX} CROSS JOIN w "
        "ON w.code = v.region_code "
        "WHERE v.indicator_id = ? AND v.period BETWEEN ? AND ? GROUP BY v.period",
        (weights, indicator.id, first, last),
    )
    return {period: (value, count) for period, value, count in rows}


def _is_aggregate(tree: RegionTree, code: str) -> bool:
    """The country or an economic region (not a district)."""
    return code == COUNTRY or any(region.code == code for region, _ in tree.regions)


def _in_range(
    rows: Sequence[AggregateRow], first: str, last: str
) -> dict[str, tuple[float | None, int]]:
    return {r.period: (r.value, r.reporting) for r in rows if first <= r.period <= last}


def series(
    db: sqlite_utils.Database,
    indicator: Indicator,
    areas: Sequence[Area],
    first: str,
    last: str,
    tree: RegionTree | None = None,
) -> list[Series]:
    """Each area's values month by month from ``first`` to ``last``; a month without a
    value is a gap (``None``)."""
    months = month_range(first, last)
    tree = tree or region_tree(db)
    result = []
    for area in areas:
        districts = tree.districts(area.code)
        expected = len(districts) or 1
        found = None
        if _is_aggregate(tree, area.code):  # a region or the country: derived after sync
            stored = stored_rows(db, area.code, indicator.id)
            if stored is not None:
                found = _in_range(stored.get(indicator.id, []), first, last)
        if found is None:
            found = _monthly(db, indicator, districts, first, last)
        points = []
        for month in months:
            value, count = found.get(month, (None, 0))
            if value is not None and not math.isfinite(value):
                value = None
            points.append(Point(month, value, count, expected))
        result.append(Series(area, tuple(points)))
    return result


def series_a_year_before(
    db: sqlite_utils.Database,
    indicator: Indicator,
    areas: Sequence[Area],
    first: str,
    last: str,
    tree: RegionTree | None = None,
) -> list[Series]:
    """Each area's values twelve months earlier, laid on this period's months (point
    ``2025-03`` holds March 2024): "this year against last year" on one axis."""
    earlier = series(db, indicator, areas, _shift_year(first, -1), _shift_year(last, -1), tree)
    months = month_range(first, last)
    return [
        Series(
            line.area,
            tuple(
                Point(month, p.value, p.reporting, p.expected)
                for month, p in zip(months, line.points, strict=True)
            ),
        )
        for line in earlier
    ]


def month_notes(
    db: sqlite_utils.Database, indicator_id: str, first: str, last: str
) -> dict[str, MonthNote]:
    """The publication date and provisional flag of each month of an indicator."""
    rows = db.conn.execute(
        "SELECT period, MAX(json_extract(record, '$.published_on')), "
        "MAX(COALESCE(json_extract(record, '$.provisional'), 0)) FROM indicator_values "
        "WHERE indicator_id = ? AND period BETWEEN ? AND ? GROUP BY period",
        (indicator_id, _check_period(first), _check_period(last)),
    )
    return {
        period: MonthNote(published if isinstance(published, str) else None, bool(provisional))
        for period, published, provisional in rows
    }


def area_values(
    db: sqlite_utils.Database,
    indicator: Indicator,
    period: str,
    within: str = COUNTRY,
    tree: RegionTree | None = None,
) -> MonthTable:
    """Every district of ``within`` for one month (the map, the bar chart), highest
    first; districts without a value listed last, with ``None``."""
    _check_period(period)
    tree = tree or region_tree(db)
    districts = tree.districts(within)
    found = dict(
        db.conn.execute(
            f"SELECT region_code, value FROM indicator_values INDEXED BY {MONTH_INDEX} "
            "WHERE indicator_id = ? AND period = ? AND value IS NOT NULL",
            (indicator.id, period),
        ).fetchall()
    )
    rows = [AreaValue(d, found.get(d.code)) for d in districts]
    rows.sort(key=lambda r: (r.value is None, -(r.value or 0.0), r.area.name))
    national = series(db, indicator, [Area(COUNTRY, "")], period, period, tree)[0].points[0]
    return MonthTable(period, tuple(rows), national.value)


def dashboard_tiles(
    db: sqlite_utils.Database, area_code: str = COUNTRY, months: int = 13
) -> list[Tile]:
    """One tile per indicator for an area: latest value, a year before, last ``months``."""
    tree = region_tree(db)
    area = tree.area(area_code)
    if area is None:
        raise ValueError(f"unknown area: {area_code!r}")
    every = indicators(db)
    lasts = {i.id: latest_period(db, i.id) for i in every}
    newest = max((p for p in lasts.values() if p), default=None)
    # The area's and the country's monthly aggregates, derived after the last sync: two
    # reads of 10 x 60 rows instead of aggregating every district (None: outdated).
    stored = stored_rows(db, area_code) if _is_aggregate(tree, area_code) else None
    national = stored if area_code == COUNTRY else stored_rows(db, COUNTRY)
    tiles = []
    for indicator in every:
        last = lasts[indicator.id]
        if last is None:
            tiles.append(Tile(indicator, None, None, (), stale=newest is not None))
            continue
        first = month_range_back(last, months)
        if stored is not None and national is not None:
            stale = newest is not None and last < newest
            tiles.append(_stored_tile(indicator, area, tree, stored, national, first, last, stale))
            continue
        (line,) = series(db, indicator, [area], first, last, tree)
        with_values = [p for p in line.points if p.value is not None]
        latest = with_values[-1] if with_values else None
        year_before = None
        if latest is not None:
            before = _shift_year(latest.period, -1)
            year_before = next((p for p in line.points if p.period == before), None)
        stale = newest is not None and last < newest
        note = None
        if latest is not None:
            note = month_notes(db, indicator.id, latest.period, latest.period).get(latest.period)
        tiles.append(Tile(indicator, latest, year_before, line.points, stale, note))
    return tiles


def _tile(indicator: Indicator, line: Series, stale: bool, notes: dict[str, MonthNote]) -> Tile:
    with_values = [p for p in line.points if p.value is not None]
    latest = with_values[-1] if with_values else None
    year_before = None
    note = None
    if latest is not None:
        before = _shift_year(latest.period, -1)
        year_before = next((p for p in line.points if p.period == before), None)
        note = notes.get(latest.period)
    return Tile(indicator, latest, year_before, line.points, stale, note)


def _stored_tile(
    indicator: Indicator,
    area: Area,
    tree: RegionTree,
    stored: dict[str, list[AggregateRow]],
    national: dict[str, list[AggregateRow]],
    first: str,
    last: str,
    stale: bool,
) -> Tile:
    found = _in_range(stored.get(indicator.id, []), first, last)
    expected = len(tree.districts(area.code)) or 1
    points = []
    for month in month_range(first, last):
        value, count = found.get(month, (None, 0))
        if value is not None and not math.isfinite(value):
            value = None
        points.append(Point(month, value, count, expected))
    notes = {
        r.period: MonthNote(r.published_on, r.provisional)
        for r in national.get(indicator.id, [])
        if first <= r.period <= last
    }
    return _tile(indicator, Series(area, tuple(points)), stale, notes)


def legend_classes(values: Sequence[float | None], count: int = 5) -> list[LegendClass]:
    """Classes of equal width over the values present; one class when all are equal
    (never a division by zero, never NaN); none when there is no value."""
    present = sorted(v for v in values if v is not None and math.isfinite(v))
    if not present:
        return []
    low, high = present[0], present[-1]
    if low == high or count <= 1:
        return [LegendClass(0, low, high)]
    width = (high - low) / count
    return [
        LegendClass(i, low + i * width, high if i == count - 1 else low + (i + 1) * width)
        for i in range(count)
    ]


def class_of(value: float | None, classes: Sequence[LegendClass]) -> int | None:
    """The legend class of a value; None: no data."""
    if value is None or not classes or not math.isfinite(value):
        return None
    for legend_class in classes:
        if value <= legend_class.high:
            return legend_class.index
    return classes[-1].index


def synced_at(db: sqlite_utils.Database) -> datetime | None:
    """When this computer last heard from the server about indicator values."""
    row = db.conn.execute(
        "SELECT MAX(last_sync_at) FROM collections_state WHERE collection = 'indicator_values'"
    ).fetchone()
    if not row or not row[0]:
        return None
    return datetime.fromisoformat(row[0])


def series_rows(period_title: str, lines: Sequence[Series]) -> list[list[str | float | None]]:
    """The table behind a line chart: a header, then one row per month, one column per
    area; ``None`` where a month has no value."""
    rows: list[list[str | float | None]] = [[period_title, *(line.area.name for line in lines)]]
    months = [p.period for p in lines[0].points] if lines else []
    for index, month in enumerate(months):
        rows.append([month, *(line.points[index].value for line in lines)])
    return rows


def xlsx_sheet_name(name: str) -> str:
    """Excel's rules for a sheet's name: at most 31 characters, none of []:*?/\\, not
    starting or ending with an apostrophe."""
    cleaned = "".join("_" if c in "[]:*?/\\" else c for c in name).strip("'")[:31]
    return cleaned.strip("'") or "Sheet1"


def series_xlsx(period_title: str, sheet: str, lines: Sequence[Series]) -> bytes:
    """The same table as an Excel workbook, written by XlsxWriter (the registries'
    export uses it too): numbers stay numbers, a missing value is an empty cell, and a
    name that starts with "=" stays text, never a formula."""
    import xlsxwriter  # type: ignore[import-untyped]  # noqa: PLC0415 - only an XLSX export pays for it

    out = io.BytesIO()
    options = {
        "in_memory": True,  # a small table: no temporary files
        "strings_to_numbers": False,
        "strings_to_formulas": False,
        "strings_to_urls": False,
    }
    book = xlsxwriter.Workbook(out, options)
    worksheet = book.add_worksheet(xlsx_sheet_name(sheet))
    bold = book.add_format({"bold": True})
    rows = series_rows(period_title, lines)
    worksheet.write_row(0, 0, [str(cell) for cell in rows[0]], bold)
    worksheet.set_column(0, 0, 10)
    worksheet.set_column(1, max(len(rows[0]) - 1, 1), 24)
    for number, row in enumerate(rows[1:], start=1):
        worksheet.write_string(number, 0, str(row[0]))
        for column, value in enumerate(row[1:], start=1):
            if isinstance(value, int | float) and math.isfinite(value):
                worksheet.write_number(number, column, value)
    book.close()
    return out.getvalue()


def export_series(
    db: sqlite_utils.Database,
    indicator_code: str,
    area_codes: Sequence[str] = (COUNTRY,),
    first: str | None = None,
    last: str | None = None,
) -> tuple[Indicator, list[Series]]:
    """What ``main.py indicators export`` writes: checked first, so bad input is a clear
    ``ValueError`` and nothing is written."""
    known = {i.code: i for i in indicators(db)}
    indicator = known.get(indicator_code)
    if indicator is None:
        names = ", ".join(sorted(known)) or "none: sync first"
        raise ValueError(f"no indicator {indicator_code!r} in the offline data (known: {names})")
    tree = region_tree(db)
    areas = []
    for code in area_codes:
        area = tree.area(code)
        if area is None:
            raise ValueError(f"no region or district {code!r} in the offline data")
        areas.append(area if code != COUNTRY else Area(COUNTRY, "Azərbaycan Respublikası"))
    months = indicator_periods(db, indicator.id)
    if not months:
        raise ValueError(f"no values of {indicator_code!r} in the offline data")
    first = _check_period(first) if first else months[0]
    last = _check_period(last) if last else months[-1]
    if first > last:
        raise ValueError(f"the period ends ({last}) before it starts ({first})")
    return indicator, series(db, indicator, areas, first, last, tree)


def series_csv(period_title: str, lines: Sequence[Series]) -> bytes:
    """The table behind a line chart, for Excel: a byte-order mark (Excel then reads
    UTF-8), one row per month, one column per area; a missing value is an empty cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([period_title, *(line.area.name for line in lines)])
    months = [p.period for p in lines[0].points] if lines else []
    for row, month in enumerate(months):
        cells: list[object] = [month]
        for line in lines:
            value = line.points[row].value
            cells.append("" if value is None else f"{value:.15g}")
        writer.writerow(cells)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


@dataclass(frozen=True)
class Basics:
    """What every view of the tab starts from, read once (and again after a sync)."""

    tree: RegionTree
    indicators: tuple[Indicator, ...]
    periods: tuple[str, ...]  # every month with a value, oldest first
    synced_at: datetime | None

    def indicator(self, indicator_id: str) -> Indicator | None:
        return next((i for i in self.indicators if i.id == indicator_id), None)


def basics(db: sqlite_utils.Database) -> Basics:
    return Basics(
        region_tree(db), tuple(indicators(db)), tuple(indicator_periods(db)), synced_at(db)
    )
