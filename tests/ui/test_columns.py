"""``FillingColumn``: a column that takes the width the others leave, never below its
readable minimum, and keeps a width the user gives it."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from ui.columns import FillingColumn

OTHERS = (60, 140, 90)


def table(qtbot: QtBot, width: int) -> tuple[QTableView, FillingColumn]:
    model = QStandardItemModel(3, 4)
    for row in range(3):
        for column in range(4):
            model.setItem(row, column, QStandardItem(f"{row}.{column}"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    for section, size in enumerate(OTHERS, start=1):
        view.horizontalHeader().resizeSection(section, size)
    filling = FillingColumn(view, 0, 200)
    view.resize(width, 300)
    view.show()
    qtbot.waitExposed(view)
    return view, filling


def spare(view: QTableView) -> int:
    header = view.horizontalHeader()
    return view.viewport().width() - sum(header.sectionSize(s) for s in range(1, 4))


def test_a_wide_table_gives_the_spare_width_to_the_filling_column(qtbot: QtBot) -> None:
    view, _ = table(qtbot, 900)
    header = view.horizontalHeader()
    assert header.sectionSize(0) == spare(view) > 200
    assert not view.horizontalScrollBar().isVisible()
    assert [header.sectionSize(s) for s in range(1, 4)] == list(OTHERS)


def test_a_narrow_table_keeps_the_minimum_and_scrolls_sideways(qtbot: QtBot) -> None:
    view, _ = table(qtbot, 900)
    view.resize(380, 300)
    qtbot.waitUntil(lambda: view.horizontalHeader().sectionSize(0) == 200)
    qtbot.waitUntil(view.horizontalScrollBar().isVisible)
    view.resize(1000, 300)  # wider again: it grows back
    qtbot.waitUntil(lambda: view.horizontalHeader().sectionSize(0) == spare(view))


def test_widening_another_column_takes_from_the_filling_one(qtbot: QtBot) -> None:
    view, _ = table(qtbot, 900)
    header = view.horizontalHeader()
    before = header.sectionSize(0)
    header.resizeSection(2, 240)  # as a drag of its edge does
    assert header.sectionSize(0) == before - 100 == spare(view)


def test_a_width_the_user_gives_the_filling_column_is_kept(qtbot: QtBot) -> None:
    view, filling = table(qtbot, 900)
    header = view.horizontalHeader()
    header.resizeSection(0, 250)  # the user's drag
    assert filling.user_width == 250
    view.resize(1100, 300)
    qtbot.wait(50)
    assert header.sectionSize(0) == 250
