"""The write path below the UI: a command becomes an optimistic record and its outbox
entry in one transaction. ``ui.writes.Writes.apply`` runs it on a worker; the kill-loop
test runs it in a child process, so both go through the very same code."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from cache.changes import Changes, ChangeSource
from cache.outbox import Outbox, OutboxEntry
from cache.schema import Catalog
from cache.transaction import commits_before_returning, write_transaction
from domains.catalog import CATALOG
from domains.command import Command, LocalWrite

__all__ = [
    "AppliedWrite",
    "apply_command",
    "discard",
    "edit_and_keep",
    "keep_mine",
    "retry_now",
    "take_theirs",
]


@dataclass(frozen=True)
class AppliedWrite:
    """What ``apply_command`` stored: the plan, the queued entry, the change to announce."""

    write: LocalWrite
    entry: OutboxEntry
    changes: Changes
    more: tuple[tuple[LocalWrite, OutboxEntry], ...] = ()
    """A ``CommandBatch``'s further writes and entries, in order (empty for a command)."""


@commits_before_returning
def apply_command(
    db: sqlite_utils.Database, command: Command, catalog: Catalog = CATALOG
) -> AppliedWrite:
    """Plan ``command`` against the cache and queue it, all in one write transaction
    (the write lock first: the plan reads the record it builds on). A
    ``CommandRefused`` raised by the plan leaves the cache as it was."""
    with write_transaction(db, immediate=True):
        plan_all = getattr(command, "plan_all", None)
        writes = list(plan_all(db)) if plan_all is not None else [command.plan(db)]
        outbox = Outbox(db, catalog)
        queued = [
            (
                write,
                outbox.enqueue(
                    write.method,
                    write.path,
                    body=write.body,
                    collection=write.collection,
                    record=write.record,
                    if_match=write.if_match,
                    content_ref=write.content_ref,
                ),
            )
            for write in writes
        ]
    changes = Changes(ChangeSource.LOCAL_WRITE)
    for write, _entry in queued:
        changes = changes.merged(
            Changes.of(ChangeSource.LOCAL_WRITE, write.collection, [str(write.record["id"])])
        )
    (write, entry), *more = queued
    return AppliedWrite(write, entry, changes, tuple(more))


# --- the user's decisions on queued changes ("Changes waiting", the conflict screen) ------


def _decided(collection: str, record_id: str) -> Changes:
    return Changes.of(ChangeSource.LOCAL_WRITE, collection, [record_id])


def retry_now(
    db: sqlite_utils.Database, collection: str, record_id: str, catalog: Catalog = CATALOG
) -> Changes:
    """Send the record's waiting or refused changes at the next push, without backoff."""
    Outbox(db, catalog).retry_now(collection, record_id)
    return _decided(collection, record_id)


def discard(
    db: sqlite_utils.Database, collection: str, record_id: str, catalog: Catalog = CATALOG
) -> Changes:
    """Drop the record's queued changes; the record goes back to the server's version
    (a record created here goes away)."""
    Outbox(db, catalog).discard_changes(collection, record_id)
    return _decided(collection, record_id)


def keep_mine(
    db: sqlite_utils.Database, collection: str, record_id: str, catalog: Catalog = CATALOG
) -> Changes:
    """A conflict resolved for the local side: sent again over the server's version."""
    Outbox(db, catalog).keep_local_side(collection, record_id)
    return _decided(collection, record_id)


def take_theirs(
    db: sqlite_utils.Database, collection: str, record_id: str, catalog: Catalog = CATALOG
) -> Changes:
    """A conflict resolved for the server: its version replaces the local one."""
    Outbox(db, catalog).take_server_side(collection, record_id)
    return _decided(collection, record_id)


@commits_before_returning
def edit_and_keep(
    db: sqlite_utils.Database,
    collection: str,
    record_id: str,
    command: Command,
    catalog: Catalog = CATALOG,
) -> AppliedWrite:
    """ "Edit" on the conflict screen: the user's edited values, planned over the server's
    version, replace the conflicting local changes, in one transaction (a kill in the
    middle leaves the conflict as it was). Without a server side (a refused change),
    the old changes are discarded and the edit builds on the server's last version."""
    with write_transaction(db, immediate=True):
        outbox = Outbox(db, catalog)
        if not outbox.take_server_side(collection, record_id):
            outbox.discard_changes(collection, record_id)
        return apply_command(db, command, catalog)
