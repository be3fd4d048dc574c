"""The filter row: one editor per filterable column, by the column's type.

Text: contains (folded; Cyrillic typed for Latin); enum: a pick list with counts;
integer, number, date: a range (from, to); boolean: any / yes / no. A bound that is not
a number or a date is said next to the filter and the query is not changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from domains.registries.filters import (
    BadFilter,
    ChoiceFilter,
    Filter,
    FilterProblem,
    FlagFilter,
    RangeFilter,
    RegistryQuery,
    TextFilter,
    check_filters,
)
from domains.registries.model import Column, Registry

__all__ = ["FilterRow"]

DEBOUNCE_MS = 150


TEXT_EDIT_WIDTH = 120
RANGE_EDIT_WIDTH = 80
"""Enough for "contains…" and a date in every language; the pick lists give way instead."""


def _pick_list() -> QComboBox:
    """A pick list as wide as the row leaves it, not as its longest value ("Bakı şəhəri,
    Binəqədi rayonu (30.538)" made the district's so wide that the text filters beside
    it shrank to a few letters at 1280 pixels); its open list shows values whole."""
    box = QComboBox()
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(8)
    box.view().setTextElideMode(Qt.TextElideMode.ElideNone)
    box.currentTextChanged.connect(box.setToolTip)  # a value cut short, read whole
    return box


class FilterRow(QWidget):
    """Emits ``changed`` (debounced) once the filters typed are valid."""

    changed = Signal()

    def __init__(self, registry: Registry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RegistryFilterRow")
        self.registry = registry
        self._editors: dict[str, list[QWidget]] = {}
        self._labels: dict[str, QLabel] = {}
        self._problems: dict[str, QLabel] = {}
        self._counts: dict[str, tuple[list[tuple[str, int]], Callable[[int], str]]] = {}
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._settled)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(8)
        layout.setVerticalSpacing(2)
        columns = [c for number, c in enumerate(registry.columns) if c.filterable or number == 0]
        for number, column in enumerate(columns):
            label = QLabel(column.label, self)
            label.setWordWrap(True)
            self._labels[column.key] = label
            problem = QLabel(self)
            problem.setObjectName("FilterProblem")
            problem.setStyleSheet("color: #b00020")
            problem.hide()
            self._problems[column.key] = problem
            editors = self._make_editors(column)
            self._editors[column.key] = editors
            holder = QWidget(self)
            row = QGridLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            for index, editor in enumerate(editors):
                editor.setParent(holder)
                row.addWidget(editor, 0, index)
                label.setBuddy(editors[0])
            grid_row, grid_column = divmod(number, 5)
            layout.addWidget(label, grid_row * 3, grid_column)
            layout.addWidget(holder, grid_row * 3 + 1, grid_column)
            layout.addWidget(problem, grid_row * 3 + 2, grid_column)
        self._retranslate()

    def _make_editors(self, column: Column) -> list[QWidget]:
        if column.type == "enum":
            box = _pick_list()
            box.addItem("", None)
            for option in column.options:
                box.addItem(option, option)
            box.currentIndexChanged.connect(self._edited)
            return [box]
        if column.type == "boolean":
            box = _pick_list()
            box.addItems(["", "", ""])
            box.currentIndexChanged.connect(self._edited)
            return [box]
        if column.type in ("integer", "number", "date"):
            low, high = QLineEdit(), QLineEdit()
            for edit in (low, high):
                edit.setClearButtonEnabled(True)
                edit.setMinimumWidth(RANGE_EDIT_WIDTH)
                edit.textChanged.connect(self._edited)
            return [low, high]
        edit = QLineEdit()
        edit.setClearButtonEnabled(True)
        edit.setMinimumWidth(TEXT_EDIT_WIDTH)
        edit.textChanged.connect(self._edited)
        return [edit]

    def set_counts(
        self, key: str, counts: list[tuple[str, int]], format_number: Callable[[int], str]
    ) -> None:
        """Show each pick-list value with how many rows have it (written again, in the
        new language's grouping, when the language changes)."""
        editors = self._editors.get(key)
        if not editors or not isinstance(editors[0], QComboBox):
            return
        self._counts[key] = (counts, format_number)
        box = editors[0]
        chosen = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("All"), None)
        for value, count in counts:
            box.addItem(f"{value} ({format_number(count)})", value)
        index = box.findData(chosen)
        box.setCurrentIndex(max(index, 0))
        box.blockSignals(False)
        box.view().setMinimumWidth(box.view().sizeHintForColumn(0) + 24)  # values whole

    def _edited(self, *_args: object) -> None:
        self._timer.start()

    def _settled(self) -> None:
        try:
            check_filters(self.registry, self._query_stub())
        except BadFilter as bad:
            self.show_problems(bad.problems)
            return
        self.show_problems([])
        self.changed.emit()

    def _query_stub(self) -> RegistryQuery:
        return RegistryQuery(self.registry.id, self.filters())

    def filters(self) -> tuple[Filter, ...]:
        found: list[Filter] = []
        for key, editors in self._editors.items():
            column = self.registry.column(key)
            first = editors[0]
            if column.type == "enum" and isinstance(first, QComboBox):
                value = first.currentData()
                if value is not None:
                    found.append(ChoiceFilter(key, (str(value),)))
            elif column.type == "boolean" and isinstance(first, QComboBox):
                if first.currentIndex() > 0:
                    found.append(FlagFilter(key, first.currentIndex() == 1))
            elif len(editors) == 2:
                low, high = (e.text() if isinstance(e, QLineEdit) else "" for e in editors)
                if low.strip() or high.strip():
                    found.append(RangeFilter(key, low, high))
            elif isinstance(first, QLineEdit) and first.text().strip():
                found.append(TextFilter(key, first.text()))
        return tuple(found)

    def state(self) -> dict[tuple[str, str], list[object]]:
        """What is typed or picked, per (column key, type): carried over to the row of a
        registry whose description the server changed."""
        found: dict[tuple[str, str], list[object]] = {}
        for key, editors in self._editors.items():
            kind = self.registry.column(key).type
            found[(key, kind)] = [
                e.currentData() if kind == "enum" and isinstance(e, QComboBox)
                else e.currentIndex() if isinstance(e, QComboBox)
                else e.text() if isinstance(e, QLineEdit)
                else None
                for e in editors
            ]  # fmt: skip
        return found

    def restore(self, state: dict[tuple[str, str], list[object]]) -> None:
        """Put back what ``state`` holds for the columns this registry still has with the
        same type (a renamed or retyped column starts empty). Emits nothing."""
        for key, editors in self._editors.items():
            values = state.get((key, self.registry.column(key).type))
            if values is None or len(values) != len(editors):
                continue
            for editor, value in zip(editors, values, strict=True):
                editor.blockSignals(True)
                if isinstance(editor, QLineEdit) and isinstance(value, str):
                    editor.setText(value)
                elif isinstance(editor, QComboBox) and self.registry.column(key).type == "enum":
                    if value is not None and editor.findData(value) < 0:
                        editor.addItem(str(value), value)  # the counts come later
                    editor.setCurrentIndex(max(editor.findData(value), 0))
                elif isinstance(editor, QComboBox) and isinstance(value, int):
                    editor.setCurrentIndex(value)
                editor.blockSignals(False)

    def show_problems(self, problems: list[FilterProblem]) -> None:
        by_column = {p.column: p.code for p in problems}
        for key, label in self._problems.items():
            code = by_column.get(key)
            label.setText(self._problem_text(code) if code else "")
            label.setVisible(code is not None)
            for editor in self._editors[key]:
                editor.setProperty("invalid", code is not None)

    def _problem_text(self, code: str) -> str:
        return {
            "not_a_number": self.tr("Not a number"),
            "not_a_date": self.tr("Not a date (YYYY-MM-DD)"),
            "empty_range": self.tr("“From” is after “to”"),
        }.get(code, self.tr("Not a valid filter"))

    def focus_chain(self) -> list[QWidget]:
        """The editors in reading order (row by row, left to right)."""
        return [editor for editors in self._editors.values() for editor in editors]

    def editor(self, key: str) -> list[QWidget]:
        return self._editors[key]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        for key, editors in self._editors.items():
            column = self.registry.column(key)
            label = column.label
            first = editors[0]
            if column.type == "enum" and isinstance(first, QComboBox):
                first.setItemText(0, self.tr("All"))
                first.setAccessibleName(self.tr("Filter: %1").replace("%1", label))
            elif column.type == "boolean" and isinstance(first, QComboBox):
                for index, text in enumerate((self.tr("Any"), self.tr("Yes"), self.tr("No"))):
                    first.setItemText(index, text)
                first.setAccessibleName(self.tr("Filter: %1").replace("%1", label))
            elif len(editors) == 2:
                low, high = editors
                hint = "YYYY-MM-DD" if column.type == "date" else ""
                for edit, words in ((low, self.tr("from")), (high, self.tr("to"))):
                    if isinstance(edit, QLineEdit):
                        edit.setPlaceholderText(words)
                        edit.setToolTip(hint)
                        edit.setAccessibleName(f"{label}: {words}")
            elif isinstance(first, QLineEdit):
                first.setPlaceholderText(self.tr("contains…"))
                first.setAccessibleName(self.tr("Filter: %1").replace("%1", label))
        for caption in self._labels.values():
            caption.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        for key, (counts, format_number) in list(self._counts.items()):
            self.set_counts(key, counts, format_number)
