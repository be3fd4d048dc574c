"""My bookings: those I organize or attend, from now on, soonest first (from the cache);
a waiting or refused one says so. Choosing one shows it in the grid."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlite_utils
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from domains.bookings.ics import my_bookings
from domains.bookings.queries import BookingBlock
from ui.bookings.details import span_text
from ui.bookings.words import state_text
from ui.context import TabContext

LIMIT = 500


class MyBookings(QWidget):
    """The list; ``bookingChosen(id)``."""

    bookingChosen = Signal(str)

    def __init__(
        self,
        context: TabContext,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MyBookings")
        self._context = context
        self._clock = clock
        layout = QVBoxLayout(self)
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        self.list = QListWidget(self)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        layout.addWidget(self.list, 1)
        self._blocks: list[BookingBlock] = []
        self._retranslate()

    def reload(self) -> None:
        person, since = str(self._context.user.get("id")), self._clock()

        def read(db: sqlite_utils.Database) -> list[BookingBlock]:
            return my_bookings(db, person, since)[:LIMIT]

        self._context.reads.query(read, self._show, owner=self, key="my-bookings")

    def _show(self, blocks: list[BookingBlock]) -> None:
        self._blocks = blocks
        self._render()

    def _render(self) -> None:
        self.list.clear()
        for block in self._blocks:
            text = f"{span_text(block.start, block.end)} · {block.title}"
            if block.status == "cancelled":
                mark = self.tr("cancelled")  # outside the f-string: lupdate finds it
                text += f" ({mark})"
            elif block.status == "released":  # nobody checked in: the room was given up
                mark = self.tr("released")
                text += f" ({mark})"
            elif block.pending:
                text += f" ({state_text(block.sync_state)})"
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, block.id)
        self.empty_label.setVisible(not self._blocks)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.bookingChosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._render()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.empty_label.setText(
            self.tr("No upcoming bookings where you organize or attend. Book a room in the grid.")
        )
        self.list.setAccessibleName(self.tr("My upcoming bookings"))
