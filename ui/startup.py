"""The first window on screen, before the heavy modules load.

``main.py`` calls ``show_first_window`` with nothing loaded but PySide6 and a few light
modules (settings, policy, languages): it makes the QApplication, hands over to a
running instance if there is one, and paints a small splash in the user's language.
Only then do the app's other modules load (sqlite-utils, keyring, the cryptography,
the tabs; docs/startup.md), and the splash stays until the sign-in dialog or the main
window replaces it, so the app never has no window while it works.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from client.policy import MachinePolicy, load_machine_policy
from ui.i18n import Languages, system_language
from ui.settings import UserSettings
from ui.single_instance import SingleInstance, instance_name

log = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
ALREADY_RUNNING = "Intranet is already running for this profile: its window was brought forward."


def app_icon() -> QIcon:
    return QIcon(str(RESOURCES / "icons" / "intranet.svg"))


def load_style(qapp: QApplication) -> None:
    path = RESOURCES / "styles" / "ministry.qss"
    try:
        qapp.setStyleSheet(path.read_text(encoding="utf-8"))
    except OSError:
        log.warning("style sheet missing: %s", path.name)


def initial_language(policy: MachinePolicy, settings: UserSettings) -> str:
    return policy.language or settings.language or system_language()


class StartupSplash(QWidget):
    """The emblem and the product's name while the app loads and opens the cache (or
    starts the demo server: ``set_message``). No busy bar: its animation would take CPU
    from the start it stands for."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen)
        self.setObjectName("startupSplash")
        self.setWindowIcon(app_icon())
        self._message_text = ""
        emblem = QLabel(self)
        emblem.setPixmap(app_icon().pixmap(48, 48))
        emblem.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._title = QLabel(self)
        self._title.setObjectName("productName")
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(self)
        self.message.setObjectName("demoSplash")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        layout.addWidget(emblem)
        layout.addWidget(self._title)
        layout.addWidget(self.message)
        self.setMinimumSize(420, 140)
        self._retranslate()

    def set_message(self, text: str) -> None:
        self._message_text = text
        self._retranslate()

    def _retranslate(self) -> None:
        title = QApplication.translate("SignInDialog", "Intranet")
        self.setWindowTitle(title)
        self._title.setText(title)
        self.message.setText(self._message_text)
        self.message.setVisible(bool(self._message_text))
        self.setAccessibleName(title)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


@dataclass
class FirstWindow:
    """What ``show_first_window`` made, for ``ui.app.run`` to go on with."""

    qapp: QApplication
    instance: SingleInstance
    settings: UserSettings
    languages: Languages
    policy: MachinePolicy
    splash: StartupSplash


def show_first_window(
    profile_dir: Path | None,
    *,
    demo: bool = False,
    machine_policy: MachinePolicy | None = None,
    argv: list[str] | None = None,
    probe: bool = False,
) -> FirstWindow | None:
    """The QApplication and the splash, painted; None when another instance of this
    profile runs (it was asked to come forward)."""
    QApplication.setApplicationName("MinistryIntranet")
    QApplication.setOrganizationName("MinistryIntranet")
    qapp = QApplication(argv if argv is not None else ["python"])
    qapp.setWindowIcon(app_icon())
    qapp.setQuitOnLastWindowClosed(False)  # the app quits when the user says so, only
    instance = SingleInstance(instance_name(profile_dir))
    if not instance.claim():
        log.info("another instance is running: asked it to come forward")
        print(ALREADY_RUNNING, flush=True)
        return None
    load_style(qapp)
    settings = UserSettings.open(profile_dir, demo=demo)
    policy = machine_policy or load_machine_policy()
    languages = Languages(qapp)
    languages.switch(initial_language(policy, settings))
    splash = StartupSplash()
    splash.show()
    splash.repaint()  # on screen now, before the rest of the app loads
    if probe:  # bench/startup.py
        print(f"startup-probe first-window-at={time.time():.3f}", flush=True)
    return FirstWindow(qapp, instance, settings, languages, policy, splash)
