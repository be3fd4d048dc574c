"""Notifications outside the window: the system tray's balloon where the system has a
tray (``QSystemTrayIcon.isSystemTrayAvailable()``); none elsewhere (a bare X server,
Xvfb, some Wayland desktops), where the status bar's line is all there is.

``Notifier`` is the seam: the window gets a factory (``WindowParts.notifier``) so tests
put a fake in where no tray can run.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon, QWidget

__all__ = ["Notifier", "NotifierFactory", "TrayNotifier", "system_tray_notifier"]

NOTIFICATION_MS = 10_000


class Notifier(Protocol):
    def notify(self, title: str, text: str) -> None:
        """Show ``text`` outside the window (it does not take the focus)."""
        ...


class NotifierFactory(Protocol):
    def __call__(self, window: QWidget, /) -> Notifier | None: ...


class TrayNotifier:
    """A tray icon that lives as long as the window (its parent) and shows balloons."""

    def __init__(self, window: QWidget, icon: QIcon) -> None:
        self.tray = QSystemTrayIcon(icon, window)
        self.tray.setToolTip(window.windowTitle())
        self.tray.show()

    def notify(self, title: str, text: str) -> None:
        self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, NOTIFICATION_MS)


def system_tray_notifier(window: QWidget) -> Notifier | None:
    """The tray's notifier, or None where the system has no tray."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    icon = window.windowIcon()
    if icon.isNull():
        icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogInfoView)
    return TrayNotifier(window, icon)
