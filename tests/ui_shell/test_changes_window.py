"""The "Changes waiting" window in the running app: the status bar's count and the menu
open it; it lists a "My details" change made on the Directory card, opens its record,
and empties once the sync has sent it (a real server on loopback)."""

from __future__ import annotations

from tests.server.conftest import World
from tests.ui_shell.conftest import MakeShell
from ui.directory import DirectoryTab
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
