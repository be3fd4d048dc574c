"""Queued changes in words: the sentence for each ``ChangeDescription.kind`` and the
names of the fields it lists (``domains.changes``). A new tab adds its kinds here."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from domains.changes import ChangeDescription

CONTEXT = "ChangeWords"

FIELD_NAMES: dict[tuple[str, str], object] = {
    ("people", "phone"): QT_TRANSLATE_NOOP("ChangeWords", "work phone"),
    ("people", "mobile"): QT_TRANSLATE_NOOP("ChangeWords", "mobile"),
    ("people", "office"): QT_TRANSLATE_NOOP("ChangeWords", "office"),
    ("documents", "title"): QT_TRANSLATE_NOOP("ChangeWords", "title"),
    ("documents", "description"): QT_TRANSLATE_NOOP("ChangeWords", "description"),
    ("documents", "tags"): QT_TRANSLATE_NOOP("ChangeWords", "tags"),
    ("bookings", "room_id"): QT_TRANSLATE_NOOP("ChangeWords", "room"),
    ("bookings", "start"): QT_TRANSLATE_NOOP("ChangeWords", "start"),
    ("bookings", "end"): QT_TRANSLATE_NOOP("ChangeWords", "end"),
    ("bookings", "title"): QT_TRANSLATE_NOOP("ChangeWords", "title"),
    # a series changed on both sides (``domains.bookings.series_conflict``)
    ("booking_series", "title"): QT_TRANSLATE_NOOP("ChangeWords", "title"),
    ("booking_series", "room"): QT_TRANSLATE_NOOP("ChangeWords", "room"),
    ("booking_series", "weekdays"): QT_TRANSLATE_NOOP("ChangeWords", "every"),
    ("booking_series", "time"): QT_TRANSLATE_NOOP("ChangeWords", "time"),
    ("booking_series", "dates"): QT_TRANSLATE_NOOP("ChangeWords", "from – to"),
    ("booking_series", "occurrences"): QT_TRANSLATE_NOOP("ChangeWords", "occurrences"),
}


def _tr(source: object) -> str:
    """``QT_TRANSLATE_NOOP`` marks the text for lupdate; this looks it up."""
    return QCoreApplication.translate(CONTEXT, str(source))


def field_name(collection: str, field: str) -> str:
    """A field as the user knows it (the field's own name if it has no words yet)."""
    source = FIELD_NAMES.get((collection, field))
    return _tr(source) if source else field


def _contact_details(description: ChangeDescription) -> str:
    fields = ", ".join(field_name("people", name) for name in description.fields)
    text = _tr(QT_TRANSLATE_NOOP("ChangeWords", "Contact details of %1")).replace(
        "%1", description.subject
    )
    return f"{text}: {fields}" if fields else text


def _person(description: ChangeDescription) -> str:
    return _tr(QT_TRANSLATE_NOOP("ChangeWords", "Card of %1")).replace("%1", description.subject)


def _other(description: ChangeDescription) -> str:
    return _tr(QT_TRANSLATE_NOOP("ChangeWords", "Change to %1")).replace("%1", description.subject)


def _document_words(source: object) -> Callable[[ChangeDescription], str]:
    """A documents' sentence with the title as %1 and, if any, the fields or the
    recipient as %2 (``domains.documents.changes``)."""

    def word(description: ChangeDescription) -> str:
        text = _tr(source).replace("%1", description.subject)
        if description.kind == "document_details":
            fields = ", ".join(field_name("documents", name) for name in description.fields)
            return f"{text}: {fields}" if fields else text
        return text.replace("%2", ", ".join(description.fields))

    return word


def _booking_new(description: ChangeDescription) -> str:
    text = QT_TRANSLATE_NOOP("ChangeWords", "New booking: %1")
    return _tr(text).replace("%1", description.subject)


def _booking_changed(description: ChangeDescription) -> str:
    fields = ", ".join(field_name("bookings", name) for name in description.fields)
    text = _tr(QT_TRANSLATE_NOOP("ChangeWords", "Changed booking: %1")).replace(
        "%1", description.subject
    )
    return f"{text} ({fields})" if fields else text


def _booking_cancelled(description: ChangeDescription) -> str:
    text = QT_TRANSLATE_NOOP("ChangeWords", "Cancelled booking: %1")
    return _tr(text).replace("%1", description.subject)


SENTENCES: dict[str, Callable[[ChangeDescription], str]] = {
    "contact_details": _contact_details,
    "person": _person,
    "document_upload": _document_words(QT_TRANSLATE_NOOP("ChangeWords", "Upload of %1")),
    "document_version": _document_words(QT_TRANSLATE_NOOP("ChangeWords", "New version of %1")),
    "document_details": _document_words(QT_TRANSLATE_NOOP("ChangeWords", "Details of %1")),
    "share_sent": _document_words(QT_TRANSLATE_NOOP("ChangeWords", "%1 sent to %2")),
    "share_read": _document_words(QT_TRANSLATE_NOOP("ChangeWords", "%1 marked as read")),
    "booking_new": _booking_new,
    "booking_changed": _booking_changed,
    "booking_cancelled": _booking_cancelled,
}


def describe(description: ChangeDescription) -> str:
    """What the change is, in the current language."""
    return SENTENCES.get(description.kind, _other)(description)
