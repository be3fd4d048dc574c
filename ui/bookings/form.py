"""The booking form: title, room, day, start and end (Baku time, shown in the user's
locale). It checks nothing itself: the command does (``BookRoom``), on a worker, and its
refusals are worded here next to the form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from domains.bookings.commands import TITLE_MAX_CHARS, BookRoom
from domains.bookings.queries import BAKU, RoomRow
from domains.command import CommandRefused
from domains.writes import AppliedWrite
from ui.bookings.i18n import bookings_locale, name_control
from ui.bookings.words import problem_text
from ui.context import TabContext


class BookingDialog(QDialog):
    """Book ``room`` from ``start`` to ``end``; ``booked(local id)`` once it is queued."""

    booked = Signal(str)

    def __init__(
        self,
        context: TabContext,
        room: RoomRow,
        start: datetime,
        end: datetime,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("BookingDialog")
        self._context = context
        self._room = room
        self._clock = clock
        local_start, local_end = start.astimezone(BAKU), end.astimezone(BAKU)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(TITLE_MAX_CHARS + 1)
        self.room_label = QLabel(f"{room.name} · {room.building}", self)
        self.day_edit = QDateEdit(QDate(local_start.year, local_start.month, local_start.day), self)
        self.day_edit.setCalendarPopup(True)
        self.start_edit = QTimeEdit(QTime(local_start.hour, local_start.minute), self)
        self.end_edit = QTimeEdit(QTime(local_end.hour, local_end.minute), self)
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat(
                bookings_locale().timeFormat(bookings_locale().FormatType.ShortFormat)
            )
        self.day_edit.setLocale(bookings_locale())
        self.title_label, self.room_caption = QLabel(self), QLabel(self)
        self.day_label, self.start_label, self.end_label = QLabel(self), QLabel(self), QLabel(self)
        form.addRow(self.title_label, self.title_edit)
        form.addRow(self.room_caption, self.room_label)
        form.addRow(self.day_label, self.day_edit)
        form.addRow(self.start_label, self.start_edit)
        form.addRow(self.end_label, self.end_edit)
        layout.addLayout(form)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b02a37")
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Book a room"))
        self.title_label.setText(self.tr("&Title:"))
        self.title_label.setBuddy(self.title_edit)
        self.room_caption.setText(self.tr("Room:"))
        self.day_label.setText(self.tr("&Day:"))
        self.day_label.setBuddy(self.day_edit)
        self.start_label.setText(self.tr("&Start (Baku time):"))
        self.start_label.setBuddy(self.start_edit)
        self.end_label.setText(self.tr("&End (Baku time):"))
        self.end_label.setBuddy(self.end_edit)
        self.title_edit.setAccessibleName(self.tr("Meeting title"))
        name_control(self.day_edit, self.tr("Day of the booking"))
        name_control(self.start_edit, self.tr("Start time"))
        name_control(self.end_edit, self.tr("End time"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Book"))
        ok.setAccessibleName(self.tr("Book the room"))

    def _moment(self, time: QTime) -> datetime:
        day = self.day_edit.date()
        return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=BAKU)

    def command(self) -> BookRoom:
        return BookRoom(
            self._room.id,
            self.title_edit.text(),
            self._moment(self.start_edit.time()),
            self._moment(self.end_edit.time()),
            [],
            self._context.user,
            self._clock(),
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
        self.booked.emit(str(applied.write.record["id"]))
        self.accept()

    def _refused(self, refusal: CommandRefused) -> None:
        self.buttons.setEnabled(True)
        self.problems.setText("\n".join(problem_text(p) for p in refusal.problems))

    def _failed(self, _error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.problems.setText(self.tr("The booking could not be stored. Try again."))
