"""The main window's menus and their actions; what they do is connected by the window.

Language names are shown in their own language ("Azərbaycanca", "Русский", "English"),
whatever the current one, as users look for their own.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from ui.i18n import NATIVE_NAMES


class Menus(QObject):
    """Owns the actions; fills a menu bar."""

    language_chosen = Signal(str)

    def __init__(self, menu_bar: QMenuBar, language: str, language_locked: bool) -> None:
        super().__init__(menu_bar)
        self._bar = menu_bar
        self.intranet_menu = QMenu(menu_bar)
        self.intranet_menu.setObjectName("intranetMenu")
        self.language_menu = QMenu(menu_bar)
        self.language_menu.setObjectName("languageMenu")
        self.help_menu = QMenu(menu_bar)
        self.help_menu.setObjectName("helpMenu")

        self.sync_now = QAction(self)
        self.sync_now.setObjectName("syncNowAction")
        self.sync_now.setShortcut(QKeySequence.StandardKey.Refresh)
        self.changes_waiting = QAction(self)
        self.changes_waiting.setObjectName("changesWaitingAction")
        self.sign_out = QAction(self)
        self.sign_out.setObjectName("signOutAction")
        self.remove_data = QAction(self)
        self.remove_data.setObjectName("removeDataAction")
        self.quit = QAction(self)
        self.quit.setObjectName("quitAction")
        self.quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.about = QAction(self)
        self.about.setObjectName("aboutAction")
        self.user_guide = QAction(self)
        self.user_guide.setObjectName("userGuideAction")
        self.user_guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.open_logs = QAction(self)
        self.open_logs.setObjectName("openLogsAction")
        self.helpdesk = QAction(self)
        self.helpdesk.setObjectName("helpdeskAction")
        self.helpdesk.setVisible(False)  # shown when the administrator named a helpdesk
        self.policies = QAction(self)
        self.policies.setObjectName("policiesAction")
        # In the Language menu when the administrator set the language: says why.
        self.language_locked_note = QAction(self)
        self.language_locked_note.setObjectName("languageLockedNote")
        self.language_locked_note.setEnabled(False)
        self.language_locked_note.setVisible(language_locked)

        self.intranet_menu.addAction(self.sync_now)
        self.intranet_menu.addAction(self.changes_waiting)
        self.intranet_menu.addSeparator()
        self.intranet_menu.addAction(self.sign_out)
        self.intranet_menu.addAction(self.remove_data)
        self.intranet_menu.addSeparator()
        self.intranet_menu.addAction(self.quit)

        self.languages = QActionGroup(self)
        self.languages.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code, name in NATIVE_NAMES.items():
            action = QAction(name, self.languages)
            action.setCheckable(True)
            action.setChecked(code == language)
            action.setData(code)
            action.setEnabled(not language_locked)
            action.triggered.connect(lambda _checked=False, c=code: self.language_chosen.emit(c))
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        if language_locked:
            self.language_menu.addSeparator()
            self.language_menu.addAction(self.language_locked_note)
        self.help_menu.addAction(self.user_guide)
        self.help_menu.addAction(self.helpdesk)
        self.help_menu.addAction(self.open_logs)
        self.help_menu.addAction(self.policies)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about)

        menu_bar.addMenu(self.intranet_menu)
        menu_bar.addMenu(self.language_menu)
        menu_bar.addMenu(self.help_menu)
        menu_bar.installEventFilter(self)
        self.retranslate()

    def mark_language(self, code: str) -> None:
        action = self.language_actions.get(code)
        if action is not None:
            action.setChecked(True)

    def set_enabled(self, enabled: bool) -> None:
        """All actions off while the window is locked (shortcuts included)."""
        actions = (self.sync_now, self.changes_waiting, self.sign_out, self.remove_data, self.about)
        for action in (*actions, self.user_guide, self.open_logs, self.helpdesk, self.policies):
            action.setEnabled(enabled)
        self._bar.setEnabled(enabled)

    def retranslate(self) -> None:
        self.intranet_menu.setTitle(self.tr("&Intranet"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.sync_now.setText(self.tr("&Synchronise now"))
        self.sync_now.setToolTip(self.tr("Send your changes and receive the latest data"))
        self.changes_waiting.setText(self.tr("&Changes waiting…"))
        self.changes_waiting.setToolTip(self.tr("Changes not yet accepted by the server"))
        self.sign_out.setText(self.tr("Sign &out"))
        self.remove_data.setText(self.tr("Sign out and &remove offline data…"))
        self.quit.setText(self.tr("&Quit"))
        self.about.setText(self.tr("&About the Intranet"))
        self.user_guide.setText(self.tr("&User guide"))
        self.open_logs.setText(self.tr("Open the &log folder"))
        self.helpdesk.setText(self.tr("Contact the &helpdesk…"))
        self.policies.setText(self.tr("&Policies in effect…"))
        self.language_locked_note.setText(self.tr("Set by your organisation"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._bar and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False
