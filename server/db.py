"""Storage of the reference backend: SQLAlchemy Core tables for SQLite and PostgreSQL.

Every synced collection has the same spine: ``id``, ``seq`` (the server-wide change
sequence, unique), ``version``, ``deleted`` and ``body`` (the record exactly as the API
sends it, as JSON text). Sync pages are built by concatenating bodies, so a page costs
one indexed range scan and no per-row serialisation. Extra columns exist only where the
server must filter, join or enforce a rule on them.

Writers are serialised, one at a time, for the whole of their transaction: on SQLite every
write transaction is ``BEGIN IMMEDIATE``; on PostgreSQL every write transaction first
locks the ``counters`` row that hands out sequence numbers (``SELECT ... FOR UPDATE``),
and the lock is held until commit. Sequence numbers therefore become visible in the order
they were assigned, so a reader paging by ``seq`` never skips a change that commits later
with a smaller number; and whatever a writer reads (an If-Match version, an idempotency
key, a refresh token, the bookings of a room) cannot change under it before it commits.

Locking only at ``UPDATE counters`` is not enough on PostgreSQL: a writer's reads before
its first ``next_seq`` would not be serialised (lost updates past If-Match, a refresh
token rotated twice, two claims of one idempotency key), and a writer holding a room or
record lock while waiting for the counter can deadlock with one holding the counter while
waiting for that row. With the counter taken first, every writer takes its locks in the
same order. PostgreSQL runs at READ COMMITTED (pinned on the engine), so each statement
after the lock sees everything committed before it; readers get REPEATABLE READ, a
snapshot for the whole block, as they do on SQLite.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    DateTime,
    Engine,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    inspect,
    make_url,
    select,
    text,
)

from server.private_files import make_private_file

metadata = MetaData()


def _collection(name: str, *extra: Column[Any] | Index) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(64), primary_key=True),
        Column("seq", BigInteger, nullable=False, unique=True),
        Column("version", Integer, nullable=False),
        Column("deleted", Boolean, nullable=False, default=False),
        Column("body", Text, nullable=False),
        *extra,
    )


departments = _collection("departments", Column("parent_id", String(64)))
people = _collection("people", Column("department_id", String(64), index=True))
rooms = _collection("rooms")
bookings = _collection(
    "bookings",
    Column("room_id", String(64), nullable=False),
    Column("organizer_id", String(64), nullable=False),
    Column("start_ts", BigInteger, nullable=False),  # epoch seconds, UTC
    Column("end_ts", BigInteger, nullable=False),
    Column("status", String(16), nullable=False),
    Index("ix_bookings_room_time", "room_id", "start_ts"),
)
folders = _collection(
    "folders",
    Column("parent_id", String(64)),
    Column("department_id", String(64)),
    Column("access", String(16), nullable=False),
)
documents = _collection(
    "documents",
    Column("folder_id", String(64), nullable=False, index=True),
    Column("author_id", String(64)),
)
shares = _collection(
    "shares",
    Column("document_id", String(64), nullable=False, index=True),
    Column("from_id", String(64), nullable=False, index=True),
    Column("to_id", String(64), nullable=False, index=True),
)
registries = _collection(
    "registries",
    Column("code", String(64), nullable=False, unique=True),
    # Registries holding personal data are readable by analysts and admins only.
    Column("personal_data", Boolean, nullable=False, default=False),
)
registry_rows = _collection(
    "registry_rows",
    Column("registry_id", String(64), nullable=False),
    Index("ix_registry_rows_registry_seq", "registry_id", "seq"),
)
ACCESS_READ = "read"
"""A page of rows read online (``GET /registries/{id}/rows``, an export)."""
ACCESS_COPY = "copy"
"""A page of rows taken offline by a sync (``GET /sync/registry_rows``): a copy on a laptop."""
registry_access_log = Table(
    # Who read rows of a personal-data registry, when, how many, and how: online or as an
    # offline copy (server.registry_query, server.sync). Here with every other table: a
    # database created without those modules imported (the seed, a migration) has it too.
    "registry_access_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", String(64), nullable=False),
    Column("registry_id", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("rows", Integer, nullable=False),
    Column("kind", String(8), nullable=False, server_default=ACCESS_READ),
)
ADDED_COLUMNS: tuple[tuple[Table, str, str], ...] = (
    (registry_access_log, "kind", f"VARCHAR(8) NOT NULL DEFAULT '{ACCESS_READ}'"),
)
"""Columns added to a table after databases were made with it: ``create_all`` makes
missing tables only, so ``create_schema`` adds these to an older database (the rows
it holds take the default: before, only online reads were logged)."""
regions = _collection("regions", Column("code", String(32), nullable=False, unique=True))
indicators = _collection("indicators", Column("code", String(64), nullable=False, unique=True))
indicator_values = _collection(
    "indicator_values",
    Column("indicator_id", String(64), nullable=False),
    Column("region_code", String(32), nullable=False),
    Column("period", String(7), nullable=False),
)

COLLECTION_TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        departments,
        people,
        rooms,
        bookings,
        folders,
        documents,
        shares,
        registries,
        registry_rows,
        regions,
        indicators,
        indicator_values,
    )
}

# --- not synced as collections -------------------------------------------------

folder_members = Table(
    "folder_members",
    metadata,
    Column("folder_id", String(64), primary_key=True),
    Column("person_id", String(64), primary_key=True),
    Index("ix_folder_members_person", "person_id"),
)

# Where a record left some readers' sight without leaving the collection (a document
# moved to another folder, a folder made restricted, a share withdrawn): the access state
# it left and the record's seq after the change. Delta sync lists a record a user may no
# longer see in `deleted` only if that user may have held it, which this tells.
visibility_exits = Table(
    "visibility_exits",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("collection", String(32), nullable=False),
    Column("record_id", String(64), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("scope", Text, nullable=False),  # JSON, see server.access.record_exit
    Index("ix_visibility_exits_record", "collection", "record_id", "seq"),
)

document_versions = Table(
    "document_versions",
    metadata,
    Column("document_id", String(64), primary_key=True),
    Column("version_no", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("filename", String(255), nullable=False),
    Column("content_type", String(255), nullable=False),
    Column("author_id", String(64)),
    Column("created_at", String(40), nullable=False),
)

# A recurring booking (server/booking_series.py): the Series record as the API sends it,
# and which bookings are its occurrences.
booking_series = Table(
    "booking_series",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("body", Text, nullable=False),
)
series_occurrences = Table(
    "series_occurrences",
    metadata,
    Column("series_id", String(64), primary_key=True),
    Column("booking_id", String(64), primary_key=True),
)

# Resumable uploads (server/upload_sessions.py): bytes received so far sit in
# blobs/sessions/<id>; nothing here is visible to anyone but the uploader.
upload_sessions = Table(
    "upload_sessions",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("user_id", String(64), nullable=False, index=True),
    Column("filename", String(255), nullable=False),
    Column("content_type", String(255), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("received", BigInteger, nullable=False),
    Column("state", String(12), nullable=False, default="open"),  # open|cancelled|finished
    Column("created_at", BigInteger, nullable=False),
    Column("expires_at", BigInteger, nullable=False, index=True),
)

users = Table(
    "users",
    metadata,
    Column("id", String(64), primary_key=True),  # the same id as the user's person record
    Column("username", String(150), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("display_name", String(255), nullable=False),
    Column("roles", String(255), nullable=False),  # space-separated role words
    Column("department_id", String(64)),
    Column("active", Boolean, nullable=False, default=True),
)

devices = Table(
    "devices",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", String(64), nullable=False),
    Column("device_id", String(128), nullable=False),
    Column("device_name", String(255), nullable=False),
    # Sealed with AES-GCM under server.key (server/device_secrets.py): 61 bytes.
    Column("secret", LargeBinary(64), nullable=False),
    Column("created_at", BigInteger, nullable=False),
    Column("last_seen_at", BigInteger, nullable=False),
    Column("revoked_at", BigInteger),
    Index("ux_devices_user_device", "user_id", "device_id", unique=True),
    Index("ix_devices_device_id", "device_id"),
)

logins = Table(
    "logins",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("user_id", String(64), nullable=False),
    Column("device_pk", Integer, nullable=False),
    Column("created_at", BigInteger, nullable=False),
    Column("revoked_at", BigInteger),
    Column("revoked_reason", String(32)),
)

tokens = Table(
    "tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),  # sha256 hex of the token
    Column("login_id", String(64), nullable=False, index=True),
    Column("kind", String(8), nullable=False),  # access | refresh
    Column("expires_at", BigInteger, nullable=False),
    Column("used_at", BigInteger),  # refresh tokens: when they were rotated
)

login_failures = Table(
    "login_failures",
    metadata,
    Column("username_key", String(150), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("window_start", BigInteger, nullable=False),
    Column("locked_until", BigInteger, nullable=False),
)

idempotency = Table(
    "idempotency",
    metadata,
    Column("user_id", String(64), primary_key=True),
    Column("key", String(128), primary_key=True),
    Column("request_hash", String(64), nullable=False),
    Column("state", String(12), nullable=False),  # in_flight | done
    Column("status_code", Integer),
    Column("response_body", Text),
    Column("created_at", BigInteger, nullable=False),
)

counters = Table(
    "counters",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

# A cursor below a collection's floor cannot be answered (its tombstones were pruned).
collection_floors = Table(
    "collection_floors",
    metadata,
    Column("collection", String(32), primary_key=True),
    Column("min_seq", BigInteger, nullable=False),
)


class Database:
    """An engine plus the two kinds of transaction the server uses."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        if self.is_sqlite:
            _make_sqlite_file_private(url)
            self.engine: Engine = create_engine(
                url,
                connect_args={"timeout": 60, "check_same_thread": False},
                pool_size=8,
                max_overflow=32,
            )
            _make_sqlite_transactions_explicit(self.engine)
        else:
            # Pinned rather than left to the server's default_transaction_isolation: the write
            # lock below serialises writers only if each statement after it takes a fresh
            # snapshot. Under REPEATABLE READ a writer would keep the snapshot of its first
            # statement, from before it waited, and fail or miss what its predecessor wrote.
            self.engine = create_engine(
                url,
                pool_size=8,
                max_overflow=32,
                pool_pre_ping=True,
                isolation_level="READ COMMITTED",
            )

    def create_schema(self) -> None:
        metadata.create_all(self.engine)
        self._add_missing_columns()
        with self.write() as conn:
            if conn.execute(text("SELECT value FROM counters WHERE name = 'seq'")).first() is None:
                conn.execute(counters.insert().values(name="seq", value=0))

    def _add_missing_columns(self) -> None:
        with self.engine.begin() as conn:
            for table, column, ddl in ADDED_COLUMNS:
                present = {c["name"] for c in inspect(conn).get_columns(table.name)}
                if column not in present:
                    conn.execute(text(f"ALTER TABLE {table.name} ADD COLUMN {column} {ddl}"))

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A consistent snapshot for everything the block reads."""
        with self.engine.connect() as conn:
            if not self.is_sqlite:
                # Dialect fork: a SQLite read transaction is one snapshot by nature (WAL),
                # and pysqlite refuses the name REPEATABLE READ; PostgreSQL's READ COMMITTED
                # would take a new snapshot per statement.
                conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A transaction that may write; it takes the one write lock at once."""
        with self.engine.connect().execution_options(intranet_write=True) as conn, conn.begin():
            # PostgreSQL: the write lock (see the module docstring). SQLite compiles no
            # FOR UPDATE, so there it is a cheap read under the lock BEGIN IMMEDIATE holds.
            conn.execute(select(counters.c.value).where(counters.c.name == "seq").with_for_update())
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()


def next_seq(conn: Connection, count: int = 1) -> int:
    """Reserve ``count`` sequence numbers; returns the first. Serialises writers."""
    row = conn.execute(
        text("UPDATE counters SET value = value + :n WHERE name = 'seq' RETURNING value"),
        {"n": count},
    ).one()
    last = int(row[0])
    return last - count + 1


def sqlite_url_for(data_dir: Path) -> str:
    return f"sqlite:///{(data_dir / 'intranet.sqlite3').as_posix()}"


def _make_sqlite_file_private(url: str) -> None:
    """Create the database file 0600 before SQLite opens it: SQLite gives its -wal and
    -shm files the database file's mode, so all three stay readable by the server only."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    make_private_file(Path(database), "-wal", "-shm", "-journal")


def _make_sqlite_transactions_explicit(engine: Engine) -> None:
    """pysqlite's implicit transactions cannot take the write lock up front; do it ourselves."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=60000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get("intranet_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")
