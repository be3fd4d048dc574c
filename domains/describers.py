"""Which domain describes the queued changes of which collection (``domains.changes``).

A new domain adds its collection and describer here; the UI adds the words for its
``kind`` in ``ui/change_words.py``.
"""

from __future__ import annotations

from domains.bookings.changes import describe_booking_change
from domains.bookings.series_conflict import series_sides
from domains.changes import ConflictShaper, Describer
from domains.directory.changes import describe_person_change
from domains.documents.changes import describe_document_change, describe_share_change

__all__ = ["change_describers", "conflict_shapers"]


def change_describers() -> dict[str, Describer]:
    return {
        "people": describe_person_change,
        "documents": describe_document_change,
        "shares": describe_share_change,
        "bookings": describe_booking_change,
    }


def conflict_shapers() -> dict[str, ConflictShaper]:
    """How a collection's conflicts are shown when its sides are not one record's."""
    return {"bookings": series_sides}
