"""The sync as the window runs it: off the GUI thread, with progress, cancellable, and
the window's ways out (sign out and remove offline data)."""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from cache.changes import Changes, ChangeSource
from client.errors import NetworkError
from client.sync import SEARCH_INDEX, RetryPolicy, SyncProgress
from server.config import Settings
from server.runner import ServerThread, seed_if_empty
from tests.server.conftest import World
from tests.ui.shell.conftest import MakeShell, answer_question
from ui.app import Prefill
from ui.status import StatusPanel
from ui.sync_controller import Connection


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerThread]:
    """The demo data set (500 people, 50 000 indicator values...), seeded once."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("demo-server"))
    seed_if_empty(settings, "demo", today=date(2026, 3, 2))
    server = ServerThread(settings).start()
    yield server
    server.stop()


def test_a_long_sync_leaves_the_gui_thread_free(
    make_shell: MakeShell, demo_server: ServerThread, qtbot: QtBot
) -> None:
    app = make_shell(
        start=False, prefill=Prefill(demo_server.base_url), engine_options={"page_size": 1000}
    )
    app.shell.show_sign_in()
    app.dialog.server.setText(demo_server.base_url)
    app.dialog.remember.setChecked(False)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    window = app.sign_in("staff", "demo")
    sync = window.parts.sync
    progress: list[SyncProgress] = []
    sync.progress.connect(progress.append)
    heard_early: list[object] = []
    window.parts.context.events.changed.connect(
        lambda changed: heard_early.append(changed) if sync.running else None
    )
    qtbot.waitUntil(lambda: sync.running, timeout=5000)
    started = time.monotonic()
    ticks.clear()
    assert window.parts.status.bar.isVisible()
    qtbot.waitUntil(lambda: not sync.running, timeout=120_000)
    ended = time.monotonic()
    timer.stop()
    assert sync.last_error is None
    elapsed = ended - started
    assert elapsed > 1.0, "the sync was too short to tell anything"
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    # Blocked, the timer would not fire at all during the sync; free, it fires every
    # 10 ms give or take the other threads' share of the GIL.
    assert len(ticks) >= elapsed / 0.010 * 0.3, (len(ticks), elapsed)
    assert max(gaps) < 0.5, max(gaps)
    assert len(progress) > 20  # page by page, through a queued signal
    assert progress[-1].collection
    # Each collection is announced once complete, while the rest still syncs.
    heard = {next(iter(c.collections)): c for c in heard_early if len(c.collections) == 1}
    assert {"people", "departments"} <= set(heard)
    # With the ids of what the pages stored: a tab refreshes only what it shows of them.
    assert heard["people"].source is ChangeSource.SYNC_PAGE
    assert len(heard["people"].ids("people") or ()) == 500
    assert not window.parts.status.bar.isVisible()
    app.qtbot.waitUntil(lambda: app.probe().people == 500)


def test_a_running_sync_can_be_cancelled(
    make_shell: MakeShell, demo_server: ServerThread, qtbot: QtBot
) -> None:
    app = make_shell(
        start=False, prefill=Prefill(demo_server.base_url), engine_options={"page_size": 100}
    )
    app.shell.show_sign_in()
    app.dialog.remember.setChecked(False)
    window = app.sign_in("staff", "demo")
    sync = window.parts.sync
    with qtbot.waitSignal(sync.progress, timeout=30_000):
        pass
    window.parts.status.cancel.click()
    qtbot.waitUntil(lambda: not sync.running, timeout=30_000)
    assert type(sync.last_error).__name__ == "SyncCancelled"
    assert window.parts.status.connection.text().endswith("Online")


def test_each_sync_tells_the_tabs_and_the_status_bar(make_shell: MakeShell, world: World) -> None:
    app = make_shell()
    window = app.sign_in()
    app.wait_synced()
    changes: list[object] = []
    window.parts.context.events.changed.connect(changes.append)
    with app.qtbot.waitSignal(window.parts.sync.synced, timeout=20_000):
        window.parts.menus.sync_now.trigger()
    assert changes == []  # nothing changed on the server since the first sync: no news
    session = app.shell.session
    assert session is not None
    session.cache.outbox.enqueue("POST", "/bookings", body={"room_id": "nowhere"})
    window.parts.sync.refresh_facts()
    app.qtbot.waitUntil(lambda: window.parts.status.waiting.text() == "1 change waiting to be sent")


def test_the_server_coming_back_is_noticed(make_shell: MakeShell, world: World) -> None:
    app = make_shell(engine_options={"retry": RetryPolicy(page_attempts=1)})
    window = app.sign_in()
    app.wait_synced()
    sync = window.parts.sync
    sync._retry_first_ms = 200  # the test's patience, not the app's
    port = world.server.port
    world.server.stop()
    window.parts.menus.sync_now.trigger()
    app.qtbot.waitUntil(
        lambda: window.parts.status.connection.property("state") == "offline", timeout=30_000
    )
    restarted = ServerThread(world.server.settings, port=port).start()
    try:
        app.wait_synced()  # the backoff retry found it again, without the user
        assert window.parts.status.connection.text().endswith("Online")
    finally:
        app.leave()
        restarted.stop()


def test_remove_offline_data_asks_first_then_wipes(make_shell: MakeShell, tmp_path: Path) -> None:
    app = make_shell()
    window = app.sign_in()
    app.wait_synced()
    session = app.shell.session
    assert session is not None
    folder = session.profile.folder
    window.parts.menus.remove_data.trigger()
    answer_question(app.qtbot, "Cancel")
    assert app.shell.window is window and folder.exists()
    window.parts.menus.remove_data.trigger()
    answer_question(app.qtbot, "Remove and sign out")
    app.qtbot.waitUntil(lambda: app.shell.window is None and app.shell.dialog is not None)
    assert not folder.exists()
    assert app.dialog.message.text() == "The offline data on this computer was removed."


def test_quitting_abandons_the_sync_and_closes_the_session(
    make_shell: MakeShell, demo_server: ServerThread
) -> None:
    app = make_shell(
        start=False, prefill=Prefill(demo_server.base_url), engine_options={"page_size": 100}
    )
    app.shell.show_sign_in()
    app.dialog.remember.setChecked(False)
    window = app.sign_in("staff", "demo")
    session = app.shell.session
    app.qtbot.waitUntil(lambda: window.parts.sync.running)
    window.close()  # the window's close button
    app.qtbot.waitUntil(lambda: app.shell.window is None, timeout=30_000)
    assert app.quits == [True]
    assert session is not None and session.cache.closed
    # Quit does not wait for the sync (a server may never answer): nothing more goes out.
    assert not window.parts.sync.running
    with pytest.raises(NetworkError, match="closed"):
        session.api.me()


def test_while_the_server_is_down_the_status_counts_down_without_a_busy_bar(
    make_shell: MakeShell, world: World
) -> None:
    app = make_shell(engine_options={"retry": RetryPolicy(page_attempts=1)})
    window = app.sign_in()
    app.wait_synced()
    sync, status = window.parts.sync, window.parts.status
    world.server.stop()
    window.parts.menus.sync_now.trigger()  # thought online: this one may show it works
    app.qtbot.waitUntil(lambda: status.connection.property("state") == "offline", timeout=30_000)
    assert re.fullmatch(r"●  Offline, next try in \d+ s", status.connection.text())

    seen: list[tuple[object, bool, str]] = []

    def note(*_args: object) -> None:
        seen.append((sync.state, status.bar.isVisible(), status.connection.text()))

    sync.state_changed.connect(note)
    sync.next_try.connect(note)
    sync._retry_first_ms = 400  # the test's patience, not the app's
    for _attempt in range(3):  # each retry, as the backoff timer would start it
        sync.sync_now()
        app.qtbot.waitUntil(lambda: not sync.running, timeout=30_000)
    assert seen, "no attempt was made"
    assert {state for state, _bar, _text in seen} == {Connection.OFFLINE}
    assert not any(bar for _state, bar, _text in seen)
    texts = {text for _state, _bar, text in seen}
    assert "●  Offline, trying to connect…" in texts
    assert re.fullmatch(r"●  Offline, next try in \d+ s", status.connection.text())
    assert not status.activity.isVisible()


def test_registry_search_index_is_built_after_the_sync_with_progress_shown(
    make_shell: MakeShell, world: World
) -> None:
    app = make_shell()
    window = app.sign_in("analyst")
    app.wait_synced()
    session = app.shell.session
    assert session is not None
    session.cache.meta.offline_registries = ["reg-open", "reg-personal"]
    sync, status = window.parts.sync, window.parts.status
    indexing: list[SyncProgress] = []
    sync.progress.connect(
        lambda update: indexing.append(update) if update.collection == SEARCH_INDEX else None
    )
    changes: list[object] = []
    window.parts.context.events.changed.connect(changes.append)
    texts: list[str] = []
    sync.progress.connect(lambda _update: texts.append(status.activity.text()))
    # The first sync's own (empty) indexing may still end after this trigger: wait for
    # the run that indexed something.
    ended_after_rows: list[bool] = []
    sync.indexing_finished.connect(lambda: ended_after_rows.append(bool(indexing)))
    window.parts.menus.sync_now.trigger()
    app.qtbot.waitUntil(lambda: any(ended_after_rows), timeout=30_000)
    assert indexing and indexing[-1].done == indexing[-1].total == 5
    assert not sync.running  # the sync had ended before its index was built
    assert session.cache.records.search_index_pending() == 0
    assert changes[-1] == Changes.of(ChangeSource.SYNC_PAGE, "registry_rows")
    assert any(text.startswith("Preparing registry search") for text in texts)
    assert not status.bar.isVisible()


def test_the_status_bar_says_what_is_still_to_come(qtbot: QtBot) -> None:
    status = StatusPanel()
    qtbot.addWidget(status)
    status.set_state(Connection.SYNCING)
    status.set_progress(SyncProgress("people", 5000, None, ("rooms", "registry_rows")))
    text = status.activity.text()
    assert text.startswith("Staff: 5")
    assert text.endswith("; still to come: Meeting rooms, Registry rows")
    status.set_progress(SyncProgress("rooms", 12, None))
    assert "still to come" not in status.activity.text()
