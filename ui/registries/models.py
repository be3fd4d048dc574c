"""The registry table: a lazy window over the registry's rows (``RegistryRows``).

Columns come from the registry's description; widths from the column's type (never
sized to the contents of a million rows). Sort is a header click: the source makes it
a new SQL order (``RegistryRows.sorted``), never a proxy model.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt

from domains.online import OnlineReads
from domains.registries.filters import RegistryQuery
from domains.registries.model import Column, Registry, RegistryRow
from domains.registries.online import OnlineRows
from domains.registries.queries import RegistryRows
from ui.lazy_table import LazyTableModel, RunQuery
from ui.tasks import TaskRunner

__all__ = ["RegistryTableModel", "column_width", "display_value", "without_cache"]

T = TypeVar("T")


def without_cache(query: Callable[[Any], T]) -> T:
    """The ``RunQuery`` of a registry read online: its source needs no cache connection
    (it runs on the lazy table's worker all the same)."""
    return query(None)


_WIDTHS = {"text": 220, "enum": 160, "integer": 90, "number": 100, "date": 110, "boolean": 80}


def column_width(column: Column) -> int:
    return _WIDTHS.get(column.type, 160)


def display_value(column: Column, value: Any, yes: str, no: str) -> str:
    if value is None:
        return ""
    if column.type == "boolean" and isinstance(value, bool):
        return yes if value else no
    return str(value)


class RegistryTableModel(LazyTableModel[RegistryQuery, RegistryRow]):
    def __init__(
        self,
        registry: Registry,
        tasks: TaskRunner,
        run_query: RunQuery,
        query: RegistryQuery,
        parent: QObject | None = None,
        online: OnlineReads | None = None,
    ) -> None:
        """``online``: the registry is read from the server (``OnlineRows``), not the
        cache."""
        self.registry = registry
        self.shown = query.shown_columns(registry)
        keys = [c.key for c in self.shown]
        self.online = online is not None
        super().__init__(
            RegistryRows(keys) if online is None else OnlineRows(online, keys),
            tasks,
            run_query if online is None else without_cache,
            query,
            lambda: [c.label for c in self.shown],
            parent,
        )

    def row_data(self, row: RegistryRow, column: int, role: int) -> Any:
        if not 0 <= column < len(self.shown):
            return None
        described = self.shown[column]
        value = row.values.get(described.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return display_value(described, value, self.tr("Yes"), self.tr("No"))
        if role == Qt.ItemDataRole.TextAlignmentRole and described.type in ("integer", "number"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
