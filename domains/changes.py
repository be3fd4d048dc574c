"""The changes waiting for the server, described as data the UI puts into words.

Each domain describes its own outbox entries (``domains.<domain>.changes.describe``):
what kind of change it is, whose record, which fields. The UI words a
``ChangeDescription`` per ``kind`` in the user's language (``ui/change_words.py``), so
a new tab adds a describer here and a sentence there, and nothing Qt lives below ``ui``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlite_utils

from cache.outbox import Outbox, OutboxEntry, OutboxState
from cache.schema import Catalog
from cache.store import RecordStore

__all__ = [
    "ChangeDescription",
    "ConflictShaper",
    "ConflictSides",
    "Describer",
    "WaitingChange",
    "conflict_sides",
    "waiting_changes",
]


@dataclass(frozen=True)
class ChangeDescription:
    """What a change is, without words: ``kind`` picks the sentence (``contact_details``),
    ``subject`` names the record (a person's full name), ``fields`` what was changed."""

    kind: str
    subject: str
    fields: tuple[str, ...] = ()


Describer = Callable[[sqlite_utils.Database, OutboxEntry], ChangeDescription]


@dataclass(frozen=True)
class WaitingChange:
    """One change not yet accepted by the server, as the "Changes waiting" window lists it."""

    entry_id: int
    collection: str | None
    record_id: str | None
    created_at: datetime
    state: OutboxState
    last_error: str | None
    description: ChangeDescription
    blocked: bool
    """It waits behind an earlier refused or conflicting change to the same record."""


def _generic(_db: sqlite_utils.Database, entry: OutboxEntry) -> ChangeDescription:
    fields = tuple(sorted(entry.body)) if isinstance(entry.body, dict) else ()
    return ChangeDescription("other", entry.record_id or entry.path, fields)


def waiting_changes(
    db: sqlite_utils.Database, catalog: Catalog, describers: Mapping[str, Describer]
) -> list[WaitingChange]:
    """Every outbox entry, oldest first, described by its collection's describer."""
    entries = Outbox(db, catalog).all()
    stuck: set[tuple[str | None, str | None]] = set()
    listed = []
    for entry in entries:
        key = (entry.collection, entry.record_id)
        describe = describers.get(entry.collection or "", _generic)
        listed.append(
            WaitingChange(
                entry_id=entry.id,
                collection=entry.collection,
                record_id=entry.record_id,
                created_at=entry.created_at,
                state=entry.state,
                last_error=entry.last_error,
                description=describe(db, entry),
                blocked=entry.record_id is not None and key in stuck,
            )
        )
        if entry.state in (OutboxState.ERROR, OutboxState.CONFLICT):
            stuck.add(key)
    return listed


@dataclass(frozen=True)
class ConflictSides:
    """Both versions of a record in conflict, and who changed the server's and when."""

    collection: str
    record_id: str
    mine: dict[str, Any]
    theirs: dict[str, Any]
    changed_by: str | None
    """The full name of whoever changed the server's version, when the record says."""
    changed_at: datetime | None
    kind: str = "record"
    """What the sides describe: the record itself, or (a domain's ``ConflictShaper``)
    something it belongs to, such as ``booking_series``; its fields are the kind's."""
    parent_version: int | None = None
    """The server's version of that parent (what an edit builds on), when it is one."""


ConflictShaper = Callable[[sqlite_utils.Database, Catalog, ConflictSides], ConflictSides]
"""A domain's view of a conflict's sides (``domains.describers.conflict_shapers``)."""


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def conflict_sides(
    db: sqlite_utils.Database,
    catalog: Catalog,
    collection: str,
    record_id: str,
    shapers: Mapping[str, ConflictShaper] | None = None,
) -> ConflictSides | None:
    """The two sides of a conflicted record, as its collection's shaper (if any) shows
    them; None when it is in conflict no more."""
    stored = RecordStore(db, catalog).get(collection, record_id)
    if stored is None or stored.conflict is None:
        return None
    theirs = stored.conflict
    changed_by = None
    author = theirs.get("updated_by")
    if isinstance(author, str) and author:
        row = db.conn.execute("SELECT record FROM people WHERE id = ?", (author,)).fetchone()
        changed_by = str(json.loads(row[0]).get("full_name") or author) if row else author
    sides = ConflictSides(
        collection=collection,
        record_id=record_id,
        mine=dict(stored.record),
        theirs=dict(theirs),
        changed_by=changed_by,
        changed_at=_parse_time(theirs.get("updated_at")),
    )
    shape = (shapers or {}).get(collection)
    return sides if shape is None else shape(db, catalog, sides)
