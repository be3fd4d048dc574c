"""The Directory tab refreshes only for what changed: its collections, and its open card
only when the card's person (or one it links to) is among the changed."""

from __future__ import annotations

from typing import Any

from tests.ui.directory.conftest import TabHarness
from tests.ui.directory.test_tab import HEAD, open_card, wait_ready
from ui.context import Changes, ChangeSource


def test_the_open_card_reloads_only_when_its_person_changed(
    qtbot: Any, harness: TabHarness
) -> None:
    tab = harness.tab
    wait_ready(qtbot, tab)
    open_card(qtbot, tab, HEAD)
    card = tab.card.card
    assert card is not None
    reloads: list[str] = []
    original = tab.load_card

    def counting(person_id: str, focus: bool = False) -> None:
        reloads.append(person_id)
        original(person_id, focus)

    tab.load_card = counting  # type: ignore[method-assign]
    refreshes: list[object] = []
    refresh = tab.people_model.refresh
    tab.people_model.refresh = lambda changes=None: (refreshes.append(1), refresh(changes))[1]  # type: ignore[method-assign]
    linked = {row.id for row in card.reports} | ({card.manager.id} if card.manager else set())
    stranger = "someone-not-on-the-card"
    assert stranger not in linked and stranger != card.id

    harness.events.changed.emit(Changes.of(ChangeSource.SYNC_PAGE, "bookings", ["b-1"]))
    harness.events.changed.emit(Changes.of(ChangeSource.SYNC_PAGE, "people", [stranger]))
    assert len(refreshes) == 1  # the list: for the people only
    harness.tasks.wait_for_done()
    qtbot.wait(50)
    assert reloads == []  # the card: not its person
    harness.events.changed.emit(Changes.of(ChangeSource.LOCAL_WRITE, "people", [card.id]))
    qtbot.waitUntil(lambda: reloads == [card.id], timeout=10_000)
    harness.events.changed.emit(Changes.of(ChangeSource.SYNC_PAGE, "people"))  # any person
    qtbot.waitUntil(lambda: reloads == [card.id, card.id], timeout=10_000)
    assert len(refreshes) == 3
