"""The About box: version, who is signed in to which server, where the offline data is
kept and whether the key is remembered (the questions a service desk asks first)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cache.keystore import KeyStorage

VERSION = "0.1.0"


@dataclass(frozen=True)
class AboutFacts:
    user_name: str
    username: str
    server_url: str
    key_storage: KeyStorage


class AboutDialog(QDialog):
    def __init__(
        self,
        facts: AboutFacts,
        parent: QWidget | None = None,
        show_policies: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AboutDialog")
        self._facts = facts
        self._title = QLabel(self)
        self._title.setObjectName("productName")
        self._ministry = QLabel(self)
        self._ministry.setObjectName("ministryName")
        self._ministry.setWordWrap(True)
        self._form = QFormLayout()
        self._labels = [QLabel(self) for _ in range(4)]
        self._values = [QLabel(self) for _ in range(4)]
        for label, value in zip(self._labels, self._values, strict=True):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self._form.addRow(label, value)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self._buttons.rejected.connect(self.reject)
        self.policies_button: QPushButton | None = None
        if show_policies is not None:
            self.policies_button = self._buttons.addButton(
                "", QDialogButtonBox.ButtonRole.ActionRole
            )
            self.policies_button.setObjectName("policiesButton")
            self.policies_button.clicked.connect(show_policies)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(self._title)
        layout.addWidget(self._ministry)
        layout.addLayout(self._form)
        layout.addWidget(self._buttons)
        self.setMinimumWidth(480)
        self._retranslate()

    def _retranslate(self) -> None:
        facts = self._facts
        self.setWindowTitle(self.tr("About the Intranet"))
        self._title.setText(self.tr("Intranet %1").replace("%1", VERSION))
        self._ministry.setText(self.tr("Ministry of Health of the Republic of Azerbaijan"))
        storage = {
            KeyStorage.REMEMBERED: self.tr(
                "Encrypted; the key is kept in this computer's credential store."
            ),
            KeyStorage.NOT_ALLOWED: self.tr("Encrypted; your password is asked at each start."),
            KeyStorage.NO_CREDENTIAL_STORE: self.tr(
                "Encrypted; this computer has no credential store, so your password is "
                "asked at each start."
            ),
        }[facts.key_storage]
        rows = [
            (self.tr("Signed in as:"), f"{facts.user_name} ({facts.username})"),
            (self.tr("Server:"), facts.server_url),
            (self.tr("Offline data:"), storage),
            (self.tr("Version:"), VERSION),
        ]
        for (label, value), label_widget, value_widget in zip(
            rows, self._labels, self._values, strict=True
        ):
            label_widget.setText(label)
            value_widget.setText(value)
        if self.policies_button is not None:
            self.policies_button.setText(self.tr("Policies in effect…"))
        close = self._buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(self.tr("Close"))
            close.setIcon(QIcon())  # the style's icon crowds the translated text

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
