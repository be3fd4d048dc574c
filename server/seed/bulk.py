"""Bulk writing for the seed: the rows ``server.records.bulk_insert`` would write, sent
straight to the database driver.

A million registry rows go through here, so per-row costs count. Compared with
``bulk_insert`` (which stays the path for everything but the seed), this writer

- builds plain tuples in the table's column order instead of dicts that SQLAlchemy then
  re-reads, binds and type-processes row by row (a sixth of the old seed's time);
- encodes every body with one JSON encoder made once, not one per ``json.dumps`` call
  (same options, so the same bytes: compact separators, UTF-8 kept as is);
- hands each batch to the driver in one call: ``executemany`` on SQLite, ``COPY ... FROM
  STDIN`` on PostgreSQL (one stream instead of multi-row INSERT statements).

The rows are the same as ``bulk_insert``'s, column for column: ``seq`` numbers are taken
from the same counter batch by batch, ``version`` is 1, ``deleted`` false, the body is the
record with ``version`` and ``updated_at`` appended and the private fields left out.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Table

from server.db import COLLECTION_TABLES, next_seq
from server.records import BULK_BATCH, COLUMN_EXTRACTORS, PRIVATE_FIELDS, dumps

Row = tuple[Any, ...]
EncodedBatch = tuple[tuple[str, ...], list[Row]]  # extra column names, (id, body, *extras)


def _compact_json_encoder() -> Callable[[Any], str]:
    """``server.records.dumps`` without the cost of building an encoder on every call.

    ``json.dumps`` with options constructs a ``JSONEncoder`` and then a C encoder per call;
    here the C encoder is built once (the same constructor ``JSONEncoder.iterencode`` uses,
    with the same options; no cycle check, seed records are plain trees). Without the C
    accelerator (not on CPython), ``dumps`` itself."""
    make_encoder = getattr(json.encoder, "c_make_encoder", None)
    if make_encoder is None:
        return dumps
    options = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    encode = make_encoder(
        None,  # markers: no cycle detection
        options.default,
        json.encoder.encode_basestring,  # ensure_ascii=False
        None,  # indent
        options.key_separator,
        options.item_separator,
        False,  # sort_keys
        False,  # skipkeys
        True,  # allow_nan
    )

    def encode_compact(value: Any) -> str:
        return "".join(encode(value, 0))

    return encode_compact


class RecordEncoder:
    """Turns a collection's new records into encoded rows, batch by batch: ``(extra column
    names, [(id, body, *extra values), ...])``. Everything but ``seq``, which the writer
    assigns, so encoding can happen ahead of writing (and in another process)."""

    def __init__(self, collection: str, updated_at: str) -> None:
        self.extract = COLUMN_EXTRACTORS[collection]
        self.hidden = PRIVATE_FIELDS.get(collection, frozenset())
        self.updated_at = updated_at
        self.encode = _compact_json_encoder()

    def batches(self, records: Iterable[Mapping[str, Any]]) -> Iterator[EncodedBatch]:
        extract, hidden, encode, stamp = self.extract, self.hidden, self.encode, self.updated_at
        columns: tuple[str, ...] = ()
        iterator = iter(records)
        while batch := list(islice(iterator, BULK_BATCH)):
            rows: list[Row] = []
            append = rows.append
            for record in batch:
                full = {**record, "version": 1, "updated_at": stamp}
                public = {k: v for k, v in full.items() if k not in hidden} if hidden else full
                extra = extract(full)
                columns = tuple(extra)
                append((full["id"], encode(public), *extra.values()))
            yield columns, rows


class BulkWriter:
    """Inserts new records (version 1) and plain rows on one connection, in its transaction."""

    def __init__(self, conn: Connection, updated_at: str) -> None:
        self.conn = conn
        self.updated_at = updated_at
        self.is_postgresql = conn.dialect.name == "postgresql"
        self.placeholder = "?" if conn.dialect.paramstyle == "qmark" else "%s"

    def records(self, collection: str, records: Iterable[Mapping[str, Any]]) -> int:
        """Write a collection's new records; returns how many were written."""
        encoder = RecordEncoder(collection, self.updated_at)
        return self.encoded(collection, encoder.batches(records))

    def encoded(self, collection: str, batches: Iterable[EncodedBatch]) -> int:
        """Write batches from ``RecordEncoder``, numbering them from the ``seq`` counter."""
        table = COLLECTION_TABLES[collection]
        count = 0
        for extra_columns, encoded in batches:
            seq = next_seq(self.conn, len(encoded))
            columns = ["id", "seq", "version", "deleted", "body", *extra_columns]
            rows = [(row[0], seq + n, 1, False, *row[1:]) for n, row in enumerate(encoded)]
            self.rows(table, columns, rows)
            count += len(rows)
        return count

    def rows(self, table: Table, columns: Sequence[str], rows: Sequence[Row]) -> None:
        """Insert plain rows, given in the order of ``columns``."""
        if not rows:
            return
        names = ", ".join(columns)
        if self.is_postgresql:
            # psycopg's own cursor on the connection (so in its transaction): COPY sends the
            # rows as one stream, with values adapted from their Python types.
            driver = self.conn.connection.driver_connection
            with (
                driver.cursor() as cursor,  # type: ignore[union-attr]
                cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy,
            ):
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join([self.placeholder] * len(columns))
        self.conn.exec_driver_sql(f"INSERT INTO {table.name} ({names}) VALUES ({marks})", rows)

    def dicts(self, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
        """Insert rows given as dicts (all with the same keys)."""
        if rows:
            columns = list(rows[0])
            self.rows(table, columns, [tuple(r[c] for c in columns) for r in rows])
