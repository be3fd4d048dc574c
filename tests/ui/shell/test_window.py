"""The main window's layout is kept; an ended sign-in asks to sign in again; the demo."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

import main
from server.config import Policy
from tests.server.conftest import World
from tests.ui.shell.conftest import MakeShell, ProbeTab, answer_question
from ui.context import TabContext
from ui.main_window import Leave
from ui.tabs import TabSpec


class SplitTab(QWidget):
    """A tab with an unnamed splitter, as tabs are free to have."""

    def __init__(self, context: TabContext) -> None:
        super().__init__()
        self.setObjectName("SplitTab")
        self.probe = ProbeTab(context)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(QLabel("left"))
        self.splitter.addWidget(QLabel("right"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        layout.addWidget(self.probe)

    @staticmethod
    def title() -> str:
        return "Split"


def split_tabs() -> list[TabSpec]:
    return [TabSpec("split", SplitTab, SplitTab.title)]


def test_size_position_and_splitters_are_kept(make_shell: MakeShell) -> None:
    first = make_shell(tabs=split_tabs)
    window = first.sign_in()
    window.resize(720, 530)  # within the offscreen screen (800 x 600)
    tab = window.tabs["split"]
    assert isinstance(tab, SplitTab)
    total = sum(tab.splitter.sizes())
    tab.splitter.setSizes([150, total - 150])
    first.qtbot.waitUntil(lambda: tab.splitter.sizes()[0] == 150)
    first.leave(Leave.QUIT)

    second = make_shell(tabs=split_tabs)  # remembered: no dialog
    window = second.window
    assert (window.width(), window.height()) == (720, 530)
    tab = window.tabs["split"]
    assert isinstance(tab, SplitTab)
    assert tab.splitter.sizes()[0] == 150


def test_an_ended_sign_in_asks_to_sign_in_again(make_shell: MakeShell, world: World) -> None:
    app = make_shell()
    window = app.sign_in()
    app.wait_synced()
    session = app.shell.session
    assert session is not None
    # The user signed this login out elsewhere (or an administrator ended it).
    with httpx.Client(base_url=world.api_url) as http:
        ended = http.post(
            "/auth/logout", headers={"Authorization": f"Bearer {session.api._access_token}"}
        )
    assert ended.status_code == 204
    window.parts.menus.sync_now.trigger()
    answer_question(app.qtbot, "Later")  # keeps working offline
    app.qtbot.waitUntil(lambda: window.parts.status.connection.property("state") == "offline")
    assert "Sign in again to synchronise" in window.statusBar().currentMessage()
    assert app.shell.window is window
    window.parts.menus.sync_now.trigger()
    answer_question(app.qtbot, "Sign in now")
    app.qtbot.waitUntil(lambda: app.shell.window is None and app.shell.dialog is not None)
    assert "Your sign-in has ended" in app.dialog.message.text()
    app.sign_in()
    app.wait_synced()


@pytest.mark.parametrize(
    "world_settings", [{"policy": Policy(remember_on_this_computer=False)}], indirect=True
)
def test_a_server_that_forbids_remembering_hides_the_choice_next_time(
    make_shell: MakeShell,
) -> None:
    first = make_shell()
    assert first.dialog.remember.isChecked()  # not known yet
    first.sign_in()
    session = first.shell.session
    assert session is not None
    assert first.shell.settings.server_allows_remember is False
    first.leave(Leave.QUIT)
    second = make_shell()
    assert not second.dialog.remember.isEnabled()  # greyed: the server forbids it


def test_the_demo_account_is_filled_in(make_shell: MakeShell, world: World) -> None:
    from ui.app import Prefill

    app = make_shell(start=False, prefill=Prefill(world.server.base_url, "staff", "demo"))
    app.shell.start()
    dialog = app.dialog
    assert (dialog.server.text(), dialog.username.text(), dialog.password.text()) == (
        world.server.base_url,
        "staff",
        "demo",
    )


def test_the_demo_server_starts_with_its_data_in_the_user_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path))
    running: list[object] = []
    prefill = main._demo_server(running)()
    try:
        assert (prefill.username, prefill.password) == ("staff", "demo")
        assert prefill.server_url.startswith("http://127.0.0.1:")
        assert (tmp_path / "demo-server").is_dir()
        answer = httpx.post(
            f"{prefill.server_url}/api/v1/auth/login",
            json={
                "username": "staff",
                "password": "demo",
                "device_id": "demo-test-device",
                "device_name": "t",
            },
        )
        assert answer.status_code == 200
    finally:
        for server in running:
            server.stop()  # type: ignore[attr-defined]
