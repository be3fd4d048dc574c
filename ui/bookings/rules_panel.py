"""Below a booking's details: the server's rules for it. "Check in" near its start (a
booking nobody checks in to is released 15 minutes after it starts), whether it was
checked in or released, and "Edit the whole series…" for an occurrence of a series.
Both actions go through the outbox, so they queue offline like any change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time

import sqlite_utils
from PySide6.QtCore import QEvent, QTime, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from domains.bookings.commands import CancelSeries, ChangeSeries, CheckIn
from domains.bookings.queries import BAKU
from domains.bookings.rules import RulesState, rules_state
from domains.command import CommandRefused
from ui.bookings.i18n import name_control
from ui.bookings.words import problem_text
from ui.context import TabContext


class SeriesEditDialog(QDialog):
    """The title and Baku times of every future occurrence of a series (all or none).
    ``on_ok``: OK hands the change to it and the dialog stays until ``done`` (the
    conflict screen's "Edit…", whose refusal is shown here by ``show_problems``)."""

    def __init__(
        self,
        title: str,
        start: time,
        end: time,
        parent: QWidget | None = None,
        on_ok: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SeriesEditDialog")
        self.setWindowTitle(self.tr("Edit the whole series"))
        layout = QFormLayout(self)
        self.title_edit = QLineEdit(title, self)
        self.title_edit.setAccessibleName(self.tr("Title of every occurrence"))
        self.start_edit = QTimeEdit(QTime(start.hour, start.minute), self)
        self.end_edit = QTimeEdit(QTime(end.hour, end.minute), self)
        name_control(self.start_edit, self.tr("Start of every occurrence"))
        name_control(self.end_edit, self.tr("End of every occurrence"))
        layout.addRow(self.tr("Title:"), self.title_edit)
        layout.addRow(self.tr("Starts:"), self.start_edit)
        layout.addRow(self.tr("Ends:"), self.end_edit)
        note = QLabel(self.tr("Cancelled and past occurrences stay as they are."), self)
        note.setWordWrap(True)
        layout.addRow(note)
        self.problems = QLabel(self)
        self.problems.setObjectName("seriesEditProblems")
        self.problems.setWordWrap(True)
        self.problems.setVisible(False)
        layout.addRow(self.problems)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(on_ok or self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    @classmethod
    def of_booking(cls, state: RulesState, parent: QWidget | None = None) -> SeriesEditDialog:
        start, end = state.start.astimezone(BAKU), state.end.astimezone(BAKU)
        return cls(state.title, start.time(), end.time(), parent)

    def show_problems(self, texts: list[str]) -> None:
        self.problems.setText("\n".join(texts))
        self.problems.setVisible(bool(texts))

    def show_failure(self) -> None:
        self.show_problems([self.tr("The change could not be saved; nothing was changed.")])

    def command(
        self, booking_id: str, user: dict[str, object], series_version: int | None = None
    ) -> ChangeSeries:
        start, end = self.start_edit.time(), self.end_edit.time()
        return ChangeSeries(
            booking_id,
            user,
            title=self.title_edit.text(),
            start_time=time(start.hour(), start.minute()),
            end_time=time(end.hour(), end.minute()),
            series_version=series_version,
        )


class BookingRulesPanel(QWidget):
    """Check-in and series actions of the shown booking; ``changed(id)`` after one."""

    changed = Signal(str)

    def __init__(
        self,
        context: TabContext,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("BookingRulesPanel")
        self._context = context
        self._clock = clock
        self._state: RulesState | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        row = QHBoxLayout()
        self.check_in_button = QPushButton(self)
        self.check_in_button.clicked.connect(self.check_in)
        self.series_button = QPushButton(self)
        self.series_button.clicked.connect(self.edit_series)
        self.cancel_series_button = QPushButton(self)
        self.cancel_series_button.clicked.connect(self.cancel_series)
        row.addWidget(self.check_in_button)
        row.addWidget(self.series_button)
        row.addWidget(self.cancel_series_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        layout.addWidget(self.problems)
        self._retranslate()
        self._render()

    def show_booking(self, booking_id: str | None) -> None:
        self.problems.clear()
        if booking_id is None:
            self._state = None
            self._render()
            return
        user, now = self._context.user, self._clock()

        def load(db: sqlite_utils.Database) -> RulesState | None:
            return rules_state(db, booking_id, user, now)

        self._context.reads.query(load, self._loaded, owner=self, key="booking-rules")

    def _loaded(self, state: RulesState | None) -> None:
        self._state = state
        self._render()

    def _render(self) -> None:
        state = self._state
        self.check_in_button.setVisible(state is not None and state.can_check_in)
        series_open = (
            state is not None and state.series_id is not None and state.status == "confirmed"
        )
        self.series_button.setVisible(series_open)
        self.cancel_series_button.setVisible(series_open)
        if state is None:
            self.status_label.clear()
        elif state.status == "released":
            self.status_label.setText(
                self.tr("Released: nobody checked in within 15 minutes of the start.")
            )
        elif state.checked_in:
            self.status_label.setText(self.tr("Checked in."))
        elif state.can_check_in:
            self.status_label.setText(
                self.tr("Check in, or the room is released 15 minutes after the start.")
            )
        else:
            self.status_label.clear()

    # --- actions ------------------------------------------------------------------------

    def check_in(self) -> None:
        if self._state is None:
            return
        booking_id = self._state.booking_id
        self._context.writes.apply(
            CheckIn(booking_id, self._context.user, self._clock()),
            owner=self,
            on_done=lambda _applied: self._after(booking_id),
            on_refused=self._refused,
        )

    def edit_series(self) -> None:
        if self._state is None:
            return
        dialog = SeriesEditDialog.of_booking(self._state, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.apply_series_change(dialog.command(self._state.booking_id, dict(self._context.user)))

    def cancel_series(self) -> None:
        if self._state is None:
            return
        self.apply_series_change(CancelSeries(self._state.booking_id, self._context.user))

    def apply_series_change(self, command: ChangeSeries | CancelSeries) -> None:
        booking_id = command.booking_id
        self._context.writes.apply(
            command,
            owner=self,
            on_done=lambda _applied: self._after(booking_id),
            on_refused=self._refused,
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
        self.check_in_button.setText(self.tr("Check &in"))
        self.check_in_button.setAccessibleName(self.tr("Check in to the chosen booking"))
        self.series_button.setText(self.tr("Edit the whole &series…"))
        self.series_button.setAccessibleName(
            self.tr("Change the title or times of every future occurrence")
        )
        self.cancel_series_button.setText(self.tr("Cancel the &whole series"))
        self.cancel_series_button.setAccessibleName(
            self.tr("Cancel every future occurrence of the series")
        )
