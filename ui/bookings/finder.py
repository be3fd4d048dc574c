"""The free-room finder: "tomorrow 10:00-11:00, 8 people, projector, in this building",
answered from the cache (online or offline) and marked with the time of the last sync."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import sqlite_utils
from PySide6.QtCore import QDate, QEvent, QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from domains.bookings.queries import BAKU, RoomRow, as_of, free_rooms
from ui.bookings.attributes import AttributeChecks
from ui.bookings.favourites import FavouriteRooms
from ui.bookings.i18n import bookings_locale, name_control, stamp_text
from ui.context import TabContext


@dataclass(frozen=True)
class FinderAnswer:
    rooms: list[RoomRow]
    as_of: datetime | None


class FinderPanel(QGroupBox):
    """Asks for a time, a size and equipment; lists the free rooms; ``bookRequested``."""

    bookRequested = Signal(object, object, object)
    """room (RoomRow), start, end."""
    answered = Signal(int)
    """How many rooms the last search found."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FinderPanel")
        self._context = context
        self._building: str | None = None
        self._asked: tuple[datetime, datetime] | None = None
        self._answer: FinderAnswer | None = None
        self._favourites: FavouriteRooms | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        tomorrow = date.today() + timedelta(days=1)
        self.day_edit = QDateEdit(QDate(tomorrow.year, tomorrow.month, tomorrow.day), self)
        self.day_edit.setCalendarPopup(True)
        times = QHBoxLayout()
        self.start_edit = QTimeEdit(QTime(10, 0), self)
        self.end_edit = QTimeEdit(QTime(11, 0), self)
        times.addWidget(self.start_edit)
        self.dash = QLabel("–", self)
        times.addWidget(self.dash)
        times.addWidget(self.end_edit)
        self.capacity_edit = QSpinBox(self)
        self.capacity_edit.setRange(1, 500)
        self.capacity_edit.setValue(2)
        self.equipment_list = QListWidget(self)
        self.equipment_list.setMaximumHeight(110)
        self.attribute_checks = AttributeChecks(self)
        self.this_building = QCheckBox(self)
        self.this_building.setChecked(True)
        self.day_label, self.time_label = QLabel(self), QLabel(self)
        self.capacity_label, self.equipment_label = QLabel(self), QLabel(self)
        form.addRow(self.day_label, self.day_edit)
        form.addRow(self.time_label, times)
        form.addRow(self.capacity_label, self.capacity_edit)
        form.addRow(self.equipment_label, self.equipment_list)
        form.addRow("", self.attribute_checks)
        form.addRow("", self.this_building)
        layout.addLayout(form)
        self.find_button = QPushButton(self)
        self.find_button.clicked.connect(self.search)
        layout.addWidget(self.find_button)
        self.as_of_label = QLabel(self)
        self.as_of_label.setWordWrap(True)
        layout.addWidget(self.as_of_label)
        self.results = QListWidget(self)
        self.results.itemActivated.connect(lambda _item: self._book_chosen())
        self.results.currentRowChanged.connect(lambda _row: self._update_book_button())
        layout.addWidget(self.results, 1)
        self.book_button = QPushButton(self)
        self.book_button.clicked.connect(self._book_chosen)
        layout.addWidget(self.book_button)
        self._retranslate()
        self._update_book_button()

    # --- inputs ---------------------------------------------------------------------------

    def set_building(self, building: str | None) -> None:
        """None ("My favourites" shown): every building is searched."""
        self._building = building
        self.this_building.setEnabled(building is not None)

    def set_equipment(self, names: list[str]) -> None:
        checked = set(self.chosen_equipment())
        self.equipment_list.clear()
        for name in names:
            item = QListWidgetItem(name, self.equipment_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if name in checked else Qt.CheckState.Unchecked
            )

    def chosen_equipment(self) -> list[str]:
        items = (self.equipment_list.item(i) for i in range(self.equipment_list.count()))
        return [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]

    def set_request(
        self, day: date, start: QTime, end: QTime, capacity: int, equipment: list[str]
    ) -> None:
        """Fill the form (the tab's "find another room", tests, screenshots)."""
        self.day_edit.setDate(QDate(day.year, day.month, day.day))
        self.start_edit.setTime(start)
        self.end_edit.setTime(end)
        self.capacity_edit.setValue(capacity)
        for i in range(self.equipment_list.count()):
            item = self.equipment_list.item(i)
            item.setCheckState(
                Qt.CheckState.Checked if item.text() in equipment else Qt.CheckState.Unchecked
            )

    def _moment(self, time: QTime) -> datetime:
        day = self.day_edit.date()
        return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=BAKU)

    # --- the search -----------------------------------------------------------------------

    def search(self) -> None:
        start, end = self._moment(self.start_edit.time()), self._moment(self.end_edit.time())
        self.results.clear()
        if end <= start:
            self.as_of_label.setText(self.tr("The end must come after the start."))
            self._update_book_button()
            return
        capacity, equipment = self.capacity_edit.value(), self.chosen_equipment()
        attributes = self.attribute_checks.chosen()
        building = self._building if self.this_building.isChecked() else None
        self._asked = (start, end)

        def search(db: sqlite_utils.Database) -> FinderAnswer:
            found = free_rooms(
                db,
                start,
                end,
                capacity=capacity,
                equipment=equipment,
                building=building,
                attributes=attributes,
            )
            return FinderAnswer(found, as_of(db))

        self._context.reads.query(search, self._show, self._failed, owner=self, key="finder")

    def set_favourites(self, favourites: FavouriteRooms) -> None:
        """Starred rooms are listed first (and marked) among the free ones."""
        self._favourites = favourites

    def reorder(self) -> None:
        """The last answer again, after a room was starred or unstarred."""
        if self._answer is not None:
            self.results.clear()
            self._show(self._answer)

    def _show(self, answer: FinderAnswer) -> None:
        self._answer = answer
        favourites = self._favourites
        rooms = answer.rooms if favourites is None else favourites.first(answer.rooms)
        for room in rooms:
            mark = "★ " if favourites is not None and favourites.contains(room.id) else ""
            text = mark + (
                self.tr("%1 · %2, floor %3 · %4 seats")
                .replace("%1", room.name)
                .replace("%2", room.building)
                .replace("%3", room.floor)
                .replace("%4", str(room.capacity))
            )
            item = QListWidgetItem(text, self.results)
            item.setData(Qt.ItemDataRole.UserRole, room)
        if answer.as_of is None:
            self.as_of_label.setText(self.tr("Never synced: nothing is known about the rooms yet."))
        else:
            stamp = stamp_text(answer.as_of)
            count = self.tr("%n free room(s)", "", len(answer.rooms))
            self.as_of_label.setText(
                self.tr("%1, availability as of %2").replace("%1", count).replace("%2", stamp)
            )
        if answer.rooms:
            self.results.setCurrentRow(0)
        self._update_book_button()
        self.answered.emit(len(answer.rooms))

    def _failed(self, _error: BaseException) -> None:
        self.as_of_label.setText(self.tr("The rooms could not be read."))

    def _update_book_button(self) -> None:
        self.book_button.setEnabled(self.results.currentItem() is not None)

    def _book_chosen(self) -> None:
        item = self.results.currentItem()
        if item is None or self._asked is None:
            return
        self.bookRequested.emit(item.data(Qt.ItemDataRole.UserRole), *self._asked)

    # --- language -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Find a free room"))
        self.day_label.setText(self.tr("Day:"))
        self.time_label.setText(self.tr("From – to:"))
        self.capacity_label.setText(self.tr("People:"))
        self.equipment_label.setText(self.tr("Equipment:"))
        self.this_building.setText(self.tr("Only in this building"))
        self.find_button.setText(self.tr("&Find free rooms"))
        self.book_button.setText(self.tr("&Book the chosen room…"))
        name_control(self.day_edit, self.tr("Day to search"))
        name_control(self.start_edit, self.tr("From (Baku time)"))
        name_control(self.end_edit, self.tr("To (Baku time)"))
        name_control(self.capacity_edit, self.tr("Number of people"))
        self.equipment_list.setAccessibleName(self.tr("Equipment the room must have"))
        self.this_building.setAccessibleName(self.tr("Search only in the building shown"))
        self.results.setAccessibleName(self.tr("Free rooms"))
        self.find_button.setAccessibleName(self.tr("Find free rooms"))
        self.book_button.setAccessibleName(self.tr("Book the chosen room"))
        self.day_edit.setLocale(bookings_locale())
        self.day_edit.setDisplayFormat(bookings_locale().dateFormat(QLocale.FormatType.ShortFormat))
        if self._asked is not None:
            self.search()  # the answer again, in the new language
