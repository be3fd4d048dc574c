"""Which domain describes the queued changes of which collection (``domains.changes``).

A new domain adds its collection and describer here; the UI adds the words for its
``kind`` in ``ui/change_words.py``.
"""

from __future__ import annotations

from domains.bookings.changes import describe_booking_change
from domains.changes import Describer
from domains.directory.changes import describe_person_change
from domains.documents.changes import describe_document_change, describe_share_change

__all__ = ["change_describers"]


def change_describers() -> dict[str, Describer]:
    return {
        "people": describe_person_change,
        "documents": describe_document_change,
        "shares": describe_share_change,
        "bookings": describe_booking_change,
    }
