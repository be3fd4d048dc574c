"""A start-up that cannot go on (the installation lacks a part): one clear message box,
then the process ends. The details (in English) go to the log and below the sentence."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def show_broken_installation(details: str, parent: QWidget | None = None) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Startup", "The Intranet cannot start"),
        QCoreApplication.translate(
            "Startup",
            "This installation of the Intranet is incomplete. Please ask your service "
            "desk to repair or reinstall it.",
        ),
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setObjectName("brokenInstallationMessage")
    box.setDetailedText(details)
    box.exec()
