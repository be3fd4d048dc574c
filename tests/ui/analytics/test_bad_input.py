"""The issue's bad input, each shown plainly in the tab (never a crash, an empty chart
without words, or NaN): a month with a missing value, a negative value, a district with
no data at all, and an indicator the server stopped publishing. (Equal values, a value
of 0 and a district without data on the map: test_offline.py.) A real encrypted cache,
a real ReadPool and TaskRunner."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import pytest

from cache import RecordStore
from cache.database import open_database
from domains.catalog import CATALOG
from tests.ui.analytics.conftest import TIMEOUT, close_analytics, make_analytics, wait_loaded
from ui.analytics import install_analytics_translations
from ui.analytics.tab import AnalyticsTab

STAMP = {"version": 1, "updated_at": "2025-01-01T00:00:00Z"}


@pytest.fixture
def odd_cache(tmp_path: Path) -> tuple[Path, bytes]:
    """Şəki: 5 in March, nothing in April, -2 in May; Qax: no value ever. "Old" stopped
    after March while the table goes on to May."""
    key = secrets.token_bytes(32)
    path = tmp_path / "cache.db"
    db = open_database(path, key, create=True)
    store = RecordStore(db, CATALOG)
    store.apply_page(
        "regions",
        [
            {"id": "r-x", "code": "x", "name": "X iqtisadi rayonu", "parent_code": None, **STAMP},
            {"id": "r-a", "code": "seki", "name": "Şəki rayonu", "parent_code": "x", **STAMP},
            {"id": "r-b", "code": "qax", "name": "Qax rayonu", "parent_code": "x", **STAMP},
        ],
        [],
        "c",
    )
    store.apply_page(
        "indicators",
        [
            {"id": "ind-r", "code": "r", "name": "Rate", "unit": "%", "description": "", **STAMP},
            {"id": "ind-o", "code": "o", "name": "Old", "unit": "%", "description": "", **STAMP},
        ],
        [],
        "c",
    )
    values = [
        ("ind-r", "seki", "2025-03", 5.0),
        ("ind-r", "seki", "2025-05", -2.0),
        ("ind-o", "seki", "2025-03", 7.0),
    ]
    store.apply_page(
        "indicator_values",
        [
            {"id": f"v{n}", "indicator_id": i, "region_code": code, "period": period,
             "value": value, **STAMP}
            for n, (i, code, period, value) in enumerate(values)
        ],
        [],
        "c",
    )  # fmt: skip
    db.close()
    return path, key


def _show_line_of(qtbot: Any, tab: AnalyticsTab, code: str) -> None:
    explore = tab.explore
    with qtbot.waitSignal(tab.chartShown, timeout=TIMEOUT):
        explore.indicator.setCurrentIndex(explore.indicator.findData("ind-r"))
        explore.first.setCurrentIndex(explore.first.findData("2025-03"))
        explore.last.setCurrentIndex(explore.last.findData("2025-05"))
        explore.check_area(code, only=True)
    qtbot.waitUntil(
        lambda: (
            [line.area.code for line in explore.lines] == [code]
            and len(explore.lines[0].points) == 3
        ),
        timeout=TIMEOUT,
    )


def test_a_gap_a_negative_value_and_a_district_without_data_are_said(
    qapp: Any, qtbot: Any, odd_cache: tuple[Path, bytes]
) -> None:
    install_analytics_translations(qapp, "en")
    path, key = odd_cache
    made = make_analytics(lambda: open_database(path, key), {"id": "p-1", "roles": []})
    try:
        tab = made.tab
        tab.show()
        wait_loaded(qtbot, tab)
        _show_line_of(qtbot, tab, "seki")
        explore = tab.explore
        cells = [explore.table.item(row, 0).text() for row in range(3)]
        assert cells[0] == "5.0"
        assert cells[1] == "no data"  # the missing month: a gap, never 0
        assert cells[2].startswith("-2") and "negative: check the source" in cells[2]
        assert explore.chart.chart.lines[0].values == (5.0, None, -2.0)
        assert explore.chart.chart.has_values

        _show_line_of(qtbot, tab, "qax")  # a district with no value at all
        assert [explore.table.item(row, 0).text() for row in range(3)] == ["no data"] * 3
        assert not explore.chart.chart.has_values
        assert "No values for these areas" in explore.chart.chart.empty
        assert explore.chart.accessibleDescription() == explore.chart.chart.empty

        tiles = {w.tile.indicator.code: w for w in tab.dashboard.tiles if w.tile}
        assert "no longer published" in tiles["o"].month.text()
        assert "no longer published" not in tiles["r"].month.text()
        assert "1 of 2 districts reported" in tiles["r"].month.text()
        words = " ".join(w.accessibleName() for w in tiles.values()).lower()
        assert "nan" not in words
    finally:
        close_analytics(made)
