"""The registry query's indexes are built after start-up, in the background, and the
server answers while one builds (server/registry_indexes.py); on SQLite and, with
scripts/test-postgres, on PostgreSQL."""

from __future__ import annotations

import json
import threading

from sqlalchemy import text

from server import records
from server.registry_indexes import RegistryIndexBuilder, existing_indexes
from server.registry_query import index_statements, statistics_statements
from tests.server.conftest import World


def add_wide_registry(world: World) -> None:
    with world.db.write() as conn:
        records.bulk_insert(
            conn,
            "registries",
            [
                {
                    "id": "reg-wide",
                    "code": "wide",
                    "name": "Geniş",
                    "description": "",
                    "columns": [
                        {"key": "opened", "label": "Açılış", "type": "date"},
                        {"key": "name", "label": "Ad", "type": "text", "filterable": True},
                        {"key": "beds", "label": "Çarpayı", "type": "integer", "filterable": True},
                    ],
                    "row_count": 0,
                    "personal_data": False,
                }
            ],
        )


def wanted(world: World) -> list[str]:
    with world.db.read() as conn:
        return [name for name, _sql in index_statements(conn, not world.db.is_sqlite)]


def test_the_server_builds_the_query_indexes_after_start(world: World) -> None:
    builder = world.server.app.state.registry_indexes
    assert builder.wait(60)
    names = wanted(world)
    assert names  # the world's registries have columns
    valid, invalid = existing_indexes(world.db)
    assert set(names) <= valid and not invalid
    # Resumable: what exists is skipped.
    assert RegistryIndexBuilder(world.db).build_missing() == []


def test_the_server_answers_while_an_index_builds(world: World) -> None:
    assert world.server.app.state.registry_indexes.wait(60)
    names = wanted(world)
    with world.db.write() as conn:
        for name in names:
            conn.execute(text(f'DROP INDEX "{name}"'))
    api = world.sign_in("staff")  # signing in writes: before the build holds the lock
    building, release = threading.Event(), threading.Event()

    def hold(_name: str) -> None:
        building.set()
        release.wait(30)

    builder = RegistryIndexBuilder(world.db, on_building=hold).start()
    try:
        assert building.wait(30)
        filters = [{"column": "name", "kind": "text", "text": "drug", "mode": "starts"}]
        answer = api.get(
            "/registries/reg-open/rows",
            params={"filters": json.dumps(filters), "sort": "name", "descending": True},
        )
        assert answer.status_code == 200, answer.text
        assert [r["id"] for r in answer.json()["items"]] == [
            "row-open-2",
            "row-open-1",
            "row-open-0",
        ]
        assert not set(names) & existing_indexes(world.db)[0]
    finally:
        release.set()
    assert builder.wait(60)
    assert builder.built == names
    assert set(names) <= existing_indexes(world.db)[0]


def test_filterable_columns_come_first(world: World) -> None:
    add_wide_registry(world)
    with world.db.read() as conn:
        statements = [sql for _name, sql in index_statements(conn, not world.db.is_sqlite)]
    assert ['"name"' in s or "'name'" in s for s in statements] == [True, False, False]
    assert "beds" in statements[1] and "opened" in statements[2]


def test_a_stopped_build_resumes_where_it_stopped(world: World) -> None:
    assert world.server.app.state.registry_indexes.wait(60)
    add_wide_registry(world)
    names = wanted(world)
    assert len(names) == 3
    valid = existing_indexes(world.db)[0]
    with world.db.write() as conn:
        for name in set(names) & valid:
            conn.execute(text(f'DROP INDEX "{name}"'))
    holding, release = threading.Event(), threading.Event()

    def hold(name: str) -> None:
        if name == names[1]:
            holding.set()
            release.wait(30)

    builder = RegistryIndexBuilder(world.db, on_building=hold).start()
    assert holding.wait(30)
    stopping = threading.Thread(target=builder.stop, kwargs={"timeout": 30})
    stopping.start()
    release.set()
    stopping.join()
    assert not builder.wait(0)  # stopped before the end
    valid = existing_indexes(world.db)[0]
    # The first was built; the one under way when stopped may or may not have been
    # (an interrupt); the third never started.
    assert names[0] in valid and names[2] not in valid
    resumed = RegistryIndexBuilder(world.db).build_missing()
    assert names[0] not in resumed and names[2] in resumed
    assert set(names) <= existing_indexes(world.db)[0]


def test_postgresql_gets_the_expressions_statistics(world: World) -> None:
    """The planner reads no statistics from partial indexes' expressions: without these it
    guessed a range matching most rows at 0.5 % and sorted their set (seconds a page)."""
    builder = world.server.app.state.registry_indexes
    assert builder.wait(60)
    if world.db.is_sqlite:  # SQLite's ANALYZE reads the partial indexes themselves
        assert builder.statistics == []
        return
    with world.db.read() as conn:
        names = [name for name, _sql in statistics_statements(conn)]
        analysed = set(
            conn.execute(
                text(
                    "SELECT statistics_name FROM pg_stats_ext_exprs "
                    "WHERE schemaname = current_schema() AND most_common_vals IS NOT NULL "
                    "OR histogram_bounds IS NOT NULL AND schemaname = current_schema()"
                )
            ).scalars()
        )
    assert names and sorted(builder.statistics) == sorted(names)
    assert set(names) <= analysed
    assert RegistryIndexBuilder(world.db).build_missing() == []  # nothing created twice
