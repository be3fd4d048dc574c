"""Explore: an indicator, a set of areas (the tree of economic regions → districts, with
check boxes) and a period; a line chart over the months and, beside it, the table behind
it (the chart's alternative for screen readers and for copying).

The page holds no data of its own: it says what is chosen (``selection``) and shows what
the tab read for it (``show_series``).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from domains.indicators.queries import COUNTRY, Area, Basics, Indicator, MonthNote, Series
from ui.analytics.charts import ChartLine, LineChart, LineChartView
from ui.analytics.i18n import format_month, format_value

__all__ = ["ExplorePage", "ExploreSelection"]

MAX_LINES = 7
"""More lines than this are not told apart (seven colours, five dashes)."""
CODE_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class ExploreSelection:
    indicator: Indicator
    areas: tuple[Area, ...]
    first: str
    last: str
    year_before: bool = False


class ExplorePage(QWidget):
    selectionChanged = Signal()
    exportRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.basics: Basics | None = None
        self.lines: list[Series] = []
        self.shown_indicator: Indicator | None = None
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.indicator_label = QLabel(self)
        self.indicator = QComboBox(self)
        self.indicator_label.setBuddy(self.indicator)
        self.first_label = QLabel(self)
        self.first = QComboBox(self)
        self.first_label.setBuddy(self.first)
        self.last_label = QLabel(self)
        self.last = QComboBox(self)
        self.last_label.setBuddy(self.last)
        self.year_before = QCheckBox(self)
        self.year_before.toggled.connect(self.selectionChanged)
        for widget, stretch in (
            (self.indicator_label, 0),
            (self.indicator, 2),
            (self.first_label, 0),
            (self.first, 0),
            (self.last_label, 0),
            (self.last, 0),
            (self.year_before, 0),
        ):
            filters.addWidget(widget, stretch)
        layout.addLayout(filters)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.areas = QTreeWidget(splitter)
        self.areas.setHeaderHidden(True)
        self.areas.setMinimumWidth(220)
        right = QSplitter(Qt.Orientation.Vertical, splitter)
        self.chart = LineChartView(right)
        self.table = QTableWidget(right)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        splitter.setStretchFactor(1, 3)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        bottom = QHBoxLayout()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        bottom.addWidget(self.message, 1)
        self.export_png = QPushButton(self)
        self.export_svg = QPushButton(self)
        self.export_csv = QPushButton(self)
        self.export_xlsx = QPushButton(self)
        for button, kind in (
            (self.export_png, "png"),
            (self.export_svg, "svg"),
            (self.export_csv, "csv"),
            (self.export_xlsx, "xlsx"),
        ):
            button.clicked.connect(lambda _checked=False, k=kind: self.exportRequested.emit(k))
            bottom.addWidget(button)
        layout.addLayout(bottom)

        self.indicator.currentIndexChanged.connect(self.selectionChanged)
        self.first.currentIndexChanged.connect(self.selectionChanged)
        self.last.currentIndexChanged.connect(self.selectionChanged)
        self.areas.itemChanged.connect(self._area_toggled)
        self._retranslate()

    # --- filters ---------------------------------------------------------------------

    def set_basics(self, basics: Basics, indicator_id: str | None, checked: set[str]) -> None:
        self.basics = basics
        for combo in (self.indicator, self.first, self.last, self.areas):
            combo.blockSignals(True)
        self.indicator.clear()
        for indicator in basics.indicators:
            self.indicator.addItem(f"{indicator.name} ({indicator.unit})", indicator.id)
        self.indicator.setCurrentIndex(max(self.indicator.findData(indicator_id), 0))
        for combo in (self.first, self.last):
            combo.clear()
            for period in basics.periods:
                combo.addItem(format_month(period), period)
        self.first.setCurrentIndex(max(len(basics.periods) - 24, 0))
        self.last.setCurrentIndex(len(basics.periods) - 1)
        self.areas.clear()
        country = QTreeWidgetItem(self.areas, [self.tr("Whole country")])
        self._checkable(country, COUNTRY, checked)
        for region, districts in basics.tree.regions:
            item = QTreeWidgetItem(self.areas, [region.name])
            self._checkable(item, region.code, checked)
            for district in districts:
                self._checkable(QTreeWidgetItem(item, [district.name]), district.code, checked)
        for combo in (self.indicator, self.first, self.last, self.areas):
            combo.blockSignals(False)

    def _checkable(self, item: QTreeWidgetItem, code: str, checked: set[str]) -> None:
        item.setData(0, CODE_ROLE, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Checked if code in checked else Qt.CheckState.Unchecked)
        parent = item.parent()
        if code in checked and parent is not None:
            parent.setExpanded(True)

    def check_area(self, code: str, only: bool = False) -> None:
        """Check an area (a click on the map); ``only``: uncheck the others first."""
        self.areas.blockSignals(True)
        for item in self._items():
            if only or item.data(0, CODE_ROLE) == code:
                state = item.data(0, CODE_ROLE) == code
                item.setCheckState(0, Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)
                parent = item.parent()
                if state and parent is not None:
                    parent.setExpanded(True)
                    self.areas.scrollToItem(item)
        self.areas.blockSignals(False)
        self.selectionChanged.emit()

    def _items(self) -> list[QTreeWidgetItem]:
        found = []
        for top in range(self.areas.topLevelItemCount()):
            item = self.areas.topLevelItem(top)
            if item is None:
                continue
            found.append(item)
            for index in range(item.childCount()):
                child = item.child(index)
                if child is not None:
                    found.append(child)
        return found

    def _area_toggled(self, _item: QTreeWidgetItem, _column: int) -> None:
        self.selectionChanged.emit()

    def selection(self) -> ExploreSelection | None:
        if self.basics is None or self.indicator.currentIndex() < 0:
            return None
        indicator = self.basics.indicator(self.indicator.currentData())
        first, last = self.first.currentData(), self.last.currentData()
        if indicator is None or first is None or last is None:
            return None
        if first > last:
            first, last = last, first
        areas = []
        for item in self._items():
            if item.checkState(0) == Qt.CheckState.Checked:
                code = item.data(0, CODE_ROLE)
                area = self.basics.tree.area(code)
                if area is not None:
                    areas.append(Area(code, item.text(0), area.parent_code))
        return ExploreSelection(indicator, tuple(areas), first, last, self.year_before.isChecked())

    # --- results ---------------------------------------------------------------------

    def line_chart(self, footer: str) -> LineChart:
        selection = self.selection()
        shown = self.shown_indicator
        title = "" if shown is None else f"{shown.name} ({shown.unit})"
        guides: list[tuple[str, float]] = []
        if shown is not None and shown.target is not None:
            guides.append(
                (self.tr("Target: %1").replace("%1", format_value(shown.target)), shown.target)
            )
        if shown is not None and shown.alert is not None:
            guides.append(
                (self.tr("Alert level: %1").replace("%1", format_value(shown.alert)), shown.alert)
            )
        months = tuple(format_month(p.period) for p in self.lines[0].points) if self.lines else ()
        return LineChart(
            title,
            months,
            tuple(ChartLine(line.area.name, tuple(line.values())) for line in self.lines),
            footer,
            self._empty_words(selection),
            format_value,
            tuple(guides),
        )

    def _empty_words(self, selection: ExploreSelection | None) -> str:
        if selection is None or not selection.areas:
            return self.tr("Tick one or more areas on the left to draw their lines.")
        return self.tr("No values for these areas in this period. Choose other months or areas.")

    def show_series(
        self,
        lines: list[Series],
        footer: str,
        too_many: bool,
        indicator: Indicator | None = None,
        notes: dict[str, MonthNote] | None = None,
    ) -> None:
        self.lines = lines
        self.shown_indicator = indicator
        notes = notes or {}
        self.chart.set_chart(self.line_chart(footer))
        self.table.clear()
        months = [p.period for p in lines[0].points] if lines else []
        self.table.setRowCount(len(months))
        self.table.setColumnCount(len(lines))
        self.table.setHorizontalHeaderLabels([line.area.name for line in lines])
        provisional = self.tr("(provisional)")
        self.table.setVerticalHeaderLabels(
            [
                format_month(m) + (f" {provisional}" if m in notes and notes[m].provisional else "")
                for m in months
            ]
        )
        partial = False
        for column, line in enumerate(lines):
            for row, point in enumerate(line.points):
                if point.value is None:
                    text = self.tr("no data")
                else:
                    text = format_value(point.value)
                    if point.partial:
                        text += " *"
                        partial = True
                    if point.value < 0:
                        text += " " + self.tr("(negative: check the source)")
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        words = []
        if any(note.provisional for month, note in notes.items() if month in months):
            words.append(self.tr("Months marked provisional may still be revised."))
        if partial:
            words.append(self.tr("* not every district of the area reported that month."))
        if too_many:
            words.append(
                self.tr("Only the first %1 areas ticked are drawn.").replace(
                    "%1", str(len({line.area.code for line in lines}))
                )
            )
        self.message.setText(" ".join(words))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.indicator_label.setText(self.tr("&Indicator:"))
        self.first_label.setText(self.tr("&From:"))
        self.last_label.setText(self.tr("&To:"))
        self.indicator.setAccessibleName(self.tr("Indicator"))
        self.first.setAccessibleName(self.tr("First month"))
        self.last.setAccessibleName(self.tr("Last month"))
        self.year_before.setText(self.tr("&Against the year before"))
        self.year_before.setAccessibleName(
            self.tr("Add each area's line of the same months a year before")
        )
        self.areas.setAccessibleName(self.tr("Economic regions and districts to compare"))
        self.chart.setAccessibleName(self.tr("Line chart of the areas over the months"))
        self.table.setAccessibleName(self.tr("Table of the line chart: months by areas"))
        self.export_png.setText(self.tr("Save chart as &PNG…"))
        self.export_svg.setText(self.tr("Save chart as S&VG…"))
        self.export_csv.setText(self.tr("Save table as &CSV…"))
        self.export_xlsx.setText(self.tr("Save table as &XLSX…"))
        for button in (self.export_png, self.export_svg, self.export_csv, self.export_xlsx):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
