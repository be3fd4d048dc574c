"""``UpdateContactDetails``: the server's rules checked locally, the PATCH it plans, and
the write path that stores it (``domains.writes.apply_command``) on a real cache."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from cache import Outbox, RecordStore, SyncState
from cache.changes import ChangeSource
from cache.database import open_database
from domains.catalog import CATALOG
from domains.command import CommandRefused
from domains.directory.commands import UpdateContactDetails
from domains.writes import apply_command

OWNER = {"id": "p-1", "roles": ["staff"]}
ADMIN = {"id": "p-9", "roles": ["staff", "admin"]}


def person(person_id: str, version: int = 3, **fields: object) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": person_id,
        "version": version,
        "updated_at": "2026-03-02T09:30:00+04:00",
        "full_name": "Əliyev Vüqar",
        "given_name": "Vüqar",
        "family_name": "Əliyev",
        "patronymic": "",
        "position": "Mütəxəssis",
        "department_id": "dep-1",
        "manager_id": None,
        "email": f"{person_id}@health.gov.az",
        "phone": "+994 12 555 01 01",
        "mobile": "+994 50 555 01 01",
        "office": "204",
        "photo_url": None,
    }
    record.update(fields)
    return record


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite_utils.Database]:
    database = open_database(tmp_path / "cache.db", secrets.token_bytes(32), create=True)
    RecordStore(database, CATALOG).apply_page("people", [person("p-1"), person("p-2")], [], "c1")
    yield database
    database.close()


def codes(refused: pytest.ExceptionInfo[CommandRefused]) -> set[tuple[str, str]]:
    return {(p.field, p.code) for p in refused.value.problems}


def unchanged_cache(db: sqlite_utils.Database) -> None:
    assert Outbox(db, CATALOG).all() == []
    stored = RecordStore(db, CATALOG).get("people", "p-1")
    assert stored is not None and stored.sync_state is SyncState.SYNCED
    assert stored.record == person("p-1")


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"phone": ""}, ("phone", "empty")),
        ({"phone": "   "}, ("phone", "empty")),
        ({"phone": "1" * 33}, ("phone", "too_long")),
        ({"mobile": "5" * 300}, ("mobile", "too_long")),
        ({"office": "x" * 65}, ("office", "too_long")),
        ({"phone": "12-34 ext. 5"}, ("phone", "invalid_characters")),
        ({"mobile": "+994\u202e50"}, ("mobile", "invalid_characters")),
        ({"office": "Otaq\u0007 12"}, ("office", "invalid_characters")),
        ({"office": "Otaq\u2067 12"}, ("office", "invalid_characters")),
        ({"office": "Otaq\n12"}, ("office", "invalid_characters")),
        ({"phone": "+ ( ) -"}, ("phone", "no_digit")),
    ],
)
def test_bad_input_is_refused_and_nothing_is_queued(
    db: sqlite_utils.Database, fields: dict[str, str], expected: tuple[str, str]
) -> None:
    command = UpdateContactDetails(
        "p-1", fields.get("phone"), fields.get("mobile"), fields.get("office"), OWNER
    )
    with pytest.raises(CommandRefused) as refused:
        apply_command(db, command)
    assert codes(refused) == {expected}
    unchanged_cache(db)


def test_every_bad_field_is_named_at_once(db: sqlite_utils.Database) -> None:
    command = UpdateContactDetails("p-1", "", "x", "y" * 65, OWNER)
    with pytest.raises(CommandRefused) as refused:
        command.plan(db)
    assert codes(refused) == {
        ("phone", "empty"),
        ("mobile", "invalid_characters"),
        ("office", "too_long"),
    }


def test_limits_count_after_trimming(db: sqlite_utils.Database) -> None:
    write = UpdateContactDetails("p-1", "  " + "1" * 32 + "  ", None, " " + "o" * 64, OWNER)
    planned = write.plan(db)
    assert planned.body == {"phone": "1" * 32, "office": "o" * 64}


def test_another_persons_card_is_refused_unless_admin(db: sqlite_utils.Database) -> None:
    with pytest.raises(CommandRefused) as refused:
        apply_command(db, UpdateContactDetails("p-1", "12 34", None, None, {"id": "p-2"}))
    assert codes(refused) == {("person", "forbidden")}
    unchanged_cache(db)
    applied = apply_command(db, UpdateContactDetails("p-1", "12 34", None, None, ADMIN))
    assert applied.write.record["phone"] == "12 34"


def test_a_person_not_in_the_cache_is_refused(db: sqlite_utils.Database) -> None:
    admin = UpdateContactDetails("p-404", "12 34", None, None, ADMIN)
    with pytest.raises(CommandRefused) as refused:
        apply_command(db, admin)
    assert codes(refused) == {("person", "gone")}
    assert Outbox(db, CATALOG).all() == []


def test_nothing_new_is_not_queued(db: sqlite_utils.Database) -> None:
    with pytest.raises(CommandRefused) as refused:
        apply_command(db, UpdateContactDetails("p-1", " +994 12 555 01 01 ", None, "204", OWNER))
    assert codes(refused) == {("person", "unchanged")}
    unchanged_cache(db)


def test_the_plan_is_a_patch_over_the_cached_version(db: sqlite_utils.Database) -> None:
    planned = UpdateContactDetails("p-1", None, "", " Otaq 12 ", OWNER).plan(db)
    assert planned.method == "PATCH"
    assert planned.path == "/people/p-1"
    assert planned.if_match == 3
    assert planned.body == {"mobile": "", "office": "Otaq 12"}
    assert planned.collection == "people"
    # The optimistic card: "" removes, as the server stores it (null).
    assert planned.record == {**person("p-1"), "mobile": None, "office": "Otaq 12"}


def test_apply_stores_the_optimistic_card_and_its_entry_together(
    db: sqlite_utils.Database,
) -> None:
    applied = apply_command(db, UpdateContactDetails("p-1", "12 34 56", None, None, OWNER))
    stored = RecordStore(db, CATALOG).get("people", "p-1")
    assert stored is not None and stored.sync_state is SyncState.PENDING
    assert stored.record["phone"] == "12 34 56" and stored.version == 3
    [entry] = Outbox(db, CATALOG).all()
    assert entry == applied.entry
    assert (entry.method, entry.path, entry.if_match) == ("PATCH", "/people/p-1", 3)
    assert entry.body == {"phone": "12 34 56"}
    assert applied.changes.source is ChangeSource.LOCAL_WRITE
    assert applied.changes.ids("people") == {"p-1"}
    # The server's card it builds on is kept, for a discard.
    assert Outbox(db, CATALOG).base("people", "p-1") == (True, person("p-1"))
