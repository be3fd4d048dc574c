"""The window's ``ReadPool``: queries on workers, one connection per worker thread,
latest-wins keys and owners, the GUI thread refused, closed at teardown."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import sqlite_utils
from PySide6.QtCore import QObject

from client.session import Session
from ui.reads import QueryOnGuiThread, ReadPool, ReadsClosed
from ui.tasks import TaskRunner


def count_people(db: sqlite_utils.Database) -> int:
    return int(db.conn.execute("SELECT count(*) FROM people").fetchone()[0])


def test_a_query_runs_on_a_worker_and_reuses_its_threads_connection(
    qtbot: Any, synced: Session
) -> None:
    tasks = TaskRunner(max_threads=2)
    reads = ReadPool(synced.cache.connect, tasks)
    threads: list[int] = []
    results: list[int] = []

    def query(db: sqlite_utils.Database) -> int:
        threads.append(threading.get_ident())
        return count_people(db)

    for _ in range(20):
        reads.query(query, results.append)
    qtbot.waitUntil(lambda: len(results) == 20, timeout=10_000)
    assert results == [500] * 20
    assert threading.main_thread().ident not in threads
    assert reads.opened <= 2  # one per worker thread, not one per query
    tasks.wait_for_done()
    reads.close()


def test_the_gui_thread_is_refused(synced: Session) -> None:
    reads = ReadPool(synced.cache.connect, TaskRunner())
    with pytest.raises(QueryOnGuiThread):
        reads.run(count_people)
    assert reads.opened == 0


def test_latest_key_wins_and_a_gone_owner_hears_nothing(qtbot: Any, synced: Session) -> None:
    tasks = TaskRunner(max_threads=1)
    reads = ReadPool(synced.cache.connect, tasks)
    gate = threading.Event()
    heard: list[str] = []

    def slow(db: sqlite_utils.Database) -> str:
        gate.wait(10)
        return "old"

    owner = QObject()
    reads.query(slow, heard.append, owner=owner, key="k")
    reads.query(lambda db: "new", heard.append, owner=owner, key="k")
    gone = QObject()
    reads.query(lambda db: "orphan", heard.append, owner=gone)
    gone.deleteLater()
    qtbot.wait(10)
    gate.set()
    tasks.wait_for_done()
    qtbot.waitUntil(lambda: heard == ["new"], timeout=5000)
    qtbot.wait(50)
    assert heard == ["new"]
    reads.close()


def test_after_close_every_query_fails_and_no_connection_stays_open(
    qtbot: Any, synced: Session
) -> None:
    tasks = TaskRunner(max_threads=1)
    opened: list[sqlite_utils.Database] = []

    def connect() -> sqlite_utils.Database:
        db = synced.cache.connect()
        opened.append(db)
        return db

    reads = ReadPool(connect, tasks)
    inside, release = threading.Event(), threading.Event()

    def busy(db: sqlite_utils.Database) -> int:
        inside.set()
        release.wait(10)
        return count_people(db)

    done: list[int] = []
    reads.query(busy, done.append)
    assert inside.wait(10)
    reads.close()  # while the query runs: its connection closes when it returns
    release.set()
    qtbot.waitUntil(lambda: done == [500], timeout=5000)
    errors: list[BaseException] = []
    reads.query(count_people, None, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert isinstance(errors[0], ReadsClosed)
    for db in opened:
        with pytest.raises(Exception, match="closed"):
            db.conn.execute("SELECT 1")
