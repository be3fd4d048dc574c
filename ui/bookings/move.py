"""Moving a booking to another time and/or room: the "Move…" dialog (the keyboard's way)
and ``BookingMover``, which queues what a drag in the day grid or the dialog asked for.
Both go through ``MoveBooking`` and ``Writes.apply``: offline the move is queued and the
block shows as waiting; the server may still refuse it (409: the details offer
alternatives, 412: the conflict screen), as for any change of a booking."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from domains.bookings.commands import MoveBooking
from domains.bookings.queries import BAKU, BookingBlock, RoomRow
from domains.command import CommandRefused
from domains.writes import AppliedWrite
from ui.bookings.i18n import bookings_locale, local_time_text, name_control
from ui.bookings.words import problem_text
from ui.context import TabContext

Clock = Callable[[], datetime]


def may_move(block: BookingBlock, user: Mapping[str, Any]) -> bool:
    """What the grid lets the user drag: their own booking (or any, for an admin), not
    cancelled, not refused (a refused one is replaced from its alternatives instead)."""
    mine = block.organizer_id == str(user.get("id")) or "admin" in (user.get("roles") or ())
    return mine and block.status != "cancelled" and block.sync_state not in ("error", "conflict")


class MoveDialog(QDialog):
    """Room, day, start and end of one booking; ``moved(id)`` once the move is queued."""

    moved = Signal(str)

    def __init__(
        self,
        context: TabContext,
        block: BookingBlock,
        rooms: Sequence[RoomRow],
        clock: Clock = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MoveDialog")
        self._context, self._block, self._clock = context, block, clock
        start, end = block.start.astimezone(BAKU), block.end.astimezone(BAKU)
        layout = QVBoxLayout(self)
        self.what = QLabel(self)
        self.what.setWordWrap(True)
        layout.addWidget(self.what)
        form = QFormLayout()
        self.room_box = QComboBox(self)
        self._rooms = list(rooms)
        for room in rooms:
            self.room_box.addItem(room.name, room.id)
        if self.room_box.findData(block.room_id) < 0:
            self.room_box.addItem(block.room_id, block.room_id)
        self.room_box.setCurrentIndex(self.room_box.findData(block.room_id))
        self.day_edit = QDateEdit(QDate(start.year, start.month, start.day), self)
        self.day_edit.setCalendarPopup(True)
        times = QHBoxLayout()
        self.start_edit = QTimeEdit(QTime(start.hour, start.minute), self)
        self.end_edit = QTimeEdit(QTime(end.hour, end.minute), self)
        short = bookings_locale().timeFormat(bookings_locale().FormatType.ShortFormat)
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat(short)
        times.addWidget(self.start_edit)
        self.dash = QLabel("–", self)
        times.addWidget(self.dash)
        times.addWidget(self.end_edit)
        self.room_label, self.day_label, self.time_label = QLabel(self), QLabel(self), QLabel(self)
        form.addRow(self.room_label, self.room_box)
        form.addRow(self.day_label, self.day_edit)
        form.addRow(self.time_label, times)
        layout.addLayout(form)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b02a37")
        layout.addWidget(self.problems)
        # Buttons of its own: Qt words standard ones again on a language change.
        self.buttons = QDialogButtonBox(self)
        self.move_button = QPushButton(self)
        self.move_button.setDefault(True)
        self.cancel_button = QPushButton(self)
        self.buttons.addButton(self.move_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _moment(self, time: QTime) -> datetime:
        day = self.day_edit.date()
        return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=BAKU)

    def command(self) -> MoveBooking:
        room_id = str(self.room_box.currentData())
        return MoveBooking(
            self._block.id,
            self._context.user,
            self._clock(),
            room_id=None if room_id == self._block.room_id else room_id,
            start=self._moment(self.start_edit.time()),
            end=self._moment(self.end_edit.time()),
        )

    def submit(self) -> None:
        self.problems.clear()
        self.buttons.setEnabled(False)
        self._context.writes.apply(
            self.command(),
            owner=self,
            on_done=self._queued,
            on_refused=self._refused,
            on_error=self._failed,
        )

    def _queued(self, applied: AppliedWrite) -> None:
        self.buttons.setEnabled(True)
        self.moved.emit(str(applied.write.record["id"]))
        self.accept()

    def _refused(self, refusal: CommandRefused) -> None:
        self.buttons.setEnabled(True)
        self.problems.setText("\n".join(problem_text(p) for p in refusal.problems))

    def _failed(self, _error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.problems.setText(self.tr("The move could not be stored. Try again."))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Move a booking"))
        block = self._block
        self.what.setText(
            self.tr("Move “%1” (now %2–%3) to:")
            .replace("%1", block.title)
            .replace("%2", local_time_text(block.start))
            .replace("%3", local_time_text(block.end))
        )
        self.room_label.setText(self.tr("&Room:"))
        self.room_label.setBuddy(self.room_box)
        self.room_box.setAccessibleName(self.tr("New room"))
        for index, room in enumerate(self._rooms):
            self.room_box.setItemText(
                index,
                self.tr("%1 · %2 seats").replace("%1", room.name).replace("%2", str(room.capacity)),
            )
        self.day_label.setText(self.tr("&Day:"))
        self.day_label.setBuddy(self.day_edit)
        name_control(self.day_edit, self.tr("New day"))
        self.time_label.setText(self.tr("&Time:"))
        self.time_label.setBuddy(self.start_edit)
        name_control(self.start_edit, self.tr("New start"))
        name_control(self.end_edit, self.tr("New end"))
        self.move_button.setText(self.tr("Move"))
        self.move_button.setAccessibleName(self.tr("Move the booking"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Keep the booking where it is"))


class BookingMover(QObject):
    """Queues the moves the grid's drags ask for, and words what happened: ``said(text)``
    (a refusal, before anything is queued), ``moved(id)`` (queued)."""

    said = Signal(str)
    moved = Signal(str)

    def __init__(self, context: TabContext, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context, self._clock = context, clock

    def move(self, booking_id: str, room_id: str, start: datetime, end: datetime) -> None:
        self._context.writes.apply(
            MoveBooking(
                booking_id, self._context.user, self._clock(), room_id=room_id, start=start, end=end
            ),
            owner=self,
            on_done=lambda applied: self.moved.emit(str(applied.write.record["id"])),
            on_refused=self.refused,
            on_error=lambda _e: self.said.emit(self.tr("The move could not be stored. Try again.")),
        )

    def refused(self, refusal: CommandRefused) -> None:
        reasons = " ".join(problem_text(p) for p in refusal.problems)
        self.said.emit(self.tr("Not moved: %1").replace("%1", reasons))

    def clashed(self, clash: BookingBlock) -> None:
        """A drop over a booking the grid shows: refused here, nothing queued."""
        self.said.emit(
            self.tr("Not moved: the room is taken then by “%1” (%2–%3, %4).")
            .replace("%1", clash.title)
            .replace("%2", local_time_text(clash.start))
            .replace("%3", local_time_text(clash.end))
            .replace("%4", clash.organizer_name)
        )
