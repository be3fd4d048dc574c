"""The registries' online mode (server/registry_query.py) on a real server on loopback:
filtered, sorted keyset pages equal to the same view read from the rows in Python; the
personal-data rule and its access log; bad input refused with 422 and nothing logged;
the server's sort key is the client cache's, letter for letter."""

from __future__ import annotations

import json
import random
import sqlite3
from typing import Any

import pytest

from cache.folding import az_sort_key
from domains.registries.sql import folded_sql, sort_key_sql
from server import records
from server.registry_query import _Sql, ensure_row_indexes
from tests.server.conftest import World

WORDS = [
    "Şəki",
    "Səki",
    "Çay",
    "Cəlil",
    "İsmayıl",
    "Işıq",
    "ılıq",
    "Xaçmaz",
    "Hacı",
    "Quba",
    "Kür",
    "Ağdam",
    "Əli",
    "Ölçü",
    "Üzüm",
    "Zəfər",
    "aptek",
    "Aptek",
    "Göyçay",
    "Gəncə",
]


def add_rows(world: World) -> list[dict[str, Any]]:
    rng = random.Random(3)
    rows = [
        {
            "id": f"row-big-{i:03d}",
            "registry_id": "reg-open",
            "values": {
                "name": f"{rng.choice(WORDS)} {rng.choice(WORDS)}",
                "beds": rng.randint(0, 50),
                "opened": f"20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            },
        }
        for i in range(240)
    ]
    with world.db.write() as conn:
        records.bulk_insert(conn, "registry_rows", rows)
    return rows


def read_all(api: Any, registry: str, **params: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    after = None
    while True:
        query = {**params, "limit": 37, **({"after": after} if after else {})}
        answer = api.get(f"/registries/{registry}/rows", params=query)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        found += body["items"]
        if body["next"] is None:
            return found
        after = body["next"]


def test_sort_key_and_folding_are_the_clients() -> None:
    conn = sqlite3.connect(":memory:")
    server = _Sql(postgres=False)
    for word in WORDS + [w.upper() for w in WORDS]:
        assert (
            conn.execute(f"SELECT {server.sort_key('?')}", (word,)).fetchone()
            == conn.execute(f"SELECT {sort_key_sql('?')}", (word,)).fetchone()
        )
        assert (
            conn.execute(f"SELECT {server.folded('?')}", (word,)).fetchone()
            == conn.execute(f"SELECT {folded_sql('?')}", (word,)).fetchone()
        )


def test_pages_of_a_filtered_sorted_view(world: World) -> None:
    rows = add_rows(world)
    with world.db.write() as conn:
        ensure_row_indexes(conn, postgres=not world.db.is_sqlite)
    api = world.sign_in("staff")
    filters = [{"column": "name", "kind": "text", "text": "seki", "mode": "contains"}]
    got = read_all(api, "reg-open", filters=json.dumps(filters), sort="name", descending=True)
    wanted = sorted(
        (
            r
            for r in rows
            if "şəki" in r["values"]["name"].lower() or "səki" in r["values"]["name"].lower()
        ),
        key=lambda r: (az_sort_key(r["values"]["name"]), r["id"]),
        reverse=True,
    )
    assert [az_sort_key(r["values"]["name"]) for r in got] == [
        az_sort_key(r["values"]["name"]) for r in wanted
    ]
    assert {r["id"] for r in got} == {r["id"] for r in wanted}
    assert len(got) > 37


def test_personal_data_is_refused_to_staff_and_logged_for_analysts(world: World) -> None:
    staff = world.sign_in("staff")
    listed = {r["id"]: r for r in staff.get("/registries").json()}
    assert listed["reg-personal"]["readable"] is False
    assert listed["reg-personal"]["columns"] == []
    assert listed["reg-open"]["readable"] is True
    assert staff.get("/registries/reg-personal/rows").status_code == 403
    analyst = world.sign_in("analyst")
    page = analyst.get("/registries/reg-personal/rows", params={"limit": 1}).json()
    assert len(page["items"]) == 1
    analyst.get("/registries/reg-open/rows")  # not personal data: not logged
    assert staff.get("/admin/registry-access-log").status_code == 403
    admin = world.sign_in("admin")
    log = admin.get("/admin/registry-access-log").json()
    assert [(e["registry_id"], e["rows"]) for e in log] == [("reg-personal", 1)]
    assert log[0]["user_id"] == "p-analyst"


@pytest.mark.parametrize(
    "params",
    [
        {"filters": "not json"},
        {"filters": json.dumps({"column": "name"})},
        {"filters": json.dumps([{"column": "nope", "kind": "text", "text": "x"}])},
        {"filters": json.dumps([{"column": "name", "kind": "magic"}])},
        {"sort": "nope"},
        {"after": "!!!"},
        {"limit": 0},
    ],
)
def test_bad_input_is_refused(world: World, params: dict[str, Any]) -> None:
    api = world.sign_in("analyst")
    assert api.get("/registries/reg-personal/rows", params=params).status_code == 422
    admin = world.sign_in("admin")
    assert admin.get("/admin/registry-access-log").json() == []


def test_sql_typed_into_a_filter_is_text(world: World) -> None:
    api = world.sign_in("staff")
    filters = [{"column": "name", "kind": "text", "text": "'); DROP TABLE registry_rows; --"}]
    answer = api.get("/registries/reg-open/rows", params={"filters": json.dumps(filters)})
    assert answer.status_code == 200 and answer.json()["items"] == []
    assert len(read_all(api, "reg-open")) == 3
