"""``ui.lazy_table`` over a real SQLCipher cache of 3 000 generated people, read by a real
``TaskRunner`` through per-thread connections (pytest-qt, offscreen): the exact count
after the first block, a jump to the end, a refresh of only the stale blocks that keeps
the selection by record id, sort and filter done by SQL.

Where the order of two reads matters, a read is held by a ``threading.Event`` gate in
its source (``GatedPeople``: the real people source, waiting before it reads), never by
a sleep."""

from __future__ import annotations

import random
import secrets
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import shiboken6
import sqlite_utils
from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QListView, QTableView

from cache import RecordStore
from cache.changes import Changes, ChangeSource
from cache.database import open_database
from domains.catalog import CATALOG
from domains.directory.queries import (
    DirectoryQuery,
    PeopleList,
    PersonRow,
    people_page,
)
from domains.listing import Block
from tests.cache.conftest import person
from ui.lazy_table import BLOCK_ROWS, MAX_BLOCKS, LazyListModel, LazyTableModel
from ui.reads import ReadPool
from ui.tasks import TaskRunner

PEOPLE = 3_000
TIMEOUT = 10_000
GATE_TIMEOUT = 30
FAMILIES = ["Məmmədov", "Əliyev", "Həsənov", "Quliyev", "İsmayılov", "Cəfərov", "Rzayev"]
GIVENS = ["Rəşad", "Aysel", "Elçin", "Anar", "Şəhla", "Ülvi", "Nigar", "Orxan", "Günel"]
POSITIONS = ["Baş həkim", "Katib", "Mütəxəssis", "Şöbə müdiri"]


def generated_people(count: int) -> list[dict[str, object]]:
    rng = random.Random(9)
    return [
        person(
            f"p{number:05d}",
            rng.choice(FAMILIES),
            rng.choice(GIVENS),
            position=rng.choice(POSITIONS),
            department_id=f"dep-{rng.randrange(10)}",
        )
        for number in range(count)
    ]


@dataclass
class Cache:
    path: Path
    key: bytes
    db: sqlite_utils.Database
    statements: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def connect(self) -> sqlite_utils.Database:
        """A worker's connection, its SQL recorded."""
        db = open_database(self.path, self.key)
        db.conn.set_trace_callback(self._record)
        return db

    def _record(self, statement: str) -> None:
        with self.lock:
            self.statements.append(statement)


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Cache]:
    key = secrets.token_bytes(32)
    db = open_database(tmp_path / "cache.db", key, create=True)
    RecordStore(db, CATALOG).apply_page("people", generated_people(PEOPLE), [], "c1")
    try:
        yield Cache(tmp_path / "cache.db", key, db)
    finally:
        db.close()


@pytest.fixture
def tasks(qapp: Any) -> Iterator[TaskRunner]:
    runner = TaskRunner(max_threads=2)
    try:
        yield runner
    finally:
        runner.wait_for_done(TIMEOUT)
        QCoreApplication.processEvents()
        shiboken6.delete(runner)


@pytest.fixture(autouse=True)
def windows_closed(qapp: Any) -> Iterator[None]:
    """Every view and model a test made is deleted before the next test (not whenever
    the garbage collector gets to them)."""
    yield
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QCoreApplication.processEvents()


@pytest.fixture
def connections(cache: Cache, tasks: TaskRunner) -> Iterator[ReadPool]:
    pool = ReadPool(cache.connect, tasks)
    try:
        yield pool
    finally:
        pool.close()


def everyone(db: sqlite_utils.Database, query: DirectoryQuery) -> list[str]:
    """The whole list, page after page (the planner's keyset pages)."""
    return [row.id for row in people_page(db, query, None, PEOPLE * 2).rows]


class GatedPeople(PeopleList):
    """The real people source; a read waits at its gate until the test opens it."""

    def __init__(self) -> None:
        self.count_gate = threading.Event()
        self.block_gate = threading.Event()
        self.count_gate.set()
        self.block_gate.set()
        self.counted = threading.Event()
        self.reads: list[tuple[int, bool]] = []
        """(start, whether after a keyset cursor) of every block read."""

    def count(self, db: sqlite_utils.Database, query: DirectoryQuery) -> int:
        assert self.count_gate.wait(GATE_TIMEOUT)
        try:
            return super().count(db, query)
        finally:
            self.counted.set()

    def block(
        self,
        db: sqlite_utils.Database,
        query: DirectoryQuery,
        start: int,
        limit: int,
        after: object | None,
    ) -> Block[PersonRow]:
        assert self.block_gate.wait(GATE_TIMEOUT)
        self.reads.append((start, after is not None))
        return super().block(db, query, start, limit, after)


PeopleModel = LazyListModel[DirectoryQuery, PersonRow]


def make_list(
    tasks: TaskRunner,
    connections: ReadPool,
    source: PeopleList | None = None,
    max_blocks: int = MAX_BLOCKS,
) -> tuple[PeopleModel, QListView]:
    view = QListView()
    model: PeopleModel = LazyListModel(
        source or PeopleList(),
        tasks,
        connections.run,
        DirectoryQuery(),
        parent=view,  # deleted with the view
        max_blocks=max_blocks,
    )
    view.setModel(model)
    model.follow(view)
    view.setUniformItemSizes(True)
    view.resize(300, 400)
    view.show()
    return model, view


def ids_of(model: PeopleModel, rows: Sequence[int]) -> list[str]:
    found = [model.row_at(row) for row in rows]
    return [row.id for row in found if row is not None]


def test_the_first_block_is_shown_first_then_the_exact_count(
    qtbot: Any, tasks: TaskRunner, connections: ReadPool, cache: Cache
) -> None:
    source = GatedPeople()
    source.count_gate.clear()  # the count is slow: the first rows must not wait for it
    model, view = make_list(tasks, connections, source)
    seen: list[str] = []
    model.queryFinished.connect(lambda _query: seen.append(f"rows {model.rowCount()}"))
    model.countChanged.connect(lambda count: seen.append(f"count {count}"))
    model.set_query(DirectoryQuery())
    qtbot.waitUntil(lambda: model.loaded_once, timeout=TIMEOUT)
    assert model.rowCount() == BLOCK_ROWS and model.count is None
    assert ids_of(model, range(BLOCK_ROWS)) == everyone(cache.db, DirectoryQuery())[:BLOCK_ROWS]
    source.count_gate.set()
    qtbot.waitUntil(lambda: model.count is not None, timeout=TIMEOUT)
    assert model.rowCount() == model.count == PEOPLE
    assert seen == [f"rows {BLOCK_ROWS}", f"count {PEOPLE}"]
    # The rows past the first block are placeholders until their block is read.
    assert model.loaded_rows() == BLOCK_ROWS and not model.is_loaded(PEOPLE - 1)

    # A count that answers before the first block waits for it.
    seen.clear()
    source.block_gate.clear()
    source.counted.clear()
    query = DirectoryQuery("memmedov")
    model.set_query(query)
    assert source.counted.wait(GATE_TIMEOUT)
    qtbot.wait(50)  # the count's result reaches the GUI thread meanwhile
    assert model.query == DirectoryQuery() and model.rowCount() == PEOPLE  # the old list
    source.block_gate.set()
    qtbot.waitUntil(lambda: model.query == query, timeout=TIMEOUT)
    expected = everyone(cache.db, query)
    assert len(expected) > BLOCK_ROWS
    assert seen == [f"rows {BLOCK_ROWS}", f"count {len(expected)}"]
    assert model.rowCount() == len(expected)
    view.close()


def test_a_change_while_a_new_query_is_on_its_way_keeps_the_new_query(
    qtbot: Any, tasks: TaskRunner, connections: ReadPool, cache: Cache
) -> None:
    """A sync page arriving between a keystroke and its first rows re-reads what the user
    typed, not the list still on screen (it used to restart the old query)."""
    source = GatedPeople()
    model, view = make_list(tasks, connections, source)
    model.set_query(DirectoryQuery())
    qtbot.waitUntil(lambda: model.loaded_once, timeout=TIMEOUT)
    source.block_gate.clear()
    typed = DirectoryQuery("memmedov")
    model.set_query(typed)
    model.refresh(Changes.of(ChangeSource.SYNC_PAGE, "people", ["p00001"]))
    source.block_gate.set()
    qtbot.waitUntil(lambda: model.query == typed, timeout=TIMEOUT)
    tasks.wait_for_done(TIMEOUT)
    qtbot.wait(50)
    assert model.query == typed
    assert ids_of(model, range(5)) == everyone(cache.db, typed)[:5]
    view.close()


def test_jumping_to_the_end_reads_the_block_there(
    qtbot: Any, tasks: TaskRunner, connections: ReadPool, cache: Cache
) -> None:
    model, view = make_list(tasks, connections)
    model.set_query(DirectoryQuery())
    qtbot.waitUntil(lambda: model.count == PEOPLE, timeout=TIMEOUT)
    assert model.index(PEOPLE - 1).data() == ""  # a placeholder, not shown: not read
    qtbot.wait(50)
    assert model.loaded_blocks() == [0]
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.is_loaded(PEOPLE - 1), timeout=TIMEOUT)
    last = PEOPLE // BLOCK_ROWS - 1
    assert model.loaded_blocks() == [0, last]  # only the block there, none between
    assert model.block_reads == 1
    expected = everyone(cache.db, DirectoryQuery())
    start = last * BLOCK_ROWS
    assert ids_of(model, range(start, PEOPLE)) == expected[start:]
    assert model.index(PEOPLE - 1).data() == str(model.row_at(PEOPLE - 1))
    view.close()


def test_the_block_cache_is_bounded_and_a_block_seen_before_is_read_by_keyset(
    qtbot: Any, tasks: TaskRunner, connections: ReadPool, cache: Cache
) -> None:
    source = GatedPeople()
    model, view = make_list(tasks, connections, source, max_blocks=2)
    model.set_query(DirectoryQuery())
    qtbot.waitUntil(lambda: model.count == PEOPLE, timeout=TIMEOUT)
    expected = everyone(cache.db, DirectoryQuery())

    def show(row: int) -> None:
        view.scrollTo(model.index(row))
        qtbot.waitUntil(lambda: model.is_loaded(row), timeout=TIMEOUT)
        assert len(model.loaded_blocks()) <= 2
        number = row // BLOCK_ROWS
        block = range(number * BLOCK_ROWS, (number + 1) * BLOCK_ROWS)
        assert ids_of(model, block) == expected[block.start : block.stop]

    show(PEOPLE - 1)
    assert source.reads[-1] == (PEOPLE - BLOCK_ROWS, False)  # a jump: by position
    show(250)
    assert source.reads[-1] == (BLOCK_ROWS, True)  # right after block 0: by keyset
    show(0)
    show(450)
    assert 1 not in model.loaded_blocks()  # evicted
    show(250)
    assert source.reads[-1] == (BLOCK_ROWS, True)  # where it starts was kept
    view.close()


def test_a_change_reads_only_stale_blocks_and_keeps_the_selection(
    qtbot: Any, tasks: TaskRunner, connections: ReadPool, cache: Cache
) -> None:
    model, view = make_list(tasks, connections)
    model.set_query(DirectoryQuery())
    qtbot.waitUntil(lambda: model.count == PEOPLE, timeout=TIMEOUT)
    view.scrollToBottom()
    last = PEOPLE // BLOCK_ROWS - 1
    qtbot.waitUntil(lambda: model.is_loaded(PEOPLE - 1), timeout=TIMEOUT)
    view.scrollToTop()
    selected_row = 5
    selected = model.row_at(selected_row)
    assert selected is not None
    view.selectionModel().setCurrentIndex(
        model.index(selected_row), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    store = RecordStore(cache.db, CATALOG)

    # One person of the first block changes in place: that block alone is read again.
    changed_row = 100
    changed = model.row_at(changed_row)
    assert changed is not None
    store.apply_page(
        "people",
        [
            person(
                changed.id,
                changed.family_name,
                changed.given_name,
                version=2,
                position="Baş mütəxəssis",
                department_id=changed.department_id,
            )
        ],
        [],
        "c2",
    )
    reads = model.block_reads
    loaded: list[int] = []
    model.blockLoaded.connect(loaded.append)
    model.refresh(Changes.of(ChangeSource.SYNC_PAGE, "people", [changed.id]))
    qtbot.waitUntil(lambda: loaded == [0], timeout=TIMEOUT)
    tasks.wait_for_done(TIMEOUT)
    qtbot.wait(50)
    assert model.block_reads == reads + 1 and loaded == [0]  # not the last block
    assert model.row_at(changed_row).position == "Baş mütəxəssis"  # type: ignore[union-attr]
    assert view.currentIndex().row() == selected_row
    assert ids_of(model, [selected_row]) == [selected.id]

    # Someone new sorts first: every row moves down one; the selection stays on the
    # same person, the view is never reset, the count grows.
    store.apply_page("people", [person("p-first", "Aabbasov", "Anar")], [], "c3")
    loaded.clear()
    model.refresh(Changes.of(ChangeSource.SYNC_PAGE, "people", ["p-first"]))
    qtbot.waitUntil(lambda: model.count == PEOPLE + 1 and loaded == [0], timeout=TIMEOUT)
    assert model.row_at(0).id == "p-first"  # type: ignore[union-attr]
    assert view.currentIndex().row() == selected_row + 1
    assert ids_of(model, [selected_row + 1]) == [selected.id]
    assert view.selectionModel().isSelected(model.index(selected_row + 1))
    assert resets == []
    assert ids_of(model, range(BLOCK_ROWS)) == everyone(cache.db, DirectoryQuery())[:BLOCK_ROWS]
    tasks.wait_for_done(TIMEOUT)
    qtbot.wait(50)
    assert loaded == [0]  # the last block is stale but not shown: read when it is
    view.scrollToBottom()  # the stale last block and the new one after it (row 3 000)
    qtbot.waitUntil(lambda: model.is_loaded(PEOPLE), timeout=TIMEOUT)
    tasks.wait_for_done(TIMEOUT)
    qtbot.wait(50)
    assert sorted(loaded) == [0, last, last + 1]  # each once; block 0 is not shown now
    expected = everyone(cache.db, DirectoryQuery())
    tail = range(last * BLOCK_ROWS, PEOPLE + 1)
    assert ids_of(model, tail) == expected[last * BLOCK_ROWS :]

    # A change to another collection reads nothing.
    reads = model.block_reads
    model.refresh(Changes.of(ChangeSource.SYNC_PAGE, "bookings"))
    tasks.wait_for_done(TIMEOUT)
    qtbot.wait(50)
    assert model.block_reads == reads
    view.close()


class PeopleByColumn:
    """A table source of its own over the people table (as a registry's rows will be):
    one column per field, sorted and filtered by SQL."""

    COLUMNS = ("family_name", "given_name", "position")
    collections = frozenset({"people"})

    @dataclass(frozen=True)
    class Query:
        position: str | None = None
        column: int = 0
        descending: bool = False

    def _order(self, query: PeopleByColumn.Query) -> tuple[str, list[Any]]:
        where, params = ("position = ?", [query.position]) if query.position else ("1", [])
        direction = "DESC" if query.descending else "ASC"
        return f"WHERE {where} ORDER BY {self.COLUMNS[query.column]} {direction}, rid", params

    def count(self, db: sqlite_utils.Database, query: PeopleByColumn.Query) -> int:
        where, params = ("position = ?", [query.position]) if query.position else ("1", [])
        return int(db.execute(f"SELECT count(*) FROM people WHERE {where}", params).fetchone()[0])

    def block(
        self,
        db: sqlite_utils.Database,
        query: PeopleByColumn.Query,
        start: int,
        limit: int,
        after: object | None,
    ) -> Block[tuple[str, ...]]:
        order, params = self._order(query)
        rows = db.execute(
            f"SELECT id, {', '.join(self.COLUMNS)} FROM people {order} LIMIT ? OFFSET ?",
            [*params, limit, start],
        ).fetchall()
        return Block([tuple(row) for row in rows], start + len(rows) if rows else None)

    def rows_by_id(self, db: sqlite_utils.Database, ids: Sequence[str]) -> list[tuple[str, ...]]:
        return []

    def row_id(self, row: tuple[str, ...]) -> str:
        return row[0]

    def sorted(
        self, query: PeopleByColumn.Query, column: int, descending: bool
    ) -> PeopleByColumn.Query:
        return PeopleByColumn.Query(query.position, column, descending)


class PeopleTable(LazyTableModel[PeopleByColumn.Query, tuple[str, ...]]):
    def row_data(self, row: tuple[str, ...], column: int, role: int) -> Any:
        return row[column + 1] if role == Qt.ItemDataRole.DisplayRole else None


def test_sort_and_filter_are_done_by_sql(
    qtbot: Any, tasks: TaskRunner, connections: ReadPool, cache: Cache
) -> None:
    # The directory's filter: a department, counted and listed by the planner.
    people, list_view = make_list(tasks, connections)
    departments = ("dep-3", "dep-7")
    query = DirectoryQuery(departments=departments)
    people.set_query(query)
    qtbot.waitUntil(lambda: people.query == query and people.count is not None, timeout=TIMEOUT)
    members = cache.db.execute(
        "SELECT count(*) FROM people WHERE department_id IN (?, ?)", departments
    ).fetchone()[0]
    assert people.count == people.rowCount() == members
    assert ids_of(people, range(BLOCK_ROWS)) == everyone(cache.db, query)[:BLOCK_ROWS]
    assert people.loaded_rows() == BLOCK_ROWS  # nothing beyond the block was read to filter
    list_view.close()

    # A table: a header click sorts by that column, in SQL.
    view = QTableView()
    table: PeopleTable = PeopleTable(
        PeopleByColumn(),
        tasks,
        connections.run,
        PeopleByColumn.Query(position="Katib"),
        lambda: ["Family name", "Given name", "Position"],
        parent=view,
    )
    view.setModel(table)
    view.resize(600, 400)
    view.show()
    table.set_query(table.query)
    qtbot.waitUntil(lambda: table.count is not None, timeout=TIMEOUT)
    view.setSortingEnabled(True)
    cache.statements.clear()
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: table.query.column == 1 and table.query.descending, timeout=TIMEOUT)
    expected = cache.db.execute(
        "SELECT given_name FROM people WHERE position = 'Katib' "
        "ORDER BY given_name DESC, rid LIMIT ?",
        [BLOCK_ROWS],
    ).fetchall()
    shown = [table.index(row, 1).data() for row in range(BLOCK_ROWS)]
    assert shown == [row[0] for row in expected]
    with cache.lock:
        assert any("ORDER BY given_name DESC" in sql for sql in cache.statements)
    assert (
        table.count
        == cache.db.execute("SELECT count(*) FROM people WHERE position = 'Katib'").fetchone()[0]
    )
    assert table.headerData(2, Qt.Orientation.Horizontal) == "Position"
    view.close()


def test_reads_run_on_workers_only(qtbot: Any, tasks: TaskRunner, connections: ReadPool) -> None:
    threads: list[int] = []

    def run_query(query: Callable[[sqlite_utils.Database], Any]) -> Any:
        threads.append(threading.get_ident())
        return connections.run(query)

    model: PeopleModel = LazyListModel(PeopleList(), tasks, run_query, DirectoryQuery())
    try:
        model.set_query(DirectoryQuery())
        qtbot.waitUntil(lambda: model.count == PEOPLE, timeout=TIMEOUT)
        model.index(PEOPLE - 1).data()  # no view followed: a row asked for is read
        qtbot.waitUntil(lambda: model.is_loaded(PEOPLE - 1), timeout=TIMEOUT)
        assert threads and threading.main_thread().ident not in threads
    finally:
        tasks.wait_for_done(TIMEOUT)
        shiboken6.delete(model)


class UncountedPeople(GatedPeople):
    """The real people source that cannot count (as a list read from the server)."""

    def count(self, db: sqlite_utils.Database, query: DirectoryQuery) -> int | None:  # type: ignore[override]
        self.counted.set()
        return None


def test_a_source_that_cannot_count_grows_by_keyset_to_its_exact_count(
    qtbot: Any, tasks: TaskRunner, connections: ReadPool, cache: Cache
) -> None:
    source = UncountedPeople()
    model, view = make_list(tasks, connections, source)
    model.set_query(DirectoryQuery())
    qtbot.waitUntil(lambda: model.loaded_once and source.counted.is_set(), timeout=TIMEOUT)
    tasks.wait_for_done(TIMEOUT)
    QCoreApplication.processEvents()
    assert model.rowCount() == BLOCK_ROWS and model.growing and model.count is None
    while model.count is None:  # the view at its end asks for more
        shown = model.rowCount()
        view.scrollToBottom()
        qtbot.waitUntil(
            lambda: model.rowCount() > shown or model.count is not None,  # noqa: B023
            timeout=TIMEOUT,
        )
    assert model.count == PEOPLE == model.rowCount() and not model.growing
    assert not model.canFetchMore()
    assert all(after for start, after in source.reads if start > 0)  # keyset only, no offsets
    everybody = everyone(cache.db, DirectoryQuery())
    assert ids_of(model, [0, BLOCK_ROWS, PEOPLE - 1]) == [
        everybody[0],
        everybody[BLOCK_ROWS],
        everybody[PEOPLE - 1],
    ]
