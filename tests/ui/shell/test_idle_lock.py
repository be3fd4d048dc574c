"""The idle lock covers the window after the policy's idle time and wants the password."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from server.config import Policy
from tests.server.conftest import PASSWORD
from tests.ui.shell.conftest import MakeShell, visible_texts
from ui.idle_lock import IdleWatcher


def test_idle_time_locks_and_the_password_unlocks(make_shell: MakeShell) -> None:
    app = make_shell(idle_timeout_ms=300)
    window = app.sign_in()
    app.wait_synced()
    overlay = window.overlay
    app.qtbot.waitUntil(overlay.isVisible, timeout=5000)
    assert overlay.geometry() == window.rect()  # covers it all, menus included
    assert not window.parts.menus.sync_now.isEnabled()
    assert not window.tab_widget.isEnabled()
    assert "The Intranet is locked" in visible_texts(overlay)

    overlay.password.setText("wrong")
    overlay.unlock_button.click()
    app.qtbot.waitUntil(overlay.message.isVisible, timeout=10_000)
    assert overlay.message.text() == "The password is incorrect."
    assert overlay.isVisible()

    overlay.password.setText(PASSWORD)
    overlay.unlock_button.click()  # waits 1 s after one failure, on the worker
    app.qtbot.waitUntil(lambda: not overlay.isVisible(), timeout=10_000)
    assert window.parts.menus.sync_now.isEnabled() and window.tab_widget.isEnabled()


def test_input_postpones_the_lock(make_shell: MakeShell, qtbot) -> None:
    watcher = IdleWatcher(400)
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))
    app = make_shell()
    dialog = app.dialog
    watcher.start()
    for _ in range(6):
        qtbot.wait(150)
        QTest.mouseMove(dialog.username, QPoint(5 + len(fired), 5))
        QTest.keyClick(dialog.username, Qt.Key.Key_A)
    assert fired == []
    qtbot.waitUntil(lambda: fired == [True], timeout=3000)
    watcher.stop()


@pytest.mark.parametrize("world_settings", [{"policy": Policy(idle_lock_minutes=7)}], indirect=True)
def test_the_idle_time_comes_from_the_policy(make_shell: MakeShell) -> None:
    app = make_shell()
    window = app.sign_in()
    assert window.idle_lock.watcher._timer.interval() == 7 * 60_000


def test_sign_out_from_the_lock(make_shell: MakeShell) -> None:
    app = make_shell(idle_timeout_ms=200)
    window = app.sign_in()
    app.qtbot.waitUntil(window.overlay.isVisible, timeout=5000)
    window.overlay.sign_out_button.click()
    app.qtbot.waitUntil(lambda: app.shell.window is None and app.shell.dialog is not None)
