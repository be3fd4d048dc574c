"""Check-in reminders in the tab: reads my bookings at risk of release on a worker,
asks ``domains.bookings.reminders.plan_reminders`` what is due, announces it through
``announced`` (status bar and tray, docs/tabs.md) and sets one timer for the next moment.
Re-planned on every change of bookings. What was announced is remembered in the user's
preferences, so a restart does not repeat it."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

import sqlite_utils
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from domains.bookings.queries import BAKU
from domains.bookings.reminders import (
    Reminder,
    ReminderCandidate,
    load_announced,
    plan_reminders,
    reminder_candidates,
)
from ui.context import Changes, TabContext

REMINDED_KEY = "bookings/check_in_reminded"
"""Followed by ``/<user id>``: a JSON list of the reminders announced."""
LONGEST_WAIT_MS = 15 * 60 * 1000
"""The timer never waits longer: a clock that jumped (sleep, a new day) is caught up."""


def reminder_text(reminder: Reminder) -> str:
    """The words of one reminder in the current language."""
    by = f"{reminder.check_in_by.astimezone(BAKU):%H:%M}"
    return (
        QCoreApplication.translate(
            "CheckInReminders", "Check in to %1 in %2 by %3 or the room is released"
        )
        .replace("%1", reminder.title)
        .replace("%2", reminder.room_name)
        .replace("%3", by)
    )


class CheckInReminders(QObject):
    """``announced(callable)``: a reminder's text, in whichever language is current."""

    announced = Signal(object)

    def __init__(
        self, context: TabContext, clock: Callable[[], datetime], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._clock = clock
        user_id = context.user.get("id")
        self._user_id = None if user_id in (None, "") else str(user_id)
        self._key = f"{REMINDED_KEY}/{self._user_id}"
        self._announced: set[str] = set()
        if context.preferences is not None:
            self._announced = load_announced(context.preferences.value(self._key))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.plan)
        context.events.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches({"bookings", "rooms"}):
            self.plan()

    def plan(self) -> None:
        """Reads the candidates on a worker, then announces what is due."""
        user_id = self._user_id
        if user_id is None:  # not signed in: nobody to remind
            self.timer.stop()
            return
        now = self._clock()

        def read(db: sqlite_utils.Database) -> list[ReminderCandidate]:
            return reminder_candidates(db, user_id, now)

        self._context.reads.query(read, self._planned, owner=self, key="bookings-reminders")

    def _planned(self, candidates: list[ReminderCandidate]) -> None:
        now = self._clock()
        plan = plan_reminders(candidates, now, self._announced)
        if plan.settled != self._announced:
            self._announced = set(plan.settled)
            self._remember()
        for reminder in plan.due:
            self.announced.emit(lambda reminder=reminder: reminder_text(reminder))
        self.timer.stop()
        if plan.next_check is not None:
            wait_ms = int((plan.next_check - now).total_seconds() * 1000)
            self.timer.start(max(0, min(wait_ms, LONGEST_WAIT_MS)))

    def _remember(self) -> None:
        preferences = self._context.preferences
        if preferences is not None:
            preferences.setValue(self._key, json.dumps(sorted(self._announced)))
            preferences.sync()
