"""The read side of the tab seam: one pool of cache connections per window.

Every tab reads through the window's ``ReadPool`` (``context.reads``) on a worker of
the ``TaskRunner``; a tab never opens a connection of its own. One pool per window, not
one per tab: each connection keeps its own page cache (32 MiB), so eight tabs with their
own pools would hold up to 64 connections' worth of memory for the same reads.

Connections are keyed by the OS thread id, not ``threading.local``: under PySide6 a
QThreadPool thread gets a fresh Python thread state for every task, so a
``threading.local`` is empty at the start of each task and would open a connection per
query (measured: 20 tasks on 2 pool threads made 20 locals). The GUI thread is refused
outright: a query there would freeze the window, so it is a bug, not a fallback.

The main window creates the pool and closes it at teardown (``close``): idle
connections close at once, busy ones when their query returns; every later ``run``
raises.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Hashable
from typing import TypeVar

import sqlite_utils
from PySide6.QtCore import QObject

from cache.database import close_quietly
from ui.tasks import Priority, Task, TaskRunner

log = logging.getLogger(__name__)

T = TypeVar("T")
MAX_CONNECTIONS = 8
"""At most this many open connections (the pools' threads; idle extras are closed)."""

__all__ = ["MAX_CONNECTIONS", "QueryOnGuiThread", "ReadPool", "ReadsClosed"]


class QueryOnGuiThread(RuntimeError):
    """A cache query was about to run on the GUI thread."""


class ReadsClosed(RuntimeError):
    """The window's connections are closed (it is going away)."""


class ReadPool:
    """Hands each worker thread its own connection (opened with ``connect`` on first use).

    ``run(fn)`` on a worker; ``query(fn, on_done, ...)`` from the GUI thread runs it on
    the runner's interactive pool.
    """

    def __init__(
        self,
        connect: Callable[[], sqlite_utils.Database],
        tasks: TaskRunner,
        max_connections: int = MAX_CONNECTIONS,
    ) -> None:
        self._connect = connect
        self._tasks = tasks
        self._max = max_connections
        self._lock = threading.Lock()
        self._idle: dict[int, sqlite_utils.Database] = {}
        self._busy: dict[int, sqlite_utils.Database] = {}
        self._closed = False
        self.opened = 0  # connections opened so far (tests, diagnostics)

    @property
    def closed(self) -> bool:
        return self._closed

    def run(self, fn: Callable[[sqlite_utils.Database], T]) -> T:
        """Run ``fn`` with this worker thread's connection (never on the GUI thread)."""
        if threading.current_thread() is threading.main_thread():
            raise QueryOnGuiThread("a cache query must run on a worker (context.reads.query)")
        ident = threading.get_ident()
        db = self._acquire(ident)
        try:
            return fn(db)
        finally:
            self._release(ident, db)

    def query(
        self,
        fn: Callable[[sqlite_utils.Database], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        owner: QObject | None = None,
        key: Hashable | None = None,
        priority: Priority = Priority.INTERACTIVE,
    ) -> Task:
        """Run ``fn(db)`` on a worker; ``on_done(result)`` on the GUI thread, unless
        ``owner`` is gone or a newer query took ``key`` (``TaskRunner.run``)."""
        return self._tasks.run(
            lambda: self.run(fn), on_done, on_error, owner=owner, key=key, priority=priority
        )

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = list(self._idle.values()), {}
        for db in idle:
            close_quietly(db)

    # --- the pool -----------------------------------------------------------------------

    def _acquire(self, ident: int) -> sqlite_utils.Database:
        with self._lock:
            self._refuse_if_closed()
            db = self._idle.pop(ident, None)
            if db is not None:
                self._busy[ident] = db
                return db
            # Pool threads come and go (they expire when idle): drop the connections
            # of threads beyond the bound, idle ones only.
            while len(self._idle) + len(self._busy) >= self._max and self._idle:
                _, stale = self._idle.popitem()
                close_quietly(stale)
        db = self._connect()  # outside the lock: opening takes a moment
        with self._lock:
            self.opened += 1
            self._refuse_if_closed(db)
            self._busy[ident] = db
        return db

    def _refuse_if_closed(self, opened: sqlite_utils.Database | None = None) -> None:
        """Under ``_lock``: raise once ``close()`` has run, on any thread (so a check here
        is never known in advance), closing the connection just ``opened`` first."""
        if self._closed:
            if opened is not None:
                close_quietly(opened)
            raise ReadsClosed("the window's cache connections are closed")

    def _release(self, ident: int, db: sqlite_utils.Database) -> None:
        with self._lock:
            self._busy.pop(ident, None)
            if self._closed:
                close_quietly(db)
            else:
                self._idle[ident] = db
