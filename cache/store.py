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
or not at all. It is committed with ``synchronous = NORMAL`` (the connection's
FULL is restored right after): in WAL mode that skips the fsync of each commit
but never breaks atomicity. A power cut can lose the last pages applied; each
went with its own cursor, so the next sync simply fetches them again. A FULL
commit (every outbox change) fsyncs the WAL, and with it every earlier page.

Collections with ``deferred_search`` (registry rows) are not indexed for search
while their pages are stored: ``update_search_index`` indexes what is new, in
bulk, and ``search.search_records`` runs it before it searches, so results are
always complete. The sync engine should run it once a sync is done (on its
worker thread), so that the first search after a large sync does not wait.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import chain
from typing import Any

import sqlite_utils

from .clock import Clock, utc_now
from .errors import MalformedPage
from .folding import (
    ADDRESS_MARK,
    FIELD_SEPARATOR,
    az_search_text,
    az_sort_key,
    az_words,
    email_search_words,
    phone_search_words,
)
from .schema import Catalog, CollectionSpec, SyncState, quote
from .sqlcipher_compat import dbapi2
from .transaction import commits_before_returning, transactional, write_transaction

__all__ = [
    "PageResult",
    "ReceivedRecord",
    "RecordStore",
    "StoredRecord",
    "decode_page",
    "index_text",
    "indexed_text_sql",
    "is_parent_side",
    "record_json",
    "search_index_pending",
    "update_search_index",
]

Record = Mapping[str, Any]

record_json: Callable[[Any], str] = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), allow_nan=False
).encode
"""Compact JSON of a record, as stored in the ``record`` and ``conflict`` columns."""


def is_parent_side(server_side: Mapping[str, Any] | None, record_id: str) -> bool:
    """The server's side of a conflict is another record than the one changed: the
    parent the change was sent to (a booking series, whose version the occurrence
    carries). Taking it never replaces the record; keeping mine keeps the record's own
    version and sends again over the parent's."""
    return (
        server_side is not None
        and not server_side.get("deleted")
        and "id" in server_side
        and str(server_side["id"]) != record_id
    )


class ReceivedRecord(dict[str, Any]):
    """A record decoded from the server's answer, with the JSON text it came as.

    ``apply_page`` stores that text in the ``record`` column instead of encoding
    the record again: json's encoder is about 5 µs of the ~14 µs a registry row
    costs to store. Made by ``decode_page``; treat it as read-only (a changed
    field would not be in the text): ``dict(record)`` is a plain copy.
    """

    __slots__ = ("json",)
    json: str


def _json_of(item: Record) -> str:
    return item.json if type(item) is ReceivedRecord else record_json(item)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


# json.loads accepts NaN and Infinity, which are not JSON (record_json refuses them).
_DECODER = json.JSONDecoder(parse_constant=_no_constant)
_value = _DECODER.raw_decode  # (value, index after it); JSONDecodeError if there is none
# The C scanner under raw_decode: the same, with StopIteration when there is no value.
_scan: Callable[[str, int], tuple[Any, int]] = _DECODER.scan_once  # type: ignore[attr-defined]


_SPACES = (" ", "\n", "\r", "\t")


def _skip(text: str, index: int) -> int:
    """The first index at or after ``index`` that is not JSON white space."""
    while text.startswith(_SPACES, index):
        index += 1
    return index


def _after(text: str, index: int, token: str, what: str) -> int:
    """The index after ``token`` (and the spaces around it) at ``index``."""
    index = _skip(text, index)
    if not text.startswith(token, index):
        raise json.JSONDecodeError(f"Expecting {what}", text, index)
    return _skip(text, index + 1)


def _received_records(text: str, index: int) -> tuple[list[Any], int]:
    """The array at ``index``, its objects as ``ReceivedRecord``s; and the index after it."""
    records: list[Any] = []
    index = _after(text, index, "[", "'['")
    if text.startswith("]", index):
        return records, index + 1
    scan, received = _scan, ReceivedRecord
    while True:
        try:
            value, end = scan(text, index)
        except StopIteration as stop:
            raise json.JSONDecodeError("Expecting value", text, stop.value) from None
        if type(value) is dict:
            record = received(value)
            record.json = text[index:end]
            value = record
        records.append(value)
        if text.startswith(",", end) and not text.startswith(_SPACES, end + 1):
            index = end + 1  # compact JSON, as the server sends it
            continue
        index = _skip(text, end)
        if text.startswith(",", index):
            index = _skip(text, index + 1)
        elif text.startswith("]", index):
            return records, index + 1
        else:
            raise json.JSONDecodeError("Expecting ',' delimiter", text, index)


def decode_page(answer: str | bytes) -> Any:
    """``json.loads`` for a sync page, except that the objects of its top-level
    ``items`` array are ``ReceivedRecord``s that keep their own JSON text.

    Any other document decodes as ``json.loads`` decodes it (bar NaN and
    Infinity, refused); malformed JSON raises ``json.JSONDecodeError`` and bad
    UTF-8 ``UnicodeDecodeError`` (both ``ValueError``). Keeping each item's text
    costs about 1.5 µs a record, against 5 µs to encode it again.
    """
    text = answer.decode("utf-8") if isinstance(answer, bytes | bytearray) else answer
    index = _skip(text, 0)
    if not text.startswith("{", index):
        return _DECODER.decode(text)
    page: dict[str, Any] = {}
    index = _after(text, index, "{", "'{'")
    if not text.startswith("}", index):
        while True:
            if not text.startswith('"', index):
                raise json.JSONDecodeError("Expecting property name", text, index)
            key, index = _value(text, index)
            index = _after(text, index, ":", "':' delimiter")
            if key == "items" and text.startswith("[", index):
                page[key], index = _received_records(text, index)
            else:
                page[key], index = _value(text, index)
            index = _skip(text, index)
            if text.startswith("}", index):
                break
            index = _after(text, index, ",", "',' delimiter")
    index = _skip(text, index + 1)
    if index != len(text):
        raise json.JSONDecodeError("Extra data", text, index)
    return page


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
ministry's domain, which would make every person match ``he``, ``gov`` or ``az``.
The whole address is there too, joined into words that start at the local part's
words (``folding.email_search_words``): a pasted address finds its person."""
PHONE_FIELDS = frozenset({"phone", "mobile"})
"""Phone numbers are also indexed as digits only, with and without the country and
area codes (``folding.phone_search_words``)."""


def _email_text(address: str) -> str:
    """``az_search_text`` of the local part, then ``email_search_words``: for the usual
    address (one without ə in its local part or spaces around it) with the local part's
    words folded once and the domain's once per domain (every address shares it)."""
    local, at, domain = address.partition("@")
    if not at or "ə" in local or "Ə" in local or address[:1].isspace() or address[-1:].isspace():
        return " ".join([az_search_text(local), *email_search_words(address)]).strip()
    words = az_words(local)
    tail = _domain_tail(domain)
    joined = [ADDRESS_MARK + "".join(words[start:]) + tail for start in range(len(words))]
    return " ".join([" ".join(words), *joined]).strip()


@functools.lru_cache(maxsize=64)
def _domain_tail(domain: str) -> str:
    return "".join(az_words(domain))


_USUAL_PHONE = re.compile(r"\+994 ([1-9][0-9]) ([0-9]{3}) ([0-9]{2}) ([0-9]{2})")
"""A number as the directory writes it (``+994 12 377 33 98``): its search text is put
together from the groups, a third of the time of the general path (two numbers a
person; ``docs/performance.md``, session 7). Anything else takes the general path."""


def _phone_text(number: str) -> str:
    """``az_search_text`` of the number, then ``phone_search_words`` (national number,
    subscriber number)."""
    usual = _USUAL_PHONE.fullmatch(number)
    if usual is not None:
        area, first, second, third = usual.groups()
        subscriber = first + second + third
        return f"994 {area} {first} {second} {third} {area}{subscriber} {subscriber}"
    return " ".join([az_search_text(number), *phone_search_words(number)]).strip()


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


def index_text(text: str) -> str:
    """What a deferred (contentless) index is given for ``text``.

    Its tokenizer (``unicode61 remove_diacritics 2``) already folds case and the
    Latin diacritics (ç ğ ö ş ü, İ); what ``folding.az_fold`` does beyond that is
    ə → e and ı → i. With ə the text is given a second time with ə → a (the
    passport spelling; ``az_search_text`` adds only the words with ə, but
    picking them out in Python costs more than the index pays for the repeated
    words: a position each). Plain ``str.replace`` runs at C speed;
    ``str.translate`` with a mapping would cost ten times more.
    """
    e_form = text.replace("ə", "e").replace("Ə", "e").replace("ı", "i")
    if "ə" not in text and "Ə" not in text:
        return e_form
    return e_form + " " + text.replace("ə", "a").replace("Ə", "a").replace("ı", "i")


class _SearchText:
    """Folds a record's search fields into its ``search_text`` (memoised per field)."""

    def __init__(self, search_fields: Sequence[str]) -> None:
        memos = tuple(
            _Memo(_email_text)
            if f in LOCAL_PART_FIELDS
            else _Memo(_phone_text)
            if f in PHONE_FIELDS
            else None
            for f in search_fields
        )
        search_memo = _Memo(az_search_text)
        # Each search field with the memo of its text function (one loop, no branching).
        self._field_memos = tuple(
            (field, search_memo if own is None else own)
            for field, own in zip(search_fields, memos, strict=True)
        )

    def text(self, item: Record) -> str:
        """The record's searchable words (see ``folding.az_search_text``)."""
        get, parts = item.get, []
        for field, memo in self._field_memos:
            value = get(field)
            if isinstance(value, str):
                text = memo[value]
            elif value is None:
                continue
            else:
                text = az_search_text(_text_of(value))
            if text:
                parts.append(text)
        return " ".join(parts)


ROWS_PER_STATEMENT = 200
"""Rows bound to one multi-row INSERT when a page is stored, instead of ``executemany``'s
statement a row.

sqlite3 releases the GIL around every step of a statement. With another Python thread
busy (the sync's fetch thread decoding the next page, the GUI thread painting),
``executemany`` gives the GIL away and waits to get it back once a row: 200 000 registry
rows took 1.1 s of CPU alone and 2.3–2.8 s of CPU (120–140 s of wall) beside a thread
decoding JSON, against 1.5 s (4 s of wall) as 200-row statements
(``docs/performance.md``, "The GIL between the sync's threads"). 200 rows of 17 values
stay far below SQLite's 32 766 bound parameters."""


def store_in_batches(
    conn: Any,
    statement: Callable[..., str],
    rows: Sequence[tuple[Any, ...]],
    **options: Any,
) -> None:
    """Run ``statement(count, **options)`` (a multi-row INSERT of ``count`` rows) over
    ``rows``, ``ROWS_PER_STATEMENT`` at a time: rows are stored in order, as
    ``executemany`` would, and an error leaves the caller's transaction to undo them."""
    for start in range(0, len(rows), ROWS_PER_STATEMENT):
        batch = rows[start : start + ROWS_PER_STATEMENT]
        conn.execute(statement(len(batch), **options), list(chain.from_iterable(batch)))


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
        self._insert_head = (
            f"INSERT INTO {table} ({', '.join(quote(n) for n in names)}, sync_state, "
            "sync_error, conflict) VALUES "
        )
        self._row_values = f"({placeholders}, '{_SYNCED}', NULL, NULL)"
        self._upsert_tail = (
            f" ON CONFLICT (id) DO UPDATE SET {assignments}, "
            f"sync_state = '{_SYNCED}', sync_error = NULL, conflict = NULL "
            f"WHERE {table}.sync_state = '{_SYNCED}'"
        )
        self.insert_sql = self._insert_head + self._row_values
        self.upsert_sql = self.insert_sql + self._upsert_tail
        self._getters = ("updated_at", *self.fields)
        self._search = () if spec.deferred_search else spec.search_fields
        self.search_text = _SearchText(self._search).text
        self._sort = spec.sort_fields
        self._sort_memo = _Memo(az_sort_key)

    @functools.cache  # noqa: B019 - one builder per collection and store, a few sizes each
    def insert_many_sql(self, count: int, *, upsert: bool) -> str:
        """The insert (or upsert) of ``count`` rows in one statement (``store_in_batches``)."""
        values = ", ".join([self._row_values] * count)
        return self._insert_head + values + (self._upsert_tail if upsert else "")

    def sort_key(self, item: Record) -> str:
        memo = self._sort_memo
        return FIELD_SEPARATOR.join(
            memo[value] if isinstance(value := item.get(field), str) else "" for field in self._sort
        )

    def rows(self, items: Sequence[Record]) -> list[tuple[Any, ...]]:
        """The bound parameters of many records (a page): one tight comprehension
        when nothing is derived from the record (registry rows, bookings, …)."""
        if self._search or self._sort:
            return [self.row(item) for item in items]
        getters, encode, received = self._getters, record_json, ReceivedRecord
        return [
            (
                item["id"],
                item["version"],
                *map(item.get, getters),
                item.json if type(item) is received else encode(item),
            )
            for item in items
        ]

    def row(self, item: Record) -> tuple[Any, ...]:
        get = item.get
        values: list[Any] = [item["id"], item["version"], get("updated_at")]
        values += [get(field) for field in self.fields]
        if self._search:
            values.append(self.search_text(item))
        if self._sort:
            values.append(self.sort_key(item))
        values.append(_json_of(item))
        return tuple(values)


def recompute_search_text(
    db: sqlite_utils.Database, collection: str, search_fields: Sequence[str]
) -> int:
    """Fold every row's ``search_text`` again from its record with today's rules (a
    migration: new words in the index, without a re-sync). The caller drops the row-by-row
    update trigger first and rebuilds the FTS index after: one pass, not one per row."""
    search_text = _SearchText(search_fields).text
    table = quote(collection)
    rows = db.conn.execute(f"SELECT rid, record FROM {table}").fetchall()
    db.conn.executemany(
        f"UPDATE {table} SET search_text = ? WHERE rid = ?",
        [(search_text(json.loads(record)), rid) for rid, record in rows],
    )
    return len(rows)


@contextlib.contextmanager
def _relaxed_sync(conn: dbapi2.Connection) -> Iterator[None]:
    """Commit what runs inside without an fsync (``synchronous = NORMAL``), for data
    the server can send again (see the module's docstring); FULL again afterwards.

    Inside a caller's transaction nothing changes: that commit is the caller's.
    """
    if conn.in_transaction:
        yield
        return
    previous = int(conn.execute("PRAGMA synchronous").fetchone()[0])
    conn.execute("PRAGMA synchronous = NORMAL")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA synchronous = {previous}")


INDEX_BATCH = 20_000
"""Rows indexed per transaction by ``update_search_index`` (other writers get turns)."""


def _deferred_specs(catalog: Catalog, collection: str | None) -> tuple[CollectionSpec, ...]:
    if collection is not None:
        spec = catalog.spec(collection)
        return (spec,) if spec.deferred_search else ()
    return catalog.deferred_search()


def search_index_pending(
    db: sqlite_utils.Database, catalog: Catalog, collection: str | None = None
) -> int:
    """How many rows wait for ``update_search_index`` (0: searches are instant)."""
    total = 0
    for spec in _deferred_specs(catalog, collection):
        table = quote(spec.name)
        row = db.conn.execute(
            "SELECT indexed_upto FROM search_index_state WHERE collection = ?", (spec.name,)
        ).fetchone()
        upto = 0 if row is None else int(row[0])
        new = db.conn.execute(f"SELECT count(*) FROM {table} WHERE rid > ?", (upto,)).fetchone()
        old = db.conn.execute(
            "SELECT count(*) FROM search_backlog WHERE collection = ?", (spec.name,)
        ).fetchone()
        total += int(new[0]) + int(old[0])
    return total


def _has_pending(conn: dbapi2.Connection, spec: CollectionSpec) -> bool:
    row = conn.execute(
        f"SELECT (SELECT coalesce(max(rid), 0) FROM {quote(spec.name)}) > coalesce(("
        "SELECT indexed_upto FROM search_index_state WHERE collection = ?1), 0) "
        "OR EXISTS (SELECT 1 FROM search_backlog WHERE collection = ?1)",
        (spec.name,),
    ).fetchone()
    return bool(row[0])


def indexed_text_sql(spec: CollectionSpec) -> str:
    """SQL for the words of a row's search fields, read from its ``record``: every
    text and number in them (nested ones too), not booleans or nulls. SQLite's
    JSON functions do it without a Python object per row."""
    fields = [
        "coalesce((SELECT group_concat(atom, ' ') FROM json_tree(record, "
        f"'$.\"{field}\"') WHERE type IN ('text', 'integer', 'real')), '')"
        for field in spec.search_fields
    ]
    return " || ' ' || ".join(fields)


@commits_before_returning
def update_search_index(
    db: sqlite_utils.Database,
    catalog: Catalog,
    collection: str | None = None,
    limit: int | None = None,
) -> int:
    """Index the rows of deferred-search collections that are not indexed yet.

    ``collection``: one collection (None: all such). ``limit``: stop after about
    this many rows (None: until done). Returns the rows indexed. Cheap (one
    query, no write) when nothing waits. Works in transactions of
    ``INDEX_BATCH`` rows, so an interrupted run keeps what it did.
    """
    done = 0
    for spec in _deferred_specs(catalog, collection):
        conn = db.conn
        if not _has_pending(conn, spec):
            continue
        table, fts, text = quote(spec.name), quote(spec.fts_table), indexed_text_sql(spec)
        while limit is None or done < limit:
            batch = INDEX_BATCH if limit is None else min(INDEX_BATCH, limit - done)
            with _relaxed_sync(conn), write_transaction(db, immediate=True):
                conn.execute(
                    "INSERT OR IGNORE INTO search_index_state (collection) VALUES (?)",
                    (spec.name,),
                )
                # Changed rows first: their old words are in the index until then.
                rows = conn.execute(
                    f"SELECT b.rid, {text} FROM search_backlog AS b JOIN {table} AS t "
                    "ON t.rid = b.rid WHERE b.collection = ? LIMIT ?",
                    (spec.name, batch),
                ).fetchall()
                if rows:
                    conn.executemany(
                        f"INSERT OR REPLACE INTO {fts} (rowid, search_text) VALUES (?, ?)",
                        [(rid, index_text(words)) for rid, words in rows],
                    )
                    conn.executemany(
                        "DELETE FROM search_backlog WHERE collection = ? AND rid = ?",
                        [(spec.name, rid) for rid, _ in rows],
                    )
                else:
                    upto = conn.execute(
                        "SELECT indexed_upto FROM search_index_state WHERE collection = ?",
                        (spec.name,),
                    ).fetchone()[0]
                    rows = conn.execute(
                        f"SELECT rid, {text} FROM {table} WHERE rid > ? ORDER BY rid LIMIT ?",
                        (upto, batch),
                    ).fetchall()
                    if not rows:
                        break
                    conn.executemany(
                        f"INSERT INTO {fts} (rowid, search_text) VALUES (?, ?)",
                        [(rid, index_text(words)) for rid, words in rows],
                    )
                    conn.execute(
                        "UPDATE search_index_state SET indexed_upto = ? WHERE collection = ?",
                        (rows[-1][0], spec.name),
                    )
            done += len(rows)
    return done


class RecordStore:
    """Reads and writes the collection tables of one open cache.

    ``catalog``: the collections it knows (``domains.catalog.CATALOG``); a name it
    does not hold is a ``KeyError``. ``clock`` stamps ``last_sync_at``; tests pass a
    fixed one.
    """

    def __init__(self, db: sqlite_utils.Database, catalog: Catalog, clock: Clock = utc_now) -> None:
        self._db = db
        self._conn = db.conn
        self.catalog = catalog
        self._clock = clock
        self._builders: dict[str, _RowBuilder] = {}

    @property
    def database(self) -> sqlite_utils.Database:
        """The connection the records are stored through (for what is derived from them
        after a sync: ``domains.catalog.DERIVATIONS``)."""
        return self._db

    def _builder(self, collection: str) -> _RowBuilder:
        builder = self._builders.get(collection)
        if builder is None:
            builder = self._builders[collection] = _RowBuilder(self.catalog.spec(collection))
        return builder

    # --- sync pages -----------------------------------------------------------

    @commits_before_returning
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
        with _relaxed_sync(self._conn), write_transaction(self._db, immediate=True):
            local = dict(
                self._conn.execute(
                    f"SELECT id, version FROM {table} WHERE sync_state <> '{_SYNCED}'"
                ).fetchall()
            )
            try:
                rows = builder.rows(items)
            except (KeyError, TypeError, AttributeError, ValueError) as error:
                raise MalformedPage(f"{collection}: {error!r}") from error
            with self._indexing_new_rows(builder.spec):
                try:
                    self._store_rows(builder, table, rows)
                except (TypeError, ValueError) as error:
                    raise MalformedPage(f"{collection}: {error!r}") from error
                except (dbapi2.InterfaceError, dbapi2.ProgrammingError) as error:
                    raise MalformedPage(f"{collection}: {error}") from error
            conflicts = self._keep_local_changes(table, items, deleted_ids, local, collection)
            removed = 0
            if deleted_ids:
                deletion = self._conn.executemany(
                    f"DELETE FROM {table} WHERE id = ? AND sync_state = '{_SYNCED}'",
                    [(record_id,) for record_id in deleted_ids],
                )
                removed = max(0, deletion.rowcount)  # this table's rows, not the triggers'
            self._save_cursor(collection, scope, cursor)
        return PageResult(len(items), removed, conflicts)

    def _store_rows(self, builder: _RowBuilder, table: str, rows: list[tuple[Any, ...]]) -> None:
        """Upsert a page's rows: as plain INSERTs when the page looks new, the upsert if not.

        A first sync's pages are all new records, and a plain ``INSERT`` costs about
        a fifth less than the upsert (``docs/performance.md``, "New rows as plain
        inserts"). When neither the page's first nor its last id is stored yet, the page
        goes in as INSERTs inside a savepoint; the first id already there (a record
        that changed during the sync and comes again, a record changed locally
        meanwhile) makes the INSERT fail, the savepoint is rolled back and the page
        is upserted as before: the result is the upsert's in every case.
        """
        if rows and not self._any_stored(table, rows[0][0], rows[-1][0]):
            self._conn.execute("SAVEPOINT new_rows")
            try:
                store_in_batches(self._conn, builder.insert_many_sql, rows, upsert=False)
            except dbapi2.IntegrityError:
                self._conn.execute("ROLLBACK TO new_rows")
                self._conn.execute("RELEASE new_rows")
            except BaseException:
                self._conn.execute("ROLLBACK TO new_rows")
                self._conn.execute("RELEASE new_rows")
                raise
            else:
                self._conn.execute("RELEASE new_rows")
                return
        store_in_batches(self._conn, builder.insert_many_sql, rows, upsert=True)

    def _any_stored(self, table: str, first_id: Any, last_id: Any) -> bool:
        row = self._conn.execute(
            f"SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1 OR id = ?2)", (first_id, last_id)
        ).fetchone()
        return bool(row[0])

    @contextlib.contextmanager
    def _indexing_new_rows(self, spec: CollectionSpec) -> Iterator[None]:
        """Index for search the rows inserted inside (its caller's transaction): one
        ordered ``INSERT ... SELECT`` of the rows above the highest ``rid`` before.

        From schema 4, people and documents have no row-by-row insert trigger (their
        update and delete triggers stay): FTS5 takes rows in ``rid`` order in bulk at
        about twice the speed, and the index is complete when the transaction commits.
        New rows always get a ``rid`` above every existing one, so nothing is missed.
        A cache that still has the trigger (before migration 4) indexes as it writes.
        """
        if not spec.derived_search or self._has_insert_trigger(spec):
            yield
            return
        table, fts = quote(spec.name), quote(spec.fts_table)
        before = self._conn.execute(f"SELECT coalesce(max(rid), 0) FROM {table}").fetchone()[0]
        yield
        # ORDER BY rid: without it SQLite may read a covering index, out of rid order,
        # and FTS5 takes unordered rows several times slower.
        self._conn.execute(
            f"INSERT INTO {fts} (rowid, search_text) SELECT rid, search_text FROM {table} "
            "WHERE rid > ? ORDER BY rid",
            (before,),
        )

    def _has_insert_trigger(self, spec: CollectionSpec) -> bool:
        row = self._conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?",
            (spec.fts_table + "_insert",),
        ).fetchone()
        return bool(row[0])

    def _keep_local_changes(
        self,
        table: str,
        items: Sequence[Record],
        deleted_ids: list[str],
        local: dict[str, int],
        collection: str,
    ) -> tuple[str, ...]:
        """Store the server's side beside locally changed records (they were not touched)."""
        if not local:
            return ()
        updates: list[tuple[str, str, int]] = []
        for item in items:
            base = local.get(item["id"])
            if base is not None and item["version"] != base:
                updates.append((_json_of(item), item["id"], item["version"]))
        for record_id in deleted_ids:
            if record_id in local:
                tombstone = record_json({"id": record_id, "deleted": True})
                updates.append((tombstone, record_id, -1))
        # A stored server side is replaced only by a newer one; a tombstone (-1) always;
        # a parent's side (``is_parent_side``) only by a tombstone.
        self._conn.executemany(
            f"UPDATE {table} SET conflict = ?1 WHERE id = ?2 AND ("
            "conflict IS NULL OR ?3 = -1 OR "
            "(coalesce(json_extract(conflict, '$.id'), ?2) = ?2 "
            "AND coalesce(json_extract(conflict, '$.version'), 0) < ?3))",
            updates,
        )
        # Beside a parent's side, the record's own newer version becomes the base of its
        # queued changes: what "Take the server's" and Discard go back to.
        self._conn.executemany(
            "UPDATE outbox_base SET record = ?1 WHERE collection = ?4 AND record_id = ?2 "
            "AND record IS NOT NULL AND coalesce(json_extract(record, '$.version'), 0) < ?3 "
            f"AND EXISTS (SELECT 1 FROM {table} WHERE id = ?2 "
            "AND json_extract(conflict, '$.id') <> ?2)",
            [(*update, collection) for update in updates if update[2] != -1],
        )
        return tuple(update[1] for update in updates)

    def _save_cursor(self, collection: str, scope: str | None, cursor: str | None) -> None:
        self._conn.execute(
            "INSERT INTO collections_state (collection, scope, cursor, last_sync_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (collection, scope) DO UPDATE SET "
            "cursor = excluded.cursor, last_sync_at = excluded.last_sync_at",
            (collection, scope or "", cursor, self._clock().isoformat()),
        )

    def search_index_pending(self, collection: str | None = None) -> int:
        """How many rows wait to be indexed for search (see ``search_index_pending``)."""
        return search_index_pending(self._db, self.catalog, collection)

    @commits_before_returning
    def update_search_index(self, collection: str | None = None, limit: int | None = None) -> int:
        """Index what deferred-search collections received (see ``update_search_index``)."""
        return update_search_index(self._db, self.catalog, collection, limit)

    def cursor(self, collection: str, scope: str | None = None) -> str | None:
        """The cursor to pass as ``since`` next time (None: from the beginning)."""
        self.catalog.spec(collection)
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

    @transactional
    def reset_collection(self, collection: str, scope: str | None = None) -> None:
        """After 410 ``cursor_expired``: drop the synced records and the cursor.

        Locally changed records stay (nothing is lost); the next pull starts
        from the beginning. For ``registry_rows`` with a scope, only that
        registry's rows are dropped.
        """
        table = quote(self.catalog.spec(collection).name)
        where = f"sync_state = '{_SYNCED}'"
        params: tuple[str, ...] = ()
        if collection == "registry_rows" and scope:
            where += " AND registry_id = ?"
            params = (scope,)
        self._conn.execute(f"DELETE FROM {table} WHERE {where}", params)
        self._conn.execute(
            "DELETE FROM collections_state WHERE collection = ? AND scope = ?",
            (collection, scope or ""),
        )

    # --- reading ----------------------------------------------------------------

    def get(self, collection: str, record_id: str) -> StoredRecord | None:
        table = quote(self.catalog.spec(collection).name)
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
        table = quote(self.catalog.spec(collection).name)
        return int(self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def unsynced(self, collection: str) -> list[StoredRecord]:
        """Records with a local change or a problem, for the UI's sync status list."""
        table = quote(self.catalog.spec(collection).name)
        ids = [
            row[0]
            for row in self._conn.execute(
                f"SELECT id FROM {table} WHERE sync_state <> '{_SYNCED}' ORDER BY rid"
            )
        ]
        return [record for i in ids if (record := self.get(collection, i)) is not None]

    # --- local writes (the outbox calls them inside its own transaction) ----------

    @transactional
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
        with self._indexing_new_rows(builder.spec):
            self._conn.execute(
                f"INSERT INTO {table} ({', '.join(quote(n) for n in names)}, sync_state) "
                f"VALUES ({', '.join('?' * len(names))}, ?) ON CONFLICT (id) DO UPDATE SET "
                f"{assignments}, sync_state = excluded.sync_state, sync_error = NULL",
                (*row, state.value),
            )

    @transactional
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
        table = quote(self.catalog.spec(collection).name)
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

    @transactional
    def store_server_record(self, collection: str, record: Record) -> None:
        """Store the server's record as synced, replacing any local change."""
        builder = self._builder(collection)
        table = quote(collection)
        self._conn.execute(
            f"UPDATE {table} SET sync_state = '{_SYNCED}' WHERE id = ?", (record["id"],)
        )
        with self._indexing_new_rows(builder.spec):
            self._conn.execute(builder.upsert_sql, builder.row(record))

    @transactional
    def delete(self, collection: str, record_id: str) -> None:
        table = quote(self.catalog.spec(collection).name)
        self._conn.execute(f"DELETE FROM {table} WHERE id = ?", (record_id,))

    @transactional
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

    @transactional
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
        if is_parent_side(current.conflict, record_id):  # the record keeps its own version
            self._conn.execute(
                f"UPDATE {table} SET conflict = NULL, sync_state = ?, sync_error = NULL "
                "WHERE id = ?",
                (SyncState.PENDING.value, record_id),
            )
            return server_version
        self._conn.execute(
            f"UPDATE {table} SET version = ?, conflict = NULL, sync_state = ?, "
            "sync_error = NULL WHERE id = ?",
            (server_version, SyncState.PENDING.value, record_id),
        )
        return server_version
