""" "Policies in effect" (Help menu, About box): every setting an administrator may set,
the value the app uses and where it came from, so a user and the service desk see why
something cannot be changed. The rows come from ``client.policy.settings_in_effect``;
the settings' names from ``POLICY_FIELDS`` (the same words as the Group Policy
templates, in the app's language)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from client.policy import Kind, SettingInEffect, Source
from ui.help import current_language
from ui.i18n import NATIVE_NAMES

SettingsInEffect = Callable[[], list[SettingInEffect]]
LOCKED_GREY = "#5c6670"


class PoliciesDialog(QDialog):
    """A read-only table: setting, value, source; an administrator's rows are greyed."""

    def __init__(self, settings: SettingsInEffect, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PoliciesDialog")
        self._settings = settings
        self._intro = QLabel(self)
        self._intro.setObjectName("policiesIntro")
        self._intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("policiesTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the button
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line a setting: the whole list at a glance
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addWidget(self._intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._buttons)
        self.resize(900, 440)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Policies in effect"))
        self._intro.setText(
            self.tr(
                "The settings below decide how the Intranet works on this computer. Those "
                "set by your organisation cannot be changed in the app."
            )
        )
        self.table.setAccessibleName(self.tr("Policies in effect"))
        self.table.horizontalHeader().setAccessibleName(self.tr("Columns"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Setting"), self.tr("Value"), self.tr("Source")]
        )
        close = self._buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(self.tr("Close"))
            close.setIcon(QIcon())  # the style's icon crowds the translated text
        self._fill()

    def _fill(self) -> None:
        rows = self._settings()
        language = current_language()
        # Greyed, yet readable: the disabled text colour of most styles is too faint to
        # read (below WCAG's 4.5:1); this grey keeps about 5.7:1 on white.
        greyed = QBrush(QColor(LOCKED_GREY))
        self.table.setRowCount(len(rows))
        for row, setting in enumerate(rows):
            cells = (
                setting.field.title.in_language(language),
                self.value_text(setting),
                self.source_text(setting.source),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if setting.locked:
                    item.setForeground(greyed)
                    item.setToolTip(self.tr("Set by your organisation"))
                self.table.setItem(row, column, item)

    def value_text(self, setting: SettingInEffect) -> str:
        value, kind = setting.value, setting.field.kind
        if value is None:
            if setting.field.name == "language":
                return self.tr("The system's language")
            if setting.field.name == "remember_on_this_computer":
                return self.tr("Allowed")
            if setting.field.name == "ca_bundle":
                return self.tr("Only the system's certificates")
            return self.tr("Not set")
        if kind is Kind.SWITCH:
            return self.tr("Allowed") if value else self.tr("Not allowed")
        if kind is Kind.CHOICE:
            return NATIVE_NAMES.get(str(value), str(value))
        if setting.field.name == "idle_lock_minutes" and value == 0:
            return self.tr("Never")
        if isinstance(value, Path):
            return str(value)
        return str(value)

    def source_text(self, source: Source) -> str:
        return {
            Source.MACHINE_POLICY: self.tr("Set by your organisation (computer policy)"),
            Source.USER_POLICY: self.tr("Set by your organisation (user policy)"),
            Source.SERVER: self.tr("The server"),
            Source.USER_CHOICE: self.tr("Your choice"),
            Source.DEFAULT: self.tr("Default"),
        }[source]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
