"""The outbox: every change made here, in order, until the server has answered for good.

A change is one transaction: the optimistic record the UI shows at once and
the request that will carry it, with its idempotency key. The sync engine
replays ``pending()`` oldest first; a crash at any point leaves either both or
neither, and an entry caught mid-upload is sent again with the same key (the
server answers the first result again). An entry leaves the outbox when the
server has accepted it (``mark_done``); a final refusal or a version conflict
stays, visible on its record, until the user decides.

Beside the queue, ``outbox_base`` keeps the server's record each record's queued changes
build on (NULL: created here), so that "discard" can roll the optimistic record back
(``discard_changes``); it leaves with the record's last queued change.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

import sqlite_utils

from . import sqlcipher_compat  # noqa: F401 - sqlite-utils catches sqlcipher3's errors
from .clock import Clock, utc_now
from .schema import Catalog, SyncState, quote
from .store import RecordStore, is_parent_side, record_json
from .transaction import transactional

__all__ = ["EntryGone", "Outbox", "OutboxEntry", "OutboxState", "WaitingChange"]


class EntryGone(KeyError):
    """The entry is no longer queued: the user discarded it (or resolved its conflict)
    while it was being sent."""


class OutboxState(StrEnum):
    PENDING = "pending"  # waiting to be sent (again, after next_attempt_at)
    UPLOADING = "uploading"  # sent; no final answer yet (after a crash: send again)
    ERROR = "error"  # refused for good (4xx): waits for the user
    CONFLICT = "conflict"  # 412: the server's record changed meanwhile


_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_COLUMNS = (
    "id, idempotency_key, method, path, collection, record_id, body, if_match, content_ref, "
    "state, attempts, next_attempt_at, last_error, created_at"
)


@dataclass(frozen=True)
class OutboxEntry:
    """One queued request, as the sync engine sends it."""

    id: int
    idempotency_key: str
    method: str
    path: str
    collection: str | None
    record_id: str | None
    body: Any
    if_match: int | None
    content_ref: str | None
    state: OutboxState
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    created_at: datetime

    @classmethod
    def _from_row(cls, row: tuple[Any, ...]) -> OutboxEntry:
        return cls(
            id=row[0],
            idempotency_key=row[1],
            method=row[2],
            path=row[3],
            collection=row[4],
            record_id=row[5],
            body=None if row[6] is None else json.loads(row[6]),
            if_match=row[7],
            content_ref=row[8],
            state=OutboxState(row[9]),
            attempts=row[10],
            next_attempt_at=None if row[11] is None else datetime.fromisoformat(row[11]),
            last_error=row[12],
            created_at=datetime.fromisoformat(row[13]),
        )


@dataclass(frozen=True)
class WaitingChange:
    """One queued change as the "Changes waiting" window lists it: the entry, and its
    record as shown now (``current``; None once gone), the server's version the change
    builds on (``base``; None for a record created here or not known) and, in a
    conflict, the server's newer version (``server``)."""

    entry: OutboxEntry
    sync_state: SyncState | None
    sync_error: str | None
    current: dict[str, Any] | None
    base: dict[str, Any] | None
    server: dict[str, Any] | None


class Outbox:
    """The queue of local changes of one open cache (``catalog``: its collections)."""

    def __init__(self, db: sqlite_utils.Database, catalog: Catalog, clock: Clock = utc_now) -> None:
        self._db = db
        self._conn = db.conn
        self._clock = clock
        self._records = RecordStore(db, catalog, clock)

    # --- queueing -------------------------------------------------------------------

    @transactional
    def enqueue(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        collection: str | None = None,
        record: Mapping[str, Any] | None = None,
        if_match: int | None = None,
        content_ref: str | None = None,
        idempotency_key: str | None = None,
    ) -> OutboxEntry:
        """Queue a request and store its optimistic ``record`` in one transaction.

        ``if_match``: the server version the change builds on (None for a
        create; the record is then stored with version 0). ``content_ref``:
        the client's reference to an encrypted file to upload with it.
        """
        method = method.upper()
        if method not in _METHODS:
            raise ValueError(f"not a write method: {method}")
        if record is not None and collection is None:
            raise ValueError("a record needs its collection")
        if collection is not None:
            self._records.catalog.spec(collection)
        record_id = None if record is None else str(record["id"])
        key = idempotency_key or secrets.token_hex(16)  # 128 random bits
        if record is not None and collection is not None:
            self._keep_base(collection, str(record["id"]))
            self._records.write_local(collection, record, base_version=if_match or 0)
        cursor = self._conn.execute(
            "INSERT INTO outbox (idempotency_key, method, path, collection, record_id, "
            "body, if_match, content_ref, state, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)",
            (
                key,
                method,
                path,
                collection,
                record_id,
                None if body is None else record_json(body),
                if_match,
                content_ref,
                self._clock().isoformat(),
            ),
        )
        entry = self.get(int(cursor.lastrowid or 0))
        if entry is None:  # pragma: no cover - the row was written just above
            raise RuntimeError("the outbox entry vanished")
        return entry

    def _keep_base(self, collection: str, record_id: str) -> None:
        """Before a record's first queued change: remember the server's version of it
        (NULL when the record is new here). A record already changed locally keeps the
        base it has (none, for changes queued before migration 5)."""
        known = self._conn.execute(
            "SELECT 1 FROM outbox_base WHERE collection = ? AND record_id = ?",
            (collection, record_id),
        ).fetchone()
        if known is not None:
            return
        stored = self._records.get(collection, record_id)
        if stored is not None and stored.sync_state is not SyncState.SYNCED:
            return
        self._set_base(collection, record_id, None if stored is None else stored.record)

    def _set_base(self, collection: str, record_id: str, record: Mapping[str, Any] | None) -> None:
        self._conn.execute(
            "INSERT INTO outbox_base (collection, record_id, record) VALUES (?, ?, ?) "
            "ON CONFLICT (collection, record_id) DO UPDATE SET record = excluded.record",
            (collection, record_id, None if record is None else record_json(record)),
        )

    def _drop_base(self, collection: str, record_id: str) -> None:
        self._conn.execute(
            "DELETE FROM outbox_base WHERE collection = ? AND record_id = ?",
            (collection, record_id),
        )

    def base(self, collection: str, record_id: str) -> tuple[bool, dict[str, Any] | None]:
        """(known, record): the server's record under the queued changes; ``known`` False
        when none was kept; ``record`` None for a record created here."""
        row = self._conn.execute(
            "SELECT record FROM outbox_base WHERE collection = ? AND record_id = ?",
            (collection, record_id),
        ).fetchone()
        if row is None:
            return False, None
        return True, None if row[0] is None else json.loads(row[0])

    def get(self, entry_id: int) -> OutboxEntry | None:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM outbox WHERE id = ?", (entry_id,)
        ).fetchone()
        return None if row is None else OutboxEntry._from_row(row)

    def pending(self) -> list[OutboxEntry]:
        """What to send, oldest first: pending and interrupted uploads.

        An entry waits while an earlier change to the same record is in error
        or conflict (it builds on that change). ``next_attempt_at`` is the
        engine's to honour.
        """
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM outbox AS o WHERE state IN ('pending', 'uploading') "
            "AND NOT EXISTS (SELECT 1 FROM outbox AS e WHERE e.id < o.id "
            "AND e.collection IS o.collection AND e.record_id = o.record_id "
            "AND e.state IN ('error', 'conflict')) ORDER BY id"
        ).fetchall()
        return [OutboxEntry._from_row(row) for row in rows]

    def all(self) -> list[OutboxEntry]:
        """Every entry, oldest first (the UI's list of unsent changes)."""
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM outbox ORDER BY id").fetchall()
        return [OutboxEntry._from_row(row) for row in rows]

    def waiting(self) -> list[WaitingChange]:
        """Every entry, oldest first, with its record's state, current values, base and
        server side: what the "Changes waiting" window lists (read on a worker)."""
        changes = []
        for entry in self.all():
            stored = base = None
            if entry.collection is not None and entry.record_id is not None:
                stored = self._records.get(entry.collection, entry.record_id)
                base = self.base(entry.collection, entry.record_id)[1]
            changes.append(
                WaitingChange(
                    entry=entry,
                    sync_state=None if stored is None else stored.sync_state,
                    sync_error=None if stored is None else stored.sync_error,
                    current=None if stored is None else stored.record,
                    base=base,
                    server=None if stored is None else stored.conflict,
                )
            )
        return changes

    def count_waiting(self) -> int:
        """Changes not yet accepted by the server (the status bar's count)."""
        return int(
            self._conn.execute(
                "SELECT count(*) FROM outbox WHERE state IN ('pending', 'uploading')"
            ).fetchone()[0]
        )

    # --- what the server said -------------------------------------------------------------

    def _require(self, entry_id: int) -> OutboxEntry:
        entry = self.get(entry_id)
        if entry is None:
            raise EntryGone(f"no outbox entry {entry_id}")
        return entry

    @transactional
    def mark_uploading(self, entry_id: int) -> None:
        """Just before sending: counts the attempt; survives a crash as 'send again'."""
        entry = self._require(entry_id)
        self._conn.execute(
            "UPDATE outbox SET state = 'uploading', attempts = attempts + 1 WHERE id = ?",
            (entry_id,),
        )
        self._set_record_state(entry, SyncState.UPLOADING)

    @transactional
    def mark_retry(self, entry_id: int, error: str, next_attempt_at: datetime) -> None:
        """A network error, 429 or 5xx: send again after ``next_attempt_at``."""
        entry = self._require(entry_id)
        self._conn.execute(
            "UPDATE outbox SET state = 'pending', last_error = ?, next_attempt_at = ? WHERE id = ?",
            (error, next_attempt_at.isoformat(), entry_id),
        )
        self._set_record_state(entry, SyncState.PENDING)

    @transactional
    def mark_error(self, entry_id: int, error: str) -> None:
        """A final refusal (4xx other than 401/412/429): shown on the record."""
        entry = self._require(entry_id)
        self._conn.execute(
            "UPDATE outbox SET state = 'error', last_error = ? WHERE id = ?",
            (error, entry_id),
        )
        self._set_record_state(entry, SyncState.ERROR, error=error)

    @transactional
    def mark_conflict(
        self,
        entry_id: int,
        server_record: Mapping[str, Any] | None,
        *,
        reason: str | None = None,
    ) -> None:
        """412 ``version_mismatch``: keep both sides for the user (the server's from the
        body). A 409 has no server side: ``reason`` (a taken room) is what the user sees."""
        entry = self._require(entry_id)
        if entry.collection is not None and entry.record_id is not None:
            self._keep_own_side_as_base(entry.collection, entry.record_id, server_record)
        self._conn.execute(
            "UPDATE outbox SET state = 'conflict', last_error = ? WHERE id = ?",
            (reason or "version_mismatch", entry_id),
        )
        self._set_record_state(entry, SyncState.CONFLICT, error=reason, server_side=server_record)

    def _keep_own_side_as_base(
        self, collection: str, record_id: str, server_record: Mapping[str, Any] | None
    ) -> None:
        """A parent's side replaces the record's own newer server side a sync stored: that
        one becomes the base of the queued changes, so taking the server's side finds it."""
        if not is_parent_side(server_record, record_id):
            return
        stored = self._records.get(collection, record_id)
        own = None if stored is None else stored.conflict
        if own is None or own.get("deleted") or is_parent_side(own, record_id):
            return
        known, base = self.base(collection, record_id)
        if known and base is not None and int(own["version"]) > int(base.get("version", 0)):
            self._set_base(collection, record_id, own)

    @transactional
    def mark_done(self, entry_id: int, server_record: Mapping[str, Any] | None = None) -> None:
        """The server accepted the request; ``server_record`` is what it answered.

        The entry leaves the outbox. The server's record replaces the
        optimistic one, unless later changes to it are still queued: those are
        rebased on the new version (and on the server's id, for a record
        created here under a temporary id).
        """
        entry = self._require(entry_id)
        self._conn.execute("DELETE FROM outbox WHERE id = ?", (entry_id,))
        if entry.collection is None or entry.record_id is None:
            return
        if server_record is None:
            self._settle_without_answer(entry)
        else:
            self._settle(entry, entry.collection, entry.record_id, server_record)

    def _settle(
        self, entry: OutboxEntry, collection: str, local_id: str, server: Mapping[str, Any]
    ) -> None:
        table = quote(collection)
        server_id, version = str(server["id"]), int(server["version"])
        if server_id != local_id:  # created here under a temporary id
            self._conn.execute(
                "UPDATE outbox SET record_id = ?, path = replace(path, ?, ?) "
                "WHERE collection = ? AND record_id = ?",
                (server_id, local_id, server_id, collection, local_id),
            )
            self._drop_base(collection, local_id)
        later = self._conn.execute(
            "SELECT count(*) FROM outbox WHERE collection = ? AND record_id = ?",
            (collection, server_id),
        ).fetchone()[0]
        if not later:
            self._drop_base(collection, server_id)
            if server_id != local_id:
                self._records.delete(collection, local_id)
            self._records.store_server_record(collection, server)
            return
        self._set_base(collection, server_id, server)  # what a discard now goes back to
        # Later local changes build on this one: they now build on the server's version.
        if server_id != local_id:  # a sync page may already have brought the server's copy
            self._records.delete(collection, server_id)
        self._conn.execute(
            "UPDATE outbox SET if_match = ? WHERE collection = ? AND record_id = ? "
            "AND if_match IS NOT NULL",
            (version, collection, server_id),
        )
        self._conn.execute(
            f"UPDATE {table} SET id = ?, version = ?, "
            "record = json_set(record, '$.id', ?, '$.version', ?), sync_state = ? WHERE id = ?",
            (server_id, version, server_id, version, SyncState.PENDING.value, local_id),
        )

    def _settle_without_answer(self, entry: OutboxEntry) -> None:
        """Accepted with an empty answer (204): a DELETE removes, others are synced."""
        assert entry.collection is not None and entry.record_id is not None
        later = self._conn.execute(
            "SELECT count(*) FROM outbox WHERE collection = ? AND record_id = ?",
            (entry.collection, entry.record_id),
        ).fetchone()[0]
        if later:
            return
        self._drop_base(entry.collection, entry.record_id)
        if entry.method == "DELETE":
            self._records.delete(entry.collection, entry.record_id)
        else:
            self._records.set_state(entry.collection, entry.record_id, SyncState.SYNCED)

    def _set_record_state(
        self,
        entry: OutboxEntry,
        state: SyncState,
        *,
        error: str | None = None,
        server_side: Mapping[str, Any] | None = None,
    ) -> None:
        if entry.collection is not None and entry.record_id is not None:
            self._records.set_state(
                entry.collection, entry.record_id, state, error=error, server_side=server_side
            )

    # --- the user's decision ------------------------------------------------------------

    @transactional
    def take_server_side(self, collection: str, record_id: str) -> bool:
        """Drop the local changes of a conflicted record and show the server's version."""
        stored = self._records.get(collection, record_id)
        if stored is not None and is_parent_side(stored.conflict, record_id):
            return self.discard_changes(collection, record_id)  # back to its own base
        if not self._records.take_server_side(collection, record_id):
            return False
        self.discard_record(collection, record_id)
        return True

    @transactional
    def keep_local_side(self, collection: str, record_id: str) -> bool:
        """Send the local changes again, now over the server's current version (a
        parent's side: only the conflicting changes, sent to the parent, take its
        version; the record's base stays its own)."""
        server = self._records.get(collection, record_id)
        parent = server is not None and is_parent_side(server.conflict, record_id)
        version = self._records.rebase_on_server_side(collection, record_id)
        if version is None:
            return False
        if parent:
            self._conn.execute(
                "UPDATE outbox SET if_match = ?, state = 'pending', last_error = NULL, "
                "next_attempt_at = NULL WHERE collection = ? AND record_id = ? "
                "AND state = 'conflict'",
                (version, collection, record_id),
            )
            return True
        if server is not None and server.conflict is not None:
            self._set_base(collection, record_id, server.conflict)
        self._conn.execute(
            "UPDATE outbox SET if_match = ?, state = 'pending', last_error = NULL, "
            "next_attempt_at = NULL WHERE collection = ? AND record_id = ? "
            "AND if_match IS NOT NULL",
            (version, collection, record_id),
        )
        return True

    @transactional
    def discard_record(self, collection: str, record_id: str) -> int:
        """Remove every queued change of one record; returns how many."""
        cursor = self._conn.execute(
            "DELETE FROM outbox WHERE collection = ? AND record_id = ?",
            (collection, record_id),
        )
        self._drop_base(collection, record_id)
        return int(cursor.rowcount)

    @transactional
    def discard_changes(self, collection: str, record_id: str) -> bool:
        """ "Discard" (confirmed by the user): remove the record's queued changes and roll
        the optimistic record back to the server's last version: the newer of the kept
        base and a server side stored meanwhile; a record created here is deleted.
        Changes queued before migration 5 have no base: the record then keeps its local
        values, marked synced, until the server next sends it. False: nothing queued."""
        queued = self._conn.execute(
            "SELECT count(*) FROM outbox WHERE collection = ? AND record_id = ?",
            (collection, record_id),
        ).fetchone()[0]
        if not queued:
            return False
        known, base = self.base(collection, record_id)
        stored = self._records.get(collection, record_id)
        server = None if stored is None else stored.conflict
        if server is not None and is_parent_side(server, record_id):
            server = None  # a parent's version says nothing of this record's
        if server is not None and server.get("deleted") is True:
            self._records.delete(collection, record_id)
        elif server is not None and (
            base is None or int(server.get("version", 0)) >= int(base.get("version", 0))
        ):
            self._records.store_server_record(collection, server)
        elif base is not None:
            self._records.store_server_record(collection, base)
        elif known:  # created here: it never existed on the server
            self._records.delete(collection, record_id)
        elif stored is not None:
            self._records.set_state(collection, record_id, SyncState.SYNCED)
        self.discard_record(collection, record_id)
        return True

    @transactional
    def retry_now(self, collection: str, record_id: str) -> int:
        """ "Retry now": the record's waiting or refused changes are sent at the next
        push, without waiting for their backoff. A conflict is not retried (the user
        keeps theirs: ``keep_local_side``). Returns how many entries were released."""
        cursor = self._conn.execute(
            "UPDATE outbox SET state = 'pending', next_attempt_at = NULL, last_error = NULL "
            "WHERE collection = ? AND record_id = ? AND state IN ('pending', 'error')",
            (collection, record_id),
        )
        if cursor.rowcount:
            stored = self._records.get(collection, record_id)
            if stored is not None and stored.sync_state is SyncState.ERROR:
                self._records.set_state(collection, record_id, SyncState.PENDING)
        return int(cursor.rowcount)
