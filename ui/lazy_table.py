"""One lazy model for long lists: a thin window over SQL, read in blocks on workers.

Like Anki's browser table, the model holds no list: it knows the query, the exact
row count, and a bounded cache of blocks (``BLOCK_ROWS`` rows each) around what the
view shows. A row the view paints whose block is not loaded shows a placeholder and
is asked for (``RowSource.block``, on a worker through ``TaskRunner``, keyed
per block: latest wins). Jumping to the end of 50 000 rows reads the block there
(by position: the source skips the rows before it in an index); scrolling on reads
the next block after the previous one's keyset cursor.

A new query shows its first block first: the count runs beside it, and the row count
grows to the exact figure only once the first rows are shown (a count that answers
first waits). Sort and filter are the query's (``RowSource.sorted``, ``set_query``):
the database sorts, never a proxy model.

A source that cannot count (``RowSource.count`` is None: a list read page by page from
the server) makes a growing list: the rows are those read so far, the block after them
is read by keyset when the view nears the end (``fetchMore``, and the prefetch), never
by position, and the count is exact once a block ends the list.

After a ``Changes`` (``refresh``) only stale blocks are read again: those holding a
changed id, or every block when any record may have changed (ids ``None``, or an id
not shown: it may be new and shift the rows). The view is never reset; a block whose
ids moved is swapped in with a layout change that moves the persistent indexes (the
selection, the current row) to the same record ids. The blocks the view shows are read
again at once, the others when they are shown.

The model follows one view (``follow``): it reads the blocks that view shows (and the
next one as the view nears it), not every row a view happens to ask for (a list view
sizes its items on the last row; a screen reader walks rows).

The GUI thread only paints: every query runs in ``run_query`` (a per-thread
connection pool: the window's ``ui.reads.ReadPool``) on a worker.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

import shiboken6
import sqlite_utils
from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView

from cache.changes import Changes
from domains.listing import Block, RowSource
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

Query = TypeVar("Query")
Row = TypeVar("Row")
T = TypeVar("T")


class RunQuery(Protocol):
    """Runs a query with the calling worker's connection (``ReadPool.run``, or
    a window's read pool)."""

    def __call__(self, query: Callable[[sqlite_utils.Database], T], /) -> T: ...


Index = QModelIndex | QPersistentModelIndex

BLOCK_ROWS = 200
MAX_BLOCKS = 64
"""At most 64 blocks (12 800 rows) are kept; the least recently shown go first."""
REREAD_AT_ONCE = 3
"""After a change to anything, a model that follows no view reads again the blocks used
last; one that follows a view (``follow``) the blocks it shows. The other stale blocks
are read again when they are shown."""
PREFETCH_FROM = 3 * BLOCK_ROWS // 4
"""A painted row this far into its block asks for the next block too."""

_FIRST = "lazy-first-block"
_COUNT = "lazy-count"

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel, SignalInstance

    _ModelBase = QAbstractItemModel
else:

    class _ModelBase:
        """At run time the Qt base comes from the concrete model (list or table)."""


@dataclass
class _CachedBlock(Generic[Row]):
    rows: list[Row]
    next: object | None
    ids: list[str]
    epoch: int
    """The refresh it was read after (``_LazyRows._epoch``)."""
    stale: bool = False


class _ResizeWatcher(QObject):
    """Tells when a followed view's viewport is resized (more or fewer rows shown)."""

    def __init__(self, resized: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._resized = resized

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._resized()
        return False


class _LazyRows(_ModelBase, Generic[Query, Row]):
    """The lazy machinery, shared by the table and the list model (Qt's two bases)."""

    if TYPE_CHECKING:
        queryFinished: SignalInstance
        countChanged: SignalInstance
        blockLoaded: SignalInstance
        failed: SignalInstance
        queryFailed: SignalInstance

    def _init_lazy(
        self,
        source: RowSource[Query, Row],
        tasks: TaskRunner,
        run_query: RunQuery,
        query: Query,
        block_rows: int,
        max_blocks: int,
    ) -> None:
        self._source = source
        self._tasks = tasks
        self._run_query = run_query
        self._query = query  # the query whose rows are shown
        self._wanted = query  # the query asked for last (shown once its first block is in)
        self._block_rows = block_rows
        self._max_blocks = max(2, max_blocks)
        self._generation = 0
        self._epoch = 0  # refreshes so far: which blocks were read before which change
        self._first_pending = False
        self._waiting_count: int | None = None
        self._growing = False
        """The source cannot count (``RowSource.count`` is None): the rows grow block by
        block as they are read, until a block ends the list."""
        self._blocks: OrderedDict[int, _CachedBlock[Row]] = OrderedDict()
        self._pending: set[int] = set()
        self._anchors: dict[int, object] = {}
        """Block number -> the keyset cursor it starts at (the ``next`` of the block
        before it, kept when that block is evicted), until the rows may have moved."""
        self._row_of: dict[str, int] = {}
        self._shown = 0
        self._view: QAbstractItemView | None = None
        self._visible_timer = QTimer(self)  # a child: it dies with the model
        self._visible_timer.setSingleShot(True)
        self._visible_timer.setInterval(0)
        self._visible_timer.timeout.connect(self._read_visible)
        self._viewport_watcher = _ResizeWatcher(self._schedule_visible, self)
        self.count: int | None = None
        """The exact row count of the query shown, once known."""
        self.loaded_once = False
        self.block_reads = 0
        """Blocks read after the first of a query (tests, diagnostics)."""

    # --- queries -------------------------------------------------------------------------

    @property
    def query(self) -> Query:
        return self._query

    @property
    def source(self) -> RowSource[Query, Row]:
        return self._source

    def set_query(self, query: Query) -> None:
        """Show ``query``'s rows: its first block replaces the list when it arrives (the
        old rows stay on screen until then), its count follows."""
        self._generation += 1
        generation = self._generation
        self._wanted = query
        self._first_pending = True
        self._waiting_count = None
        self._growing = False
        self.count = None
        self._pending.clear()
        source, run_query, rows = self._source, self._run_query, self._block_rows

        def first_block() -> Block[Row]:
            return run_query(lambda db: source.block(db, query, 0, rows, None))

        def how_many() -> int | None:
            return run_query(lambda db: source.count(db, query))

        self._tasks.run(
            first_block,
            lambda block: self._first_block_arrived(generation, query, block),
            self._query_failed,
            owner=self,
            key=_FIRST,
        )
        self._tasks.run(
            how_many,
            lambda count: self._count_arrived(generation, count),
            self._query_failed,
            owner=self,
            key=_COUNT,
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the same query sorted by the database, if the list has that
        order (never sorted here)."""
        sorted_query = self._source.sorted(
            self._wanted, column, order == Qt.SortOrder.DescendingOrder
        )
        if sorted_query is not None:
            self.set_query(sorted_query)

    def _first_block_arrived(self, generation: int, query: Query, block: Block[Row]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._query = query
        self._first_pending = False
        self._blocks.clear()
        self._anchors.clear()
        self._row_of.clear()
        self._store_block(0, block, self._epoch)
        if block.next is None:  # the whole list is in this block: that is its count
            self.count = len(block.rows)
            self._growing = False
        self._shown = len(block.rows) if self.count is None else self.count
        self.endResetModel()
        self.loaded_once = True
        self.queryFinished.emit(query)
        waiting, self._waiting_count = self._waiting_count, None
        if waiting is not None:
            self._apply_count(waiting)
        elif self.count is not None:
            self.countChanged.emit(self.count)

    def _count_arrived(self, generation: int, count: int | None) -> None:
        if generation != self._generation:
            return
        if count is None:  # the source cannot count: the list grows as it is read
            self._growing = self.count is None
            if self._growing and not self._first_pending:
                self._schedule_visible()
            return
        if self._first_pending:  # the first rows are shown first: the count waits
            self._waiting_count = count
            return
        self._apply_count(count)

    def _apply_count(self, count: int) -> None:
        """The row count becomes ``count`` (rows added or removed at the end)."""
        self.count = count
        if count > self._shown:
            self.beginInsertRows(QModelIndex(), self._shown, count - 1)
            self._shown = count
            self.endInsertRows()
        elif count < self._shown:
            self.beginRemoveRows(QModelIndex(), count, self._shown - 1)
            self._shown = count
            for number in [n for n in self._blocks if n * self._block_rows >= count]:
                self._forget_block(number)
            self.endRemoveRows()
        self.countChanged.emit(count)

    def _query_failed(self, error: BaseException) -> None:
        log.warning("list query failed: %s", type(error).__name__, exc_info=error)
        self.failed.emit(str(error))
        self.queryFailed.emit(error)

    @property
    def growing(self) -> bool:
        """The count is not known yet: the rows grow as blocks are read (a source that
        cannot count, ``RowSource.count`` None)."""
        return self._growing and self.count is None

    def _next_growing_block(self) -> int | None:
        """The block after the last one shown, when the list may go on past it (its
        cursor is known: keyset only, a source that cannot count has no offsets)."""
        if not self.growing or self._first_pending or self._shown % self._block_rows:
            return None
        number = self._shown // self._block_rows
        return number if number in self._anchors else None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._next_growing_block() is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        """A view scrolled to the end of a growing list: read the block after it."""
        number = None if parent.isValid() else self._next_growing_block()
        if number is not None:
            self._request_block(number)

    # --- blocks --------------------------------------------------------------------------

    def _row_value(self, row: int) -> Row | None:
        """The row's value if its block is here; else None, and its block is asked for
        (a stale block is shown until it is read again)."""
        if not 0 <= row < self._shown:
            return None
        number, offset = divmod(row, self._block_rows)
        block = self._blocks.get(number)
        if self._view is None and (block is None or block.stale):
            self._request_block(number)  # no view followed: what is asked for is wanted
        if block is None:
            return None
        self._blocks.move_to_end(number)
        return block.rows[offset] if offset < len(block.rows) else None

    # --- following a view ----------------------------------------------------------------

    def follow(self, view: QAbstractItemView) -> None:
        """Read the blocks ``view`` shows (and the next one when the view nears it), as it
        scrolls and resizes; rows asked for otherwise (a view sizing its items, a screen
        reader) then read nothing."""
        self._view = view
        bar = view.verticalScrollBar()
        bar.valueChanged.connect(self._schedule_visible)
        bar.rangeChanged.connect(self._schedule_visible)
        view.viewport().installEventFilter(self._viewport_watcher)
        for signal in (self.modelReset, self.rowsInserted, self.layoutChanged):
            signal.connect(self._schedule_visible)
        self._schedule_visible()

    def _schedule_visible(self, *_args: object) -> None:
        if not self._visible_timer.isActive():
            self._visible_timer.start()

    def _read_visible(self) -> None:
        view = self._view
        if view is None or not shiboken6.isValid(view) or self._shown == 0:
            return
        viewport = view.viewport()
        top = view.indexAt(QPoint(1, 1)).row()
        bottom = view.indexAt(QPoint(1, max(1, viewport.height() - 2))).row()
        top = max(top, 0)
        if bottom < 0:
            bottom = self._shown - 1
        first, last = top // self._block_rows, bottom // self._block_rows
        if bottom % self._block_rows >= PREFETCH_FROM * self._block_rows // BLOCK_ROWS:
            growing = self._next_growing_block()
            last = min(
                last + 1, (self._shown - 1) // self._block_rows if growing is None else growing
            )
        for number in range(first, last + 1):
            block = self._blocks.get(number)
            if block is None or block.stale:
                self._request_block(number)
            else:
                self._blocks.move_to_end(number)

    def _request_block(self, number: int) -> None:
        if self._first_pending or number in self._pending:
            return
        self._pending.add(number)
        generation, query, source = self._generation, self._query, self._source
        run_query, rows, epoch = self._run_query, self._block_rows, self._epoch
        start = number * rows
        after = self._anchors.get(number)  # the keyset cursor where it starts, if known

        def read() -> Block[Row]:
            return run_query(lambda db: source.block(db, query, start, rows, after))

        self._tasks.run(
            read,
            lambda block: self._block_arrived(generation, number, block, epoch),
            lambda error: self._block_failed(generation, number, error),
            owner=self,
            key=("lazy-block", number),
        )

    def _block_failed(self, generation: int, number: int, error: BaseException) -> None:
        if generation == self._generation:
            self._pending.discard(number)
            self._query_failed(error)

    def _block_arrived(self, generation: int, number: int, block: Block[Row], epoch: int) -> None:
        if generation != self._generation:
            return
        self._pending.discard(number)
        self.block_reads += 1
        if self.growing and number * self._block_rows == self._shown:
            self._append_block(number, block, epoch)
            return
        old = self._blocks.get(number)
        new_ids = [self._source.row_id(row) for row in block.rows]
        first = number * self._block_rows
        if old is not None and old.ids == new_ids:  # the same records: their values changed
            self._store_block(number, block, epoch)
            last = min(self._shown, first + len(new_ids)) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, self.columns() - 1))
        else:
            self._swap_in(number, block, epoch)
            if old is not None:  # records moved: the rows of blocks read before may have too
                self._anchors = {n: a for n, a in self._anchors.items() if n <= number}
                for other, cached in self._blocks.items():
                    cached.stale = cached.stale or (other != number and cached.epoch < epoch)
                self._schedule_visible()
        self._evict()
        self.blockLoaded.emit(number)

    def _append_block(self, number: int, block: Block[Row], epoch: int) -> None:
        """A growing list's next block: its rows are added at the end; a block that ends
        the list gives the exact count."""
        if block.rows:
            self.beginInsertRows(QModelIndex(), self._shown, self._shown + len(block.rows) - 1)
            self._store_block(number, block, epoch)
            self._shown += len(block.rows)
            self.endInsertRows()
        if block.next is None:
            self._growing = False
            self.count = self._shown
            self.countChanged.emit(self.count)
        self._evict()
        self.blockLoaded.emit(number)

    def _swap_in(self, number: int, block: Block[Row], epoch: int) -> None:
        """Put a block in whose records moved: the persistent indexes (selection,
        current row) follow their record ids."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        before = [(index, self._id_at(index.row())) for index in persistent]
        self._store_block(number, block, epoch)
        for index, record_id in before:
            row = self._row_of.get(record_id) if record_id is not None else None
            if row is not None and row < self._shown and row != index.row():
                self.changePersistentIndex(index, self.index(row, index.column()))
        self.layoutChanged.emit()

    def _store_block(self, number: int, block: Block[Row], epoch: int) -> None:
        self._forget_block(number)
        ids = [self._source.row_id(row) for row in block.rows]
        first = number * self._block_rows
        self._blocks[number] = _CachedBlock(list(block.rows), block.next, ids, epoch)
        self._blocks.move_to_end(number)
        if block.next is not None:  # kept after the block is evicted: later jumps are keyset
            self._anchors[number + 1] = block.next
        for offset, record_id in enumerate(ids):
            self._row_of[record_id] = first + offset

    def _forget_block(self, number: int) -> None:
        block = self._blocks.pop(number, None)
        if block is None:
            return
        first = number * self._block_rows
        for offset, record_id in enumerate(block.ids):
            if self._row_of.get(record_id) == first + offset:
                del self._row_of[record_id]

    def _evict(self) -> None:
        while len(self._blocks) > self._max_blocks:
            oldest = next(iter(self._blocks))
            self._forget_block(oldest)

    def _id_at(self, row: int) -> str | None:
        number, offset = divmod(row, self._block_rows)
        block = self._blocks.get(number)
        return block.ids[offset] if block is not None and offset < len(block.ids) else None

    # --- changes -------------------------------------------------------------------------

    def refresh(self, changes: Changes | None = None) -> None:
        """The cache changed: count again, read the stale blocks again. ``changes``:
        what changed, or None (anything may have)."""
        collections = self._source.collections
        if not self.concerns(changes):
            return
        if self._first_pending or not self.loaded_once:
            # Nothing of the wanted query shown yet: ask for it again (not for the rows on
            # screen: a sync page arriving while the user types must not undo the typing).
            self.set_query(self._wanted)
            return
        changed: set[str] | None = None if changes is None else set()
        for name in collections:
            ids = changes.ids(name) if changes is not None else None
            if ids is None or changed is None:
                changed = None
                break
            changed |= ids
        if changed is not None and not changed:
            return
        self._epoch += 1
        generation, query, source = self._generation, self._query, self._source
        run_query = self._run_query
        self._tasks.run(
            lambda: run_query(lambda db: source.count(db, query)),
            lambda count: self._count_arrived(generation, count),
            self._query_failed,
            owner=self,
            key=_COUNT,
        )
        if changed is not None and all(record_id in self._row_of for record_id in changed):
            stale = {self._row_of[record_id] // self._block_rows for record_id in changed}
            reread = sorted(stale)
            for number in stale:  # where the block after it starts may change
                self._anchors.pop(number + 1, None)
        else:  # a record may have come or gone anywhere: every block is stale
            stale = set(self._blocks)
            reread = [] if self._view is not None else list(self._blocks)[-REREAD_AT_ONCE:]
            self._anchors.clear()
        for number in stale:
            self._blocks[number].stale = True
            self._pending.discard(number)
        if self._view is not None:  # the view's stale blocks now, the others when shown
            self._schedule_visible()
        for number in reread:
            self._request_block(number)

    def concerns(self, changes: Changes | None) -> bool:
        """Whether ``changes`` (as ``refresh`` takes them) may change this list."""
        return changes is None or changes.touches(self._source.collections)

    # --- reading ---------------------------------------------------------------------------

    def columns(self) -> int:
        return 1

    def loaded_rows(self) -> int:
        """How many rows are in memory (fresh or stale), not the count."""
        return sum(len(block.rows) for block in self._blocks.values())

    def is_loaded(self, row: int) -> bool:
        number, offset = divmod(row, self._block_rows)
        block = self._blocks.get(number)
        return block is not None and offset < len(block.rows) and row < self._shown

    def loaded_blocks(self) -> list[int]:
        return sorted(self._blocks)

    def row_of(self, record_id: str) -> int | None:
        """The row of a record, if its block is loaded."""
        return self._row_of.get(record_id)

    def row_at(self, row: int) -> Row | None:
        """The value of a loaded row (None if not loaded: nothing is read)."""
        number, offset = divmod(row, self._block_rows)
        block = self._blocks.get(number)
        if block is None or offset >= len(block.rows) or row >= self._shown:
            return None
        return block.rows[offset]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._row_value(index.row())
        if value is None:
            return self.placeholder_data(index.column(), role)
        return self.row_data(value, index.column(), role)

    def row_data(self, row: Row, column: int, role: int) -> Any:
        """What a loaded row shows (override)."""
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row)
        return None

    def placeholder_data(self, column: int, role: int) -> Any:
        """What a row not loaded yet shows: an empty row of the usual height."""
        return "" if role == Qt.ItemDataRole.DisplayRole else None


class LazyListModel(_LazyRows[Query, Row], QAbstractListModel):
    """The lazy model for a list view (one column, painted by a delegate)."""

    queryFinished = Signal(object)
    """The first block of a query is shown (the query)."""
    countChanged = Signal(int)
    blockLoaded = Signal(int)
    failed = Signal(str)
    queryFailed = Signal(object)
    """The exception of a failed query (``failed`` carries its text)."""

    def __init__(
        self,
        source: RowSource[Query, Row],
        tasks: TaskRunner,
        run_query: RunQuery,
        query: Query,
        parent: QObject | None = None,
        block_rows: int = BLOCK_ROWS,
        max_blocks: int = MAX_BLOCKS,
    ) -> None:
        QAbstractListModel.__init__(self, parent)
        self._init_lazy(source, tasks, run_query, query, block_rows, max_blocks)


class LazyTableModel(_LazyRows[Query, Row], QAbstractTableModel):
    """The lazy model for a table view: ``headers`` name the columns; ``row_data`` says
    what each shows."""

    queryFinished = Signal(object)
    countChanged = Signal(int)
    blockLoaded = Signal(int)
    failed = Signal(str)
    queryFailed = Signal(object)
    """The exception of a failed query (``failed`` carries its text)."""

    def __init__(
        self,
        source: RowSource[Query, Row],
        tasks: TaskRunner,
        run_query: RunQuery,
        query: Query,
        headers: Callable[[], list[str]],
        parent: QObject | None = None,
        block_rows: int = BLOCK_ROWS,
        max_blocks: int = MAX_BLOCKS,
    ) -> None:
        QAbstractTableModel.__init__(self, parent)
        self._headers = headers
        self._init_lazy(source, tasks, run_query, query, block_rows, max_blocks)

    def columns(self) -> int:
        return len(self._headers())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.columns()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self._headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None
