"""Qt models of the directory: thin adapters over ``domains.directory.queries``.

``PeopleModel`` is the generic lazy model (``ui/lazy_table.py``) over the people
planner: it knows the exact count and keeps only the blocks around what is shown, not
the 50 000 people; a jump to the end reads the block there. The reads run under
``TaskRunner`` keys owned by the model (latest wins): a block or count of an older
query (the user typed on, picked another department) is dropped when it arrives, and
nothing arrives once the model is gone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel

from domains.directory.queries import DepartmentTree, DirectoryQuery, PeopleList, PersonRow
from ui.directory.i18n import format_number
from ui.lazy_table import LazyListModel, RunQuery
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

PERSON_ROLE = Qt.ItemDataRole.UserRole + 1
"""The ``PersonRow`` of a list row."""
DEPARTMENT_ROLE = Qt.ItemDataRole.UserRole + 2
"""The department id of a tree item (None for the whole ministry)."""
HEAD_ROLE = Qt.ItemDataRole.UserRole + 4
"""For a department head: the translated mark the list shows ("Head"); else None."""


def head_mark() -> str:
    """The word beside a department head's name, in the current language."""
    return QCoreApplication.translate("DirectoryTab", "Head")


Index = QModelIndex | QPersistentModelIndex


class PeopleModel(LazyListModel[DirectoryQuery, PersonRow]):
    """The people list: a lazy window over the directory's one people planner
    (``PeopleList``). ``set_query`` starts a new list; blocks arrive asynchronously."""

    def __init__(
        self, tasks: TaskRunner, run_query: RunQuery, parent: QObject | None = None
    ) -> None:
        """``run_query``: the tab's per-thread connections (``ReadPool.run``, or
        the window's read pool)."""
        super().__init__(PeopleList(), tasks, run_query, DirectoryQuery(), parent)

    def row_data(self, row: PersonRow, column: int, role: int) -> Any:
        return _row_data(row, role, _position_and_department)

    def person(self, row: int) -> PersonRow | None:
        """The person of a loaded row (None while their block is being read)."""
        return self.row_at(row)


class PeopleListModel(QAbstractListModel):
    """A short fixed list of people (a person's direct reports)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PersonRow] = []

    def set_people(self, rows: list[PersonRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return _person_data(self._rows, index, role, lambda r: r.position)

    def person(self, row: int) -> PersonRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None


class DepartmentModel(QStandardItemModel):
    """The department tree under a "whole ministry" root; the second column is the
    member count (sub-departments included)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, 2, parent)
        self.tree: DepartmentTree | None = None
        self._items: dict[str | None, QStandardItem] = {}
        self._root_text = ""
        self._synthetic_root = True

    def set_root_text(self, text: str) -> None:
        """The whole-ministry item's label (translated by the tab), when there is one."""
        self._root_text = text
        root = self._items.get(None)
        if root is not None and self._synthetic_root:
            root.setText(text)

    def set_tree(self, tree: DepartmentTree) -> None:
        """One top item for the whole ministry: the ministry's own top department when
        it holds everyone, else a "whole ministry" item above the top departments (and
        the people whose department is unknown)."""
        self.tree = tree
        self.removeRows(0, self.rowCount())  # not clear(): that drops the header's setup
        self._items = {}
        top = tree.departments[tree.roots[0]] if len(tree.roots) == 1 else None
        self._synthetic_root = top is None or top.total != tree.total_people
        if top is not None and not self._synthetic_root:
            root = self._row(None, top.name, tree.total_people)
            self._items[top.id] = root[0]
            children = top.children
        else:
            root = self._row(None, self._root_text, tree.total_people)
            children = tree.roots
        self.appendRow(root)
        self._items[None] = root[0]
        stack: list[tuple[QStandardItem, list[str]]] = [(root[0], children)]
        while stack:
            parent, children = stack.pop()
            for department_id in children:
                department = tree.departments[department_id]
                if department_id in self._items:
                    continue  # bad data: a department twice in the tree
                row = self._row(department_id, department.name, department.total)
                parent.appendRow(row)
                self._items[department_id] = row[0]
                if department.children:
                    stack.append((row[0], department.children))

    def _row(self, department_id: str | None, name: str, total: int) -> list[QStandardItem]:
        name_item = QStandardItem(name)
        name_item.setData(department_id, DEPARTMENT_ROLE)
        name_item.setEditable(False)
        name_item.setToolTip(name)
        count_item = QStandardItem(format_number(total))
        count_item.setData(department_id, DEPARTMENT_ROLE)
        count_item.setData(total, Qt.ItemDataRole.UserRole + 3)
        count_item.setEditable(False)
        count_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return [name_item, count_item]

    def refresh_numbers(self) -> None:
        """Format the counts again (the language changed)."""
        for item in {id(item): item for item in self._items.values()}.values():
            parent = item.parent() or self.invisibleRootItem()
            count_item = parent.child(item.row(), 1)
            if count_item is not None:
                count_item.setText(
                    format_number(int(count_item.data(Qt.ItemDataRole.UserRole + 3)))
                )

    def index_of(self, department_id: str | None) -> QModelIndex:
        item = self._items.get(department_id)
        return item.index() if item is not None else QModelIndex()


def _position_and_department(row: PersonRow) -> str:
    return "\n".join(part for part in (row.position, row.department_name) if part)


def _person_data(
    rows: list[PersonRow], index: Index, role: int, tooltip: Callable[[PersonRow], str]
) -> Any:
    if not index.isValid() or not 0 <= index.row() < len(rows):
        return None
    return _row_data(rows[index.row()], role, tooltip)


def _row_data(row: PersonRow, role: int, tooltip: Callable[[PersonRow], str]) -> Any:
    """What both people models show for a row: the name, the row itself, a tooltip."""
    if role == Qt.ItemDataRole.DisplayRole:
        return row.display_name
    if role == Qt.ItemDataRole.AccessibleTextRole:
        return f"{row.display_name}, {head_mark()}" if row.is_head else row.display_name
    if role == PERSON_ROLE:
        return row
    if role == HEAD_ROLE:
        return head_mark() if row.is_head else None
    if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
        return tooltip(row)
    return None
