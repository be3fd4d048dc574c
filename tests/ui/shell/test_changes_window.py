"""The "Changes waiting" window in the running app: the status bar's count and the menu
open it; it lists a "My details" change made on the Directory card, opens its record,
and empties once the sync has sent it (a real server on loopback)."""

from __future__ import annotations

from client.sync import RetryPolicy
from server.runner import ServerThread
from tests.client.test_api import signed_in
from tests.server.conftest import World
from tests.ui.shell.conftest import Harness, MakeShell
from ui.directory import DirectoryTab
from ui.main_window import MainWindow
from ui.tabs import available_tabs


def test_a_change_made_on_the_card_is_listed_opened_and_sent(
    make_shell: MakeShell, world: World
) -> None:
    app = make_shell(tabs=available_tabs)
    window = app.sign_in()
    app.wait_synced()
    qtbot, status = app.qtbot, window.parts.status
    tab = window.tabs["directory"]
    assert isinstance(tab, DirectoryTab)
    me = str(window.parts.context.user["id"])
    tab.show_record("people", me)
    qtbot.waitUntil(lambda: tab.card.card is not None and tab.card.card.id == me)
    form = tab.edit_details(me)
    assert form is not None
    form.edits["office"].setText("Room 12")
    form.save_button.click()
    qtbot.waitUntil(lambda: status.waiting.isVisibleTo(window))
    assert status.waiting.text() == "1 change waiting to be sent"

    status.waiting.click()
    changes = window.changes_window
    assert changes is not None and changes.isVisible()
    qtbot.waitUntil(lambda: len(changes.changes) == 1)
    assert changes.table.topLevelItem(0).text(0).endswith(": office")  # type: ignore[union-attr]
    window.parts.menus.changes_waiting.trigger()
    assert window.changes_window is changes  # one window, raised again

    tab.show_record("people", "p-colleague")
    qtbot.waitUntil(lambda: tab.card.card is not None and tab.card.card.id == "p-colleague")
    changes.open_button.click()
    qtbot.waitUntil(lambda: tab.card.card is not None and tab.card.card.id == me)
    assert window.tab_widget.currentWidget() is tab

    with qtbot.waitSignal(window.parts.sync.synced, timeout=20_000):
        window.parts.menus.sync_now.trigger()
    qtbot.waitUntil(lambda: changes.stack.currentWidget() is changes.empty)
    qtbot.waitUntil(lambda: not tab.card.sync_box.isVisibleTo(tab))
    assert tab.card.office.value.text() == "Room 12"
    changes.close()


def _own_card(app: Harness, window: MainWindow) -> DirectoryTab:
    tab = window.tabs["directory"]
    assert isinstance(tab, DirectoryTab)
    me = str(window.parts.context.user["id"])
    tab.show_record("people", me)
    app.qtbot.waitUntil(lambda: tab.card.card is not None and tab.card.card.id == me)
    return tab


def test_offline_the_card_shows_the_change_at_once_and_it_is_sent_when_back(
    make_shell: MakeShell, world: World
) -> None:
    app = make_shell(tabs=available_tabs, engine_options={"retry": RetryPolicy(page_attempts=1)})
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
    tab = _own_card(app, window)
    form = tab.edit_details(tab.card.card.id)  # type: ignore[union-attr]
    assert form is not None
    form.edits["mobile"].setText("050 111 22 33")
    form.save_button.click()
    app.qtbot.waitUntil(lambda: tab.card.mobile.value.text() == "050 111 22 33")
    assert tab.card.sync_mark.text() == "Your change is waiting to be sent."
    restarted = ServerThread(world.server.settings, port=port).start()
    try:
        app.qtbot.waitUntil(lambda: not tab.card.sync_box.isVisibleTo(tab), timeout=30_000)
        with signed_in(world, "colleague") as other:
            cards = {p["id"]: p for p in other.sync_page("people", None, 1000)["items"]}
        assert cards["p-staff"]["mobile"] == "050 111 22 33"
    finally:
        app.leave()
        restarted.stop()


def test_two_people_changing_one_card_meet_on_the_conflict_screen(
    make_shell: MakeShell, world: World
) -> None:
    app = make_shell(tabs=available_tabs)
    window = app.sign_in()
    app.wait_synced()
    with signed_in(world, "admin") as admin:  # an administrator changes it meanwhile
        admin.patch_person("p-staff", 1, {"phone": "012 555 00 01"})
    tab = _own_card(app, window)
    form = tab.edit_details("p-staff")
    assert form is not None
    form.edits["phone"].setText("012 555 00 02")
    form.save_button.click()
    window.parts.menus.sync_now.trigger()
    qtbot = app.qtbot
    qtbot.waitUntil(lambda: tab.card.sync_mark.text().startswith("⚠ Conflict"), timeout=20_000)

    tab.card.sync_link.click()  # "Resolve…"
    qtbot.waitUntil(lambda: window.conflict_dialog is not None)
    dialog = window.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    _, _, mine, theirs = dialog.rows["phone"]
    assert (mine.text(), theirs.text()) == ("012 555 00 02", "012 555 00 01")
    dialog.keep_mine.click()
    window.parts.menus.sync_now.trigger()
    qtbot.waitUntil(lambda: not tab.card.sync_box.isVisibleTo(tab), timeout=20_000)
    assert tab.card.phone.value.text() == "012 555 00 02"
    with signed_in(world, "colleague") as other:
        cards = {p["id"]: p for p in other.sync_page("people", None, 1000)["items"]}
    assert cards["p-staff"]["phone"] == "012 555 00 02" and cards["p-staff"]["version"] == 3
