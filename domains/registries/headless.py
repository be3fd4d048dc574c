"""``main.py registries list|export``: the tab's views for analysts' scripts. No Qt.

The filters are the tab's, written as options (repeatable):

    --contains COLUMN=TEXT   --starts COLUMN=TEXT   --pick COLUMN=VALUE (several: any of them)
    --range COLUMN=LOW..HIGH (either side may be empty)   --flag COLUMN=yes|no
    --search TEXT   --sort COLUMN [--descending]   --columns a,b,c

A bad option (no ``=``, an unknown column, a bound that is not a number or a date)
raises ``BadFilter`` / ``ValueError`` before anything is read or written.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlite_utils

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
from domains.registries.model import Registry
from domains.registries.offline import registry_choices

__all__ = ["build_query", "registry_lines"]


def _split(option: str, spec: str) -> tuple[str, str]:
    column, equals, value = spec.partition("=")
    if not equals or not column:
        raise ValueError(f"--{option} takes COLUMN=VALUE, not {spec!r}")
    return column.strip(), value


def build_query(
    registry: Registry,
    *,
    contains: Sequence[str] = (),
    starts: Sequence[str] = (),
    pick: Sequence[str] = (),
    ranges: Sequence[str] = (),
    flags: Sequence[str] = (),
    search: str = "",
    sort: str | None = None,
    descending: bool = False,
    columns: str | None = None,
) -> RegistryQuery:
    filters: list[Filter] = []
    for spec in contains:
        column, text = _split("contains", spec)
        filters.append(TextFilter(column, text, "contains"))
    for spec in starts:
        column, text = _split("starts", spec)
        filters.append(TextFilter(column, text, "starts"))
    picked: dict[str, list[str]] = {}
    for spec in pick:
        column, value = _split("pick", spec)
        picked.setdefault(column, []).append(value)
    filters += [ChoiceFilter(column, tuple(values)) for column, values in picked.items()]
    for spec in ranges:
        column, bounds = _split("range", spec)
        low, dots, high = bounds.partition("..")
        if not dots:
            raise ValueError(f"--range takes COLUMN=LOW..HIGH, not {spec!r}")
        filters.append(RangeFilter(column, low, high))
    for spec in flags:
        column, value = _split("flag", spec)
        if value.lower() not in ("yes", "no"):
            raise BadFilter([FilterProblem(column, "not_yes_or_no")])
        filters.append(FlagFilter(column, value.lower() == "yes"))
    shown = None
    if columns:
        shown = tuple(c.strip() for c in columns.split(",") if c.strip())
        known = {c.key for c in registry.columns}
        unknown = [c for c in shown if c not in known]
        if unknown:
            raise BadFilter([FilterProblem(c, "unknown_column") for c in unknown])
    query = RegistryQuery(registry.id, tuple(filters), search, sort, descending, shown)
    check_filters(registry, query)
    return query


def registry_lines(db: sqlite_utils.Database) -> list[str]:
    """One line per registry: id, rows on the server, rows here, offline or not, name."""
    lines = [f"{'id':<24}{'rows':>10}{'here':>10}  {'offline':<8}name"]
    for choice in registry_choices(db):
        registry = choice.registry
        lines.append(
            f"{registry.id:<24}{registry.row_count:>10}{choice.stored_rows:>10}  "
            f"{'yes' if choice.offline else 'no':<8}{registry.name}"
        )
    return lines
