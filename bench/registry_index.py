"""Shapes of the registry rows' search index, measured on the same rows.

    uv run --locked python bench/registry_index.py --data-dir /tmp/bench-large [--rows 200000]

Reads registry rows straight from a seeded server's database (read-only), turns each
into the text the cache's index is given (``store.index_text`` of its values' texts and
numbers), and builds one contentless FTS5 table per variant in a fresh SQLCipher file,
in transactions of ``store.INDEX_BATCH`` rows as ``update_search_index`` does. For each:
build time (wall and this thread's CPU), index size (its shadow tables' blocks), and
the time of the registry searches ``bench/client_sync.py`` times (the ``MATCH`` that
``search.search_records`` runs, limit 50, median of 5), and whether a query that
SQLite's tokenizer turns into a phrase (``aᦰb``) is accepted.
"""

from __future__ import annotations

import argparse
import json
import secrets
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cache.migrations import FTS_TOKENIZER  # noqa: E402
from cache.search import fts_match_expression, query_terms  # noqa: E402
from cache.sqlcipher_compat import dbapi2  # noqa: E402
from cache.store import INDEX_BATCH, index_text  # noqa: E402

VARIANTS = {
    "full, prefix 1 2 (before)": "prefix='1 2'",
    "full, prefix 2 (kept)": "prefix='2'",
    "full, no prefix": "",
    "column, prefix 1 2": "prefix='1 2', detail=column",
    "none, prefix 1 2": "prefix='1 2', detail=none",
    "none, no prefix": "detail=none",
}
QUERIES = ("bakı", "sağlam", "cərrah qadın", "aptek 24", "xəstəxana", "zz", "b", "ba", "sa", "aᦰb")


def atoms(value: Any) -> Iterator[str]:
    """Texts and numbers of a JSON value, nested ones too (not booleans or nulls)."""
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, str | int | float):
        yield str(value)
    elif isinstance(value, dict):
        for item in value.values():
            yield from atoms(item)
    elif isinstance(value, list):
        for item in value:
            yield from atoms(item)


def read_texts(data_dir: Path, rows: int) -> list[tuple[int, str]]:
    source = sqlite3.connect(f"file:{data_dir / 'intranet.sqlite3'}?mode=ro", uri=True)
    bodies = source.execute(
        "SELECT body FROM registry_rows WHERE NOT deleted ORDER BY seq LIMIT ?", (rows,)
    ).fetchall()
    source.close()
    return [
        (rid, index_text(" ".join(atoms(json.loads(body).get("values")))))
        for rid, (body,) in enumerate(bodies, start=1)
    ]


def build(conn: Any, name: str, options: str, texts: list[tuple[int, str]]) -> tuple[float, float]:
    extra = f", {options}" if options else ""
    conn.execute(
        f"CREATE VIRTUAL TABLE {name} USING fts5(search_text, content='', "
        f"contentless_delete=1, tokenize='{FTS_TOKENIZER}'{extra})"
    )
    wall, cpu = time.perf_counter(), time.thread_time()
    for start in range(0, len(texts), INDEX_BATCH):
        conn.execute("BEGIN")
        conn.executemany(
            f"INSERT INTO {name} (rowid, search_text) VALUES (?, ?)",
            texts[start : start + INDEX_BATCH],
        )
        conn.execute("COMMIT")
    return time.perf_counter() - wall, time.thread_time() - cpu


def search_ms(conn: Any, name: str, query: str) -> str:
    expression = fts_match_expression(query_terms(query))
    samples = []
    for _ in range(5):
        started = time.perf_counter()
        try:
            conn.execute(
                f"SELECT rowid FROM {name} WHERE {name} MATCH ? ORDER BY rowid LIMIT 50",
                (expression,),
            ).fetchall()
        except dbapi2.OperationalError:
            return "refused"
        samples.append((time.perf_counter() - started) * 1000)
    return f"{statistics.median(samples):.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--only", nargs="*", type=int, help="variant numbers (0-5) to build")
    args = parser.parse_args()
    texts = read_texts(args.data_dir, args.rows)
    print(f"{len(texts):,} registry rows, {sum(len(t) for _, t in texts) / 1e6:.0f} MB of text")
    folder = Path(tempfile.mkdtemp(prefix="bench-index-"))
    conn = dbapi2.connect(str(folder / "index.db"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{secrets.token_bytes(32).hex()}'\"")
    conn.execute("PRAGMA journal_mode = WAL").fetchone()
    conn.execute("PRAGMA synchronous = NORMAL")
    print(f"{'variant':<26}{'wall s':>8}{'CPU s':>7}{'MB':>6}  " + "  ".join(QUERIES) + "  (ms)")
    for number, (label, options) in enumerate(VARIANTS.items()):
        if args.only and number not in args.only:
            continue
        name = f"v{number}"
        wall, cpu = build(conn, name, options, texts)
        size = sum(
            conn.execute(
                f"SELECT coalesce(sum(length({column})), 0) FROM {name}_{table}"
            ).fetchone()[0]
            for table, column in (("data", "block"), ("idx", "term"), ("docsize", "sz"))
        )
        times = "  ".join(search_ms(conn, name, query) for query in QUERIES)
        print(f"{label:<26}{wall:>8.1f}{cpu:>7.1f}{size / 1e6:>6.0f}  {times}", flush=True)
        conn.execute(f"DROP TABLE {name}")
    conn.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
