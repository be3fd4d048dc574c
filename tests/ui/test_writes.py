"""``Writes`` with a real cache, a real server on loopback and the real sync controller:
a command queued on a worker, announced, counted, pushed soon; refused input writing
nothing; offline writes waiting; the user's decisions on queued changes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject

from cache.changes import Changes, ChangeSource
from cache.schema import SyncState
from client.session import Session
from domains.command import CommandRefused
from domains.directory.commands import UpdateContactDetails
from tests.client.test_sync import sign_in_for
from tests.server.conftest import PASSWORD, World, world, world_settings  # noqa: F401
from ui.context import DataEvents
from ui.reads import ReadPool
from ui.sync_controller import CacheFacts, SyncController
from ui.tasks import TaskRunner
from ui.writes import Writes

TIMEOUT = 20_000


@dataclass
class Window:
    """The parts of a main window that a write touches."""

    session: Session
    tasks: TaskRunner
    reads: ReadPool
    events: DataEvents
    sync: SyncController
    writes: Writes
    heard: list[Changes] = field(default_factory=list)
    facts: list[CacheFacts] = field(default_factory=list)
    syncs: list[object] = field(default_factory=list)

    def heard_from(self, source: ChangeSource) -> list[Changes]:
        return [c for c in self.heard if c.source is source]


def open_window(session: Session) -> Window:
    tasks = TaskRunner(max_threads=2)
    events = DataEvents()
    reads = ReadPool(session.cache.connect, tasks)
    sync = SyncController(session, tasks, events, push_soon_ms=100, first_delay_ms=0)
    writes = Writes(reads, events, sync)
    window = Window(session, tasks, reads, events, sync, writes)
    events.changed.connect(window.heard.append)
    sync.facts_changed.connect(window.facts.append)
    sync.synced.connect(window.syncs.append)
    return window


def close_window(qtbot: Any, window: Window) -> None:
    window.sync.stop(wait=True)
    qtbot.waitUntil(lambda: not window.sync.running, timeout=TIMEOUT)
    window.tasks.wait_for_done()
    window.reads.close()


@pytest.fixture
def staff(world: World, tmp_path: Path) -> Iterator[Session]:  # noqa: F811
    session = sign_in_for(world, tmp_path).online("staff", PASSWORD)
    session.sync_engine().run()
    try:
        yield session
    finally:
        session.close()


@pytest.fixture
def window(qtbot: Any, staff: Session) -> Iterator[Window]:
    made = open_window(staff)
    try:
        yield made
    finally:
        close_window(qtbot, made)


def my_phone(window: Window, phone: str) -> UpdateContactDetails:
    return UpdateContactDetails("p-staff", phone, None, None, window.session.user)


def server_phone(world: World) -> object:  # noqa: F811
    return world.sign_in("staff").sync_all("people")[0]["p-staff"]["phone"]


def test_a_write_is_stored_announced_counted_and_pushed_soon(
    qtbot: Any,
    window: Window,
    world: World,  # noqa: F811
) -> None:
    applied: list[object] = []
    window.writes.apply(my_phone(window, "+994 12 111 11 11"), on_done=applied.append)
    qtbot.waitUntil(lambda: bool(applied), timeout=TIMEOUT)
    # At once, before any push: the optimistic card, its Changes, the count.
    stored = window.session.cache.records.get("people", "p-staff")
    assert stored is not None and stored.record["phone"] == "+994 12 111 11 11"
    assert window.heard[0] == Changes.of(ChangeSource.LOCAL_WRITE, "people", ["p-staff"])
    qtbot.waitUntil(lambda: any(f.waiting == 1 for f in window.facts), timeout=TIMEOUT)
    # Then the push, soon, without anyone asking for a sync.
    qtbot.waitUntil(lambda: bool(window.syncs), timeout=TIMEOUT)
    assert server_phone(world) == "+994 12 111 11 11"
    assert window.session.cache.outbox.all() == []
    answers = window.heard_from(ChangeSource.OUTBOX_ANSWER)
    assert answers == [Changes.of(ChangeSource.OUTBOX_ANSWER, "people", ["p-staff"])]
    assert window.facts[-1].waiting == 0


def test_refused_input_says_why_and_writes_nothing(qtbot: Any, window: Window) -> None:
    refused: list[CommandRefused] = []
    done: list[object] = []
    window.writes.apply(my_phone(window, "x" * 300), on_done=done.append, on_refused=refused.append)
    qtbot.waitUntil(lambda: bool(refused), timeout=TIMEOUT)
    assert [(p.field, p.code) for p in refused[0].problems] == [("phone", "too_long")]
    assert done == [] and window.heard == []
    assert window.session.cache.outbox.all() == []
    stored = window.session.cache.records.get("people", "p-staff")
    assert stored is not None and stored.sync_state is SyncState.SYNCED
    qtbot.wait(300)  # three times push_soon_ms: no sync was asked for
    assert window.syncs == [] and not window.sync.running


def test_offline_the_write_waits_and_only_the_count_changes(
    qtbot: Any,
    staff: Session,
    world: World,  # noqa: F811
) -> None:
    staff.offline = True
    window = open_window(staff)
    try:
        applied: list[object] = []
        window.writes.apply(my_phone(window, "+994 12 222 22 22"), on_done=applied.append)
        qtbot.waitUntil(lambda: bool(applied), timeout=TIMEOUT)
        qtbot.waitUntil(lambda: any(f.waiting == 1 for f in window.facts), timeout=TIMEOUT)
        qtbot.wait(300)
        assert window.syncs == [] and not window.sync.running
        assert server_phone(world) != "+994 12 222 22 22"
        # The network is back: the next sync sends it.
        staff.offline = False
        window.sync.sync_now()
        qtbot.waitUntil(lambda: bool(window.syncs), timeout=TIMEOUT)
        assert server_phone(world) == "+994 12 222 22 22"
    finally:
        close_window(qtbot, window)


def test_a_write_during_a_sync_is_pushed_by_one_more_after_it(
    qtbot: Any,
    window: Window,
    world: World,  # noqa: F811
) -> None:
    window.sync.sync_now()
    assert window.sync.running
    applied: list[object] = []
    window.writes.apply(my_phone(window, "+994 12 333 33 33"), on_done=applied.append)
    qtbot.waitUntil(lambda: bool(applied), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: len(window.syncs) == 2, timeout=TIMEOUT)
    assert server_phone(world) == "+994 12 333 33 33"
    assert window.session.cache.outbox.all() == []


def test_discard_rolls_back_and_is_announced(qtbot: Any, staff: Session) -> None:
    staff.offline = True
    window = open_window(staff)
    try:
        before = staff.cache.records.get("people", "p-staff")
        assert before is not None
        applied: list[object] = []
        window.writes.apply(my_phone(window, "+994 12 444 44 44"), on_done=applied.append)
        qtbot.waitUntil(lambda: bool(applied), timeout=TIMEOUT)
        [change] = staff.cache.outbox.waiting()
        assert change.current["phone"] == "+994 12 444 44 44"
        assert change.base == before.record
        discarded: list[object] = []
        window.writes.discard("people", "p-staff", on_done=discarded.append)
        qtbot.waitUntil(lambda: bool(discarded), timeout=TIMEOUT)
        after = staff.cache.records.get("people", "p-staff")
        assert after is not None and after.record == before.record
        assert after.sync_state is SyncState.SYNCED
        assert staff.cache.outbox.all() == []
        assert window.heard == [Changes.of(ChangeSource.LOCAL_WRITE, "people", ["p-staff"])] * 2
        qtbot.waitUntil(lambda: window.facts[-1].waiting == 0, timeout=TIMEOUT)
    finally:
        close_window(qtbot, window)


def test_a_write_whose_widget_is_gone_is_still_stored_and_announced(
    qtbot: Any, window: Window
) -> None:
    owner = QObject()
    done: list[object] = []
    window.writes.apply(my_phone(window, "+994 12 555 55 55"), owner=owner, on_done=done.append)
    owner.deleteLater()
    qtbot.waitUntil(lambda: bool(window.heard), timeout=TIMEOUT)
    assert done == []
    assert window.heard[0].ids("people") == {"p-staff"}
    assert window.session.cache.records.get("people", "p-staff").record["phone"] == (  # type: ignore[union-attr]
        "+994 12 555 55 55"
    )
