"""Screenshots of the Analytics tab over the demo data in a real window: the regional
dashboard, a line chart of two districts, the district map, and an exported PNG opened
back as an image.

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1440x900x24" \
        uv run --locked python scripts/screenshot_analytics.py [--out docs/screenshots]

Seeds the ``demo`` data into a temporary server, signs in a member of the Şəki-Zaqatala
regional health office (so the dashboard opens on that economic region, the region of
the user's department) and syncs, then stops the server: every view is shot offline.
Saves ``analytics-dashboard``, ``analytics-line-chart``, ``analytics-map``,
``analytics-bars`` and ``analytics-export`` in az and en (``-<lang>.png``). Nothing else
is left behind.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QLocale
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget
from sqlalchemy import select

from scripts.screenshot_harness import (
    settle,
    shoot,
    shot_parser,
    styled_application,
    synced_session,
    wait_until,
)
from server.config import Settings
from server.db import Database, departments, sqlite_url_for, users
from server.runner import seed_if_empty
from ui.analytics import AnalyticsTab, install_analytics_translations
from ui.context import DataEvents, TabContext
from ui.i18n import Languages
from ui.reads import ReadPool
from ui.tasks import TaskRunner
from ui.writes import Writes

REGIONAL_OFFICE = "Şəki-Zaqatala regional səhiyyə idarəsi"


def regional_username(root: Path) -> str:
    """A demo account of the regional office (seeded here, as synced_session would)."""
    settings = Settings(data_dir=root / "server")
    seed_if_empty(settings, "demo")
    db = Database(sqlite_url_for(settings.data_dir))
    try:
        with db.read() as conn:
            office = conn.execute(
                select(departments.c.id).where(departments.c.body.contains(REGIONAL_OFFICE))
            ).scalar_one()
            return str(
                conn.execute(
                    select(users.c.username)
                    .where(users.c.department_id == office)
                    .order_by(users.c.username)
                ).first()[0]  # type: ignore[index]
            )
    finally:
        db.dispose()


def main() -> int:
    parser = shot_parser(__doc__, "az,en")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = styled_application()
    shell = Languages(app)
    with tempfile.TemporaryDirectory(prefix="analytics-shot-") as temporary:
        root = Path(temporary)
        with synced_session(root, regional_username(root)) as session:
            tasks = TaskRunner()
            events = DataEvents()
            reads = ReadPool(session.cache.connect, tasks)
            context = TabContext(
                reads=reads,
                writes=Writes(reads, events),
                tasks=tasks,
                events=events,
                user=session.user,
            )
            for language in args.languages.split(","):
                shell.switch(language)
                install_analytics_translations(app, language)
                QLocale.setDefault(QLocale(language))
                window = QMainWindow()
                tabs = QTabWidget(window)
                tab = AnalyticsTab(context)
                tabs.addTab(tab, AnalyticsTab.title())
                window.setCentralWidget(tabs)
                window.resize(1280, 820)
                window.show()
                wait_until(lambda t=tab: t.dashboard.dates.text() != "" and bool(t.dashboard.tiles))
                if tab.dashboard.area.currentData() != "seki-zaqatala":  # the department's
                    raise RuntimeError("the dashboard did not open on the user's region")
                settle(0.8)
                shoot(window, args.out, "analytics-dashboard", language)
                tab.pages.setCurrentWidget(tab.explore)
                tab.explore.indicator.setCurrentIndex(
                    tab.explore.indicator.findData("ind-infant-mortality")
                )
                tab.explore.check_area("seki", only=True)
                tab.explore.check_area("zaqatala")
                wait_until(
                    lambda t=tab: (
                        len(t.explore.lines) == 2
                        and t.explore.shown_indicator is not None
                        and t.explore.shown_indicator.code == "infant-mortality"
                    )
                )
                shoot(window, args.out, "analytics-line-chart", language)
                tab.pages.setCurrentWidget(tab.map)
                wait_until(lambda t=tab: t.map.data is not None)
                shoot(window, args.out, "analytics-map", language)
                tab.map.views.setCurrentIndex(1)
                shoot(window, args.out, "analytics-bars", language)
                exported = root / f"chart-{language}.png"
                written: list[str] = []
                tab.exported.connect(written.append)
                tab.export_chart_png(str(exported))
                wait_until(lambda w=written: bool(w))
                viewer = QLabel()
                pixmap = QPixmap(str(exported))
                if pixmap.isNull():
                    raise RuntimeError("the exported PNG does not open")
                viewer.setPixmap(pixmap)
                viewer.resize(pixmap.size())
                viewer.setWindowTitle(exported.name)
                viewer.show()
                shoot(viewer, args.out, "analytics-export", language)
                viewer.close()
                tasks.wait_for_done()
                window.close()
                tab.deleteLater()
                settle()
            tasks.wait_for_done()
            reads.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
