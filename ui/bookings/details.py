"""The chosen booking: what, where, when, who, where it stands with the server; cancel it;
export it as .ics. A booking the server refused (``booking_conflict``) shows what it
clashed with and, one click each, the nearest alternatives: another free room as big and
as equipped at that time, or the nearest free time in the same room. Taking one replaces
the refused booking in the outbox (``writes.edit_and_keep``); "Discard" drops it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlite_utils
from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from domains.bookings.commands import BookRoom, CancelBooking
from domains.bookings.queries import Alternatives, BookingBlock, Slot, alternatives_for, booking
from domains.command import CommandRefused
from ui.bookings.i18n import local_day_text, local_time_text
from ui.bookings.rules_panel import BookingRulesPanel
from ui.bookings.words import problem_text, state_text
from ui.context import TabContext


@dataclass(frozen=True)
class Shown:
    block: BookingBlock
    room_name: str
    alternatives: Alternatives | None


def _load(booking_id: str, now: datetime) -> Callable[[sqlite_utils.Database], Shown | None]:
    def load(db: sqlite_utils.Database) -> Shown | None:
        block = booking(db, booking_id)
        if block is None:
            return None
        row = db.conn.execute("SELECT name FROM rooms WHERE id = ?", (block.room_id,)).fetchone()
        refused = block.sync_state == "conflict"
        alternatives = alternatives_for(db, booking_id, now) if refused else None
        return Shown(block, block.room_id if row is None else str(row[0]), alternatives)

    return load


def span_text(start: datetime, end: datetime) -> str:
    return f"{local_day_text(start.date())}, {local_time_text(start)}–{local_time_text(end)}"


class BookingDetails(QWidget):
    """Shows one booking; ``exportRequested(id)``; ``changed(id)`` after a queued action."""

    exportRequested = Signal(str)
    changeRequested = Signal(object, str)
    """The shown ``BookingBlock`` and its room's name: open the form to change it."""
    changed = Signal(str)
    moveRequested = Signal(object)
    """The shown ``BookingBlock``: open the "Move…" dialog (room and time)."""

    def __init__(
        self,
        context: TabContext,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("BookingDetails")
        self._context = context
        self._clock = clock
        self._shown: Shown | None = None
        self._wanted: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.refusal = QLabel(self)
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #b02a37")
        layout.addWidget(self.refusal)
        self.alternatives_box = QVBoxLayout()
        layout.addLayout(self.alternatives_box)
        self.alternative_buttons: list[QPushButton] = []
        row = QHBoxLayout()
        self.change_button = QPushButton(self)
        self.change_button.clicked.connect(self._change)
        self.move_button = QPushButton(self)
        self.move_button.clicked.connect(self._move)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel_booking)
        self.discard_button = QPushButton(self)
        self.discard_button.clicked.connect(self.discard_refused)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self._export)
        for button in (
            self.change_button,
            self.move_button,
            self.cancel_button,
            self.discard_button,
            self.export_button,
        ):
            row.addWidget(button)
        layout.addLayout(row)
        self.rules = BookingRulesPanel(context, clock, self)
        self.rules.changed.connect(self.changed)
        layout.addWidget(self.rules)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        layout.addWidget(self.problems)
        self._retranslate()
        self._render()

    def _change(self) -> None:
        if self._shown is not None:
            self.changeRequested.emit(self._shown.block, self._shown.room_name)

    def _move(self) -> None:
        if self._shown is not None:
            self.moveRequested.emit(self._shown.block)

    def _export(self) -> None:
        if self._shown is not None:
            self.exportRequested.emit(self._shown.block.id)

    def shown_id(self) -> str | None:
        """The booking shown, or asked for and still loading (a refresh must not bring
        back the one before it)."""
        return self._wanted

    def show_booking(self, booking_id: str | None) -> None:
        self._wanted = booking_id
        self.rules.show_booking(booking_id)
        if booking_id is None:
            self._shown = None
            self._render()
            return
        self._context.reads.query(
            _load(booking_id, self._clock()), self._loaded, owner=self, key="booking-details"
        )

    def _loaded(self, shown: Shown | None) -> None:
        self._shown = shown
        self._render()

    def _render(self) -> None:
        for button in self.alternative_buttons:
            button.deleteLater()
        self.alternative_buttons = []
        self.problems.clear()
        shown = self._shown
        if shown is None:
            self.summary.setText(
                self.tr("Choose a booking in the grid, or drag over free time to book.")
            )
            self.refusal.clear()
            for button in (
                self.change_button,
                self.move_button,
                self.cancel_button,
                self.discard_button,
                self.export_button,
            ):
                button.setVisible(False)
            return
        block = shown.block
        lines = [
            f"<b>{_escape(block.title)}</b>",
            _escape(shown.room_name),
            _escape(span_text(block.start, block.end)),
            _escape(self.tr("Organizer: %1").replace("%1", block.organizer_name)),
            _escape(state_text(block.sync_state)),
        ]
        if block.status == "cancelled":
            lines.append(_escape(self.tr("Cancelled")))
        self.summary.setText("<br>".join(lines))
        refused = shown.alternatives is not None
        self.cancel_button.setVisible(not refused and block.status != "cancelled")
        self.change_button.setVisible(not refused and block.status != "cancelled")
        self.move_button.setVisible(not refused and block.status != "cancelled")
        self.discard_button.setVisible(refused or block.sync_state == "error")
        self.export_button.setVisible(not block.id.startswith("local-"))
        self.refusal.clear()
        if shown.alternatives is not None:
            self._render_alternatives(shown.alternatives)

    def _render_alternatives(self, found: Alternatives) -> None:
        clashes = "; ".join(
            f"{c.title} ({local_time_text(c.start)}–{local_time_text(c.end)}, {c.organizer_name})"
            for c in found.clashes
        )
        text = self.tr("The server refused this booking: the room was taken.")
        if clashes:
            text += " " + self.tr("It clashed with: %1").replace("%1", clashes)
        if found.other_rooms or found.same_room:
            text += " " + self.tr("Take one of these instead:")
        else:
            text += " " + self.tr("No free room or time nearby is known.")
        self.refusal.setText(text)
        slots: list[Slot] = list(found.other_rooms[:3])
        if found.same_room is not None:
            slots.append(found.same_room)
        for slot in slots:
            label = (
                self.tr("%1, %2")
                .replace("%1", slot.room.name)
                .replace("%2", span_text(slot.start, slot.end))
            )
            button = QPushButton(label, self)
            button.setAccessibleName(self.tr("Book instead: %1").replace("%1", label))
            button.clicked.connect(lambda _checked=False, s=slot: self.take_alternative(s))
            self.alternatives_box.addWidget(button)
            self.alternative_buttons.append(button)

    # --- actions ------------------------------------------------------------------------

    def take_alternative(self, slot: Slot) -> None:
        """The refused booking is replaced by the same meeting in ``slot`` (one outbox change)."""
        if self._shown is None:
            return
        block = self._shown.block
        command = BookRoom(
            slot.room.id,
            block.title,
            slot.start,
            slot.end,
            list(block.attendee_ids),
            self._context.user,
            self._clock(),
        )
        self._context.writes.edit_and_keep(
            "bookings",
            block.id,
            command,
            owner=self,
            on_done=lambda applied: self._after(str(applied.write.record["id"])),
            on_refused=self._refused,
        )

    def cancel_booking(self) -> None:
        if self._shown is None:
            return
        self._context.writes.apply(
            CancelBooking(self._shown.block.id, self._context.user),
            owner=self,
            on_done=lambda applied: self._after(str(applied.write.record["id"])),
            on_refused=self._refused,
        )

    def discard_refused(self) -> None:
        if self._shown is None:
            return
        booking_id = self._shown.block.id
        self._context.writes.discard(
            "bookings", booking_id, owner=self, on_done=lambda _c: self._after(booking_id)
        )

    def _after(self, booking_id: str) -> None:
        self.changed.emit(booking_id)
        self.show_booking(booking_id)

    def _refused(self, refusal: CommandRefused) -> None:
        self.problems.setText("\n".join(problem_text(p) for p in refusal.problems))

    # --- language -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._render()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.change_button.setText(self.tr("C&hange…"))
        self.change_button.setAccessibleName(self.tr("Change the time or title of the booking"))
        self.move_button.setText(self.tr("&Move…"))
        self.move_button.setAccessibleName(self.tr("Move the booking to another room or time"))
        self.cancel_button.setText(self.tr("&Cancel booking"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the chosen booking"))
        self.discard_button.setText(self.tr("&Discard"))
        self.discard_button.setAccessibleName(self.tr("Discard the refused booking"))
        self.export_button.setText(self.tr("Export .ics…"))
        self.export_button.setAccessibleName(self.tr("Export the booking as an iCalendar file"))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
