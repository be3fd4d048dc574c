"""The district map page: an indicator and a month; the tile map with its legend of
classes (and "no data"), and beside it the table of every district's value and class,
highest first (the map's alternative). A click on a district, or Enter on it, filters the
line chart by that district (``districtChosen``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from domains.indicators.grid import cells
from domains.indicators.queries import Basics, Indicator, MonthTable, legend_classes
from ui.analytics.charts import BarChart, BarChartView
from ui.analytics.i18n import format_month, format_value
from ui.analytics.tile_map import MapData, TileMapView

__all__ = ["MapPage"]


class MapPage(QWidget):
    selectionChanged = Signal()
    districtChosen = Signal(str)
    exportRequested = Signal()
    barsExportRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.basics: Basics | None = None
        self.cells = cells()
        self.month_table: MonthTable | None = None
        self.data: MapData | None = None
        self.bar_chart: BarChart | None = None
        self.shown: Indicator | None = None
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.indicator_label = QLabel(self)
        self.indicator = QComboBox(self)
        self.indicator_label.setBuddy(self.indicator)
        self.month_label = QLabel(self)
        self.month = QComboBox(self)
        self.month_label.setBuddy(self.month)
        filters.addWidget(self.indicator_label)
        filters.addWidget(self.indicator, 2)
        filters.addWidget(self.month_label)
        filters.addWidget(self.month)
        layout.addLayout(filters)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.views = QTabWidget(splitter)
        self.map = TileMapView(self._describe, self.views)
        self.bars_area = QScrollArea(self.views)
        self.bars_area.setWidgetResizable(True)
        self.bars = BarChartView(self.bars_area)
        self.bars_area.setWidget(self.bars)
        self.views.addTab(self.map, "")
        self.views.addTab(self.bars_area, "")
        self.table = QTableWidget(splitter)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        bottom.addWidget(self.message, 1)
        self.export_png = QPushButton(self)
        self.export_png.clicked.connect(self.exportRequested)
        bottom.addWidget(self.export_png)
        self.export_bars = QPushButton(self)
        self.export_bars.clicked.connect(self.barsExportRequested)
        bottom.addWidget(self.export_bars)
        layout.addLayout(bottom)
        self.indicator.currentIndexChanged.connect(self.selectionChanged)
        self.month.currentIndexChanged.connect(self.selectionChanged)
        self.map.districtChosen.connect(self.districtChosen)
        self.table.cellActivated.connect(self._row_activated)
        self._retranslate()

    def set_basics(self, basics: Basics, indicator_id: str | None) -> None:
        self.basics = basics
        for combo in (self.indicator, self.month):
            combo.blockSignals(True)
            combo.clear()
        for indicator in basics.indicators:
            self.indicator.addItem(f"{indicator.name} ({indicator.unit})", indicator.id)
        self.indicator.setCurrentIndex(max(self.indicator.findData(indicator_id), 0))
        for period in reversed(basics.periods):
            self.month.addItem(format_month(period), period)
        for combo in (self.indicator, self.month):
            combo.blockSignals(False)

    def selection(self) -> tuple[Indicator, str] | None:
        if self.basics is None:
            return None
        indicator = self.basics.indicator(self.indicator.currentData())
        period = self.month.currentData()
        if indicator is None or period is None:
            return None
        return indicator, period

    def show_month(self, table: MonthTable, indicator: Indicator, footer: str) -> None:
        self.month_table = table
        self.shown = indicator
        values = {row.area.code: row.value for row in table.rows}
        classes = tuple(legend_classes(list(values.values())))
        labels = [
            f"{format_value(c.low)} – {format_value(c.high)}"
            if c.low != c.high
            else format_value(c.low)
            for c in classes
        ]
        if len(classes) == 1 and len([v for v in values.values() if v is not None]) > 1:
            labels[0] = self.tr("%1 (every district has the same value)").replace("%1", labels[0])
        labels.append(self.tr("no data"))
        on_map = {code: cell for code, cell in self.cells.items() if code in values}
        missing = [row.area.name for row in table.rows if row.area.code not in self.cells]
        national = "–" if table.national is None else format_value(table.national)
        alerts = frozenset(
            code for code, value in values.items() if indicator.standing(value) == "alert"
        )
        if indicator.alert is not None:
            footer = (
                self.tr("! beyond the alert level (%1)").replace(
                    "%1", format_value(indicator.alert)
                )
                + " · "
                + footer
            )
        self.data = MapData(
            f"{indicator.name} ({indicator.unit}), {format_month(table.period)}",
            on_map,
            {row.area.code: row.area.name for row in table.rows},
            values,
            classes,
            tuple(labels),
            self.tr("Whole country: %1").replace("%1", national) + " · " + footer,
            self.tr("No district has a value for this month. Choose another month or indicator."),
            format_value,
            alerts,
        )
        self.map.set_data(self.data)
        # A count's national value is the sum of the districts: no bar is comparable to
        # it, so the bars mark the average district instead, and say so.
        marker, marker_label = table.national, self.tr("Whole country: %1").replace("%1", national)
        present = [v for v in values.values() if v is not None]
        if indicator.is_count and present:
            marker = sum(present) / len(present)
            marker_label = self.tr("Average district: %1").replace("%1", format_value(marker))
        guides = []
        if indicator.target is not None:
            guides.append(
                (
                    self.tr("Target: %1").replace("%1", format_value(indicator.target)),
                    indicator.target,
                )
            )
        if indicator.alert is not None:
            guides.append(
                (
                    self.tr("Alert level: %1").replace("%1", format_value(indicator.alert)),
                    indicator.alert,
                )
            )
        self.bar_chart = BarChart(
            self.data.title,
            tuple((row.area.name, row.value) for row in table.rows),
            marker,
            marker_label,
            self.tr("no data"),
            footer,
            self.data.empty,
            format_value,
            tuple(guides),
        )
        self.bars.set_chart(self.bar_chart)
        self.table.clear()
        self.table.setColumnCount(4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("District"), self.tr("Value"), self.tr("Class"), self.tr("Thresholds")]
        )
        self.table.setRowCount(len(table.rows))
        for row, entry in enumerate(table.rows):
            index = self.data.class_index(entry.area.code)
            cells_text = (
                entry.area.name,
                self.tr("no data") if entry.value is None else format_value(entry.value),
                "–" if index is None else str(index + 1),
                self._standing_words(indicator.standing(entry.value)),
            )
            for column, text in enumerate(cells_text):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.area.code)
                self.table.setItem(row, column, item)
        self.table.setColumnHidden(3, indicator.higher_is_better is None)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.message.setText(
            self.tr("Not on the map (no grid cell): %1").replace("%1", ", ".join(missing))
            if missing
            else ""
        )

    def _standing_words(self, standing: str | None) -> str:
        return {
            "alert": self.tr("beyond the alert level"),
            "met": self.tr("target met"),
            "short": self.tr("short of the target"),
        }.get(standing or "", "")

    def _describe(self, code: str) -> str:
        if self.data is None:
            return ""
        name = self.data.names.get(code, code)
        value = self.data.values.get(code)
        if value is None:
            return self.tr("%1: no data").replace("%1", name)
        index = self.data.class_index(code)
        words = (
            self.tr("%1: %2 (class %3)")
            .replace("%1", name)
            .replace("%2", format_value(value))
            .replace("%3", "–" if index is None else str(index + 1))
        )
        standing = self._standing_words(self.shown.standing(value) if self.shown else None)
        return f"{words}, {standing}" if standing else words

    def _row_activated(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.districtChosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.indicator_label.setText(self.tr("&Indicator:"))
        self.month_label.setText(self.tr("&Month:"))
        self.indicator.setAccessibleName(self.tr("Indicator of the map"))
        self.month.setAccessibleName(self.tr("Month of the map"))
        self.map.setAccessibleName(
            self.tr(
                "District map: arrow keys move between districts, Enter shows the district's line"
            )
        )
        self.table.setAccessibleName(self.tr("Table of the map: every district's value and class"))
        self.export_png.setText(self.tr("Save map as P&NG…"))
        self.export_png.setAccessibleName(self.tr("Save map as PNG"))
        self.export_bars.setText(self.tr("Save &bar chart as PNG…"))
        self.export_bars.setAccessibleName(self.tr("Save bar chart as PNG"))
        self.views.setTabText(0, self.tr("Map"))
        self.views.setTabText(1, self.tr("Bar chart"))
        self.views.setAccessibleName(self.tr("Map or bar chart of the districts"))
        self.bars.setAccessibleName(
            self.tr("Bar chart of the districts, highest first, the whole country marked")
        )
