"""The day grid's cheaper scrolling (rows drawn once and copied; a vertical scroll paints
only the uncovered rows) draws exactly what a fresh paint draws, and forgets its copies
when what they show changes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage

from domains.bookings.queries import BAKU, BookingBlock, DayGrid, RoomRow
from ui.bookings.grid import DayGridView

DAY = date(2026, 12, 3)


def grid(title: str = "Rüblük hesabat") -> DayGrid:
    rooms = [RoomRow(f"room-{i:03d}", f"Otaq {i}", "A", str(i // 10), 10, ()) for i in range(120)]
    bookings = {
        room.id: [
            BookingBlock(
                f"b-{i}-{k}",
                room.id,
                f"{title} {i}-{k}",
                datetime(2026, 12, 3, 8 + 3 * k, 0, tzinfo=BAKU),
                datetime(2026, 12, 3, 9 + 3 * k, 30, tzinfo=BAKU),
                "p",
                "Əliyev Fərid",
                "confirmed",
                "synced" if k else "pending",
                None,
            )
            for k in range(4)
        ]
        for i, room in enumerate(rooms)
    }
    return DayGrid(DAY, rooms, bookings)


def shown(view: DayGridView) -> QImage:
    view.viewport().repaint()
    QCoreApplication.processEvents()
    return view.viewport().grab().toImage()


def fresh(qtbot: Any, shown_grid: DayGrid, scroll: int = 0) -> DayGridView:
    view = DayGridView()
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard's row is drawn live
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    view.set_grid(shown_grid)
    view.verticalScrollBar().setValue(scroll)
    return view


def test_scrolling_draws_what_a_fresh_paint_draws_and_only_the_uncovered_rows(
    qtbot: Any,
) -> None:
    view = fresh(qtbot, grid())
    bar = view.verticalScrollBar()
    drawn: list[int] = []
    paint_row = view._paint_row

    def counting(painter: Any, row: int, *args: Any, **kwargs: Any) -> None:
        drawn.append(row)
        paint_row(painter, row, *args, **kwargs)

    view._paint_row = counting  # type: ignore[method-assign]
    for value in range(0, 20 * view.row_height, view.row_height):
        bar.setValue(value)
        shown(view)
    drawn.clear()
    bar.setValue(bar.value() + view.row_height)  # one more row down
    QCoreApplication.processEvents()
    assert 0 < len(drawn) <= 2, drawn  # the uncovered row, not the whole view again
    scrolled = shown(view)
    assert scrolled == shown(fresh(qtbot, grid(), bar.value()))
    bar.setValue(3 * view.row_height)  # back up, over rows drawn before
    assert shown(view) == shown(fresh(qtbot, grid(), 3 * view.row_height))


def test_a_new_grid_or_selection_is_drawn_anew_not_copied(qtbot: Any) -> None:
    view = fresh(qtbot, grid())
    bar = view.verticalScrollBar()
    for value in range(0, 10 * view.row_height, view.row_height):
        bar.setValue(value)
        shown(view)
    before = shown(view)
    changed = grid("Kollegiya")
    view.set_grid(changed)
    bar.setValue(bar.value() + view.row_height)
    bar.setValue(bar.value() - view.row_height)
    after = shown(view)
    assert after != before
    assert after == shown(fresh(qtbot, changed, bar.value()))
    first_shown = view.visible_rows().start
    view.select_booking(f"b-{first_shown + 1}-1")
    selected = shown(view)
    assert selected != after
    expected = fresh(qtbot, changed, bar.value())
    expected.select_booking(f"b-{first_shown + 1}-1")
    assert selected == shown(expected)
