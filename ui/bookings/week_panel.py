"""The "Week of a room" page: which room (favourites first), which week, a star to make
the room a favourite, and the painted ``WeekView``. Reads on a worker (``context.reads``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from domains.bookings.queries import BAKU, RoomRow
from domains.bookings.week import RoomWeek, monday_of, room_week
from ui.bookings.favourites import FavouriteRooms
from ui.bookings.i18n import bookings_locale
from ui.bookings.week import WeekView
from ui.context import TabContext

WORKING_WEEK_KEY = "bookings/working_week"
"""Whether the week page shows Monday to Friday only (a local preference)."""


class WeekPanel(QWidget):
    """``weekShown(RoomWeek)`` once painted; the view's signals say what the user chose."""

    weekShown = Signal(object)

    def __init__(
        self,
        context: TabContext,
        favourites: FavouriteRooms,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("WeekPanel")
        self._context = context
        self._favourites = favourites
        self._clock = clock
        self._day = datetime.now(BAKU).date()
        self._rooms: list[RoomRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.room_label = QLabel(self)
        self.room_box = QComboBox(self)
        self.room_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.room_label.setBuddy(self.room_box)
        self.room_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.star = QToolButton(self)
        self.star.setCheckable(True)
        self.star.clicked.connect(self._toggle_favourite)
        self.previous_week = QPushButton("◀", self)
        self.previous_week.clicked.connect(lambda: self.set_day(self._day - timedelta(days=7)))
        self.week_label = QLabel(self)
        self.next_week = QPushButton("▶", self)
        self.next_week.clicked.connect(lambda: self.set_day(self._day + timedelta(days=7)))
        for widget in (
            self.room_label,
            self.room_box,
            self.star,
            self.previous_week,
            self.week_label,
            self.next_week,
        ):
            top.addWidget(widget)
        self.working_week = QCheckBox(self)
        self.working_week.toggled.connect(self._working_week_toggled)
        top.addWidget(self.working_week)
        top.addStretch(1)
        layout.addLayout(top)
        # Its own line, wrapped: beside the controls it was cut off in Azerbaijani.
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.view = WeekView(self)
        layout.addWidget(self.view, 1)
        favourites.changed.connect(self._favourites_changed)
        preferences = context.preferences
        if preferences is not None and preferences.value(WORKING_WEEK_KEY) in (True, "true"):
            self.working_week.setChecked(True)
        self._retranslate()

    # --- what is shown ----------------------------------------------------------------

    def set_rooms(self, rooms: Sequence[RoomRow]) -> None:
        """The rooms to choose from (the grid's building), favourites first; the room
        shown stays chosen when it is still among them."""
        current = self.room_id()
        self._rooms = self._favourites.first(rooms)
        self.room_box.blockSignals(True)
        self.room_box.clear()
        for room in self._rooms:
            mark = "★ " if self._favourites.contains(room.id) else ""
            self.room_box.addItem(mark + room.name, room.id)
        index = self.room_box.findData(current) if current is not None else -1
        self.room_box.setCurrentIndex(max(0, index) if self._rooms else -1)
        self.room_box.blockSignals(False)
        if self.room_id() != current:
            self.reload()
        self._update_star()

    def show_room(self, room_id: str, day: date | None = None) -> None:
        if day is not None:
            self._day = day
        index = self.room_box.findData(room_id)
        if index >= 0 and index != self.room_box.currentIndex():
            self.room_box.setCurrentIndex(index)  # reloads
        else:
            self.reload()

    def set_day(self, day: date) -> None:
        self._day = day
        self.reload()

    def room_id(self) -> str | None:
        data = self.room_box.currentData()
        return None if data is None else str(data)

    def reload(self) -> None:
        self._update_star()
        self._show_week_label()
        room_id, day = self.room_id(), self._day
        if room_id is None:
            self.view.set_week(RoomWeek(None, monday_of(day), []), self._user_id(), self._clock())
            return
        self._context.reads.query(
            lambda db: room_week(db, room_id, day), self._shown, owner=self, key="bookings-week"
        )

    def _user_id(self) -> str:
        return str(self._context.user.get("id"))

    def _shown(self, week: RoomWeek) -> None:
        if week.room is not None and week.room.id != self.room_id():
            return  # an answer for a room no longer chosen
        self.view.set_week(week, self._user_id(), self._clock())
        self.weekShown.emit(week)

    def _show_week_label(self) -> None:
        monday = monday_of(self._day)
        locale, short = bookings_locale(), QLocale.FormatType.ShortFormat
        sunday = monday + timedelta(days=6)
        self.week_label.setText(
            f"{locale.toString(QDate(monday.year, monday.month, monday.day), short)} – "
            f"{locale.toString(QDate(sunday.year, sunday.month, sunday.day), short)}"
        )

    def _working_week_toggled(self, working: bool) -> None:
        self.view.set_working_week(working)
        if self._context.preferences is not None:
            self._context.preferences.setValue(WORKING_WEEK_KEY, working)

    # --- favourites -----------------------------------------------------------------------

    def _toggle_favourite(self) -> None:
        room_id = self.room_id()
        if room_id is not None:
            self._favourites.set_favourite(room_id, self.star.isChecked())

    def _favourites_changed(self) -> None:
        self.set_rooms(self._rooms)

    def _update_star(self) -> None:
        room_id = self.room_id()
        favourite = room_id is not None and self._favourites.contains(room_id)
        self.star.setEnabled(room_id is not None)
        self.star.setChecked(favourite)
        self.star.setText("★" if favourite else "☆")
        self.star.setAccessibleName(
            self.tr("Remove the room from favourites")
            if favourite
            else self.tr("Add the room to favourites")
        )
        self.star.setToolTip(self.star.accessibleName())

    # --- language -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.room_label.setText(self.tr("Room:"))
        self.room_box.setAccessibleName(self.tr("Room shown for the week"))
        self.previous_week.setAccessibleName(self.tr("Previous week"))
        self.previous_week.setToolTip(self.tr("Previous week"))
        self.next_week.setAccessibleName(self.tr("Next week"))
        self.next_week.setToolTip(self.tr("Next week"))
        self.week_label.setAccessibleName(self.tr("Week shown"))
        self.legend.setText(self.tr("Green with a bar: your bookings"))
        self.working_week.setText(self.tr("Mon–Fri &only"))
        self.working_week.setAccessibleName(self.tr("Show the working week only"))
        self.view.setAccessibleName(self.tr("Week of the room: days and their bookings"))
        locale = bookings_locale()
        self.view.day_names = [
            locale.dayName(i, QLocale.FormatType.ShortFormat) for i in range(1, 8)
        ]
        self.view.empty_text = self.tr("Choose a room to see its week.")
        self.view.pending_text = self.tr("waiting")
        self.view.refused_text = self.tr("refused")
        self.view.mine_text = self.tr("your booking")
        self.view.free_text = self.tr("free")
        self._update_star()
        self._show_week_label()
        self.view.viewport().update()
