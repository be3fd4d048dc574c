"""The Analytics tab's charts, painted with QPainter: one painting function per chart, used
for the screen, the PNG and SVG exports alike (what is exported is what is shown).

Why QPainter and not Qt Charts or a plotting library (docs/analytics.md): Qt Charts is
deprecated since Qt 6.10 and slow without OpenGL; pyqtgraph or matplotlib would add
tens of megabytes for a line chart, a sparkline and a grid of tiles. A chart here is a few
hundred lines at most and paints in a few milliseconds.

Accessible: colour is never the only carrier. Each line has its own dash pattern and
marker shape as well as its colour (Okabe-Ito, told apart by colour-blind readers), the
legend repeats both, and every chart has a table beside it. Text and axes take the
palette's colours, so a high-contrast theme carries through; on a dark base the lines
switch to their light variants.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QImageWriter,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QSizePolicy, QWidget

__all__ = [
    "BarChart",
    "BarChartView",
    "ChartLine",
    "ChartStyle",
    "LineChart",
    "LineChartView",
    "Sparkline",
    "nice_ticks",
    "paint_bar_chart",
    "paint_line_chart",
    "render_bar_png",
    "render_png",
    "render_svg",
    "save_png",
]

LIGHT_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
DARK_COLOURS = ("#56B4E9", "#E69F00", "#66D9B0", "#F0A0D0", "#F0E442", "#A0D8FF", "#FFFFFF")
DASHES = (
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
    Qt.PenStyle.DashDotDotLine,
)
MARKERS = ("circle", "square", "triangle", "diamond", "cross")


@dataclass(frozen=True)
class ChartStyle:
    """The colours a chart is painted with, taken from a palette."""

    text: QColor
    base: QColor
    grid: QColor
    colours: tuple[str, ...]

    @classmethod
    def from_palette(cls, palette: QPalette) -> ChartStyle:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        grid = QColor(text)
        grid.setAlpha(60)
        dark = base.lightnessF() < 0.5
        return cls(text, base, grid, DARK_COLOURS if dark else LIGHT_COLOURS)

    def pen(self, index: int, width: float = 2.0) -> QPen:
        pen = QPen(QColor(self.colours[index % len(self.colours)]), width)
        pen.setStyle(DASHES[index % len(DASHES)])
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        return pen


@dataclass(frozen=True)
class ChartLine:
    label: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class LineChart:
    """What a line chart shows; ``empty`` is said in words when there is nothing to draw."""

    title: str
    months: tuple[str, ...]  # axis labels, one per value
    lines: tuple[ChartLine, ...]
    footer: str = ""  # "Data as of … · Synced …"
    empty: str = ""
    format_value: Callable[[float], str] = field(default=lambda v: f"{v:g}")
    guides: tuple[tuple[str, float], ...] = ()
    """Threshold lines (label, value): the target and the alert level."""

    @property
    def has_values(self) -> bool:
        return any(v is not None for line in self.lines for v in line.values)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round axis steps covering low..high; equal ends still give a range (never NaN)."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return [0.0, 1.0]
    if low == high:
        spread = abs(low) * 0.1 or 1.0
        low, high = low - spread, high + spread
    raw = (high - low) / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks = []
    value = first
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _marker(painter: QPainter, kind: str, centre: QPointF, size: float) -> None:
    x, y, r = centre.x(), centre.y(), size / 2
    if kind == "circle":
        painter.drawEllipse(centre, r, r)
    elif kind == "square":
        painter.drawRect(QRectF(x - r, y - r, size, size))
    elif kind == "triangle":
        painter.drawPolygon(
            QPolygonF([QPointF(x, y - r), QPointF(x + r, y + r), QPointF(x - r, y + r)])
        )
    elif kind == "diamond":
        painter.drawPolygon(
            QPolygonF([QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y)])
        )
    else:
        painter.drawLine(QPointF(x - r, y - r), QPointF(x + r, y + r))
        painter.drawLine(QPointF(x - r, y + r), QPointF(x + r, y - r))


def paint_line_chart(painter: QPainter, rect: QRectF, chart: LineChart, style: ChartStyle) -> None:
    """Paint the whole chart (title, axes, lines, legend, footer) into ``rect``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, style.base)
    font = QFont(painter.font())
    metrics = QFontMetricsF(font)
    line_height = metrics.height()
    painter.setPen(style.text)
    title_font = QFont(font)
    title_font.setBold(True)
    painter.setFont(title_font)
    top = rect.top() + 6
    painter.drawText(
        QRectF(rect.left() + 8, top, rect.width() - 16, line_height),
        Qt.AlignmentFlag.AlignLeft,
        chart.title,
    )
    painter.setFont(font)
    bottom = rect.bottom() - 6
    if chart.footer:
        bottom -= line_height
        painter.drawText(
            QRectF(rect.left() + 8, bottom, rect.width() - 16, line_height),
            Qt.AlignmentFlag.AlignLeft,
            chart.footer,
        )
    if not chart.has_values:
        painter.drawText(
            QRectF(
                rect.left() + 8, top + line_height, rect.width() - 16, bottom - top - line_height
            ),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            chart.empty,
        )
        painter.restore()
        return
    # Legend: one row per line, its dash and marker as well as its colour.
    legend_rows = len(chart.lines)
    bottom -= legend_rows * line_height + 4
    for index, line in enumerate(chart.lines):
        y = bottom + 4 + index * line_height + line_height / 2
        painter.setPen(style.pen(index))
        painter.drawLine(QPointF(rect.left() + 12, y), QPointF(rect.left() + 48, y))
        painter.setBrush(QColor(style.colours[index % len(style.colours)]))
        _marker(painter, MARKERS[index % len(MARKERS)], QPointF(rect.left() + 30, y), 7)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(style.text)
        painter.drawText(
            QRectF(rect.left() + 56, y - line_height / 2, rect.width() - 64, line_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            line.label,
        )
    values = [v for line in chart.lines for v in line.values if v is not None]
    values += [value for _, value in chart.guides]
    ticks = nice_ticks(min(values), max(values))
    labels = [chart.format_value(t) for t in ticks]
    left = rect.left() + 12 + max(metrics.horizontalAdvance(label) for label in labels)
    plot = QRectF(
        left + 6,
        top + line_height * 1.6,
        rect.right() - 16 - left - 6,
        bottom - line_height * 1.6 - (top + line_height * 1.6),
    )
    if plot.width() < 20 or plot.height() < 20:
        painter.restore()
        return
    low, high = ticks[0], ticks[-1]

    def y_of(value: float) -> float:
        return plot.bottom() - (value - low) / (high - low) * plot.height()

    count = len(chart.months)

    def x_of(index: int) -> float:
        return plot.left() + (index / max(count - 1, 1)) * plot.width()

    for tick, label in zip(ticks, labels, strict=True):
        y = y_of(tick)
        painter.setPen(QPen(style.grid, 1))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(style.text)
        painter.drawText(
            QRectF(rect.left(), y - line_height / 2, left - rect.left(), line_height),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
    for guide_label, guide_value in chart.guides:  # thresholds, named in words at the right
        y = y_of(guide_value)
        pen = QPen(style.text, 1.2)
        pen.setStyle(Qt.PenStyle.DashDotLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(style.text)
        width = metrics.horizontalAdvance(guide_label) + 8
        painter.fillRect(
            QRectF(plot.right() - width, y - line_height, width, line_height), style.base
        )
        painter.drawText(
            QRectF(plot.right() - width, y - line_height, width, line_height),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            guide_label,
        )
    label_width = max(metrics.horizontalAdvance(m) for m in chart.months) + 8
    every = max(1, math.ceil(label_width / max(plot.width() / max(count, 1), 1)))
    painter.setPen(style.text)
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    for index, month in enumerate(chart.months):
        if index % every:
            continue
        x = x_of(index)
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3))
        # Kept inside the chart: the first and last months are never cut off.
        label_left = min(max(x - label_width / 2, rect.left()), rect.right() - label_width)
        painter.drawText(
            QRectF(label_left, plot.bottom() + 3, label_width, line_height),
            Qt.AlignmentFlag.AlignHCenter,
            month,
        )
    for index, line in enumerate(chart.lines):
        # Runs of months with values, each one polyline: a gap breaks the line, it never
        # drops to 0.
        runs: list[list[QPointF]] = [[]]
        for position, value in enumerate(line.values):
            if value is None:
                if runs[-1]:
                    runs.append([])
                continue
            runs[-1].append(QPointF(x_of(position), y_of(value)))
        painter.setPen(style.pen(index))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for run in runs:
            if len(run) > 1:
                painter.drawPolyline(QPolygonF(run))
        marker_pen = QPen(QColor(style.colours[index % len(style.colours)]), 1.5)
        painter.setPen(marker_pen)
        painter.setBrush(QColor(style.colours[index % len(style.colours)]))
        step = max(1, count // 24)  # markers on every month of a short chart only
        for position, value in enumerate(line.values):
            if value is not None and (position % step == 0 or position == count - 1):
                _marker(
                    painter, MARKERS[index % len(MARKERS)], QPointF(x_of(position), y_of(value)), 6
                )
    painter.restore()


def save_png(image: QImage, path: str) -> None:
    """Write a PNG whatever the file's name ends with; a failure raises with Qt's reason."""
    writer = QImageWriter(path, QByteArray(b"png"))
    if not writer.write(image):
        raise OSError(writer.errorString())


def render_png(chart: LineChart, path: str, size: QSize, style: ChartStyle) -> None:
    """Write the chart as a PNG (safe on a worker: it paints on a QImage)."""
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(style.base)
    painter = QPainter(image)
    try:
        paint_line_chart(painter, QRectF(0, 0, size.width(), size.height()), chart, style)
    finally:
        painter.end()
    save_png(image, path)


def render_svg(chart: LineChart, path: str, size: QSize, style: ChartStyle) -> None:
    generator = QSvgGenerator()
    generator.setFileName(path)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(chart.title)
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"could not write {path}")
    try:
        paint_line_chart(painter, QRectF(0, 0, size.width(), size.height()), chart, style)
    finally:
        painter.end()


@dataclass(frozen=True)
class BarChart:
    """Districts compared for one month: ``rows`` already sorted (highest first, no data
    last); ``national`` is marked across the bars."""

    title: str
    rows: tuple[tuple[str, float | None], ...]
    national: float | None
    national_label: str  # "Whole country: 3,333,076"
    no_data: str  # "no data"
    footer: str = ""
    empty: str = ""
    format_value: Callable[[float], str] = field(default=lambda v: f"{v:g}")
    guides: tuple[tuple[str, float], ...] = ()
    """Threshold lines across the bars (label, value), named under them."""

    @property
    def has_values(self) -> bool:
        return any(value is not None for _, value in self.rows)


BAR_ROW = 18.0


def bar_chart_height(chart: BarChart, line_height: float) -> int:
    """The height that shows every bar at a readable size."""
    extra = len(chart.guides) * line_height
    return int(line_height * 4 + extra + len(chart.rows) * max(BAR_ROW, line_height) + 16)


def paint_bar_chart(painter: QPainter, rect: QRectF, chart: BarChart, style: ChartStyle) -> None:
    """Horizontal bars, one per district, its value written at its end (the length is not
    the only carrier); the national value a dashed line with its label."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, style.base)
    font = QFont(painter.font())
    metrics = QFontMetricsF(font)
    line_height = metrics.height()
    bold = QFont(font)
    bold.setBold(True)
    painter.setFont(bold)
    painter.setPen(style.text)
    painter.drawText(
        QRectF(rect.left() + 8, rect.top() + 4, rect.width() - 16, line_height), chart.title
    )
    painter.setFont(font)
    if not chart.has_values:
        painter.drawText(
            rect.adjusted(8, line_height * 2, -8, -8),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            chart.empty,
        )
        painter.restore()
        return
    values = [v for _, v in chart.rows if v is not None]
    values += [value for _, value in chart.guides]
    if chart.national is not None:
        values.append(chart.national)
    low, high = min(0.0, *values), max(0.0, *values)
    if low == high:
        high = low + 1.0
    names_width = min(
        rect.width() * 0.35, max(metrics.horizontalAdvance(n) for n, _ in chart.rows) + 12
    )
    value_width = max(metrics.horizontalAdvance(chart.format_value(v)) for v in values) + 8
    top = rect.top() + line_height * 2.4
    left = rect.left() + 8 + names_width
    width = max(rect.right() - 8 - value_width - left, 10.0)
    row_height = max(BAR_ROW, line_height)

    def x_of(value: float) -> float:
        return left + (value - low) / (high - low) * width

    colour = QColor(style.colours[0])
    for index, (name, value) in enumerate(chart.rows):
        y = top + index * row_height
        painter.setPen(style.text)
        painter.drawText(
            QRectF(rect.left() + 8, y, names_width - 8, row_height),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(name, Qt.TextElideMode.ElideRight, names_width - 8),
        )
        if value is None:
            painter.drawText(
                QRectF(left + 4, y, width, row_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                chart.no_data,
            )
            continue
        start, end = sorted((x_of(0.0), x_of(value)))
        painter.fillRect(QRectF(start, y + 3, max(end - start, 1.0), row_height - 6), colour)
        painter.drawText(
            QRectF(end + 4, y, value_width, row_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            chart.format_value(value),
        )
    bottom = top + len(chart.rows) * row_height
    if chart.national is not None:
        x = x_of(chart.national)
        pen = QPen(style.text, 1.5)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(x, top - 4), QPointF(x, bottom))
        painter.setPen(style.text)
        label_width = metrics.horizontalAdvance(chart.national_label) + 8
        label_left = min(max(x - label_width / 2, rect.left()), rect.right() - label_width)
        painter.drawText(
            QRectF(label_left, top - line_height - 4, label_width, line_height),
            Qt.AlignmentFlag.AlignCenter,
            chart.national_label,
        )
    guide_top = bottom + 2
    for guide_label, guide_value in chart.guides:  # dash-dot, named under the bars
        x = x_of(guide_value)
        pen = QPen(style.text, 1.2)
        pen.setStyle(Qt.PenStyle.DashDotLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(x, top - 4), QPointF(x, guide_top))
        painter.setPen(style.text)
        width = metrics.horizontalAdvance(guide_label) + 8
        left_edge = min(max(x - width / 2, rect.left()), rect.right() - width)
        painter.drawText(
            QRectF(left_edge, guide_top, width, line_height),
            Qt.AlignmentFlag.AlignCenter,
            guide_label,
        )
        guide_top += line_height
    if chart.footer:
        painter.drawText(
            QRectF(rect.left() + 8, guide_top + 4, rect.width() - 16, line_height), chart.footer
        )
    painter.restore()


def render_bar_png(chart: BarChart, path: str, width: int, style: ChartStyle) -> None:
    """The whole bar chart as a PNG, as tall as its bars need (safe on a worker)."""
    height = bar_chart_height(chart, QFontMetricsF(QFont()).height())
    image = QImage(QSize(width, height), QImage.Format.Format_ARGB32)
    image.fill(style.base)
    painter = QPainter(image)
    try:
        paint_bar_chart(painter, QRectF(0, 0, width, height), chart, style)
    finally:
        painter.end()
    save_png(image, path)


class BarChartView(QWidget):
    """Shows a ``BarChart`` as tall as its bars need (it sits in a scroll area)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = BarChart("", (), None, "", "")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def set_chart(self, chart: BarChart) -> None:
        self.chart = chart
        self.setMinimumHeight(bar_chart_height(chart, self.fontMetrics().height()))
        self.setAccessibleDescription(
            chart.title + ". " + chart.national_label if chart.has_values else chart.empty
        )
        self.update()

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        paint_bar_chart(
            painter, QRectF(self.rect()), self.chart, ChartStyle.from_palette(self.palette())
        )
        painter.end()


class LineChartView(QWidget):
    """Shows a ``LineChart``; its accessible description says what the chart shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = LineChart("", (), ())
        self.setMinimumSize(320, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def set_chart(self, chart: LineChart) -> None:
        self.chart = chart
        self.setAccessibleDescription(
            chart.title + ". " + "; ".join(line.label for line in chart.lines)
            if chart.has_values
            else chart.empty
        )
        self.update()

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        paint_line_chart(
            painter, QRectF(self.rect()), self.chart, ChartStyle.from_palette(self.palette())
        )
        painter.end()


class Sparkline(QWidget):
    """A tile's small trend line: the months it is given, the last one marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: Sequence[float | None] = ()
        self.setMinimumSize(120, 36)

    def set_values(self, values: Sequence[float | None]) -> None:
        self.values = tuple(values)
        self.update()

    def paintEvent(self, _event: object) -> None:
        present = [v for v in self.values if v is not None]
        if not present:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        style = ChartStyle.from_palette(self.palette())
        low, high = min(present), max(present)
        spread = (high - low) or 1.0
        area = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        count = max(len(self.values) - 1, 1)
        path = QPainterPath()
        drawing = False
        last = QPointF()
        for index, value in enumerate(self.values):
            if value is None:
                drawing = False
                continue
            y = (
                area.bottom() - (value - low) / spread * area.height()
                if high > low
                else area.center().y()
            )
            point = QPointF(area.left() + index / count * area.width(), y)
            path.lineTo(point) if drawing else path.moveTo(point)
            drawing, last = True, point
        painter.setPen(style.pen(0, 1.5))
        painter.drawPath(path)
        painter.setBrush(QColor(style.colours[0]))
        painter.drawEllipse(last, 3, 3)
        painter.end()
