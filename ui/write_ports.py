"""What the change screens call on the write side, as small protocols.

``ui/writes.py``'s ``Writes`` satisfies them (by these names); the screens take them through their
constructors, so they are built and tested against the real cache on their own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import sqlite_utils
from PySide6.QtCore import QObject

from domains.command import Command, CommandRefused

T = TypeVar("T")


class CacheReads(Protocol):
    """Runs a query on a worker's own connection (the window's read pool, ``ui.reads.ReadPool``)."""

    def run(self, query: Callable[[sqlite_utils.Database], T]) -> T: ...


class ApplyCommand(Protocol):
    """``Writes.apply``: the optimistic record and its outbox entry in one transaction,
    on a worker; exactly one of the callbacks follows on the GUI thread."""

    def apply(
        self,
        command: Command,
        *,
        owner: QObject,
        on_done: Callable[[Any], None],
        on_refused: Callable[[CommandRefused], None],
        on_error: Callable[[BaseException], None],
    ) -> object: ...


class ChangeActions(Protocol):
    """What the user may do with a queued change of one record."""

    def retry_now(self, collection: str, record_id: str) -> object: ...

    def discard(self, collection: str, record_id: str) -> object:
        """Drop the record's queued changes and roll its optimistic record back."""
        ...


class ConflictChoices(Protocol):
    """The three ends of a conflict, each one transaction."""

    def keep_mine(self, collection: str, record_id: str) -> object: ...

    def take_theirs(self, collection: str, record_id: str) -> object: ...


class ConflictEditing(Protocol):
    """The third end of a conflict: the user's edited version, over the server's, in one
    transaction with the end of the conflict."""

    def edit_and_keep(
        self,
        collection: str,
        record_id: str,
        command: Command,
        *,
        owner: QObject,
        on_done: Callable[[Any], None],
        on_refused: Callable[[CommandRefused], None],
        on_error: Callable[[BaseException], None],
    ) -> object: ...


class TabWrites(ApplyCommand, ChangeActions, ConflictChoices, ConflictEditing, Protocol):
    """The whole write side a tab and the change screens use."""


class ConflictEdit:
    """``ApplyCommand`` for the edit form opened from a conflict: it applies through
    ``edit_conflict`` of one record."""

    def __init__(self, writes: ConflictEditing, collection: str, record_id: str) -> None:
        self._writes = writes
        self._collection = collection
        self._record_id = record_id

    def apply(
        self,
        command: Command,
        *,
        owner: QObject,
        on_done: Callable[[Any], None],
        on_refused: Callable[[CommandRefused], None],
        on_error: Callable[[BaseException], None],
    ) -> object:
        return self._writes.edit_and_keep(
            self._collection,
            self._record_id,
            command,
            owner=owner,
            on_done=on_done,
            on_refused=on_refused,
            on_error=on_error,
        )
