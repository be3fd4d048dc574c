"""The directory tab against the real thing: the ``demo`` data seeded into a real server on
loopback (once per session), synced by the real sync engine into a real encrypted
profile (tests/demo.py: ``synced``), read through ``session.cache.connect`` by a real
``TaskRunner``."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import sqlite_utils
from PySide6.QtCore import QCoreApplication, QEvent, QSettings

from client.session import Session
from ui.context import DataEvents, TabContext
from ui.directory import DirectoryTab
from ui.reads import ReadPool
from ui.tasks import TaskRunner
from ui.writes import Writes


@pytest.fixture
def db(synced: Session) -> sqlite_utils.Database:
    return synced.cache.db


@dataclass
class StatementLog:
    """The thread of every SQL statement run on the tab's connections."""

    threads: list[int] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def connect_through(
        self, connect: Callable[[], sqlite_utils.Database]
    ) -> Callable[[], sqlite_utils.Database]:
        def traced() -> sqlite_utils.Database:
            db = connect()
            db.conn.set_trace_callback(self._record)
            return db

        return traced

    def _record(self, _statement: str) -> None:
        with self.lock:
            self.threads.append(threading.get_ident())


@dataclass
class TabHarness:
    tab: DirectoryTab
    context: TabContext
    tasks: TaskRunner
    events: DataEvents
    statements: StatementLog


def close_tab(tab: DirectoryTab, tasks: TaskRunner) -> None:
    """Let queued work finish, then destroy the tab and close the window's connections."""
    tasks.wait_for_done()
    QCoreApplication.processEvents()
    reads = tab._connections
    tab.close()
    tab.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QCoreApplication.processEvents()
    reads.close()


def make_harness(
    session: Session, tasks: TaskRunner | None = None, preferences: QSettings | None = None
) -> TabHarness:
    statements = StatementLog()
    tasks = tasks or TaskRunner(max_threads=2)
    events = DataEvents()
    reads = ReadPool(statements.connect_through(session.cache.connect), tasks)
    context = TabContext(
        reads=reads,
        writes=Writes(reads, events),
        tasks=tasks,
        events=events,
        user=session.user,
        preferences=preferences,
    )
    tab = DirectoryTab(context)
    tab.resize(1300, 800)
    return TabHarness(tab, context, tasks, events, statements)


@pytest.fixture
def harness(qapp: Any, synced: Session) -> Iterator[TabHarness]:
    made = make_harness(synced)
    made.tab.show()
    try:
        yield made
    finally:
        close_tab(made.tab, made.tasks)
