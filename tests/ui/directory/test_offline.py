"""Offline the tab is the same tab; a sync refreshes it; an unsynced profile says so.

Each test runs its own server over a copy of the session's seeded demo data, so it
may change the data or stop the server without disturbing the other tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from client.session import Session
from domains.directory.queries import Department, DepartmentTree
from server import maintenance, records
from server.runner import ServerThread
from server.seed import DEMO_PASSWORD
from tests.demo import USERNAME, sign_in_for, synced_session
from tests.ui.directory.conftest import close_tab, make_harness
from tests.ui.directory.test_tab import HEAD, open_card, search, shown, wait_ready
from ui.context import Changes, ChangeSource
from ui.directory import DirectoryTab
from ui.directory.models import DepartmentModel


def snapshot(qtbot: Any, session: Session) -> dict[str, Any]:
    """What the tab shows for a few things a user does."""
    harness = make_harness(session)
    tab = harness.tab
    tab.show()
    try:
        wait_ready(qtbot, tab)
        seen: dict[str, Any] = {"first page": shown(tab), "count": tab.count_label.text()}
        tree = tab.department_model.tree
        assert tree is not None
        seen["tree"] = {d.name: d.total for d in tree.departments.values()}
        for text in ("ismayilov", "a", "bas mut"):
            search(qtbot, tab, text)
            seen[text] = (shown(tab), tab.count_label.text())
        open_card(qtbot, tab, HEAD)
        card = tab.card.card
        assert card is not None
        seen["card"] = (card.department_path, card.manager, card.reports, card.email)
        return seen
    finally:
        close_tab(tab, harness.tasks)


def test_offline_shows_the_same_people(
    qapp: Any, qtbot: Any, own_server: ServerThread, tmp_path: Path
) -> None:
    profiles = tmp_path / "profiles"
    online = synced_session(own_server.base_url, profiles)
    try:
        assert not online.offline
        before = snapshot(qtbot, online)
    finally:
        online.sign_out()
    own_server.stop()

    offline = sign_in_for(own_server.base_url, profiles).offline(USERNAME, DEMO_PASSWORD)
    try:
        assert offline.offline
        after = snapshot(qtbot, offline)
    finally:
        offline.close()
    assert after == before
    assert len(before["first page"]) == 200 and before["count"] == "500 people"


def test_a_sync_refreshes_the_list_the_tree_and_the_card(
    qapp: Any, qtbot: Any, own_server: ServerThread, tmp_path: Path
) -> None:
    session = synced_session(own_server.base_url, tmp_path / "profiles")
    harness = make_harness(session)
    tab = harness.tab
    tab.show()
    try:
        wait_ready(qtbot, tab)
        open_card(qtbot, tab, "İsmayılova Günel Rauf qızı")
        leaving = tab.card.card
        assert leaving is not None and leaving.department_id is not None
        search(qtbot, tab, "")
        department = leaving.department_id
        before = tab.department_model.tree
        assert before is not None
        total_before = before.departments[department].total

        db = own_server.app.state.services.db
        with db.write() as conn:
            newcomer = {
                "id": "person-new",
                "full_name": "Zərbəliyeva Xədicə Vüqar qızı",
                "given_name": "Xədicə",
                "family_name": "Zərbəliyeva",
                "patronymic": "Vüqar qızı",
                "position": "Mütəxəssis",
                "department_id": department,
                "manager_id": None,
                "email": "xedice.zerbeliyeva@health.gov.az",
                "phone": None,
                "mobile": None,
                "office": None,
                "photo_url": None,
            }
            records.insert_record(conn, "people", newcomer)
            maintenance.delete_record(conn, "people", leaving.id)
        report = session.sync_engine().run()
        assert report.pulled.get("people") == 1 and report.deleted.get("people") == 1

        harness.events.changed.emit(Changes.of(ChangeSource.SYNC_PAGE, "bookings"))  # not ours
        changed = ["person-new", leaving.id]
        harness.events.changed.emit(Changes.of(ChangeSource.SYNC_PAGE, "people", changed))
        qtbot.waitUntil(lambda: tab.card.card is None, timeout=10_000)
        assert "no longer" in tab.card.placeholder.text()
        qtbot.waitUntil(
            lambda: (
                tab.department_model.tree is not before and tab.count_label.text() == "500 people"
            ),
            timeout=10_000,
        )
        after = tab.department_model.tree
        assert after is not None and after.departments[department].total == total_before
        search(qtbot, tab, "zerbeliyeva")
        assert shown(tab) == ["Zərbəliyeva Xədicə Vüqar qızı"]
        search(qtbot, tab, "günel rauf")
        assert "İsmayılova Günel Rauf qızı" not in shown(tab)
    finally:
        close_tab(tab, harness.tasks)
        session.close()


def test_a_profile_never_synced_says_so(
    qapp: Any, qtbot: Any, own_server: ServerThread, tmp_path: Path
) -> None:
    session = sign_in_for(own_server.base_url, tmp_path / "profiles").online(
        USERNAME, DEMO_PASSWORD
    )
    harness = make_harness(session)
    tab = harness.tab
    try:
        wait_ready(qtbot, tab)
        assert tab.people_model.rowCount() == 0
        assert tab.list_stack.currentWidget() is tab.empty
        assert tab.empty.text().startswith("No people synced yet")
        assert tab.count_label.text() == "0 people"
        root = tab.department_model.index_of(None)
        assert root.data() == "Whole ministry" and root.siblingAtColumn(1).data() == "0"
    finally:
        close_tab(tab, harness.tasks)
        session.close()


def test_a_whole_ministry_item_tops_several_roots_and_retranslates(qapp: Any) -> None:
    """Two top departments (or people outside every department): a translated
    "whole ministry" item holds them; a single top holding everyone is the top itself."""
    tree = DepartmentTree(
        {
            "a": Department("a", "Nazirlik", None, members=3, total=3),
            "b": Department("b", "Tabeli qurum", None, members=2, total=2),
        },
        ["a", "b"],
        total_people=6,
    )
    model = DepartmentModel()
    model.set_root_text("Whole ministry")
    model.set_tree(tree)
    root = model.index_of(None)
    assert (root.data(), root.siblingAtColumn(1).data(), model.rowCount(root)) == (
        "Whole ministry",
        "6",
        2,
    )
    model.set_root_text("Bütün nazirlik")
    assert model.index_of(None).data() == "Bütün nazirlik"
    single = DepartmentTree({"a": Department("a", "Nazirlik", None, 5, 5)}, ["a"], 5)
    model.set_tree(single)
    assert model.index_of(None).data() == "Nazirlik" == model.index_of("a").data()
    assert DirectoryTab.title() == "Directory"
