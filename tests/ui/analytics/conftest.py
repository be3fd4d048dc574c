"""The Analytics tab against the real thing: the demo data seeded into a real server on
loopback, synced by the real sync engine into a real encrypted profile (tests/demo.py),
read through a real ``ReadPool`` and ``TaskRunner``; every statement's thread recorded."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import sqlite_utils
from PySide6.QtCore import QCoreApplication, QEvent, QSettings

from client.session import Session
from tests.ui.directory.conftest import StatementLog
from ui.analytics import AnalyticsTab
from ui.analytics.i18n import install_analytics_translations
from ui.context import DataEvents, TabContext
from ui.reads import ReadPool
from ui.tasks import TaskRunner
from ui.writes import Writes

TIMEOUT = 20_000


@dataclass
class AnalyticsHarness:
    tab: AnalyticsTab
    context: TabContext
    tasks: TaskRunner
    events: DataEvents
    statements: StatementLog


def make_analytics(
    connect: Callable[[], sqlite_utils.Database],
    user: dict[str, object],
    preferences: QSettings | None = None,
) -> AnalyticsHarness:
    statements = StatementLog()
    tasks = TaskRunner(max_threads=2)
    events = DataEvents()
    reads = ReadPool(statements.connect_through(connect), tasks)
    context = TabContext(
        reads=reads,
        writes=Writes(reads, events),
        tasks=tasks,
        events=events,
        user=user,
        preferences=preferences,
    )
    tab = AnalyticsTab(context)
    tab.resize(1280, 820)
    return AnalyticsHarness(tab, context, tasks, events, statements)


def close_analytics(made: AnalyticsHarness) -> None:
    made.tasks.wait_for_done()
    QCoreApplication.processEvents()
    made.tab.close()
    made.tab.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QCoreApplication.processEvents()
    made.context.reads.close()


def wait_loaded(qtbot: Any, tab: AnalyticsTab) -> None:
    """Dashboard, chart and map shown once."""
    qtbot.waitUntil(
        lambda: bool(tab.dashboard.tiles) and bool(tab.explore.lines) and tab.map.data is not None,
        timeout=TIMEOUT,
    )


@pytest.fixture
def harness(qapp: Any, qtbot: Any, synced: Session) -> Iterator[AnalyticsHarness]:
    # These tests read English words and numbers: a test before them may have left the
    # tab's language (and so its number and date formats) in another one.
    install_analytics_translations(qapp, "en")
    made = make_analytics(synced.cache.connect, synced.user)
    made.tab.show()
    try:
        yield made
    finally:
        close_analytics(made)
