"""The directory tab against the real thing: the ``demo`` data seeded into a real server on
loopback (once per session), synced by the real sync engine into a real encrypted
profile, read through ``session.cache.connect`` by a real ``TaskRunner``."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from PySide6.QtCore import QCoreApplication, QEvent, QSettings

from cache.keywrap import Argon2Params
from client.session import Session, SignIn
from server.config import Settings
from server.runner import ServerThread, seed_if_empty
from server.seed import DEMO_PASSWORD
from ui.context import DataEvents, TabContext
from ui.directory import DirectoryTab
from ui.tasks import TaskRunner

CHEAP_KDF = Argon2Params(memory_kib=1024, time_cost=1, parallelism=1)
USERNAME = "head"  # Rəşad İsmayılov, head of Müalicə-profilaktika şöbəsi


@dataclass
class DemoServer:
    settings: Settings
    server: ServerThread

    @property
    def url(self) -> str:
        return self.server.base_url


def sign_in_for(server_url: str, profiles: Path) -> SignIn:
    return SignIn(
        server_url,
        profile_dir=profiles,
        vault_options={"kdf": CHEAP_KDF, "sleeper": lambda _s: None},
    )


def synced_session(server_url: str, profiles: Path) -> Session:
    session = sign_in_for(server_url, profiles).online(USERNAME, DEMO_PASSWORD)
    session.sync_engine().run()
    return session


@pytest.fixture(scope="session")
def demo_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = Settings(data_dir=tmp_path_factory.mktemp("demo-server"))
    seed_if_empty(settings, "demo")
    return settings


@pytest.fixture(scope="session")
def demo_server(demo_settings: Settings) -> Iterator[DemoServer]:
    server = ServerThread(demo_settings).start()
    try:
        yield DemoServer(demo_settings, server)
    finally:
        server.stop()


@pytest.fixture(scope="session")
def synced(demo_server: DemoServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    """One signed-in, fully synced profile shared by the read-only tests."""
    session = synced_session(demo_server.url, tmp_path_factory.mktemp("profiles"))
    try:
        yield session
    finally:
        session.close()


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
    """Let queued work finish, then destroy the tab (which closes its connections)."""
    tasks.wait_for_done()
    QCoreApplication.processEvents()
    tab.close()
    tab.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QCoreApplication.processEvents()


def make_harness(
    session: Session, tasks: TaskRunner | None = None, preferences: QSettings | None = None
) -> TabHarness:
    statements = StatementLog()
    tasks = tasks or TaskRunner(max_threads=2)
    events = DataEvents()
    context = TabContext(
        connect=statements.connect_through(session.cache.connect),
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
