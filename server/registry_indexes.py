"""The registry query's expression indexes, built after start-up in the background.

``GET /registries/{id}/rows`` walks an expression index per column
(``registry_query.index_statements``). On ``--seed large`` they take minutes to build
(each one reads the million rows), so they are not built before the socket opens: a
thread started with the application builds the missing ones one at a time, the
filterable columns of every registry first, then the rest (a sort by any column), and
ends with ``ANALYZE``. Until an index exists the query still answers, from a scan.
On PostgreSQL it also creates the missing statistics of the columns' expressions
(``registry_query.statistics_statements``), before that ``ANALYZE``.

Resumable: an index that exists is skipped, so a restart (or a stop between two) picks
up where it stopped. On PostgreSQL each is ``CREATE INDEX CONCURRENTLY`` outside any
transaction (writers go on; an interrupted build leaves an invalid index, dropped and
built again next time). On SQLite a ``CREATE INDEX`` holds the one write lock while it
runs (readers go on, WAL; a writer waits, at most one index's build: seconds; the lock
is left free a moment between two builds so a waiting writer gets it first).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import text

from server.db import Database
from server.registry_query import index_statements, statistics_statements

log = logging.getLogger(__name__)

PAUSE_BETWEEN_S = 0.3
"""SQLite: the write lock is left free this long between two builds, so a writer
waiting on it (its busy handler polls every 100 ms at most) gets it first."""

__all__ = ["RegistryIndexBuilder", "existing_indexes"]


def existing_indexes(db: Database) -> tuple[set[str], set[str]]:
    """(valid, invalid) names of the indexes on ``registry_rows``."""
    with db.read() as conn:
        if db.is_sqlite:
            names = conn.execute(
                text(
                    "SELECT name FROM sqlite_master WHERE type = 'index' "
                    "AND tbl_name = 'registry_rows'"
                )
            ).scalars()
            return set(names), set()
        rows = conn.execute(
            text(
                "SELECT c.relname, i.indisvalid FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid "
                "JOIN pg_class t ON t.oid = i.indrelid "
                "JOIN pg_namespace n ON n.oid = t.relnamespace "
                "WHERE t.relname = 'registry_rows' AND n.nspname = current_schema()"
            )
        ).all()
    return {r[0] for r in rows if r[1]}, {r[0] for r in rows if not r[1]}


class RegistryIndexBuilder:
    """Builds the missing registry indexes on a daemon thread; ``stop`` interrupts.

    ``on_building(name)`` (tests) is called as each build starts: on SQLite inside the
    build's write transaction, so a test can hold it there and ask the server."""

    def __init__(self, db: Database, on_building: Callable[[str], None] | None = None) -> None:
        self._db = db
        self._on_building = on_building
        self._stopping = threading.Event()
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        self._raw: Any = None  # the DBAPI connection of the build under way
        self._lock = threading.Lock()
        self.built: list[str] = []
        self.statistics: list[str] = []  # PostgreSQL: the statistics objects created

    def start(self) -> RegistryIndexBuilder:
        self._thread = threading.Thread(target=self._run, name="registry-indexes", daemon=True)
        self._thread.start()
        return self

    def wait(self, timeout: float | None = None) -> bool:
        """Whether every index was built (or found) within ``timeout`` seconds."""
        return self._done.wait(timeout)

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        with self._lock:
            raw = self._raw
        if raw is not None:
            try:  # sqlite3: interrupt(); psycopg: cancel() (both thread-safe)
                (getattr(raw, "interrupt", None) or raw.cancel)()
            except Exception:
                log.debug("nothing to interrupt")
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        try:
            self.build_missing()
            if not self._stopping.is_set():
                self._done.set()
        except Exception:
            if not self._stopping.is_set():
                log.exception("building the registry indexes failed")

    def build_missing(self) -> list[str]:
        """Build what is missing, one index per transaction; returns the names built."""
        postgres = not self._db.is_sqlite
        with self._db.read() as conn:
            wanted = index_statements(conn, postgres)
        valid, invalid = existing_indexes(self._db)
        for name, statement in wanted:
            if self._stopping.is_set():
                break
            if name in valid:
                continue
            if self.built and not postgres and self._stopping.wait(PAUSE_BETWEEN_S):
                break
            if postgres:
                self._build_postgres(name, statement, name in invalid)
            else:
                self._build_sqlite(name, statement)
            self.built.append(name)
        if postgres and not self._stopping.is_set():
            self._create_statistics()
        if (self.built or self.statistics) and not self._stopping.is_set():
            with self._db.write() as conn:
                conn.execute(text("ANALYZE registry_rows"))
        return self.built

    def _create_statistics(self) -> None:
        """PostgreSQL: the missing statistics of the columns' expressions
        (``statistics_statements``: the planner reads none from partial indexes)."""
        with self._db.read() as conn:
            wanted = statistics_statements(conn)
            existing = set(
                conn.execute(
                    text(
                        "SELECT s.stxname FROM pg_statistic_ext s "
                        "JOIN pg_namespace n ON n.oid = s.stxnamespace "
                        "WHERE n.nspname = current_schema()"
                    )
                ).scalars()
            )
        for name, statement in wanted:
            if name not in existing and not self._stopping.is_set():
                with self._db.write() as conn:
                    conn.execute(text(statement))
                self.statistics.append(name)

    def _build_sqlite(self, name: str, statement: str) -> None:
        with self._db.write() as conn:
            self._building(conn, name)
            try:
                conn.execute(text(statement))
            finally:
                self._built()

    def _build_postgres(self, name: str, statement: str, invalid: bool) -> None:
        with self._db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            if invalid:  # left by an interrupted concurrent build
                conn.execute(text(f'DROP INDEX CONCURRENTLY IF EXISTS "{name}"'))
            self._building(conn, name)
            try:
                conn.execute(
                    text(statement.replace("CREATE INDEX", "CREATE INDEX CONCURRENTLY", 1))
                )
            finally:
                self._built()

    def _building(self, conn: Any, name: str) -> None:
        with self._lock:
            self._raw = conn.connection.dbapi_connection
        if self._on_building is not None:
            self._on_building(name)

    def _built(self) -> None:
        with self._lock:
            self._raw = None
