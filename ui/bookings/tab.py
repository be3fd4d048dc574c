"""The Bookings tab: a building's day grid, the free-room finder and the chosen booking.

Contract with the shell (docs/tabs.md): ``BookingsTab(context)``, ``BookingsTab.title()``,
``show_record(collection, id)``; it refreshes on ``context.events.changed`` when bookings
or rooms changed, and retranslates on ``LanguageChange``. Every read runs on a worker
(``context.reads``), every write goes through ``context.writes.apply`` (the outbox), so
all of it works offline; a booking not yet confirmed carries a "waiting" mark.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlite_utils
from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from domains.bookings.ics import bookings_ics, my_bookings
from domains.bookings.queries import (
    BAKU,
    BookingBlock,
    DayGrid,
    RoomRow,
    booking,
    buildings,
    day_grid,
    equipment_names,
    floors,
)
from domains.changes import ConflictSides
from ui.bookings.details import BookingDetails
from ui.bookings.favourites import FavouriteRooms
from ui.bookings.finder import FinderPanel
from ui.bookings.form import BookingDialog
from ui.bookings.grid import DayGridView
from ui.bookings.i18n import bookings_locale, name_control, stamp_text
from ui.bookings.mine import MyBookings
from ui.bookings.move import BookingMover, MoveDialog, may_move
from ui.bookings.reminders import CheckInReminders
from ui.bookings.series_conflict import edit_series_conflict
from ui.bookings.week_panel import WeekPanel
from ui.context import Changes, TabContext
from ui.write_ports import ConflictEditing

Clock = Callable[[], datetime]


FAVOURITES_CHOICE = "bookings:favourites"
"""The building choice's item data for "My favourites" (buildings carry none)."""


def _utc_now() -> datetime:
    return datetime.now(UTC)


class BookingsTab(QWidget):
    gridShown = Signal(object)
    """The ``DayGrid`` just painted (tests, benchmarks)."""
    icsExported = Signal(str)
    """The path an .ics file was written to."""
    announced = Signal(object)
    """News for the window (docs/tabs.md): check-in reminders (``ui/bookings/reminders``)."""

    def __init__(
        self, context: TabContext, parent: QWidget | None = None, clock: Clock = _utc_now
    ) -> None:
        super().__init__(parent)
        self.setObjectName("BookingsTab")
        self._context = context
        self._connections = context.reads  # the window's pool: the window closes it
        self._clock = clock
        self._day = datetime.now(BAKU).date()
        self._building: str | None = None
        self._floor: str | None = None
        self.open_dialog: BookingDialog | None = None
        self._reveal: str | None = None  # a booking just made: scrolled to once it is shown
        self.favourites = FavouriteRooms(context.preferences, str(context.user.get("id")), self)
        self.mover = BookingMover(context, clock, self)
        self._grid_as_read: DayGrid | None = None  # before favourites put theirs first
        self._build()
        self._build_week_and_moves()
        self._retranslate()
        context.events.changed.connect(self._on_data_changed)
        self._load_choices()
        self.mine.reload()
        self.reminders = CheckInReminders(context, clock, self)
        self.reminders.announced.connect(self.announced)
        self.reminders.plan()

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("BookingsTab", "Bookings")

    # --- building ---------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        top = QHBoxLayout()
        self.previous_day = QPushButton("◀", self)
        self.previous_day.clicked.connect(lambda: self.set_day(self._day - timedelta(days=1)))
        self.day_edit = QDateEdit(self)
        self.day_edit.setCalendarPopup(True)
        self.day_edit.dateChanged.connect(
            lambda d: self.set_day(date(d.year(), d.month(), d.day()))
        )
        self.next_day = QPushButton("▶", self)
        self.next_day.clicked.connect(lambda: self.set_day(self._day + timedelta(days=1)))
        self.today_button = QPushButton(self)
        self.today_button.clicked.connect(lambda: self.set_day(datetime.now(BAKU).date()))
        self.building_box = QComboBox(self)
        self.building_box.currentIndexChanged.connect(self._on_building)
        self.floor_box = QComboBox(self)
        self.floor_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.building_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.floor_box.currentIndexChanged.connect(self._on_floor)
        self.building_label, self.floor_label = QLabel(self), QLabel(self)
        self.export_mine = QPushButton(self)
        self.export_mine.clicked.connect(self._ask_export_mine)
        widgets: list[QWidget] = [
            self.previous_day,
            self.day_edit,
            self.next_day,
            self.today_button,
        ]
        widgets += [self.building_label, self.building_box, self.floor_label, self.floor_box]
        for widget in widgets:
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.export_mine)
        layout.addLayout(top)
        self.as_of_label = QLabel(self)
        layout.addWidget(self.as_of_label)
        self.move_message = QLabel(self)
        self.move_message.setWordWrap(True)
        self.move_message.setStyleSheet("color: #b02a37")
        layout.addWidget(self.move_message)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.views = QTabWidget(splitter)  # the day grid, or the week of one room
        self.grid_view = DayGridView(self.views)
        self.views.addTab(self.grid_view, "")
        self.week_panel = WeekPanel(self._context, self.favourites, self._clock, self.views)
        self.views.addTab(self.week_panel, "")
        self.grid_view.bookingActivated.connect(self._on_booking_chosen)
        self.grid_view.rangeChosen.connect(self._on_range_chosen)
        side = QWidget(splitter)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.details = BookingDetails(self._context, self._clock, side)
        self.details.exportRequested.connect(self._ask_export_one)
        self.details.changeRequested.connect(self.open_change_form)
        self.details.changed.connect(lambda _id: self.reload())
        self.side_tabs = QTabWidget(side)
        self.finder = FinderPanel(self._context, self.side_tabs)
        self.finder.bookRequested.connect(self.open_booking_form)
        self.mine = MyBookings(self._context, self._clock, self.side_tabs)
        self.mine.bookingChosen.connect(lambda booking_id: self.show_record("bookings", booking_id))
        self.side_tabs.addTab(self.finder, "")
        self.side_tabs.addTab(self.mine, "")
        side_layout.addWidget(self.details)
        side_layout.addWidget(self.side_tabs, 1)
        splitter.addWidget(self.views)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([960, 460])  # the finder's answers readable without scrolling
        layout.addWidget(splitter, 1)
        self.day_edit.blockSignals(True)
        self.day_edit.setDate(QDate(self._day.year, self._day.month, self._day.day))
        self.day_edit.blockSignals(False)

    # --- reading --------------------------------------------------------------------------

    def _load_choices(self) -> None:
        def read(db: sqlite_utils.Database) -> tuple[list[str], list[str]]:
            return buildings(db), equipment_names(db)

        self._connections.query(read, self._choices_loaded, owner=self, key="bookings-choices")

    def _choices_loaded(self, loaded: tuple[list[str], list[str]]) -> None:
        names, equipment = loaded
        self.finder.set_equipment(equipment)
        current = self._building
        was_favourites = self.showing_favourites()
        self.building_box.blockSignals(True)
        self.building_box.clear()
        self.building_box.addItems(names)
        self.building_box.addItem(self.tr("★ My favourites"), FAVOURITES_CHOICE)
        self.building_box.blockSignals(False)
        if was_favourites:
            self.building_box.setCurrentIndex(len(names))
            self._on_building(len(names))
        elif names:
            index = names.index(current) if current in names else 0
            self.building_box.setCurrentIndex(index)
            self._on_building(index)
        else:
            self.reload()

    def showing_favourites(self) -> bool:
        """The grid's rows are the starred rooms of every building."""
        return bool(self.building_box.currentData() == FAVOURITES_CHOICE)

    def show_favourites(self) -> None:
        index = self.building_box.findData(FAVOURITES_CHOICE)
        if index >= 0:
            self.building_box.setCurrentIndex(index)

    def _on_building(self, index: int) -> None:
        favourites = self.building_box.itemData(index) == FAVOURITES_CHOICE
        self._building = self.building_box.itemText(index) if index >= 0 else None
        if favourites:
            self._building = None
        self.finder.set_building(self._building)
        self._floor = None
        self.floor_box.setEnabled(not favourites)
        self._show_empty_text()
        building = self._building
        if favourites:
            self._floors_loaded([])
            return
        if building is None:
            return
        self._connections.query(
            lambda db: floors(db, building), self._floors_loaded, owner=self, key="bookings-floors"
        )

    def _floors_loaded(self, names: list[str]) -> None:
        self.floor_box.blockSignals(True)
        self.floor_box.clear()
        self.floor_box.addItem(self.tr("All floors"), None)
        for name in names:
            self.floor_box.addItem(self.tr("Floor %1").replace("%1", name), name)
        self.floor_box.blockSignals(False)
        self.reload()

    def _on_floor(self, index: int) -> None:
        self._floor = self.floor_box.itemData(index) if index > 0 else None
        self.reload()

    def set_day(self, day: date) -> None:
        self._day = day
        self.day_edit.blockSignals(True)
        self.day_edit.setDate(QDate(day.year, day.month, day.day))
        self.day_edit.blockSignals(False)
        self.reload()

    def set_building(self, building: str) -> None:
        index = self.building_box.findText(building)
        if index >= 0:
            self.building_box.setCurrentIndex(index)

    def reload(self) -> None:
        building, day, floor = self._building, self._day, self._floor
        if self.showing_favourites():
            starred = self.favourites.ids()
            self._connections.query(
                lambda db: day_grid(db, None, day, room_ids=starred),
                self._show_grid,
                owner=self,
                key="bookings-grid",
            )
            return
        if building is None:
            self.grid_view.set_grid(DayGrid(day, []), self._clock())
            return
        self._connections.query(
            lambda db: day_grid(db, building, day, floor),
            self._show_grid,
            owner=self,
            key="bookings-grid",
        )

    def _show_grid(self, grid: DayGrid) -> None:
        self._grid_as_read = grid
        grid = self.favourites.grid_first(grid)
        self.week_panel.set_rooms(grid.rooms)
        self.grid_view.set_grid(grid, self._clock())
        if self._reveal is not None and any(
            b.id == self._reveal for blocks in grid.bookings.values() for b in blocks
        ):
            self.grid_view.select_booking(self._reveal)
            self._reveal = None
        self._show_as_of(grid)
        self.gridShown.emit(grid)

    def _show_as_of(self, grid: DayGrid | None) -> None:
        if grid is None:
            return
        if grid.as_of is None:
            self.as_of_label.setText(self.tr("Not synced yet: connect once to see the rooms."))
        else:
            stamp = stamp_text(grid.as_of)
            self.as_of_label.setText(self.tr("Bookings as of %1 (Baku time)").replace("%1", stamp))

    def _on_data_changed(self, changes: Changes) -> None:
        if not changes.touches({"bookings", "rooms"}):
            return
        if changes.touches({"rooms"}):
            self._load_choices()
        else:
            self.reload()
        self.mine.reload()
        self.week_panel.reload()
        shown = self.details.shown_id()
        ids = changes.ids("bookings")
        if shown is not None and (ids is None or shown in ids):
            self.details.show_booking(shown)

    def _show_empty_text(self) -> None:
        if self.showing_favourites():
            self.grid_view.empty_text = self.tr(
                "No favourite rooms yet. Choose a building, select a room in the grid and "
                "press F (or click the star beside its name) to star it; starred rooms of "
                "every building are shown here."
            )
        else:
            self.grid_view.empty_text = self.tr(
                "No rooms in the cache yet. Connect to the network and sync once."
            )
        self.grid_view.viewport().update()

    # --- choosing and booking -----------------------------------------------------------

    def _on_booking_chosen(self, booking_id: str) -> None:
        self.details.show_booking(booking_id)

    def _on_range_chosen(self, room_id: str, start: datetime, end: datetime) -> None:
        grid = self.grid_view.grid()
        room = None if grid is None else next((r for r in grid.rooms if r.id == room_id), None)
        if room is not None:
            self.open_booking_form(room, start, end)

    def open_booking_form(self, room: RoomRow, start: datetime, end: datetime) -> BookingDialog:
        dialog = BookingDialog(self._context, room, start, end, self._clock, self)
        dialog.booked.connect(self._booked)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.open_dialog = dialog
        dialog.open()
        return dialog

    def open_change_form(self, block: BookingBlock, room_name: str) -> BookingDialog:
        """The form over a booking: new times or title (the room stays)."""
        grid = self.grid_view.grid()
        rooms = [] if grid is None else [r for r in grid.rooms if r.id == block.room_id]
        room = rooms[0] if rooms else RoomRow(block.room_id, room_name, "", "", 0, ())
        dialog = BookingDialog(
            self._context, room, block.start, block.end, self._clock, self, editing=block
        )
        dialog.booked.connect(self._booked)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.open_dialog = dialog
        dialog.open()
        return dialog

    def _booked(self, booking_id: str) -> None:
        self._reveal = booking_id
        self.grid_view.select_booking(booking_id)
        self.details.show_booking(booking_id)

    def show_record(self, collection: str, record_id: str) -> None:
        """ "Open the record" from "Changes waiting": its day and building, selected."""
        if collection != "bookings":
            return

        def read(db: sqlite_utils.Database) -> tuple[date, str] | None:
            block = booking(db, record_id)
            if block is None:
                return None
            row = db.conn.execute(
                "SELECT building FROM rooms WHERE id = ?", (block.room_id,)
            ).fetchone()
            return block.start.astimezone(BAKU).date(), "" if row is None else str(row[0])

        def shown(found: tuple[date, str] | None) -> None:
            if found is None:
                return
            self.set_building(found[1])
            self.set_day(found[0])
            self._reveal = record_id
            self.grid_view.select_booking(record_id)
            self.details.show_booking(record_id)

        self._connections.query(read, shown, owner=self, key="bookings-open")

    def edit_conflict(self, sides: ConflictSides, writes: ConflictEditing) -> QDialog | None:
        """The conflict screen's "Edit…": a series' edit dialog pre-filled with mine."""
        return edit_series_conflict(sides, writes, self._context.user, self)

    # --- .ics -----------------------------------------------------------------------------

    def export_ics(self, path: Path, booking_id: str | None) -> None:
        """One booking, or (None) my bookings from today on, written on a worker."""
        user_id, stamp = str(self._context.user.get("id")), self._clock()

        def write(db: sqlite_utils.Database) -> str:
            if booking_id is None:
                blocks = my_bookings(db, user_id, stamp - timedelta(days=1))
            else:
                found = booking(db, booking_id)
                blocks = [] if found is None else [found]
            path.write_bytes(bookings_ics(db, blocks, stamp))
            return str(path)

        self._connections.query(write, self.icsExported.emit, self._export_failed, owner=self)

    def _export_failed(self, _error: BaseException) -> None:
        self.as_of_label.setText(self.tr("The calendar file could not be written."))

    def _ask_path(self, suggested: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as iCalendar"), suggested, self.tr("iCalendar files (*.ics)")
        )
        return Path(chosen) if chosen else None

    def _ask_export_one(self, booking_id: str) -> None:
        path = self._ask_path("booking.ics")
        if path is not None:
            self.export_ics(path, booking_id)

    def _ask_export_mine(self) -> None:
        path = self._ask_path("my-bookings.ics")
        if path is not None:
            self.export_ics(path, None)

    # --- language -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.previous_day.setAccessibleName(self.tr("Previous day"))
        self.previous_day.setToolTip(self.tr("Previous day"))
        self.next_day.setAccessibleName(self.tr("Next day"))
        self.next_day.setToolTip(self.tr("Next day"))
        self.today_button.setText(self.tr("&Today"))
        self.today_button.setAccessibleName(self.tr("Show today"))
        name_control(self.day_edit, self.tr("Day shown"))
        self.day_edit.setDisplayFormat(bookings_locale().dateFormat(QLocale.FormatType.ShortFormat))
        self.building_label.setText(self.tr("Building:"))
        self.building_label.setBuddy(self.building_box)
        self.building_box.setAccessibleName(self.tr("Building"))
        self.floor_label.setText(self.tr("Floor:"))
        self.floor_label.setBuddy(self.floor_box)
        self.floor_box.setAccessibleName(self.tr("Floor"))
        if self.floor_box.count():
            self.floor_box.setItemText(0, self.tr("All floors"))
        self.side_tabs.setTabText(0, self.tr("Find a room"))
        self.side_tabs.setTabText(1, self.tr("My bookings"))
        self.views.setTabText(0, self.tr("Day"))
        self.views.setTabText(1, self.tr("Week of a room"))
        self.grid_view.taken_text = self.tr("taken: %1")
        self.export_mine.setText(self.tr("Export my bookings (.ics)…"))
        self.export_mine.setAccessibleName(self.tr("Export my bookings as an iCalendar file"))
        self.grid_view.setAccessibleName(self.tr("Day grid: rooms and their bookings"))
        self.grid_view.setAccessibleDescription(
            self.tr(
                "Arrow keys move between rooms and half hours; Enter books or opens a booking; "
                "M moves the chosen booking; F stars the room."
            )
        )
        self.grid_view.pending_text = self.tr("waiting")
        self.grid_view.refused_text = self.tr("refused")
        self._show_empty_text()
        favourites_index = self.building_box.findData(FAVOURITES_CHOICE)
        if favourites_index >= 0:
            self.building_box.setItemText(favourites_index, self.tr("★ My favourites"))
        self.grid_view.room_detail_text = self.tr("floor %1 · %2 seats")
        self._show_as_of(self.grid_view.grid())
        self.grid_view.viewport().update()

    # --- week view, favourites, moving ----------------------------------------------------

    def _build_week_and_moves(self) -> None:
        """The parts of issue 11 added after the grid: wired here, built in their own files
        (``week_panel``, ``favourites``, ``move``)."""
        user = self._context.user
        self.grid_view.can_move = lambda block: may_move(block, user)
        self.grid_view.favourite_ids = frozenset(self.favourites.ids())
        self.grid_view.moveRequested.connect(self.mover.move)
        self.grid_view.moveRefused.connect(lambda _id, clash: self.mover.clashed(clash))
        self.grid_view.moveDialogRequested.connect(self._move_by_id)
        self.grid_view.favouriteToggled.connect(self.favourites.toggle)
        self.details.moveRequested.connect(self.open_move_dialog)
        self.mover.said.connect(self.move_message.setText)
        self.mover.moved.connect(self._moved)
        self.favourites.changed.connect(self._favourites_changed)
        self.finder.set_favourites(self.favourites)
        self.week_panel.view.bookingActivated.connect(self._on_booking_chosen)
        self.week_panel.view.rangeChosen.connect(self._on_week_range)
        self.views.currentChanged.connect(self._on_view_changed)

    def _on_view_changed(self, index: int) -> None:
        room = self.grid_view.current_room()
        if index == 1 and room is not None:
            self.week_panel.show_room(room.id, self._day)

    def _on_week_range(self, room_id: str, start: datetime, end: datetime) -> None:
        week = self.week_panel.view.week()
        if week is not None and week.room is not None and week.room.id == room_id:
            self.open_booking_form(week.room, start, end)

    def _favourites_changed(self) -> None:
        self.grid_view.favourite_ids = frozenset(self.favourites.ids())
        if self.showing_favourites():
            self.reload()  # a room starred or unstarred is a row more or less
        elif self._grid_as_read is not None:
            self._show_grid(self._grid_as_read)
        self.finder.reorder()

    def _moved(self, booking_id: str) -> None:
        self.move_message.clear()
        self._booked(booking_id)

    def _move_by_id(self, booking_id: str) -> None:
        grid = self.grid_view.grid()
        blocks = [] if grid is None else [b for bs in grid.bookings.values() for b in bs]
        block = next((b for b in blocks if b.id == booking_id), None)
        if block is not None:
            self.open_move_dialog(block)

    def open_move_dialog(self, block: BookingBlock) -> MoveDialog | None:
        """The keyboard's way to move: room (favourites first) and time."""
        if not may_move(block, self._context.user):
            self.move_message.setText(
                self.tr("Only the organizer or an administrator may move this booking.")
            )
            return None
        grid = self.grid_view.grid()
        rooms = [] if grid is None else grid.rooms
        dialog = MoveDialog(self._context, block, rooms, self._clock, self)
        dialog.moved.connect(self._moved)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.move_dialog = dialog
        dialog.open()
        return dialog
