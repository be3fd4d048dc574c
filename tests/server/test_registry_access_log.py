"""The personal-data access log (``registry_access_log``) on a real server on loopback:
rows of a personal-data registry taken offline by a sync are logged as copies, page by
page, beside the rows read online; nothing else is; a database made before the log
said how rows were read gains the column and keeps its entries."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from server.db import Database
from tests.server.conftest import World, fresh_database_url


def logged(world: World) -> list[tuple[str, str, int, str]]:
    """(user, registry, rows, kind), oldest first."""
    entries = world.sign_in("admin").get("/admin/registry-access-log").json()
    return [(e["user_id"], e["registry_id"], e["rows"], e["kind"]) for e in reversed(entries)]


def test_a_personal_registry_taken_offline_is_logged_page_by_page_as_a_copy(
    world: World,
) -> None:
    analyst = world.sign_in("analyst")
    rows, _, cursor = analyst.sync_all("registry_rows", registry="reg-personal", limit=1)
    assert len(rows) == 2
    assert logged(world) == [
        ("p-analyst", "reg-personal", 1, "copy"),
        ("p-analyst", "reg-personal", 1, "copy"),
    ]
    # Nothing new since: the next sync sends no row and logs nothing.
    again, _, _ = analyst.sync_all("registry_rows", registry="reg-personal", since=cursor)
    assert again == {}
    # Rows without personal data are not logged, offline or online.
    assert analyst.sync_all("registry_rows", registry="reg-open")[0]
    assert analyst.get("/registries/reg-open/rows").status_code == 200
    # Read online, the same registry is logged as a read.
    page = analyst.get("/registries/reg-personal/rows", params={"limit": 2}).json()
    assert len(page["items"]) == 2
    assert logged(world)[2:] == [("p-analyst", "reg-personal", 2, "read")]


def test_a_refused_sync_of_a_personal_registry_logs_nothing(world: World) -> None:
    staff = world.sign_in("staff")
    denied = staff.get("/sync/registry_rows", params={"registry": "reg-personal"})
    assert denied.status_code == 403
    assert logged(world) == []


def test_a_log_made_before_its_kind_column_gains_it_and_keeps_its_entries(
    tmp_path: Path,
) -> None:
    with fresh_database_url(tmp_path) as url:
        old = Database(url)
        try:
            with old.engine.begin() as conn:  # the table as it was made before
                conn.execute(
                    text(
                        "CREATE TABLE registry_access_log (id INTEGER PRIMARY KEY, "
                        "user_id VARCHAR(64) NOT NULL, registry_id VARCHAR(64) NOT NULL, "
                        "at TIMESTAMP NOT NULL, rows INTEGER NOT NULL)"
                    )
                )
                conn.execute(
                    text(
                        "INSERT INTO registry_access_log (id, user_id, registry_id, at, rows) "
                        "VALUES (1, 'p-analyst', 'reg-personal', '2026-11-30 10:00:00', 50)"
                    )
                )
        finally:
            old.dispose()
        upgraded = Database(url)
        try:
            upgraded.create_schema()
            upgraded.create_schema()  # a second start finds the column there
            with upgraded.read() as conn:
                rows = conn.execute(
                    text("SELECT user_id, rows, kind FROM registry_access_log")
                ).all()
            assert [tuple(r) for r in rows] == [("p-analyst", 50, "read")]
        finally:
            upgraded.dispose()
