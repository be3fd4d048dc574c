"""The user's decisions on a conflicted change (``domains.writes``), on a real cache:
keep mine, take theirs, edit; each in one transaction, each announced."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from cache import Outbox, OutboxState, RecordStore, SyncState
from cache.changes import Changes, ChangeSource
from cache.database import open_database
from domains.catalog import CATALOG
from domains.command import CommandRefused
from domains.directory.commands import UpdateContactDetails
from domains.writes import apply_command, edit_and_keep, keep_mine, take_theirs
from tests.domains.directory.test_commands import OWNER, person

ANNOUNCED = Changes.of(ChangeSource.LOCAL_WRITE, "people", ["p-1"])


@pytest.fixture
def conflicted(tmp_path: Path) -> Iterator[sqlite_utils.Database]:
    """p-1's phone changed here over version 3; the server's card is now version 4."""
    db = open_database(tmp_path / "cache.db", secrets.token_bytes(32), create=True)
    RecordStore(db, CATALOG).apply_page("people", [person("p-1")], [], "c1")
    applied = apply_command(db, UpdateContactDetails("p-1", "11 11", None, None, OWNER))
    Outbox(db, CATALOG).mark_conflict(applied.entry.id, person("p-1", version=4, office="Otaq 9"))
    yield db
    db.close()


def test_keep_mine_sends_it_again_over_the_servers_version(
    conflicted: sqlite_utils.Database,
) -> None:
    assert keep_mine(conflicted, "people", "p-1") == ANNOUNCED
    [entry] = Outbox(conflicted, CATALOG).pending()
    assert entry.state is OutboxState.PENDING and entry.if_match == 4
    stored = RecordStore(conflicted, CATALOG).get("people", "p-1")
    assert stored is not None and stored.sync_state is SyncState.PENDING
    assert stored.record["phone"] == "11 11" and stored.conflict is None


def test_take_theirs_drops_mine(conflicted: sqlite_utils.Database) -> None:
    assert take_theirs(conflicted, "people", "p-1") == ANNOUNCED
    assert Outbox(conflicted, CATALOG).all() == []
    stored = RecordStore(conflicted, CATALOG).get("people", "p-1")
    assert stored is not None and stored.sync_state is SyncState.SYNCED
    assert stored.record == person("p-1", version=4, office="Otaq 9")


def test_edit_replaces_mine_with_the_edit_over_the_servers_version(
    conflicted: sqlite_utils.Database,
) -> None:
    edit = UpdateContactDetails("p-1", "22 22", None, "Otaq 9", OWNER)
    applied = edit_and_keep(conflicted, "people", "p-1", edit)
    assert applied.changes == ANNOUNCED
    [entry] = Outbox(conflicted, CATALOG).all()
    assert entry.state is OutboxState.PENDING and entry.if_match == 4
    assert entry.body == {"phone": "22 22", "office": "Otaq 9"}
    stored = RecordStore(conflicted, CATALOG).get("people", "p-1")
    assert stored is not None and stored.record["phone"] == "22 22"


def test_a_refused_edit_leaves_the_conflict_as_it_was(conflicted: sqlite_utils.Database) -> None:
    before = Outbox(conflicted, CATALOG).waiting()
    with pytest.raises(CommandRefused):
        edit_and_keep(
            conflicted, "people", "p-1", UpdateContactDetails("p-1", "", None, None, OWNER)
        )
    assert Outbox(conflicted, CATALOG).waiting() == before
