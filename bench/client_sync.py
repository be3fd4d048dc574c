"""Headless full sync of the server's ``large`` data set into the encrypted cache.

    uv run --locked python bench/client_sync.py --data-dir /tmp/bench-large
    uv run --locked python bench/client_sync.py              # seeds `large` into a temp dir

Starts the reference server as a subprocess (``--data-dir`` is reused when it is
already seeded, and kept), signs in as ``analyst`` with ``client.session.SignIn``
into a temporary profile folder, keeps all four registries offline and runs one
full sync (page size 5000) with the real ``SyncEngine``. Reports rows, wall time
and rows/s, per collection and overall; the time spent inside
``RecordStore.apply_page`` and its rate; the client's peak resident memory
(VmHWM, reset after sign-in so that Argon2id's 64 MiB does not count).

Then, in the same run, the raw SQLCipher rate for the same rows (read back from
the cache in arrival order, in chunks of one page; only ``executemany`` and the
commits are timed):

- *plain*: a fresh SQLCipher file with a raw key and the cache's PRAGMAs, a table
  ``(id TEXT PRIMARY KEY, record TEXT)``, tuples ``(id, json)``, committed per page
  with ``synchronous = NORMAL`` as ``apply_page`` commits its pages;
- *equal-schema* (unless ``--no-equal``): a fresh cache (``open_database``: the same
  tables, indexes, FTS as the cache), the store's own upsert with prebuilt tuples, one
  transaction per collection.

Rates are given for wall time and for this thread's CPU time (the cores are shared,
and ``apply_page`` shares them with the fetch thread and the server while the anchors
run alone: the CPU ratios are the ones to compare).
When the API client decodes sync pages with ``cache.store.decode_page``, records
are stored as the JSON they came as (no second encoding): the bench shows it as is.

Pages are fetched on a thread of their own while the sync's thread stores them
(``client.sync``): "fetch" and "apply" overlap, and the sync's wall time is what
counts. "Directory usable" is the moment the last page of people is stored (the
directory tab refreshes then), from the start of the sync and from the start of the
sign-in. Registry rows are indexed for search after the sync, in the background
(``SyncEngine.index_for_search``, what the window runs): the bench times a few
registry searches before (a scan stands in for the missing index) and after it.

The anchors, in the same run on the same rows (read back from the cache):

- *plain*: ``executemany`` of ``(id, json)`` into a plain table (below);
- *plain + FTS*: the same, plus one FTS5 build (the cache's tokenizer and prefixes,
  ``content=''``) of the same rows' search text, prepared beforehand: for people
  their ``search_text``, for registry rows the text the index is given.

The issue's targets: people ``apply_page`` at >= 0.5x *plain + FTS*; registry rows
``apply_page`` at >= 0.5x *plain*; the whole sync of ``large`` under 60 s.

Dirty pages are flushed (``os.sync``) before each phase (sync, index, raw inserts),
so that none pays for the previous one's writes.

The key storage is keyring's ``fail`` backend (the key stays only in the keyfile's
wrapped forms, as on a computer without a credential store); pass
``--system-keyring`` to use the session's real one (e.g. under ``dbus-run-session``
with gnome-keyring, as ``scripts/test`` does). Never a plaintext keyring.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _server import peak_rss_mb, start_server  # noqa: E402
from keyring.backends import fail  # noqa: E402

import client.api  # noqa: E402
from cache.database import CACHE_SIZE_KIB, WAL_SIZE_LIMIT, open_database  # noqa: E402
from cache.keystore import CredentialStore  # noqa: E402
from cache.migrations import FTS_PREFIXES, FTS_TOKENIZER, REGISTRY_FTS_PREFIXES  # noqa: E402
from cache.schema import quote  # noqa: E402
from cache.search import search_records  # noqa: E402
from cache.sqlcipher_compat import dbapi2  # noqa: E402
from cache.store import (  # noqa: E402
    PageResult,
    RecordStore,
    index_text,
    indexed_text_sql,
    search_index_pending,
)
from client.session import Session, SignIn  # noqa: E402
from domains.catalog import CATALOG  # noqa: E402

BIG = ("registry_rows", "people")  # reported on their own: the bulk of the data


# --- the process's memory ----------------------------------------------------------------


def _status_kib(field_name: str, pid: int | str = "self") -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(rf"^{field_name}:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) if match else -1


def rss_mb() -> float:
    return _status_kib("VmRSS") / 1024


def reset_peak_rss() -> bool:
    """Reset VmHWM to the current RSS (``echo 5 > /proc/self/clear_refs``, Linux >= 4.0)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


# --- the server ------------------------------------------------------------------------------


# --- measuring the sync ---------------------------------------------------------------------


@dataclass
class Spent:
    """Wall time and this thread's CPU time: the cores are shared, and the CPU time
    does not count the waits for other processes (it does not count fsync waits either)."""

    wall: float = 0.0
    cpu: float = 0.0

    def __iadd__(self, other: Spent) -> Spent:
        self.wall += other.wall
        self.cpu += other.cpu
        return self


class timed:
    def __init__(self, spent: Spent) -> None:
        self.spent = spent

    def __enter__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.thread_time()

    def __exit__(self, *_exc: object) -> None:
        self.spent.wall += time.perf_counter() - self.wall
        self.spent.cpu += time.thread_time() - self.cpu


@dataclass
class Part:
    """One collection (or one registry's rows) of the sync."""

    rows: int = 0
    pages: int = 0
    fetch: Spent = field(default_factory=Spent)  # HTTP, JSON parsing, page checks
    apply: Spent = field(default_factory=Spent)  # inside RecordStore.apply_page

    def add(self, other: Part) -> None:
        self.rows += other.rows
        self.pages += other.pages
        self.fetch += other.fetch
        self.apply += other.apply


@dataclass
class Meter:
    parts: dict[str, Part] = field(default_factory=dict)
    json_bytes: int = 0  # the sync pages' bodies as received
    people_done_at: float = float("nan")  # perf_counter when the last people page was stored

    def part(self, collection: str, scope: str | None) -> Part:
        label = collection if scope is None else f"{collection}/{scope}"
        return self.parts.setdefault(label, Part())

    def by_collection(self) -> dict[str, Part]:
        totals: dict[str, Part] = {}
        for label, part in self.parts.items():
            totals.setdefault(label.partition("/")[0], Part()).add(part)
        return totals


def instrument(session: Session, meter: Meter) -> None:
    """Time ``api.sync_page`` and ``records.apply_page`` on this session's objects."""
    api, records = session.api, session.cache.records
    fetch, apply = api.sync_page, records.apply_page

    def timed_fetch(
        collection: str, since: str | None, limit: int, registry: str | None = None
    ) -> dict[str, Any]:
        with timed(meter.part(collection, registry).fetch):
            return fetch(collection, since, limit, registry)

    decode = client.api.decode_page  # type: ignore[attr-defined]

    def counting_decode(raw: str | bytes) -> Any:
        meter.json_bytes += len(raw)
        return decode(raw)

    client.api.decode_page = counting_decode  # type: ignore[attr-defined]

    def timed_apply(
        collection: str,
        items: Sequence[Any],
        deleted: Iterable[str],
        cursor: str | None,
        scope: str | None = None,
    ) -> PageResult:
        part = meter.part(collection, scope)
        with timed(part.apply):
            result = apply(collection, items, deleted, cursor, scope=scope)
        part.rows += len(items)
        part.pages += 1
        if collection == "people":
            meter.people_done_at = time.perf_counter()
        return result

    api.sync_page = timed_fetch  # type: ignore[method-assign]
    records.apply_page = timed_apply  # type: ignore[method-assign]


def rate(rows: int, seconds: float) -> float:
    return rows / seconds if seconds > 0 else float("nan")


def print_sync(meter: Meter) -> None:
    head = f"{'collection':<34}{'rows':>9}{'pages':>6}{'wall s':>8}{'fetch s':>8}"
    print(head + f"{'apply s':>8}{'apply rows/s':>13}{'(CPU)':>9}")

    def line(label: str, part: Part) -> None:
        wall = part.fetch.wall + part.apply.wall
        print(
            f"{label:<34}{part.rows:>9}{part.pages:>6}{wall:>8.2f}{part.fetch.wall:>8.2f}"
            f"{part.apply.wall:>8.2f}{rate(part.rows, part.apply.wall):>13,.0f}"
            f"{rate(part.rows, part.apply.cpu):>9,.0f}",
            flush=True,
        )

    for label, part in meter.parts.items():
        line(label, part)
    totals = meter.by_collection()
    if "registry_rows" in totals:
        line("registry_rows (all registries)", totals["registry_rows"])


SEARCHES = ("bakı", "sağlam", "cərrah qadın", "aptek 24", "xəstəxana", "zz")


def time_searches(session: Session, label: str, queries: Sequence[str]) -> None:
    db = session.cache.db
    for query in queries:
        started = time.perf_counter()
        hits = search_records(db, CATALOG, "registry_rows", query, limit=50)
        took = (time.perf_counter() - started) * 1000
        state = "index complete" if hits.index_complete else "index incomplete: scanned"
        print(
            f"  {label} search_records(registry_rows, {query!r}): {len(hits)} hits "
            f"in {took:.1f} ms ({state})"
        )


def index_search(session: Session, page_size: int) -> Spent:
    """The part of a sync that runs after it, in the background: the registry rows'
    search index (``SyncEngine.index_for_search``); searches before and after."""
    db = session.cache.db
    time_searches(session, "before indexing:", ("sağlam", "bakı"))
    os.sync()
    pending = search_index_pending(db, CATALOG)
    reset_peak_rss()
    spent = Spent()
    with timed(spent):
        indexed = session.sync_engine(page_size=page_size).index_for_search()
    print(
        f"search index built after the sync: {indexed:,} rows (of {pending:,} waiting) "
        f"in {spent.wall:.1f} s = {rate(indexed, spent.wall):,.0f} rows/s; "
        f"peak RSS meanwhile {peak_rss_mb():.0f} MB"
    )
    time_searches(session, "after:", SEARCHES)
    return spent


def report_size(session: Session, meter: Meter) -> None:
    """Cache size on disk against the JSON received, and what the FTS indexes take."""
    db = session.cache.db
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    files = session.profile.database_files()
    size = sum(p.stat().st_size for p in files if p.exists())
    received = meter.json_bytes
    print(
        f"cache on disk: {size / 1e6:,.0f} MB for {received / 1e6:,.0f} MB of JSON received "
        f"({size / received if received else float('nan'):.2f}x)"
    )
    for fts in ("people_fts", "registry_rows_fts", "documents_fts"):
        blocks = db.conn.execute(f"SELECT coalesce(sum(length(block)), 0) FROM {fts}_data")
        print(f"  {fts}: {blocks.fetchone()[0] / 1e6:,.0f} MB of index blocks")
    records = db.conn.execute("SELECT coalesce(sum(length(record)), 0) FROM registry_rows")
    print(f"  registry_rows.record: {records.fetchone()[0] / 1e6:,.0f} MB of JSON text")


# --- the raw rates ------------------------------------------------------------------------------


def raw_connect(path: Path, key: bytes) -> Any:
    """A fresh SQLCipher file with a raw key and the PRAGMAs of cache/database.py."""
    conn = dbapi2.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute(f"PRAGMA cache_size = -{CACHE_SIZE_KIB}")
    conn.execute("PRAGMA synchronous = NORMAL")  # as apply_page commits its pages
    conn.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")
    conn.execute("PRAGMA journal_mode = WAL").fetchone()
    return conn


def chunks(source: Any, collection: str, size: int) -> Iterable[list[tuple[str, str]]]:
    """(id, record JSON) of a cached collection in arrival order, one page at a time."""
    cursor = source.execute(f"SELECT id, record FROM {quote(collection)} ORDER BY rid")
    while batch := cursor.fetchmany(size):
        yield batch


@dataclass
class Raw:
    rows: int = 0
    plain: Spent = field(default_factory=Spent)
    equal: Spent = field(default_factory=Spent)
    plain_commit: Spent = field(default_factory=Spent)  # part of plain: COMMIT, checkpoint
    fts_build: Spent = field(default_factory=Spent)  # one FTS5 build of the same rows

    def add(self, other: Raw) -> None:
        self.rows += other.rows
        self.plain += other.plain
        self.equal += other.equal
        self.plain_commit += other.plain_commit
        self.fts_build += other.fts_build

    @property
    def plain_fts(self) -> Spent:
        return Spent(self.plain.wall + self.fts_build.wall, self.plain.cpu + self.fts_build.cpu)


def search_texts(source: Any, collection: str) -> list[tuple[int, str]]:
    """(rid, text) as the cache's index is given it, read back (not timed)."""
    spec = CATALOG.spec(collection)
    column = indexed_text_sql(spec) if spec.deferred_search else "search_text"
    rows = source.execute(f"SELECT rid, {column} FROM {quote(collection)} ORDER BY rid")
    if spec.deferred_search:
        return [(int(rid), index_text(text)) for rid, text in rows]
    return [(int(rid), str(text)) for rid, text in rows]


def measure_fts_build(source: Any, collection: str, plain: Any) -> Spent:
    """One FTS5 build of a collection's search text, as the cache's index is defined."""
    texts = search_texts(source, collection)
    table = quote(f"raw_{collection}_fts")
    deferred = CATALOG.spec(collection).deferred_search
    prefixes = REGISTRY_FTS_PREFIXES if deferred else FTS_PREFIXES
    plain.execute(
        f"CREATE VIRTUAL TABLE {table} USING fts5(search_text, content='', "
        f"tokenize='{FTS_TOKENIZER}', prefix='{prefixes}')"
    )
    spent = Spent()
    with timed(spent):
        plain.execute("BEGIN")
        plain.executemany(f"INSERT INTO {table} (rowid, search_text) VALUES (?, ?)", texts)
        plain.execute("COMMIT")
    return spent


def measure_raw(
    source: Any, collections: Sequence[str], folder: Path, size: int, equal: bool
) -> dict[str, Raw]:
    key = secrets.token_bytes(32)
    plain = raw_connect(folder / "raw-plain.db", key)
    same = open_database(folder / "raw-equal.db", key, create=True) if equal else None
    store = RecordStore(same, CATALOG) if same is not None else None
    results: dict[str, Raw] = {}
    try:
        for collection in collections:
            raw = results[collection] = Raw()
            table = quote(f"raw_{collection}")
            plain.execute(f"CREATE TABLE {table} (id TEXT PRIMARY KEY, record TEXT)")
            insert = f"INSERT INTO {table} (id, record) VALUES (?, ?)"
            builder = None if store is None else store._builder(collection)
            if same is not None:
                same.conn.execute("BEGIN")
            for batch in chunks(source, collection, size):
                raw.rows += len(batch)
                with timed(raw.plain):  # committed per page, as apply_page commits
                    plain.execute("BEGIN")
                    plain.executemany(insert, batch)
                commit = Spent()
                with timed(commit):
                    plain.execute("COMMIT")
                raw.plain += commit
                raw.plain_commit += commit
                if same is not None and builder is not None:
                    rows = [builder.row(json.loads(record)) for _, record in batch]  # not timed
                    with timed(raw.equal):
                        same.conn.executemany(builder.upsert_sql, rows)
            if same is not None:
                with timed(raw.equal):
                    same.conn.execute("COMMIT")
            if CATALOG.spec(collection).has_search:
                raw.fts_build = measure_fts_build(source, collection, plain)
    finally:
        plain.close()
        if same is not None:
            same.close()
    return results


def print_ratios(
    meter: Meter, raws: dict[str, Raw], index: Spent, equal: bool, *, cpu: bool
) -> None:
    totals = meter.by_collection()
    kind = "thread CPU time" if cpu else "wall time"
    print(
        f"\n{kind + ':':<18}{'rows':>9}{'apply rows/s':>13}{'plain rows/s':>13}{'ratio':>7}"
        f"{'plain+FTS r/s':>14}{'ratio':>7}"
        + (f"{'equal rows/s':>13}{'ratio':>7}" if equal else "")
    )

    def seconds(spent: Spent) -> float:
        return spent.cpu if cpu else spent.wall

    def line(label: str, apply: Part, raw: Raw, extra: Spent | None = None) -> None:
        spent = seconds(apply.apply) + (seconds(extra) if extra else 0.0)
        applied = rate(raw.rows, spent)
        plain = rate(raw.rows, seconds(raw.plain))
        text = f"{label:<18}{raw.rows:>9}{applied:>13,.0f}{plain:>13,.0f}{applied / plain:>7.2f}"
        if seconds(raw.fts_build):
            with_fts = rate(raw.rows, seconds(raw.plain_fts))
            text += f"{with_fts:>14,.0f}{applied / with_fts:>7.2f}"
        else:
            text += f"{'':>14}{'':>7}"
        if equal:
            same = rate(raw.rows, seconds(raw.equal))
            text += f"{same:>13,.0f}{applied / same:>7.2f}"
        print(text, flush=True)

    everything, rest = (Part(), Raw()), (Part(), Raw())
    for collection, raw in raws.items():
        part = totals.get(collection, Part())
        for group in (everything, *(() if collection in BIG else (rest,))):
            group[0].add(part)
            group[1].add(raw)
        if collection in BIG:
            line(collection, part, raw)
        if collection == "registry_rows":
            line("  + its index", part, raw, index)
    line("the other ten", *rest)
    line("overall", *everything)
    raw = everything[1]
    print(
        f"(plain: {seconds(raw.plain):.1f} s, of which the page COMMITs (WAL checkpoints) "
        f"{seconds(raw.plain_commit):.1f} s; FTS builds {seconds(raw.fts_build):.1f} s)"
    )


# --- the run ------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data-dir", type=Path, help="the server's data dir (seeded if empty), kept afterwards"
    )
    parser.add_argument("--seed", default="large", choices=("demo", "large"))
    parser.add_argument("--page-size", type=int, default=5000)
    parser.add_argument("--user", default="analyst", help="analyst reads every registry")
    parser.add_argument("--password", default="demo")
    parser.add_argument(
        "--system-keyring", action="store_true", help="keep the key in the real keyring"
    )
    parser.add_argument("--no-equal", action="store_true", help="skip the equal-schema raw run")
    parser.add_argument("--keep-profile", type=Path, help="sign in into this folder and keep it")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="bench-client-"))
    os.chmod(scratch, 0o700)
    data_dir = args.data_dir or scratch / "server-data"
    profile_dir = args.keep_profile or scratch / "profiles"
    started = time.perf_counter()
    process, url = start_server(data_dir, args.seed)
    print(f"server ready after {time.perf_counter() - started:.1f} s")
    try:
        credentials = CredentialStore() if args.system_keyring else CredentialStore(fail.Keyring())
        sign_in = SignIn(url, profile_dir=profile_dir, credentials=credentials)
        started = signed_in = time.perf_counter()
        session = sign_in.online(args.user, args.password)
        print(
            f"signed in as {args.user} in {time.perf_counter() - started:.1f} s "
            f"(key: {session.cache.key_storage}); peak RSS so far {peak_rss_mb():.0f} MB"
        )
        try:
            return run(session, process, args, scratch, signed_in)
        finally:
            session.close()
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(scratch, ignore_errors=True)


def run(
    session: Session, process: subprocess.Popen[str], args: Any, scratch: Path, signed_in: float
) -> int:
    registries = sorted(session.api.sync_heads().registry_rows)
    session.cache.meta.offline_registries = registries
    print(f"offline registries: {', '.join(registries)}")

    meter = Meter()
    instrument(session, meter)
    os.sync()  # each phase starts without the previous one's writes still to flush
    reset = reset_peak_rss()
    print(f"RSS before the sync {rss_mb():.0f} MB (peak reset: {reset})\n")
    started = time.perf_counter()
    report = session.sync_engine(page_size=args.page_size).run()
    sync_wall = time.perf_counter() - started
    sync_peak = peak_rss_mb()
    print_sync(meter)

    totals = meter.by_collection()
    everything = Part()
    for part in totals.values():
        everything.add(part)
    rows = everything.rows
    print(
        f"\nfull sync: {rows:,} rows in {sync_wall:.1f} s = "
        f"{rate(rows, sync_wall):,.0f} rows/s (page size {args.page_size}, "
        f"{report.requests} requests)"
    )
    print(
        f"  inside apply_page (sync thread): {everything.apply.wall:.1f} s = "
        f"{rate(rows, everything.apply.wall):,.0f} rows/s "
        f"(CPU {everything.apply.cpu:.1f} s = {rate(rows, everything.apply.cpu):,.0f} rows/s); "
        f"fetching and checking pages (fetch thread, overlapping): "
        f"{everything.fetch.wall:.1f} s (CPU {everything.fetch.cpu:.1f} s)"
    )
    floor = max(everything.apply.wall, everything.fetch.wall)
    print(
        f"  floor (the slower of fetch and apply): {floor:.1f} s; sync wall / floor "
        f"{sync_wall / floor:.2f}"
    )
    usable = meter.people_done_at - started
    print(
        f"directory usable (last people page stored): {usable:.1f} s after the sync started, "
        f"{meter.people_done_at - signed_in:.1f} s after sign-in started"
    )
    print(f"client peak RSS during the sync (VmHWM): {sync_peak:.0f} MB")
    print(f"server peak RSS (VmHWM): {peak_rss_mb(process.pid):.0f} MB")

    index = index_search(session, args.page_size)
    print(
        f"sync done {sync_wall:.1f} s; registry search index (background) {index.wall:.1f} s; "
        f"both {sync_wall + index.wall:.1f} s"
    )
    report_size(session, meter)

    os.sync()
    print("\nraw sqlcipher3 executemany of the same rows (read back from the cache):")
    collections = [c for c in CATALOG.names if totals.get(c, Part()).rows]
    raws = measure_raw(
        session.cache.db.conn, collections, scratch, args.page_size, not args.no_equal
    )
    for cpu in (False, True):
        print_ratios(meter, raws, index, not args.no_equal, cpu=cpu)
    print(
        "(ratio = apply_page rate / anchor rate; targets: people >= 0.5 against plain+FTS, "
        "registry rows >= 0.5 against plain)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
