"""A registry whose description the server changes (a column renamed, one added) while
it is open offline: after the sync the tab shows the new columns, keeps the user's
offline choice, the filters and search of the columns that are still there, and drops
the sort of the column that is gone instead of failing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from client.session import Session
from domains.registries.filters import ChoiceFilter, RegistryQuery
from domains.registries.queries import count_rows
from server import maintenance, records
from server.runner import ServerThread
from tests.demo import DemoServer
from tests.ui.registries.conftest import Harness, synced_as
from ui.context import Changes, ChangeSource

PHARMACIES = "reg-pharmacies"
NETWORK = "Şəfa"


@pytest.fixture
def keeper(own_server: ServerThread, tmp_path: Path) -> Iterator[Session]:
    served = DemoServer(own_server.settings, own_server)
    session = synced_as(served, tmp_path / "profile", "analyst", [PHARMACIES])
    try:
        yield session
    finally:
        session.close()


def rename_address_and_add_a_column(server: ServerThread) -> None:
    """What a registry's owners do on the server: ``address`` becomes ``street``, and a
    new filterable date column ``opened`` appears, in the description and every row."""
    db = server.app.state.services.db
    with db.write() as conn:
        registry = records.load(conn, "registries", PHARMACIES)
        assert registry is not None
        renamed = {"key": "street", "label": "Küçə ünvanı"}
        columns = [
            {**column, **renamed} if column["key"] == "address" else column
            for column in registry[0]["columns"]
        ]
        columns.append({"key": "opened", "label": "Açılıb", "type": "date", "filterable": True})
        maintenance.update_record(conn, "registries", PHARMACIES, columns=columns)
        rows = conn.exec_driver_sql(
            "SELECT body FROM registry_rows WHERE registry_id = ?", (PHARMACIES,)
        ).all()
        for (body,) in rows:
            row = json.loads(body)
            values = dict(row["values"])
            values["street"] = values.pop("address", None)
            values["opened"] = "2020-01-15"
            maintenance.update_record(conn, "registry_rows", row["id"], values=values)


def headers(harness: Harness) -> list[str]:
    model = harness.tab.model
    assert model is not None
    return [str(model.headerData(i, Qt.Orientation.Horizontal)) for i in range(model.columnCount())]


def test_a_changed_description_reopens_the_registry_keeping_the_users_view(
    qtbot: Any, keeper: Session, own_server: ServerThread
) -> None:
    harness = Harness(keeper)
    tab = harness.tab
    try:
        qtbot.waitUntil(lambda: tab.chooser.count() > 0)
        tab.choose(PHARMACIES)  # the first in the list: perhaps chosen already
        qtbot.waitUntil(
            lambda: (
                tab.model is not None
                and tab.model.query.registry_id == PHARMACIES
                and tab.model.loaded_once
            ),
            timeout=20_000,
        )
        assert "Küçə ünvanı" not in headers(harness)
        row = tab.filter_row
        assert row is not None
        network = row.editor("network")[0]
        assert isinstance(network, QComboBox)
        qtbot.waitUntil(lambda: network.findData(NETWORK) >= 0, timeout=10_000)
        model = tab.model
        assert model is not None
        with qtbot.waitSignal(model.queryFinished, timeout=20_000):
            network.setCurrentIndex(network.findData(NETWORK))
        address = [c.key for c in model.shown].index("address")
        with qtbot.waitSignal(model.queryFinished, timeout=20_000):
            tab.table.horizontalHeader().setSortIndicator(address, Qt.SortOrder.AscendingOrder)
        assert model.query.sort == "address"

        rename_address_and_add_a_column(own_server)
        keeper.sync_engine().run()
        for collection in ("registries", "registry_rows"):
            harness.events.changed.emit(Changes.of(ChangeSource.SYNC_PAGE, collection))
        qtbot.waitUntil(lambda: "Küçə ünvanı" in headers(harness), timeout=20_000)

        assert "Açılıb" in headers(harness)
        assert keeper.cache.meta.offline_registries == [PHARMACIES]
        reopened = tab.model
        assert reopened is not None and reopened is not model
        qtbot.waitUntil(
            lambda: reopened.query.filters == (ChoiceFilter("network", (NETWORK,)),),
            timeout=20_000,
        )
        assert reopened.query.sort is None  # its column is gone
        assert tab.table.horizontalHeader().sortIndicatorSection() == -1
        expected = count_rows(
            keeper.cache.db, RegistryQuery(PHARMACIES, (ChoiceFilter("network", (NETWORK,)),))
        )
        assert 0 < expected < 3000
        qtbot.waitUntil(lambda: reopened.rowCount() == expected, timeout=20_000)
        street = [c.key for c in reopened.shown].index("street")
        first = reopened.row_at(0)
        assert first is not None and first.values.get("street")
        assert reopened.data(reopened.index(0, street)) == first.values["street"]
        assert tab.filter_row is not None and tab.filter_row.editor("opened")  # filterable now
    finally:
        harness.close()
