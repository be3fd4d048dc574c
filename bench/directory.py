"""The Directory tab's queries over 50 000 people in an encrypted cache.

    uv run --locked python bench/directory.py [--people 50000] [--queries 2000] [--no-qt]

Builds a SQLCipher cache in a temporary folder (random key, no keyring), fills it
with the generated people of ``bench/search.py`` and a 3-level tree of 300
departments (the ministry, 10 large units of ~5 000 people, their ~29 sub-units
of ~170) through ``RecordStore.apply_page``, then times what the tab runs:

- the department tree with member counts (once per refresh);
- the first page of the list (200 people) and the count label, unfiltered;
- search as you type: first page + count for 1-6 letter prefixes typed without the
  Azerbaijani letters (p50/p95, by length);
- a department switch: first page + count, large and small units;
- the next page after a cursor, at several depths of the list (scrolling on);
- a jump: the block at a row without a cursor (the scroll bar dragged there);
- the person card.

Without ``--no-qt`` it also measures the model end to end with Qt offscreen:
``PeopleModel.set_query`` until the rows are in the model (worker hop, the
query, the queued signal, ``beginResetModel``), and jumps all over the list: the
round trip of a row's block, and the GUI thread's part of it.
Targets: every GUI-visible step well under one frame budget of typing (< 50 ms
p95), and the GUI thread's part (model reset/insert) in the low milliseconds.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlite_utils

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.search import generate_people, generate_queries, percentile
from cache.database import open_database
from cache.store import RecordStore
from domains.catalog import CATALOG
from domains.directory.queries import (
    PAGE_SIZE,
    DirectoryQuery,
    PageCursor,
    count_people,
    department_tree,
    people_block,
    people_page,
    person_card,
)

DEPARTMENTS = 300
TOP_UNITS = 10


def generate_departments() -> list[dict[str, Any]]:
    """dep-000 the ministry; dep-001..010 under it; the rest under those, round robin."""
    departments = [
        {"id": "dep-000", "version": 1, "name": "Səhiyyə Nazirliyi", "parent_id": None,
         "head_person_id": None}
    ]  # fmt: skip
    for number in range(1, DEPARTMENTS):
        parent = "dep-000" if number <= TOP_UNITS else f"dep-{1 + number % TOP_UNITS:03d}"
        kind = "şöbəsi" if number <= TOP_UNITS else "sektoru"
        departments.append(
            {
                "id": f"dep-{number:03d}",
                "version": 1,
                "name": f"{number}-ci {kind}",
                "parent_id": parent,
                "head_person_id": None,
            }
        )
    return departments


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = function()
    return (time.perf_counter() - started) * 1000, result


def line(label: str, samples: list[float]) -> str:
    return (
        f"  {label:34s} n={len(samples):5d}  p50 {statistics.median(samples):6.2f} ms"
        f"  p95 {percentile(samples, 0.95):6.2f} ms  max {max(samples):6.2f} ms"
    )


def bench_queries(db: sqlite_utils.Database, people: list[dict[str, Any]], queries: int) -> None:
    elapsed, tree = timed(lambda: department_tree(db))
    print(f"department tree with counts ({len(tree.departments)} units): {elapsed:.1f} ms")

    first = [timed(lambda: people_page(db, DirectoryQuery()))[0] for _ in range(20)]
    count = [timed(lambda: count_people(db, DirectoryQuery()))[0] for _ in range(20)]
    print("unfiltered list:")
    print(line("first page (200 people)", first))
    print(line("count label", count))

    texts = generate_queries(people, queries)
    page_ms: dict[int, list[float]] = {}
    count_ms: list[float] = []
    total_ms: list[float] = []
    for text in texts:
        query = DirectoryQuery(text)
        page_elapsed, _ = timed(lambda q=query: people_page(db, q))
        count_elapsed, _ = timed(lambda q=query: count_people(db, q))
        page_ms.setdefault(min(len(text.replace(" ", "")), 7), []).append(page_elapsed)
        count_ms.append(count_elapsed)
        total_ms.append(page_elapsed + count_elapsed)
    print(f"search as you type ({len(texts)} prefixes of 1-6 letters, whole ministry):")
    print(line("first page + count", total_ms))
    print(line("count alone", count_ms))
    for length, samples in sorted(page_ms.items()):
        name = f"first page, {length} letters" if length < 7 else "first page, 7+ letters"
        print(line(name, samples))

    rng = random.Random(5)
    large = [tree.subtree(f"dep-{n:03d}") for n in range(1, TOP_UNITS + 1)]
    small = [tree.subtree(f"dep-{n:03d}") for n in range(TOP_UNITS + 1, DEPARTMENTS)]
    print("department switch (first page + count):")
    for label, units in (("large unit (~5 000 people)", large), ("small unit (~170)", small)):
        samples = []
        for _ in range(100):
            query = DirectoryQuery("", rng.choice(units))
            samples.append(timed(lambda q=query: (people_page(db, q), count_people(db, q)))[0])
        print(line(label, samples))
    samples = []
    for text in texts[:300]:
        query = DirectoryQuery(text, rng.choice(large))
        samples.append(timed(lambda q=query: (people_page(db, q), count_people(db, q)))[0])
    print(line("search within a large unit", samples))

    print("scrolling on (the next 200 after a cursor):")
    for label, query in (
        ("unfiltered", DirectoryQuery()),
        ("search 'a' (broad)", DirectoryQuery("a")),
        ("large unit", DirectoryQuery("", large[0])),
    ):
        cursor: PageCursor | None = None
        samples, depth = [], 0
        while True:
            elapsed, page = timed(lambda c=cursor, q=query: people_page(db, q, c))
            samples.append(elapsed)
            depth += len(page.rows)
            if page.next is None:
                break
            cursor = page.next
        print(line(f"{label}, to the end ({depth} rows)", samples))

    print("a jump (the block at a row, no cursor: the lazy list dragged to there):")
    for label, query in (
        ("unfiltered", DirectoryQuery()),
        ("search 'a' (broad)", DirectoryQuery("a")),
        ("large unit", DirectoryQuery("", large[0])),
    ):
        total = count_people(db, query)
        for fraction in (0.5, 1.0):
            start = max(0, int(total * fraction) - PAGE_SIZE) // PAGE_SIZE * PAGE_SIZE
            samples = [timed(lambda q=query, s=start: people_block(db, q, s))[0] for _ in range(5)]
            print(line(f"{label}, block at row {start} of {total}", samples))

    ids = [person["id"] for person in rng.sample(people, 300)]
    print(line("person card", [timed(lambda i=i: person_card(db, i))[0] for i in ids]))


def bench_qt(db_path: Path, key: bytes, texts: list[str]) -> None:
    """The model end to end: set_query until the rows are in, on a real worker."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QElapsedTimer

    from ui.directory.models import PeopleModel
    from ui.reads import ReadPool
    from ui.tasks import TaskRunner

    app = QCoreApplication.instance() or QCoreApplication([])
    tasks = TaskRunner(max_threads=2)
    connections = ReadPool(lambda: open_database(db_path, key), tasks)
    model = PeopleModel(tasks, connections.run)

    def run_until(condition: Callable[[], bool]) -> None:
        deadline = time.monotonic() + 10
        while not condition():
            app.processEvents()
            if time.monotonic() > deadline:
                raise TimeoutError
            time.sleep(0.0002)

    def end_to_end(query: DirectoryQuery) -> float:
        finished: list[object] = []
        model.queryFinished.connect(finished.append)
        timer = QElapsedTimer()
        timer.start()
        model.set_query(query)
        run_until(lambda: bool(finished))
        elapsed = timer.nsecsElapsed() / 1e6
        model.queryFinished.disconnect(finished.append)
        return elapsed

    end_to_end(DirectoryQuery())  # opens the workers' connections
    print("Qt model, end to end (set_query until the rows are in the model):")
    print(line("unfiltered first page", [end_to_end(DirectoryQuery()) for _ in range(20)]))
    print(line("search as you type", [end_to_end(DirectoryQuery(t)) for t in texts]))

    count_ready: list[int] = []
    model.countChanged.connect(count_ready.append)
    end_to_end(DirectoryQuery())
    run_until(lambda: bool(count_ready))
    jump, swap = [], []
    original = model._block_arrived

    def measured(*arrived: Any) -> None:
        started = time.perf_counter()
        original(*arrived)
        swap.append((time.perf_counter() - started) * 1000)

    model._block_arrived = measured  # type: ignore[method-assign]
    rows = model.rowCount()
    for row in range(rows - 1, 0, -max(1, rows // 50)):  # jumps all over the list
        timer = QElapsedTimer()
        timer.start()
        model.index(row).data()  # a row not loaded: its block is read (no view followed)
        run_until(lambda r=row: model.is_loaded(r))
        jump.append(timer.nsecsElapsed() / 1e6)
    print(line("a jump: a row's block read, round trip", jump))
    print(line("  of which on the GUI thread (block in)", swap))
    tasks.wait_for_done()
    connections.close()
    model.deleteLater()
    tasks.deleteLater()
    app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=2_000)
    parser.add_argument("--no-qt", action="store_true", help="only the queries, no Qt")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-directory-") as temporary:
        folder = Path(temporary)
        os.chmod(folder, 0o700)
        key = secrets.token_bytes(32)
        db = open_database(folder / "directory.db", key, create=True)
        people = generate_people(args.people)
        started = time.perf_counter()
        store = RecordStore(db, CATALOG)
        store.apply_page("departments", generate_departments(), [], "bench")
        store.apply_page("people", people, [], "bench")
        print(f"loaded {args.people} people in {time.perf_counter() - started:.1f} s")
        bench_queries(db, people, args.queries)
        db.close()
        if not args.no_qt:
            bench_qt(folder / "directory.db", key, generate_queries(people, 200, seed=13))


if __name__ == "__main__":
    main()
