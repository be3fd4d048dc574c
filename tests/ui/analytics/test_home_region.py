"""The dashboard opens on the region of the user's department (issue 13: "a dashboard for
my region on opening"), the country for a central department, and an area the user chose
is remembered and wins. Over the demo data synced from a real server (tests/demo.py):
the departments and their ``region_code`` are the server's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlite_utils
from PySide6.QtCore import QSettings

from client.session import Session
from domains.indicators.queries import COUNTRY, dashboard_tiles
from tests.ui.analytics.conftest import TIMEOUT, close_analytics, make_analytics
from ui.analytics.i18n import install_analytics_translations
from ui.analytics.tab import AREA_KEY, AnalyticsTab


def _department(db: sqlite_utils.Database, name: str) -> str:
    (found,) = db.conn.execute("SELECT id FROM departments WHERE name = ?", (name,)).fetchone()
    return str(found)


def _opened_on(
    qtbot: Any, synced: Session, user: dict[str, object], settings: QSettings | None
) -> tuple[str, AnalyticsTab, Any]:
    made = make_analytics(synced.cache.connect, user, settings)
    tab = made.tab
    with qtbot.waitSignal(tab.dashboardShown, timeout=TIMEOUT):
        tab.show()
    return tab.dashboard.area.currentData(), tab, made


def test_the_dashboard_opens_on_the_departments_region(
    qapp: Any, qtbot: Any, synced: Session
) -> None:
    install_analytics_translations(qapp, "en")
    db = synced.cache.db
    regional = {**synced.user, "department_id": _department(db, "Bakı şəhəri səhiyyə idarəsi")}
    area, tab, made = _opened_on(qtbot, synced, regional, None)
    try:
        assert area == "baki"
        assert tab.dashboard.area.currentText() == "Bakı iqtisadi rayonu"
        expected = {t.indicator.id: t.latest for t in dashboard_tiles(db, "baki")}
        assert {w.tile.indicator.id: w.tile.latest for w in tab.dashboard.tiles if w.tile} == (
            expected
        )
    finally:
        close_analytics(made)
    central = {**synced.user, "department_id": _department(db, "Müalicə-profilaktika şöbəsi")}
    area, _tab, made = _opened_on(qtbot, synced, central, None)
    close_analytics(made)
    assert area == COUNTRY


def test_an_area_the_user_chose_is_remembered_and_wins(
    qapp: Any, qtbot: Any, synced: Session, tmp_path: Path
) -> None:
    install_analytics_translations(qapp, "en")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    db = synced.cache.db
    user = {
        **synced.user,
        "department_id": _department(db, "Şəki-Zaqatala regional səhiyyə idarəsi"),
    }
    area, tab, made = _opened_on(qtbot, synced, user, settings)
    try:
        assert area == "seki-zaqatala"
        assert settings.value(AREA_KEY) is None  # opening is not a choice
        combo = tab.dashboard.area
        combo.setFocus()
        with qtbot.waitSignal(tab.dashboardShown, timeout=TIMEOUT):
            combo.setCurrentIndex(combo.findData(COUNTRY))
            combo.activated.emit(combo.currentIndex())  # as a click or Enter on the item
        assert settings.value(AREA_KEY) == COUNTRY
    finally:
        close_analytics(made)
    area, _tab, made = _opened_on(qtbot, synced, user, settings)
    close_analytics(made)
    assert area == COUNTRY  # the choice wins over the department's region
