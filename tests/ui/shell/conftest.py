"""The shell against a real server on loopback, a real encrypted cache and the real
keyring (scripts/test). A small probe tab stands in for the real tabs where a test is
about the shell itself: it reads the cache the way tabs must (a worker, its own
connection) and refreshes on ``DataEvents.changed``."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.errors import KeyringError
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from cache.keystore import SERVICE
from cache.keywrap import Argon2Params
from cache.profile import Profile
from client.policy import MachinePolicy
from client.session import refresh_entry
from tests.server.conftest import PASSWORD, World, world, world_settings  # noqa: F401
from ui.app import AppOptions, Prefill, ShellApp
from ui.context import TabContext
from ui.i18n import Languages
from ui.main_window import Leave, MainWindow
from ui.settings import UserSettings
from ui.signin import SignInDialog
from ui.tabs import TabSpec

CHEAP_KDF = Argon2Params(memory_kib=1024, time_cost=1, parallelism=1)


class ProbeTab(QLabel):
    """Counts the people in the cache, on a worker, after every sync."""

    def __init__(self, context: TabContext) -> None:
        super().__init__()
        self.context = context
        self.people: int | None = None
        self.refreshes = 0
        context.events.changed.connect(self.refresh)
        self.refresh(None)

    @staticmethod
    def title() -> str:
        return "Probe"

    def refresh(self, _changed: object) -> None:
        self.context.reads.query(
            lambda db: int(db.conn.execute("SELECT count(*) FROM people").fetchone()[0]),
            self._show,
            owner=self,
        )

    def _show(self, count: int) -> None:
        self.people = count
        self.refreshes += 1
        self.setText(f"{count} people")


def probe_tabs() -> list[TabSpec]:
    return [TabSpec("probe", ProbeTab, ProbeTab.title)]


@dataclass
class Harness:
    """One run of the app (a 'process'); ``restart`` makes the next one over the same
    profile folder and settings."""

    qtbot: QtBot
    shell: ShellApp
    languages: Languages
    quits: list[bool] = field(default_factory=list)

    @property
    def dialog(self) -> SignInDialog:
        self.qtbot.waitUntil(lambda: self.shell.dialog is not None, timeout=10_000)
        assert self.shell.dialog is not None
        return self.shell.dialog

    @property
    def window(self) -> MainWindow:
        self.qtbot.waitUntil(
            lambda: self.shell.window is not None and self.shell.window.isVisible(),
            timeout=15_000,
        )
        assert self.shell.window is not None
        return self.shell.window

    def submit(self, username: str = "staff", password: str = PASSWORD) -> SignInDialog:
        dialog = self.dialog
        dialog.username.setText(username)
        dialog.password.setText(password)
        dialog.sign_in_button.click()
        return dialog

    def sign_in(self, username: str = "staff", password: str = PASSWORD) -> MainWindow:
        self.submit(username, password)
        return self.window

    def wait_synced(self) -> MainWindow:
        window = self.window
        self.qtbot.waitUntil(
            lambda: (
                window.parts.status.connection.property("state") == "online"
                and not window.parts.sync.running
            ),
            timeout=20_000,
        )
        return window

    def probe(self) -> ProbeTab:
        tab = self.window.tabs["probe"]
        assert isinstance(tab, ProbeTab)
        return tab

    def leave(self, reason: Leave = Leave.QUIT) -> None:
        window = self.shell.window
        if window is not None:
            window.leave(reason)
            self.qtbot.waitUntil(lambda: self.shell.window is None, timeout=30_000)

    def close(self) -> None:
        self.leave()
        if self.shell.dialog is not None:
            self.qtbot.waitUntil(lambda: not self.shell.dialog.busy, timeout=30_000)
            self.shell.dialog.close()
            self.shell.dialog.deleteLater()
            self.shell.dialog = None
        self.shell.tasks.wait_for_done(30_000)
        self.languages.uninstall()


MakeShell = Callable[..., Harness]


@pytest.fixture
def make_shell(
    qtbot: QtBot,
    qapp: QApplication,
    world: World,  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> Iterator[MakeShell]:
    made: list[Harness] = []

    def make(*, start: bool = True, language: str = "en", **overrides: Any) -> Harness:
        options = AppOptions(
            profile_dir=tmp_path / "profiles",
            prefill=Prefill(world.server.base_url),
            machine_policy=MachinePolicy(),
            vault_options={"kdf": CHEAP_KDF, "sleeper": lambda _s: None},
            sync_interval_ms=10 * 60_000,
            first_sync_delay_ms=0,
            tabs=probe_tabs,
        )
        for name, value in overrides.items():
            setattr(options, name, value)
        settings = UserSettings(
            QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        )
        languages = Languages(qapp)
        languages.switch(language)
        quits: list[bool] = []
        shell = ShellApp(qapp, options, settings, languages, quit_app=lambda: quits.append(True))
        harness = Harness(qtbot, shell, languages, quits)
        made.append(harness)
        if start:
            shell.start()
        return harness

    yield make
    for harness in made:
        harness.close()
    for name in ("staff", "colleague", "analyst", "head"):
        profile = Profile.for_user(world.server.base_url, name, tmp_path / "profiles")
        for entry in (profile.credential_entry, refresh_entry(profile)):
            with contextlib.suppress(KeyringError):
                keyring.delete_password(SERVICE, entry)


def visible_texts(widget: QWidget) -> set[str]:
    """Every text a user can read in ``widget`` (labels, buttons, menus, tabs)."""
    from PySide6.QtWidgets import QAbstractButton, QMainWindow, QTabWidget

    texts: set[str] = set()
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, QLabel | QAbstractButton) and child.text():
            texts.add(child.text())
        if isinstance(child, QTabWidget):
            texts.update(child.tabText(i) for i in range(child.count()))
        if isinstance(child, QMainWindow):
            for action in child.menuBar().actions():
                texts.add(action.text())
                menu = action.menu()
                if menu is not None:
                    texts.update(a.text() for a in menu.actions() if a.text())
    texts.add(widget.windowTitle())
    return texts


def answer_question(qtbot: QtBot, button_text: str) -> None:
    """Click a button of the window's open question box."""

    def box() -> QMessageBox | None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                return widget
        return None

    qtbot.waitUntil(lambda: box() is not None)
    found = box()
    assert found is not None
    for button in found.buttons():
        if button.text() == button_text:
            button.click()
            return
    raise AssertionError(f"no button {button_text!r} in {[b.text() for b in found.buttons()]}")
