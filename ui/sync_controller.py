"""When to sync, on which thread, and what the rest of the window hears about it.

The sync runs on a worker with its own cache connection (``session.cache.connect()`` on
that thread); progress comes back as a queued signal. It starts when the window opens,
every few minutes, on demand, and when the network returns. While the server cannot be
reached, attempts are retried with growing pauses (30 s doubling to 5 min, with jitter);
such an attempt stays "offline" (``next_try`` says when the next one is) until the
server answers with data: the busy state is for real work, not for knocking.
The tabs hear ``DataEvents.changed`` with a ``Changes``: the records of each collection
once its pages are in (while the sync goes on), the records whose queued changes the
server answered at the end; nothing when nothing changed. A local write asks for a push
with ``push_soon`` (debounced; after the running sync if there is one; nothing while
offline: the retry timer comes anyway). Then the registry rows' search
index is built on a worker of its own (``SyncEngine.index_for_search``): the sync does
not wait for it, its progress goes to the status bar, cancel stops it, the next sync
pauses it and it resumes after (searches meanwhile scan what is not indexed yet).

A revoked device and an ended sign-in are not retried: the window is told
(``device_revoked``, ``session_ended``) and decides.
"""

from __future__ import annotations

import logging
import math
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

import sqlite_utils
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QNetworkInformation

from cache.changes import Changes, ChangeSource
from cache.meta import Meta
from cache.outbox import Outbox
from cache.store import RecordStore
from client.errors import (
    AuthenticationError,
    DeviceRevoked,
    Retryable,
)
from client.session import Session
from client.sync import (
    SEARCH_INDEX,
    SyncAlreadyRunning,
    SyncCancelled,
    SyncEngine,
    SyncProgress,
    SyncReport,
)
from ui.context import DataEvents
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

SYNC_INTERVAL_MS = 5 * 60 * 1000
# The window first paints what the cache holds; then the first sync (its network code
# loads then too: docs/startup.md).
FIRST_SYNC_DELAY_MS = 1000
RETRY_FIRST_MS = 30 * 1000
RETRY_CAP_MS = 5 * 60 * 1000
PUSH_SOON_MS = 1500
"""A local write is pushed this long after the last one (several edits, one sync)."""


class Connection(Enum):
    ONLINE = "online"
    OFFLINE = "offline"
    SYNCING = "syncing"


@dataclass(frozen=True)
class CacheFacts:
    """What the status bar shows about the cache, read on a worker."""

    last_sync: datetime | None
    waiting: int  # changes waiting to upload


@dataclass(frozen=True)
class SyncOutcome:
    report: SyncReport
    facts: CacheFacts


def read_facts(db: sqlite_utils.Database) -> CacheFacts:
    """The outbox count, and the last time the server confirmed the data: its last
    contact, once any data has arrived at all (a sign-in alone is not a sync)."""
    waiting = db.conn.execute(
        "SELECT count(*) FROM outbox WHERE state IN ('pending', 'uploading')"
    ).fetchone()[0]
    synced = db.conn.execute("SELECT max(last_sync_at) FROM collections_state").fetchone()[0]
    last = Meta(db).last_server_contact if synced is not None else None
    return CacheFacts(last, int(waiting))


class SyncController(QObject):
    """Schedules and runs syncs of one session; one at a time."""

    state_changed = Signal(object)  # Connection
    progress = Signal(object)  # SyncProgress (queued from the worker)
    facts_changed = Signal(object)  # CacheFacts
    synced = Signal(object)  # SyncOutcome
    problem = Signal(object)  # the exception of a failed sync (not a network one)
    session_ended = Signal()
    device_revoked = Signal()
    stopped = Signal()
    next_try = Signal(object)  # seconds to the next attempt; 0: trying now; None: none due
    indexing_finished = Signal()  # the search index worker ended (done, cancelled, failed)

    def __init__(
        self,
        session: Session,
        tasks: TaskRunner,
        events: DataEvents,
        *,
        interval_ms: int = SYNC_INTERVAL_MS,
        first_delay_ms: int = FIRST_SYNC_DELAY_MS,
        retry_first_ms: int = RETRY_FIRST_MS,
        retry_cap_ms: int = RETRY_CAP_MS,
        push_soon_ms: int = PUSH_SOON_MS,
        engine_options: dict[str, Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks
        self._events = events
        self._engine_options = engine_options or {}
        self._retry_first_ms = retry_first_ms
        self._retry_cap_ms = retry_cap_ms
        self._failures = 0
        self._running = False
        self._stopping = False
        self._halted = False  # no automatic syncs (sign-in ended)
        self._cancel = threading.Event()
        self._indexing = False
        self._index_again = False  # a sync ended while the index worker was still on
        self._index_cancel = threading.Event()
        self._after_stop: list[Callable[[], None]] = []
        self._abandoned = False  # quitting left the running sync behind: ignore its end
        self.state = Connection.OFFLINE if session.offline else Connection.ONLINE
        self._settled = self.state
        self.last_error: BaseException | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.sync_now)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.sync_now)
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.setInterval(first_delay_ms)
        self._first.timeout.connect(self.sync_now)
        self._pulling: str | None = None  # the collection the running sync is on
        self._unannounced = Changes(ChangeSource.SYNC_PAGE)  # pages not yet announced
        self._answered = Changes(ChangeSource.OUTBOX_ANSWER)  # answers not yet announced
        self._announced: set[str] = set()  # collections announced during this sync
        self._push = QTimer(self)
        self._push.setSingleShot(True)
        self._push.setInterval(push_soon_ms)
        self._push.timeout.connect(self.sync_now)
        self._push_after_run = False  # a local write came while a sync was running
        self.progress.connect(self._on_progress)
        self._watch_network()

    # --- public -------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """The first sync, ``first_delay_ms`` later (and now the facts the status bar
        shows until it ends)."""
        self._timer.start()
        self.refresh_facts()
        if self._first.interval() > 0:
            self._first.start()
        else:
            self.sync_now()

    def sync_now(self) -> None:
        if self._running or self._stopping:
            return
        self._retry.stop()
        self._push.stop()
        self._push_after_run = False  # this sync pushes what is queued now
        self._unannounced = Changes(ChangeSource.SYNC_PAGE)
        self._answered = Changes(ChangeSource.OUTBOX_ANSWER)
        self._announced = set()
        self._index_cancel.set()  # the sync goes first; indexing resumes after it
        self._halted = False
        self._running = True
        self._cancel = threading.Event()
        if self._settled == Connection.OFFLINE:
            self.next_try.emit(0)  # knocking: "syncing" only once data flows (_on_progress)
        else:
            self._set_state(Connection.SYNCING)
        cancel = self._cancel
        # A thread nothing waits for: a server that never answers cannot hold up a quit.
        self._tasks.run_detached(lambda: self._work(cancel), self._finished, self._failed)

    def push_soon(self) -> None:
        """A local change was queued: sync shortly (debounced), or right after the
        running sync. Offline or stopping: nothing (the retry comes anyway)."""
        if self._stopping or self._halted or self._settled == Connection.OFFLINE:
            return
        if self._running:
            self._push_after_run = True
            return
        self._push.start()

    def cancel(self) -> None:
        self._cancel.set()
        self._index_cancel.set()

    def stop(self, then: Callable[[], None] | None = None, *, wait: bool = True) -> None:
        """No more syncs; cancel the running one; ``then`` runs once it has ended, or at
        once with ``wait=False`` (quitting): a request in flight is then abandoned, not
        waited for (its changes stay in the outbox and are sent at the next start)."""
        self._stopping = True
        self._timer.stop()
        self._retry.stop()
        self._first.stop()
        self._push.stop()
        self._cancel.set()
        self._index_cancel.set()
        if then is not None:
            self._after_stop.append(then)
        if self._running and not wait:
            log.info("quitting: the running sync is abandoned")
            self._abandoned = True
            self._running = False
        if not self._running and not self._indexing:
            self._drain()

    def refresh_facts(self) -> None:
        """Re-read the last sync time and the outbox count (after a local change, say)."""
        connect = self._session.cache.connect

        def work() -> CacheFacts:
            db = connect()
            try:
                return read_facts(db)
            finally:
                db.close()

        self._tasks.run(work, self.facts_changed.emit, lambda e: log.warning("facts: %r", e))

    # --- worker -------------------------------------------------------------------------

    def _work(self, cancel: threading.Event) -> SyncOutcome:
        """On the worker: its own connection, its own engine, over the session's API."""
        db = self._session.cache.connect()
        try:
            meta = Meta(db)
            engine = SyncEngine(
                self._session.api,
                RecordStore(db),
                Outbox(db),
                meta,
                offline_registries=lambda: meta.offline_registries,
                **self._engine_options,
            )
            report = engine.run(progress=self.progress.emit, cancel=cancel)
            return SyncOutcome(report, read_facts(db))
        finally:
            db.close()

    # --- results (GUI thread) -----------------------------------------------------------

    def _on_progress(self, update: SyncProgress) -> None:
        """A collection is complete when the sync moves on to the next one: the tabs may
        show it now, not only when the whole sync ends (a first sync takes a while)."""
        if self._stopping:
            return  # the window is going: no more refreshes
        if update.collection == SEARCH_INDEX:
            return  # after the sync: no collection changes
        if self._running and self.state != Connection.SYNCING:
            self.next_try.emit(None)
            self._set_state(Connection.SYNCING)  # the server answered: real work
        collection = update.collection.split(":", 1)[0]
        if self._pulling not in (None, "outbox", collection):
            self._announce_pages()
        if collection == "outbox":
            if update.changes is not None:
                self._answered = update.changes  # cumulative: the answers so far
        else:
            self._announce_answers()
            if update.changes is not None:
                self._unannounced = self._unannounced.merged(update.changes)
        self._pulling = collection

    def _announce_answers(self) -> None:
        """The records whose queued changes the server answered, once."""
        changes, self._answered = self._answered, Changes(ChangeSource.OUTBOX_ANSWER)
        if changes:
            self._events.changed.emit(changes)

    def _announce_pages(self) -> None:
        """The pages received so far (a collection is complete, or the sync ended)."""
        changes, self._unannounced = self._unannounced, Changes(ChangeSource.SYNC_PAGE)
        self._announced |= changes.collections
        if changes:
            self._events.changed.emit(changes)

    def _finished(self, outcome: SyncOutcome) -> None:
        if self._abandoned:
            return
        self._running = False
        self._pulling = None
        self._failures = 0
        self.last_error = None
        self._session.offline = False
        self._settled = Connection.ONLINE
        self.next_try.emit(None)
        self._set_state(Connection.ONLINE)
        self.facts_changed.emit(outcome.facts)
        log.info(
            "sync done in %.1f s: %d received, %d sent",
            outcome.report.seconds,
            sum(outcome.report.pulled.values()) + sum(outcome.report.deleted.values()),
            outcome.report.pushed,
        )
        report = outcome.report
        # Whatever the progress did not bring (a registry's rows dropped): now.
        self._unannounced = self._unannounced.merged(report.received.without(self._announced))
        self._announce_pages()
        self._announce_answers()  # those the progress brought (in order, before this)
        self.synced.emit(outcome)
        self._after_run()
        self._start_indexing()

    def _failed(self, error: BaseException) -> None:
        if self._abandoned:
            return
        self._running = False
        self._announce_answers()
        self._announce_pages()  # the pages applied so far are kept
        self._pulling = None
        self.last_error = error
        self.next_try.emit(None)  # a retry below says when the next one is
        if isinstance(error, SyncCancelled):
            log.info("sync cancelled")
            self._set_state(self._settled)
        elif isinstance(error, SyncAlreadyRunning):
            self._set_state(self._settled)
        elif isinstance(error, Retryable):
            log.info("sync: server unreachable (%s)", type(error).__name__)
            self._go_offline()
            self._schedule_retry()
        elif isinstance(error, DeviceRevoked):
            log.warning("sync: this device was revoked")
            self._halt()
            self.device_revoked.emit()
        elif isinstance(error, AuthenticationError):
            log.info("sync: the sign-in has ended")
            self._halt()
            self.session_ended.emit()
        else:
            log.warning("sync failed: %s", type(error).__name__)
            self._set_state(self._settled)
            self.problem.emit(error)
        if not self._stopping:
            self.refresh_facts()
        self._after_run()

    def _after_run(self) -> None:
        if self._stopping and not self._indexing:
            self._drain()
        elif self._push_after_run:
            self._push_after_run = False
            self.push_soon()

    # --- the search index, after a sync ---------------------------------------------------

    def _start_indexing(self) -> None:
        if self._stopping or self._halted:
            return
        if self._indexing:  # cancelled for the sync that just ended, not stopped yet
            self._index_again = True
            return
        self._indexing = True
        self._index_cancel = threading.Event()
        cancel = self._index_cancel
        self._tasks.run(lambda: self._index(cancel), self._indexed, self._index_failed)

    def _index(self, cancel: threading.Event) -> int:
        """On a worker, with its own connection: what the syncs left to index."""
        db = self._session.cache.connect()
        try:
            engine = SyncEngine(self._session.api, RecordStore(db), Outbox(db), Meta(db))
            return engine.index_for_search(progress=self.progress.emit, cancel=cancel)
        finally:
            db.close()

    def _indexed(self, rows: int) -> None:
        if rows:
            # Searches are complete now.
            self._events.changed.emit(Changes.of(ChangeSource.SYNC_PAGE, "registry_rows"))
        self._index_ended()

    def _index_failed(self, error: BaseException) -> None:
        if isinstance(error, SyncCancelled | SyncAlreadyRunning):
            log.info("search indexing paused")
        else:
            log.warning("search indexing failed: %s", type(error).__name__)
        self._index_ended()

    def _index_ended(self) -> None:
        self._indexing = False
        self.indexing_finished.emit()
        if self._stopping:
            if not self._running:
                self._drain()
        elif self._index_again and not self._running:
            self._index_again = False
            self._start_indexing()

    def _drain(self) -> None:
        callbacks, self._after_stop = self._after_stop, []
        self.stopped.emit()
        for callback in callbacks:
            callback()

    def _go_offline(self) -> None:
        self._session.offline = True
        self._settled = Connection.OFFLINE
        self._set_state(Connection.OFFLINE)

    def _halt(self) -> None:
        self._halted = True
        self._timer.stop()
        self._retry.stop()
        self._go_offline()
        self.next_try.emit(None)

    def _schedule_retry(self) -> None:
        if self._stopping or self._halted:
            return
        self._failures += 1
        ceiling = min(self._retry_cap_ms, self._retry_first_ms * 2 ** (self._failures - 1))
        delay = int(random.uniform(ceiling / 2, ceiling))
        log.info("next sync attempt in %d s", delay // 1000)
        self._retry.start(delay)
        self.next_try.emit(max(1, math.ceil(delay / 1000)))

    def _set_state(self, state: Connection) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    # --- network changes ------------------------------------------------------------------

    def _watch_network(self) -> None:
        """Sync as soon as the system says the network is back (where Qt can tell)."""
        if not QNetworkInformation.loadDefaultBackend():
            return
        info = QNetworkInformation.instance()
        if info is not None:
            info.reachabilityChanged.connect(self._on_reachability)

    def _on_reachability(self, reachability: object) -> None:
        if (
            reachability == QNetworkInformation.Reachability.Online
            and self.state == Connection.OFFLINE
            and not self._halted
        ):
            log.info("the network is back: syncing")
            self.sync_now()
