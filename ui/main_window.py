"""The main window: it composes the parts it is given and wires them together.

The parts (tabs' context, sync controller, status panel, menus) are built outside
(``build_parts``) and passed in, so each stays small and testable on its own. The window
asks to be left (``leave_requested``) and the app decides what follows (sign-out, wipe,
the sign-in dialog); it never closes the session itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QMainWindow,
    QMenuBar,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from client.logs import default_log_dir
from client.policy import Helpdesk
from domains.catalog import CATALOG
from domains.changes import ConflictSides, conflict_sides
from domains.describers import change_describers, conflict_shapers
from ui import messages
from ui.about import AboutDialog, AboutFacts
from ui.changes_window import ChangesWindow
from ui.conflict import ConflictDialog
from ui.context import TabContext
from ui.help import GuideDialog, HelpdeskDialog, open_log_folder
from ui.idle_lock import IdleLock, IdleWatcher, LockOverlay
from ui.menus import Menus
from ui.notifier import Notifier, NotifierFactory, system_tray_notifier
from ui.policies import PoliciesDialog, SettingsInEffect
from ui.settings import UserSettings
from ui.status import StatusPanel
from ui.sync_controller import CacheFacts, SyncController
from ui.tabs import TabSpec

log = logging.getLogger(__name__)

WINDOW_KEY = "main_window"


class Leave(Enum):
    """Why the window asks to go; the app acts on it."""

    QUIT = "quit"
    SIGN_OUT = "sign_out"
    REMOVE_DATA = "remove_data"
    SESSION_ENDED = "session_ended"
    DEVICE_REVOKED = "device_revoked"


@dataclass
class WindowParts:
    context: TabContext
    tabs: list[TabSpec]
    sync: SyncController
    status: StatusPanel
    menus: Menus
    menu_bar: QMenuBar
    verify_password: Callable[[str], bool]
    idle_timeout_ms: int
    about: AboutFacts
    log_folder: Path | None = None  # None: the default (client.logs.default_log_dir)
    helpdesk: Helpdesk | None = None  # from the administrator's policy
    settings_in_effect: SettingsInEffect | None = None  # "Policies in effect"
    notifier: NotifierFactory = system_tray_notifier  # the tray's, where there is one


class MainWindow(QMainWindow):
    leave_requested = Signal(object)  # Leave

    def __init__(self, parts: WindowParts, settings: UserSettings) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.parts = parts
        self._settings = settings
        self._leaving = False
        self._started = False
        self._facts: CacheFacts | None = None
        self._message: Callable[[], str] | None = None
        self.changes_window: ChangesWindow | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self._reads = parts.context.reads

        self.tab_widget = QTabWidget(self)
        self.tab_widget.setObjectName("mainTabs")
        self.tab_widget.setDocumentMode(True)
        self.tabs: dict[str, QWidget] = {}
        for spec in parts.tabs:
            widget = spec.make(parts.context)
            self.tabs[spec.name] = widget
            self.tab_widget.addTab(widget, spec.title())
        self.setCentralWidget(self.tab_widget)
        self.notifier: Notifier | None = None  # made at the first news (the icon is set)
        self._notifier_made = False
        for widget in self.tabs.values():  # optional: a title with a count, news
            if hasattr(widget, "titleChanged"):
                widget.titleChanged.connect(self._retitle_tabs)
            if hasattr(widget, "announced"):
                widget.announced.connect(self.announce)

        self.setMenuBar(parts.menu_bar)
        self.statusBar().addPermanentWidget(parts.status, 1)
        self.statusBar().setSizeGripEnabled(True)

        menus, sync, status = parts.menus, parts.sync, parts.status
        menus.sync_now.triggered.connect(sync.sync_now)
        menus.changes_waiting.triggered.connect(self.show_changes)
        status.changes_requested.connect(self.show_changes)
        for widget in self.tabs.values():
            for signal, slot in (
                ("changesWindowRequested", self.show_changes),
                ("conflictRequested", self.show_conflict),
            ):
                if hasattr(widget, signal):
                    getattr(widget, signal).connect(slot)
        menus.sign_out.triggered.connect(lambda: self.leave(Leave.SIGN_OUT))
        menus.remove_data.triggered.connect(self.confirm_remove_data)
        menus.quit.triggered.connect(self.close)
        menus.about.triggered.connect(self.show_about)
        menus.user_guide.triggered.connect(self.show_guide)
        menus.open_logs.triggered.connect(self.open_log_folder)
        menus.helpdesk.triggered.connect(self.show_helpdesk)
        menus.helpdesk.setVisible(parts.helpdesk is not None)
        menus.policies.triggered.connect(self.show_policies)
        menus.policies.setVisible(parts.settings_in_effect is not None)
        sync.state_changed.connect(status.set_state)
        sync.progress.connect(status.set_progress)
        sync.indexing_finished.connect(status.indexing_done)
        sync.next_try.connect(status.set_next_try)
        sync.facts_changed.connect(self._on_facts)
        sync.session_ended.connect(self._on_session_ended)
        sync.device_revoked.connect(lambda: self.leave(Leave.DEVICE_REVOKED))
        sync.problem.connect(self._on_problem)
        status.cancel_requested.connect(sync.cancel)
        status.set_state(sync.state)

        self.overlay = LockOverlay(
            self,
            parts.context.tasks,
            parts.verify_password,
            str(parts.context.user.get("display_name") or parts.about.username),
        )
        self.overlay.sign_out_requested.connect(lambda: self.leave(Leave.SIGN_OUT))
        self.idle_lock = IdleLock(
            IdleWatcher(parts.idle_timeout_ms, self), self.overlay, self._locked, self
        )

        if not settings.restore_window(self, WINDOW_KEY):
            self._default_geometry()
        self._retranslate()

    # --- look -------------------------------------------------------------------------

    def _default_geometry(self) -> None:
        area = QGuiApplication.primaryScreen().availableGeometry()
        width, height = min(1180, area.width() - 40), min(760, area.height() - 60)
        self.resize(width, height)
        self.move(area.center().x() - width // 2, area.center().y() - height // 2)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Intranet — Ministry of Health"))
        self._retitle_tabs()

    def _retitle_tabs(self) -> None:
        """A tab's title; a tab with ``current_title()`` says its own ("Documents (3)")."""
        for index, spec in enumerate(self.parts.tabs):
            current = getattr(self.tabs.get(spec.name), "current_title", None)
            self.tab_widget.setTabText(index, current() if callable(current) else spec.title())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def show_message(self, text: Callable[[], str], timeout_ms: int = 15000) -> None:
        """A sentence in the status bar (asked again if the language changes meanwhile)."""
        self._message = text
        self.statusBar().showMessage(text(), timeout_ms)

    def announce(self, text: Callable[[], str]) -> None:
        """News from a tab (new inbox items after a sync): the status bar always, and a
        tray notification where the system has a tray."""
        self.show_message(text)
        if not self._notifier_made:
            self._notifier_made = True
            self.notifier = self.parts.notifier(self)
        if self.notifier is not None:
            self.notifier.notify(self.windowTitle(), text())

    # --- lifecycle --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:
            self._started = True
            self.parts.sync.start()
            self.idle_lock.start()

    def leave(self, reason: Leave) -> None:
        if self._leaving:
            return
        log.info("leaving the main window: %s", reason.value)
        self.leave_requested.emit(reason)

    def shutdown(self, then: Callable[[], None], *, wait_for_sync: bool = True) -> None:
        """Stop syncing and watching; keep the layout; ``then`` once the sync has ended
        (or at once, without ``wait_for_sync``: quitting never waits on the network)."""
        self._leaving = True
        self.idle_lock.stop()
        self._settings.save_window(self, WINDOW_KEY)
        self._settings.sync()
        self.parts.sync.stop(then, wait=wait_for_sync)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._leaving:
            event.accept()
            return
        event.ignore()  # the app closes the window once the sync has stopped
        self.leave(Leave.QUIT)

    # --- reactions --------------------------------------------------------------------

    def _locked(self, locked: bool) -> None:
        self.parts.menus.set_enabled(not locked)
        self.tab_widget.setEnabled(not locked)
        self.statusBar().setEnabled(not locked)

    def _on_facts(self, facts: CacheFacts) -> None:
        self._facts = facts
        self.parts.status.set_facts(facts)

    def _on_problem(self, error: BaseException) -> None:
        server = self.parts.about.server_url
        self.show_message(lambda: messages.for_error(error, server))

    def _on_session_ended(self) -> None:
        self.question = self._ask(
            QMessageBox.Icon.Information,
            self.tr("Sign in again"),
            messages.session_ended(),
            [
                (self.tr("Sign in now"), QMessageBox.ButtonRole.AcceptRole, True),
                (self.tr("Later"), QMessageBox.ButtonRole.RejectRole, False),
            ],
            self._session_ended_answer,
        )

    def _session_ended_answer(self, sign_in_now: bool) -> None:
        if sign_in_now:
            self.leave(Leave.SESSION_ENDED)
        else:
            self.show_message(lambda: self.tr("Working offline. Sign in again to synchronise."), 0)

    def confirm_remove_data(self) -> None:
        waiting = self._facts.waiting if self._facts is not None else 0
        text = self.tr(
            "All Intranet data kept on this computer for your account will be removed. "
            "You will need the network to sign in again."
        )
        if waiting:
            text += "\n\n" + self.tr(
                "%n change(s) not yet sent to the server will be lost.", "", waiting
            )
        self.question = self._ask(
            QMessageBox.Icon.Warning,
            self.tr("Remove offline data"),
            text,
            [
                (self.tr("Remove and sign out"), QMessageBox.ButtonRole.DestructiveRole, True),
                (self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole, False),
            ],
            lambda remove: self.leave(Leave.REMOVE_DATA) if remove else None,
        )

    def inform(self, text: str) -> QMessageBox:
        return self._ask(
            QMessageBox.Icon.Information,
            self.tr("Intranet"),
            text,
            [(self.tr("OK"), QMessageBox.ButtonRole.AcceptRole, True)],
            lambda _ok: None,
        )

    def _ask(
        self,
        icon: QMessageBox.Icon,
        title: str,
        text: str,
        buttons: list[tuple[str, QMessageBox.ButtonRole, bool]],
        answered: Callable[[bool], None],
    ) -> QMessageBox:
        """A window-modal question that does not block the event loop (``open``); the
        last button is the default, so Enter never destroys anything."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("mainWindowQuestion")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        answers: dict[QAbstractButton, bool] = {}
        for label, role, value in buttons:
            button = box.addButton(label, role)
            answers[button] = value
        box.setDefaultButton(button)
        box.finished.connect(lambda _r: answered(answers.get(box.clickedButton(), False)))
        box.open()
        return box

    def show_guide(self) -> None:
        dialog = GuideDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_helpdesk(self) -> None:
        if self.parts.helpdesk is None:
            return
        dialog = HelpdeskDialog(self.parts.helpdesk, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_log_folder(self) -> None:
        open_log_folder(self.parts.log_folder or default_log_dir(), self)

    # --- changes waiting and conflicts ------------------------------------------------

    def show_changes(self) -> ChangesWindow:
        """The "Changes waiting" window (one; raised when already open)."""
        writes = self.parts.context.writes
        if self.changes_window is None:
            window = ChangesWindow(
                self._reads,
                self.parts.context.tasks,
                self.parts.context.events,
                writes,
                change_describers(),
                self,
            )
            window.recordRequested.connect(self.show_record)
            window.conflictRequested.connect(self.show_conflict)
            self.changes_window = window
        self.changes_window.show()
        self.changes_window.raise_()
        self.changes_window.activateWindow()
        return self.changes_window

    def _tab_showing(self, collection: str) -> QWidget | None:
        for spec in self.parts.tabs:
            if collection in spec.collections:
                return self.tabs.get(spec.name)
        return None

    def show_record(self, collection: str, record_id: str) -> None:
        """Asks the tab that shows ``collection`` to show the record, and brings it up."""
        tab = self._tab_showing(collection)
        if tab is None or not hasattr(tab, "show_record"):
            return
        self.tab_widget.setCurrentWidget(tab)
        self.raise_()
        self.activateWindow()
        tab.show_record(collection, record_id)

    def show_conflict(self, collection: str, record_id: str) -> None:
        """The conflict screen for one record, once both sides are read (on a worker)."""
        reads = self._reads
        shapers = conflict_shapers()
        self.parts.context.tasks.run(
            lambda: reads.run(
                lambda db: conflict_sides(db, CATALOG, collection, record_id, shapers)
            ),
            self._open_conflict,
            lambda error: log.warning("conflict sides: %r", error),
            owner=self,
            key="conflict-sides",
        )

    def _open_conflict(self, sides: ConflictSides | None) -> None:
        writes = self.parts.context.writes
        if sides is None:
            return  # resolved meanwhile (another window, a sync)
        dialog = ConflictDialog(sides, writes, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.editRequested.connect(self._edit_conflict)
        self.conflict_dialog = dialog
        dialog.open()

    def _edit_conflict(self, sides: ConflictSides) -> None:
        tab = self._tab_showing(sides.collection)
        writes = self.parts.context.writes
        if tab is None or not hasattr(tab, "edit_conflict"):
            return
        self.tab_widget.setCurrentWidget(tab)
        tab.edit_conflict(sides, writes)

    def show_policies(self) -> None:
        if self.parts.settings_in_effect is None:
            return
        dialog = PoliciesDialog(self.parts.settings_in_effect, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_about(self) -> None:
        policies = self.show_policies if self.parts.settings_in_effect is not None else None
        dialog = AboutDialog(self.parts.about, self, show_policies=policies)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
