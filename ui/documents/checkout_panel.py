"""Check out / check in on the open document: who holds it, since when and until when,
and the one button that fits (check out, check in, or release for an administrator).
A version the server refused because someone else holds the document says so here."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from domains.documents.commands import active_checkout
from domains.documents.queries import REFUSED_CHECKOUT, REFUSED_DETAILS, refused_by_checkout
from ui.documents.i18n import documents_locale


def local_time_words(value: object) -> str:
    """A record's time (a lock's, an upload's) in the user's language, in local time."""
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value or "")
    shown = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    return documents_locale().toString(shown, "d MMM yyyy, HH:mm")


class CheckoutPanel(QWidget):
    """Shows a document's lock; ``checkOutRequested`` / ``checkInRequested`` ask the tab
    to queue the change (it may be offline: a queued change like any other)."""

    checkOutRequested = Signal()
    checkInRequested = Signal()

    def __init__(self, user: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._user_id = str(user.get("id") or "")
        self._is_admin = "admin" in (user.get("roles") or ())
        self._record: dict[str, Any] | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.refusal = QLabel()
        self.refusal.setWordWrap(True)
        self.refusal.setObjectName("warning")
        row = QHBoxLayout()
        self.check_out_button = QPushButton()
        self.check_out_button.clicked.connect(self.checkOutRequested)
        self.check_in_button = QPushButton()
        self.check_in_button.clicked.connect(self.checkInRequested)
        row.addWidget(self.check_out_button)
        row.addWidget(self.check_in_button)
        row.addStretch(1)
        column.addWidget(self.state)
        column.addWidget(self.refusal)
        column.addLayout(row)
        self.retranslate()

    def show_record(self, record: dict[str, Any] | None) -> None:
        self._record = record
        self.retranslate()

    def holder_name(self, record: dict[str, Any], checkout: dict[str, Any]) -> str:
        names = record.get("names") or {}
        holder = str(checkout.get("by") or "")
        return str(names.get(holder) or holder)

    def retranslate(self) -> None:
        self.check_out_button.setText(self.tr("Check &out for editing"))
        self.check_out_button.setAccessibleName(self.tr("Check out for editing"))
        record = self._record
        checkout = None
        if record is not None:
            server_side = record.get("conflict")
            checkout = active_checkout(record) or (
                active_checkout(server_side) if isinstance(server_side, dict) else None
            )
        mine = checkout is not None and str(checkout.get("by")) == self._user_id
        release = self.tr("Check &in") if mine else self.tr("&Release the check-out")
        self.check_in_button.setText(release)
        self.check_in_button.setAccessibleName(release.replace("&", ""))
        local = record is None or str(record.get("id", "")).startswith("local-")
        self.check_out_button.setVisible(record is not None and checkout is None and not local)
        self.check_in_button.setVisible(checkout is not None and (mine or self._is_admin))
        if record is None or checkout is None:
            self.state.setText(
                self.tr("Not checked out: anyone who may edit can upload a version.")
            )
        elif mine:
            self.state.setText(
                self.tr(
                    "You have checked this document out since %1. Others cannot upload "
                    "a version or change its details until you check it in (at the latest "
                    "%2)."
                )
                .replace("%1", local_time_words(checkout.get("at")))
                .replace("%2", local_time_words(checkout.get("expires_at")))
            )
        else:
            self.state.setText(
                self.tr(
                    "Checked out by %1 since %2. Only they can upload a new version or "
                    "change its details until they check it in (at the latest %3)."
                )
                .replace("%1", self.holder_name(record, checkout))
                .replace("%2", local_time_words(checkout.get("at")))
                .replace("%3", local_time_words(checkout.get("expires_at")))
            )
        self.state.setAccessibleName(self.state.text())
        refused = None if record is None else refused_by_checkout(record)
        if record is not None and refused is not None:
            self.refusal.setText(
                self._refusal_words(record.get("refused_change"))
                .replace("%1", self.holder_name(record, refused) if refused else self.tr("someone"))
                .replace("%2", local_time_words(refused.get("at")) if refused else "")
            )
            self.refusal.setAccessibleName(self.refusal.text())
            self.refusal.show()
        else:
            self.refusal.hide()

    def _refusal_words(self, refused_change: object) -> str:
        """What the server did not take (``document_record``'s ``refused_change``)."""
        if refused_change == REFUSED_DETAILS:
            return self.tr(
                "The server did not take your change to the details: %1 has checked this "
                "document out since %2. Your change is kept here: retry it in "
                "\u201cChanges waiting\u201d once they check it in, or discard it."
            )
        if refused_change == REFUSED_CHECKOUT:
            return self.tr(
                "The server did not check the document out for you: %1 has had it "
                "checked out since %2. Discard your check-out in \u201cChanges waiting\u201d."
            )
        return self.tr(
            "The server did not take your new version: %1 has checked this "
            "document out since %2. Your file is kept here: retry it in "
            "\u201cChanges waiting\u201d once they check it in, or discard it."
        )
