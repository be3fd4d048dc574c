"""The write path below the UI: a command becomes an optimistic record and its outbox
entry in one transaction. ``ui.writes.Writes.apply`` runs it on a worker; the kill-loop
test runs it in a child process, so both go through the very same code."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from cache.changes import Changes, ChangeSource
from cache.outbox import Outbox, OutboxEntry
from cache.transaction import commits_before_returning, write_transaction
from domains.command import Command, LocalWrite

__all__ = ["AppliedWrite", "apply_command"]


@dataclass(frozen=True)
class AppliedWrite:
    """What ``apply_command`` stored: the plan, the queued entry, the change to announce."""

    write: LocalWrite
    entry: OutboxEntry
    changes: Changes


@commits_before_returning
def apply_command(db: sqlite_utils.Database, command: Command) -> AppliedWrite:
    """Plan ``command`` against the cache and queue it, all in one write transaction
    (the write lock first: the plan reads the record it builds on). A
    ``CommandRefused`` raised by the plan leaves the cache as it was."""
    with write_transaction(db, immediate=True):
        write = command.plan(db)
        entry = Outbox(db).enqueue(
            write.method,
            write.path,
            body=write.body,
            collection=write.collection,
            record=write.record,
            if_match=write.if_match,
        )
    changes = Changes.of(ChangeSource.LOCAL_WRITE, write.collection, [str(write.record["id"])])
    return AppliedWrite(write, entry, changes)
