"""The regional dashboard: one tile per indicator with the latest value, the change against
the same month a year before (in words, an arrow and a colour, all three explained), and
the last 13 months as a small trend line.

The change's colour tells only the direction (blue up, orange down, never green/red
"good/bad": counts have no good direction), and the explanation under the tiles says so;
whether the level is good is a line of words against the server's thresholds. Each
tile's accessible name is the whole tile in one sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from domains.indicators.queries import COUNTRY, Basics, Tile
from ui.analytics.charts import Sparkline
from ui.analytics.i18n import format_month, format_value

__all__ = ["DashboardPage", "TileWidget"]

UP_COLOUR = "#0072B2"
DOWN_COLOUR = "#D55E00"


class TileWidget(QFrame):
    """One indicator's tile."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        layout = QVBoxLayout(self)
        self.name = QLabel(self)
        self.name.setWordWrap(True)
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.value = QLabel(self)
        big = self.value.font()
        big.setPointSizeF(big.pointSizeF() * 1.6)
        self.value.setFont(big)
        self.change = QLabel(self)
        self.change.setWordWrap(True)
        self.standing = QLabel(self)
        self.standing.setWordWrap(True)
        self.trend = Sparkline(self)
        self.month = QLabel(self)
        for widget in (self.name, self.value, self.change, self.standing, self.trend, self.month):
            layout.addWidget(widget)
        self.tile: Tile | None = None

    def show_tile(self, tile: Tile) -> None:
        self.tile = tile
        self.name.setText(tile.indicator.name)
        self.trend.set_values([p.value for p in tile.trend])
        latest = tile.latest
        if latest is None or latest.value is None:
            self.value.setText("–")
            self.change.setText(self.tr("No values for this area."))
            self.change.setStyleSheet("")
            self.month.setText("")
        else:
            self.value.setText(f"{format_value(latest.value)} {tile.indicator.unit}")
            self.change.setText(self._change_words(tile))
            percent = tile.change_percent
            colour = "" if not percent else (UP_COLOUR if percent > 0 else DOWN_COLOUR)
            dark = self.palette().color(QPalette.ColorRole.Base).lightnessF() < 0.5
            self.change.setStyleSheet(f"color: {colour};" if colour and not dark else "")
            month = self.tr("Month: %1").replace("%1", format_month(latest.period))
            if latest.partial:
                month += " · " + self.tr("%1 of %2 districts reported").replace(
                    "%1", str(latest.reporting)
                ).replace("%2", str(latest.expected))
            if tile.note is not None and tile.note.provisional:
                month += " · " + self.tr("provisional")
            if tile.stale:
                month += " · " + self.tr("no longer published")
            self.month.setText(month)
        self.standing.setText(self._standing_words(tile))
        self.standing.setVisible(bool(self.standing.text()))
        self.setAccessibleName(
            ". ".join(
                part
                for part in (
                    self.name.text(),
                    self.value.text(),
                    self.change.text(),
                    self.standing.text(),
                    self.month.text(),
                )
                if part
            )
        )

    def _standing_words(self, tile: Tile) -> str:
        """Against the server's thresholds, in words (the sign beside them for a glance)."""
        indicator = tile.indicator
        value = tile.latest.value if tile.latest else None
        standing = indicator.standing(value)
        unit = f" {indicator.unit}"
        if standing == "alert" and indicator.alert is not None:
            return self.tr("⚠ Beyond the alert level (%1)").replace(
                "%1", format_value(indicator.alert) + unit
            )
        if standing == "met" and indicator.target is not None:
            return self.tr("✓ Target (%1) met").replace("%1", format_value(indicator.target) + unit)
        if standing == "short" and indicator.target is not None:
            return self.tr("○ Short of the target (%1)").replace(
                "%1", format_value(indicator.target) + unit
            )
        return ""

    def _change_words(self, tile: Tile) -> str:
        assert tile.latest is not None
        before = tile.year_before
        percent = tile.change_percent
        if before is None or before.value is None:
            return self.tr("No value a year before to compare with.")
        when = format_month(before.period)
        if percent is None:
            return self.tr("A year before (%1) the value was 0.").replace("%1", when)
        if abs(percent) < 0.05:
            return self.tr("= the same as in %1").replace("%1", when)
        amount = format_value(abs(percent))
        if percent > 0:
            return self.tr("▲ %1 % higher than in %2").replace("%1", amount).replace("%2", when)
        return self.tr("▼ %1 % lower than in %2").replace("%1", amount).replace("%2", when)


class DashboardPage(QWidget):
    """The tiles of the chosen area (the tab reads them when the area changes)."""

    printRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.area_label = QLabel(self)
        self.area = QComboBox(self)
        self.area_label.setBuddy(self.area)
        top.addWidget(self.area_label)
        top.addWidget(self.area, 1)
        self.dates = QLabel(self)
        self.dates.setWordWrap(True)
        top.addWidget(self.dates, 2)
        self.print_button = QPushButton(self)
        self.print_button.clicked.connect(self.printRequested)
        top.addWidget(self.print_button)
        layout.addLayout(top)
        self.tiles_area = QScrollArea(self)
        self.tiles_area.setWidgetResizable(True)
        self.grid_host = QWidget(self.tiles_area)
        self.grid = QGridLayout(self.grid_host)
        self.tiles_area.setWidget(self.grid_host)
        layout.addWidget(self.tiles_area, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        self.tiles: list[TileWidget] = []
        self._retranslate()

    def set_basics(self, basics: Basics, chosen: str) -> None:
        self.area.blockSignals(True)
        self.area.clear()
        self.area.addItem(self.tr("Whole country"), COUNTRY)
        for region, _districts in basics.tree.regions:
            self.area.addItem(region.name, region.code)
        index = self.area.findData(chosen)
        self.area.setCurrentIndex(max(index, 0))
        self.area.blockSignals(False)

    def show_tiles(self, tiles: list[Tile], dates: str) -> None:
        for widget in self.tiles:
            widget.deleteLater()
        self.tiles = []
        self.dates.setText(dates)
        if not tiles:
            self.message.setText(
                self.tr(
                    "No indicators in this computer's copy yet. Connect to the network and sync."
                )
            )
            return
        self.message.setText("")
        columns = 3 if len(tiles) > 4 else 2
        for index, tile in enumerate(tiles):
            widget = TileWidget(self.grid_host)
            widget.show_tile(tile)
            self.grid.addWidget(widget, index // columns, index % columns)
            self.tiles.append(widget)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.area_label.setText(self.tr("&Area:"))
        self.area.setAccessibleName(self.tr("Area of the dashboard"))
        self.print_button.setText(self.tr("&Print…"))
        self.print_button.setAccessibleName(self.tr("Print the dashboard"))
        self.tiles_area.setAccessibleName(self.tr("Indicator tiles"))
        self.explanation.setText(
            self.tr(
                "▲ blue: higher than the same month a year before; ▼ orange: lower. "
                "The arrow tells the direction only, not whether the change is good."
            )
        )
        for widget in self.tiles:
            if widget.tile is not None:
                widget.show_tile(widget.tile)
