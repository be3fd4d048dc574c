"""The bookings' field problems and sync states in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from domains.command import FieldProblem


def problem_text(problem: FieldProblem) -> str:
    """One refused field, worded (``domains.bookings.commands`` lists the codes)."""
    limit = str(problem.limit or "")
    if problem.field == "series" and problem.code == "taken":
        return QCoreApplication.translate(
            "BookingWords", "%1 dates of the series are taken: nothing was booked."
        ).replace("%1", limit)
    if problem.field == "series" and problem.code == "empty":
        return QCoreApplication.translate("BookingWords", "The series has no dates.")
    texts = {
        "empty": QCoreApplication.translate("BookingWords", "Give the meeting a title."),
        "too_long": QCoreApplication.translate(
            "BookingWords", "The title is too long (at most %1 characters)."
        ).replace("%1", limit),
        "invalid_characters": QCoreApplication.translate(
            "BookingWords", "The title contains characters that cannot be used."
        ),
        "end_before_start": QCoreApplication.translate(
            "BookingWords", "The end must come after the start."
        ),
        "too_long_booking": QCoreApplication.translate(
            "BookingWords", "A booking lasts at most %1 hours."
        ).replace("%1", limit),
        "in_past": QCoreApplication.translate("BookingWords", "The start is in the past."),
        "over_capacity": QCoreApplication.translate(
            "BookingWords", "The room seats at most %1 people."
        ).replace("%1", limit),
        "taken": QCoreApplication.translate(
            "BookingWords", "The room is already booked for part of that time."
        ),
        "gone": QCoreApplication.translate("BookingWords", "It no longer exists."),
        "forbidden": QCoreApplication.translate(
            "BookingWords", "Only the organizer or an administrator may change it."
        ),
        "cancelled": QCoreApplication.translate(
            "BookingWords", "A cancelled booking cannot be changed."
        ),
        "unchanged": QCoreApplication.translate("BookingWords", "Nothing was changed."),
        "closed": QCoreApplication.translate(
            "BookingWords", "The room is closed then: book within its opening hours."
        ),
        "not_yet": QCoreApplication.translate(
            "BookingWords", "Check-in opens 15 minutes before the start."
        ),
        "too_late": QCoreApplication.translate(
            "BookingWords", "Too late: nobody checked in and the room was released."
        ),
        "too_long_series": QCoreApplication.translate(
            "BookingWords", "A series reaches at most %1 days ahead."
        ).replace("%1", limit),
    }
    return texts.get(problem.code, problem.code)


def state_text(sync_state: str) -> str:
    """Where a booking stands with the server."""
    texts = {
        "synced": QCoreApplication.translate("BookingWords", "Confirmed by the server"),
        "pending": QCoreApplication.translate("BookingWords", "Waiting to be sent"),
        "uploading": QCoreApplication.translate("BookingWords", "Being sent"),
        "error": QCoreApplication.translate("BookingWords", "Refused by the server"),
        "conflict": QCoreApplication.translate("BookingWords", "Refused: the room was taken"),
    }
    return texts.get(sync_state, sync_state)
