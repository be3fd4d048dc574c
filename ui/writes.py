"""The write side of the tab seam: ``Writes.apply(command)`` and the user's decisions on
queued changes, each on a worker, each announced.

A tab never writes the cache itself. ``apply`` runs ``domains.writes.apply_command`` on a
worker (the optimistic record and its outbox entry in one transaction); then, on the GUI
thread: ``DataEvents.changed`` with the ``Changes``, the status bar's count is read again
and the sync is asked to push soon (``SyncController.push_soon``: debounced, nothing
while offline). A ``CommandRefused`` goes to ``on_refused`` and nothing was written.

The "Changes waiting" window and the conflict screen use ``waiting``, ``retry_now``,
``discard``, ``keep_mine``, ``take_theirs`` and ``edit_and_keep`` by these names.

The work runs on the window's ``ReadPool`` connections (one per worker thread): a write
is one short transaction, and SQLite's WAL lets it commit beside the readers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

import shiboken6
import sqlite_utils
from PySide6.QtCore import QObject

from cache.changes import Changes
from domains import writes as domain_writes
from domains.command import Command, CommandRefused
from domains.writes import AppliedWrite
from ui.context import DataEvents
from ui.reads import ReadPool
from ui.tasks import Task

log = logging.getLogger(__name__)

__all__ = ["SyncNudge", "Writes"]


class SyncNudge(Protocol):
    """What a write asks of the sync (``SyncController``)."""

    def push_soon(self) -> None: ...

    def refresh_facts(self) -> None: ...


class Writes(QObject):
    """One per window: tabs and the outbox windows write through it."""

    def __init__(
        self,
        reads: ReadPool,
        events: DataEvents,
        sync: SyncNudge | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._reads = reads
        self._events = events
        self._sync = sync

    def set_sync(self, sync: SyncNudge | None) -> None:
        """The sync to nudge after a write (built after the tabs' context)."""
        self._sync = sync

    # --- commands ---------------------------------------------------------------------

    def apply(
        self,
        command: Command,
        *,
        owner: QObject | None = None,
        on_done: Callable[[AppliedWrite], None] | None = None,
        on_refused: Callable[[CommandRefused], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """Queue ``command`` (on a worker); ``on_done(applied)`` once stored and
        announced, ``on_refused(refusal)`` if the command refused the input (nothing
        was written), ``on_error`` for anything else (nothing was written either)."""
        return self._run(
            lambda db: domain_writes.apply_command(db, command),
            lambda applied: applied.changes,
            owner=owner,
            on_done=on_done,
            on_refused=on_refused,
            on_error=on_error,
        )

    def edit_and_keep(
        self,
        collection: str,
        record_id: str,
        command: Command,
        *,
        owner: QObject | None = None,
        on_done: Callable[[AppliedWrite], None] | None = None,
        on_refused: Callable[[CommandRefused], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """ "Edit" on the conflict screen: ``command`` (the user's edited values) replaces
        the record's conflicting changes, planned over the server's version."""
        return self._run(
            lambda db: domain_writes.edit_and_keep(db, collection, record_id, command),
            lambda applied: applied.changes,
            owner=owner,
            on_done=on_done,
            on_refused=on_refused,
            on_error=on_error,
        )

    # --- the user's decisions on queued changes ------------------------------------------

    def retry_now(self, collection: str, record_id: str, **callbacks: Any) -> Task:
        """Send the record's waiting or refused changes now."""
        return self._decide(domain_writes.retry_now, collection, record_id, **callbacks)

    def discard(self, collection: str, record_id: str, **callbacks: Any) -> Task:
        """Drop the record's queued changes (the UI confirms first); the record goes back
        to the server's last version, a record created here goes away."""
        return self._decide(domain_writes.discard, collection, record_id, **callbacks)

    def keep_mine(self, collection: str, record_id: str, **callbacks: Any) -> Task:
        """A conflict: send mine again over the server's version."""
        return self._decide(domain_writes.keep_mine, collection, record_id, **callbacks)

    def take_theirs(self, collection: str, record_id: str, **callbacks: Any) -> Task:
        """A conflict: the server's version replaces mine."""
        return self._decide(domain_writes.take_theirs, collection, record_id, **callbacks)

    # --- plumbing -------------------------------------------------------------------------

    def _decide(
        self,
        action: Callable[[sqlite_utils.Database, str, str], Changes],
        collection: str,
        record_id: str,
        *,
        owner: QObject | None = None,
        on_done: Callable[[Changes], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        return self._run(
            lambda db: action(db, collection, record_id),
            lambda changes: changes,
            owner=owner,
            on_done=on_done,
            on_error=on_error,
        )

    def _run(
        self,
        work: Callable[[sqlite_utils.Database], Any],
        changes_of: Callable[[Any], Changes],
        *,
        owner: QObject | None,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_refused: Callable[[CommandRefused], None] | None = None,
    ) -> Task:
        """No owner on the task itself: a stored change is announced even when the widget
        that asked for it is gone; only that widget's callbacks are skipped then."""

        def listening() -> bool:
            return owner is None or shiboken6.isValid(owner)

        def done(result: Any) -> None:
            self._announce(changes_of(result))
            if on_done is not None and listening():
                on_done(result)

        def failed(error: BaseException) -> None:
            if not listening():
                log.info("a local write failed after its window closed: %s", type(error).__name__)
            elif isinstance(error, CommandRefused) and on_refused is not None:
                on_refused(error)
            elif on_error is not None:
                on_error(error)
            else:
                log.error("a local write failed: %s", type(error).__name__)

        return self._reads.query(work, done, failed)

    def _announce(self, changes: Changes) -> None:
        if changes:
            self._events.changed.emit(changes)
        if self._sync is not None:
            self._sync.refresh_facts()
            self._sync.push_soon()
