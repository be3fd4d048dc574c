"""What a command is: a local write that the outbox carries to the server.

A tab never writes the cache itself. It builds a command (``domains.<domain>.commands``)
and hands it to ``writes.apply(command)`` (``ui/writes.py``), which, on a worker and in
one transaction, asks the command for its ``LocalWrite`` (reading the current record,
refusing bad input with ``CommandRefused``), stores the optimistic record, queues the
request in the outbox, and then announces the ``Changes``, updates the status bar's count
and asks the sync to push soon.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import sqlite_utils

__all__ = ["Command", "CommandBatch", "CommandRefused", "FieldProblem", "LocalWrite"]


@dataclass(frozen=True)
class FieldProblem:
    """Why one field was refused, as a code the UI words in the user's language:
    ``empty``, ``too_long`` (``limit`` characters), ``invalid_characters``, ``forbidden``
    (this user may not change it), ``gone`` (the record no longer exists)."""

    field: str
    code: str
    limit: int | None = None


class CommandRefused(ValueError):
    """A command refused locally: nothing was written or queued."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__(", ".join(f"{p.field}: {p.code}" for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class LocalWrite:
    """The optimistic record and the request that carries it to the server.

    ``if_match``: the server version the change builds on (None for a create).
    ``content_ref``: the encrypted file the request carries (an upload), for the sync's
    content opener; None for a plain JSON request.
    """

    collection: str
    record: Mapping[str, Any]
    method: str
    path: str
    body: Any
    if_match: int | None
    content_ref: str | None = None


class Command(Protocol):
    """A user's change, checked and planned against the cache as it is now."""

    def plan(self, db: sqlite_utils.Database) -> LocalWrite:
        """Runs inside the write transaction; raises ``CommandRefused`` for bad input."""
        ...


class CommandBatch(Command, Protocol):
    """A user's action that queues several records at once (a recurring booking's
    occurrences): all of them in the one transaction, or none."""

    def plan_all(self, db: sqlite_utils.Database) -> Sequence[LocalWrite]:
        """Runs inside the write transaction; raises ``CommandRefused`` for bad input."""
        ...
