"""One cache connection per worker thread, for the directory's queries.

Keyed by the OS thread id, not ``threading.local``: under PySide6 a QThreadPool
thread gets a fresh Python thread state for every task, so a ``threading.local``
is empty at the start of each task and would open a connection per query
(measured: 20 tasks on 2 pool threads made 20 locals). The GUI thread is refused
outright: a query there would freeze the window, so it is a bug, not a fallback.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TypeVar

import sqlite_utils

from cache.database import close_quietly

log = logging.getLogger(__name__)

T = TypeVar("T")
MAX_CONNECTIONS = 8


class QueryOnGuiThread(RuntimeError):
    """A directory query was about to run on the GUI thread."""


class ThreadConnections:
    """Hands each worker thread its own connection (opened with ``connect`` on first use).

    ``close()`` closes the idle connections at once and the busy ones when their query
    returns; afterwards every ``run`` raises.
    """

    def __init__(
        self, connect: Callable[[], sqlite_utils.Database], max_connections: int = MAX_CONNECTIONS
    ) -> None:
        self._connect = connect
        self._max = max_connections
        self._lock = threading.Lock()
        self._idle: dict[int, sqlite_utils.Database] = {}
        self._busy: dict[int, sqlite_utils.Database] = {}
        self._closed = False
        self.opened = 0  # connections opened so far (tests, diagnostics)

    def run(self, query: Callable[[sqlite_utils.Database], T]) -> T:
        """Run ``query`` with this worker thread's connection."""
        if threading.current_thread() is threading.main_thread():
            raise QueryOnGuiThread("a cache query must run on a worker (context.tasks.run)")
        ident = threading.get_ident()
        db = self._acquire(ident)
        try:
            return query(db)
        finally:
            self._release(ident, db)

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
            raise RuntimeError("the directory's connections are closed")

    def _release(self, ident: int, db: sqlite_utils.Database) -> None:
        with self._lock:
            self._busy.pop(ident, None)
            if self._closed:
                close_quietly(db)
            else:
                self._idle[ident] = db

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = list(self._idle.values()), {}
        for db in idle:
            close_quietly(db)
