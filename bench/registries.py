"""The Registries tab's queries on a million rows, each beside its raw anchor in the same run.

    uv run --locked python bench/registries.py --data-dir /tmp/bench-large [--runs 5]

Builds (once; reused by later runs) an encrypted cache in ``--cache-dir`` holding one
registry of 1 000 000 rows: the 500 000 health workers of ``--seed large`` (read
read-only from the seeded server's database) stored twice (the second copy's ids end
in ``-b``), through ``RecordStore.apply_page`` in pages of 5 000 as the sync stores
them, then the expression indexes (``ensure_indexes``; their build time is printed).
The largest registry of ``large`` has 500 000 rows; the issue's target is a million.

Then, medians of ``--runs``:

- first block (200 rows) of the plain view, of a sorted view (full name, Azerbaijani
  order), of a filtered one (district pick + experience range, sorted by licence date),
  and a jump to row 900 000; anchor: the plain SQL a table without these indexes runs
  (``ORDER BY json_extract(...) LIMIT 200 [OFFSET]``);
- a keystroke: "contains" and "starts with" on the full name, typed letter by letter
  (each prefix a new first block, sorted by name): p95 and median;
- the count of each view (read apart, never waited for by the table);
- scrolling the whole view block by block (keyset): RSS at start and end;
- CSV export against Python's ``csv`` writer on the same rows read by a plain query;
  XLSX export against ``xlsxwriter`` writing the same rows directly (rows/s), on the
  first ``--export-rows`` rows of the view.
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import os
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import xlsxwriter  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cache import RecordStore  # noqa: E402
from cache.database import open_database  # noqa: E402
from domains.catalog import CATALOG  # noqa: E402
from domains.registries.export import export_view  # noqa: E402
from domains.registries.filters import (  # noqa: E402
    ChoiceFilter,
    RangeFilter,
    RegistryQuery,
    TextFilter,
)
from domains.registries.model import load_registry  # noqa: E402
from domains.registries.queries import (  # noqa: E402
    RegistryRows,
    _plan,
    count_rows,
    ensure_indexes,
    iter_rows,
    rows_block,
)

REGISTRY = "reg-health-workers"
BLOCK = 200


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def build(cache_dir: Path, data_dir: Path) -> tuple[Any, float]:
    cache_dir.mkdir(parents=True, exist_ok=True)
    key_file, path = cache_dir / "bench.key", cache_dir / "cache.db"
    if path.exists() and key_file.exists():
        db = open_database(path, bytes.fromhex(key_file.read_text()), create=False)
        return db, 0.0
    key = os.urandom(32)
    key_file.write_text(key.hex())
    db = open_database(path, key, create=True)
    store = RecordStore(db, CATALOG)
    server = sqlite3.connect(f"file:{data_dir / 'intranet.sqlite3'}?mode=ro", uri=True)
    registry = json.loads(
        server.execute("SELECT body FROM registries WHERE id = ?", (REGISTRY,)).fetchone()[0]
    )
    registry["row_count"] = 1_000_000
    store.apply_page("registries", [registry], [], "c0")
    started = time.perf_counter()
    for copy in ("", "-b"):
        page: list[dict[str, Any]] = []
        for (body,) in server.execute(
            "SELECT body FROM registry_rows WHERE registry_id = ? AND NOT deleted ORDER BY seq",
            (REGISTRY,),
        ):
            record = json.loads(body)
            record["id"] += copy
            page.append(record)
            if len(page) == 5000:
                store.apply_page("registry_rows", page, [], "c", scope=REGISTRY)
                page = []
        if page:
            store.apply_page("registry_rows", page, [], "c", scope=REGISTRY)
    print(f"stored 1 000 000 rows in {time.perf_counter() - started:.1f} s", flush=True)
    started = time.perf_counter()
    store.update_search_index()
    print(f"search index (the sync's background step) {time.perf_counter() - started:.1f} s")
    return db, time.perf_counter() - started


CPU: dict[str, float] = {}
"""The median CPU time (ms) of the last ``timed`` call, under "last"."""


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, Any]:
    times, cpu, result = [], [], None
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    CPU["last"] = statistics.median(cpu) * 1000
    return statistics.median(times) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/bench-large"))  # noqa: S108
    parser.add_argument("--cache-dir", type=Path, default=Path("/tmp/registries-bench"))  # noqa: S108
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--export-only", action="store_true", help="only the export figures")
    parser.add_argument("--views-only", action="store_true", help="no export figures")
    parser.add_argument("--export-years", type=int, default=5, help="export experience 0..N")
    args = parser.parse_args()
    db, _stored = build(args.cache_dir, args.data_dir)
    registry = load_registry(db, REGISTRY)
    assert registry is not None
    started = time.perf_counter()
    built = ensure_indexes(db, registry)
    indexed = db.execute("SELECT indexed_upto FROM search_index_state").fetchall()
    if not indexed or indexed[0][0] == 0:
        started = time.perf_counter()
        RecordStore(db, CATALOG).update_search_index()
        print(f"search index built in {time.perf_counter() - started:.1f} s")
    if built:
        print(f"built {built} expression indexes in {time.perf_counter() - started:.1f} s")
    size = os.path.getsize(args.cache_dir / "cache.db") / 2**20
    print(f"cache {size:.0f} MB; rows {count_rows(db, RegistryQuery(REGISTRY)):,}")
    raw = db.execute
    runs = args.runs
    name_json = "json_extract(record, '$.values.\"full_name\"')"

    def anchor(sql: str, params: tuple[Any, ...] = ()) -> Callable[[], Any]:
        return lambda: [json.loads(r[0]) for r in raw(sql, params).fetchall()]

    if not args.export_only:
        views = {
            "plain": RegistryQuery(REGISTRY),
            "sorted by name": RegistryQuery(REGISTRY, sort="full_name"),
            "sorted by name, desc": RegistryQuery(REGISTRY, sort="full_name", descending=True),
            "filtered + sorted": RegistryQuery(
                REGISTRY,
                (
                    ChoiceFilter("district", ("Bakı şəhəri, Xətai rayonu", "Gəncə şəhəri")),
                    RangeFilter("experience_years", "10", "20"),
                ),
                sort="license_valid_until",
            ),
        }
        anchors = {
            "plain": anchor(
                "SELECT record FROM registry_rows WHERE registry_id = ? ORDER BY rid LIMIT 200",
                (REGISTRY,),
            ),
            "sorted by name": anchor(
                f"SELECT record FROM registry_rows WHERE registry_id = ? "
                f"ORDER BY {name_json} LIMIT 200",
                (REGISTRY,),
            ),
            "sorted by name, desc": anchor(
                f"SELECT record FROM registry_rows WHERE registry_id = ? "
                f"ORDER BY {name_json} DESC LIMIT 200",
                (REGISTRY,),
            ),
            "filtered + sorted": anchor(
                "SELECT record FROM registry_rows WHERE registry_id = ? "
                "AND json_extract(record, '$.values.district') IN (?, ?) "
                "AND json_extract(record, '$.values.experience_years') BETWEEN 10 AND 20 "
                "ORDER BY json_extract(record, '$.values.license_valid_until') LIMIT 200",
                (REGISTRY, "Bakı şəhəri, Xətai rayonu", "Gəncə şəhəri"),
            ),
        }
        print(
            "\n| view | first block (ms) | CPU (ms) | raw anchor (ms) | anchor CPU (ms) "
            "| count (ms) | rows |"
        )
        print("|---|---|---|---|---|---|---|")
        for label, query in views.items():
            ours, _ = timed(functools.partial(rows_block, db, query, 0, BLOCK), runs)
            ours_cpu = CPU["last"]
            theirs, _ = timed(anchors[label], max(1, runs // 2) if label != "plain" else runs)
            theirs_cpu = CPU["last"]
            counted, total = timed(functools.partial(count_rows, db, query), runs)
            print(
                f"| {label} | {ours:.1f} | {ours_cpu:.1f} | {theirs:.1f} | {theirs_cpu:.1f} "
                f"| {counted:.0f} | {total:,} |"
            )
        # The table jumps once it knows the count (its scroll bar): the row source
        # counts, then reads the block (from the end, past the middle).
        source = RegistryRows([c.key for c in registry.columns])
        source.count(db, views["plain"])
        jump, _ = timed(lambda: source.block(db, views["plain"], 900_000, BLOCK, None), runs)
        jump_cpu = CPU["last"]
        jump_anchor, _ = timed(
            anchor(
                "SELECT record FROM registry_rows WHERE registry_id = ? "
                "ORDER BY rid LIMIT 200 OFFSET 900000",
                (REGISTRY,),
            ),
            runs,
        )
        jump_anchor_cpu = CPU["last"]
        source.count(db, views["sorted by name"])
        jump_sorted, _ = timed(
            lambda: source.block(db, views["sorted by name"], 900_000, BLOCK, None), runs
        )
        jump_sorted_cpu = CPU["last"]
        forward, _ = timed(lambda: rows_block(db, views["sorted by name"], 900_000, BLOCK), runs)
        forward_cpu = CPU["last"]
        print(
            f"| jump to row 900 000 (plain) | {jump:.1f} | {jump_cpu:.1f} | {jump_anchor:.1f} "
            f"| {jump_anchor_cpu:.1f} | | |"
        )
        print(
            f"| jump to row 900 000 (sorted by name) | {jump_sorted:.1f} | {jump_sorted_cpu:.1f} "
            f"| {forward:.1f} (OFFSET from the start) | {forward_cpu:.1f} | | |"
        )

        typed = "Məmmədova"
        print(
            "\n| keystroke (first block after each letter of 'Məmmədova') "
            "| median (ms) | p95 (ms) | CPU median (ms) |"
        )
        print("|---|---|---|---|")
        for mode in ("contains", "starts"):
            samples, cpu = [], []
            for _ in range(max(1, runs // 2)):
                for end in range(1, len(typed) + 1):
                    query = RegistryQuery(
                        REGISTRY, (TextFilter("full_name", typed[:end], mode),), sort="full_name"
                    )
                    started, started_cpu = time.perf_counter(), time.process_time()
                    rows_block(db, query, 0, BLOCK)
                    samples.append((time.perf_counter() - started) * 1000)
                    cpu.append((time.process_time() - started_cpu) * 1000)
            samples.sort()
            p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
            print(
                f"| {mode} | {statistics.median(samples):.1f} | {p95:.1f} "
                f"| {statistics.median(cpu):.1f} |"
            )
        like, _ = timed(
            anchor(
                f"SELECT record FROM registry_rows WHERE registry_id = ? "
                f"AND {name_json} LIKE ? ORDER BY {name_json} LIMIT 200",
                (REGISTRY, f"%{typed}%"),
            ),
            1,
        )
        print(
            f"| anchor: LIKE '%{typed}%' ORDER BY json_extract, once | {like:.1f} | "
            f"| {CPU['last']:.1f} |"
        )

        start_rss = rss_mb()
        started = time.perf_counter()
        scrolled = sum(len(batch) for batch in iter_rows(db, views["sorted by name"], BLOCK))
        print(
            f"\nscrolled {scrolled:,} rows (sorted by name) in "
            f"{time.perf_counter() - started:.1f} s; "
            f"RSS {start_rss:.0f} MB at start, {rss_mb():.0f} MB at end "
            f"(peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)"
        )

    if args.views_only:
        print(f"load average {os.getloadavg()[0]:.1f}")
        return
    export_query = RegistryQuery(
        REGISTRY, (RangeFilter("experience_years", "0", str(args.export_years)),), sort="full_name"
    )
    count = count_rows(db, export_query)
    plan = _plan(db, registry, export_query)
    # The anchor: the same rows in the same order, one plain query (our SQL, without
    # the block-by-block keyset reads and the row objects), written by csv / xlsxwriter.
    same_rows = (
        f"SELECT record FROM registry_rows WHERE {plan.where} ORDER BY {plan.order}, rid",
        plan.params,
    )
    columns = [c.key for c in registry.columns]
    with tempfile.TemporaryDirectory(dir=args.cache_dir) as folder:
        for file_format in ("csv", "xlsx"):
            cpu0, wall0 = time.process_time(), time.perf_counter()
            export_view(db, export_query, Path(folder) / f"ours.{file_format}", file_format)
            spent = (time.perf_counter() - wall0, time.process_time() - cpu0)
            cpu0, wall0 = time.process_time(), time.perf_counter()
            if file_format == "csv":
                with open(
                    Path(folder) / "anchor.csv", "w", encoding="utf-8-sig", newline=""
                ) as out:
                    writer = csv.writer(out)
                    writer.writerow(columns)
                    for (record,) in raw(*same_rows):
                        values = json.loads(record)["values"]
                        writer.writerow([values.get(k) for k in columns])
            else:
                book = xlsxwriter.Workbook(
                    str(Path(folder) / "anchor.xlsx"), {"constant_memory": True}
                )
                sheet = book.add_worksheet()
                sheet.write_row(0, 0, columns)
                for line, (record,) in enumerate(raw(*same_rows), start=1):
                    values = json.loads(record)["values"]
                    sheet.write_row(line, 0, [values.get(k) for k in columns])
                book.close()
            anchor_time = (time.perf_counter() - wall0, time.process_time() - cpu0)
            print(
                f"{file_format.upper()} export of {count:,} rows (filtered, sorted by name): ours "
                f"{count / spent[0]:,.0f} rows/s (CPU {spent[1]:.1f} s); the same rows by one "
                f"plain query {count / anchor_time[0]:,.0f} rows/s (CPU {anchor_time[1]:.1f} s); "
                f"ours / anchor rate {anchor_time[0] / spent[0]:.2f} wall, "
                f"{anchor_time[1] / spent[1]:.2f} CPU"
            )
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
