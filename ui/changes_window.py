"""The "Changes waiting" window: every change the server has not accepted yet.

Oldest first, each with what it is (in words, ``ui/change_words.py``), when it was made,
and where it stands (waiting, sending, refused with the server's reason, conflict).
The user may send a change again now, discard it (confirmed: the record goes back to
the server's version), open its record, or resolve a conflict. The list is read on a
worker and read again on every ``Changes`` of the data events.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cache.outbox import OutboxState
from domains.catalog import CATALOG
from domains.changes import Describer, WaitingChange, waiting_changes
from ui.change_words import describe
from ui.context import DataEvents
from ui.status import format_when
from ui.tasks import TaskRunner
from ui.write_errors import refusal_sentence
from ui.write_ports import CacheReads, ChangeActions

log = logging.getLogger(__name__)

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class ChangesWindow(QDialog):
    """Non-modal; one per main window, shown again from the status bar or the menu."""

    recordRequested = Signal(str, str)
    """collection, record id: show that record (for people: the Directory card)."""
    conflictRequested = Signal(str, str)
    """collection, record id: open the conflict screen."""
    loaded = Signal()
    """The list was (re)read: tests wait on it."""

    def __init__(
        self,
        reads: CacheReads,
        tasks: TaskRunner,
        events: DataEvents,
        actions: ChangeActions,
        describers: dict[str, Describer],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ChangesWindow")
        self._reads = reads
        self._tasks = tasks
        self._actions = actions
        self._describers = describers
        self.changes: list[WaitingChange] = []
        self.confirmation: QMessageBox | None = None

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.table = QTreeWidget(self.stack)
        self.table.setObjectName("waitingChanges")
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(False)
        self.table.setWordWrap(True)
        self.table.setColumnCount(3)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAllColumnsShowFocus(True)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentItemChanged.connect(lambda *_: self._update_actions())
        self.table.itemActivated.connect(lambda *_: self.open_record())
        self.empty = QLabel(self.stack)
        self.empty.setObjectName("nothingWaiting")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(24)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.reason = QLabel(self)
        self.reason.setObjectName("changeReason")
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("retryChange")
        self.retry_button.clicked.connect(self.retry)
        self.discard_button = QPushButton(self)
        self.discard_button.setObjectName("discardChange")
        self.discard_button.clicked.connect(self.confirm_discard)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openChangedRecord")
        self.open_button.clicked.connect(self.open_record)
        self.resolve_button = QPushButton(self)
        self.resolve_button.setObjectName("resolveConflict")
        self.resolve_button.clicked.connect(self.resolve)
        row = QHBoxLayout()
        for button in (
            self.retry_button,
            self.discard_button,
            self.open_button,
            self.resolve_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        self.buttons = QDialogButtonBox(self)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.reason)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.resize(860, 420)
        events.changed.connect(lambda _changes: self.reload())
        self._retranslate()
        self.reload()

    # --- the list -------------------------------------------------------------------------

    def reload(self) -> None:
        describers = self._describers
        self._tasks.run(
            lambda: self._reads.run(lambda db: waiting_changes(db, CATALOG, describers)),
            self._show,
            self._failed,
            owner=self,
            key="waiting-changes",
        )

    def _failed(self, error: BaseException) -> None:
        log.warning("changes waiting: %s", type(error).__name__)
        self.reason.setText(self.tr("The list could not be read. Please try again."))

    def _show(self, changes: list[WaitingChange]) -> None:
        current = self.current()
        self.changes = changes
        self.table.clear()
        for change in changes:
            item = QTreeWidgetItem(self.table)
            item.setData(0, ENTRY_ROLE, change.entry_id)
            self._fill(item, change)
            if current is not None and change.entry_id == current.entry_id:
                self.table.setCurrentItem(item)
        first = self.table.topLevelItem(0)
        if self.table.currentItem() is None and first is not None:
            self.table.setCurrentItem(first)
        self.stack.setCurrentWidget(self.table if changes else self.empty)
        self._update_actions()
        self.loaded.emit()

    def _fill(self, item: QTreeWidgetItem, change: WaitingChange) -> None:
        what = describe(change.description)
        state = self.state_words(change)
        item.setText(0, what)
        item.setText(1, format_when(change.created_at))
        item.setText(2, self.short_state(change))
        item.setToolTip(0, what)
        item.setToolTip(2, state)

    def state_words(self, change: WaitingChange) -> str:
        """Where a change stands, with the server's reason when it refused."""
        if change.state == OutboxState.ERROR:
            return self.tr("Refused: %1").replace("%1", refusal_sentence(change.last_error))
        if change.state == OutboxState.CONFLICT:
            return self.tr("Conflict: %1").replace("%1", refusal_sentence(change.last_error))
        if change.blocked:
            return self.tr("Waiting for the change before it")
        if change.state == OutboxState.UPLOADING:
            return self.tr("Sending")
        return self.tr("Waiting to be sent")

    def short_state(self, change: WaitingChange) -> str:
        """The state column: a word; the reason is below the list and in the tooltip."""
        if change.state == OutboxState.ERROR:
            return self.tr("Refused")
        if change.state == OutboxState.CONFLICT:
            return self.tr("Conflict")
        return self.state_words(change)

    def current(self) -> WaitingChange | None:
        item = self.table.currentItem()
        if item is None:
            return None
        entry_id = item.data(0, ENTRY_ROLE)
        return next((c for c in self.changes if c.entry_id == entry_id), None)

    def select_record(self, collection: str, record_id: str) -> None:
        """Put the first change of one record first in the keyboard's reach."""
        for index, change in enumerate(self.changes):
            item = self.table.topLevelItem(index)
            if item is not None and (change.collection, change.record_id) == (
                collection,
                record_id,
            ):
                self.table.setCurrentItem(item)
                return

    def _update_actions(self) -> None:
        change = self.current()
        on_record = change is not None and change.collection is not None
        on_record = on_record and change is not None and change.record_id is not None
        self.retry_button.setEnabled(  # a conflict is ended by a choice, not a retry
            on_record
            and change is not None
            and change.state not in (OutboxState.UPLOADING, OutboxState.CONFLICT)
        )
        self.discard_button.setEnabled(on_record)
        self.open_button.setEnabled(on_record)
        conflict = change is not None and change.state == OutboxState.CONFLICT
        self.resolve_button.setVisible(conflict)
        self.resolve_button.setEnabled(on_record and conflict)
        if change is None:
            self.reason.clear()
        else:
            self.reason.setText(describe(change.description) + "\n" + self.state_words(change))

    # --- actions ----------------------------------------------------------------------

    def _target(self) -> tuple[str, str] | None:
        change = self.current()
        if change is None or change.collection is None or change.record_id is None:
            return None
        return change.collection, change.record_id

    def retry(self) -> None:
        target = self._target()
        if target is not None:
            self._actions.retry_now(*target)

    def confirm_discard(self) -> None:
        """Asks first; "Keep" is the default, so Enter never throws a change away."""
        change = self.current()
        target = self._target()
        if change is None or target is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Discard the change"),
            self.tr(
                "Discard “%1”? The record goes back to the version on the server; this "
                "cannot be undone."
            ).replace("%1", describe(change.description)),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("confirmDiscard")
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep the change"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(
            lambda _r: self._actions.discard(*target) if box.clickedButton() is discard else None
        )
        self.confirmation = box
        box.open()

    def open_record(self) -> None:
        target = self._target()
        if target is not None:
            self.recordRequested.emit(*target)

    def resolve(self) -> None:
        target = self._target()
        if target is not None:
            self.conflictRequested.emit(*target)

    # --- language -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Changes waiting"))
        self.intro.setText(
            self.tr(
                "Changes made on this computer that the server has not accepted yet, "
                "oldest first. They are sent on their own when the server is reachable."
            )
        )
        self.table.setHeaderLabels([self.tr("Change"), self.tr("Made"), self.tr("State")])
        self.table.setAccessibleName(self.tr("Changes waiting"))
        self.table.header().setAccessibleName(self.tr("Column headings"))
        self.empty.setText(
            self.tr("Nothing is waiting: the server has accepted every change made here.")
        )
        self.retry_button.setText(self.tr("&Retry now"))
        self.retry_button.setAccessibleName(self.tr("Retry now"))
        self.discard_button.setText(self.tr("&Discard…"))
        self.discard_button.setAccessibleName(self.tr("Discard the change"))
        self.open_button.setText(self.tr("&Open the record"))
        self.open_button.setAccessibleName(self.tr("Open the record"))
        self.resolve_button.setText(self.tr("Re&solve the conflict…"))
        self.resolve_button.setAccessibleName(self.tr("Resolve the conflict"))
        self.close_button.setText(self.tr("Close"))
        self.reason.setAccessibleName(self.tr("About the chosen change"))
        for index, change in enumerate(self.changes):
            item = self.table.topLevelItem(index)
            if item is not None:
                self._fill(item, change)
        self._update_actions()
