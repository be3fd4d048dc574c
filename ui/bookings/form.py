"""The booking form: title, room, day, start and end (Baku time, shown in the user's
locale). It checks nothing itself: the command does (``BookRoom``), on a worker, and its
refusals are worded here next to the form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlite_utils
from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from domains.bookings.commands import (
    TITLE_MAX_CHARS,
    BookRoom,
    BookSeries,
    MoveBooking,
    occurrences,
    series_clashes,
)
from domains.bookings.queries import BAKU, BookingBlock, PersonChoice, RoomRow, people_to_invite
from domains.command import CommandRefused
from domains.writes import AppliedWrite
from ui.bookings.i18n import bookings_locale, local_day_text, name_control
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
        editing: BookingBlock | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("BookingDialog")
        self._context = context
        self._editing = editing
        """The booking being changed (room stays; times and title change), or None: new."""
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
        self.day_edit.setDisplayFormat(
            bookings_locale().dateFormat(bookings_locale().FormatType.ShortFormat)
        )
        self.title_label, self.room_caption = QLabel(self), QLabel(self)
        self.day_label, self.start_label, self.end_label = QLabel(self), QLabel(self), QLabel(self)
        form.addRow(self.title_label, self.title_edit)
        form.addRow(self.room_caption, self.room_label)
        form.addRow(self.day_label, self.day_edit)
        form.addRow(self.start_label, self.start_edit)
        form.addRow(self.end_label, self.end_edit)
        self.attendee_search = QLineEdit(self)
        self.attendee_search.setMaxLength(100)
        self.attendee_search.textChanged.connect(self._search_people)
        self.matches = QListWidget(self)
        self.matches.setMaximumHeight(90)
        self.matches.itemActivated.connect(self._add_attendee)
        self.matches.itemClicked.connect(self._add_attendee)
        self.attendees = QListWidget(self)
        self.attendees.setMaximumHeight(90)
        self.attendees.itemActivated.connect(self._remove_attendee)
        self.attendees_label, self.chosen_label = QLabel(self), QLabel(self)
        form.addRow(self.attendees_label, self.attendee_search)
        form.addRow("", self.matches)
        form.addRow(self.chosen_label, self.attendees)
        self.repeat_box = QComboBox(self)
        self.repeat_box.addItems(["", "", ""])  # worded in _retranslate
        self.times_edit = QSpinBox(self)
        self.times_edit.setRange(2, 366)
        self.times_edit.setValue(4)
        self.repeat_label, self.times_label = QLabel(self), QLabel(self)
        form.addRow(self.repeat_label, self.repeat_box)
        form.addRow(self.times_label, self.times_edit)
        self.repeat_box.currentIndexChanged.connect(self._update_repeat)
        if editing is not None:
            self.title_edit.setText(editing.title)
            hidden: list[QWidget] = [self.repeat_box, self.times_edit, self.repeat_label]
            hidden += [self.times_label, self.attendee_search, self.matches, self.attendees]
            hidden += [self.attendees_label, self.chosen_label]
            for widget in hidden:
                widget.setVisible(False)
        layout.addLayout(form)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b02a37")
        layout.addWidget(self.problems)
        self.only_free_button = QPushButton(self)
        self.only_free_button.clicked.connect(lambda: self._queue_series(only_free=True))
        self.only_free_button.setVisible(False)
        layout.addWidget(self.only_free_button)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._planned: tuple[tuple[datetime, datetime], ...] = ()
        self._retranslate()
        self._update_repeat()

    def attendee_ids(self) -> list[str]:
        items = (self.attendees.item(i) for i in range(self.attendees.count()))
        return [str(item.data(Qt.ItemDataRole.UserRole)) for item in items]

    def _search_people(self, text: str) -> None:
        self._context.reads.query(
            lambda db: people_to_invite(db, text), self._show_matches, owner=self, key="invite"
        )

    def _show_matches(self, found: list[PersonChoice]) -> None:
        self.matches.clear()
        chosen = set(self.attendee_ids())
        for person in found:
            if person.id in chosen:
                continue
            text = (
                f"{person.full_name} · {person.position}" if person.position else person.full_name
            )
            item = QListWidgetItem(text, self.matches)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, person.full_name)

    def _add_attendee(self, item: QListWidgetItem) -> None:
        chosen = QListWidgetItem(str(item.data(Qt.ItemDataRole.UserRole + 1)), self.attendees)
        chosen.setData(Qt.ItemDataRole.UserRole, item.data(Qt.ItemDataRole.UserRole))
        self.matches.takeItem(self.matches.row(item))

    def _remove_attendee(self, item: QListWidgetItem) -> None:
        self.attendees.takeItem(self.attendees.row(item))

    def _update_repeat(self) -> None:
        self.times_edit.setEnabled(self.repeat_box.currentIndex() > 0)

    def _retranslate(self) -> None:
        if self._editing is None:
            self.setWindowTitle(self.tr("Book a room"))
        else:
            self.setWindowTitle(self.tr("Change the booking"))
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
        self.attendees_label.setText(self.tr("&Attendees:"))
        self.attendees_label.setBuddy(self.attendee_search)
        self.attendee_search.setPlaceholderText(self.tr("Type a name, then choose below"))
        self.attendee_search.setAccessibleName(self.tr("Find people to invite"))
        self.matches.setAccessibleName(self.tr("People found: Enter invites"))
        self.chosen_label.setText(self.tr("Invited:"))
        self.attendees.setAccessibleName(self.tr("Invited people: Enter removes"))
        self.repeat_label.setText(self.tr("&Repeat:"))
        self.repeat_label.setBuddy(self.repeat_box)
        for index, text in enumerate(
            (self.tr("Does not repeat"), self.tr("Daily"), self.tr("Weekly"))
        ):
            self.repeat_box.setItemText(index, text)
        self.times_label.setText(self.tr("&Times:"))
        self.times_label.setBuddy(self.times_edit)
        name_control(self.times_edit, self.tr("How many times"))
        self.only_free_button.setText(self.tr("Book only the free dates"))
        self.only_free_button.setAccessibleName(self.tr("Book only the free dates of the series"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if self._editing is None:
            ok.setText(self.tr("Book"))
            ok.setAccessibleName(self.tr("Book the room"))
        else:
            ok.setText(self.tr("Save"))
            ok.setAccessibleName(self.tr("Save the changed booking"))

    def _moment(self, time: QTime) -> datetime:
        day = self.day_edit.date()
        return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=BAKU)

    def command(self) -> BookRoom:
        return BookRoom(
            self._room.id,
            self.title_edit.text(),
            self._moment(self.start_edit.time()),
            self._moment(self.end_edit.time()),
            self.attendee_ids(),
            self._context.user,
            self._clock(),
        )

    def planned(self) -> tuple[tuple[datetime, datetime], ...]:
        frequency = ("daily", "weekly")[self.repeat_box.currentIndex() - 1]
        start, end = self._moment(self.start_edit.time()), self._moment(self.end_edit.time())
        return tuple(occurrences(start, end, frequency, count=self.times_edit.value()))

    def move_command(self, booking_id: str) -> MoveBooking:
        return MoveBooking(
            booking_id,
            self._context.user,
            self._clock(),
            start=self._moment(self.start_edit.time()),
            end=self._moment(self.end_edit.time()),
            title=self.title_edit.text(),
        )

    def submit(self) -> None:
        self.problems.clear()
        self.only_free_button.setVisible(False)
        if self._editing is not None:
            self.buttons.setEnabled(False)
            self._context.writes.apply(
                self.move_command(self._editing.id),
                owner=self,
                on_done=self._queued,
                on_refused=self._refused,
                on_error=self._failed,
            )
            return
        if self.repeat_box.currentIndex() > 0:
            self._check_series()
            return
        self.buttons.setEnabled(False)
        self._context.writes.apply(
            self.command(),
            owner=self,
            on_done=self._queued,
            on_refused=self._refused,
            on_error=self._failed,
        )

    def _check_series(self) -> None:
        """First the dates the cache knows are taken: the user chooses before anything is
        queued (all or none: Book; or only the free ones)."""
        planned, room_id = self.planned(), self._room.id
        if self._moment(self.end_edit.time()) <= self._moment(self.start_edit.time()):
            self._queue_series(only_free=False)  # the command words the problem
            return
        self._planned = planned

        def check(db: sqlite_utils.Database) -> list[tuple[datetime, datetime]]:
            return series_clashes(db, room_id, planned)

        self._context.reads.query(check, self._series_checked, owner=self, key="series-check")

    def _series_checked(self, taken: list[tuple[datetime, datetime]]) -> None:
        if not taken:
            self._queue_series(only_free=False)
            return
        dates = ", ".join(local_day_text(s.astimezone(BAKU).date()) for s, _ in taken)
        self.problems.setText(
            self.tr("%1 of %2 dates are taken: %3. Nothing was booked.")
            .replace("%1", str(len(taken)))
            .replace("%2", str(len(self._planned)))
            .replace("%3", dates)
        )
        self.only_free_button.setVisible(len(taken) < len(self._planned))

    def series_command(self, only_free: bool) -> BookSeries:
        return BookSeries(
            self._room.id,
            self.title_edit.text(),
            self._planned or self.planned(),
            self.attendee_ids(),
            self._context.user,
            self._clock(),
            only_free,
        )

    def _queue_series(self, only_free: bool) -> None:
        self.buttons.setEnabled(False)
        self._context.writes.apply(
            self.series_command(only_free),
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
