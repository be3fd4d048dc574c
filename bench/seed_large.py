"""Seed the ``large`` data set into a temporary folder and report how long it took.

    uv run --locked python bench/seed_large.py [--keep DIR] [--today YYYY-MM-DD]

The target is well under three minutes (aim: 90 s) on the two-core build machines,
inserts included; the test suite does not run this (too slow for CI).
"""

from __future__ import annotations

import argparse
import datetime
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from server.blobs import BlobStore
from server.db import Database, sqlite_url_for
from server.seed import seed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="seed into this (empty) folder and keep it")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today())
    parser.add_argument("--size", choices=("demo", "large"), default="large")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="seed-large-") as scratch:
        root = args.keep or Path(scratch)
        root.mkdir(parents=True, exist_ok=True)
        db = Database(sqlite_url_for(root))
        db.create_schema()
        started = time.perf_counter()
        summary = seed(db, BlobStore(root / "blobs"), args.size, args.today)
        elapsed = time.perf_counter() - started
        db.dispose()
        size_mb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / 1e6
        blobs = sum(1 for p in (root / "blobs").rglob("*") if p.is_file())
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"seeded {args.size!r} for {args.today} in {elapsed:.1f} s")
    for collection, count in summary.counts.items():
        print(f"  {collection:<18}{count:>10,}")
    print(f"  {'users':<18}{summary.users:>10,}")
    print(f"  {'blob files':<18}{blobs:>10,}")
    print(f"on disk {size_mb:,.0f} MB, peak memory {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
