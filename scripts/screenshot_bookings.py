"""Screenshots of the Bookings tab over the demo data in a real window.

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1440x900x24" \
        uv run --locked python scripts/screenshot_bookings.py [--out docs/screenshots]

Seeds the ``demo`` data into a temporary server and signs ``head`` in on two profiles.
Saves, in az and en (``-<lang>.png``): ``bookings-grid`` (a building's day),
``bookings-finder`` (8 people with a projector, answered from the cache),
``bookings-pending`` (a booking made with the link down: marked waiting),
``bookings-refused`` (the other profile took the slot first: what it clashed with and
the alternatives), ``bookings-series`` (a weekly series with a taken date),
``bookings-week`` (the week of a starred room), ``bookings-drag`` (a booking's block being
dragged to another room and time), ``bookings-move`` (the "Move…" dialog). ``--shots``
makes only some of them (the steps before still run). Nothing is left behind.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEvent, QLocale, QPoint, QPointF, QSettings, Qt, QTime
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

from cache.changes import Changes, ChangeSource
from cache.keywrap import Argon2Params
from client.session import SignIn
from domains.bookings.commands import BookRoom
from domains.bookings.queries import BAKU, BookingBlock
from domains.writes import apply_command
from scripts.screenshot_harness import (
    settle,
    shoot,
    shot_parser,
    styled_application,
    synced_session,
    wait_until,
)
from ui.bookings import BookingsTab
from ui.bookings.i18n import install_bookings_translations
from ui.context import DataEvents, TabContext
from ui.i18n import Languages
from ui.reads import ReadPool
from ui.tasks import TaskRunner
from ui.writes import Writes


def next_weekday(after: date) -> date:
    day = after + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def send_mouse(widget: QWidget, kind: QEvent.Type, pos: QPoint) -> None:
    released = kind == QEvent.Type.MouseButtonRelease
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    held = Qt.MouseButton.NoButton if released else Qt.MouseButton.LeftButton
    event = QMouseEvent(
        kind,
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        button,
        held,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def booking_titled(tab: BookingsTab, room_id: str, title: str) -> str:
    grid = tab.grid_view.grid()
    assert grid is not None
    return next(b.id for b in grid.bookings.get(room_id, []) if b.title == title)


def grid_block(tab: BookingsTab, booking_id: str) -> tuple[int, BookingBlock]:
    grid = tab.grid_view.grid()
    assert grid is not None
    for row, room in enumerate(grid.rooms):
        for block in grid.bookings.get(room.id, []):
            if block.id == booking_id:
                return row, block
    raise LookupError(booking_id)


def main() -> int:
    parser = shot_parser(__doc__, "az,en")
    parser.add_argument(
        "--shots",
        default="grid,favourites-empty,favourites,finder,pending,refused,series,week,drag,move",
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    languages = args.languages.split(",")
    wanted = set(args.shots.split(","))

    def shoot_if(widget: QWidget, name: str, language: str) -> None:
        if name.removeprefix("bookings-") in wanted:
            shoot(widget, args.out, name, language)

    app = styled_application()
    shell = Languages(app)

    def speak(language: str, tabs: QTabWidget) -> None:
        shell.switch(language)
        install_bookings_translations(app, language)
        QLocale.setDefault(QLocale(language))
        tabs.setTabText(0, BookingsTab.title())

    with tempfile.TemporaryDirectory(prefix="bookings-shot-") as temporary:
        root = Path(temporary)
        with synced_session(root) as session:
            tasks = TaskRunner()
            events = DataEvents()
            reads = ReadPool(session.cache.connect, tasks)
            writes = Writes(reads, events)  # no sync attached: the link is down
            preferences = QSettings(str(root / "preferences.ini"), QSettings.Format.IniFormat)
            context = TabContext(
                reads=reads,
                writes=writes,
                tasks=tasks,
                events=events,
                user=session.user,
                preferences=preferences,
            )
            window = QMainWindow()
            tabs = QTabWidget(window)
            window.setCentralWidget(tabs)
            tab = BookingsTab(context)
            tabs.addTab(tab, BookingsTab.title())
            window.resize(1440, 860)
            window.show()
            day = next_weekday(datetime.now(BAKU).date())
            wait_until(lambda: tab.grid_view.grid() is not None)
            tab.set_day(day)
            wait_until(
                lambda: (
                    (g := tab.grid_view.grid()) is not None and g.day == day and bool(g.bookings)
                )
            )

            # 1. The day grid.
            for language in languages:
                speak(language, tabs)
                shoot_if(window, "bookings-grid", language)

            # 1b. "My favourites": empty (how to star), then starred rooms of two buildings.
            building = tab.building_box.currentText()
            tab.show_favourites()
            wait_until(lambda: (g := tab.grid_view.grid()) is not None and not g.rooms)
            for language in languages:
                speak(language, tabs)
                shoot_if(window, "bookings-favourites-empty", language)
            picks = session.cache.db.conn.execute(
                "SELECT id FROM rooms r WHERE EXISTS (SELECT 1 FROM bookings b WHERE "
                "b.room_id = r.id AND b.start LIKE ?) ORDER BY building, id",
                (f"{day.isoformat()}%",),
            ).fetchall()
            by_building = session.cache.db.conn.execute(
                "SELECT min(id) FROM rooms GROUP BY building ORDER BY building"
            ).fetchall()
            starred_ids = [str(r[0]) for r in by_building[:3]] + [str(r[0]) for r in picks[:3]]
            for room_id in dict.fromkeys(starred_ids):
                tab.favourites.set_favourite(room_id, True)
            wait_until(lambda: (g := tab.grid_view.grid()) is not None and len(g.rooms) >= 3)
            for language in languages:
                speak(language, tabs)
                shoot_if(window, "bookings-favourites", language)
            for room_id in starred_ids:
                tab.favourites.set_favourite(room_id, False)
            tab.set_building(building)
            wait_until(lambda: (g := tab.grid_view.grid()) is not None and len(g.rooms) > 3)

            # 2. The finder: 8 people, a projector, 10:00-11:00.
            tab.finder.set_request(day, QTime(10, 0), QTime(11, 0), 8, ["proyektor"])
            tab.finder.search()
            wait_until(lambda: tab.finder.results.count() > 0)
            for language in languages:
                speak(language, tabs)
                tab.finder.search()
                wait_until(lambda: tab.finder.results.count() > 0)
                shoot_if(window, "bookings-finder", language)

            # 3. Booked with the link down: pending, marked waiting.
            grid = tab.grid_view.grid()
            assert grid is not None
            room = grid.rooms[2]
            start = datetime.combine(day, time(18, 30), BAKU)
            dialog = tab.open_booking_form(room, start, start + timedelta(hours=1))
            dialog.title_edit.setText("Büdcə layihəsinin müzakirəsi")
            dialog.submit()
            wait_until(lambda: not dialog.isVisible())
            wait_until(lambda: tab.details.shown_id() is not None)
            for language in languages:
                speak(language, tabs)
                shoot_if(window, "bookings-pending", language)

            # 4. Someone else took the slot first: the push is refused, alternatives shown.
            other = SignIn(
                session.api.server_url,
                profile_dir=root / "other-profiles",
                vault_options={"kdf": Argon2Params(memory_kib=1024, time_cost=1, parallelism=1)},
            ).online("head", "demo")
            try:
                other.sync_engine().run()
                mine_start = datetime.combine(day, time(20, 0), BAKU)
                theirs = BookRoom(
                    room.id,
                    "Kollegiya iclasına hazırlıq",
                    mine_start,
                    mine_start + timedelta(hours=1),
                    [],
                    other.user,
                    datetime.now(UTC),
                )
                apply_command(other.cache.db, theirs)
                other.sync_engine().run()
            finally:
                other.close()
            dialog = tab.open_booking_form(room, mine_start, mine_start + timedelta(hours=1))
            dialog.title_edit.setText("Rüblük hesabatın müzakirəsi")
            dialog.submit()
            wait_until(lambda: not dialog.isVisible())
            report = session.sync_engine().run()
            events.changed.emit(
                report.answered.merged(Changes.of(ChangeSource.OUTBOX_ANSWER, "bookings"))
            )
            refused = tab.details.shown_id()
            assert refused is not None
            tab.show_record("bookings", refused)
            wait_until(lambda: bool(tab.details.alternative_buttons))
            for language in languages:
                speak(language, tabs)
                wait_until(lambda: bool(tab.details.alternative_buttons))
                shoot_if(window, "bookings-refused", language)

            # 5. A weekly series over a taken date.
            series_start = datetime.combine(day, time(10, 0), BAKU)
            for language in languages:
                speak(language, tabs)  # a form opened in the language (as the app does)
                dialog = tab.open_booking_form(
                    grid.rooms[0], series_start, series_start + timedelta(hours=1)
                )
                dialog.title_edit.setText("Həftəlik planlaşdırma görüşü")
                dialog.repeat_box.setCurrentIndex(2)
                dialog.times_edit.setValue(6)
                dialog.submit()
                wait_until(dialog.only_free_button.isVisible)
                dialog.adjustSize()
                shoot_if(dialog, "bookings-series", language)
                dialog.reject()

            # 6. The week of a starred room (favourites first).
            starred = grid.rooms[0]
            tab.favourites.set_favourite(starred.id, True)
            tab.views.setCurrentIndex(1)
            tab.week_panel.show_room(starred.id, day)
            wait_until(lambda: (w := tab.week_panel.view.week()) is not None and bool(w.bookings))
            tab.week_panel.view.verticalScrollBar().setValue(
                tab.week_panel.view.step_height * 2  # from 08:00
            )
            for language in languages:
                speak(language, tabs)
                shoot_if(window, "bookings-week", language)

            # 7. Dragging the 18:30 booking (confirmed since) to the next room, 30 min later.
            tab.views.setCurrentIndex(0)
            pending_id = booking_titled(tab, room.id, "Büdcə layihəsinin müzakirəsi")
            tab.grid_view.select_booking(pending_id)
            settle()
            row, block = grid_block(tab, pending_id)
            origin = tab.grid_view.block_rect(row, block).center()
            target = origin + QPoint(tab.grid_view.hour_width // 2, tab.grid_view.row_height)
            viewport = tab.grid_view.viewport()
            send_mouse(viewport, QEvent.Type.MouseButtonPress, origin)
            for step in (1, 2, 3, 4):
                send_mouse(viewport, QEvent.Type.MouseMove, origin + (target - origin) * step / 4)
            for language in languages:
                speak(language, tabs)
                shoot_if(window, "bookings-drag", language)
            tab.grid_view.setFocus()
            QTest.keyClick(tab.grid_view, Qt.Key.Key_Escape)  # dropped: nothing moves
            send_mouse(viewport, QEvent.Type.MouseButtonRelease, target)

            # 8. The "Move…" dialog (the keyboard's way): room and time.
            for language in languages:
                speak(language, tabs)
                move = tab.open_move_dialog(block)
                assert move is not None
                wait_until(move.isVisible)
                move.adjustSize()
                shoot_if(move, "bookings-move", language)
                move.reject()
            tasks.wait_for_done()
            window.close()
            reads.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
