"""Shared by the tests of the change screens: a fresh synced profile per test (they write)
and the write side run synchronously on the real cache.

``FakeWrites`` stands in for ``ui/writes.py``'s ``Writes`` until that lands on this
branch: every method is the real cache operation (``domains.writes.apply_command``, the
``Outbox`` actions), run at once on the calling thread, then the ``Changes`` announced.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils
from PySide6.QtCore import QObject

from cache.changes import Changes, ChangeSource
from cache.outbox import Outbox
from cache.transaction import write_transaction
from domains.command import Command, CommandRefused
from domains.writes import apply_command
from ui.context import DataEvents


@dataclass
class FakeWrites:
    db: sqlite_utils.Database
    events: DataEvents
    calls: list[tuple[str, str, str]] = field(default_factory=list)

    def _announce(self, collection: str, record_id: str, source: ChangeSource) -> None:
        self.events.changed.emit(Changes.of(source, collection, [record_id]))

    def apply(
        self,
        command: Command,
        *,
        owner: QObject,
        on_done: Callable[[Any], None],
        on_refused: Callable[[CommandRefused], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        try:
            applied = apply_command(self.db, command)
        except CommandRefused as refused:
            on_refused(refused)
            return
        except Exception as error:  # noqa: BLE001 - handed to the caller, as Writes does
            on_error(error)
            return
        self.events.changed.emit(applied.changes)
        on_done(applied)

    def retry_now(self, collection: str, record_id: str) -> None:
        self.calls.append(("retry_now", collection, record_id))
        Outbox(self.db).retry_now(collection, record_id)
        self._announce(collection, record_id, ChangeSource.LOCAL_WRITE)

    def discard(self, collection: str, record_id: str) -> None:
        self.calls.append(("discard", collection, record_id))
        Outbox(self.db).discard_changes(collection, record_id)
        self._announce(collection, record_id, ChangeSource.LOCAL_WRITE)

    def keep_mine(self, collection: str, record_id: str) -> None:
        self.calls.append(("keep_mine", collection, record_id))
        Outbox(self.db).keep_local_side(collection, record_id)
        self._announce(collection, record_id, ChangeSource.LOCAL_WRITE)

    def take_theirs(self, collection: str, record_id: str) -> None:
        self.calls.append(("take_theirs", collection, record_id))
        Outbox(self.db).take_server_side(collection, record_id)
        self._announce(collection, record_id, ChangeSource.LOCAL_WRITE)

    def edit_conflict(
        self,
        collection: str,
        record_id: str,
        command: Command,
        *,
        owner: QObject,
        on_done: Callable[[Any], None],
        on_refused: Callable[[CommandRefused], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self.calls.append(("edit_conflict", collection, record_id))
        try:
            with write_transaction(self.db, immediate=True):
                Outbox(self.db).take_server_side(collection, record_id)
                applied = apply_command(self.db, command)
        except CommandRefused as refused:
            on_refused(refused)
            return
        self.events.changed.emit(applied.changes)
        on_done(applied)
