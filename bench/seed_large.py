"""Seed the ``large`` data set into a temporary folder and time it against two anchors.

    uv run --locked python bench/seed_large.py [--runs 3] [--in-process] [--keep DIR]
        [--today YYYY-MM-DD]

Each run, in this process, one after the other:

- *seed*: ``server.seed.seed`` into a fresh SQLite data dir (what ``python -m server
  --seed large`` does before it listens), wall and CPU time (its child process's
  included; ``--in-process`` seeds without the child);
- *generate only*: ``server.seed.generate`` into a sink that only counts, the same records
  built in Python (blobs into a scratch folder) but neither encoded nor written;
- *raw executemany*: every ``(id, body)`` the seed wrote, read back (not timed) and
  inserted with ``executemany`` in batches of 5000 into one plain table ``(id TEXT PRIMARY
  KEY, body TEXT)`` of a fresh SQLite file with the server's PRAGMAs (WAL, synchronous
  NORMAL), one transaction, COMMIT included.

The anchors are measured under the same load as the seed, so the ratios hold on a busy
machine where the seconds do not. Target (issue 8, goal 7): under 90 s on the two-core
machine. The test suite does not run this (too slow for CI).
"""

from __future__ import annotations

import argparse
import datetime
import os
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Table

from server.blobs import BlobStore
from server.db import COLLECTION_TABLES, Database, sqlite_url_for
from server.seed import SeedSummary, Size, seed
from server.seed.bulk import EncodedBatch
from server.seed.generate import generate

RAW_BATCH = 5000


class CountingSink:
    """Consumes every generated record and row, keeps nothing."""

    def records(self, collection: str, records: Iterable[Mapping[str, Any]]) -> int:
        return sum(1 for _ in records)

    def encoded(self, collection: str, batches: Iterable[EncodedBatch]) -> int:
        return sum(len(rows) for _columns, rows in batches)

    def dicts(self, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
        pass


@dataclass
class Run:
    seed_s: float
    seed_cpu_s: float
    generate_s: float
    raw_s: float
    raw_rows: int
    load_before: float
    load_after: float

    @property
    def ratio_to_raw(self) -> float:
        return self.seed_s / self.raw_s

    @property
    def ratio_to_anchors(self) -> float:
        return self.seed_s / (self.generate_s + self.raw_s)


def time_raw_executemany(seeded: Path, scratch: Path) -> tuple[float, int]:
    """Seconds spent in ``executemany`` + COMMIT of every seeded ``(id, body)``; row count."""
    source = sqlite3.connect(seeded / "intranet.sqlite3")
    target = sqlite3.connect(scratch / "raw.sqlite3", isolation_level=None)
    target.execute("PRAGMA journal_mode=WAL")
    target.execute("PRAGMA synchronous=NORMAL")
    target.execute("CREATE TABLE plain (id TEXT PRIMARY KEY, body TEXT NOT NULL)")
    spent = 0.0
    rows = 0
    target.execute("BEGIN IMMEDIATE")
    for table in COLLECTION_TABLES:
        cursor = source.execute(f"SELECT id, body FROM {table} ORDER BY seq")
        while batch := cursor.fetchmany(RAW_BATCH):
            started = time.perf_counter()
            target.executemany("INSERT INTO plain VALUES (?, ?)", batch)
            spent += time.perf_counter() - started
            rows += len(batch)
    started = time.perf_counter()
    target.execute("COMMIT")
    spent += time.perf_counter() - started
    target.close()
    source.close()
    return spent, rows


def one_run(
    size: Size, today: datetime.date, keep: Path | None, in_process: bool
) -> tuple[Run, SeedSummary, Path]:
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="seed-large-") as scratch:
        root = keep or Path(scratch) / "data"
        root.mkdir(parents=True, exist_ok=True)
        db = Database(sqlite_url_for(root))
        db.create_schema()
        started, cpu_started = time.perf_counter(), cpu_s()
        parallel = False if in_process else None  # None: the seed's default for the size
        summary = seed(db, BlobStore(root / "blobs"), size, today, parallel=parallel)
        seed_s = time.perf_counter() - started
        seed_cpu_s = cpu_s() - cpu_started
        db.dispose()
        print(f"  seed           {seed_s:6.1f} s  (CPU {seed_cpu_s:.1f} s)", flush=True)

        started = time.perf_counter()
        generate(CountingSink(), BlobStore(Path(scratch) / "scratch-blobs"), size, today)
        generate_s = time.perf_counter() - started
        print(f"  generate only  {generate_s:6.1f} s", flush=True)

        raw_s, raw_rows = time_raw_executemany(root, Path(scratch))
        print(f"  raw executemany{raw_s:6.1f} s  ({raw_rows:,} rows)", flush=True)
        report_sizes(root)
    run = Run(seed_s, seed_cpu_s, generate_s, raw_s, raw_rows, load_before, os.getloadavg()[0])
    print(
        f"  ratios: seed / raw {run.ratio_to_raw:.2f}, seed / (generate + raw) "
        f"{run.ratio_to_anchors:.2f}; load average {load_before:.1f} -> {run.load_after:.1f}",
        flush=True,
    )
    return run, summary, root


def cpu_s() -> float:
    """CPU seconds of this process and its finished children (the registry row producer)."""
    usages = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return sum(u.ru_utime + u.ru_stime for u in usages)


def report_sizes(root: Path) -> None:
    size_mb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / 1e6
    blobs = sum(1 for p in (root / "blobs").rglob("*") if p.is_file())
    print(f"  on disk {size_mb:,.0f} MB, {blobs} blob files", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="seed into this (empty) folder and keep it")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today())
    parser.add_argument("--size", choices=("demo", "large"), default="large")
    parser.add_argument("--runs", type=int, default=1, help="report the median of this many")
    parser.add_argument(
        "--in-process", action="store_true", help="no child process for the registry rows"
    )
    args = parser.parse_args()
    if args.keep and args.runs != 1:
        parser.error("--keep seeds once: use it with --runs 1")

    runs: list[Run] = []
    summary: SeedSummary | None = None
    for number in range(1, args.runs + 1):
        print(f"run {number}/{args.runs}: seeding {args.size!r} for {args.today}", flush=True)
        run, summary, _root = one_run(args.size, args.today, args.keep, args.in_process)
        runs.append(run)
    assert summary is not None

    mode = "in one process" if args.in_process else "registry rows from a child process"
    print(f"\n{args.size!r}, {len(runs)} run(s), {mode}, cpu count {os.cpu_count()}:")
    for collection, count in summary.counts.items():
        print(f"  {collection:<18}{count:>10,}")
    print(f"  {'users':<18}{summary.users:>10,}")

    def median(values: Iterable[float]) -> float:
        return statistics.median(list(values))

    def each(values: Iterable[float], digits: int = 1) -> str:
        return " / ".join(f"{v:.{digits}f}" for v in values)

    seed_s = median(r.seed_s for r in runs)
    print(f"seed, wall            median {seed_s:6.1f} s   ({each(r.seed_s for r in runs)})")
    print(
        f"seed, CPU             median {median(r.seed_cpu_s for r in runs):6.1f} s   "
        f"({each(r.seed_cpu_s for r in runs)}; cores used "
        f"{each((r.seed_cpu_s / r.seed_s for r in runs), 2)})"
    )
    print(
        f"anchor generate only  median {median(r.generate_s for r in runs):6.1f} s   "
        f"({each(r.generate_s for r in runs)})"
    )
    print(
        f"anchor raw executemany median {median(r.raw_s for r in runs):5.1f} s   "
        f"({each(r.raw_s for r in runs)}; {runs[0].raw_rows:,} rows)"
    )
    print(
        f"ratio seed / raw      median {median(r.ratio_to_raw for r in runs):6.2f}     "
        f"({each((r.ratio_to_raw for r in runs), 2)})"
    )
    print(
        f"ratio seed / (generate + raw) median {median(r.ratio_to_anchors for r in runs):.2f} "
        f"({each((r.ratio_to_anchors for r in runs), 2)})"
    )
    print(
        "load average (1 min) before/after: "
        + ", ".join(f"{r.load_before:.1f}/{r.load_after:.1f}" for r in runs)
    )
    own_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory {own_mb:,.0f} MB (largest child process: {child_mb:,.0f} MB)")
    verdict = "under" if seed_s < 90 else "NOT under"
    print(f"target: seed under 90 s -> {verdict} ({seed_s:.1f} s median)")


if __name__ == "__main__":
    main()
