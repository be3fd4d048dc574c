"""The week of one room: Monday to Sunday as columns, the hours as rows, bookings as
blocks, the user's own marked. Painted like the day grid (one widget drawing what is in
view, no widget per booking).

Mouse: a click on a block opens it; a click on free time proposes an hour there.
Keyboard: arrows move the current cell (day, half hour); Enter opens the booking there
or proposes an hour; the accessible description says what the current cell holds.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from domains.bookings.queries import BAKU, BookingBlock
from domains.bookings.week import RoomWeek, is_mine
from ui.bookings.grid import FIRST_HOUR, LAST_HOUR, STEP_MINUTES

STEPS = (LAST_HOUR - FIRST_HOUR) * 60 // STEP_MINUTES

MINE_FILL, MINE_BORDER = QColor("#d3f0d8"), QColor("#1a7f37")
OTHER_FILL, OTHER_BORDER = QColor("#d7e6fb"), QColor("#1f5fae")
WAITING_FILL, WAITING_BORDER = QColor("#fff3cd"), QColor("#9a6700")
REFUSED_FILL, REFUSED_BORDER = QColor("#f8d7da"), QColor("#b02a37")
TEXT = QColor("#1b1b1b")


class WeekView(QAbstractScrollArea):
    """Paints a ``RoomWeek``; ``bookingActivated(id)``, ``rangeChosen(room, start, end)``."""

    bookingActivated = Signal(str)
    rangeChosen = Signal(str, object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WeekView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._week: RoomWeek | None = None
        self._user_id = ""
        self._selected: str | None = None
        self._current_day = 0
        self._current_step = (9 - FIRST_HOUR) * 60 // STEP_MINUTES
        self._now: datetime | None = None
        self.day_names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        self.day_count = 7
        self.empty_text = ""
        self.pending_text = "waiting"
        self.refused_text = "refused"
        self.mine_text = "your booking"
        self.free_text = "free"
        metrics = QFontMetrics(self.font())
        self.step_height = max(20, metrics.height() + 6)
        self.header_height = metrics.height() * 2 + 10
        self.label_width = metrics.horizontalAdvance("00:00") + 16
        self.min_day_width = max(96, metrics.horizontalAdvance("M") * 9)

    # --- what is shown ----------------------------------------------------------------

    def set_week(self, week: RoomWeek, user_id: str, now: datetime | None = None) -> None:
        self._week, self._user_id, self._now = week, user_id, now
        self._update_scrollbars()
        self._describe_current()
        self.viewport().update()

    def week(self) -> RoomWeek | None:
        return self._week

    def set_working_week(self, working: bool) -> None:
        """Monday to Friday only, or the whole week."""
        self.day_count = 5 if working else 7
        self._current_day = min(self._current_day, self.day_count - 1)
        self._update_scrollbars()
        self._describe_current()
        self.viewport().update()

    def _days(self) -> list[date]:
        assert self._week is not None
        return self._week.days()[: self.day_count]

    def select_booking(self, booking_id: str | None) -> None:
        self._selected = booking_id
        self.viewport().update()

    def current_cell(self) -> tuple[date, datetime] | None:
        """The day and the start of the half hour the keyboard is on."""
        if self._week is None:
            return None
        day = self._week.days()[self._current_day]
        return day, self._time_of(day, self._current_step)

    # --- geometry -----------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(self.label_width + self.min_day_width * self.day_count, self.step_height * 22)

    def day_width(self) -> int:
        free = self.viewport().width() - self.label_width
        return max(self.min_day_width, free // self.day_count)

    def _update_scrollbars(self) -> None:
        visible = max(0, self.viewport().height() - self.header_height)
        vertical = self.verticalScrollBar()
        vertical.setRange(0, max(0, STEPS * self.step_height - visible))
        vertical.setPageStep(visible)
        vertical.setSingleStep(self.step_height)
        horizontal = self.horizontalScrollBar()
        content = self.label_width + self.day_width() * self.day_count
        horizontal.setRange(0, max(0, content - self.viewport().width()))
        horizontal.setPageStep(self.viewport().width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_scrollbars()

    def _time_of(self, day: date, step: int) -> datetime:
        start = datetime(day.year, day.month, day.day, tzinfo=BAKU)
        return start + timedelta(minutes=FIRST_HOUR * 60 + step * STEP_MINUTES)

    def _y_of_minutes(self, minutes: int) -> int:
        minutes = min(max(minutes, FIRST_HOUR * 60), LAST_HOUR * 60)
        offset = (minutes - FIRST_HOUR * 60) * self.step_height // STEP_MINUTES
        return self.header_height + offset - self.verticalScrollBar().value()

    def _day_left(self, index: int) -> int:
        return self.label_width + index * self.day_width() - self.horizontalScrollBar().value()

    def block_rects(self, block: BookingBlock) -> list[QRect]:
        """Where a booking is drawn: one rectangle per day it touches (viewport)."""
        if self._week is None:
            return []
        rects = []
        start, end = block.start.astimezone(BAKU), block.end.astimezone(BAKU)
        for index, day in enumerate(self._days()):
            day_start = datetime(day.year, day.month, day.day, tzinfo=BAKU)
            day_end = day_start + timedelta(days=1)
            if start >= day_end or end <= day_start:
                continue
            first = max(start, day_start) - day_start
            last = min(end, day_end) - day_start
            top = self._y_of_minutes(int(first.total_seconds() // 60))
            bottom = self._y_of_minutes(int(last.total_seconds() // 60))
            if bottom <= top:
                continue  # wholly outside the hours drawn
            left = self._day_left(index)
            rects.append(QRect(left + 2, top + 1, self.day_width() - 4, bottom - top - 2))
        return rects

    def _cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        if pos.x() < self.label_width or pos.y() < self.header_height:
            return None
        content_x = pos.x() + self.horizontalScrollBar().value() - self.label_width
        content_y = pos.y() + self.verticalScrollBar().value() - self.header_height
        day, step = content_x // self.day_width(), content_y // self.step_height
        return (day, step) if 0 <= day < self.day_count and 0 <= step < STEPS else None

    def _block_at(self, pos: QPoint) -> BookingBlock | None:
        if self._week is None:
            return None
        for block in reversed(self._ordered()):
            if any(rect.contains(pos) for rect in self.block_rects(block)):
                return block
        return None

    def _ordered(self) -> list[BookingBlock]:
        assert self._week is not None
        return sorted(self._week.bookings, key=lambda b: b.pending)

    def _block_in_cell(self, day: int, step: int) -> BookingBlock | None:
        if self._week is None:
            return None
        start = self._time_of(self._week.days()[day], step)
        for block in reversed(self._ordered()):
            if block.start <= start < block.end:
                return block
        return None

    # --- painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        palette = self.palette()
        area = self.viewport().rect()
        painter.fillRect(area, palette.color(QPalette.ColorRole.Base))
        if self._week is None or self._week.room is None:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text
            )
            return
        grid_pen = QPen(palette.color(QPalette.ColorRole.Mid))
        light_pen = QPen(palette.color(QPalette.ColorRole.Midlight))
        width = self.day_width()
        for step in range(STEPS + 1):
            y = self.header_height + step * self.step_height - self.verticalScrollBar().value()
            if y < self.header_height or y > area.height():
                continue
            painter.setPen(grid_pen if step % 2 == 0 else light_pen)
            painter.drawLine(self.label_width, y, area.width(), y)
        painter.setPen(grid_pen)
        for index in range(self.day_count + 1):
            x = self._day_left(index)
            painter.drawLine(x, self.header_height, x, area.height())
        if self.hasFocus():
            left = self._day_left(self._current_day)
            top = self._y_of_minutes(FIRST_HOUR * 60 + self._current_step * STEP_MINUTES)
            painter.fillRect(
                left, top, width, self.step_height, palette.color(QPalette.ColorRole.AlternateBase)
            )
        for block in self._ordered():
            self._paint_block(painter, block)
        if self.hasFocus():
            left = self._day_left(self._current_day)
            top = self._y_of_minutes(FIRST_HOUR * 60 + self._current_step * STEP_MINUTES)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(left + 1, top + 1, width - 2, self.step_height - 2)
        self._paint_now(painter)
        self._paint_hours(painter)
        self._paint_header(painter)

    def _paint_block(self, painter: QPainter, block: BookingBlock) -> None:
        refused = block.sync_state in ("error", "conflict")
        mine = is_mine(block, self._user_id)
        if refused:
            fill, border = REFUSED_FILL, REFUSED_BORDER
        elif block.pending:
            fill, border = WAITING_FILL, WAITING_BORDER
        elif mine:
            fill, border = MINE_FILL, MINE_BORDER
        else:
            fill, border = OTHER_FILL, OTHER_BORDER
        title = block.title
        if refused:
            title = f"{self.refused_text}: {title}"
        elif block.pending:
            title = f"{self.pending_text}: {title}"
        metrics = painter.fontMetrics()
        for rect in self.block_rects(block):
            painter.fillRect(rect, fill)
            pen = QPen(border, 2 if block.id == self._selected else 1)
            if block.pending:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(rect)
            if mine:  # a bar on the left: "yours" without relying on the colour alone
                painter.fillRect(rect.x(), rect.y(), 4, rect.height(), border)
            painter.setPen(TEXT)
            inner = rect.adjusted(7, 1, -3, -1)
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
            painter.drawText(
                inner, flags, metrics.elidedText(title, Qt.TextElideMode.ElideRight, inner.width())
            )
            if inner.height() >= metrics.height() * 2:
                inner.setTop(inner.top() + metrics.height())
                name = metrics.elidedText(
                    block.organizer_name, Qt.TextElideMode.ElideRight, inner.width()
                )
                painter.drawText(inner, flags, name)

    def _paint_hours(self, painter: QPainter) -> None:
        palette = self.palette()
        height = self.viewport().height()
        painter.fillRect(0, 0, self.label_width, height, palette.color(QPalette.ColorRole.Window))
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        for hour in range(FIRST_HOUR, LAST_HOUR):
            y = self._y_of_minutes(hour * 60)
            if y < self.header_height - 2:
                continue
            painter.drawText(
                QRect(4, y, self.label_width - 8, self.step_height),
                Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight,
                f"{hour:02d}:00",
            )

    def _paint_header(self, painter: QPainter) -> None:
        assert self._week is not None
        palette = self.palette()
        width = self.viewport().width()
        painter.fillRect(0, 0, width, self.header_height, palette.color(QPalette.ColorRole.Window))
        today = None if self._now is None else self._now.astimezone(BAKU).date()
        metrics = painter.fontMetrics()
        for index, day in enumerate(self._days()):
            left = self._day_left(index)
            if left + self.day_width() <= self.label_width:
                continue
            rect = QRect(left + 4, 2, self.day_width() - 8, self.header_height - 4)
            font = painter.font()
            font.setBold(day == today)
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            text = f"{self.day_names[index]}\n{day.day:02d}.{day.month:02d}"
            painter.drawText(
                rect,
                Qt.AlignmentFlag.AlignCenter,
                "\n".join(
                    metrics.elidedText(part, Qt.TextElideMode.ElideRight, rect.width())
                    for part in text.split("\n")
                ),
            )
            font.setBold(False)
            painter.setFont(font)
        painter.fillRect(
            0, 0, self.label_width, self.header_height, palette.color(QPalette.ColorRole.Window)
        )
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid)))
        painter.drawLine(0, self.header_height - 1, width, self.header_height - 1)

    def _paint_now(self, painter: QPainter) -> None:
        if self._now is None or self._week is None:
            return
        local = self._now.astimezone(BAKU)
        days = self._days()
        if local.date() not in days or not FIRST_HOUR <= local.hour < LAST_HOUR:
            return
        left = self._day_left(days.index(local.date()))
        y = self._y_of_minutes(local.hour * 60 + local.minute)
        painter.setPen(QPen(QColor("#d1242f"), 2))
        painter.drawLine(left, y, left + self.day_width(), y)

    # --- input ------------------------------------------------------------------------

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        cell = self._cell_at(pos)
        if cell is not None:
            self._current_day, self._current_step = cell
            self._describe_current()
        block = self._block_at(pos)
        if block is not None:
            self.select_booking(block.id)
            self.bookingActivated.emit(block.id)
        elif cell is not None:
            self._propose(*cell)
        self.viewport().update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._week is None or self._week.room is None:
            super().keyPressEvent(event)
            return
        key = event.key()
        if key == Qt.Key.Key_Down:
            self._current_step = min(STEPS - 1, self._current_step + 1)
        elif key == Qt.Key.Key_Up:
            self._current_step = max(0, self._current_step - 1)
        elif key == Qt.Key.Key_Right:
            self._current_day = min(self.day_count - 1, self._current_day + 1)
        elif key == Qt.Key.Key_Left:
            self._current_day = max(0, self._current_day - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            block = self._block_in_cell(self._current_day, self._current_step)
            if block is not None:
                self.select_booking(block.id)
                self.bookingActivated.emit(block.id)
            else:
                self._propose(self._current_day, self._current_step)
            return
        else:
            super().keyPressEvent(event)
            return
        self._ensure_current_visible()
        self._describe_current()
        self.viewport().update()

    def _propose(self, day: int, step: int) -> None:
        assert self._week is not None and self._week.room is not None
        start = self._time_of(self._week.days()[day], step)
        self.rangeChosen.emit(self._week.room.id, start, start + timedelta(hours=1))

    def _ensure_current_visible(self) -> None:
        bar = self.verticalScrollBar()
        top = self._current_step * self.step_height
        visible = self.viewport().height() - self.header_height
        if top < bar.value():
            bar.setValue(top)
        elif top + self.step_height > bar.value() + visible:
            bar.setValue(top + self.step_height - visible)

    def current_cell_text(self) -> str:
        """What the keyboard is on, for a screen reader: day, time, and the booking there."""
        cell = self.current_cell()
        if cell is None:
            return ""
        moment = cell[1]
        text = f"{self.day_names[self._current_day]} {moment.hour:02d}:{moment.minute:02d}"
        block = self._block_in_cell(self._current_day, self._current_step)
        if block is None:
            return f"{text}: {self.free_text}"
        text = f"{text}: {block.title}, {block.organizer_name}"
        if is_mine(block, self._user_id):
            text += f" ({self.mine_text})"
        return text

    def _describe_current(self) -> None:
        self.setAccessibleDescription(self.current_cell_text())

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()
