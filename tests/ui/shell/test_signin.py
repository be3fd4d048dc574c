"""Signing in through the dialog: online, offline, remembered, and the ways it fails."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThread

from cache.keystore import CredentialStore
from client.session import DeviceIdentity
from server.config import Policy
from tests.server.conftest import World
from tests.ui.shell.conftest import MakeShell
from ui.main_window import Leave


def test_online_sign_in_opens_the_window_and_syncs(make_shell: MakeShell, world: World) -> None:
    app = make_shell()
    dialog = app.submit()
    assert dialog.busy  # the worker runs; the dialog shows it and stays responsive
    assert not dialog.sign_in_button.isEnabled()
    window = app.wait_synced()
    assert app.shell.session is not None and not app.shell.session.offline
    app.qtbot.waitUntil(lambda: app.probe().people == 6)
    status = window.parts.status
    assert status.connection.text().endswith("Online")
    assert status.last_sync.text().startswith("Last synchronised: ")
    assert window.windowTitle() == "Intranet — Ministry of Health"
    assert [window.tab_widget.tabText(i) for i in range(window.tab_widget.count())] == ["Probe"]


def test_sign_in_runs_off_the_gui_thread(make_shell: MakeShell, monkeypatch) -> None:
    import ui.signin

    threads: list[bool] = []
    real = ui.signin.sign_in_now

    def spy(sign_in, request):
        threads.append(QThread.currentThread() is app.shell.thread())
        return real(sign_in, request)

    monkeypatch.setattr(ui.signin, "sign_in_now", spy)
    app = make_shell()
    app.sign_in()
    assert threads == [False]


def test_wrong_password_online_says_so(make_shell: MakeShell) -> None:
    app = make_shell()
    dialog = app.submit(password="not the password")
    app.qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.message.isVisible()
    assert dialog.message.text() == "The username or password is incorrect."
    assert app.shell.window is None
    assert dialog.sign_in_button.isEnabled()


def test_unreachable_server_without_offline_data(make_shell: MakeShell, world: World) -> None:
    world.server.stop()
    app = make_shell()
    dialog = app.submit()
    app.qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert "cannot be reached" in dialog.message.text()
    assert world.server.base_url.removeprefix("http://") in dialog.message.text()


def test_restart_offline_with_the_server_stopped_shows_the_same_data(
    make_shell: MakeShell, world: World
) -> None:
    first = make_shell()
    first.dialog.remember.setChecked(False)  # so the restart must ask for the password
    first.sign_in()
    first.wait_synced()
    first.qtbot.waitUntil(lambda: first.probe().people == 6)
    first.leave(Leave.QUIT)
    assert first.quits == [True]
    world.server.stop()

    second = make_shell()
    window = second.sign_in()  # the same password, now checked against the offline data
    session = second.shell.session
    assert session is not None and session.offline
    second.qtbot.waitUntil(lambda: second.probe().people == 6)
    second.qtbot.waitUntil(
        lambda: window.parts.status.connection.property("state") == "offline", timeout=20_000
    )
    assert window.parts.status.connection.text().startswith("●  Offline")
    assert "working with the data kept on this computer" in window.statusBar().currentMessage()


def test_wrong_offline_password_shows_the_enforced_delay(
    make_shell: MakeShell, world: World
) -> None:
    first = make_shell()
    first.dialog.remember.setChecked(False)
    first.sign_in()
    first.leave(Leave.QUIT)
    world.server.stop()

    second = make_shell()
    dialog = second.submit(password="wrong")
    second.qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    text = dialog.message.text()
    assert "The password is incorrect." in text
    assert "checked against the offline data" in text
    assert "The next attempt is possible in 1 second." in text
    assert dialog.sign_in_button.text() == "Wait 1 s" and not dialog.sign_in_button.isEnabled()
    second.qtbot.waitUntil(dialog.sign_in_button.isEnabled, timeout=5_000)
    assert dialog.sign_in_button.text() == "Sign in"


def test_a_remembered_key_opens_the_window_without_the_dialog(make_shell: MakeShell) -> None:
    first = make_shell()
    assert first.dialog.remember.isChecked()
    first.sign_in()
    first.wait_synced()
    first.leave(Leave.QUIT)

    second = make_shell()
    window = second.wait_synced()  # no password typed: the credential store had the key
    assert second.shell.dialog is None
    second.qtbot.waitUntil(lambda: second.probe().people == 6)
    assert window.parts.status.connection.text().endswith("Online")


def test_unchecked_remember_keeps_nothing_in_the_credential_store(
    make_shell: MakeShell, tmp_path
) -> None:
    first = make_shell()
    first.dialog.remember.setChecked(False)
    first.sign_in()
    session = first.shell.session
    assert session is not None
    store = CredentialStore()
    assert store.load(session.profile.credential_entry) is None
    first.leave(Leave.QUIT)

    second = make_shell()
    assert second.dialog.isVisible()
    assert not second.dialog.remember.isChecked()


def test_plain_sign_out_returns_to_the_dialog(make_shell: MakeShell) -> None:
    app = make_shell()
    window = app.sign_in()
    window.parts.menus.sign_out.trigger()
    app.qtbot.waitUntil(lambda: app.shell.window is None and app.shell.dialog is not None)
    assert app.dialog.isVisible()
    assert app.dialog.username.text() == "staff"


@pytest.mark.parametrize(
    "world_settings", [{"policy": Policy(offline_grace_days=0)}], indirect=True
)
def test_expired_offline_grace_asks_to_connect(make_shell: MakeShell, world: World) -> None:
    first = make_shell()
    first.dialog.remember.setChecked(False)
    first.sign_in()
    first.leave(Leave.QUIT)
    world.server.stop()

    second = make_shell()
    dialog = second.submit()
    second.qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert "Connect to the ministry network once to continue." in dialog.message.text()


def revoke_this_computer(world: World, root) -> None:
    device = DeviceIdentity.load_or_create(root)
    answer = world.sign_in("admin").post(f"/admin/devices/{device.device_id}/revoke", key=None)
    assert answer.status_code == 200, answer.text


def test_a_device_revoked_while_signed_in_is_wiped_and_asked_to_sign_in(
    make_shell: MakeShell, world: World, tmp_path
) -> None:
    app = make_shell()
    window = app.sign_in()
    app.wait_synced()
    session = app.shell.session
    assert session is not None
    folder = session.profile.folder
    revoke_this_computer(world, tmp_path / "profiles")
    window.parts.menus.sync_now.trigger()
    app.qtbot.waitUntil(lambda: app.shell.window is None and app.shell.dialog is not None)
    assert not folder.exists()
    assert "offline data on this computer was removed" in app.dialog.message.text()
    # Signing in again enrols this computer as a new device, without a second warning.
    app.sign_in()
    app.wait_synced()
    assert app.shell.session is not None and not app.shell.session.reenrolled


def test_a_device_revoked_before_sign_in_tells_the_user(
    make_shell: MakeShell, world: World, tmp_path
) -> None:
    first = make_shell()
    first.sign_in()
    first.leave(Leave.QUIT)
    revoke_this_computer(world, tmp_path / "profiles")

    second = make_shell(start=False)
    second.shell.show_sign_in()
    window = second.sign_in()
    assert second.shell.session is not None and second.shell.session.reenrolled
    assert "offline data was removed" in window.statusBar().currentMessage()
