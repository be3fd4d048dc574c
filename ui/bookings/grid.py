"""The day grid: a building's rooms as rows, the day's hours as columns, bookings as
blocks. One painted widget (a ``QAbstractScrollArea``): only the rows in view are drawn,
so 300 rooms cost what 25 do; no widget per booking.

Mouse: a click on a block selects it; a drag over free time proposes a booking there.
Keyboard: arrows move the current cell (room, half hour), Enter proposes an hour there
or opens the booking under it.

Moving (``grid_move``): dragging a block that ``can_move`` allows carries it to another
time (snapped to 15 minutes) and/or room; a drop over a booking shown is refused
(``moveRefused``) before anything is queued, a free one asked for (``moveRequested``).
``M`` asks for the keyboard's "Move…" dialog of the chosen booking, Escape drops a drag.
Favourites: a star at the end of each room's label; a click on it or ``F`` toggles it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from domains.bookings.queries import BAKU, BookingBlock, DayGrid, RoomRow
from ui.bookings.grid_move import MoveDrag, minutes_into_day
from ui.bookings.grid_rows import RowPictures

FIRST_HOUR, LAST_HOUR = 7, 22
"""The hours drawn (Baku time); a booking outside them is clipped to the edge."""
STEP_MINUTES = 30


class DayGridView(QAbstractScrollArea):
    """Paints a ``DayGrid``; says what the user picked through its signals."""

    bookingActivated = Signal(str)
    """A booking's id: clicked, or Enter on it."""
    rangeChosen = Signal(str, object, object)
    """room id, start, end (aware datetimes): free time dragged over or chosen by keyboard."""
    moveRequested = Signal(str, str, object, object)
    """booking id, room id, start, end: a block dropped where the grid shows nothing."""
    moveRefused = Signal(str, object)
    """booking id and the ``BookingBlock`` the drop would clash with: nothing queued."""
    moveDialogRequested = Signal(str)
    """booking id: ``M`` on the chosen booking (the keyboard's way to move it)."""
    favouriteToggled = Signal(str)
    """room id: its star clicked, or ``F`` on its row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DayGridView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(False)
        self._grid: DayGrid | None = None
        self._selected: str | None = None
        self._current_row = 0
        self._current_step = (9 - FIRST_HOUR) * 60 // STEP_MINUTES
        self._drag: tuple[int, int, int] | None = None  # row, first step, last step
        self._now: datetime | None = None
        self.pending_text = "waiting"
        self.refused_text = "refused"
        self.empty_text = ""
        self.room_detail_text = "floor %1 · %2 seats"
        self.taken_text = "taken: %1"
        self.can_move: Callable[[BookingBlock], bool] = lambda _block: False
        self.favourite_ids: frozenset[str] = frozenset()
        self._moving: MoveDrag | None = None
        self._rows = RowPictures()
        self._grid_generation = 0
        self._scrolled = False
        self._measure()

    # --- what is shown ----------------------------------------------------------------

    def set_grid(self, grid: DayGrid, now: datetime | None = None) -> None:
        self._grid = grid
        self._grid_generation += 1  # the cached row pictures show the grid before
        self._scrolled = False  # a new grid is drawn directly until the user scrolls it
        self._now = now
        self._current_row = min(self._current_row, max(0, len(grid.rooms) - 1))
        self._update_scrollbars()
        self.viewport().update()

    def grid(self) -> DayGrid | None:
        return self._grid

    def select_booking(self, booking_id: str | None) -> None:
        self._selected = booking_id
        if booking_id is not None and self._grid is not None:
            for row, room in enumerate(self._grid.rooms):
                for block in self._grid.bookings.get(room.id, []):
                    if block.id == booking_id:
                        self._current_row = row
                        self.ensure_row_visible(row)
                        self._ensure_time_visible(block)
        self.viewport().update()

    def selected_booking(self) -> str | None:
        return self._selected

    def current_room(self) -> RoomRow | None:
        if self._grid is None or not self._grid.rooms:
            return None
        return self._grid.rooms[self._current_row]

    # --- geometry -----------------------------------------------------------------------

    def _measure(self) -> None:
        metrics = QFontMetrics(self.font())
        self.row_height = max(30, metrics.height() * 2 + 6)
        self.header_height = metrics.height() + 10
        self.label_width = max(220, metrics.horizontalAdvance("M") * 20)
        self.hour_width = max(64, metrics.horizontalAdvance("00:00") * 2 + 8)
        self.star_width = metrics.horizontalAdvance("★") + 10

    def sizeHint(self) -> QSize:
        return QSize(self.label_width + self.hour_width * 10, self.row_height * 12)

    def _content_width(self) -> int:
        return self.label_width + self.hour_width * (LAST_HOUR - FIRST_HOUR)

    def _update_scrollbars(self) -> None:
        rows = 0 if self._grid is None else len(self._grid.rooms)
        visible = max(0, self.viewport().height() - self.header_height)
        self.verticalScrollBar().setRange(0, max(0, rows * self.row_height - visible))
        self.verticalScrollBar().setPageStep(visible)
        self.verticalScrollBar().setSingleStep(self.row_height)
        self.horizontalScrollBar().setRange(
            0, max(0, self._content_width() - self.viewport().width())
        )
        self.horizontalScrollBar().setPageStep(self.viewport().width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_scrollbars()
        if self._selected is not None:  # the chosen booking stays in view
            self.select_booking(self._selected)

    def _x_of(self, moment: datetime, day: date) -> int:
        local = moment.astimezone(BAKU)
        minutes = (local.date() - day).days * 24 * 60 + local.hour * 60 + local.minute
        minutes = min(max(minutes, FIRST_HOUR * 60), LAST_HOUR * 60)
        return self.label_width + (minutes - FIRST_HOUR * 60) * self.hour_width // 60

    def _row_top(self, row: int) -> int:
        return self.header_height + row * self.row_height - self.verticalScrollBar().value()

    def visible_rows(self) -> range:
        """The rows a paint draws: those in view, never the whole building."""
        if self._grid is None:
            return range(0)
        first = self.verticalScrollBar().value() // self.row_height
        count = (self.viewport().height() - self.header_height) // self.row_height + 2
        return range(first, min(len(self._grid.rooms), first + count))

    def ensure_row_visible(self, row: int) -> None:
        bar = self.verticalScrollBar()
        top = row * self.row_height
        visible = self.viewport().height() - self.header_height
        if top < bar.value():
            bar.setValue(top)
        elif top + self.row_height > bar.value() + visible:
            bar.setValue(top + self.row_height - visible)

    def _ensure_time_visible(self, block: BookingBlock) -> None:
        assert self._grid is not None
        bar = self.horizontalScrollBar()
        left = self._x_of(block.start, self._grid.day) - self.label_width
        right = self._x_of(block.end, self._grid.day) - self.label_width
        shown = self.viewport().width() - self.label_width
        if left < bar.value() or right > bar.value() + shown:
            bar.setValue(max(0, left - self.hour_width))

    def _step_at(self, x: int) -> int:
        content_x = x + self.horizontalScrollBar().value() - self.label_width
        steps = (LAST_HOUR - FIRST_HOUR) * 60 // STEP_MINUTES
        return min(max(content_x * 60 // (self.hour_width * STEP_MINUTES), 0), steps - 1)

    def _row_at(self, y: int) -> int | None:
        if self._grid is None or y < self.header_height:
            return None
        row = (y - self.header_height + self.verticalScrollBar().value()) // self.row_height
        return row if 0 <= row < len(self._grid.rooms) else None

    def _time_of_step(self, step: int) -> datetime:
        assert self._grid is not None
        start = datetime(self._grid.day.year, self._grid.day.month, self._grid.day.day, tzinfo=BAKU)
        return start + timedelta(minutes=FIRST_HOUR * 60 + step * STEP_MINUTES)

    def block_rect(
        self, row: int, block: BookingBlock, scroll_x: int | None = None, top: int | None = None
    ) -> QRect:
        """Where a booking is drawn, in viewport coordinates (or, given ``scroll_x`` and
        ``top``, in those of a row's cached picture)."""
        assert self._grid is not None
        scroll_x = self.horizontalScrollBar().value() if scroll_x is None else scroll_x
        top = self._row_top(row) if top is None else top
        left = self._x_of(block.start, self._grid.day) - scroll_x
        right = self._x_of(block.end, self._grid.day) - scroll_x
        return QRect(left + 1, top + 2, max(4, right - left - 2), self.row_height - 4)

    def _block_at(self, pos: QPoint) -> BookingBlock | None:
        row = self._row_at(pos.y())
        if row is None or self._grid is None:
            return None
        blocks = sorted(
            self._grid.bookings.get(self._grid.rooms[row].id, []), key=lambda b: b.pending
        )
        for block in reversed(blocks):  # the one drawn on top
            if self.block_rect(row, block).contains(pos):
                return block
        return None

    # --- painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        palette = self.palette()
        painter.fillRect(self.viewport().rect(), palette.color(QPalette.ColorRole.Base))
        if self._grid is None or not self._grid.rooms:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect(),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.empty_text,
            )
            return
        scroll_x = self.horizontalScrollBar().value()
        grid_pen = QPen(palette.color(QPalette.ColorRole.Mid))
        self._rows.check(self._row_picture_key())
        exposed = event.rect()
        for row in self.visible_rows():
            top = self._row_top(row)
            if top + self.row_height <= exposed.top() or top >= exposed.bottom() + 1:
                continue  # only the rows in the exposed part are drawn
            if self._is_live(row) or not self._scrolled:
                self._paint_row(painter, row, scroll_x, grid_pen)
            else:
                self._blit_row(painter, row, top, scroll_x, grid_pen)
        self._paint_move(painter)
        self._paint_header(painter, scroll_x, grid_pen)
        self._paint_now(painter, scroll_x)

    def _paint_row(
        self,
        painter: QPainter,
        row: int,
        scroll_x: int,
        grid_pen: QPen,
        top: int | None = None,
        width: int | None = None,
    ) -> None:
        assert self._grid is not None
        palette = self.palette()
        room = self._grid.rooms[row]
        top = self._row_top(row) if top is None else top
        width = self.viewport().width() if width is None else width
        if row == self._current_row and self.hasFocus():
            painter.fillRect(
                0, top, width, self.row_height, palette.color(QPalette.ColorRole.AlternateBase)
            )
        self._paint_closed(painter, room.id, top, scroll_x)
        painter.setPen(grid_pen)
        for hour in range(LAST_HOUR - FIRST_HOUR + 1):
            x = self.label_width + hour * self.hour_width - scroll_x
            painter.drawLine(x, top, x, top + self.row_height)
        painter.drawLine(0, top + self.row_height - 1, width, top + self.row_height - 1)
        if self._drag is not None and self._drag[0] == row:
            first, last = sorted(self._drag[1:])
            x0 = self.label_width + first * self.hour_width * STEP_MINUTES // 60 - scroll_x
            x1 = self.label_width + (last + 1) * self.hour_width * STEP_MINUTES // 60 - scroll_x
            painter.fillRect(
                x0,
                top + 2,
                x1 - x0,
                self.row_height - 4,
                palette.color(QPalette.ColorRole.Highlight).lighter(160),
            )
        if row == self._current_row and self.hasFocus():
            x0 = (
                self.label_width
                + self._current_step * self.hour_width * STEP_MINUTES // 60
                - scroll_x
            )
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(x0, top + 1, self.hour_width * STEP_MINUTES // 60, self.row_height - 3)
        # A waiting or refused booking is drawn last: over the booking it clashes with.
        for block in sorted(self._grid.bookings.get(room.id, []), key=lambda b: b.pending):
            self._paint_block(painter, row, block, scroll_x, top)
        label = QRect(0, top, self.label_width, self.row_height)
        painter.fillRect(label, palette.color(QPalette.ColorRole.Window))
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        inner = label.adjusted(6, 2, -4 - self.star_width, -2)
        metrics = painter.fontMetrics()
        painter.drawText(
            inner,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            metrics.elidedText(room.name, Qt.TextElideMode.ElideRight, inner.width()),
        )
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        detail = self.room_detail_text.replace("%1", room.floor).replace("%2", str(room.capacity))
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, detail)
        self._paint_star(painter, room.id, top)

    def _paint_closed(self, painter: QPainter, room_id: str, top: int, scroll_x: int) -> None:
        """The room's closed hours (its opening hours), hatched: nothing can be booked."""
        assert self._grid is not None
        brush = QBrush(self.palette().color(QPalette.ColorRole.Mid), Qt.BrushStyle.BDiagPattern)
        for closed_from, closed_to in self._grid.closed.get(room_id, []):
            first = max(closed_from.hour * 60 + closed_from.minute, FIRST_HOUR * 60)
            last = 24 * 60 if closed_to == time.max else closed_to.hour * 60 + closed_to.minute
            last = min(last, LAST_HOUR * 60)
            if last <= first:
                continue
            x0 = self.label_width + (first - FIRST_HOUR * 60) * self.hour_width // 60 - scroll_x
            x1 = self.label_width + (last - FIRST_HOUR * 60) * self.hour_width // 60 - scroll_x
            painter.fillRect(x0, top, x1 - x0, self.row_height - 1, brush)

    def _paint_block(
        self, painter: QPainter, row: int, block: BookingBlock, scroll_x: int, top: int
    ) -> None:
        rect = self.block_rect(row, block, scroll_x, top)
        refused = block.sync_state in ("error", "conflict")
        if refused:
            fill, border = QColor("#f8d7da"), QColor("#b02a37")
        elif block.pending:
            fill, border = QColor("#fff3cd"), QColor("#9a6700")
        else:
            fill, border = QColor("#d7e6fb"), QColor("#1f5fae")
        painter.fillRect(rect, fill)
        pen = QPen(border, 2 if block.id == self._selected else 1)
        if block.pending:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRect(rect)
        painter.setPen(QColor("#1b1b1b"))
        inner = rect.adjusted(4, 1, -3, -1)
        metrics = painter.fontMetrics()
        title = block.title
        if refused:
            title = f"{self.refused_text}: {title}"
        elif block.pending:
            title = f"{self.pending_text}: {title}"
        if block.status == "cancelled":
            font = painter.font()
            font.setStrikeOut(True)
            painter.setFont(font)
        painter.drawText(
            inner,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            metrics.elidedText(title, Qt.TextElideMode.ElideRight, inner.width()),
        )
        painter.drawText(
            inner,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            metrics.elidedText(block.organizer_name, Qt.TextElideMode.ElideRight, inner.width()),
        )
        font = painter.font()
        font.setStrikeOut(False)
        painter.setFont(font)

    def _paint_header(self, painter: QPainter, scroll_x: int, grid_pen: QPen) -> None:
        palette = self.palette()
        width = self.viewport().width()
        painter.fillRect(0, 0, width, self.header_height, palette.color(QPalette.ColorRole.Window))
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        for hour in range(FIRST_HOUR, LAST_HOUR):
            x = self.label_width + (hour - FIRST_HOUR) * self.hour_width - scroll_x
            if x + self.hour_width <= self.label_width:
                continue
            painter.drawText(
                QRect(x + 4, 0, self.hour_width - 4, self.header_height),
                Qt.AlignmentFlag.AlignVCenter,
                f"{hour:02d}:00",
            )
        painter.fillRect(
            0, 0, self.label_width, self.header_height, palette.color(QPalette.ColorRole.Window)
        )
        painter.setPen(grid_pen)
        painter.drawLine(0, self.header_height - 1, width, self.header_height - 1)

    def _paint_now(self, painter: QPainter, scroll_x: int) -> None:
        if self._now is None or self._grid is None:
            return
        local = self._now.astimezone(BAKU)
        if local.date() != self._grid.day or not FIRST_HOUR <= local.hour < LAST_HOUR:
            return
        x = self._x_of(self._now, self._grid.day) - scroll_x
        if x < self.label_width:
            return
        painter.setPen(QPen(QColor("#d1242f"), 2))
        painter.drawLine(x, 0, x, self.viewport().height())

    # --- input ------------------------------------------------------------------------

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        """A vertical scroll moves the pixels already drawn and paints only the rows it
        uncovers; the header stays. A horizontal one redraws the view."""
        self._scrolled = True  # from now on rows are drawn once and then copied
        if dx == 0 and self._grid is not None:
            viewport = self.viewport()
            rows = QRect(0, self.header_height, viewport.width(), viewport.height())
            viewport.scroll(0, dy, rows.adjusted(0, 0, 0, -self.header_height))
        else:
            self.viewport().update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        block = self._block_at(pos)
        row = self._row_at(pos.y())
        if row is not None:
            self._current_row = row
        if row is not None and self._star_hit(pos):
            self.favouriteToggled.emit(self._grid.rooms[row].id if self._grid else "")
        elif block is not None:
            self.select_booking(block.id)
            self.bookingActivated.emit(block.id)
            if self.can_move(block) and self._grid is not None:
                grab = minutes_into_day(block.start, self._grid.day)
                self._moving = MoveDrag(block, pos, self._minutes_at(pos.x()) - grab)
        elif row is not None and pos.x() >= self.label_width:
            step = self._step_at(pos.x())
            self._drag = (row, step, step)
            self._current_step = step
        self.viewport().update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._moving is not None:
            self._aim_move(event.position().toPoint())
        elif self._drag is not None:
            self._drag = (
                self._drag[0],
                self._drag[1],
                self._step_at(event.position().toPoint().x()),
            )
            self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._moving is not None:
            self._drop_move()
            return
        if self._drag is None or self._grid is None:
            return
        row, first, last = self._drag
        first, last = sorted((first, last))
        if first == last:  # a click on free time: an hour from there
            last = first + 60 // STEP_MINUTES - 1
        self._drag = None
        self.viewport().update()
        room = self._grid.rooms[row]
        self.rangeChosen.emit(room.id, self._time_of_step(first), self._time_of_step(last + 1))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._grid is None or not self._grid.rooms:
            super().keyPressEvent(event)
            return
        key = event.key()
        steps = (LAST_HOUR - FIRST_HOUR) * 60 // STEP_MINUTES
        if key == Qt.Key.Key_Down:
            self._current_row = min(len(self._grid.rooms) - 1, self._current_row + 1)
        elif key == Qt.Key.Key_Up:
            self._current_row = max(0, self._current_row - 1)
        elif key == Qt.Key.Key_Right:
            self._current_step = min(steps - 1, self._current_step + 1)
        elif key == Qt.Key.Key_Left:
            self._current_step = max(0, self._current_step - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate_current()
            return
        elif key == Qt.Key.Key_Escape and self._moving is not None:
            self._moving = None
        elif key == Qt.Key.Key_M and self._selected is not None:
            self.moveDialogRequested.emit(self._selected)
            return
        elif key == Qt.Key.Key_F:
            self.favouriteToggled.emit(self._grid.rooms[self._current_row].id)
            return
        else:
            super().keyPressEvent(event)
            return
        self.ensure_row_visible(self._current_row)
        self.viewport().update()

    def _activate_current(self) -> None:
        assert self._grid is not None
        room = self._grid.rooms[self._current_row]
        start = self._time_of_step(self._current_step)
        for block in self._grid.bookings.get(room.id, []):
            if block.start <= start < block.end:
                self.select_booking(block.id)
                self.bookingActivated.emit(block.id)
                return
        self.rangeChosen.emit(room.id, start, start + timedelta(hours=1))

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    # --- moving a block and starring a room --------------------------------------------

    def _minutes_at(self, x: int) -> int:
        content_x = x + self.horizontalScrollBar().value() - self.label_width
        return FIRST_HOUR * 60 + content_x * 60 // self.hour_width

    def _aim_move(self, pos: QPoint) -> None:
        moving = self._moving
        if moving is None or self._grid is None or not self._grid.rooms:
            return
        if not moving.active:
            if (pos - moving.press).manhattanLength() < QApplication.startDragDistance():
                return
            moving.active = True
        row = self._row_at(max(pos.y(), self.header_height))
        if row is None:
            row = len(self._grid.rooms) - 1 if pos.y() > self.header_height else 0
        room = self._grid.rooms[row]
        moving.aim(
            row,
            room.id,
            self._minutes_at(pos.x()),
            self._grid.day,
            (FIRST_HOUR, LAST_HOUR),
            self._grid.bookings.get(room.id, []),
        )
        self.viewport().update()

    def _drop_move(self) -> None:
        moving, self._moving = self._moving, None
        self.viewport().update()
        if moving is None or not moving.active or not moving.moved():
            return
        assert moving.target_start is not None and moving.target_end is not None
        if moving.clash is not None:
            self.moveRefused.emit(moving.block.id, moving.clash)
            return
        self.moveRequested.emit(
            moving.block.id, moving.target_room, moving.target_start, moving.target_end
        )

    def move_in_progress(self) -> MoveDrag | None:
        """The drag under way (tests, screenshots)."""
        return self._moving if self._moving is not None and self._moving.active else None

    def _paint_move(self, painter: QPainter) -> None:
        moving = self.move_in_progress()
        if moving is None or self._grid is None or moving.target_start is None:
            return
        assert moving.target_end is not None
        scroll_x = self.horizontalScrollBar().value()
        left = self._x_of(moving.target_start, self._grid.day) - scroll_x
        right = self._x_of(moving.target_end, self._grid.day) - scroll_x
        rect = QRect(
            left + 1,
            self._row_top(moving.target_row) + 1,
            max(4, right - left - 2),
            self.row_height - 2,
        )
        border = QColor("#b02a37") if moving.clash is not None else QColor("#1f5fae")
        fill = QColor(border)
        fill.setAlpha(60)
        painter.fillRect(rect, fill)
        painter.setPen(QPen(border, 2, Qt.PenStyle.DashLine))
        painter.drawRect(rect)
        start, end = moving.target_start.astimezone(BAKU), moving.target_end.astimezone(BAKU)
        text = f"{start:%H:%M}–{end:%H:%M}"
        if moving.clash is not None:
            text += " · " + self.taken_text.replace("%1", moving.clash.title)
        painter.setPen(QColor("#1b1b1b"))
        metrics = painter.fontMetrics()
        width = max(rect.width(), metrics.horizontalAdvance(text) + 8)
        label = QRect(rect.x(), rect.y(), width, metrics.height() + 4)
        painter.fillRect(label, QColor(255, 255, 255, 230))
        painter.drawText(label.adjusted(4, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, text)

    def _star_hit(self, pos: QPoint) -> bool:
        return self.label_width - self.star_width - 4 <= pos.x() < self.label_width

    def _paint_star(self, painter: QPainter, room_id: str, top: int) -> None:
        favourite = room_id in self.favourite_ids
        painter.setPen(
            QColor("#9a6700")
            if favourite
            else self.palette().color(QPalette.ColorRole.PlaceholderText)
        )
        painter.drawText(
            QRect(self.label_width - self.star_width - 4, top, self.star_width, self.row_height),
            Qt.AlignmentFlag.AlignCenter,
            "★" if favourite else "☆",
        )

    # --- cached rows (scrolling) ----------------------------------------------------------

    def _row_picture_key(self) -> tuple[object, ...]:
        """Everything a row's picture depends on besides the row: when it changes, the
        cached pictures are dropped (a new grid, selection, width, texts, stars, style)."""
        return (
            self._grid_generation,
            self._selected,
            self.favourite_ids,
            self.pending_text,
            self.refused_text,
            self.room_detail_text,
            self._content_width(),
            self.viewport().width(),
            self.row_height,
            self.devicePixelRatioF(),
            self.palette().cacheKey(),
            self.font().key(),
        )

    def _is_live(self, row: int) -> bool:
        """A row drawn afresh every frame: the keyboard's (its cell moves) and the one
        being dragged over to book."""
        focused = row == self._current_row and self.hasFocus()
        return focused or (self._drag is not None and self._drag[0] == row)

    def _blit_row(
        self, painter: QPainter, row: int, top: int, scroll_x: int, grid_pen: QPen
    ) -> None:
        picture = self._rows.get(row)
        if picture is None:
            picture = self._draw_row_picture(row, grid_pen)
            self._rows.put(row, picture, keep=3 * len(self.visible_rows()))
        ratio = picture.devicePixelRatio()
        width = self.viewport().width()
        shown = min(width - self.label_width, picture.width() / ratio - self.label_width - scroll_x)
        if shown > 0:
            painter.drawPixmap(
                QRect(self.label_width, top, int(shown), self.row_height),
                picture,
                QRect(
                    int((self.label_width + scroll_x) * ratio),
                    0,
                    int(shown * ratio),
                    int(self.row_height * ratio),
                ),
            )
        painter.drawPixmap(
            QRect(0, top, self.label_width, self.row_height),
            picture,
            QRect(0, 0, int(self.label_width * ratio), int(self.row_height * ratio)),
        )

    def _draw_row_picture(self, row: int, grid_pen: QPen) -> QPixmap:
        """The row unscrolled, label and all hours, as it is drawn when not live."""
        ratio = self.devicePixelRatioF()
        width = max(self._content_width(), self.viewport().width())
        picture = QPixmap(int(width * ratio), int(self.row_height * ratio))
        picture.setDevicePixelRatio(ratio)
        picture.fill(self.palette().color(QPalette.ColorRole.Base))
        painter = QPainter(picture)
        painter.setFont(self.font())
        self._paint_row(painter, row, 0, grid_pen, top=0, width=width)
        painter.end()
        return picture
