"""The line chart drawn by Qt Charts and by the tab's own QPainter code, same data, same size.

    uv run --locked python bench/analytics_charts.py [--repeat 30]

Offscreen, without OpenGL (as on a managed workstation's VM): each renders a 1200x700
chart of 2 lines x 24 months and of 7 lines x 60 months into a QImage; Qt Charts'
time includes building its series and axes, as a filter change would.

pyqtgraph and matplotlib are not project dependencies; they are drawn too when this runs
in a throwaway environment that has them (docs/analytics.md):

    uv venv /tmp/chartvenv && uv pip install --python /tmp/chartvenv pyqtgraph \
        matplotlib pyside6==6.11.3   # the lock's PySide6
    /tmp/chartvenv/bin/python bench/analytics_charts.py --repeat 30

pyqtgraph: one PlotWidget (1200x700) with a legend, cleared and given one antialiased
line with round markers per area for each chart (as a filter change would), rendered
into the QImage. matplotlib: a Figure of 12x7 in at
100 dpi with the Agg backend, lines with markers and a legend, drawn and copied into the
QImage. Prints p50/p95 wall and CPU per render, and the ratio of CPU times to QPainter.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCharts import QChart, QLineSeries, QValueAxis
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QGraphicsScene

from ui.analytics.charts import ChartLine, ChartStyle, LineChart, paint_line_chart

COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")


def data(lines: int, months: int) -> list[list[float]]:
    rng = random.Random(lines * 100 + months)
    return [
        [50 + 10 * math.sin(m / 3 + n) + rng.gauss(0, 2) for m in range(months)]
        for n in range(lines)
    ]


def ours(values: list[list[float]], image: QImage) -> None:
    chart = LineChart(
        "t",
        tuple(f"2025-{m % 12 + 1:02d}" for m in range(len(values[0]))),
        tuple(ChartLine(f"area {n}", tuple(v)) for n, v in enumerate(values)),
        "footer",
    )
    painter = QPainter(image)
    paint_line_chart(painter, QRectF(0, 0, 1200, 700), chart, ChartStyle.from_palette(QPalette()))
    painter.end()


def qt_charts(values: list[list[float]], image: QImage) -> None:
    chart = QChart()
    x_axis, y_axis = QValueAxis(), QValueAxis()
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for n, line in enumerate(values):
        series = QLineSeries()
        series.setName(f"area {n}")
        series.setPointsVisible(True)
        series.append([QPointF(m, v) for m, v in enumerate(line)])
        chart.addSeries(series)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
    x_axis.setRange(0, len(values[0]) - 1)
    y_axis.setRange(min(min(v) for v in values), max(max(v) for v in values))
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.setGeometry(QRectF(0, 0, 1200, 700))
    QApplication.processEvents()  # Qt Charts lays itself out on a posted event
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, 1200, 700), QRectF(0, 0, 1200, 700))
    painter.end()
    scene.removeItem(chart)


_PLOT_WIDGET: list[object] = []  # one pyqtgraph widget, cleared and re-plotted per chart


def pyqtgraph_chart(values: list[list[float]], image: QImage) -> None:
    import pyqtgraph as pg

    if not _PLOT_WIDGET:
        pg.setConfigOptions(antialias=True, background="w", foreground="k")
        widget = pg.PlotWidget()
        widget.getPlotItem().addLegend()
        widget.show()  # offscreen: laid out at its size, as in a window
        widget.resize(1200, 700)
        QApplication.processEvents()
        _PLOT_WIDGET.append(widget)
    widget = _PLOT_WIDGET[0]
    plot = widget.getPlotItem()
    plot.clear()  # as a filter change would: the same widget, new lines
    plot.enableAutoRange()
    for n, line in enumerate(values):
        plot.plot(
            list(range(len(line))), line, pen=pg.mkPen(COLOURS[n], width=2), symbol="o",
            symbolSize=6, symbolBrush=COLOURS[n], name=f"area {n}",
        )  # fmt: skip
    QApplication.processEvents()
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    widget.render(painter)
    painter.end()


def matplotlib_chart(values: list[list[float]], image: QImage) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(12, 7), dpi=100)
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    for n, line in enumerate(values):
        axes.plot(range(len(line)), line, color=COLOURS[n], marker="o", markersize=4,
                  label=f"area {n}")  # fmt: skip
    axes.legend()
    canvas.draw()
    rgba = canvas.buffer_rgba()
    drawn = QImage(bytes(rgba), 1200, 700, QImage.Format.Format_RGBA8888)
    painter = QPainter(image)
    painter.drawImage(0, 0, drawn)
    painter.end()


def available() -> list[tuple[str, Callable[[list[list[float]], QImage], None]]]:
    found: list[tuple[str, Callable[[list[list[float]], QImage], None]]] = [
        ("QPainter (the tab)", ours),
        ("Qt Charts", qt_charts),
    ]
    for name, module, fn in (
        ("pyqtgraph", "pyqtgraph", pyqtgraph_chart),
        ("matplotlib (Agg)", "matplotlib", matplotlib_chart),
    ):
        try:
            __import__(module)
        except ImportError:
            print(f"{name}: not installed here (see the docstring)")
            continue
        found.append((name, fn))
    return found


def timed(fn: Callable[[], None], repeat: int) -> tuple[list[float], float]:
    fn()
    walls = []
    cpu = time.process_time()
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        walls.append((time.perf_counter() - start) * 1000)
    return walls, (time.process_time() - cpu) * 1000 / repeat


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    image = QImage(1200, 700, QImage.Format.Format_ARGB32)
    charts = available()
    for lines, months in ((2, 24), (7, 60)):
        values = data(lines, months)
        results = {}
        for name, fn in charts:
            walls, cpu = timed(lambda f=fn, v=values: f(v, image), args.repeat)  # type: ignore[misc]
            app.processEvents()
            results[name] = cpu
            ordered = sorted(walls)
            p50, p95 = statistics.median(walls), ordered[round(0.95 * (len(ordered) - 1))]
            print(
                f"{lines} lines x {months} months  {name:<20} p50 {p50:7.2f} ms"
                f"  p95 {p95:7.2f} ms  cpu {cpu:6.2f} ms"
            )
        for name, cpu in results.items():
            if name != "QPainter (the tab)":
                print(f"  {name} / QPainter CPU: {cpu / results['QPainter (the tab)']:.1f}x")
    for name, fn in charts:  # one image of each, to look at
        fn(data(7, 60), image)
        image.save(f"{tempfile.gettempdir()}/analytics-chart-{name.split()[0].lower()}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
