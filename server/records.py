"""Writing synced records: every change gets a fresh ``seq`` and, if it is a real change,
a new ``version``; the API representation is stored ready to send."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, datetime
from itertools import islice
from typing import Any

from sqlalchemy import Connection, select, update

from server.db import COLLECTION_TABLES, next_seq

Record = dict[str, Any]

BULK_BATCH = 5000


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """RFC 3339 in UTC with an explicit offset, to the second."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def to_epoch(value: str | datetime) -> int:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        raise ValueError("a time without an offset")
    return int(moment.timestamp())


def _no_columns(_record: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def _booking_columns(r: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "room_id": r["room_id"],
        "organizer_id": r["organizer_id"],
        "start_ts": to_epoch(r["start"]),
        "end_ts": to_epoch(r["end"]),
        "status": r["status"],
    }


# Which columns besides the spine each collection keeps, taken from the record itself.
COLUMN_EXTRACTORS: dict[str, Callable[[Mapping[str, Any]], dict[str, Any]]] = {
    "departments": lambda r: {"parent_id": r.get("parent_id")},
    "people": lambda r: {"department_id": r.get("department_id")},
    "rooms": _no_columns,
    "bookings": _booking_columns,
    "folders": lambda r: {
        "parent_id": r.get("parent_id"),
        "department_id": r.get("department_id"),
        "access": r["access"],
    },
    "documents": lambda r: {"folder_id": r["folder_id"], "author_id": r.get("author_id")},
    "shares": lambda r: {
        "document_id": r["document_id"],
        "from_id": r["from_id"],
        "to_id": r["to_id"],
    },
    "registries": lambda r: {"code": r["code"], "personal_data": bool(r.get("personal_data"))},
    "registry_rows": lambda r: {"registry_id": r["registry_id"]},
    "regions": lambda r: {"code": r["code"]},
    "indicators": lambda r: {"code": r["code"]},
    "indicator_values": lambda r: {
        "indicator_id": r["indicator_id"],
        "region_code": r["region_code"],
        "period": r["period"],
    },
}

# Fields kept in the table for the server's own rules but not part of the API record.
PRIVATE_FIELDS: dict[str, frozenset[str]] = {"registries": frozenset({"personal_data"})}


def dumps(record: Mapping[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _public(collection: str, record: Mapping[str, Any]) -> Record:
    hidden = PRIVATE_FIELDS.get(collection, frozenset())
    return {k: v for k, v in record.items() if k not in hidden}


def _row(collection: str, record: Mapping[str, Any], seq: int) -> dict[str, Any]:
    return {
        "id": record["id"],
        "seq": seq,
        "version": record["version"],
        "deleted": False,
        "body": dumps(_public(collection, record)),
        **COLUMN_EXTRACTORS[collection](record),
    }


def _batches(items: Iterable[Record], size: int) -> Iterator[list[Record]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def bulk_insert(
    conn: Connection, collection: str, records: Iterable[Record], *, updated_at: str | None = None
) -> int:
    """Insert new records (version 1) in batches; returns how many were written.

    Records carry the API fields except ``version`` and ``updated_at``, which are set here.
    """
    table = COLLECTION_TABLES[collection]
    stamp = updated_at or iso(utc_now())
    count = 0
    for batch in _batches(records, BULK_BATCH):
        first = next_seq(conn, len(batch))
        rows = []
        for offset, record in enumerate(batch):
            full = {**record, "version": 1, "updated_at": stamp}
            rows.append(_row(collection, full, first + offset))
        conn.execute(table.insert(), rows)
        count += len(batch)
    return count


def insert_record(conn: Connection, collection: str, record: Record) -> Record:
    """Insert one new record and return it as the API shows it."""
    full = {**record, "version": 1, "updated_at": iso(utc_now())}
    conn.execute(COLLECTION_TABLES[collection].insert(), _row(collection, full, next_seq(conn)))
    return _public(collection, full)


def load(conn: Connection, collection: str, record_id: str) -> tuple[Record, bool] | None:
    """The stored record with its private fields, and whether it is deleted."""
    table = COLLECTION_TABLES[collection]
    row = conn.execute(select(table.c.body, table.c.deleted).where(table.c.id == record_id)).first()
    if row is None:
        return None
    record: Record = json.loads(row.body)
    if collection == "registries":
        flag = conn.execute(
            select(table.c.personal_data).where(table.c.id == record_id)
        ).scalar_one()
        record["personal_data"] = bool(flag)
    return record, bool(row.deleted)


def replace_record(conn: Connection, collection: str, record: Record) -> Record:
    """Store a changed record: version + 1, a new seq, a new updated_at."""
    table = COLLECTION_TABLES[collection]
    full = {**record, "version": int(record["version"]) + 1, "updated_at": iso(utc_now())}
    values = _row(collection, full, next_seq(conn))
    conn.execute(update(table).where(table.c.id == record["id"]).values(**values))
    return _public(collection, full)


def delete_record(conn: Connection, collection: str, record_id: str) -> None:
    """A tombstone: the row stays, flagged, with a new seq, so delta sync reports it."""
    table = COLLECTION_TABLES[collection]
    conn.execute(
        update(table)
        .where(table.c.id == record_id)
        .values(deleted=True, seq=next_seq(conn), version=table.c.version + 1)
    )


def touch(conn: Connection, collection: str, record_ids: Iterable[str]) -> None:
    """Give records a new seq without changing them, so that delta sync re-evaluates who
    may see them (after an access change on their folder, say)."""
    table = COLLECTION_TABLES[collection]
    for record_id in record_ids:
        conn.execute(update(table).where(table.c.id == record_id).values(seq=next_seq(conn)))
