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
    ("bookings", "room_id"): QT_TRANSLATE_NOOP("ChangeWords", "room"),
    ("bookings", "start"): QT_TRANSLATE_NOOP("ChangeWords", "start"),
    ("bookings", "end"): QT_TRANSLATE_NOOP("ChangeWords", "end"),
    ("bookings", "title"): QT_TRANSLATE_NOOP("ChangeWords", "title"),
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
    "booking_new": _booking_new,
    "booking_changed": _booking_changed,
    "booking_cancelled": _booking_cancelled,
}


def describe(description: ChangeDescription) -> str:
    """What the change is, in the current language."""
    return SENTENCES.get(description.kind, _other)(description)
