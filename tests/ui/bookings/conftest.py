"""The Bookings tab against the real thing: the demo server on loopback, a profile synced
by the real engine, a real ``TaskRunner``, ``ReadPool`` and ``Writes`` (as in
tests/ui/directory). Each test that writes has a profile of its own (``mine``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings

from client.session import Session
from tests.demo import DemoServer, synced_session
from tests.ui.directory.conftest import StatementLog
from ui.bookings import BookingsTab
from ui.context import DataEvents, TabContext
from ui.reads import ReadPool
from ui.tasks import TaskRunner
from ui.writes import Writes


@dataclass
class BookingsHarness:
    tab: BookingsTab
    context: TabContext
    tasks: TaskRunner
    events: DataEvents
    statements: StatementLog


def make_harness(session: Session, preferences: QSettings | None = None) -> BookingsHarness:
    statements = StatementLog()
    tasks = TaskRunner(max_threads=2)
    events = DataEvents()
    reads = ReadPool(statements.connect_through(session.cache.connect), tasks)
    context = TabContext(reads, Writes(reads, events), tasks, events, session.user, preferences)
    tab = BookingsTab(context)
    tab.resize(1400, 860)
    return BookingsHarness(tab, context, tasks, events, statements)


def close_harness(made: BookingsHarness) -> None:
    made.tasks.wait_for_done()
    QCoreApplication.processEvents()
    reads = made.context.reads
    made.tab.close()
    made.tab.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QCoreApplication.processEvents()
    reads.close()


@pytest.fixture
def mine(demo_server: DemoServer, tmp_path: Path) -> Iterator[Session]:
    session = synced_session(demo_server.url, tmp_path / "mine")
    try:
        yield session
    finally:
        session.close()


@pytest.fixture
def colleague(demo_server: DemoServer, tmp_path: Path) -> Iterator[Session]:
    session = synced_session(demo_server.url, tmp_path / "colleague")
    try:
        yield session
    finally:
        session.close()


@pytest.fixture
def harness(qapp: Any, mine: Session) -> Iterator[BookingsHarness]:
    made = make_harness(mine)
    made.tab.show()
    try:
        yield made
    finally:
        close_harness(made)
