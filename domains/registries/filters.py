"""A registry view's query: per-column filters by type, free search, sort. No Qt.

What a user types is checked here, before any SQL runs: a number or date filter that is
not one raises ``BadFilter`` with a ``FilterProblem`` per column (the tab words it
next to the filter); text is always searched as text (bound as a parameter, never
spliced into SQL or an FTS expression).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from domains.registries.model import Column, Registry

__all__ = [
    "BadFilter",
    "ChoiceFilter",
    "Filter",
    "FilterProblem",
    "FlagFilter",
    "RangeFilter",
    "RegistryQuery",
    "TextFilter",
    "parse_bound",
]

TextMode = Literal["contains", "starts"]


@dataclass(frozen=True)
class TextFilter:
    """Text contains / starts with (folded: ``seki`` finds ``Şəki``; Cyrillic typed
    for Latin: ``шеки`` finds it too)."""

    column: str
    text: str
    mode: TextMode = "contains"


@dataclass(frozen=True)
class ChoiceFilter:
    """An enum column is one of these values (none chosen: no filter)."""

    column: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class RangeFilter:
    """A number or date column between ``low`` and ``high`` (inclusive), as typed; an
    empty bound is open."""

    column: str
    low: str = ""
    high: str = ""


@dataclass(frozen=True)
class FlagFilter:
    column: str
    value: bool


Filter = TextFilter | ChoiceFilter | RangeFilter | FlagFilter


@dataclass(frozen=True)
class FilterProblem:
    """``code``: ``not_a_number``, ``not_a_date``, ``empty_range`` (low above high),
    ``unknown_column``, ``wrong_type`` (a filter the column's type does not take)."""

    column: str
    code: str


class BadFilter(ValueError):
    def __init__(self, problems: list[FilterProblem]) -> None:
        super().__init__(", ".join(f"{p.column}: {p.code}" for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class RegistryQuery:
    """What the table shows: one registry's rows, filtered, searched, sorted (``sort``:
    a column key; None: the registry's own order)."""

    registry_id: str
    filters: tuple[Filter, ...] = ()
    search: str = ""
    sort: str | None = None
    descending: bool = False
    columns: tuple[str, ...] | None = field(default=None)
    """The columns shown (and exported), in order; None: all of the description's."""

    def with_filter(self, new: Filter | None, column: str) -> RegistryQuery:
        """This query with ``column``'s filter replaced by ``new`` (None: removed)."""
        kept = tuple(f for f in self.filters if f.column != column)
        return RegistryQuery(
            self.registry_id,
            kept + ((new,) if new is not None else ()),
            self.search,
            self.sort,
            self.descending,
            self.columns,
        )

    def shown_columns(self, registry: Registry) -> tuple[Column, ...]:
        if self.columns is None:
            return registry.columns
        by_key = {c.key: c for c in registry.columns}
        return tuple(by_key[k] for k in self.columns if k in by_key)


_INTEGER = re.compile(r"^[+-]?\d{1,18}$")


def parse_bound(column: Column, text: str) -> int | float | str | None:
    """A typed bound as the column's type, None when empty; ``BadFilter`` otherwise."""
    text = text.strip()
    if not text:
        return None
    if column.type == "date":
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            raise BadFilter([FilterProblem(column.key, "not_a_date")]) from None
    if column.type == "integer" and _INTEGER.match(text):
        return int(text)
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        raise BadFilter([FilterProblem(column.key, "not_a_number")]) from None
    if not math.isfinite(number):
        raise BadFilter([FilterProblem(column.key, "not_a_number")])
    return number


def check_filters(registry: Registry, query: RegistryQuery) -> None:
    """Every filter names a column of the registry, of a type that takes it, with values
    of that type; ``BadFilter`` with every problem at once otherwise."""
    problems: list[FilterProblem] = []
    by_key = {c.key: c for c in registry.columns}
    for item in query.filters:
        column = by_key.get(item.column)
        if column is None:
            problems.append(FilterProblem(item.column, "unknown_column"))
            continue
        if isinstance(item, RangeFilter):
            if column.type not in ("integer", "number", "date"):
                problems.append(FilterProblem(column.key, "wrong_type"))
                continue
            try:
                low, high = parse_bound(column, item.low), parse_bound(column, item.high)
            except BadFilter as bad:
                problems += bad.problems
                continue
            if low is not None and high is not None and low > high:  # type: ignore[operator]
                problems.append(FilterProblem(column.key, "empty_range"))
        elif (isinstance(item, FlagFilter) and column.type != "boolean") or (
            isinstance(item, ChoiceFilter) and column.type not in ("enum", "text")
        ):
            problems.append(FilterProblem(column.key, "wrong_type"))
    if query.sort is not None and query.sort not in by_key:
        problems.append(FilterProblem(query.sort, "unknown_column"))
    if problems:
        raise BadFilter(problems)
