"""The change screens on the real thing: a profile synced from the demo server on
loopback, its real encrypted cache and outbox, the window's ``ReadPool`` and ``Writes``
(work on workers), the Directory tab, the "Changes waiting" window and the conflict
screen; a 412 made by two profiles of one user on the server."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from cache.outbox import Outbox, OutboxState
from cache.schema import SyncState
from cache.store import RecordStore
from client.session import Session
from domains.catalog import CATALOG
from domains.changes import conflict_sides
from domains.describers import change_describers
from domains.directory.commands import UpdateContactDetails
from tests.demo import DemoServer, synced_session
from ui.changes_window import ChangesWindow
from ui.conflict import DIFFERS_MARK, ConflictDialog
from ui.context import DataEvents, TabContext
from ui.directory import DirectoryTab
from ui.directory.i18n import install_directory_translations
from ui.directory.my_details import MyDetailsDialog
from ui.i18n import Languages
from ui.reads import ReadPool
from ui.tasks import TaskRunner
from ui.writes import Writes


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> Iterator[None]:
    """The English translations, as the app installs them (plurals spelled out)."""
    languages = Languages(qapp)
    languages.switch("en")
    install_directory_translations(qapp, "en")
    yield
    languages.uninstall()
    install_directory_translations(qapp, "")


@pytest.fixture
def session(demo_server: DemoServer, tmp_path: Path) -> Iterator[Session]:
    """A profile of its own (the tests write), synced from the shared demo server."""
    own = synced_session(demo_server.url, tmp_path / "profiles")
    try:
        yield own
    finally:
        own.close()


@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner(max_threads=2)
    yield runner
    runner.wait_for_done()


def settle(tasks: TaskRunner) -> None:
    tasks.wait_for_done()
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QCoreApplication.processEvents()


def person_id(session: Session) -> str:
    return str(session.user["id"])


def phone_of(session: Session, pid: str) -> str:
    stored = RecordStore(session.cache.db, CATALOG).get("people", pid)
    assert stored is not None
    return str(stored.record.get("phone"))


@pytest.fixture
def context(session: Session, tasks: TaskRunner) -> Iterator[TabContext]:
    """What the window hands a tab: its read pool and write side on the real cache."""
    events = DataEvents()
    reads = ReadPool(session.cache.connect, tasks)
    writes = Writes(reads, events)
    yield TabContext(reads=reads, writes=writes, tasks=tasks, events=events, user=session.user)
    settle(tasks)
    reads.close()


@pytest.fixture
def tab(qtbot: QtBot, context: TabContext, tasks: TaskRunner) -> Iterator[DirectoryTab]:
    widget = DirectoryTab(context)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    settle(tasks)


def open_own_card(qtbot: QtBot, tab: DirectoryTab, pid: str) -> None:
    tab.show_record("people", pid)
    qtbot.waitUntil(lambda: tab.card.card is not None and tab.card.card.id == pid)


def open_form(qtbot: QtBot, tab: DirectoryTab, pid: str) -> MyDetailsDialog:
    open_own_card(qtbot, tab, pid)
    assert tab.card.edit_details.isVisible()
    tab.card.edit_details.click()
    dialog = tab.details_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def save(dialog: MyDetailsDialog) -> None:
    dialog.save_button.click()


# --- "My details" ------------------------------------------------------------------------


def test_the_form_refuses_bad_input_next_to_the_field_and_queues_nothing(
    qtbot: QtBot, tab: DirectoryTab, session: Session
) -> None:
    pid = person_id(session)
    before = phone_of(session, pid)
    dialog = open_form(qtbot, tab, pid)

    dialog.edits["phone"].setText("")
    dialog.edits["office"].setText("x" * 300)
    save(dialog)
    qtbot.waitUntil(lambda: not dialog.saving)

    assert dialog.isVisible()
    assert dialog.errors["phone"].isVisibleTo(dialog)
    assert dialog.errors["phone"].text() == "Enter a work phone number; it cannot be removed."
    assert dialog.errors["office"].text() == "At most 64 characters."
    assert not dialog.errors["mobile"].isVisibleTo(dialog)
    assert dialog.edits["phone"].accessibleDescription() == dialog.errors["phone"].text()
    assert Outbox(session.cache.db, CATALOG).all() == []
    assert phone_of(session, pid) == before

    dialog.edits["phone"].setText("12-ab")
    dialog.edits["office"].setText("204")
    save(dialog)
    qtbot.waitUntil(lambda: not dialog.saving)
    assert "Only digits" in dialog.errors["phone"].text()
    assert Outbox(session.cache.db, CATALOG).all() == []


def test_saved_details_show_on_the_card_at_once_marked_waiting(
    qtbot: QtBot, tab: DirectoryTab, session: Session
) -> None:
    pid = person_id(session)
    dialog = open_form(qtbot, tab, pid)
    dialog.edits["phone"].setText("+994 12 555 01 02")
    save(dialog)

    qtbot.waitUntil(lambda: tab.details_dialog is None)  # saved and closed
    entries = Outbox(session.cache.db, CATALOG).all()
    assert [(e.method, e.body) for e in entries] == [("PATCH", {"phone": "+994 12 555 01 02"})]
    qtbot.waitUntil(lambda: tab.card.phone.value.text() == "+994 12 555 01 02")
    qtbot.waitUntil(lambda: tab.card.sync_box.isVisibleTo(tab))
    assert tab.card.sync_mark.text() == "Your change is waiting to be sent."
    assert tab.card.sync_link.accessibleName() == "Changes waiting…"


def test_the_edit_action_is_on_ones_own_card_only(
    qtbot: QtBot, tab: DirectoryTab, session: Session
) -> None:
    pid = person_id(session)
    open_own_card(qtbot, tab, pid)
    assert tab.card.edit_details.isVisible()
    other = session.cache.db.conn.execute(
        "SELECT id FROM people WHERE id <> ? LIMIT 1", (pid,)
    ).fetchone()[0]
    open_own_card(qtbot, tab, other)
    assert not tab.card.edit_details.isVisible()
    assert tab.edit_details(other) is None


# --- "Changes waiting" -----------------------------------------------------------------


@pytest.fixture
def window(qtbot: QtBot, context: TabContext, tasks: TaskRunner) -> Iterator[ChangesWindow]:
    widget = ChangesWindow(
        context.reads, tasks, context.events, context.writes, change_describers()
    )
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    settle(tasks)


def queue_phone(session: Session, phone: str) -> int:
    from domains.writes import apply_command

    command = UpdateContactDetails(person_id(session), phone, None, "Otaq 5", session.user)
    return apply_command(session.cache.db, command).entry.id


def reloaded(qtbot: QtBot, window: ChangesWindow) -> None:
    with qtbot.waitSignal(window.loaded):
        window.reload()


def test_an_empty_outbox_says_nothing_is_waiting(qtbot: QtBot, window: ChangesWindow) -> None:
    reloaded(qtbot, window)
    assert window.stack.currentWidget() is window.empty
    assert window.empty.text().startswith("Nothing is waiting")
    assert not window.discard_button.isEnabled()


def test_the_window_lists_retries_and_discards(
    qtbot: QtBot, window: ChangesWindow, session: Session
) -> None:
    pid = person_id(session)
    original = phone_of(session, pid)
    name = RecordStore(session.cache.db, CATALOG).get("people", pid).record["full_name"]  # type: ignore[union-attr]
    entry_id = queue_phone(session, "+994 12 444 00 00")
    reloaded(qtbot, window)

    item = window.table.topLevelItem(0)
    assert item is not None and window.table.topLevelItemCount() == 1
    assert item.text(0) == f"Contact details of {name}: work phone, office"
    assert item.text(2) == "Waiting to be sent"

    # The server refused it for good: its reason, in words.
    outbox = Outbox(session.cache.db, CATALOG)
    outbox.mark_error(entry_id, "403 forbidden: Only the person or an admin may change it.")
    reloaded(qtbot, window)
    refused = window.table.topLevelItem(0)
    assert refused is not None and refused.text(2) == "Refused"
    assert refused.toolTip(2) == "Refused: You are not allowed to make this change."
    assert window.reason.text().endswith("Refused: You are not allowed to make this change.")

    with qtbot.waitSignal(window.loaded):  # the write announces Changes: the list rereads
        window.retry_button.click()
    refreshed = outbox.get(entry_id)
    assert refreshed is not None and refreshed.state == OutboxState.PENDING
    assert window.table.topLevelItem(0).text(2) == "Waiting to be sent"  # type: ignore[union-attr]

    window.confirm_discard()
    box = window.confirmation
    assert box is not None and box.defaultButton().text() == "Keep the change"
    keep = box.defaultButton()
    keep.click()
    assert outbox.all() != []  # "Keep" keeps it
    window.confirm_discard()
    box = window.confirmation
    assert box is not None
    discard = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    with qtbot.waitSignal(window.loaded):
        discard.click()
    assert outbox.all() == []
    assert phone_of(session, pid) == original
    stored = RecordStore(session.cache.db, CATALOG).get("people", pid)
    assert stored is not None and stored.sync_state == SyncState.SYNCED
    assert window.stack.currentWidget() is window.empty


def test_open_the_record_asks_for_its_card(
    qtbot: QtBot, window: ChangesWindow, session: Session
) -> None:
    queue_phone(session, "+994 12 444 00 01")
    reloaded(qtbot, window)
    with qtbot.waitSignal(window.recordRequested) as asked:
        window.open_button.click()
    assert asked.args == ["people", person_id(session)]


# --- the conflict screen -------------------------------------------------------------------


@dataclass(frozen=True)
class Conflicted:
    session: Session
    person_id: str
    mine: str
    theirs: str


def fresh_phone() -> str:
    """A number no earlier test left on the shared server's card."""
    return f"+994 12 {secrets.randbelow(10**7):07d}"


@pytest.fixture
def conflicted(demo_server: DemoServer, session: Session, tmp_path: Path) -> Iterator[Conflicted]:
    """This profile's phone change meets another profile's, pushed first: a 412."""
    pid = person_id(session)
    mine, theirs = fresh_phone(), fresh_phone()
    other = synced_session(demo_server.url, tmp_path / "other")
    try:
        from domains.writes import apply_command

        apply_command(other.cache.db, UpdateContactDetails(pid, theirs, None, None, other.user))
        other.sync_engine().run()
        assert Outbox(other.cache.db, CATALOG).all() == []
        queue_phone(session, mine)
        session.sync_engine().run()
        yield Conflicted(session, pid, mine, theirs)
    finally:
        other.close()


def conflict_dialog(qtbot: QtBot, session: Session, pid: str, writes: Writes) -> ConflictDialog:
    sides = conflict_sides(session.cache.db, CATALOG, "people", pid)
    assert sides is not None
    dialog = ConflictDialog(sides, writes)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_conflict_screen_marks_what_differs(
    qtbot: QtBot, conflicted: Conflicted, context: TabContext
) -> None:
    session, pid = conflicted.session, conflicted.person_id
    [entry] = Outbox(session.cache.db, CATALOG).all()
    assert entry.state == OutboxState.CONFLICT
    dialog = conflict_dialog(qtbot, session, pid, context.writes)
    mark, label, mine, theirs = dialog.rows["phone"]
    assert mark.text() == DIFFERS_MARK and "(differs)" in mine.accessibleName()
    assert (mine.text(), theirs.text()) == (conflicted.mine, conflicted.theirs)
    assert label.text() == "Work phone:"
    assert dialog.rows["mobile"][0].text() == ""
    assert "phone" in dialog.differing and "mobile" not in dialog.differing
    # The server's side names who changed it (updated_by: here the same staff member,
    # from the other computer).
    stored = RecordStore(session.cache.db, CATALOG).get("people", pid)
    assert stored is not None
    assert dialog.who.text().startswith(f"{stored.record['full_name']} changed it on the server (")


def test_keep_mine_sends_mine_again_over_the_servers_version(
    qtbot: QtBot, conflicted: Conflicted, context: TabContext, tasks: TaskRunner
) -> None:
    session, pid = conflicted.session, conflicted.person_id
    dialog = conflict_dialog(qtbot, session, pid, context.writes)
    server_version = int(dialog.sides.theirs["version"])
    dialog.keep_mine.click()
    settle(tasks)
    [entry] = Outbox(session.cache.db, CATALOG).all()
    assert entry.state == OutboxState.PENDING and entry.if_match == server_version
    assert phone_of(session, pid) == conflicted.mine
    session.sync_engine().run()
    assert Outbox(session.cache.db, CATALOG).all() == []
    assert phone_of(session, pid) == conflicted.mine


def test_take_theirs_drops_mine(
    qtbot: QtBot, conflicted: Conflicted, context: TabContext, tasks: TaskRunner
) -> None:
    session, pid = conflicted.session, conflicted.person_id
    dialog = conflict_dialog(qtbot, session, pid, context.writes)
    dialog.take_theirs.click()
    settle(tasks)
    assert Outbox(session.cache.db, CATALOG).all() == []
    stored = RecordStore(session.cache.db, CATALOG).get("people", pid)
    assert stored is not None and stored.sync_state == SyncState.SYNCED
    assert stored.record["phone"] == conflicted.theirs


def test_edit_opens_the_form_with_mine_over_the_servers(
    qtbot: QtBot, conflicted: Conflicted, context: TabContext, tasks: TaskRunner
) -> None:
    session, pid = conflicted.session, conflicted.person_id
    tab = DirectoryTab(context)
    qtbot.addWidget(tab)
    dialog = conflict_dialog(qtbot, session, pid, context.writes)
    with qtbot.waitSignal(dialog.editRequested) as asked:
        dialog.edit.click()
    form = tab.edit_conflict(asked.args[0], context.writes)
    assert form is not None
    assert form.edits["phone"].text() == conflicted.mine
    assert Outbox(session.cache.db, CATALOG).all()[0].state == OutboxState.CONFLICT  # nothing yet
    edited = fresh_phone()
    form.edits["phone"].setText(edited)
    save(form)
    qtbot.waitUntil(lambda: tab.details_dialog is None)  # saved and closed
    [entry] = Outbox(session.cache.db, CATALOG).all()
    assert entry.state == OutboxState.PENDING
    assert entry.body["phone"] == edited
    assert entry.if_match == int(dialog.sides.theirs["version"])
    session.sync_engine().run()
    assert phone_of(session, pid) == edited
    settle(tasks)


# --- what a screen reader and the keyboard meet ----------------------------------------------


def test_the_change_screens_are_named_and_keyboard_reachable(
    qtbot: QtBot, conflicted: Conflicted, context: TabContext, tasks: TaskRunner
) -> None:
    from tests.ui.shell.accessibility import tab_order_breaks, tab_stops, unnamed_controls

    session, pid = conflicted.session, conflicted.person_id
    tab = DirectoryTab(context)
    qtbot.addWidget(tab)
    tab.show()
    open_own_card(qtbot, tab, pid)
    qtbot.waitUntil(lambda: tab.card.sync_box.isVisibleTo(tab))
    assert tab.card.sync_mark.text().startswith("⚠ Conflict")
    assert tab.card.sync_link.text() == "Resolve…"
    with qtbot.waitSignal(tab.conflictRequested) as asked:
        tab.card.sync_link.click()
    assert asked.args == ["people", pid]
    assert unnamed_controls(tab.card) == []
    assert tab.card.edit_details in tab_stops(tab.card)

    form = tab.edit_details(pid)
    assert form is not None
    qtbot.waitExposed(form)
    assert unnamed_controls(form) == [] and tab_order_breaks(form) == []

    dialog = conflict_dialog(qtbot, session, pid, context.writes)
    qtbot.waitExposed(dialog)
    assert unnamed_controls(dialog) == []
    stops = tab_stops(dialog)
    assert {dialog.keep_mine, dialog.take_theirs, dialog.edit, dialog.cancel} <= set(stops)

    window = ChangesWindow(
        context.reads, tasks, context.events, context.writes, change_describers()
    )
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded):
        window.show()
    assert unnamed_controls(window) == [] and tab_order_breaks(window) == []
    assert window.resolve_button.isVisible() and not window.retry_button.isEnabled()
