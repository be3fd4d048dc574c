"""What a long list needs of its domain: a window over SQL, read block by block. No Qt.

A tab's lazy table (``ui/lazy_table.py``) never holds a whole list (50 000 people,
1 000 000 registry rows): it asks a ``RowSource`` for the exact count of a query and for
the block of rows it is about to show, on a worker. Sort and filter are part of the
query, so the database sorts and filters (an index walk), never the view: a
``QSortFilterProxyModel`` over 100 000 rows took 60 s to sort.

A block is reached two ways. After the previous block (``after``: its ``next``
cursor), a keyset page: as cheap at row 40 000 as at row 0. By position alone (a jump
to the end of the scroll bar), an offset: the source skips the rows before it in an
index without reading them (the rows are large and encrypted), which costs a walk of
the index entries, not of the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

import sqlite_utils

__all__ = ["Block", "RowSource"]

Row = TypeVar("Row")
Query = TypeVar("Query")


@dataclass(frozen=True)
class Block(Generic[Row]):
    """Rows from ``start`` on; ``next`` is where the block after them starts (an opaque
    keyset cursor), None when the list ends with these rows."""

    rows: list[Row]
    next: object | None


class RowSource(Protocol[Query, Row]):
    """A list's queries. Every method runs on a worker with that worker's connection."""

    @property
    def collections(self) -> frozenset[str]:
        """The collections whose ``Changes`` may change the list."""
        ...

    def count(self, db: sqlite_utils.Database, query: Query) -> int | None:
        """How many rows the query finds, exactly; None when the source cannot count
        (a list read from the server): the list then grows block by block as it is
        read, keyset only, and its count is known at its last block."""
        ...

    def block(
        self,
        db: sqlite_utils.Database,
        query: Query,
        start: int,
        limit: int,
        after: object | None,
    ) -> Block[Row]:
        """Rows ``start`` to ``start + limit``: after the cursor ``after`` when it is
        given (the ``next`` of the block ending at ``start``), else by position."""
        ...

    def rows_by_id(self, db: sqlite_utils.Database, ids: Sequence[str]) -> list[Row]:
        """The rows of these records (those still in the cache), in the order given."""
        ...

    def row_id(self, row: Row) -> str:
        """The record id of a row (what ``Changes`` and the selection go by)."""
        ...

    def sorted(self, query: Query, column: int, descending: bool) -> Query | None:
        """The query sorted by ``column``, or None when the list has no such order
        (the view then keeps the order it has)."""
        ...
