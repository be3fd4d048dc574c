"""Offline the Analytics tab is the same tab: every filter reads the cache only. A sync that
brings indicator values reloads it; an empty profile says what to do, in words."""

from __future__ import annotations

import dataclasses
import secrets
import shutil
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from cache import RecordStore
from cache.database import open_database
from domains.catalog import CATALOG
from server.config import Settings
from server.runner import ServerThread
from tests.demo import synced_session
from tests.ui.analytics.conftest import TIMEOUT, close_analytics, make_analytics, wait_loaded
from ui.analytics import AnalyticsTab, install_analytics_translations
from ui.context import Changes, ChangeSource


def test_every_view_works_with_the_server_gone(
    qtbot: Any, demo_settings: Settings, tmp_path: Path
) -> None:
    data = tmp_path / "server"
    shutil.copytree(demo_settings.data_dir, data)
    server = ServerThread(dataclasses.replace(demo_settings, data_dir=data)).start()
    session = synced_session(server.base_url, tmp_path / "profiles")
    server.stop()  # from here on nothing answers
    made = make_analytics(session.cache.connect, session.user)
    try:
        tab = made.tab
        tab.show()
        wait_loaded(qtbot, tab)
        assert len(tab.dashboard.tiles) == 10
        tab.explore.check_area("serur", only=True)
        qtbot.waitUntil(
            lambda: [s.area.code for s in tab.explore.lines] == ["serur"], timeout=TIMEOUT
        )
        assert all(v is not None for v in tab.explore.lines[0].values())
        tab.map.month.setCurrentIndex(tab.map.month.count() - 1)  # the oldest month
        qtbot.waitUntil(
            lambda: (
                tab.map.month_table is not None
                and tab.map.month_table.period == tab.map.month.itemData(tab.map.month.count() - 1)
            ),
            timeout=TIMEOUT,
        )
        with qtbot.waitSignal(tab.basicsLoaded, timeout=TIMEOUT):
            made.events.changed.emit(Changes.of(ChangeSource.SYNC_PAGE, "indicator_values"))
    finally:
        close_analytics(made)
        session.close()


@pytest.fixture
def empty_cache(tmp_path: Path) -> tuple[Path, bytes]:
    key = secrets.token_bytes(32)
    open_database(tmp_path / "cache.db", key, create=True).close()
    return tmp_path / "cache.db", key


def test_an_empty_profile_says_what_to_do(qtbot: Any, empty_cache: tuple[Path, bytes]) -> None:
    path, key = empty_cache
    made = make_analytics(lambda: open_database(path, key), {"id": "p-1", "roles": []})
    try:
        tab = made.tab
        with qtbot.waitSignal(tab.dashboardShown, timeout=TIMEOUT):
            tab.show()
        assert "sync" in tab.dashboard.message.text().lower()
        assert "No values" in tab.dashboard.dates.text()
        qtbot.waitUntil(lambda: tab.explore.chart.chart.empty != "", timeout=TIMEOUT)
        assert not tab.explore.chart.chart.has_values
        assert tab.explore.chart.accessibleDescription() == tab.explore.chart.chart.empty
    finally:
        close_analytics(made)


def _cache_with(path: Path, key: bytes, values: list[tuple[str, str, float | None]]) -> None:
    db: sqlite_utils.Database = open_database(path, key)
    store = RecordStore(db, CATALOG)
    stamp = {"version": 1, "updated_at": "2025-01-01T00:00:00Z"}
    store.apply_page(
        "regions",
        [
            {"id": "r-x", "code": "x", "name": "X iqtisadi rayonu", "parent_code": None, **stamp},
            {"id": "r-a", "code": "seki", "name": "Şəki rayonu", "parent_code": "x", **stamp},
            {"id": "r-b", "code": "qax", "name": "Qax rayonu", "parent_code": "x", **stamp},
        ],
        [],
        "c",
    )
    store.apply_page(
        "indicators",
        [{"id": "ind-r", "code": "r", "name": "Rate", "unit": "%", "description": "", **stamp}],
        [],
        "c",
    )
    store.apply_page(
        "indicator_values",
        [
            {"id": f"v{n}", "indicator_id": "ind-r", "region_code": code, "period": period,
             "value": value, **stamp}
            for n, (code, period, value) in enumerate(values)
        ],
        [],
        "c",
    )  # fmt: skip
    db.close()


def test_equal_values_zero_and_a_missing_district_are_shown_plainly(
    qtbot: Any, empty_cache: tuple[Path, bytes]
) -> None:
    path, key = empty_cache
    _cache_with(path, key, [("seki", "2025-05", 0.0), ("seki", "2024-05", 0.0)])
    made = make_analytics(lambda: open_database(path, key), {"id": "p-1", "roles": []})
    try:
        tab = made.tab
        tab.show()
        wait_loaded(qtbot, tab)
        data = tab.map.data
        assert data is not None
        assert data.values == {"seki": 0.0, "qax": None}
        assert len(data.classes) == 1 and data.legend_labels[-1] == "no data"
        assert "nan" not in " ".join(data.legend_labels).lower()
        assert "no data" in tab.map._describe("qax")
        bars = tab.map.bar_chart
        assert bars is not None and bars.rows == (("Şəki rayonu", 0.0), ("Qax rayonu", None))
        tile = tab.dashboard.tiles[0]
        assert "0" in tile.value.text() and "was 0" in tile.change.text()
    finally:
        close_analytics(made)


def test_the_tab_speaks_azerbaijani(qapp: Any, qtbot: Any, empty_cache: tuple[Path, bytes]) -> None:
    path, key = empty_cache
    assert install_analytics_translations(qapp, "az")
    made = make_analytics(lambda: open_database(path, key), {"id": "p-1", "roles": []})
    try:
        tab = made.tab
        with qtbot.waitSignal(tab.dashboardShown, timeout=TIMEOUT):
            tab.show()
        assert AnalyticsTab.title() == "Analitika"
        assert [tab.pages.tabText(i) for i in range(3)] == [
            "&İcmal paneli",
            "&Xətti diaqram",
            "Rayonlar &xəritəsi",
        ]
        assert "sinxronlaşdırın" in tab.dashboard.message.text()
    finally:
        close_analytics(made)
        install_analytics_translations(qapp, "none")  # back to the source texts
