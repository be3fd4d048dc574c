"""The conflict screen for a series changed on two devices (one user, two profiles, the
real server): shown as a series (title, room, weekdays, time, dates, how many), and its
three ends, clicked, work for the series: keep mine, take theirs, edit and keep."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, QTime
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from cache import Outbox, SyncState
from cache.outbox import OutboxState
from cache.store import RecordStore
from client.session import Session
from domains.catalog import CATALOG
from domains.changes import conflict_sides
from domains.describers import conflict_shapers
from tests.domains.bookings.test_series_conflict import _series_in_conflict
from tests.ui.bookings.conftest import close_harness, make_harness
from ui.bookings.rules_panel import SeriesEditDialog
from ui.conflict import DIFFERS_MARK, ConflictDialog

WAIT_MS = 15_000


def _dialog(qtbot: QtBot, session: Session, occurrence: str, writes: Any) -> ConflictDialog:
    sides = conflict_sides(session.cache.db, CATALOG, "bookings", occurrence, conflict_shapers())
    assert sides is not None
    dialog = ConflictDialog(sides, writes)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_conflict_screen_shows_a_series_as_a_series(
    qtbot: QtBot, qapp: Any, mine: Session, colleague: Session
) -> None:
    occurrence, _series = _series_in_conflict(mine, colleague, days_ahead=210)
    made = make_harness(mine)
    dialog = _dialog(qtbot, mine, occurrence, made.context.writes)
    assert list(dialog.rows) == ["title", "room", "weekdays", "time", "dates", "occurrences"]
    assert "series" in dialog.heading.text()
    texts = {name: (row[2].text(), row[3].text()) for name, row in dialog.rows.items()}
    assert texts["title"] == ("Həftəlik iclas", "İclas (yeni vaxt)")
    assert texts["time"] == ("20:00–21:00", "19:30–20:30")
    assert texts["occurrences"] == ("3", "3")
    weekday = int(dialog.sides.mine["weekdays"][0])
    day_name = QLocale().standaloneDayName(weekday, QLocale.FormatType.LongFormat)
    assert texts["weekdays"] == (day_name, day_name)
    assert dialog.differing == ["title", "time"]
    assert dialog.rows["title"][0].text() == DIFFERS_MARK
    assert dialog.rows["room"][0].text() == ""
    assert dialog.rows["weekdays"][1].text() == "Every:"
    close_harness(made)


def test_keep_mine_clicked_for_a_series_sends_it_over_the_servers_version(
    qtbot: QtBot, qapp: Any, mine: Session, colleague: Session
) -> None:
    occurrence, _series = _series_in_conflict(mine, colleague, days_ahead=240)
    made = make_harness(mine)
    db = mine.cache.db
    dialog = _dialog(qtbot, mine, occurrence, made.context.writes)
    dialog.keep_mine.click()
    qtbot.waitUntil(
        lambda: [e.state for e in Outbox(db, CATALOG).all()] == [OutboxState.PENDING],
        timeout=WAIT_MS,
    )
    assert Outbox(db, CATALOG).all()[0].if_match == 2  # the server's series version
    assert mine.sync_engine().run().pushed == 1
    close_harness(made)


def test_take_theirs_clicked_for_a_series_drops_mine(
    qtbot: QtBot, qapp: Any, mine: Session, colleague: Session
) -> None:
    occurrence, _series = _series_in_conflict(mine, colleague, days_ahead=270)
    made = make_harness(mine)
    db = mine.cache.db
    dialog = _dialog(qtbot, mine, occurrence, made.context.writes)
    dialog.take_theirs.click()
    qtbot.waitUntil(lambda: Outbox(db, CATALOG).all() == [], timeout=WAIT_MS)
    stored = RecordStore(db, CATALOG).get("bookings", occurrence)
    assert stored is not None and stored.sync_state is SyncState.SYNCED
    assert "start" in stored.record  # still a booking, not the series record
    close_harness(made)


def test_edit_opens_the_series_dialog_with_mine_and_keeps_the_edit(
    qtbot: QtBot, qapp: Any, mine: Session, colleague: Session
) -> None:
    occurrence, _series = _series_in_conflict(mine, colleague, days_ahead=300)
    made = make_harness(mine)
    dialog = _dialog(qtbot, mine, occurrence, made.context.writes)
    with qtbot.waitSignal(dialog.editRequested) as asked:
        dialog.edit.click()
    form = made.tab.edit_conflict(asked.args[0], made.context.writes)
    assert isinstance(form, SeriesEditDialog)
    assert form.title_edit.text() == "Həftəlik iclas"
    assert (form.start_edit.time(), form.end_edit.time()) == (QTime(20, 0), QTime(21, 0))
    db = mine.cache.db
    assert Outbox(db, CATALOG).all()[0].state is OutboxState.CONFLICT  # nothing yet
    form.title_edit.setText("İclas (birgə)")
    buttons = form.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(
        lambda: [e.state for e in Outbox(db, CATALOG).all()] == [OutboxState.PENDING],
        timeout=WAIT_MS,
    )
    [entry] = Outbox(db, CATALOG).all()
    assert entry.if_match == 2 and entry.body["title"] == "İclas (birgə)"
    assert entry.body["start_time"] == "20:00"  # mine, over the rolled-back 19:00
    assert mine.sync_engine().run().pushed == 1
    close_harness(made)
