"""Records of every collection: bulk apply of sync pages, local writes, conflicts.

The conflict rule of ``apply_page`` (also in docs/cache.md):

- a record that is ``synced`` here (or absent) takes the server's version;
- a record with a local change outstanding (``pending``, ``uploading``,
  ``error``, ``conflict``) keeps the local record, its base ``version`` and its
  state. If the server's version differs from the local base version, the
  server's record is stored in ``conflict`` (the newest one seen wins), so the
  UI can show both sides; the outbox's own answer from the server (a 412 with
  the current record, or the accepted write) later settles the state;
- a tombstone deletes a synced record; on a locally changed record it only
  stores ``{"id": ..., "deleted": true}`` in ``conflict``.

A page is one transaction: items, tombstones and the cursor commit together
or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlite_utils

from .clock import Clock, utc_now
from .errors import MalformedPage
from .folding import FIELD_SEPARATOR, az_search_text, az_sort_key
from .schema import CollectionSpec, SyncState, collection_spec, quote
from .sqlcipher_compat import dbapi2

__all__ = ["PageResult", "RecordStore", "StoredRecord", "record_json"]

Record = Mapping[str, Any]

record_json: Callable[[Any], str] = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), allow_nan=False
).encode
"""Compact JSON of a record, as stored in the ``record`` and ``conflict`` columns."""

_SYNCED = SyncState.SYNCED.value


@dataclass(frozen=True)
class PageResult:
    """What one page changed: rows written, rows deleted, ids now holding a server side."""

    upserted: int
    deleted: int
    conflicts: tuple[str, ...]


@dataclass(frozen=True)
class StoredRecord:
    """One record as the UI sees it: the record and where it stands."""

    id: str
    version: int
    record: dict[str, Any]
    sync_state: SyncState
    sync_error: str | None
    conflict: dict[str, Any] | None


LOCAL_PART_FIELDS = frozenset({"email"})
"""E-mail fields are searched by their local part only: every address shares the
ministry's domain, which would make every person match ``he``, ``gov`` or ``az``."""


class _Memo(dict[str, str]):
    """A bounded cache of one text function. Names, positions and offices repeat a lot
    across people, so most values of a page are folded once."""

    def __init__(self, function: Callable[[str], str], max_size: int = 100_000) -> None:
        super().__init__()
        self._function = function
        self._max_size = max_size

    def __missing__(self, text: str) -> str:
        if len(self) >= self._max_size:
            self.clear()
        value = self[text] = self._function(text)
        return value


def _text_of(value: Any) -> str:
    """Searchable text of a field: lists (tags) and objects (registry values) flattened."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        return " ".join(_text_of(v) for v in value.values())
    if isinstance(value, list | tuple):
        return " ".join(_text_of(v) for v in value)
    return str(value)


class _RowBuilder:
    """Turns records into the bound parameters of one collection's upsert.

    Built once per collection; the per-record work is a few dict look-ups, one
    ``json`` encoding and, for searchable collections, the folding.
    """

    def __init__(self, spec: CollectionSpec) -> None:
        self.spec = spec
        self.fields = spec.column_names
        names = ("id", "version", "updated_at", *self.fields, *spec.derived_columns, "record")
        table = quote(spec.name)
        assignments = ", ".join(f"{quote(n)} = excluded.{quote(n)}" for n in names if n != "id")
        placeholders = ", ".join("?" * len(names))
        # The WHERE keeps a locally changed record when a page brings the server's.
        self.upsert_sql = (
            f"INSERT INTO {table} ({', '.join(quote(n) for n in names)}, sync_state, "
            f"sync_error, conflict) VALUES ({placeholders}, '{_SYNCED}', NULL, NULL) "
            f"ON CONFLICT (id) DO UPDATE SET {assignments}, sync_state = '{_SYNCED}', "
            f"sync_error = NULL, conflict = NULL WHERE {table}.sync_state = '{_SYNCED}'"
        )
        self._search = spec.search_fields
        self._local_part = tuple(f in LOCAL_PART_FIELDS for f in spec.search_fields)
        self._sort = spec.sort_fields
        self._search_memo = _Memo(az_search_text)
        self._sort_memo = _Memo(az_sort_key)

    def search_text(self, item: Record) -> str:
        """The record's searchable words (see ``folding.az_search_text``)."""
        memo, parts = self._search_memo, []
        for field, local_part in zip(self._search, self._local_part, strict=True):
            value = item.get(field)
            if isinstance(value, str):
                parts.append(memo[value.partition("@")[0] if local_part else value])
            elif value is not None:
                parts.append(az_search_text(_text_of(value)))
        return " ".join(part for part in parts if part)

    def sort_key(self, item: Record) -> str:
        memo = self._sort_memo
        return FIELD_SEPARATOR.join(
            memo[value] if isinstance(value := item.get(field), str) else "" for field in self._sort
        )

    def row(self, item: Record) -> tuple[Any, ...]:
        get = item.get
        values: list[Any] = [item["id"], item["version"], get("updated_at")]
        values += [get(field) for field in self.fields]
        if self._search:
            values.append(self.search_text(item))
        if self._sort:
            values.append(self.sort_key(item))
        values.append(record_json(item))
        return tuple(values)


class RecordStore:
    """Reads and writes the collection tables of one open cache.

    ``clock`` stamps ``last_sync_at``; tests pass a fixed one.
    """

    def __init__(self, db: sqlite_utils.Database, clock: Clock = utc_now) -> None:
        self._db = db
        self._conn = db.conn
        self._clock = clock
        self._builders: dict[str, _RowBuilder] = {}

    def _builder(self, collection: str) -> _RowBuilder:
        builder = self._builders.get(collection)
        if builder is None:
            builder = self._builders[collection] = _RowBuilder(collection_spec(collection))
        return builder

    # --- sync pages -----------------------------------------------------------

    def apply_page(
        self,
        collection: str,
        items: Sequence[Record],
        deleted: Iterable[str],
        cursor: str | None,
        scope: str | None = None,
    ) -> PageResult:
        """Store one ``GET /sync/{collection}`` page and its cursor in one transaction.

        ``scope`` is the registry id for ``registry_rows``. Locally changed
        records are kept (see the module's conflict rule). A page the cache
        cannot store raises ``MalformedPage`` and changes nothing.
        """
        builder = self._builder(collection)
        table = quote(collection)
        deleted_ids = list(deleted)
        with self._db.atomic():
            local = dict(
                self._conn.execute(
                    f"SELECT id, version FROM {table} WHERE sync_state <> '{_SYNCED}'"
                ).fetchall()
            )
            try:
                rows = [builder.row(item) for item in items]
                self._conn.executemany(builder.upsert_sql, rows)
            except (KeyError, TypeError, AttributeError, ValueError) as error:
                raise MalformedPage(f"{collection}: {error!r}") from error
            except (dbapi2.InterfaceError, dbapi2.ProgrammingError) as error:
                raise MalformedPage(f"{collection}: {error}") from error
            conflicts = self._keep_local_changes(table, items, deleted_ids, local)
            removed = 0
            if deleted_ids:
                deletion = self._conn.executemany(
                    f"DELETE FROM {table} WHERE id = ? AND sync_state = '{_SYNCED}'",
                    [(record_id,) for record_id in deleted_ids],
                )
                removed = max(0, deletion.rowcount)  # this table's rows, not the triggers'
            self._save_cursor(collection, scope, cursor)
        return PageResult(len(items), removed, conflicts)

    def _keep_local_changes(
        self,
        table: str,
        items: Sequence[Record],
        deleted_ids: list[str],
        local: dict[str, int],
    ) -> tuple[str, ...]:
        """Store the server's side beside locally changed records (they were not touched)."""
        if not local:
            return ()
        updates: list[tuple[str, str, int]] = []
        for item in items:
            base = local.get(item["id"])
            if base is not None and item["version"] != base:
                updates.append((record_json(item), item["id"], item["version"]))
        for record_id in deleted_ids:
            if record_id in local:
                tombstone = record_json({"id": record_id, "deleted": True})
                updates.append((tombstone, record_id, -1))
        # A stored server side is replaced only by a newer one; a tombstone (-1) always.
        self._conn.executemany(
            f"UPDATE {table} SET conflict = ?1 WHERE id = ?2 AND ("
            "conflict IS NULL OR ?3 = -1 OR "
            "coalesce(json_extract(conflict, '$.version'), 0) < ?3)",
            updates,
        )
        return tuple(update[1] for update in updates)

    def _save_cursor(self, collection: str, scope: str | None, cursor: str | None) -> None:
        self._conn.execute(
            "INSERT INTO collections_state (collection, scope, cursor, last_sync_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (collection, scope) DO UPDATE SET "
            "cursor = excluded.cursor, last_sync_at = excluded.last_sync_at",
            (collection, scope or "", cursor, self._clock().isoformat()),
        )

    def cursor(self, collection: str, scope: str | None = None) -> str | None:
        """The cursor to pass as ``since`` next time (None: from the beginning)."""
        collection_spec(collection)
        row = self._conn.execute(
            "SELECT cursor FROM collections_state WHERE collection = ? AND scope = ?",
            (collection, scope or ""),
        ).fetchone()
        return None if row is None else row[0]

    def scopes(self, collection: str) -> set[str]:
        """The scopes (registries, for ``registry_rows``) that have a cursor here."""
        rows = self._conn.execute(
            "SELECT scope FROM collections_state WHERE collection = ? AND scope <> ''",
            (collection,),
        ).fetchall()
        return {row[0] for row in rows}

    def last_sync_at(self, collection: str, scope: str | None = None) -> datetime | None:
        row = self._conn.execute(
            "SELECT last_sync_at FROM collections_state WHERE collection = ? AND scope = ?",
            (collection, scope or ""),
        ).fetchone()
        return None if row is None or row[0] is None else datetime.fromisoformat(row[0])

    def reset_collection(self, collection: str, scope: str | None = None) -> None:
        """After 410 ``cursor_expired``: drop the synced records and the cursor.

        Locally changed records stay (nothing is lost); the next pull starts
        from the beginning. For ``registry_rows`` with a scope, only that
        registry's rows are dropped.
        """
        table = quote(collection_spec(collection).name)
        where = f"sync_state = '{_SYNCED}'"
        params: tuple[str, ...] = ()
        if collection == "registry_rows" and scope:
            where += " AND registry_id = ?"
            params = (scope,)
        with self._db.atomic():
            self._conn.execute(f"DELETE FROM {table} WHERE {where}", params)
            self._conn.execute(
                "DELETE FROM collections_state WHERE collection = ? AND scope = ?",
                (collection, scope or ""),
            )

    # --- reading ----------------------------------------------------------------

    def get(self, collection: str, record_id: str) -> StoredRecord | None:
        table = quote(collection_spec(collection).name)
        row = self._conn.execute(
            f"SELECT id, version, record, sync_state, sync_error, conflict FROM {table} "
            "WHERE id = ?",
            (record_id,),
        ).fetchone()
        if row is None:
            return None
        return StoredRecord(
            id=row[0],
            version=row[1],
            record=json.loads(row[2]),
            sync_state=SyncState(row[3]),
            sync_error=row[4],
            conflict=None if row[5] is None else json.loads(row[5]),
        )

    def count(self, collection: str) -> int:
        table = quote(collection_spec(collection).name)
        return int(self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def unsynced(self, collection: str) -> list[StoredRecord]:
        """Records with a local change or a problem, for the UI's sync status list."""
        table = quote(collection_spec(collection).name)
        ids = [
            row[0]
            for row in self._conn.execute(
                f"SELECT id FROM {table} WHERE sync_state <> '{_SYNCED}' ORDER BY rid"
            )
        ]
        return [record for i in ids if (record := self.get(collection, i)) is not None]

    # --- local writes (used by the outbox, inside its transaction) -----------------

    def write_local(
        self,
        collection: str,
        record: Record,
        *,
        base_version: int,
        state: SyncState = SyncState.PENDING,
    ) -> None:
        """Store an optimistic local record (the UI shows it at once).

        ``base_version`` is the server version the change was made on (0 for a
        record created here). Keeps any server side already in ``conflict``.
        """
        builder = self._builder(collection)
        row = builder.row({**record, "version": base_version})
        names = ("id", "version", "updated_at", *builder.fields)
        names += (*builder.spec.derived_columns, "record")
        table = quote(collection)
        assignments = ", ".join(f"{quote(n)} = excluded.{quote(n)}" for n in names if n != "id")
        self._conn.execute(
            f"INSERT INTO {table} ({', '.join(quote(n) for n in names)}, sync_state) "
            f"VALUES ({', '.join('?' * len(names))}, ?) ON CONFLICT (id) DO UPDATE SET "
            f"{assignments}, sync_state = excluded.sync_state, sync_error = NULL",
            (*row, state.value),
        )

    def set_state(
        self,
        collection: str,
        record_id: str,
        state: SyncState,
        *,
        error: str | None = None,
        server_side: Record | None = None,
    ) -> None:
        """Set a record's sync state (and its error text or the server's side)."""
        table = quote(collection_spec(collection).name)
        if server_side is None:
            self._conn.execute(
                f"UPDATE {table} SET sync_state = ?, sync_error = ? WHERE id = ?",
                (state.value, error, record_id),
            )
        else:
            self._conn.execute(
                f"UPDATE {table} SET sync_state = ?, sync_error = ?, conflict = ? WHERE id = ?",
                (state.value, error, record_json(server_side), record_id),
            )

    def store_server_record(self, collection: str, record: Record) -> None:
        """Store the server's record as synced, replacing any local change."""
        builder = self._builder(collection)
        table = quote(collection)
        self._conn.execute(
            f"UPDATE {table} SET sync_state = '{_SYNCED}' WHERE id = ?", (record["id"],)
        )
        self._conn.execute(builder.upsert_sql, builder.row(record))

    def delete(self, collection: str, record_id: str) -> None:
        table = quote(collection_spec(collection).name)
        self._conn.execute(f"DELETE FROM {table} WHERE id = ?", (record_id,))

    def take_server_side(self, collection: str, record_id: str) -> bool:
        """Resolve a conflict for the server: its side replaces the local record.

        Returns False when no server side is stored (nothing changed). The
        caller drops the record's outbox entries in the same transaction
        (``Outbox.discard_record``).
        """
        current = self.get(collection, record_id)
        if current is None or current.conflict is None:
            return False
        if current.conflict.get("deleted") is True:
            self.delete(collection, record_id)
        else:
            self.store_server_record(collection, current.conflict)
        return True

    def rebase_on_server_side(self, collection: str, record_id: str) -> int | None:
        """Resolve a conflict for the local side: it now builds on the server's version.

        Returns the server's version (the new If-Match) or None when no server
        side is stored. The record goes back to ``pending``.
        """
        current = self.get(collection, record_id)
        if current is None or current.conflict is None or current.conflict.get("deleted"):
            return None
        server_version = int(current.conflict["version"])
        table = quote(collection)
        self._conn.execute(
            f"UPDATE {table} SET version = ?, conflict = NULL, sync_state = ?, "
            "sync_error = NULL WHERE id = ?",
            (server_version, SyncState.PENDING.value, record_id),
        )
        return server_version
