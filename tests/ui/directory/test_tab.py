"""The Directory tab in use: search, departments, card, keyboard, threads, languages."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
import sqlite_utils
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication

from client.session import Session
from domains.directory.queries import DirectoryQuery, department_tree, people_page
from tests.domains.directory.test_queries import HOSTILE
from tests.ui.directory.conftest import TabHarness, close_tab, make_harness
from tests.ui.directory.test_vcard import parse_vcard
from ui.directory import DirectoryTab, install_directory_translations
from ui.directory.models import PERSON_ROLE
from ui.reads import QueryOnGuiThread, ReadPool
from ui.tasks import Task, TaskRunner

HEAD = "İsmayılov Rəşad Elçin oğlu"
TIMEOUT = 10_000


def loaded(tab: DirectoryTab) -> list[int]:
    """The rows whose block is loaded (the others are placeholders until shown)."""
    model = tab.people_model
    return [row for row in range(model.rowCount()) if model.is_loaded(row)]


def shown(tab: DirectoryTab) -> list[str]:
    model = tab.people_model
    return [model.index(row).data() for row in loaded(tab)]


def shown_ids(tab: DirectoryTab) -> list[str]:
    model = tab.people_model
    return [model.index(row).data(PERSON_ROLE).id for row in loaded(tab)]


def wait_for_query(qtbot: Any, tab: DirectoryTab, text: str) -> None:
    """Until the list and the count show ``text``'s results."""
    model = tab.people_model
    qtbot.waitUntil(lambda: model.query.text == text and model.count is not None, timeout=TIMEOUT)


def search(qtbot: Any, tab: DirectoryTab, text: str) -> None:
    tab.search.setText(text)
    wait_for_query(qtbot, tab, text)


def wait_ready(qtbot: Any, tab: DirectoryTab) -> None:
    qtbot.waitUntil(
        lambda: (
            tab.people_model.loaded_once
            and tab.people_model.count is not None
            and tab.department_model.tree is not None
        ),
        timeout=TIMEOUT,
    )


def person_id(db: sqlite_utils.Database, full_name: str) -> str:
    return str(
        db.conn.execute("SELECT id FROM people WHERE full_name = ?", (full_name,)).fetchone()[0]
    )


def open_card(qtbot: Any, tab: DirectoryTab, full_name: str) -> None:
    """Search for the person, click their row, wait for the card."""
    search(qtbot, tab, full_name)
    row = shown(tab).index(full_name)
    view = tab.people
    view.scrollTo(tab.people_model.index(row))
    rect = view.visualRect(tab.people_model.index(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(
        lambda: tab.card.card is not None and tab.card.card.full_name == full_name,
        timeout=TIMEOUT,
    )


# --- search ------------------------------------------------------------------------------


def test_typing_filters_the_list_with_azerbaijani_folding(
    qtbot: Any, harness: TabHarness, db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = harness.tab
    wait_ready(qtbot, tab)
    # the exact count, and the first block of 500 only, not everyone
    assert tab.people_model.loaded_rows() == 200 and tab.people_model.rowCount() == 500
    assert tab.count_label.text() == "500 people"

    queries: list[DirectoryQuery] = []
    real = tab.people_model.set_query
    monkeypatch.setattr(
        tab.people_model, "set_query", lambda q, **kw: (queries.append(q), real(q, **kw))[1]
    )
    tab.search.setFocus()
    qtbot.keyClicks(tab.search, "ismayilov")
    wait_for_query(qtbot, tab, "ismayilov")
    assert len(queries) == 1, "typing a word must run one query (debounced), not one per key"

    expected = [row.display_name for row in people_page(db, DirectoryQuery("ismayilov")).rows]
    assert shown(tab) == expected
    assert HEAD in expected
    assert all(name.startswith("İsmayılov") for name in expected)
    assert tab.count_label.text() == f"{len(expected)} people"

    search(qtbot, tab, "zzzzqqq")
    assert tab.people_model.rowCount() == 0
    assert tab.list_stack.currentWidget() is tab.empty
    assert "zzzzqqq" in tab.empty.text()
    assert tab.count_label.text() == "0 people"

    search(qtbot, tab, "")
    assert tab.list_stack.currentWidget() is tab.people
    assert tab.count_label.text() == "500 people"


class HeldTasks(TaskRunner):
    """Holds each job until the test releases it, so results can arrive out of order.
    Each job reaches the runner at once (its keys see the order the tab asked in) and
    waits on one of the real pool's worker threads until it is released."""

    def __init__(self) -> None:
        super().__init__(max_threads=8)
        self.held: list[threading.Event] = []

    def run(
        self,
        work: Callable[[], Any],
        on_done: Any = None,
        on_error: Any = None,
        **options: Any,
    ) -> Task:
        gate = threading.Event()
        self.held.append(gate)

        def held_work() -> Any:
            gate.wait()
            return work()

        return super().run(held_work, on_done, on_error, **options)

    def release(self, *numbers: int) -> None:
        for number in numbers:
            self.held[number].set()


def test_results_of_an_older_query_are_dropped(
    qapp: Any, qtbot: Any, synced: Session, db: sqlite_utils.Database
) -> None:
    tasks = HeldTasks()
    harness = make_harness(synced, tasks)
    tab = harness.tab
    try:
        assert len(tasks.held) == 3  # the tree, the first page, the count
        tasks.release(0, 1, 2)
        wait_ready(qtbot, tab)
        tab.search.setText("ism")
        qtbot.waitUntil(lambda: len(tasks.held) == 5, timeout=TIMEOUT)
        tab.search.setText("məmmədov")
        qtbot.waitUntil(lambda: len(tasks.held) == 7, timeout=TIMEOUT)
        tasks.release(5, 6)  # the newer query answers first
        wait_for_query(qtbot, tab, "məmmədov")
        newer = shown(tab)
        assert newer and all(name.startswith("Məmmədov") for name in newer)
        tasks.release(3, 4)  # then the older one, late
        tasks.wait_for_done()
        qtbot.wait(50)  # lets the queued results be delivered (and dropped)
        assert tab.people_model.query.text == "məmmədov"
        assert shown(tab) == newer
        expected = len(people_page(db, DirectoryQuery("məmmədov"), None, 500).rows)
        assert tab.count_label.text() == f"{expected} people"
    finally:
        for number in range(7, len(tasks.held)):
            tasks.release(number)
        close_tab(tab, tasks)


@pytest.mark.parametrize("text", HOSTILE)
def test_fts_syntax_typed_in_the_box_never_raises(
    qtbot: Any, harness: TabHarness, text: str, caplog: pytest.LogCaptureFixture
) -> None:
    tab = harness.tab
    wait_ready(qtbot, tab)
    failures: list[str] = []
    tab.people_model.failed.connect(failures.append)
    with caplog.at_level(logging.WARNING):
        tab.search.setText(text)
        wait_for_query(qtbot, tab, tab.search.text())
    assert failures == []
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert tab.list_stack.currentWidget() in (tab.people, tab.empty)


def test_a_long_list_is_fetched_block_by_block_as_it_scrolls(
    qtbot: Any, harness: TabHarness, db: sqlite_utils.Database
) -> None:
    tab = harness.tab
    wait_ready(qtbot, tab)
    model = tab.people_model
    assert model.rowCount() == 500 and model.loaded_blocks() == [0]
    tab.people.scrollToBottom()  # a jump: the block at the end, not the ones before it
    qtbot.waitUntil(lambda: model.is_loaded(499), timeout=TIMEOUT)
    assert model.loaded_blocks() == [0, 2]
    tab.people.scrollTo(model.index(300))
    qtbot.waitUntil(lambda: model.is_loaded(300), timeout=TIMEOUT)
    everyone = people_page(db, DirectoryQuery(), None, 1000).rows
    assert shown_ids(tab) == [row.id for row in everyone]


# --- departments ---------------------------------------------------------------------------


def test_choosing_a_department_filters_the_list_and_counts_match(
    qtbot: Any, harness: TabHarness, db: sqlite_utils.Database
) -> None:
    tab = harness.tab
    wait_ready(qtbot, tab)
    tree = department_tree(db)
    department = next(d for d in tree.departments.values() if d.name == "İctimai səhiyyə şöbəsi")
    subtree = set(tree.subtree(department.id))
    assert len(subtree) > 1  # it has sectors: their people count too

    index = tab.department_model.index_of(department.id)
    tab.departments.scrollTo(index)
    rect = tab.departments.visualRect(index)
    qtbot.mouseClick(tab.departments.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    model = tab.people_model
    qtbot.waitUntil(
        lambda: model.query.departments is not None and model.count is not None,
        timeout=TIMEOUT,
    )
    members = db.conn.execute(
        f"SELECT id FROM people WHERE department_id IN ({', '.join('?' * len(subtree))})",
        list(subtree),
    ).fetchall()
    assert set(shown_ids(tab)) == {row[0] for row in members}
    assert model.rowCount() == department.total == len(members)
    assert tab.count_label.text() == f"{department.total} people"
    count_cell = index.siblingAtColumn(1).data()
    assert count_cell == str(department.total)
    root = tab.department_model.index_of(None)  # the ministry holds everyone: it is the top
    assert root.data() == "Səhiyyə Nazirliyi" and root.siblingAtColumn(1).data() == "500"

    search(qtbot, tab, "hekim")  # a search within the department
    assert shown(tab) and set(shown_ids(tab)) <= {row[0] for row in members}
    people = {r.id: r for r in people_page(db, DirectoryQuery("hekim", tuple(subtree))).rows}
    assert set(shown_ids(tab)) == set(people)

    tab.departments.setCurrentIndex(root)  # back to the whole ministry
    qtbot.waitUntil(lambda: model.query.departments is None, timeout=TIMEOUT)


# --- the card --------------------------------------------------------------------------------


def test_the_card_shows_the_manager_and_clicking_opens_them(
    qtbot: Any, harness: TabHarness, db: sqlite_utils.Database
) -> None:
    tab = harness.tab
    wait_ready(qtbot, tab)
    open_card(qtbot, tab, HEAD)
    card = tab.card
    assert card.position.text() == "Şöbə müdiri"
    assert card.department.text() == "Səhiyyə Nazirliyi › Müalicə-profilaktika şöbəsi"
    manager = db.conn.execute(
        "SELECT full_name FROM people WHERE position = 'Səhiyyə naziri'"
    ).fetchone()[0]
    assert card.manager.isVisible() and card.manager.text() == manager
    assert not card.back.isVisible()

    qtbot.mouseClick(card.manager, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card.card is not None and card.card.full_name == manager)
    assert card.position.text() == "Səhiyyə naziri"
    assert not card.manager.isVisible()  # the minister reports to no one here
    assert card.back.isVisible()

    qtbot.mouseClick(card.back, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card.card is not None and card.card.full_name == HEAD)


def test_direct_reports_are_listed_and_open_on_click(
    qtbot: Any, harness: TabHarness, db: sqlite_utils.Database
) -> None:
    tab = harness.tab
    wait_ready(qtbot, tab)
    open_card(qtbot, tab, HEAD)
    head = person_id(db, HEAD)
    expected = [
        row[0]
        for row in db.conn.execute(
            "SELECT full_name FROM people WHERE manager_id = ? ORDER BY sort_key", (head,)
        )
    ]
    card = tab.card
    reports = card.reports_model
    assert [reports.index(r).data() for r in range(reports.rowCount())] == expected
    assert card.reports.isVisible()
    assert card.reports_label.text() == f"Direct reports ({len(expected)})"

    rect = card.reports.visualRect(reports.index(1))
    qtbot.mouseClick(card.reports.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: card.card is not None and card.card.full_name == expected[1])
    assert card.manager.text() == HEAD


def test_copy_buttons_put_the_value_on_the_clipboard(
    qtbot: Any, harness: TabHarness, db: sqlite_utils.Database
) -> None:
    tab = harness.tab
    wait_ready(qtbot, tab)
    open_card(qtbot, tab, HEAD)
    card = tab.card
    assert card.card is not None
    for row, value in (
        (card.phone, card.card.phone),
        (card.mobile, card.card.mobile),
        (card.email, card.card.email),
        (card.office, card.card.office),
    ):
        assert value and row.value.text() == value
        QGuiApplication.clipboard().clear()
        qtbot.mouseClick(row.copy, Qt.MouseButton.LeftButton)
        assert QGuiApplication.clipboard().text() == value


class UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def mail_program() -> Iterator[UrlCatcher]:
    """Stands in for the user's mail program: Qt's own hook for ``mailto:`` links."""
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("mailto", catcher, "open")
    try:
        yield catcher
    finally:
        QDesktopServices.unsetUrlHandler("mailto")


def test_write_email_opens_a_mailto_link(
    qtbot: Any, harness: TabHarness, mail_program: UrlCatcher
) -> None:
    tab = harness.tab
    wait_ready(qtbot, tab)
    open_card(qtbot, tab, HEAD)
    assert tab.card.card is not None
    qtbot.mouseClick(tab.card.write_email, Qt.MouseButton.LeftButton)
    assert [url.toString() for url in mail_program.urls] == [f"mailto:{tab.card.card.email}"]


def test_save_contact_writes_a_vcard_named_after_the_person(
    qtbot: Any, harness: TabHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = harness.tab
    wait_ready(qtbot, tab)
    open_card(qtbot, tab, HEAD)
    asked: list[str] = []
    target = tmp_path / "chosen.vcf"

    def choose(
        _parent: Any, _title: str, suggested: str, _filters: str, selected: str
    ) -> tuple[str, str]:
        asked.append(suggested)
        return str(target), selected  # the filter offered first: vCard 3.0

    monkeypatch.setattr("ui.directory.tab.QFileDialog.getSaveFileName", choose)
    qtbot.mouseClick(tab.card.save_contact, Qt.MouseButton.LeftButton)
    assert Path(asked[0]).name == f"{HEAD}.vcf"
    harness.tasks.wait_for_done()
    properties = parse_vcard(target.read_bytes(), version="3.0")
    assert properties["FN"][0][1] == [HEAD]
    assert properties["N"][0][1] == ["İsmayılov", "Rəşad", "Elçin oğlu", "", ""]
    assert properties["TITLE"][0][1] == ["Şöbə müdiri"]


# --- keyboard --------------------------------------------------------------------------------


def test_the_keyboard_alone_finds_and_opens_a_person(qtbot: Any, harness: TabHarness) -> None:
    tab = harness.tab
    wait_ready(qtbot, tab)
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow, timeout=TIMEOUT)
    tab.departments.setFocus()
    qtbot.keyClick(tab.departments, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search.hasFocus()

    qtbot.keyClicks(tab.search, "ismayilov")
    wait_for_query(qtbot, tab, "ismayilov")
    qtbot.keyClick(tab.search, Qt.Key.Key_Down)
    assert tab.people.hasFocus() and tab.people.currentIndex().row() == 0
    qtbot.keyClick(tab.people, Qt.Key.Key_Down)
    assert tab.people.currentIndex().row() == 1
    second = tab.people.currentIndex().data(PERSON_ROLE)

    qtbot.keyClick(tab.people, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: tab.card.card is not None and tab.card.card.id == second.id, timeout=TIMEOUT
    )
    focused = QApplication.focusWidget()
    assert focused is not None and tab.card.isAncestorOf(focused)

    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    assert tab.people.hasFocus()
    qtbot.keyClick(tab.people, Qt.Key.Key_Up)
    qtbot.keyClick(tab.people, Qt.Key.Key_Up)
    assert tab.search.hasFocus()

    qtbot.keyClick(tab.search, Qt.Key.Key_Escape)  # clears the box
    wait_for_query(qtbot, tab, "")
    qtbot.keyClicks(tab.search, "resad ismayilov")
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)  # at once, before the pause
    qtbot.waitUntil(
        lambda: tab.card.card is not None and tab.card.card.full_name == HEAD, timeout=TIMEOUT
    )
    focused = QApplication.focusWidget()
    assert focused is not None and tab.card.isAncestorOf(focused)


# --- threads ---------------------------------------------------------------------------------


def test_queries_run_on_workers_and_reuse_their_connections(
    qtbot: Any, harness: TabHarness
) -> None:
    tab = harness.tab
    wait_ready(qtbot, tab)
    for text in ("a", "is", "ism", "mem", ""):
        search(qtbot, tab, text)
    open_card(qtbot, tab, HEAD)
    harness.tasks.wait_for_done()
    threads = set(harness.statements.threads)
    assert threads, "no statement was traced"
    assert threading.main_thread().ident not in threads
    # One connection per worker thread (2 here), not one per query.
    assert tab._connections.opened <= 2


def test_a_query_on_the_gui_thread_is_refused(synced: Session) -> None:
    connections = ReadPool(synced.cache.connect, TaskRunner())
    with pytest.raises(QueryOnGuiThread):
        connections.run(lambda db: db.execute("SELECT 1"))
    assert connections.opened == 0


def test_results_for_a_closed_tab_are_not_delivered(qapp: Any, qtbot: Any, synced: Session) -> None:
    tasks = HeldTasks()
    harness = make_harness(synced, tasks)
    harness.tab.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert not shiboken6.isValid(harness.tab)
    tasks.release(*range(len(tasks.held)))  # arrive after the tab is gone: nothing breaks
    tasks.wait_for_done()
    qtbot.wait(50)


# --- languages --------------------------------------------------------------------------------


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    yield
    install_directory_translations(qapp, "en")


def test_the_tab_retranslates_live(
    qapp: Any, qtbot: Any, harness: TabHarness, english: None
) -> None:
    tab = harness.tab
    wait_ready(qtbot, tab)
    open_card(qtbot, tab, HEAD)
    assert install_directory_translations(qapp, "az")
    qtbot.waitUntil(lambda: tab.card.write_email.text() == "E-poçt yaz")
    assert DirectoryTab.title() == "Əməkdaşlar"
    assert tab.card.save_contact.text() == "Kontaktı saxla"
    assert tab.card.manager_label.text() == "Rəhbər:"
    assert tab.count_label.text() == "1 əməkdaş"
    assert tab.search.placeholderText().startswith("Axtarış")

    assert install_directory_translations(qapp, "ru")
    qtbot.waitUntil(lambda: tab.card.manager_label.text() == "Руководитель:")
    assert DirectoryTab.title() == "Сотрудники"
    assert tab.count_label.text() == "1 сотрудник"
    search(qtbot, tab, "")
    assert tab.count_label.text() == "500 сотрудников"

    assert install_directory_translations(qapp, "en")
    qtbot.waitUntil(lambda: tab.card.manager_label.text() == "Manager:")
    assert tab.count_label.text() == "500 people"
