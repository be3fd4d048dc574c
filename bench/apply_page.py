"""``apply_page`` alone, on one collection of a seeded server, against the sync bench's anchors.

    uv run --locked python bench/apply_page.py --data-dir /tmp/bench-large people
    uv run --locked python bench/apply_page.py --data-dir /tmp/bench-large registry_rows \
        --rows 200000 --runs 3

Reads the first ``--rows`` records of a collection straight from the server's SQLite
file (read-only, in ``seq`` order, as a first sync receives them), makes pages of 5000
as the API sends them (``decode_page``: records keep their JSON text), and stores them
with ``RecordStore.apply_page`` into a fresh encrypted cache, one committed page at a
time, with nothing else running in the process (no fetch thread, no server): about 20 s
instead of the full sync's minutes, for trying a change of the apply path. Then the
anchors of ``bench/client_sync.py`` on the same rows, in the same run: *plain*
(``executemany`` of ``(id, json)`` committed per page) and, for a searchable
collection, *plain + one FTS5 build*. Prints wall and CPU (this thread) seconds and
the ratios; ``--upsert-only`` stores every page with the upsert (the path before new
pages went in as plain INSERTs), for a side-by-side run.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import sqlite3
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

import client_sync  # noqa: E402

from cache.database import open_database  # noqa: E402
from cache.store import RecordStore, decode_page  # noqa: E402
from domains.catalog import CATALOG  # noqa: E402

PAGE = 5000


def pages_of(data_dir: Path, collection: str, rows: int) -> list[dict[str, Any]]:
    """The collection's first ``rows`` records as decoded sync pages."""
    uri = (data_dir / "intranet.sqlite3").resolve().as_uri() + "?mode=ro"
    source = sqlite3.connect(uri, uri=True)
    try:
        query = f"SELECT body FROM {collection} WHERE NOT deleted ORDER BY seq LIMIT ?"
        bodies = [body for (body,) in source.execute(query, (rows,))]
    finally:
        source.close()
    texts = [
        '{"items":[' + ",".join(bodies[start : start + PAGE]) + '],"deleted":[]}'
        for start in range(0, len(bodies), PAGE)
    ]
    return [decode_page(text) for text in texts]


def one_run(collection: str, pages: list[dict[str, Any]], upsert_only: bool) -> tuple[float, ...]:
    folder = Path(tempfile.mkdtemp(prefix="bench-apply-"))
    os.chmod(folder, 0o700)
    try:
        db = open_database(folder / "cache.db", secrets.token_bytes(32), create=True)
        store = RecordStore(db, CATALOG)
        if upsert_only:
            store._any_stored = lambda *_ids: True  # type: ignore[method-assign]
        scope = "bench" if collection == "registry_rows" else None
        os.sync()
        spent = client_sync.Spent()
        with client_sync.timed(spent):
            for number, page in enumerate(pages):
                store.apply_page(collection, page["items"], [], f"c{number}", scope=scope)
        os.sync()
        raw = client_sync.measure_raw(db.conn, [collection], folder, PAGE, False)[collection]
        db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    anchor = raw.plain_fts if CATALOG.spec(collection).derived_search else raw.plain
    return spent.wall, spent.cpu, anchor.wall, anchor.cpu


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("collection", choices=("people", "registry_rows", "bookings"))
    parser.add_argument("--data-dir", type=Path, required=True, help="a seeded server data dir")
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--upsert-only", action="store_true")
    args = parser.parse_args()
    pages = pages_of(args.data_dir, args.collection, args.rows)
    rows = sum(len(page["items"]) for page in pages)
    anchor = "plain + FTS" if CATALOG.spec(args.collection).derived_search else "plain"
    ratios: list[tuple[float, float]] = []
    for _ in range(args.runs):
        wall, cpu, anchor_wall, anchor_cpu = one_run(args.collection, pages, args.upsert_only)
        ratios.append((anchor_wall / wall, anchor_cpu / cpu))
        print(
            f"{args.collection}: {rows} rows, apply_page wall {wall:.2f} s CPU {cpu:.2f} s; "
            f"{anchor} wall {anchor_wall:.2f} s CPU {anchor_cpu:.2f} s; ratio wall "
            f"{ratios[-1][0]:.2f} CPU {ratios[-1][1]:.2f}",
            flush=True,
        )
    if args.runs > 1:
        print(
            f"median ratio: wall {statistics.median(r[0] for r in ratios):.2f}, "
            f"CPU {statistics.median(r[1] for r in ratios):.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
