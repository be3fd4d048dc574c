"""The Analytics tab over the synced demo data: the dashboard, the line chart and its
table, the district map and its table, the map's click filtering the chart, exports read
back, and no query on the GUI thread."""

from __future__ import annotations

import csv
import io
import threading
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from client.session import Session
from domains.indicators.queries import series
from tests.ui.analytics.conftest import TIMEOUT, AnalyticsHarness, wait_loaded
from ui.analytics.charts import DARK_COLOURS, ChartLine, ChartStyle, LineChart, paint_line_chart


def test_the_dashboard_shows_every_indicator_of_the_area(
    qtbot: Any, harness: AnalyticsHarness
) -> None:
    tab = harness.tab
    wait_loaded(qtbot, tab)
    assert len(tab.dashboard.tiles) == 10
    index = tab.dashboard.area.findData("seki-zaqatala")
    assert index > 0
    before = [t.tile for t in tab.dashboard.tiles]
    tab.dashboard.area.setCurrentIndex(index)
    qtbot.waitUntil(lambda: [t.tile for t in tab.dashboard.tiles] != before, timeout=TIMEOUT)
    for widget in tab.dashboard.tiles:
        name = widget.accessibleName()
        assert widget.tile is not None and widget.tile.indicator.name in name
        assert ("higher than in" in name) or ("lower than in" in name) or ("same as" in name)
        assert "nan" not in name.lower()
    assert "synced" in tab.dashboard.dates.text()
    assert "Data as of" in tab.dashboard.dates.text()
    assert all("provisional" in w.accessibleName() for w in tab.dashboard.tiles)
    gui = threading.main_thread().ident
    assert harness.statements.threads and gui not in harness.statements.threads


def test_two_districts_make_two_lines_and_the_table_behind_them(
    qtbot: Any, harness: AnalyticsHarness, synced: Session
) -> None:
    tab = harness.tab
    wait_loaded(qtbot, tab)
    tab.explore.check_area("seki", only=True)
    tab.explore.check_area("zaqatala")
    qtbot.waitUntil(
        lambda: [s.area.code for s in tab.explore.lines] == ["seki", "zaqatala"], timeout=TIMEOUT
    )
    selection = tab.explore.selection()
    assert selection is not None
    expected = series(
        synced.cache.db, selection.indicator, selection.areas, selection.first, selection.last
    )
    chart = tab.explore.chart.chart
    assert [line.label for line in chart.lines] == ["Şəki rayonu", "Zaqatala rayonu"]
    assert [list(line.values) for line in chart.lines] == [s.values() for s in expected]
    table = tab.explore.table
    assert table.columnCount() == 2 and table.rowCount() == len(expected[0].points) == 24
    first_value = expected[0].points[0].value
    assert first_value is not None
    shown = tab.explore.chart.chart
    if selection.indicator.target is not None:
        assert any(value == selection.indicator.target for _, value in shown.guides)
    last_row = table.verticalHeaderItem(table.rowCount() - 1)
    assert last_row is not None and "(provisional)" in last_row.text()
    assert shown.footer.startswith("Data as of ")
    assert "may still be revised" in tab.explore.message.text()
    cell = table.item(0, 0)
    assert cell is not None and cell.text().replace(",", "") == f"{first_value:.0f}"
    tab.explore.year_before.setChecked(True)
    qtbot.waitUntil(lambda: len(tab.explore.lines) == 4, timeout=TIMEOUT)
    names = [line.area.name for line in tab.explore.lines]
    assert names == [
        "Şəki rayonu",
        "Şəki rayonu, a year before",
        "Zaqatala rayonu",
        "Zaqatala rayonu, a year before",
    ]
    earlier_first = f"{int(selection.first[:4]) - 1}{selection.first[4:]}"
    earlier_last = f"{int(selection.last[:4]) - 1}{selection.last[4:]}"
    (earlier,) = series(
        synced.cache.db, selection.indicator, selection.areas[:1], earlier_first, earlier_last
    )
    assert tab.explore.lines[1].values() == earlier.values()
    controls = {"QComboBox", "QPushButton", "QTreeWidget", "QTableWidget", "QCheckBox"}
    for widget in tab.findChildren(QWidget):
        if widget.metaObject().className() in controls and widget.isVisibleTo(tab):
            assert widget.accessibleName(), widget


def test_a_click_on_the_map_filters_the_line_chart(qtbot: Any, harness: AnalyticsHarness) -> None:
    tab = harness.tab
    wait_loaded(qtbot, tab)
    tab.pages.setCurrentWidget(tab.map)
    view = tab.map.map
    qtbot.waitUntil(lambda: view.isVisible() and view.width() > 100, timeout=TIMEOUT)
    assert tab.map.data is not None and len(tab.map.data.cells) == 85
    assert tab.map.table.rowCount() == 85
    bars = tab.map.bar_chart
    assert bars is not None and len(bars.rows) == 85 and bars.national is not None
    values = [value for _, value in bars.rows]
    assert values == sorted(values, reverse=True)  # type: ignore[type-var]
    indicator = tab.map.selection()
    assert indicator is not None
    word = "Average district" if indicator[0].is_count else "Whole country"
    assert word in bars.national_label
    point = view.tile_centre("seki")
    assert view.code_at(point) == "seki"
    assert "Şəki rayonu" in tab.map._describe("seki")
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(int(point.x()), int(point.y())))
    assert tab.pages.currentWidget() is tab.explore
    qtbot.waitUntil(
        lambda: {s.area.code for s in tab.explore.lines} == {"", "seki"}, timeout=TIMEOUT
    )
    # The keyboard does the same: arrows move between districts, Enter filters.
    tab.pages.setCurrentWidget(tab.map)
    view.setFocus()
    view.current = "seki"
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.current != "seki"
    moved = view.current
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: {s.area.code for s in tab.explore.lines} == {"", moved}, timeout=TIMEOUT
    )


def test_exports_are_read_back(qtbot: Any, harness: AnalyticsHarness, tmp_path: Path) -> None:
    tab = harness.tab
    wait_loaded(qtbot, tab)
    written: list[str] = []
    tab.exported.connect(written.append)
    for export, name in (
        (tab.export_chart_png, "chart.png"),
        (tab.export_chart_svg, "chart.svg"),
        (tab.export_table_csv, "table.csv"),
        (tab.export_map_png, "map.png"),
        (tab.export_bars_png, "bars.png"),
        (tab.export_table_xlsx, "table.xlsx"),
    ):
        export(str(tmp_path / name))
    qtbot.waitUntil(lambda: len(written) == 6, timeout=TIMEOUT)
    sheet = load_workbook(tmp_path / "table.xlsx").active  # openpyxl, not ours
    assert sheet is not None
    table = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert table[0][1:] == [line.area.name for line in tab.explore.lines]
    assert [row[1] for row in table[1:]] == pytest.approx(tab.explore.lines[0].values())
    bars = QImage(str(tmp_path / "bars.png"))
    assert not bars.isNull() and bars.width() == 1200 and bars.height() > 85 * 18
    for name in ("chart.png", "map.png"):
        image = QImage(str(tmp_path / name))
        assert not image.isNull() and image.size() == QSize(1200, 700)
        colours = {image.pixel(x, y) for x in range(0, 1200, 37) for y in range(0, 700, 23)}
        assert len(colours) > 3  # something drawn, not a blank page
    svg = QSvgRenderer(str(tmp_path / "chart.svg"))
    assert svg.isValid()
    text = (tmp_path / "chart.svg").read_text(encoding="utf-8")
    assert tab.explore.chart.chart.footer.split(" · ")[0] in text  # the shown "Data as of"
    data = (tmp_path / "table.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][1:] == [line.area.name for line in tab.explore.lines]
    assert len(rows) == 1 + len(tab.explore.lines[0].points)


def test_a_failed_export_says_so_and_writes_nothing(
    qtbot: Any, harness: AnalyticsHarness, tmp_path: Path
) -> None:
    tab = harness.tab
    wait_loaded(qtbot, tab)
    target = tmp_path / "missing-folder" / "chart.png"
    with qtbot.waitSignal(tab.failed, timeout=TIMEOUT):
        tab.export_chart_png(str(target))
    assert not target.exists()
    assert "Could not save" in tab.status.text()


def test_the_dialog_cancelled_exports_nothing(
    qtbot: Any, harness: AnalyticsHarness, tmp_path: Path
) -> None:
    tab = harness.tab
    wait_loaded(qtbot, tab)
    asked: list[str] = []

    def cancel(title: str, suggested: str, _filter: str) -> None:
        asked.append(suggested)

    tab.choose_file = cancel
    tab.explore.export_csv.click()
    assert asked and asked[0].endswith("table.csv")
    harness.tasks.wait_for_done()
    assert tab.status.text() == ""


@pytest.mark.parametrize("base", ["#000000", "#ffffff"])
def test_high_contrast_palettes_carry_into_the_chart(qapp: Any, base: str) -> None:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    text = "#ffffff" if base == "#000000" else "#000000"
    palette.setColor(QPalette.ColorRole.Text, QColor(text))
    style = ChartStyle.from_palette(palette)
    assert (style.colours == DARK_COLOURS) == (base == "#000000")
    assert style.pen(0).style() != style.pen(1).style()  # lines differ by more than colour
    chart = LineChart("T", ("a", "b", "c"), (ChartLine("x", (1.0, None, 3.0)),), "f", "empty")
    image = QImage(400, 300, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    paint_line_chart(painter, QRectF(0, 0, 400, 300), chart, style)
    painter.end()
    assert QColor(image.pixel(2, 2)) == QColor(base)
    inked = {QColor(image.pixel(x, y)).name() for x in range(0, 400, 3) for y in range(0, 300, 3)}
    assert text in inked


def test_thresholds_show_on_the_chart_the_map_and_the_tiles(
    qtbot: Any, harness: AnalyticsHarness
) -> None:
    tab = harness.tab
    wait_loaded(qtbot, tab)
    index = tab.explore.indicator.findData("ind-immunization-coverage")
    tab.explore.indicator.setCurrentIndex(index)
    qtbot.waitUntil(
        lambda: (
            tab.explore.shown_indicator is not None
            and tab.explore.shown_indicator.code == "immunization-coverage"
        ),
        timeout=TIMEOUT,
    )
    assert [label for label, _ in tab.explore.chart.chart.guides] == [
        "Target: 95.0",
        "Alert level: 90.0",
    ]
    tab.map.indicator.setCurrentIndex(tab.map.indicator.findData("ind-immunization-coverage"))
    qtbot.waitUntil(
        lambda: tab.map.shown is not None and tab.map.shown.code == "immunization-coverage",
        timeout=TIMEOUT,
    )
    data = tab.map.data
    assert data is not None and "beyond the alert level (90.0)" in data.footer
    bars = tab.map.bar_chart
    assert bars is not None and [v for _, v in bars.guides] == [95.0, 90.0]
    words = {tab.map.table.item(r, 3).text() for r in range(tab.map.table.rowCount())}  # type: ignore[union-attr]
    assert words <= {"target met", "short of the target", "beyond the alert level"}
    assert words & {"target met", "short of the target"}
    month_table = tab.map.month_table
    assert month_table is not None
    alerted = {r.area.code for r in month_table.rows if r.value is not None and r.value < 90}
    assert data.alerts == alerted
    tile = next(
        t
        for t in tab.dashboard.tiles
        if t.tile and t.tile.indicator.code == "immunization-coverage"
    )
    assert tile.tile is not None and tile.tile.latest is not None
    standing = tile.standing.text()
    expected = {"met": "Target (95.0 %) met", "short": "Short of the target (95.0 %)"}.get(
        tile.tile.indicator.standing(tile.tile.latest.value) or "", "alert level (90.0 %)"
    )
    assert expected in standing and standing in tile.accessibleName()


def test_the_dashboard_prints(qtbot: Any, harness: AnalyticsHarness, tmp_path: Path) -> None:
    tab = harness.tab
    wait_loaded(qtbot, tab)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "dashboard.pdf"))
    with qtbot.waitSignal(tab.printed, timeout=TIMEOUT):
        tab.print_dashboard(printer)
    data = (tmp_path / "dashboard.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000  # the tiles, not an empty page
    assert tab.dashboard.print_button.accessibleName()
