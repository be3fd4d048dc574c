"""``domains.registries.queries`` on a real encrypted cache filled by the server's seed
generators: every block, count and filter checked against a brute-force reading of the
same rows in Python; sort in the Azerbaijani alphabet; the expression indexes used by
the plans; bad input refused or searched as text."""

from __future__ import annotations

import json
import random
from datetime import date
from typing import Any

import pytest
import sqlite_utils

from cache.folding import AZ_ALPHABET, az_fold, az_sort_key
from domains.registries import queries
from domains.registries.filters import (
    BadFilter,
    ChoiceFilter,
    FlagFilter,
    RangeFilter,
    RegistryQuery,
    TextFilter,
)
from domains.registries.model import load_registries, load_registry
from domains.registries.queries import (
    RegistryRows,
    RowCursor,
    atc_groups,
    choice_counts,
    count_rows,
    ensure_indexes,
    expiring_query,
    iter_rows,
    missing_indexes,
    rows_block,
)
from domains.registries.sql import folded_sql, sort_key_sql
from server.seed import registries as seed
from tests.domains.registries.conftest import TODAY

MEDICINES = seed.MEDICINE_REGISTRY.id


def all_rows(db: sqlite_utils.Database, registry_id: str) -> list[dict[str, Any]]:
    return [
        {"rid": rid, "id": record_id, **json.loads(record)["values"]}
        for rid, record_id, record in db.execute(
            "SELECT rid, id, record FROM registry_rows WHERE registry_id = ? ORDER BY rid",
            (registry_id,),
        )
    ]


def sql_key(db: sqlite_utils.Database, text: str) -> str:
    return str(db.execute(f"SELECT {sort_key_sql('?')}", (text,)).fetchone()[0])


def whole_view(db: sqlite_utils.Database, query: RegistryQuery, block: int = 97) -> list[str]:
    """Every row id of a view, read block after block by keyset."""
    ids: list[str] = []
    after: RowCursor | None = None
    while True:
        found = rows_block(db, query, len(ids), block, after)
        ids += [row.id for row in found.rows]
        if found.next is None:
            return ids
        assert isinstance(found.next, RowCursor)
        after = found.next


@pytest.fixture(scope="module")
def indexed(registry_db: sqlite_utils.Database) -> sqlite_utils.Database:
    for registry in load_registries(registry_db):
        ensure_indexes(registry_db, registry)
    return registry_db


def test_sql_sort_key_orders_by_the_azerbaijani_alphabet(
    registry_db: sqlite_utils.Database,
) -> None:
    letters = [c for c in AZ_ALPHABET if c.isalpha()]
    rng = random.Random(5)
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 5))) for _ in range(400)]
    words += [w.upper() for w in words[:50]] + ["İsmayıl", "Işıq", "ılıq", "iliq", "Çay", "Cəfər"]
    by_sql = sorted(words, key=lambda w: (sql_key(registry_db, w), w))
    by_python = sorted(words, key=lambda w: (az_sort_key(w), w))
    assert [az_sort_key(w) for w in by_sql] == [az_sort_key(w) for w in by_python]


def test_folded_sql_matches_typing_without_marks(registry_db: sqlite_utils.Database) -> None:
    for word in ("Şəki", "QUBA", "İsmayıllı", "Göyçay", "Ağdaş", "Xaçmaz"):
        folded = registry_db.execute(f"SELECT {folded_sql('?')}", (word,)).fetchone()[0]
        assert folded == az_fold(word).lower()


def test_registries_are_read_from_their_description(registry_db: sqlite_utils.Database) -> None:
    names = {r.code: r for r in load_registries(registry_db)}
    assert set(names) == {"medicines", "pharmacies"}
    medicines = names["medicines"]
    assert [c.key for c in medicines.columns][:3] == ["trade_name", "inn", "atc_code"]
    assert medicines.column("valid_until").type == "date"
    assert medicines.row_count == 3_000


def brute(
    rows: list[dict[str, Any]], keep: Any, sort: str | None, descending: bool, text: bool
) -> list[str]:
    kept = [r for r in rows if keep(r)]
    if sort is None:
        kept.sort(key=lambda r: r["rid"], reverse=descending)
    else:

        def key(r: dict[str, Any]) -> tuple[Any, int]:
            value = r.get(sort)
            if text:
                return (az_sort_key(value or ""), r["rid"])
            return (value, r["rid"])

        kept.sort(key=key, reverse=descending)
    return [r["id"] for r in kept]


CASES: list[tuple[str, tuple[Any, ...], Any, str | None, bool, bool]] = [
    ("all by rid", (), lambda r: True, None, False, False),
    ("valid_until desc", (), lambda r: True, "valid_until", True, False),
    (
        "form pick",
        (ChoiceFilter("form", ("Tablet", "Kapsul")),),
        lambda r: r["form"] in ("Tablet", "Kapsul"),
        "country",
        False,
        True,
    ),
    (
        "date range",
        (RangeFilter("valid_until", "2027-01-01", "2027-06-30"),),
        lambda r: "2027-01-01" <= r["valid_until"] <= "2027-06-30",
        "valid_until",
        False,
        False,
    ),
    (
        "prescription",
        (FlagFilter("prescription_only", True),),
        lambda r: r["prescription_only"] is True,
        "trade_name",
        True,
        True,
    ),
    (
        "inn starts",
        (TextFilter("inn", "para", "starts"),),
        lambda r: az_fold(r["inn"]).lower().startswith("para"),
        None,
        False,
        False,
    ),
    (
        "trade name starts, sorted by it",
        (TextFilter("trade_name", "İbu", "starts"),),
        lambda r: az_fold(r["trade_name"]).lower().startswith("ibu"),
        "trade_name",
        True,
        True,
    ),
    (
        "manufacturer contains, folded",
        (TextFilter("manufacturer", "bogazici"),),
        lambda r: "bogazici" in az_fold(r["manufacturer"]).lower(),
        "manufacturer",
        False,
        True,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_blocks_and_counts_match_brute_force(indexed: sqlite_utils.Database, case: Any) -> None:
    _name, filters, keep, sort, descending, text = case
    rows = all_rows(indexed, MEDICINES)
    query = RegistryQuery(MEDICINES, filters, sort=sort, descending=descending)
    expected = brute(rows, keep, sort, descending, text)
    assert whole_view(indexed, query) == expected
    assert count_rows(indexed, query) == len(expected)
    # A jump (no cursor) lands where the keyset walk did.
    if len(expected) > 150:
        jumped = rows_block(indexed, query, 150, 20)
        assert [r.id for r in jumped.rows] == expected[150:170]


def test_some_filters_match_something(indexed: sqlite_utils.Database) -> None:
    """The brute-force cases are not all empty (they would then prove little)."""
    for _name, filters, _keep, _sort, _desc, _text in CASES:
        assert count_rows(indexed, RegistryQuery(MEDICINES, filters)) > 0


def test_cyrillic_typed_for_latin_finds_the_latin_value(indexed: sqlite_utils.Database) -> None:
    latin = count_rows(indexed, RegistryQuery(MEDICINES, (TextFilter("country", "Azərbaycan"),)))
    typed = count_rows(indexed, RegistryQuery(MEDICINES, (TextFilter("country", "азербайджан"),)))
    assert latin > 0
    assert typed == latin


def test_free_search_over_the_whole_row_before_and_after_indexing(
    indexed: sqlite_utils.Database,
) -> None:
    rows = all_rows(indexed, MEDICINES)
    word = rows[0]["inn"].split()[0]
    expected = [
        r["id"]
        for r in rows
        if any(
            word.lower() in az_fold(str(v)).lower()
            or az_fold(word).lower() in az_fold(str(v)).lower()
            for k, v in r.items()
            if k not in ("rid", "id")
        )
    ]
    query = RegistryQuery(MEDICINES, search=word)
    unindexed = whole_view(indexed, query)
    assert set(expected) <= set(unindexed)
    assert unindexed
    from cache import RecordStore
    from domains.catalog import CATALOG

    RecordStore(indexed, CATALOG).update_search_index()
    assert whole_view(indexed, query) == unindexed


def test_sort_and_filters_use_the_expression_indexes(indexed: sqlite_utils.Database) -> None:
    registry = load_registry(indexed, MEDICINES)
    assert registry is not None
    assert missing_indexes(indexed, registry) == []
    from domains.registries.queries import _keys, _plan

    for query in (
        RegistryQuery(MEDICINES, sort="trade_name"),
        RegistryQuery(MEDICINES, sort="valid_until", descending=True),
        RegistryQuery(
            MEDICINES, (RangeFilter("valid_until", "2027-01-01", ""),), sort="valid_until"
        ),
    ):
        plan = _plan(indexed, registry, query)
        direction = "DESC" if plan.descending else "ASC"
        sql = (
            f"EXPLAIN QUERY PLAN SELECT {plan.order}, rid FROM registry_rows WHERE {plan.where} "
            f"ORDER BY {plan.order} {direction}, rid {direction} LIMIT 10"
        )
        details = " ".join(str(r[3]) for r in indexed.execute(sql, plan.params))
        assert "registry_rows_order_" in details, details
        assert "TEMP B-TREE" not in details, details
        assert len(_keys(indexed, plan, 0, 10, None)) == 10


def test_a_new_column_in_the_description_gets_its_index(indexed: sqlite_utils.Database) -> None:
    registry = load_registry(indexed, MEDICINES)
    assert registry is not None
    from dataclasses import replace

    from domains.registries.model import Column

    grown = replace(
        registry, columns=(*registry.columns, Column("shelf_life", "Shelf", "integer", True))
    )
    assert len(missing_indexes(indexed, grown)) == 1
    assert ensure_indexes(indexed, grown) == 1
    assert missing_indexes(indexed, grown) == []


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        (RangeFilter("valid_until", "next week", ""), "not_a_date"),
        (RangeFilter("valid_until", "2027-02-30", ""), "not_a_date"),
        (RangeFilter("valid_until", "2028-01-01", "2027-01-01"), "empty_range"),
        (FlagFilter("form", True), "wrong_type"),
        (TextFilter("no_such_column", "x"), "unknown_column"),
    ],
)
def test_bad_filters_say_why(indexed: sqlite_utils.Database, bad: Any, code: str) -> None:
    with pytest.raises(BadFilter) as raised:
        count_rows(indexed, RegistryQuery(MEDICINES, (bad,)))
    assert [p.code for p in raised.value.problems] == [code]


def test_a_number_filter_that_is_not_a_number(indexed: sqlite_utils.Database) -> None:
    from tests.domains.registries.conftest import PHARMACIES  # noqa: F401

    institutions_like = RegistryQuery(MEDICINES, (RangeFilter("valid_until", "", "x"),))
    with pytest.raises(BadFilter):
        count_rows(indexed, institutions_like)


@pytest.mark.parametrize(
    "typed", ['"', "*", "AND (", "NEAR(a b)", "'; DROP TABLE registry_rows; --", "%", "_", "\\"]
)
def test_syntax_typed_into_a_filter_is_searched_as_text(
    indexed: sqlite_utils.Database, typed: str
) -> None:
    before = count_rows(indexed, RegistryQuery(MEDICINES))
    for query in (
        RegistryQuery(MEDICINES, (TextFilter("trade_name", typed),)),
        RegistryQuery(MEDICINES, (TextFilter("trade_name", typed, "starts"),)),
        RegistryQuery(MEDICINES, search=typed),
    ):
        assert count_rows(indexed, query) == len(whole_view(indexed, query))
    assert count_rows(indexed, RegistryQuery(MEDICINES)) == before


def test_choice_counts_sum_to_the_registry(indexed: sqlite_utils.Database) -> None:
    registry = load_registry(indexed, MEDICINES)
    assert registry is not None
    counts = choice_counts(indexed, MEDICINES, registry.column("form"))
    assert sum(n for _v, n in counts) == 3_000
    rows = all_rows(indexed, MEDICINES)
    assert dict(counts) == {v: sum(1 for r in rows if r["form"] == v) for v, _n in counts}


def test_atc_tree_levels(indexed: sqlite_utils.Database) -> None:
    rows = all_rows(indexed, MEDICINES)
    top = atc_groups(indexed, MEDICINES)
    assert sum(g.count for g in top) == sum(1 for r in rows if r["atc_code"])
    first = top[0]
    assert len(first.code) == 1
    below = atc_groups(indexed, MEDICINES, first.code)
    assert all(g.code.startswith(first.code) and len(g.code) == 3 for g in below)
    assert sum(g.count for g in below) == first.count
    leaf = atc_groups(indexed, MEDICINES, rows[0]["atc_code"])
    assert leaf == []


def test_expiring_view(indexed: sqlite_utils.Database) -> None:
    registry = load_registry(indexed, MEDICINES)
    assert registry is not None
    rows = all_rows(indexed, MEDICINES)
    soon = whole_view(indexed, expiring_query(registry, TODAY))
    assert soon == [
        r["id"]
        for r in sorted(
            (r for r in rows if "2026-11-25" <= r["valid_until"] <= "2027-02-23"),
            key=lambda r: (r["valid_until"], r["rid"]),
        )
    ]
    assert soon
    expired = whole_view(indexed, expiring_query(registry, TODAY, expired=True))
    assert len(expired) == sum(1 for r in rows if r["valid_until"] < "2026-11-25")


def test_row_source_sorts_by_column_and_finds_rows_by_id(indexed: sqlite_utils.Database) -> None:
    registry = load_registry(indexed, MEDICINES)
    assert registry is not None
    source = RegistryRows([c.key for c in registry.columns])
    query = source.sorted(RegistryQuery(MEDICINES), 1, True)
    assert query is not None and query.sort == "inn" and query.descending
    assert source.sorted(query, 99, False) is None
    first = source.block(indexed, query, 0, 5, None)
    assert [r.id for r in source.rows_by_id(indexed, [r.id for r in first.rows][::-1])] == [
        r.id for r in first.rows
    ][::-1]
    assert len(list(iter_rows(indexed, query, batch=700))) == 5
    assert sum(len(b) for b in iter_rows(indexed, query, batch=700)) == 3_000
    assert date.fromisoformat(first.rows[0].values["valid_until"])


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_a_jump_past_the_middle_walks_from_the_end(
    indexed: sqlite_utils.Database, case: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _name, filters, keep, sort, descending, text = case
    expected = brute(all_rows(indexed, MEDICINES), keep, sort, descending, text)
    query = RegistryQuery(MEDICINES, filters, sort=sort, descending=descending)
    monkeypatch.setattr(queries, "JUMP_FROM_THE_END", 1)
    source = RegistryRows([])
    assert source.count(indexed, query) == len(expected)  # the table counts, then jumps

    def forward(*_args: Any) -> None:
        raise AssertionError("walked from the start")

    with monkeypatch.context() as patched:
        patched.setattr(queries, "_keys", forward)
        for start in {len(expected) // 2 + 1, len(expected) - 20, len(expected) - 1}:
            if start * 2 <= len(expected):  # the first half is walked forwards
                continue
            jumped = source.block(indexed, query, start, 20, None)
            assert [r.id for r in jumped.rows] == expected[start : start + 20]
            assert (jumped.next is None) == (len(expected[start : start + 20]) < 20)


def test_a_count_from_before_a_commit_is_not_relied_on(
    indexed: sqlite_utils.Database, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queries, "JUMP_FROM_THE_END", 1)
    query = RegistryQuery(MEDICINES, sort="trade_name")
    source = RegistryRows([])
    total = source.count(indexed, query)
    indexed.execute("PRAGMA data_version")
    assert source._known_count(indexed, query) == total
    monkeypatch.setattr(queries, "_data_version", lambda _db: -1)  # another commit since
    assert source._known_count(indexed, query) is None
    expected = whole_view(indexed, query)
    jumped = source.block(indexed, query, total - 10, 20, None)
    assert [r.id for r in jumped.rows] == expected[total - 10 :]


CONTAINS_SORTED_BY_IT = [
    (TextFilter("manufacturer", "bogazici"), "manufacturer", False),
    (TextFilter("manufacturer", "Pharm"), "manufacturer", True),
    (TextFilter("trade_name", "met"), "trade_name", False),
    (TextFilter("trade_name", "Xəzər"), "trade_name", True),
]


@pytest.mark.parametrize("walk_first", [20_000, 40], ids=["merged", "near, then merged"])
@pytest.mark.parametrize("case", range(len(CONTAINS_SORTED_BY_IT)))
def test_contains_on_the_sorted_column_is_merged_from_prefix_and_others(
    indexed: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch, case: int, walk_first: int
) -> None:
    item, sort, descending = CONTAINS_SORTED_BY_IT[case]
    query = RegistryQuery(MEDICINES, (item,), sort=sort, descending=descending)
    with monkeypatch.context() as walking:
        walking.setattr(queries, "OTHERS_AT_MOST", 0)  # too many others: the order's walk
        walked = whole_view(indexed, query, block=23)
    needle = az_fold(item.text).lower()
    assert walked and all(
        needle in az_fold(row.values[item.column]).lower()
        for row in queries.RegistryRows([]).rows_by_id(indexed, walked)
    )

    def walk(*_args: Any) -> None:
        raise AssertionError("walked the order")

    monkeypatch.setattr(queries, "_keys", walk)  # the merge answers every block
    monkeypatch.setattr(queries, "WALK_FIRST", walk_first)
    assert whole_view(indexed, query, block=23) == walked
