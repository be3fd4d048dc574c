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
from sqlalchemy import text

from cache.folding import az_fold, az_search_text, az_sort_key, az_words
from cache.search import query_terms
from cache.transliteration import cyrillic_spellings
from domains.registries.sql import folded_sql, sort_key_sql
from server import records, registry_query
from server.registry_query import _Sql, _starts_bounds, ensure_row_indexes
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


def test_a_starts_with_bounds_the_sort_key_of_every_match() -> None:
    """The range a "starts with" on the sorted column adds holds every value whose folded
    text starts with what was typed (so the rows are the same), and is narrower than
    the whole order (so the first page does not walk it from the start)."""
    conn = sqlite3.connect(":memory:")
    server = _Sql(postgres=False)
    values = WORDS + [w.upper() for w in WORDS] + ["Məmmədova", "Memmedov", "mamed", "İsa"]

    def keys(text: str) -> tuple[str, str]:
        row = conn.execute(f"SELECT {server.folded('?')}, {server.sort_key('?')}", (text, text))
        folded, key = row.fetchone()
        return folded, key

    typed = {word[:length] for word in values for length in range(1, len(word) + 1)}
    typed |= {t.upper() for t in typed} | {t.lower() for t in typed} | {"Dr ", "q-1", "Ж"}
    narrowed = 0
    for needle in sorted(typed):
        bounds = _starts_bounds(needle)
        narrowed += bounds is not None
        for value in values:
            if bounds is not None and keys(value)[0].startswith(keys(needle)[0]):
                assert bounds[0] <= keys(value)[1] < bounds[1], (needle, value, bounds)
    low, high = _starts_bounds("məm") or ("", "")
    assert low == "mem" and high.startswith("me\x7fm")
    assert _starts_bounds("Ж") is None
    assert narrowed > len(typed) / 2


def test_pages_of_a_filtered_sorted_view(world: World) -> None:
    rows = add_rows(world)
    # The server's own builder first: two builds at once deadlock on PostgreSQL (its
    # CREATE INDEX CONCURRENTLY waits for this transaction, this one for its lock).
    assert world.server.app.state.registry_indexes.wait(60)
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


def widen(world: World) -> None:
    """reg-open described with its number and date columns too."""
    columns = [
        {"key": "name", "label": "Ad", "type": "text", "filterable": True},
        {"key": "beds", "label": "Çarpayı", "type": "integer", "filterable": True},
        {"key": "opened", "label": "Açılış", "type": "date", "filterable": True},
    ]
    with world.db.write() as conn:
        body = json.loads(
            conn.execute(text("SELECT body FROM registries WHERE id = 'reg-open'")).scalar_one()
        )
        body["columns"] = columns
        conn.execute(
            text("UPDATE registries SET body = :body WHERE id = 'reg-open'"),
            {"body": json.dumps(body)},
        )


def plain_reading(rows: list[dict[str, Any]], test: Any, sort: str, descending: bool) -> list[str]:
    """The view read by Python from the rows (in insert order, which is seq order): the
    ids in the view's order. A missing number sorts lowest, a missing date as ''."""
    lowest = {"beds": -1e308, "opened": "", "name": ""}

    def key(item: tuple[int, dict[str, Any]]) -> tuple[Any, int]:
        value = item[1]["values"].get(sort, lowest[sort])
        return (az_sort_key(value) if sort == "name" else value, item[0])

    chosen = [(n, r) for n, r in enumerate(rows) if test(r["values"])]
    return [r["id"] for _n, r in sorted(chosen, key=key, reverse=descending)]


VIEWS = [
    # filters, Python's test, sort, descending
    (
        [{"column": "beds", "kind": "range", "low": 10, "high": 30}],
        lambda v: 10 <= v.get("beds", -1) <= 30,
        "name",
        False,
    ),
    (
        [{"column": "opened", "kind": "range", "low": "2015-01-01", "high": "2019-12-31"}],
        lambda v: "2015-01-01" <= v.get("opened", "") <= "2019-12-31",
        "beds",
        True,
    ),
    (
        [{"column": "beds", "kind": "range", "high": 10}],
        lambda v: "beds" in v and v["beds"] <= 10,  # no value: in no range, as the cache
        "opened",
        False,
    ),
    (
        [
            {"column": "name", "kind": "text", "text": "ə", "mode": "contains"},
            {"column": "beds", "kind": "range", "low": 20},
        ],
        lambda v: "e" in az_fold(v["name"]).lower() and v.get("beds", -1) >= 20,  # folded
        "name",
        True,
    ),
    (
        [{"column": "name", "kind": "text", "text": "I", "mode": "starts"}],  # ı, i, İ
        lambda v: az_fold(v["name"]).lower().startswith("i"),
        "name",
        True,
    ),
    (
        [{"column": "name", "kind": "text", "text": "A", "mode": "starts"}],
        lambda v: az_fold(v["name"]).lower().startswith("a"),
        "name",
        False,
    ),
]


@pytest.mark.parametrize(
    ("probe", "chunk", "common"),
    [(2000, 7, 1), (5, 250, 1), (2000, 250, 10**9)],
    ids=["probe fills", "probe falls back", "index set"],
)
@pytest.mark.parametrize("view", range(len(VIEWS)))
def test_every_view_equals_a_plain_reading(
    world: World,
    monkeypatch: pytest.MonkeyPatch,
    view: int,
    probe: int,
    chunk: int,
    common: int,
) -> None:
    monkeypatch.setattr(registry_query, "PROBE_ROWS", probe)
    monkeypatch.setattr(registry_query, "PROBE_CHUNK", chunk)
    monkeypatch.setattr(registry_query, "COMMON_ROWS", common)
    rows = add_rows(world)
    widen(world)
    filters, test, sort, descending = VIEWS[view]
    api = world.sign_in("staff")
    got = read_all(api, "reg-open", filters=json.dumps(filters), sort=sort, descending=descending)
    drugs = [{"id": f"row-open-{i}", "values": {"name": f"Drug {i}"}} for i in range(3)]
    mine = drugs + rows
    wanted = plain_reading(mine, test, sort, descending)
    assert len(wanted) > 30
    if sort == "name":  # equal names: compare keys, and the set
        names = {r["id"]: az_sort_key(r["values"]["name"]) for r in mine}
        assert [names[r["id"]] for r in got] == [names[i] for i in wanted]
        assert {r["id"] for r in got} == set(wanted)
    else:
        assert [r["id"] for r in got] == wanted


def word_reading(rows: list[dict[str, Any]], terms: list[tuple[str, ...]]) -> set[str]:
    """The rows the cache's word index finds for ``terms``: for every term a word of the
    row's text (``az_search_text``: folded, ə as e and as a) starts with one of its
    spellings."""
    found = set()
    for row in rows:
        values = row["values"]
        words = az_search_text(" ".join(str(values[k]) for k in values)).split()
        if all(any(w.startswith(s) for w in words for s in term) for term in terms):
            found.add(row["id"])
    return found


SEARCHES = [
    "seki cay",
    "ŞƏKİ",
    "ılıq",
    "ki",  # inside a word: not a word's start, found by neither
    "calil",  # Cəlil with ə as a, as in passports
    "əli",
    "2015",
    "1",
    "zzz",
    "' OR 1=1 --",
    'NEAR(a* "x" col:val',
    "!!!",
]


@pytest.mark.parametrize("search", SEARCHES)
def test_free_search_finds_the_word_index_rows(world: World, search: str) -> None:
    rows = add_rows(world)
    widen(world)
    api = world.sign_in("staff")
    got = read_all(api, "reg-open", search=search, sort="name")
    drugs = [{"id": f"row-open-{i}", "values": {"name": f"Drug {i}"}} for i in range(3)]
    terms = [(w,) for w in az_words(search)]
    wanted = word_reading(drugs + rows, terms) if terms else set()  # no word: no row
    assert {r["id"] for r in got} == wanted
    if search in ("seki cay", "calil", "2015"):
        assert wanted
    if search == "ki":  # a substring test would have found Şəki
        assert any("Şəki" in r["values"]["name"] for r in rows) and not wanted


CYRILLIC_ROWS = [
    {"id": "row-az", "registry_id": "reg-open", "values": {"name": "Azərbaycan Tibb Universiteti"}},
    {"id": "row-mm", "registry_id": "reg-open", "values": {"name": "Məmmədova Aysel"}},
    {"id": "row-ru", "registry_id": "reg-open", "values": {"name": "Azeri-Pharm (Bakı)"}},
]


@pytest.mark.parametrize(
    ("typed", "ids"),
    [("азербайджан", {"row-az"}), ("Мамедова", {"row-mm"}), ("бакы", {"row-ru"})],
)
def test_cyrillic_typed_for_latin_finds_the_latin_rows(
    world: World, typed: str, ids: set[str]
) -> None:
    """The client sends a Cyrillic word's Latin spellings (``cache.transliteration``):
    the search's terms and a text filter's ``spellings``."""
    with world.db.write() as conn:
        records.bulk_insert(conn, "registry_rows", CYRILLIC_ROWS)
    api = world.sign_in("staff")
    terms = query_terms(typed)
    assert len(terms[0]) > 1
    got = read_all(api, "reg-open", search=typed, search_terms=json.dumps(terms))
    assert {r["id"] for r in got} == ids == word_reading(CYRILLIC_ROWS, terms)
    assert read_all(api, "reg-open", search=typed) == []  # as typed: no Latin row has it
    spellings = cyrillic_spellings(typed.lower())
    for mode in ("contains", "starts"):
        item = {"column": "name", "kind": "text", "text": typed, "mode": mode}
        got = read_all(api, "reg-open", filters=json.dumps([{**item, "spellings": spellings}]))
        assert {r["id"] for r in got} == (ids if mode == "contains" or typed != "бакы" else set())
        assert read_all(api, "reg-open", filters=json.dumps([item])) == []


@pytest.mark.parametrize(
    "params",
    [
        {"search_terms": "not json"},
        {"search_terms": json.dumps(["a"])},
        {
            "filters": json.dumps(
                [{"column": "name", "kind": "text", "text": "a", "spellings": "b"}]
            )
        },
        {
            "filters": json.dumps(
                [{"column": "name", "kind": "text", "text": "a", "spellings": ["b"] * 40}]
            )
        },
    ],
)
def test_bad_spellings_are_refused(world: World, params: dict[str, Any]) -> None:
    answer = world.sign_in("staff").get("/registries/reg-open/rows", params=params)
    assert answer.status_code == 422


def test_the_largest_search_allowed_is_answered(world: World) -> None:
    """Eight words of 33 spellings each, with the longest text filter's spellings: the
    SQL stays within the database's limits (a parser stack or expression depth
    overflow would be a 500)."""
    terms = [[f"w{n}x{s}" * 8 for s in range(33)] for n in range(8)]
    item = {
        "column": "name",
        "kind": "text",
        "text": "drug",
        "mode": "contains",
        "spellings": [f"s{s}" for s in range(32)],
    }
    answer = world.sign_in("staff").get(
        "/registries/reg-open/rows",
        params={
            "search": "a b c d e f g h",
            "search_terms": json.dumps(terms),
            "filters": json.dumps([item]),
            "sort": "name",
        },
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["items"] == []


@pytest.mark.parametrize("descending", [False, True])
def test_the_unsorted_view_is_its_registrys_rows_in_storage_order(
    world: World, descending: bool
) -> None:
    """Paged by ``(registry_id, seq)`` on PostgreSQL: only this registry's rows, every
    one once, in seq order, whatever the other registries' rows around them."""
    rows = add_rows(world)
    with world.db.write() as conn:  # another registry's rows after this one's
        records.bulk_insert(
            conn,
            "registry_rows",
            [{"id": f"row-other-{i}", "registry_id": "reg-other", "values": {}} for i in range(50)],
        )
    api = world.sign_in("staff")
    got = [r["id"] for r in read_all(api, "reg-open", descending=descending)]
    wanted = [f"row-open-{i}" for i in range(3)] + [r["id"] for r in rows]
    assert got == (wanted[::-1] if descending else wanted)
