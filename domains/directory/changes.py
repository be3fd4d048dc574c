"""How a queued change to a person reads: "Contact details of <full name>: phone, office"."""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlite_utils

from cache.outbox import OutboxEntry
from cache.schema import SyncState
from cache.store import RecordStore
from domains.changes import ChangeDescription
from domains.directory.collections import DIRECTORY

__all__ = ["CONTACT_FIELDS", "SyncMark", "describe_person_change", "person_sync_mark"]

CONTACT_FIELDS = ("phone", "mobile", "office")
"""What "My details" may change, in the order the UI shows them."""


def _full_name(db: sqlite_utils.Database, person_id: str | None) -> str:
    if person_id is None:
        return ""
    row = db.conn.execute("SELECT record FROM people WHERE id = ?", (person_id,)).fetchone()
    if row is None:
        return person_id
    record = json.loads(row[0])
    name = record.get("full_name") or " ".join(
        str(record.get(part) or "") for part in ("family_name", "given_name", "patronymic")
    )
    return str(name).strip() or person_id


def describe_person_change(db: sqlite_utils.Database, entry: OutboxEntry) -> ChangeDescription:
    """A PATCH of a card is "contact details"; the fields in the order of the form."""
    body = entry.body if isinstance(entry.body, dict) else {}
    fields = tuple(name for name in CONTACT_FIELDS if name in body)
    fields += tuple(sorted(name for name in body if name not in CONTACT_FIELDS))
    kind = "contact_details" if entry.method == "PATCH" else "person"
    return ChangeDescription(kind, _full_name(db, entry.record_id), fields)


@dataclass(frozen=True)
class SyncMark:
    """Where a card's local change stands: ``state`` is a ``SyncState`` value other than
    synced; ``error`` the stored refusal (``ApiProblem.refusal_text``) or None."""

    state: str
    error: str | None


def person_sync_mark(db: sqlite_utils.Database, person_id: str) -> SyncMark | None:
    """The mark a card carries while a change of it waits; None when it is synced."""
    stored = RecordStore(db, DIRECTORY).get("people", person_id)
    if stored is None or stored.sync_state == SyncState.SYNCED:
        return None
    return SyncMark(stored.sync_state.value, stored.sync_error)
