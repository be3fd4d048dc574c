"""The Bookings tab over ``--seed large`` data: 300 rooms, 100 000 bookings, in an
encrypted cache.

    uv run --locked python bench/bookings.py [--data /tmp/bench-large] [--finds 500] [--days 20]

Reads the seeded rooms, bookings and their organizers from the server's database
(opened ``immutable``: nothing is written there) into a fresh SQLCipher cache in a
temporary folder through ``RecordStore.apply_page``, then times, each beside the raw SQL
behind it in the same run:

- the day grid (``queries.day_grid``) of each building for ``--days`` weekdays, and of
  all 300 rooms; the raw SQL: the same bookings query fetched without building rows;
- the free-room finder (``queries.free_rooms``): random day, hour, length, people,
  0-2 pieces of equipment, one building or all; raw: the same SQL through ``fetchall``;
- with Qt offscreen: the grid of 300 rooms painted after a day switch (``set_grid`` +
  a full repaint), and scrolling frame times: a full repaint per scroll step (the worst
  case), and a step as Qt paints it (``setValue`` + ``processEvents``: the pixels moved,
  the uncovered row painted, the window flushed).
Targets (issue 11): the grid painted under 100 ms after a day switch; finder p95 < 20 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlite_utils

from bench.search import percentile
from cache.database import open_database
from cache.store import RecordStore
from domains.bookings import queries
from domains.bookings.queries import BAKU, day_grid, equipment_names, free_rooms
from domains.catalog import CATALOG

CHUNK = 5_000


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = function()
    return (time.perf_counter() - started) * 1000, result


def line(label: str, samples: list[float]) -> str:
    return (
        f"  {label:38s} n={len(samples):5d}  p50 {statistics.median(samples):7.2f} ms"
        f"  p95 {percentile(samples, 0.95):7.2f} ms  max {max(samples):7.2f} ms"
    )


def load_cache(data: Path, db: sqlite_utils.Database) -> None:
    source = sqlite3.connect(f"file:{data / 'intranet.sqlite3'}?immutable=1", uri=True)
    store = RecordStore(db, CATALOG)
    started = time.perf_counter()
    for collection in ("rooms", "bookings"):
        rows = source.execute(f"SELECT body FROM {collection} WHERE NOT deleted ORDER BY seq")
        while chunk := rows.fetchmany(CHUNK):
            store.apply_page(collection, [json.loads(r[0]) for r in chunk], [], "bench")
    organizers = source.execute(
        "SELECT body FROM people WHERE id IN (SELECT DISTINCT organizer_id FROM bookings)"
    )
    while chunk := organizers.fetchmany(CHUNK):
        store.apply_page("people", [json.loads(r[0]) for r in chunk], [], "bench")
    source.close()
    counts = {
        c: db.conn.execute(f"SELECT count(*) FROM {c}").fetchone()[0]
        for c in ("rooms", "bookings", "people")
    }
    print(f"cache filled in {time.perf_counter() - started:.1f} s: {counts}")


def weekdays(db: sqlite_utils.Database, count: int) -> list[date]:
    rows = db.conn.execute(
        "SELECT DISTINCT substr(start, 1, 10) FROM bookings ORDER BY 1"
    ).fetchall()
    days = [date.fromisoformat(r[0]) for r in rows]
    days = [d for d in days if d.weekday() < 5]
    step = max(1, len(days) // count)
    return days[::step][:count]


def raw_grid(db: sqlite_utils.Database, building: str | None, day: date) -> int:
    """The bookings query behind the grid, rows fetched as SQLite gives them."""
    first, last = queries.local_day_bounds(day)
    where = "r.building = ?" if building is not None else "? IS NULL"
    rows = db.conn.execute(
        f"SELECT {queries._BOOKING_COLUMNS} FROM rooms r JOIN bookings b ON b.room_id = r.id "
        "LEFT JOIN people p ON p.id = b.organizer_id "
        f'WHERE {where} AND b.start < ? AND b.start >= ? AND b."end" > ? AND {queries._SHOWN} '
        "ORDER BY b.room_id, b.start",
        [
            building,
            queries.utc_text(last),
            queries.utc_text(first - queries.MAX_BOOKING),
            queries.utc_text(first),
        ],
    ).fetchall()
    return len(rows)


def bench_grid(db: sqlite_utils.Database, days: list[date]) -> None:
    buildings = queries.buildings(db)
    print(f"day grid: {len(buildings)} buildings, {len(days)} weekdays")
    per_building, raw, everything, raw_everything = [], [], [], []
    for day in days:
        for building in buildings:
            per_building.append(timed(partial(day_grid, db, building, day))[0])
            raw.append(timed(partial(raw_grid, db, building, day))[0])
        everything.append(timed(partial(day_grid, db, None, day))[0])
        raw_everything.append(timed(partial(raw_grid, db, None, day))[0])
    print(line("day_grid, one building (~50 rooms)", per_building))
    print(line("  raw SQL behind it", raw))
    print(line("day_grid, all 300 rooms", everything))
    print(line("  raw SQL behind it", raw_everything))


def bench_finder(db: sqlite_utils.Database, days: list[date], count: int) -> None:
    rng = random.Random(11)
    equipment = equipment_names(db)
    buildings = queries.buildings(db)
    found, raw, sizes = [], [], []
    for _ in range(count):
        day = rng.choice(days)
        start = datetime.combine(day, clock_time(rng.randint(8, 17), rng.choice((0, 30))), BAKU)
        end = start + timedelta(minutes=rng.choice((30, 60, 90, 120)))
        people = rng.choice((2, 4, 6, 8, 12, 20, 40))
        wanted = rng.sample(equipment, rng.randint(0, 2))
        building = rng.choice([None, *buildings])
        elapsed, rooms = timed(
            partial(
                free_rooms, db, start, end, capacity=people, equipment=wanted, building=building
            )
        )
        found.append(elapsed)
        sizes.append(len(rooms))
        raw.append(timed(partial(_raw_free, db, start, end, people, wanted, building))[0])
    print(
        f"free-room finder: {count} random requests, "
        f"{statistics.median(sizes):.0f} rooms found (median)"
    )
    print(line("free_rooms", found))
    print(line("  raw SQL behind it", raw))


def _raw_free(
    db: sqlite_utils.Database,
    start: datetime,
    end: datetime,
    people: int,
    wanted: list[str],
    building: str | None,
) -> int:
    marks = ", ".join("?" for _ in wanted)
    equipment = (
        "AND (SELECT count(DISTINCT e.value) FROM json_each(r.record, '$.equipment') e "
        f"WHERE e.value IN ({marks})) = {len(wanted)} "
        if wanted
        else ""
    )
    rows = db.conn.execute(
        "SELECT r.id FROM rooms r WHERE r.capacity >= ? AND (? IS NULL OR r.building = ?) "
        f"{equipment}AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.room_id = r.id "
        "AND b.status NOT IN ('cancelled', 'released') "
        'AND b.start < ? AND b.start >= ? AND b."end" > ?) ORDER BY r.capacity LIMIT 200',
        [
            people,
            building,
            building,
            *wanted,
            queries.utc_text(end),
            queries.utc_text(start - queries.MAX_BOOKING),
            queries.utc_text(start),
        ],
    ).fetchall()
    return len(rows)


def bench_paint(db: sqlite_utils.Database, days: list[date]) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.bookings.grid import DayGridView

    app = QApplication.instance() or QApplication([])
    view = DayGridView()
    view.resize(1300, 800)
    view.show()
    app.processEvents()
    switches, paints, scroll_frames = [], [], []
    for day in days:
        grid = day_grid(db, None, day)
        started = time.perf_counter()
        view.set_grid(grid)
        view.viewport().repaint()
        switches.append((time.perf_counter() - started) * 1000)
        paints.append(timed(view.viewport().repaint)[0])
    bar = view.verticalScrollBar()
    for _ in range(3):
        for value in range(0, bar.maximum() + 1, view.row_height):
            bar.setValue(value)
            scroll_frames.append(timed(view.viewport().repaint)[0])
        bar.setValue(0)
    steps = []  # as the user scrolls: Qt moves the pixels and paints the uncovered row
    for _ in range(3):
        for value in range(0, bar.maximum() + 1, view.row_height):
            steps.append(timed(partial(_scroll_step, app, bar, value))[0])
        bar.setValue(0)
        app.processEvents()
    rows = len(view.visible_rows())
    print(f"day grid painted (Qt offscreen, 1300x800, {rows} rows drawn of {len(grid.rooms)}):")
    print(line("day switch: set_grid + full paint", switches))
    print(line("  paint alone (the anchor)", paints))
    print(line("scrolling: full repaint per row step", scroll_frames))
    print(line("scrolling: a row step as Qt paints it", steps))
    view.close()


def _scroll_step(app: Any, bar: Any, value: int) -> None:
    bar.setValue(value)
    app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    seeded = Path("/tmp/bench-large")  # noqa: S108 - where the seeded data is kept
    parser.add_argument("--data", type=Path, default=seeded)
    parser.add_argument("--finds", type=int, default=500)
    parser.add_argument("--days", type=int, default=20)
    parser.add_argument("--no-qt", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bookings-bench-") as folder:
        db = open_database(Path(folder) / "cache.db", secrets.token_bytes(32), create=True)
        load_cache(args.data, db)
        cpu = time.process_time()
        days = weekdays(db, args.days)
        bench_grid(db, days)
        bench_finder(db, days, args.finds)
        if not args.no_qt:
            bench_paint(db, days)
        print(f"CPU time of the measurements: {time.process_time() - cpu:.1f} s")
        db.close()


if __name__ == "__main__":
    main()
