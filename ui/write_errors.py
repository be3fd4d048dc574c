"""The server's final answer to a queued change, in the user's words.

The outbox keeps a refusal as "<status> <code>: <detail>" (``ApiProblem.refusal_text``);
each ``code`` the server can answer a write with has its sentence here, then each status,
and only for what neither knows the server's own (English) sentence is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from client.errors import parse_refusal

CONTEXT = "WriteErrors"

BY_CODE: dict[str, object] = {
    "bad_request": QT_TRANSLATE_NOOP(
        "WriteErrors", "The server could not read the change. Discard it and make it again."
    ),
    "idempotency_key_missing": QT_TRANSLATE_NOOP(
        "WriteErrors", "The change was sent without its one-time key. Discard it and make it again."
    ),
    "idempotency_key_invalid": QT_TRANSLATE_NOOP(
        "WriteErrors",
        "The change carries a one-time key the server does not accept. Discard it and make "
        "it again.",
    ),
    "unauthorized": QT_TRANSLATE_NOOP(
        "WriteErrors", "You are not signed in. Sign in again and the change will be sent."
    ),
    "invalid_token": QT_TRANSLATE_NOOP(
        "WriteErrors", "Your sign-in has ended. Sign in again and the change will be sent."
    ),
    "token_expired": QT_TRANSLATE_NOOP(
        "WriteErrors", "Your sign-in has ended. Sign in again and the change will be sent."
    ),
    "token_reused": QT_TRANSLATE_NOOP(
        "WriteErrors", "Your sign-in has ended. Sign in again and the change will be sent."
    ),
    "invalid_credentials": QT_TRANSLATE_NOOP(
        "WriteErrors", "Your sign-in has ended. Sign in again and the change will be sent."
    ),
    "device_revoked": QT_TRANSLATE_NOOP(
        "WriteErrors", "An administrator has disconnected this computer from the Intranet."
    ),
    "forbidden": QT_TRANSLATE_NOOP("WriteErrors", "You are not allowed to make this change."),
    "not_found": QT_TRANSLATE_NOOP("WriteErrors", "The record no longer exists on the server."),
    "method_not_allowed": QT_TRANSLATE_NOOP(
        "WriteErrors", "The server does not accept this kind of change."
    ),
    "not_acceptable": QT_TRANSLATE_NOOP(
        "WriteErrors", "The server cannot answer in a form the application reads."
    ),
    "booking_conflict": QT_TRANSLATE_NOOP(
        "WriteErrors", "The room is already booked for this time."
    ),
    "idempotency_in_progress": QT_TRANSLATE_NOOP(
        "WriteErrors", "The server is still working on this change. It will be checked again."
    ),
    "cursor_expired": QT_TRANSLATE_NOOP(
        "WriteErrors", "The data on this computer must be synchronised again from the start."
    ),
    "version_mismatch": QT_TRANSLATE_NOOP(
        "WriteErrors",
        "Someone changed this record on the server meanwhile. Choose which version to keep.",
    ),
    "too_large": QT_TRANSLATE_NOOP("WriteErrors", "The change is larger than the server accepts."),
    "unsupported_media_type": QT_TRANSLATE_NOOP(
        "WriteErrors", "The server does not accept this type of file."
    ),
    "range_not_satisfiable": QT_TRANSLATE_NOOP(
        "WriteErrors", "The requested part of the file does not exist."
    ),
    "validation_error": QT_TRANSLATE_NOOP(
        "WriteErrors", "The server did not accept the values: %1"
    ),
    "idempotency_key_reused": QT_TRANSLATE_NOOP(
        "WriteErrors",
        "The server already received a different change under the same key. Discard this "
        "one and make it again.",
    ),
    "precondition_required": QT_TRANSLATE_NOOP(
        "WriteErrors",
        "The change was sent without the version it builds on. Discard it and make it again.",
    ),
    "rate_limited": QT_TRANSLATE_NOOP(
        "WriteErrors", "Too many changes at once. The change will be sent again shortly."
    ),
    "booking_released": QT_TRANSLATE_NOOP(
        "WriteErrors",
        "Nobody checked in within 15 minutes of the start, so the room was released. "
        "Book it again if it is still free.",
    ),
    "outside_opening_hours": QT_TRANSLATE_NOOP(
        "WriteErrors", "The room is closed at that time: book within its opening hours."
    ),
    "checked_out": QT_TRANSLATE_NOOP(
        "WriteErrors",
        "Someone else has checked this document out for editing. Send your change once "
        "they check it in, or discard it.",
    ),
    "upload_closed": QT_TRANSLATE_NOOP(
        "WriteErrors", "The upload was cancelled or has expired. It will be sent again."
    ),
    "upload_incomplete": QT_TRANSLATE_NOOP(
        "WriteErrors", "The server has not received the whole file yet. It will be sent again."
    ),
    "upload_offset_mismatch": QT_TRANSLATE_NOOP(
        "WriteErrors", "The upload lost its place. It continues from what the server has."
    ),
}
"""Every code the server answers a request with (``server/errors.py`` and the routes);
tests/ui/test_write_errors.py finds them in the server's code and checks each is here."""

BY_STATUS: dict[int, object] = {
    400: BY_CODE["bad_request"],
    401: BY_CODE["unauthorized"],
    403: BY_CODE["forbidden"],
    404: BY_CODE["not_found"],
    405: BY_CODE["method_not_allowed"],
    406: BY_CODE["not_acceptable"],
    409: QT_TRANSLATE_NOOP("WriteErrors", "The change collides with the server's data."),
    410: QT_TRANSLATE_NOOP("WriteErrors", "The record is gone from the server."),
    412: BY_CODE["version_mismatch"],
    413: BY_CODE["too_large"],
    415: BY_CODE["unsupported_media_type"],
    416: BY_CODE["range_not_satisfiable"],
    423: BY_CODE["checked_out"],
    422: QT_TRANSLATE_NOOP("WriteErrors", "The server did not accept the values."),
    428: BY_CODE["precondition_required"],
    429: BY_CODE["rate_limited"],
}


def _translate(source: object) -> str:
    """``QT_TRANSLATE_NOOP`` marks the text for lupdate; this looks it up."""
    return QCoreApplication.translate(CONTEXT, str(source))


def sentence(status: int | None, code: str | None, detail: str) -> str:
    """The sentence for one answer: by code, else by status, else the server's own."""
    source = BY_CODE.get(code or "") or BY_STATUS.get(status or 0)
    if source is None:
        return detail or _translate(
            QT_TRANSLATE_NOOP("WriteErrors", "The server refused the change.")
        )
    text = _translate(source)
    if "%1" in text:
        text = text.replace("%1", detail) if detail else _translate(BY_STATUS[422])
    return text


def refusal_sentence(stored: str | None) -> str:
    """The sentence for an outbox entry's ``last_error`` (or a record's ``sync_error``)."""
    if stored in BY_CODE:  # a 412 is kept as its bare code
        return sentence(None, stored, "")
    refusal = parse_refusal(stored)
    return sentence(refusal.status, refusal.code, refusal.detail)
