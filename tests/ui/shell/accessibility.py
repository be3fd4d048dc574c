"""What a screen reader meets: one walker for every window and every tab.

Orca (AT-SPI on Linux) and Narrator/NVDA (UI Automation on Windows) read the names Qt's
accessibility bridge gives them: ``QAccessible.queryAccessibleInterface(w).text(Name)``,
which is the widget's ``accessibleName()`` or what Qt derives from it (a button's text,
a label whose buddy it is). ``unnamed_controls(root)`` lists every control a user can
reach or press under ``root`` that has no real name; ``tab_order_breaks(root)`` lists
where Tab goes against the reading order of a row. A new tab or dialog is held to the
same by calling them on its root widget.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QTableView,
    QTreeView,
    QWidget,
)

_INTERACTIVE = (QAbstractButton, QLineEdit, QAbstractItemView, QComboBox, QAbstractSpinBox)


def accessible_name(widget: QWidget) -> str:
    """The name an assistive technology is given for ``widget``."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return "" if interface is None else interface.text(QAccessible.Text.Name)


def is_real_name(name: str) -> bool:
    """A name says something: "✕", "1" or "" do not (a letter is needed)."""
    return any(character.isalpha() for character in name)


def _labels(widget: QWidget) -> list[tuple[str, object]]:
    """The names of the labels related to ``widget`` (AT-SPI's labelled-by)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return []
    return [
        (label.text(QAccessible.Text.Name), relation)
        for label, relation in interface.relations(QAccessible.RelationFlag.Label)
    ]


def _describe(widget: QWidget) -> str:
    name = widget.objectName() or "(no object name)"
    parent = widget.parentWidget()
    owner = f" in {type(parent).__name__} {parent.objectName()!r}" if parent else ""
    return f"{type(widget).__name__} {name!r}{owner}"


def _is_interactive(widget: QWidget) -> bool:
    if isinstance(widget, QScrollBar):
        return False  # not a Tab stop; announced by the view it scrolls
    if widget.focusProxy() is not None and not isinstance(widget, _INTERACTIVE):
        return False  # focus goes to its proxy (a tab widget's tab bar), walked apart
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or isinstance(widget, _INTERACTIVE)


def _inside_combo_popup(widget: QWidget, root: QWidget) -> bool:
    """The list a combo box drops down is the combo's business (its items are named)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def _header_problems(view: QAbstractItemView) -> list[str]:
    """Column headers as the view's table interface exposes them, shown or not."""
    interface = QAccessible.queryAccessibleInterface(view)
    model = view.model()
    if interface is None or model is None or not isinstance(view, QTreeView | QTableView):
        return []
    problems = []
    for index in range(min(interface.childCount(), model.columnCount(QModelIndex()) + 1)):
        child = interface.child(index)
        if child is None or child.role() != QAccessible.Role.ColumnHeader:
            continue
        name = child.text(QAccessible.Text.Name)
        if not is_real_name(name):
            problems.append(f"{_describe(view)}: column header {index} is named {name!r}")
    return problems


def unnamed_controls(root: QWidget) -> list[str]:
    """Every control under ``root`` (itself included) that is visible and interactive
    but has no real accessible name, with what is wrong."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or _inside_combo_popup(widget, root):
            continue
        if not _is_interactive(widget):
            continue
        name = accessible_name(widget)
        if not is_real_name(name):
            problems.append(f"{_describe(widget)} is named {name!r}")
        elif isinstance(widget, QComboBox) and name == widget.currentText():
            # On Linux a combo's Name is its value; Orca reads its label from the
            # labelled-by relation, i.e. a label whose buddy it is.
            labels = [label for label, _ in _labels(widget) if is_real_name(label)]
            if not labels:
                problems.append(f"{_describe(widget)} is named only by its value {name!r}")
        if isinstance(widget, QAbstractItemView):
            problems.extend(_header_problems(widget))
    return problems


def tab_stops(root: QWidget) -> list[QWidget]:
    """The widgets Tab visits under ``root``, in order."""
    stops: list[QWidget] = []
    widget = root.nextInFocusChain()
    while widget is not root and widget not in stops:
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and root.isAncestorOf(widget)
        ):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def _rect_in(widget: QWidget, root: QWidget) -> QRect:
    return QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())


def tab_order_breaks(root: QWidget) -> list[str]:
    """Where Tab goes from a control to one shown left of it on the same row
    (left-to-right languages: a row is read from the left)."""
    stops = tab_stops(root)
    breaks = []
    for before, after in itertools.pairwise(stops):
        first, second = _rect_in(before, root), _rect_in(after, root)
        same_row = first.top() < second.bottom() and second.top() < first.bottom()
        if same_row and second.right() <= first.left():
            breaks.append(
                f"Tab goes from {_describe(before)} to {_describe(after)}, shown left of it"
            )
    return breaks
