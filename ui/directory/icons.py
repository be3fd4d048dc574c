"""Icons drawn with QPainter: the same on every platform, no icon theme needed
(Windows has none), and in the palette's text colour."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap


def _canvas(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    return pixmap


def copy_icon(colour: QColor, size: int = 16) -> QIcon:
    """Two overlapping sheets."""
    pixmap = _canvas(size)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour)
    pen.setWidthF(max(1.0, size / 14))
    painter.setPen(pen)
    unit = size / 16
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(QRectF(5.5 * unit, 1.5 * unit, 8.5 * unit, 9.5 * unit), 1.5, 1.5)
    painter.setBrush(QColor("white"))
    painter.drawRoundedRect(QRectF(2 * unit, 5 * unit, 8.5 * unit, 9.5 * unit), 1.5, 1.5)
    painter.end()
    return QIcon(pixmap)


def search_icon(colour: QColor, size: int = 16) -> QIcon:
    """A magnifying glass."""
    pixmap = _canvas(size)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour)
    pen.setWidthF(max(1.5, size / 9))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    unit = size / 16
    painter.drawEllipse(QRectF(2 * unit, 2 * unit, 8.5 * unit, 8.5 * unit))
    painter.drawLine(QPointF(9.5 * unit, 9.5 * unit), QPointF(14 * unit, 14 * unit))
    painter.end()
    return QIcon(pixmap)
