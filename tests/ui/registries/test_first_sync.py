"""A staff member who opens the Registries tab before the first sync has brought any
registry sees the personal-data line (the only one the tab can show then); when the
sync brings the registries, the first of them is opened, not the personal-data message
left on screen as if the user had chosen it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from server.seed import DEMO_PASSWORD
from tests.demo import DemoServer, sign_in_for
from tests.ui.registries.conftest import Harness
from ui.context import Changes, ChangeSource
from ui.registries.tab import PERSONAL_DATA_ITEM


def test_the_first_registries_replace_the_personal_data_line_as_the_choice(
    qtbot: Any, demo_server: DemoServer, tmp_path: Path
) -> None:
    session = sign_in_for(demo_server.url, tmp_path / "profile").online("head", DEMO_PASSWORD)
    harness = Harness(session)
    tab = harness.tab
    try:
        qtbot.waitUntil(lambda: tab.chooser.count() == 1, timeout=20_000)
        assert tab.chooser.currentItem().data(Qt.ItemDataRole.UserRole) == PERSONAL_DATA_ITEM
        assert "Not available to your role" in tab.message.text()

        session.sync_engine().run()
        harness.events.changed.emit(Changes.of(ChangeSource.SYNC_PAGE, "registries"))
        qtbot.waitUntil(lambda: tab.chooser.count() > 1, timeout=20_000)
        first = tab.chooser.item(0).data(Qt.ItemDataRole.UserRole)
        assert first != PERSONAL_DATA_ITEM
        qtbot.waitUntil(lambda: tab.chooser.currentRow() == 0, timeout=20_000)
        # Not kept offline and no online port in this harness: it says how to get it.
        qtbot.waitUntil(lambda: "not on this computer" in tab.message.text(), timeout=20_000)
    finally:
        harness.close()
        session.close()
