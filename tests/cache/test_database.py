"""The encrypted file itself: sqlite-utils on sqlcipher3, the key proof, refusals,
migrations, and nothing readable at rest."""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
import sqlite_utils.db

from cache import (
    CacheTooNew,
    PlaintextCacheRefused,
    ProfileNotFound,
    RecordStore,
    WrongKeyOrCorrupt,
    sqlcipher_compat,
)
from cache.database import SQLITE_HEADER, open_database
from cache.migrations import SCHEMA_VERSION, migrate, user_version
from cache.schema import Catalog
from cache.sqlcipher_compat import dbapi2

from .conftest import person


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


# --- sqlite-utils on sqlcipher3 ---------------------------------------------------------


def _exercise_sqlite_utils(db: sqlite_utils.Database) -> None:
    """Features sqlite-utils implements by catching OperationalError."""
    table = db["things"]
    table.insert({"id": 1, "name": "a"}, pk="id")
    table.insert({"id": 2, "name": "b", "colour": "red"}, alter=True)  # adds a column
    table.create_index(["name"], find_unique_name=True)
    table.create_index(["name"], find_unique_name=True)  # the name is taken: finds another
    db["missing"].drop(ignore=True)
    assert table.columns_dict["colour"] is str
    assert len(table.indexes) == 2


def test_the_compat_patch_is_applied_on_import() -> None:
    assert sqlcipher_compat.is_applied()
    assert sqlite_utils.db.OperationalError is dbapi2.OperationalError


def test_sqlite_utils_recovers_from_sqlcipher_errors(db: sqlite_utils.Database) -> None:
    _exercise_sqlite_utils(db)


def test_without_the_patch_sqlite_utils_breaks_on_sqlcipher(
    db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The test above would fail without the patch: undo it and watch it break."""
    monkeypatch.setattr(sqlite_utils.db, "sqlite3", sqlite3)
    monkeypatch.setattr(sqlite_utils.db, "OperationalError", sqlite3.OperationalError)
    with pytest.raises(dbapi2.OperationalError):
        _exercise_sqlite_utils(db)


# --- the key ----------------------------------------------------------------------------------


def _make_cache(catalog: Catalog, path: Path, key: bytes) -> None:
    db = open_database(path, key, create=True)
    RecordStore(db, catalog).apply_page("people", [person("p1", "Əliyev", "Rəşad")], [], "c1")
    db.close()


def test_wrong_key_is_a_clear_error_and_leaves_the_file_untouched(
    catalog: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "cache.db"
    _make_cache(catalog, path, secrets.token_bytes(32))
    before = _files(tmp_path)
    with pytest.raises(WrongKeyOrCorrupt, match="wrong key or damaged"):
        open_database(path, secrets.token_bytes(32))
    assert _files(tmp_path) == before


def test_corrupt_file_is_the_same_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    path.write_bytes(secrets.token_bytes(8192))
    before = _files(tmp_path)
    with pytest.raises(WrongKeyOrCorrupt):
        open_database(path, secrets.token_bytes(32))
    assert _files(tmp_path) == before


def test_the_right_key_opens_again(catalog: Catalog, tmp_path: Path) -> None:
    key = secrets.token_bytes(32)
    _make_cache(catalog, tmp_path / "cache.db", key)
    db = open_database(tmp_path / "cache.db", key)
    assert RecordStore(db, catalog).get("people", "p1") is not None
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_key_must_be_32_bytes(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        open_database(tmp_path / "cache.db", b"short", create=True)
    assert not (tmp_path / "cache.db").exists()


def test_missing_file_is_not_created_without_create(tmp_path: Path) -> None:
    with pytest.raises(ProfileNotFound):
        open_database(tmp_path / "cache.db", secrets.token_bytes(32))
    assert list(tmp_path.iterdir()) == []


# --- refusals ---------------------------------------------------------------------------------


def test_plaintext_sqlite_file_is_refused_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    plain = sqlite3.connect(path)
    plain.execute("CREATE TABLE secrets (x)")
    plain.execute("INSERT INTO secrets VALUES ('ministry data')")
    plain.commit()
    plain.close()
    before = _files(tmp_path)
    with pytest.raises(PlaintextCacheRefused):
        open_database(path, secrets.token_bytes(32), create=True)
    assert _files(tmp_path) == before


def test_cache_from_a_newer_app_is_refused_and_unchanged(catalog: Catalog, tmp_path: Path) -> None:
    path, key = tmp_path / "cache.db", secrets.token_bytes(32)
    _make_cache(catalog, path, key)
    db = open_database(path, key)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    before = _files(tmp_path)
    with pytest.raises(CacheTooNew) as raised:
        open_database(path, key)
    assert raised.value.found == SCHEMA_VERSION + 1
    assert _files(tmp_path) == before


# --- schema -------------------------------------------------------------------------------------


def test_schema_matches_spec(db: sqlite_utils.Database, catalog: Catalog) -> None:
    """Every collection has its spec's columns, the sync columns, and its FTS index."""
    assert user_version(db) == SCHEMA_VERSION
    for spec in catalog:
        columns = set(db[spec.name].columns_dict)
        expected = {"rid", "id", "version", "updated_at", "record", "sync_state"}
        expected |= {"sync_error", "conflict", *spec.column_names, *spec.derived_columns}
        assert columns == expected, spec.name
        assert db[spec.fts_table].exists() == spec.has_search
    assert {"collections_state", "outbox", "meta"} <= set(db.table_names())


def test_migrations_are_numbered_and_each_is_one_transaction(tmp_path: Path) -> None:
    db = open_database(tmp_path / "m.db", secrets.token_bytes(32), create=True)

    def add_table(database: sqlite_utils.Database) -> None:
        database.execute("CREATE TABLE extra (x)")

    def broken(database: sqlite_utils.Database) -> None:
        database.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("migration failed")

    steps = [lambda _db: None] * SCHEMA_VERSION + [add_table, broken]
    with pytest.raises(RuntimeError):
        migrate(db, steps)
    assert user_version(db) == SCHEMA_VERSION + 1  # the good step stays, whole
    assert db["extra"].exists()
    assert not db["half_done"].exists()
    assert migrate(db, steps[: SCHEMA_VERSION + 1]) == SCHEMA_VERSION + 1  # idempotent
    db.close()


# --- nothing readable at rest -------------------------------------------------------------------


def test_no_plaintext_in_any_file(catalog: Catalog, tmp_path: Path) -> None:
    folder = tmp_path / "profile"
    folder.mkdir()
    db = open_database(folder / "cache.db", secrets.token_bytes(32), create=True)
    secret_name, secret_mail = "Qəhrəmanova Zümrüd", "zumrud.qehremanova@health.gov.az"
    people = [person(f"p{i}", "Qəhrəmanova", "Zümrüd", email=secret_mail) for i in range(300)]
    RecordStore(db, catalog).apply_page("people", people, [], "cursor-1")
    db.execute("SELECT * FROM people").fetchall()

    def assert_unreadable() -> None:
        files = _files(folder)
        for name, data in files.items():
            assert not data.startswith(SQLITE_HEADER), name
            for needle in (secret_name, "Zümrüd", secret_mail, "qehremanova", "zumrud"):
                for encoding in ("utf-8", "utf-16-le"):
                    assert needle.encode(encoding) not in data, (name, needle, encoding)

    assert {"cache.db-wal", "cache.db-shm"} <= set(_files(folder))
    assert_unreadable()  # with the WAL and shared memory files live
    db.close()
    assert_unreadable()
