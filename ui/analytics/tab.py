"""The Analytics tab: public-health indicators by district and month, from the cache only
(every filter works offline: the whole indicator table is there).

Three pages: the dashboard of an area (tiles), Explore (line chart and its table) and the
district map (tile grid and its table). Every read goes through ``context.reads`` under a
latest-wins key per page, so a newer filter supersedes an older read; exports are
painted and written on a worker (``context.tasks``). The GUI thread only shows results.
A sync that brings indicator records reloads what is shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QPoint,
    QRectF,
    QSize,
    QStandardPaths,
    Qt,
    QTimer,
    QTimeZone,
    Signal,
)
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QTabWidget, QVBoxLayout, QWidget

from domains.directory.queries import department_region
from domains.indicators.queries import (
    COUNTRY,
    Area,
    Basics,
    Indicator,
    MonthNote,
    MonthTable,
    Series,
    Tile,
    area_values,
    basics,
    dashboard_tiles,
    month_notes,
    series,
    series_a_year_before,
    series_csv,
    series_xlsx,
)
from ui.analytics.charts import ChartStyle, render_bar_png, render_png, render_svg
from ui.analytics.dashboard import DashboardPage
from ui.analytics.explore import MAX_LINES, ExplorePage
from ui.analytics.i18n import analytics_locale, format_month
from ui.analytics.map_page import MapPage
from ui.analytics.tile_map import render_map_png
from ui.context import Changes, TabContext

__all__ = ["AnalyticsTab"]

log = logging.getLogger(__name__)

COLLECTIONS = {"regions", "indicators", "indicator_values"}
EXPORT_SIZE = QSize(1200, 700)
AREA_KEY = "analytics/chosen_area"
"""The area the user chose on the dashboard (only an explicit choice is stored, so it
wins over the department's region; the older "analytics/area" stored every area shown)."""
INDICATOR_KEY = "analytics/indicator"

FileChooser = Callable[[str, str, str], str | None]
"""(title, suggested path, filter) → the chosen path, or None."""


def _ask_for_file(parent: QWidget) -> FileChooser:
    def ask(title: str, suggested: str, file_filter: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
        return path or None

    return ask


class AnalyticsTab(QWidget):
    basicsLoaded = Signal()
    dashboardShown = Signal()
    chartShown = Signal()
    mapShown = Signal()
    exported = Signal(str)
    printed = Signal()
    failed = Signal(str)

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AnalyticsTab")
        self._context = context
        self._connections = context.reads  # the window's pool: the window closes it
        self.basics: Basics | None = None
        self._others_pending = False
        self.choose_file: FileChooser = _ask_for_file(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.pages = QTabWidget(self)
        self.dashboard = DashboardPage(self.pages)
        self.explore = ExplorePage(self.pages)
        self.map = MapPage(self.pages)
        self.pages.addTab(self.dashboard, "")
        self.pages.addTab(self.explore, "")
        self.pages.addTab(self.map, "")
        layout.addWidget(self.pages, 1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.dashboard.area.currentIndexChanged.connect(self._load_dashboard)
        self.dashboard.area.activated.connect(self._remember_area)
        self.dashboard.printRequested.connect(self._print_dialog)
        self.explore.selectionChanged.connect(self._load_series)
        self.explore.exportRequested.connect(self._export_chart)
        self.map.selectionChanged.connect(self._load_map)
        self.map.districtChosen.connect(self._filter_by_district)
        self.map.exportRequested.connect(lambda: self.export_map_png(None))
        self.map.barsExportRequested.connect(lambda: self.export_bars_png(None))
        context.events.changed.connect(self._on_data_changed)
        self._retranslate()
        self._load_basics()

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("AnalyticsTab", "Analytics")

    # --- reading ---------------------------------------------------------------------

    def _load_basics(self) -> None:
        """One read for what the tab opens on: the basics, the area to show and its
        tiles (one trip to a worker, not two). The area: the one shown (kept over a sync
        or a new language), else the one the user chose, else the region of the user's
        department, else the country."""
        department = self._context.user.get("department_id")
        department_id = department if isinstance(department, str) else None
        shown = self.dashboard.area.currentData()
        chosen = self._preference(AREA_KEY, None)

        def read(db: sqlite_utils.Database) -> tuple[Basics, str, list[Tile]]:
            loaded = basics(db)
            home = department_region(db, department_id)
            area = shown if isinstance(shown, str) else chosen if chosen is not None else home
            if area is None or loaded.tree.area(area) is None:  # a region no longer held
                area = COUNTRY
            return loaded, area, dashboard_tiles(db, area)

        self._connections.query(
            read, lambda found: self._show_basics(*found), self._failed, owner=self, key="basics"
        )

    def _show_basics(self, loaded: Basics, area: str, tiles: list[Tile]) -> None:
        self.basics = loaded
        self.dashboard.set_basics(loaded, area)
        # The dashboard first, alone: it is what the tab opens on. The other pages (a
        # tree of every district, the map) are built and read once it is painted, not
        # competing with it for the GUI thread and the two workers.
        self._others_pending = True
        self._show_tiles(tiles)

    def _set_up_other_pages(self) -> None:
        if not self._others_pending or self.basics is None:
            return
        self._others_pending = False
        loaded = self.basics
        area = self.dashboard.area.currentData() or COUNTRY
        indicator = self._preference(INDICATOR_KEY, None)
        default_lines = {code for code in (area, "baki", "naxcivan") if code} or {COUNTRY}
        if area == COUNTRY:
            default_lines = {COUNTRY, "baki"}
        self.explore.set_basics(loaded, indicator, default_lines)
        self.map.set_basics(loaded, indicator)
        self.basicsLoaded.emit()
        self._load_series()
        self._load_map()

    def _load_dashboard(self) -> None:
        area = self.dashboard.area.currentData()
        if area is None:
            self._show_tiles([])
            return
        self._connections.query(
            lambda db: dashboard_tiles(db, area),
            self._show_tiles,
            self._failed,
            owner=self,
            key="dashboard",
        )

    def _remember_area(self, _index: int) -> None:
        """The user chose an area: it is remembered, and wins over the department's."""
        area = self.dashboard.area.currentData()
        if isinstance(area, str):
            self._remember(AREA_KEY, area)

    def _show_tiles(self, tiles: list[Tile]) -> None:
        published = [t.note.published_on for t in tiles if t.note and t.note.published_on]
        self.dashboard.show_tiles(tiles, self._dates(max(published, default=None)))
        self.dashboardShown.emit()
        if self._others_pending:  # after the tiles' paint (posted before this timer)
            QTimer.singleShot(0, self._set_up_other_pages)

    def _load_series(self) -> None:
        selection = self.explore.selection()
        if selection is None or self.basics is None:
            self.explore.show_series([], self._dates(), False)
            self.chartShown.emit()
            return
        self._remember(INDICATOR_KEY, selection.indicator.id)
        tree = self.basics.tree
        limit = MAX_LINES // 2 if selection.year_before else MAX_LINES
        areas = selection.areas[:limit]
        too_many = len(selection.areas) > limit
        suffix = self.tr("%1, a year before")

        def read(db: sqlite_utils.Database) -> tuple[list[Series], dict[str, MonthNote]]:
            args = (db, selection.indicator, areas, selection.first, selection.last, tree)
            notes = month_notes(db, selection.indicator.id, selection.first, selection.last)
            now = series(*args)
            if not selection.year_before:
                return now, notes
            lines = []
            for line, earlier in zip(now, series_a_year_before(*args), strict=True):
                named = Area(earlier.area.code, suffix.replace("%1", earlier.area.name))
                lines += [line, Series(named, earlier.points)]
            return lines, notes

        self._connections.query(
            read,
            lambda found: self._show_series(*found, selection.indicator, too_many),
            self._failed,
            owner=self,
            key="series",
        )

    def _show_series(
        self,
        lines: list[Series],
        notes: dict[str, MonthNote],
        indicator: Indicator,
        too_many: bool,
    ) -> None:
        shown = [p.period for p in lines[0].points] if lines else []
        last_note = notes.get(shown[-1]) if shown else None
        published = last_note.published_on if last_note else None
        self.explore.show_series(lines, self._dates(published), too_many, indicator, notes)
        self.chartShown.emit()

    def _load_map(self) -> None:
        chosen = self.map.selection()
        if chosen is None or self.basics is None:
            return
        indicator, period = chosen
        tree = self.basics.tree

        def read(db: sqlite_utils.Database) -> tuple[MonthTable, MonthNote | None]:
            notes = month_notes(db, indicator.id, period, period)
            return area_values(db, indicator, period, tree=tree), notes.get(period)

        self._connections.query(
            read,
            lambda found: self._show_map(*found, indicator),
            self._failed,
            owner=self,
            key="map",
        )

    def _show_map(self, table: MonthTable, note: MonthNote | None, indicator: Indicator) -> None:
        footer = self._dates(note.published_on if note else None)
        if note is not None and note.provisional:
            footer += " · " + self.tr("provisional: may still be revised")
        self.map.show_month(table, indicator, footer)
        self.mapShown.emit()

    def _filter_by_district(self, code: str) -> None:
        """A district chosen on the map: its line (with the country's) in Explore."""
        self.explore.check_area(code, only=True)
        self.explore.check_area(COUNTRY)
        index = self.explore.indicator.findData(self.map.indicator.currentData())
        if index >= 0:
            self.explore.indicator.setCurrentIndex(index)
        self.pages.setCurrentWidget(self.explore)

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches(COLLECTIONS):
            self._load_basics()

    def _failed(self, error: BaseException) -> None:
        log.warning("analytics: a read failed: %s", type(error).__name__)
        QTimer.singleShot(0, self._set_up_other_pages)  # the dashboard's read failed
        self.status.setText(self.tr("The indicators could not be read from this computer's copy."))
        self.failed.emit(type(error).__name__)

    def _dates(self, published: str | None = None) -> str:
        """ "Data as of … · synced …" (the publication date of the newest month shown,
        when the server gave it; else the newest month in the cache): current and
        historic data never confused."""
        if self.basics is None or not self.basics.periods:
            return self.tr("No values in this computer's copy yet.")
        words = self.tr("Values up to %1").replace("%1", format_month(self.basics.periods[-1]))
        day = QDate.fromString(published or "", "yyyy-MM-dd")
        if day.isValid():
            words = self.tr("Data as of %1").replace(
                "%1", analytics_locale().toString(day, "d MMMM yyyy")
            )
        synced = self.basics.synced_at
        if synced is None:
            return words + " · " + self.tr("never synced")
        when = analytics_locale().toString(_qt_moment(synced), "d MMMM yyyy, HH:mm")
        return words + " · " + self.tr("synced %1").replace("%1", when)

    # --- exports ---------------------------------------------------------------------

    def _export_chart(self, kind: str) -> None:
        exports = {
            "png": self.export_chart_png,
            "svg": self.export_chart_svg,
            "csv": self.export_table_csv,
            "xlsx": self.export_table_xlsx,
        }
        exports[kind](None)

    def _target(self, path: str | None, title: str, name: str, file_filter: str) -> str | None:
        if path is not None:
            return path
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return self.choose_file(title, str(Path(folder) / name), file_filter)

    def export_chart_png(self, path: str | None) -> None:
        target = self._target(path, self.tr("Save chart as PNG"), "chart.png", "PNG (*.png)")
        if target is None:
            return
        chart, style = (
            self.explore.chart.chart,  # what is shown, as shown (its footer too)
            ChartStyle.from_palette(self.palette()),
        )
        self._write(target, lambda: render_png(chart, target, EXPORT_SIZE, style))

    def export_chart_svg(self, path: str | None) -> None:
        target = self._target(path, self.tr("Save chart as SVG"), "chart.svg", "SVG (*.svg)")
        if target is None:
            return
        chart, style = (
            self.explore.chart.chart,  # what is shown, as shown (its footer too)
            ChartStyle.from_palette(self.palette()),
        )
        self._write(target, lambda: render_svg(chart, target, EXPORT_SIZE, style))

    def export_table_csv(self, path: str | None) -> None:
        target = self._target(path, self.tr("Save table as CSV"), "table.csv", "CSV (*.csv)")
        if target is None:
            return
        data = series_csv(self.tr("Month"), list(self.explore.lines))
        self._write(target, lambda: Path(target).write_bytes(data))

    def export_table_xlsx(self, path: str | None) -> None:
        target = self._target(path, self.tr("Save table as XLSX"), "table.xlsx", "Excel (*.xlsx)")
        if target is None:
            return
        shown = self.explore.shown_indicator
        sheet = shown.code if shown is not None else "table"
        data = series_xlsx(self.tr("Month"), sheet, list(self.explore.lines))
        self._write(target, lambda: Path(target).write_bytes(data))

    def export_map_png(self, path: str | None) -> None:
        target = self._target(path, self.tr("Save map as PNG"), "map.png", "PNG (*.png)")
        if target is None or self.map.data is None:
            return
        data, palette = self.map.data, self.palette()
        self._write(target, lambda: render_map_png(data, target, EXPORT_SIZE, palette))

    def export_bars_png(self, path: str | None) -> None:
        target = self._target(path, self.tr("Save bar chart as PNG"), "bars.png", "PNG (*.png)")
        if target is None or self.map.bar_chart is None:
            return
        chart, style = self.map.bar_chart, ChartStyle.from_palette(self.palette())
        self._write(target, lambda: render_bar_png(chart, target, EXPORT_SIZE.width(), style))

    def _print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the dashboard"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_dashboard(printer)

    def print_dashboard(self, printer: QPrinter) -> None:
        """The area, the dates and every tile as shown, scaled to the page (painting: on
        the GUI thread, like the directory's phone list)."""
        host = self.dashboard.grid_host
        painter = QPainter()
        if not painter.begin(printer):
            self.status.setText(self.tr("The printer could not be opened."))
            self.failed.emit("printer")
            return
        try:
            page = printer.pageRect(QPrinter.Unit.DevicePixel)
            heading = f"{self.dashboard.area.currentText()} · {self.dashboard.dates.text()}"
            height = painter.fontMetrics().height() * 2
            painter.drawText(
                QRectF(0, 0, page.width(), height), Qt.AlignmentFlag.AlignLeft, heading
            )
            scale = min(
                page.width() / max(host.width(), 1),
                (page.height() - height) / max(host.height(), 1),
            )
            painter.translate(0, height)
            painter.scale(scale, scale)
            host.render(painter, QPoint(0, 0))
        finally:
            painter.end()
        self.status.setText(self.tr("The dashboard is printed."))
        self.printed.emit()

    def _write(self, target: str, work: Callable[[], object]) -> None:
        def done(_result: object) -> None:
            self.status.setText(self.tr("Saved: %1").replace("%1", target))
            self.exported.emit(target)

        def failed(error: BaseException) -> None:
            self.status.setText(
                self.tr("Could not save %1: %2").replace("%1", target).replace("%2", str(error))
            )
            self.failed.emit(str(error))

        self._context.tasks.run(work, done, failed, owner=self)

    # --- preferences and language ----------------------------------------------------

    def _preference(self, key: str, default: str | None) -> str | None:
        preferences = self._context.preferences
        if preferences is None:
            return default
        value = preferences.value(key, default)
        return value if isinstance(value, str) else default

    def _remember(self, key: str, value: str) -> None:
        if self._context.preferences is not None:
            self._context.preferences.setValue(key, value)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self.basics is not None:
                self._load_basics()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.pages.setTabText(0, self.tr("&Dashboard"))
        self.pages.setTabText(1, self.tr("&Line chart"))
        self.pages.setTabText(2, self.tr("District &map"))
        self.pages.setAccessibleName(self.tr("Analytics views"))


def _qt_moment(moment: datetime) -> QDateTime:
    """A moment in this computer's time zone (a naive one is taken as UTC, as the cache
    stores them)."""
    seconds = int(moment.timestamp() if moment.tzinfo else moment.replace(tzinfo=UTC).timestamp())
    return QDateTime.fromSecsSinceEpoch(seconds, QTimeZone.systemTimeZone())
