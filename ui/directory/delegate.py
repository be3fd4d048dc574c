"""How a person looks in a list: an initials avatar, the name, position and department.

The avatar's colour comes from the person's id (CRC-32, the same on every run and
every computer), so a colleague keeps their colour. All colours keep white
initials readable (contrast at least 4.5:1).
"""

from __future__ import annotations

import zlib

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from domains.directory.queries import PersonRow
from ui.directory.models import HEAD_ROLE, PERSON_ROLE

AVATAR_COLOURS = (
    "#1565C0", "#2E7D32", "#AD1457", "#6A1B9A", "#00695C", "#C62828",
    "#BF360C", "#4E342E", "#37474F", "#283593", "#00838F", "#5D4037",
)  # fmt: skip

_AZ_UPPER = str.maketrans({"i": "İ", "ı": "I"})


def az_upper(text: str) -> str:
    """Upper case by Azerbaijani rules (i → İ, ı → I)."""
    return text.translate(_AZ_UPPER).upper()


def initials(given: str, family: str, fallback: str = "") -> str:
    """Given name then family name: "Rəşad İsmayılov" → "Rİ"."""
    letters = [word[0] for word in (given, family) if word]
    if not letters:
        letters = [word[0] for word in fallback.split()[:2]]
    return az_upper("".join(letters)) or "?"


def avatar_colour(person_id: str) -> QColor:
    return QColor(AVATAR_COLOURS[zlib.crc32(person_id.encode("utf-8")) % len(AVATAR_COLOURS)])


def paint_avatar(painter: QPainter, rect: QRect, person_id: str, text: str) -> None:
    """A filled circle with white initials, sized to ``rect``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(avatar_colour(person_id))
    painter.drawEllipse(rect)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(max(8, int(rect.height() * 0.38)))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


class PersonDelegate(QStyledItemDelegate):
    """Two lines per person beside the avatar; long texts are elided, never cut."""

    PADDING = 8
    SPACING = 2

    def __init__(self, avatar_size: int = 36, show_department: bool = True) -> None:
        super().__init__()
        self.avatar_size = avatar_size
        self.show_department = show_department

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        metrics = QFontMetrics(option.font)
        text_height = 2 * metrics.height() + self.SPACING
        height = max(self.avatar_size, text_height) + 2 * self.PADDING
        return QSize(200, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        person = index.data(PERSON_ROLE)
        if not isinstance(person, PersonRow):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)

        rect = option.rect
        size = self.avatar_size
        avatar = QRect(
            rect.left() + self.PADDING, rect.top() + (rect.height() - size) // 2, size, size
        )
        paint_avatar(
            painter,
            avatar,
            person.id,
            initials(person.given_name, person.family_name, person.display_name),
        )

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Normal
            if option.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        palette = option.palette
        main_colour = palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        second_colour = QColor(main_colour)
        if not selected:
            second_colour = palette.color(group, QPalette.ColorRole.PlaceholderText)

        left = avatar.right() + 1 + self.PADDING + 2
        width = max(0, rect.right() - left - self.PADDING)
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        top = rect.top() + (rect.height() - (2 * line + self.SPACING)) // 2

        painter.save()
        name_font = QFont(option.font)
        name_font.setBold(True)
        painter.setFont(name_font)
        painter.setPen(main_colour)
        mark = index.data(HEAD_ROLE)
        name_width = width
        if isinstance(mark, str) and mark:
            badge = self._paint_badge(painter, option, mark, left + width, top, line, selected)
            name_width = max(0, width - badge - self.PADDING)
            painter.setFont(name_font)
            painter.setPen(main_colour)
        name = QFontMetrics(name_font).elidedText(
            person.display_name, Qt.TextElideMode.ElideRight, name_width
        )
        painter.drawText(QRect(left, top, name_width, line), Qt.AlignmentFlag.AlignVCenter, name)
        painter.setFont(option.font)
        painter.setPen(second_colour)
        parts = [person.position]
        if self.show_department:
            parts.append(person.department_name)
        detail = " · ".join(part for part in parts if part)
        painter.drawText(
            QRect(left, top + line + self.SPACING, width, line),
            Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(detail, Qt.TextElideMode.ElideRight, width),
        )
        painter.restore()

    @staticmethod
    def _paint_badge(
        painter: QPainter,
        option: QStyleOptionViewItem,
        text: str,
        right: int,
        top: int,
        line: int,
        selected: bool,
    ) -> int:
        """A rounded mark ("Head") at the right end of the name line; its width."""
        font = QFont(option.font)
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        font.setBold(True)
        metrics = QFontMetrics(font)
        width = metrics.horizontalAdvance(text) + 12
        rect = QRect(right - width, top + 1, width, line - 2)
        palette = option.palette
        fill = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
        )
        ink = palette.color(
            QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.HighlightedText
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setFont(font)
        painter.setPen(ink)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        return width


class SpacedDelegate(QStyledItemDelegate):
    """Plain items with a little more air than the default (the department tree)."""

    def __init__(self, extra: int = 6) -> None:
        super().__init__()
        self.extra = extra

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + self.extra)
