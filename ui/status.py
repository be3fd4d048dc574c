"""The status bar's content: connection state, last sync, changes waiting, progress.

It only listens: the sync controller's signals go in, nothing comes out but the cancel
button's click. Times and numbers follow the current language's locale.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QDate,
    QDateTime,
    QEvent,
    QLocale,
    Qt,
    QTimer,
    QTimeZone,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QToolButton,
    QWidget,
)

from client.sync import SEARCH_INDEX, SyncProgress
from ui.sync_controller import CacheFacts, Connection

# Names the user would recognise for the collections the sync reports progress on.
_COLLECTION_NAMES = {
    "outbox": QT_TRANSLATE_NOOP("StatusPanel", "Sending changes"),
    "people": QT_TRANSLATE_NOOP("StatusPanel", "Staff"),
    "departments": QT_TRANSLATE_NOOP("StatusPanel", "Departments"),
    "rooms": QT_TRANSLATE_NOOP("StatusPanel", "Meeting rooms"),
    "bookings": QT_TRANSLATE_NOOP("StatusPanel", "Bookings"),
    "folders": QT_TRANSLATE_NOOP("StatusPanel", "Folders"),
    "documents": QT_TRANSLATE_NOOP("StatusPanel", "Documents"),
    "shares": QT_TRANSLATE_NOOP("StatusPanel", "Shared documents"),
    "registries": QT_TRANSLATE_NOOP("StatusPanel", "Registries"),
    "registry_rows": QT_TRANSLATE_NOOP("StatusPanel", "Registry rows"),
    "regions": QT_TRANSLATE_NOOP("StatusPanel", "Regions"),
    "indicators": QT_TRANSLATE_NOOP("StatusPanel", "Indicators"),
    "indicator_values": QT_TRANSLATE_NOOP("StatusPanel", "Indicator values"),
    SEARCH_INDEX: QT_TRANSLATE_NOOP("StatusPanel", "Preparing registry search"),
}


def format_when(moment: datetime, locale: QLocale | None = None) -> str:
    """A moment in the user's time zone: the time alone if today, else date and time."""
    loc = locale or QLocale()
    when = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone.systemTimeZone())
    if when.date() == QDate.currentDate():
        return loc.toString(when.time(), QLocale.FormatType.ShortFormat)
    return loc.toString(when, "d MMMM yyyy, " + loc.timeFormat(QLocale.FormatType.ShortFormat))


class StatusPanel(QWidget):
    """Lives in the window's status bar."""

    cancel_requested = Signal()
    changes_requested = Signal()
    """The waiting count was clicked: show the "Changes waiting" window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StatusPanel")
        self._state = Connection.OFFLINE
        self._facts: CacheFacts | None = None
        self._progress: SyncProgress | None = None
        self._indexing: SyncProgress | None = None  # the search index, after a sync
        self._next_try: int | None = None  # seconds; 0: trying now
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._count_down)
        self.connection = QLabel(self)
        self.connection.setObjectName("connectionState")
        self.last_sync = QLabel(self)
        self.last_sync.setObjectName("lastSync")
        self.waiting = QPushButton(self)  # a link to the "Changes waiting" window
        self.waiting.setObjectName("outboxWaiting")
        self.waiting.setFlat(True)
        self.waiting.setCursor(Qt.CursorShape.PointingHandCursor)
        self.waiting.setStyleSheet(
            "QPushButton { border: 1px solid transparent; padding: 0px 2px;"
            " color: palette(link); text-decoration: underline; }"
            " QPushButton:focus { border: 1px solid palette(highlight); }"
        )
        self.waiting.clicked.connect(self.changes_requested)
        self.activity = QLabel(self)
        self.activity.setObjectName("syncActivity")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("syncProgress")
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.cancel = QToolButton(self)
        self.cancel.setObjectName("cancelSync")
        self.cancel.setText("✕")
        self.cancel.setAutoRaise(True)
        self.cancel.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(14)
        layout.addWidget(self.connection)
        layout.addWidget(self.last_sync)
        layout.addWidget(self.waiting)
        layout.addStretch(1)
        layout.addWidget(self.activity)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self._retranslate()

    # --- inputs -------------------------------------------------------------------------

    def set_state(self, state: Connection) -> None:
        self._state = state
        if state != Connection.SYNCING:
            self._progress = None
        self._retranslate()

    def set_next_try(self, seconds: int | None) -> None:
        """While offline: when the next attempt is (0: now), counted down each second."""
        self._next_try = seconds
        if seconds:
            self._countdown.start()
        else:
            self._countdown.stop()
        self._retranslate()

    def _count_down(self) -> None:
        if self._next_try is not None and self._next_try > 1:
            self._next_try -= 1
            self._retranslate()

    def set_facts(self, facts: CacheFacts) -> None:
        self._facts = facts
        self._retranslate()

    def set_progress(self, update: SyncProgress) -> None:
        if update.collection == SEARCH_INDEX:
            self._indexing = update
        else:
            self._progress = update
        self._show_progress()

    def indexing_done(self) -> None:
        self._indexing = None
        self._show_progress()

    # --- texts --------------------------------------------------------------------------

    def _retranslate(self) -> None:
        texts = {
            Connection.ONLINE: self.tr("Online"),
            Connection.OFFLINE: self.tr("Offline"),
            Connection.SYNCING: self.tr("Synchronising…"),
        }
        text = texts[self._state]
        if self._state == Connection.OFFLINE and self._next_try == 0:
            text = self.tr("Offline, trying to connect…")
        elif self._state == Connection.OFFLINE and self._next_try:
            text = self.tr("Offline, next try in %n s", "", self._next_try)
        self.connection.setText("●  " + text)
        self.connection.setProperty("state", self._state.value)
        self.connection.style().unpolish(self.connection)
        self.connection.style().polish(self.connection)
        self.connection.setToolTip(
            self.tr("Changes are kept on this computer and sent when the server is reachable.")
            if self._state == Connection.OFFLINE
            else ""
        )
        facts = self._facts
        if facts is None or facts.last_sync is None:
            self.last_sync.setText(self.tr("Not synchronised yet"))
        else:
            self.last_sync.setText(
                self.tr("Last synchronised: %1").replace("%1", format_when(facts.last_sync))
            )
        waiting = 0 if facts is None else facts.waiting
        self.waiting.setText(self.tr("%n change(s) waiting to be sent", "", waiting))
        self.waiting.setVisible(waiting > 0)
        self.waiting.setToolTip(self.tr("Show the changes waiting to be sent"))
        self.waiting.setAccessibleName(self.waiting.text())
        self.waiting.setAccessibleDescription(self.tr("Show the changes waiting to be sent"))
        self.cancel.setToolTip(self.tr("Stop the synchronisation"))
        self.cancel.setAccessibleName(self.tr("Stop the synchronisation"))
        self._show_progress()

    def _show_progress(self) -> None:
        syncing = self._state == Connection.SYNCING
        update = self._progress if syncing else self._indexing
        busy = syncing or update is not None
        self.bar.setVisible(busy)
        self.cancel.setVisible(busy)
        self.activity.setVisible(busy)
        if not busy:
            return
        if update is None:
            self.bar.setRange(0, 0)
            self.activity.setText(self.tr("Checking for changes…"))
            return
        label = self._name(update.collection.split(":", 1)[0])
        if update.total:
            self.bar.setRange(0, update.total)
            self.bar.setValue(min(update.done, update.total))
        else:
            self.bar.setRange(0, 0)
        text = self.tr("%1: %2").replace("%1", label).replace("%2", QLocale().toString(update.done))
        coming = [self._name(name) for name in dict.fromkeys(update.still_to_come)]
        if coming:
            text = (
                self.tr("%1; still to come: %2")
                .replace("%1", text)
                .replace("%2", ", ".join(coming))
            )
        self.activity.setText(text)

    def _name(self, collection: str) -> str:
        name = _COLLECTION_NAMES.get(collection)
        return self.tr(str(name)) if name else collection

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
