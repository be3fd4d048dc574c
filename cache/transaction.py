"""Every write to the cache runs in a transaction that commits or rolls back before
the call returns.

Two rules make that hold by construction (docs/cache.md, "Client: transactions and
file modes"):

- connections are in autocommit mode (``isolation_level = None``, set by
  ``database.open_database``): the sqlite3 module never opens a transaction by
  itself. In its default mode an ``UPDATE`` outside ``atomic()`` silently began
  one that nobody committed; every later ``atomic()`` became a savepoint inside
  it, and closing the connection threw all of it away (issue 7);
- a public method that writes is ``@transactional``: its statements commit
  together or not at all (a savepoint when the caller has a transaction open).

The only statements that open a transaction are in ``write_transaction`` (and
sqlite-utils' ``Database.atomic``, which it uses when nested): both are context
managers that commit on success and roll back on any error.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from typing import Concatenate, ParamSpec, Protocol, TypeVar

import sqlite_utils

__all__ = [
    "HasDatabase",
    "commits_before_returning",
    "is_transactional",
    "transactional",
    "write_transaction",
]


class HasDatabase(Protocol):
    """An object over one open cache (``RecordStore``, ``Outbox``, ``Meta``)."""

    @property
    def _db(self) -> sqlite_utils.Database: ...


_S = TypeVar("_S", bound=HasDatabase)
_P = ParamSpec("_P")
_R = TypeVar("_R")
_F = TypeVar("_F", bound=Callable[..., object])


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database, *, immediate: bool = False) -> Iterator[None]:
    """One transaction: committed when the block ends, rolled back if it raises.

    ``immediate`` takes the write lock first (``BEGIN IMMEDIATE``): in WAL mode a
    deferred transaction that has read cannot start writing once another
    connection (the UI's, a worker's) has committed meanwhile; SQLite answers
    "database is locked" at once, without waiting out the busy timeout. Taken
    first, the lock waits its turn and the reads see the newest data.

    Inside a caller's transaction it is a savepoint (``db.atomic()``): the
    commit is the caller's.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield
        return
    conn.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
    try:
        yield
    except BaseException:
        conn.rollback()  # nothing if an error already ended the transaction
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        conn.rollback()
        raise


def transactional(
    method: Callable[Concatenate[_S, _P], _R],
) -> Callable[Concatenate[_S, _P], _R]:
    """Run a method of an object over the cache (``self._db``) in one transaction,
    with the write lock taken first (they read, then write: see ``write_transaction``)."""

    @functools.wraps(method)
    def in_transaction(self: _S, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with write_transaction(self._db, immediate=True):
            return method(self, *args, **kwargs)

    return commits_before_returning(in_transaction)


def commits_before_returning(function: _F) -> _F:
    """Mark a writer that manages its own transactions with ``write_transaction``
    (a sync page with its cursor; search indexing in batches)."""
    function.__transactional__ = True  # type: ignore[attr-defined]
    return function


def is_transactional(function: object) -> bool:
    """Whether ``function`` was made ``@transactional`` (the tests check every writer)."""
    return getattr(function, "__transactional__", False) is True
