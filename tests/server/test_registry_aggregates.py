"""The online mode's aggregates (server/registry_query.py): the exact count of a view,
a pick list's counts, the ATC tree's levels, and the page at an offset (a scroll-bar
jump). Each equals a plain reading of the rows in Python (the client cache's answers on
the same registry are compared in tests/client/test_online_aggregates.py); access as
the rows' (403, 404, 422); nothing in the personal-data access log."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest
from sqlalchemy import text

from cache.folding import az_fold, az_sort_key
from cache.search import query_terms
from server import records
from server.registry_query import ensure_row_indexes
from tests.server.conftest import World
from tests.server.test_registry_query import (
    CYRILLIC_ROWS,
    VIEWS,
    add_rows,
    plain_reading,
    read_all,
    widen,
)

KINDS = ["Əczaxana", "Klinika", "aptek", "Xəstəxana", "İnstitut", "Qadın məsləhətxanası"]
ATC = ["A02BC01", "A02BC05", "A02BA03", "a10ba02", "N02BE01", "J01CA04", "L01XE01", "B01AC06"]


def with_kinds_and_atc(world: World) -> list[dict[str, Any]]:
    """reg-open with an enum column (values not in its description among them) and ATC
    codes (some missing, one in lower case, one too short for the deeper levels)."""
    rows = add_rows(world)
    widen(world)
    # The server's own builder first: two builds at once deadlock on PostgreSQL (its
    # CREATE INDEX CONCURRENTLY waits for this transaction, this one for its lock).
    assert world.server.app.state.registry_indexes.wait(60)
    with world.db.write() as conn:
        body = json.loads(
            conn.execute(text("SELECT body FROM registries WHERE id = 'reg-open'")).scalar_one()
        )
        body["columns"] += [
            {"key": "kind", "label": "Növ", "type": "enum", "filterable": True,
             "options": KINDS[:3]},
            {"key": "atc_code", "label": "ATC", "type": "text", "filterable": True},
        ]  # fmt: skip
        conn.execute(
            text("UPDATE registries SET body = :body WHERE id = 'reg-open'"),
            {"body": json.dumps(body)},
        )
        extra = [
            {
                "id": f"row-kind-{i:03d}",
                "registry_id": "reg-open",
                "values": {
                    "name": f"Yer {i}",
                    **({"kind": KINDS[i % len(KINDS)]} if i % 7 else {}),
                    **({"atc_code": ATC[i % len(ATC)]} if i % 5 else {"atc_code": "A0"}),
                },
            }
            for i in range(90)
        ]
        records.bulk_insert(conn, "registry_rows", extra)
        ensure_row_indexes(conn, postgres=not world.db.is_sqlite)
    return rows + extra


@pytest.mark.parametrize("view", range(len(VIEWS)))
def test_the_count_of_every_view_is_its_rows(world: World, view: int) -> None:
    rows = with_kinds_and_atc(world)
    filters, test, sort, descending = VIEWS[view]
    api = world.sign_in("staff")
    answer = api.get("/registries/reg-open/count", params={"filters": json.dumps(filters)})
    assert answer.status_code == 200, answer.text
    drugs = [{"id": f"row-open-{i}", "values": {"name": f"Drug {i}"}} for i in range(3)]
    wanted = plain_reading(drugs + rows, test, sort, descending)
    assert answer.json() == {"count": len(wanted)}
    assert len(read_all(api, "reg-open", filters=json.dumps(filters))) == len(wanted)


def test_a_range_with_only_a_high_bound_leaves_out_rows_without_a_value(world: World) -> None:
    """As the cache: a row without a number is in no range (its order is the lowest)."""
    with_kinds_and_atc(world)
    api = world.sign_in("staff")
    filters = json.dumps([{"column": "beds", "kind": "range", "high": 10}])
    ids = {r["id"] for r in read_all(api, "reg-open", filters=filters)}
    assert ids and not ids & {"row-open-0", "row-open-1", "row-open-2", "row-kind-001"}
    count = api.get("/registries/reg-open/count", params={"filters": filters}).json()["count"]
    assert count == len(ids)


def test_the_count_with_free_search(world: World) -> None:
    rows = with_kinds_and_atc(world)
    api = world.sign_in("staff")
    answer = api.get("/registries/reg-open/count", params={"search": "YER"}).json()
    assert answer["count"] == len(read_all(api, "reg-open", search="YER"))
    assert answer["count"] == sum(1 for r in rows if r["values"]["name"].startswith("Yer "))


def test_a_pick_list_counts_every_value_in_alphabet_order(world: World) -> None:
    rows = with_kinds_and_atc(world)
    api = world.sign_in("staff")
    answer = api.get("/registries/reg-open/choices", params={"column": "kind"})
    assert answer.status_code == 200, answer.text
    counted = Counter(
        r["values"].get("kind", "") for r in rows + [{"values": {}} for _drug in range(3)]
    )
    wanted = sorted(counted.items(), key=lambda item: az_sort_key(item[0]))
    assert [(c["value"], c["count"]) for c in answer.json()] == wanted
    assert {"Xəstəxana", "İnstitut"} <= {c["value"] for c in answer.json()}  # not described


@pytest.mark.parametrize("parent", ["", "A", "a02", "A02B", "A02BC", "A02BC01", "Z"])
def test_the_atc_levels_count_their_rows(world: World, parent: str) -> None:
    rows = with_kinds_and_atc(world)
    api = world.sign_in("staff")
    answer = api.get("/registries/reg-open/atc", params={"parent": parent})
    assert answer.status_code == 200, answer.text
    deeper = [n for n in (1, 3, 4, 5, 7) if n > len(parent)]
    codes = [r["values"].get("atc_code", "").upper() for r in rows]
    wanted: Counter[str] = Counter(
        code[: deeper[0]]
        for code in codes
        if deeper and code.startswith(parent.upper()) and len(code) >= deeper[0]
    )
    assert [(g["code"], g["count"]) for g in answer.json()] == sorted(wanted.items())
    if parent == "":
        assert [g["code"] for g in answer.json()] == ["A", "B", "J", "L", "N"]


def test_a_page_at_an_offset_is_that_stretch_of_the_view(world: World) -> None:
    with_kinds_and_atc(world)
    api = world.sign_in("staff")
    for params in ({"sort": "name", "descending": True}, {}, {"sort": "beds"}):
        every = read_all(api, "reg-open", **params)
        page = api.get(
            "/registries/reg-open/rows", params={**params, "offset": 150, "limit": 40}
        ).json()
        assert [r["id"] for r in page["items"]] == [r["id"] for r in every[150:190]]
        following = api.get(
            "/registries/reg-open/rows", params={**params, "after": page["next"], "limit": 40}
        ).json()
        assert [r["id"] for r in following["items"]] == [r["id"] for r in every[190:230]]
    beyond = api.get("/registries/reg-open/rows", params={"offset": 10_000}).json()
    assert beyond == {"items": [], "next": None}


def test_aggregates_follow_the_rows_access_rules_and_are_not_logged(world: World) -> None:
    with_kinds_and_atc(world)
    staff = world.sign_in("staff")
    for path in ("count", "choices?column=name", "atc"):
        assert staff.get(f"/registries/reg-personal/{path}").status_code == 403
        assert staff.get(f"/registries/reg-nope/{path}").status_code == 404
    analyst = world.sign_in("analyst")
    assert analyst.get("/registries/reg-personal/count").json() == {"count": 2}
    admin = world.sign_in("admin")
    assert admin.get("/admin/registry-access-log").json() == []


@pytest.mark.parametrize(
    "path",
    [
        "count?filters=not%20json",
        "count?filters=" + json.dumps([{"column": "nope", "kind": "text", "text": "x"}]),
        "count?filters=" + json.dumps([{"column": "beds", "kind": "range", "low": "many"}]),
        "choices?column=nope",
        "choices?column=name",  # text, not enum
        "choices",
        "atc?parent=A%25",
        "atc?parent=A02BC01X",
    ],
)
def test_bad_aggregate_input_is_refused(world: World, path: str) -> None:
    with_kinds_and_atc(world)
    assert world.sign_in("staff").get(f"/registries/reg-open/{path}").status_code == 422


def test_a_registry_without_atc_codes_has_no_tree(world: World) -> None:
    analyst = world.sign_in("analyst")
    assert analyst.get("/registries/reg-personal/atc").status_code == 422


@pytest.mark.parametrize(
    "needle",
    ["seki", "Şə", "ŞƏKİ", "i", "I", "İs", "ı", "q", "x", "ə", "ç", "Ağd", "Kür", "Hacı", "z", "a"],
)
def test_the_count_of_starts_with_is_its_rows(world: World, needle: str) -> None:
    """The count bounds "starts with" by a range of the order's index: it must hold every
    row the folded test matches (each Azerbaijani letter, upper and lower case)."""
    rows = with_kinds_and_atc(world)
    api = world.sign_in("staff")
    filters = json.dumps([{"column": "name", "kind": "text", "text": needle, "mode": "starts"}])
    count = api.get("/registries/reg-open/count", params={"filters": filters}).json()["count"]
    wanted = [r for r in rows if az_fold(r["values"]["name"]).startswith(az_fold(needle))]
    assert count == len(read_all(api, "reg-open", filters=filters)) == len(wanted)
    if needle in ("seki", "ə", "Hacı"):
        assert wanted


def test_the_count_of_a_cyrillic_search_is_its_rows(world: World) -> None:
    """The count takes the search's spellings as the pages do: `азербайджан` counts the
    rows it finds, not the rows that hold the Cyrillic letters (none)."""
    with world.db.write() as conn:
        records.bulk_insert(conn, "registry_rows", CYRILLIC_ROWS)
    api = world.sign_in("staff")
    terms = json.dumps(query_terms("азербайджан"))
    params = {"search": "азербайджан", "search_terms": terms}
    count = api.get("/registries/reg-open/count", params=params).json()["count"]
    assert count == len(read_all(api, "reg-open", **params)) == 1
