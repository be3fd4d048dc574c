"""The district map: one tile per district in its grid cell (``domains.indicators.grid``),
coloured by its legend class. Painted with QPainter, for the screen and the PNG alike.

Colour is never the only carrier: each tile also shows its class number ("1" … "5") and
a district without data is hatched and marked "–"; the legend repeats the numbers, the
tooltip and the table beside the map give the values. Keyboard: the map takes the focus,
arrow keys move between districts, Enter or Space filters by the current one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from domains.indicators.queries import LegendClass, class_of
from ui.analytics.charts import save_png

__all__ = ["MapData", "TileMapView", "paint_tile_map", "render_map_png", "short_name"]

# Sequential blues (ColorBrewer "Blues", 5 classes), light to dark: lightness carries the
# order even without hue.
FOOTER_LINES = 3
CLASS_COLOURS = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")


def short_name(name: str) -> str:
    """ "Bakı şəhəri, Yasamal rayonu" → "Yasamal"; "Şəki rayonu" → "Şəki"."""
    name = name.rsplit(",", maxsplit=1)[-1].strip()
    for suffix in (" rayonu", " şəhəri", " iqtisadi rayonu"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


@dataclass(frozen=True)
class MapData:
    title: str
    cells: dict[str, tuple[int, int]]
    names: dict[str, str]  # district code → name
    values: dict[str, float | None]
    classes: tuple[LegendClass, ...]
    legend_labels: tuple[str, ...]  # one per class, then "no data"
    footer: str = ""
    empty: str = ""
    format_value: Callable[[float], str] = field(default=lambda v: f"{v:g}")
    alerts: frozenset[str] = frozenset()
    """Districts beyond the indicator's alert level: "!" beside their class number."""

    def class_index(self, code: str) -> int | None:
        return class_of(self.values.get(code), self.classes)


def _class_colour(index: int, count: int) -> QColor:
    if count <= 1:
        return QColor(CLASS_COLOURS[2])
    position = round(index * (len(CLASS_COLOURS) - 1) / (count - 1))
    return QColor(CLASS_COLOURS[position])


def _text_on(colour: QColor) -> QColor:
    return QColor("#000000") if colour.lightnessF() > 0.55 else QColor("#ffffff")


@dataclass(frozen=True)
class _Layout:
    origin: QPointF
    size: float
    legend_top: float

    def tile(self, cell: tuple[int, int]) -> QRectF:
        column, row = cell
        return QRectF(
            self.origin.x() + column * self.size,
            self.origin.y() + row * self.size,
            self.size - 2,
            self.size - 2,
        )


def _layout(rect: QRectF, data: MapData, line_height: float) -> _Layout:
    columns = max((c for c, _ in data.cells.values()), default=0) + 1
    rows = max((r for _, r in data.cells.values()), default=0) + 1
    legend_height = (len(data.legend_labels) + 1) * line_height
    top = rect.top() + line_height * 1.6
    footer_height = FOOTER_LINES * line_height
    usable_height = rect.height() - line_height * 1.6 - legend_height - footer_height - 12
    size = max(8.0, min(rect.width() / columns, usable_height / rows))
    return _Layout(QPointF(rect.left() + 4, top), size, top + rows * size + 6)


def paint_tile_map(
    painter: QPainter, rect: QRectF, data: MapData, palette: QPalette, selected: str | None = None
) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    text = palette.color(QPalette.ColorRole.Text)
    painter.fillRect(rect, palette.color(QPalette.ColorRole.Base))
    font = QFont(painter.font())
    line_height = painter.fontMetrics().height()
    bold = QFont(font)
    bold.setBold(True)
    painter.setFont(bold)
    painter.setPen(text)
    painter.drawText(
        QRectF(rect.left() + 4, rect.top() + 4, rect.width() - 8, line_height), data.title
    )
    painter.setFont(font)
    if not any(v is not None for v in data.values.values()):
        painter.drawText(
            rect.adjusted(8, line_height * 2, -8, -8),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            data.empty,
        )
        painter.restore()
        return
    layout = _layout(rect, data, line_height)
    small = QFont(font)
    small.setPointSizeF(max(5.0, min(font.pointSizeF(), layout.size / 6)))
    count = len(data.classes)
    for code, cell in data.cells.items():
        tile = layout.tile(cell)
        index = data.class_index(code)
        if index is None:
            fill = palette.color(QPalette.ColorRole.Base)
            painter.setBrush(fill)
            painter.setPen(QPen(text, 1))
            painter.drawRect(tile)
            painter.setBrush(QBrush(text, Qt.BrushStyle.BDiagPattern))
            painter.drawRect(tile)
            ink, mark = text, "–"
        else:
            fill = _class_colour(index, count)
            painter.setBrush(fill)
            painter.setPen(
                QPen(text if code == selected else fill.darker(130), 3 if code == selected else 1)
            )
            painter.drawRect(tile)
            ink, mark = _text_on(fill), str(index + 1) + (" !" if code in data.alerts else "")
        painter.setFont(small)
        painter.setPen(ink)
        label = painter.fontMetrics().elidedText(
            short_name(data.names.get(code, code)),
            Qt.TextElideMode.ElideRight,
            int(tile.width() - 2),
        )
        painter.drawText(
            tile.adjusted(1, 1, -1, -tile.height() / 2), Qt.AlignmentFlag.AlignCenter, label
        )
        painter.drawText(
            tile.adjusted(1, tile.height() / 2, -1, -1), Qt.AlignmentFlag.AlignCenter, mark
        )
    painter.setFont(font)
    # Legend: a swatch with its class number, then the range in words.
    y = layout.legend_top
    for position, label in enumerate(data.legend_labels):
        swatch = QRectF(rect.left() + 8, y + 2, line_height * 1.6, line_height - 4)
        if position < count:
            fill = _class_colour(position, count)
            painter.setBrush(fill)
            painter.setPen(QPen(fill.darker(130), 1))
            painter.drawRect(swatch)
            painter.setPen(_text_on(fill))
            painter.drawText(swatch, Qt.AlignmentFlag.AlignCenter, str(position + 1))
        else:
            painter.setPen(QPen(text, 1))
            painter.setBrush(QBrush(text, Qt.BrushStyle.BDiagPattern))
            painter.drawRect(swatch)
            painter.drawText(swatch, Qt.AlignmentFlag.AlignCenter, "–")
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(text)
        painter.drawText(
            QRectF(swatch.right() + 8, y, rect.width() - swatch.width() - 24, line_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
        y += line_height
    if data.footer:
        painter.drawText(  # up to three lines: dates and notes are never cut off
            QRectF(rect.left() + 8, y + 4, rect.width() - 16, line_height * FOOTER_LINES),
            Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
            data.footer,
        )
    painter.restore()


def render_map_png(data: MapData, path: str, size: QSize, palette: QPalette) -> None:
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(palette.color(QPalette.ColorRole.Base))
    painter = QPainter(image)
    try:
        paint_tile_map(painter, QRectF(0, 0, size.width(), size.height()), data, palette)
    finally:
        painter.end()
    save_png(image, path)


class TileMapView(QWidget):
    """The map on screen: hover says the value, a click (or Enter) filters by district."""

    districtChosen = Signal(str)
    currentChanged = Signal(str)

    def __init__(self, describe: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._describe = describe
        self.data: MapData | None = None
        self.current: str | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(480, 360)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, data: MapData) -> None:
        self.data = data
        if self.current not in data.cells:
            self.current = next(iter(sorted(data.cells, key=lambda c: data.cells[c][::-1])), None)
        self.update()

    def code_at(self, point: QPointF) -> str | None:
        if self.data is None:
            return None
        layout = _layout(QRectF(self.rect()), self.data, self.fontMetrics().height())
        for code, cell in self.data.cells.items():
            if layout.tile(cell).contains(point):
                return code
        return None

    def tile_centre(self, code: str) -> QPointF:
        assert self.data is not None
        layout = _layout(QRectF(self.rect()), self.data, self.fontMetrics().height())
        return layout.tile(self.data.cells[code]).center()

    def paintEvent(self, _event: object) -> None:
        if self.data is None:
            return
        painter = QPainter(self)
        paint_tile_map(
            painter,
            QRectF(self.rect()),
            self.data,
            self.palette(),
            self.current if self.hasFocus() else None,
        )
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        code = self.code_at(event.position())
        if code is None:
            QToolTip.hideText()
            return
        QToolTip.showText(event.globalPosition().toPoint(), self._describe(code), self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        code = self.code_at(event.position())
        if code is not None and event.button() == Qt.MouseButton.LeftButton:
            self._set_current(code)
            self.districtChosen.emit(code)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        key = Qt.Key(event.key())
        if self.data is not None and self.current is not None and key in moves:
            self._set_current(self._neighbour(self.current, *moves[key]))
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.current:
            self.districtChosen.emit(self.current)
            return
        super().keyPressEvent(event)

    def _neighbour(self, code: str, dx: int, dy: int) -> str:
        """The nearest district in that direction (cells are sparse)."""
        assert self.data is not None
        x, y = self.data.cells[code]
        best: tuple[float, str] | None = None
        for other, (ox, oy) in self.data.cells.items():
            along = (ox - x) * dx + (oy - y) * dy
            if along <= 0:
                continue
            across = abs((ox - x) * dy) + abs((oy - y) * dx)
            score = along + 2 * across
            if best is None or score < best[0]:
                best = (score, other)
        return best[1] if best else code

    def _set_current(self, code: str) -> None:
        self.current = code
        self.setAccessibleDescription(self._describe(code))
        self.currentChanged.emit(code)
        self.update()

    def focusInEvent(self, event: object) -> None:
        self.update()
        super().focusInEvent(event)  # type: ignore[arg-type]

    def focusOutEvent(self, event: object) -> None:
        self.update()
        super().focusOutEvent(event)  # type: ignore[arg-type]
