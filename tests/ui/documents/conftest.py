"""The Documents tab over the real demo server: a profile of its own (the tab uploads and
sends), synced by the real engine, read through a real ``ReadPool`` and ``TaskRunner``,
content through the real ``DocumentContent`` and encrypted store."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings

from client.api import ApiClient
from client.documents import DocumentContent
from client.session import Session
from tests.demo import DemoServer, synced_session
from tests.ui.directory.conftest import StatementLog
from ui.context import DataEvents, TabContext
from ui.documents import DocumentsTab
from ui.reads import ReadPool
from ui.tasks import TaskRunner
from ui.writes import Writes

FOLDER = "fld-0010"


@dataclass
class DocumentsHarness:
    tab: DocumentsTab
    session: Session
    content: DocumentContent
    tasks: TaskRunner
    events: DataEvents
    reads: ReadPool
    statements: StatementLog
    closed: bool = False


def make_documents_harness(
    session: Session,
    content: DocumentContent,
    preferences: QSettings | None = None,
    policy: dict[str, Any] | None = None,
) -> DocumentsHarness:
    statements = StatementLog()
    tasks = TaskRunner(max_threads=2)
    events = DataEvents()
    reads = ReadPool(statements.connect_through(session.cache.connect), tasks)
    context = TabContext(
        reads=reads,
        writes=Writes(reads, events),
        tasks=tasks,
        events=events,
        user=session.user,
        preferences=preferences,
        files=content,
        policy=session.policy if policy is None else policy,
    )
    tab = DocumentsTab(context)
    tab.resize(1400, 820)
    return DocumentsHarness(tab, session, content, tasks, events, reads, statements)


def close_documents_tab(harness: DocumentsHarness) -> None:
    if harness.closed:
        return
    harness.closed = True
    harness.tasks.wait_for_done()
    QCoreApplication.processEvents()
    harness.tab.close()
    harness.tab.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QCoreApplication.processEvents()
    harness.reads.close()


@pytest.fixture
def own_session(demo_server: DemoServer, tmp_path: Path) -> Iterator[Session]:
    session = synced_session(demo_server.url, tmp_path / "profiles")
    try:
        yield session
    finally:
        session.close()


@pytest.fixture
def documents(qapp: Any, own_session: Session) -> Iterator[DocumentsHarness]:
    content = DocumentContent(own_session.api, own_session.cache.content_files())
    made = make_documents_harness(own_session, content)
    made.tab.show()
    try:
        yield made
    finally:
        close_documents_tab(made)


def unreachable_api() -> ApiClient:
    """A client of a server that is not there (port 9 on loopback: nothing listens)."""
    return ApiClient("https://127.0.0.1:9")
