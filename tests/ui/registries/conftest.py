"""The Registries tab against the real thing: the ``demo`` server on loopback
(tests/demo.py), an analyst who keeps the medicines offline and a department head (no
personal-data role), each synced by the real sync engine into a real encrypted profile;
reads through a real ``ReadPool`` and ``TaskRunner``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from client.session import Session
from domains.online import OnlineReads
from tests.demo import DemoServer, sign_in_for
from tests.ui.directory.conftest import StatementLog
from ui.context import DataEvents, TabContext
from ui.reads import ReadPool
from ui.registries import RegistriesTab
from ui.tasks import TaskRunner
from ui.writes import Writes

MEDICINES = "reg-medicines"
TODAY = date(2026, 11, 25)


def synced_as(server: DemoServer, folder: Any, username: str, offline: list[str]) -> Session:
    from server.seed import DEMO_PASSWORD

    session = sign_in_for(server.url, folder).online(username, DEMO_PASSWORD)
    session.cache.meta.offline_registries = offline
    session.sync_engine().run()
    return session


@pytest.fixture(scope="session")
def analyst(demo_server: DemoServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    session = synced_as(demo_server, tmp_path_factory.mktemp("analyst"), "analyst", [MEDICINES])
    try:
        yield session
    finally:
        session.close()


@pytest.fixture(scope="session")
def head(demo_server: DemoServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    session = synced_as(demo_server, tmp_path_factory.mktemp("head"), "head", [])
    try:
        yield session
    finally:
        session.close()


class Harness:
    def __init__(self, session: Session, online: OnlineReads | None = None) -> None:
        self.statements = StatementLog()
        self.tasks = TaskRunner(max_threads=2)
        self.events = DataEvents()
        self.reads = ReadPool(self.statements.connect_through(session.cache.connect), self.tasks)
        self.context = TabContext(
            reads=self.reads,
            writes=Writes(self.reads, self.events),
            tasks=self.tasks,
            events=self.events,
            user=session.user,
            online=online,
        )
        self.tab = RegistriesTab(self.context, today=TODAY)
        self.tab.resize(1400, 800)
        self.tab.show()

    def close(self) -> None:
        self.tasks.wait_for_done()
        QCoreApplication.processEvents()
        self.tab.close()
        self.tab.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        QCoreApplication.processEvents()
        self.reads.close()


@pytest.fixture
def analyst_tab(qapp: Any, analyst: Session) -> Iterator[Harness]:
    made = Harness(analyst)
    try:
        yield made
    finally:
        made.close()


@pytest.fixture
def head_tab(qapp: Any, head: Session) -> Iterator[Harness]:
    made = Harness(head)
    try:
        yield made
    finally:
        made.close()
