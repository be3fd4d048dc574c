"""The Help menu's windows: the user guide (shipped as Markdown in az, ru and en under
``resources/guide``, shown inside the app), the helpdesk's contact from the
administrator's policy, and opening the log folder (with its path said when the system
cannot open it)."""

from __future__ import annotations

import html
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from client.policy import Helpdesk

log = logging.getLogger(__name__)

GUIDE_DIR = Path(__file__).resolve().parents[1] / "resources" / "guide"


def current_language() -> str:
    """The language the app shows now (``Languages.switch`` sets the default locale)."""
    language = QLocale().language()
    if language == QLocale.Language.Azerbaijani:
        return "az"
    if language == QLocale.Language.Russian:
        return "ru"
    return "en"


def guide_path(code: str, directory: Path = GUIDE_DIR) -> Path:
    path = directory / f"guide_{code}.md"
    return path if path.exists() else directory / "guide_en.md"


def _close_button(buttons: QDialogButtonBox, text: str) -> None:
    close = buttons.button(QDialogButtonBox.StandardButton.Close)
    if close is not None:
        close.setText(text)
        close.setIcon(QIcon())  # the style's icon crowds the translated text


class GuideDialog(QDialog):
    """The user guide in the current language; follows a language change."""

    def __init__(self, parent: QWidget | None = None, directory: Path = GUIDE_DIR) -> None:
        super().__init__(parent)
        self.setObjectName("GuideDialog")
        self._directory = directory
        self.text = QTextBrowser(self)
        self.text.setObjectName("guideText")
        self.text.setOpenExternalLinks(True)
        self.text.document().setDocumentMargin(14)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addWidget(self.text, 1)
        layout.addWidget(self._buttons)
        self.resize(640, 620)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("User guide — Intranet"))
        self.text.setAccessibleName(self.tr("User guide"))
        _close_button(self._buttons, self.tr("Close"))
        path = guide_path(current_language(), self._directory)
        try:
            self.text.setMarkdown(path.read_text(encoding="utf-8"))
        except OSError as error:
            log.warning("the user guide cannot be read: %s", type(error).__name__)
            self.text.setPlainText(self.tr("The user guide is missing from this installation."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class HelpdeskDialog(QDialog):
    """Whom to call, as the administrator set it (links open the phone, mail, browser)."""

    def __init__(self, contact: Helpdesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HelpdeskDialog")
        self._contact = contact
        self.details = QLabel(self)
        self.details.setObjectName("helpdeskDetails")
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setOpenExternalLinks(True)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(self.details)
        layout.addWidget(self._buttons)
        self.setMinimumWidth(420)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Helpdesk"))
        self.details.setAccessibleName(self.tr("Helpdesk contact"))
        _close_button(self._buttons, self.tr("Close"))
        contact = self._contact
        rows: list[str] = []
        if contact.name:
            rows.append(f"<b>{html.escape(contact.name)}</b>")
        if contact.phone:
            dial = "".join(c for c in contact.phone if c.isdigit() or c == "+")
            rows.append(
                self.tr("Phone: %1").replace(
                    "%1", f'<a href="tel:{dial}">{html.escape(contact.phone)}</a>'
                )
            )
        if contact.email:
            address = html.escape(contact.email)
            rows.append(
                self.tr("E-mail: %1").replace("%1", f'<a href="mailto:{address}">{address}</a>')
            )
        if contact.url:
            url = html.escape(contact.url)
            rows.append(self.tr("Web: %1").replace("%1", f'<a href="{url}">{url}</a>'))
        self.details.setText("<br>".join(rows))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def open_log_folder(folder: Path, parent: QWidget) -> bool:
    """Show the log folder in the system's file manager; where that fails, say so and
    give the path (selectable) so it can be found by hand. True if it opened."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        log.warning("the log folder cannot be made: %s", type(error).__name__)
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    log.info("the log folder could not be opened by the system")
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("Help", "Log folder"),
        QCoreApplication.translate(
            "Help", "The log folder could not be opened. You find the logs here:"
        )
        + f"\n\n{folder}",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("logFolderMessage")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return False
