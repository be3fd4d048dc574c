"""Search: Azerbaijani folding, prefix AND, ranking, hostile input, index kept in sync."""

from __future__ import annotations

import random

import pytest
import sqlite_utils

from cache import RecordStore, az_fold, az_sort_key
from cache import search as search_module
from cache.folding import AZ_ALPHABET, az_search_text, sort_key_prefixes
from cache.schema import Catalog
from cache.search import (
    Term,
    query_terms,
    query_words,
    search_people,
    search_records,
    term_sort_prefixes,
)

from .conftest import person

PEOPLE = [
    person("p1", "İsmayılov", "Rəşad", patronymic="Elçin oğlu"),
    person("p2", "Məmmədova", "Aysel", patronymic="Tural qızı"),
    person("p3", "Cəfərov", "Orxan"),
    person("p4", "Əliyev", "Anar", email="anar.aliyev@health.gov.az"),
    person("p5", "Eyvazov", "Əli"),
    person("p6", "Quliyev", "Şəhla", position="Şöbə müdiri"),
    person("p7", "Xəlilova", "Günel"),
    person("p8", "Həsənov", "Ülvi", phone="+994 12 555 12 34"),
    person("p9", "Abbasov", "Məmməd"),
    person("p10", "Çələbi", "Nigar"),
]


@pytest.fixture
def people_db(catalog: Catalog, db: sqlite_utils.Database) -> sqlite_utils.Database:
    RecordStore(db, catalog).apply_page("people", PEOPLE, [], "c1")
    return db


def _ids(catalog: Catalog, db: sqlite_utils.Database, query: str) -> list[str]:
    return [hit["id"] for hit in search_people(db, catalog, query)]


# --- folding ----------------------------------------------------------------------------------


def test_fold_handles_the_turkic_dotted_i() -> None:
    assert "İ".lower() == "i̇"  # Python's own: i + combining dot; the fold must not keep it
    assert az_fold("İSMAYILOV") == az_fold("Ismayilov") == az_fold("İsmayılov") == "ismayilov"
    assert az_fold("Məmmədova") == "memmedova"
    assert az_fold("Çələbi Şükür Ağa Ömər Ülvi") == "celebi sukur aga omer ulvi"
    assert az_fold("Éloïse Straße") == "eloise strasse"
    assert az_fold("o\u0308zu\u0308") == "ozu"  # decomposed input
    assert az_fold("Йод") == "йод"  # Cyrillic keeps its letters


def test_schwa_is_searchable_as_e_and_as_a() -> None:
    assert az_search_text("Cəfərov Əli") == "ceferov eli cafarov ali"


def test_sort_key_follows_the_azerbaijani_alphabet() -> None:
    letters = list(AZ_ALPHABET)
    random.Random(5).shuffle(letters)
    assert "".join(sorted(letters, key=az_sort_key)) == AZ_ALPHABET
    names = [
        "Zeynalov",
        "Xəlilov",
        "Həsənov",
        "İsmayılov",
        "Işıqlı",
        "Əliyev",
        "Eyvazov",
        "Quliyev",
        "Kərimov",
        "Çələbi",
        "Cəfərov",
        "Ömərov",
        "Orucov",
        "Ali",
        "Ali Bəy",
    ]
    assert sorted(names, key=az_sort_key) == [
        "Ali",
        "Ali Bəy",
        "Cəfərov",
        "Çələbi",
        "Eyvazov",
        "Əliyev",
        "Həsənov",
        "Xəlilov",
        "Işıqlı",
        "İsmayılov",
        "Kərimov",
        "Quliyev",
        "Orucov",
        "Ömərov",
        "Zeynalov",
    ]
    assert az_sort_key("ƏLİYEV") == az_sort_key("əliyev")


def test_sort_key_prefixes_cover_every_spelling() -> None:
    prefixes = sort_key_prefixes("ce")
    assert prefixes is not None
    assert prefixes == sorted(prefixes)
    for spelling in ("ce", "cə", "çe", "çə"):
        assert az_sort_key(spelling) in prefixes
    assert sort_key_prefixes("eeeeeeeeeeee", limit=256) is None


# --- the cases people type --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ismayilov", "p1"),
        ("Ismayilov", "p1"),
        ("İSMAYILOV", "p1"),
        ("İsmayılov", "p1"),
        ("isma", "p1"),
        ("memmedova", "p2"),
        ("mammadova", "p2"),
        ("Məmm", "p2"),
        ("cafarov", "p3"),
        ("ceferov", "p3"),
        ("CƏFƏROV", "p3"),
        ("celebi", "p10"),
        ("xelilova gun", "p7"),
        ("sehla", "p6"),
        ("sobe mud", "p6"),
        ("555", "p8"),
        ("anar.aliyev", "p4"),
    ],
)
def test_azerbaijani_search(
    catalog: Catalog, people_db: sqlite_utils.Database, query: str, expected: str
) -> None:
    assert expected in _ids(catalog, people_db, query)


def test_every_word_is_a_prefix_and_all_must_match(
    catalog: Catalog, people_db: sqlite_utils.Database
) -> None:
    assert _ids(catalog, people_db, "mem ays") == ["p2"]
    assert _ids(catalog, people_db, "ays mem") == ["p2"]
    assert _ids(catalog, people_db, "mem orxan") == []


def test_email_domain_is_not_indexed(catalog: Catalog, people_db: sqlite_utils.Database) -> None:
    assert _ids(catalog, people_db, "health") == []
    assert _ids(catalog, people_db, "gov") == []


def test_family_name_prefix_first_then_azerbaijani_order(
    catalog: Catalog, people_db: sqlite_utils.Database
) -> None:
    # "ali": the family name Əliyev (ə typed as a) first, then the given name Əli.
    assert _ids(catalog, people_db, "ali") == ["p4", "p5"]
    # "e": family names Eyvazov then Əliyev (e before ə), then every other match in order.
    hits = _ids(catalog, people_db, "e")
    assert hits[:2] == ["p5", "p4"]
    rest = hits[2:]
    keys = [
        people_db.execute("SELECT sort_key FROM people WHERE id = ?", (i,)).fetchone()[0]
        for i in rest
    ]
    assert rest and keys == sorted(keys)


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "*",
        "a AND",
        "(",
        "-x",
        "NEAR(",
        "col:val",
        "",
        "   ",
        "^a",
        "a OR b",
        "NOT a",
        '"unterminated',
        "a*b",
        "{x y}: z",
        "x" * 1000,
        "ə " * 500,
        "\x00",
        "🙂",
        "_",
        "%",
        "a%b",
        '"Мамедов',
        "Мамедов OR",
        "Алиев*",
        "NEAR(Алиев",
        "@",
        "@@",
        "a@b@c",
        '"@"',
        "mailto:",
        "+",
        "+()",
        "+994 (",
        "я" * 300,
        "ә ғ һ ө ү ҹ ј ҝ",
    ],
)
def test_hostile_input_never_raises(
    catalog: Catalog, people_db: sqlite_utils.Database, query: str
) -> None:
    search_people(people_db, catalog, query)


def test_random_hostile_input_never_raises(
    catalog: Catalog, people_db: sqlite_utils.Database
) -> None:
    rng = random.Random(1)
    alphabet = [
        '"',
        "*",
        "(",
        ")",
        "-",
        ":",
        "^",
        "+",
        "{",
        "}",
        "AND",
        "OR",
        "NOT",
        "NEAR",
        " ",
        "a",
        "ə",
        "İ",
        "1",
        "%",
        "_",
        "\\",
        "'",
        ",",
        ".",
        "\t",
    ]
    for _ in range(300):
        search_people(
            people_db, catalog, "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        )


def test_query_is_bounded() -> None:
    words = query_words(" ".join(["word"] * 100) + " " + "x" * 1000)
    assert len(words) <= search_module.MAX_QUERY_WORDS
    assert all(len(word) <= search_module.MAX_WORD_CHARS for word in words)


# --- the index follows the table ----------------------------------------------------------------


def test_index_follows_updates_and_deletes(
    catalog: Catalog, people_db: sqlite_utils.Database
) -> None:
    store = RecordStore(people_db, catalog)
    store.apply_page("people", [person("p3", "Rzayev", "Orxan", version=2)], [], "c2")
    assert _ids(catalog, people_db, "cafarov") == []
    assert _ids(catalog, people_db, "rzayev") == ["p3"]
    store.apply_page("people", [], ["p3"], "c3")
    assert _ids(catalog, people_db, "rzayev") == []
    assert _ids(catalog, people_db, "orxan") == []


# --- both query plans agree with a plain reference ------------------------------------------------


def _reference(db: sqlite_utils.Database, query: str, limit: int) -> list[str]:
    """The ranking rule, by brute force in Python."""
    words = query_terms(query)
    if not words:
        return []
    rows = db.execute("SELECT rid, id, search_text, sort_key FROM people").fetchall()

    def matches(text: str, needed: list[Term]) -> bool:
        tokens = text.split()
        return all(any(token.startswith(w) for token in tokens for w in term) for term in needed)

    if not any(matches(r[2], words) for r in rows):
        words = query_terms(query, respell=True)
    prefixes = tuple(term_sort_prefixes(words[0]) or ())

    first = (
        [r for r in rows if r[3].startswith(prefixes) and matches(r[2], words[1:])]
        if prefixes
        else []
    )
    taken = {r[0] for r in first}
    others = [r for r in rows if r[0] not in taken and matches(r[2], words)]
    ordered = sorted(first, key=lambda r: (r[3], r[0])) + sorted(others, key=lambda r: (r[3], r[0]))
    return [r[1] for r in ordered][:limit]


@pytest.mark.parametrize("broad", [True, False])
def test_like_and_fts_plans_match_the_reference(
    catalog: Catalog, db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch, broad: bool
) -> None:
    rng = random.Random(3)
    families = [
        "Məmmədov",
        "Əliyev",
        "Eyvazov",
        "Cəfərov",
        "Çələbi",
        "Quliyev",
        "İsmayılov",
        "Işıqlı",
        "Həsənov",
        "Xəlilov",
        "Abbasov",
        "Orucov",
        "Ömərov",
    ]
    givens = ["Rəşad", "Aysel", "Elçin", "Əli", "Anar", "Şəhla", "Ülvi", "İlham", "Nigar", "Orxan"]
    people = [
        person(
            f"p{n}",
            rng.choice(families) + rng.choice(["", "a"]),
            rng.choice(givens),
            patronymic=f"{rng.choice(givens)} oğlu",
            position=rng.choice(["Baş həkim", "Katib"]),
        )
        for n in range(400)
    ]
    RecordStore(db, catalog).apply_page("people", people, [], "c1")
    monkeypatch.setattr(search_module._Searcher, "is_broad", lambda self, words: broad)
    queries = [
        "m",
        "me",
        "ə",
        "e",
        "a",
        "ce",
        "ca",
        "is",
        "ıs",
        "i",
        "o",
        "ali",
        "eli r",
        "memmedova e",
        "b",
        "bas h",
        "katib",
        "ogl",
        "r",
        "qu sehla",
        "x y",
        "z",
        "nig",
    ]
    for query in queries:
        for limit in (5, 50):
            assert [h["id"] for h in search_people(db, catalog, query, limit)] == _reference(
                db, query, limit
            ), (query, limit)


def test_documents_and_registry_rows_are_searchable(
    catalog: Catalog, db: sqlite_utils.Database
) -> None:
    store = RecordStore(db, catalog)
    store.apply_page(
        "documents",
        [
            {
                "id": "d1",
                "version": 1,
                "title": "İllik hesabat",
                "description": "Səhiyyə",
                "filename": "hesabat.pdf",
                "tags": ["statistika", "2025"],
            }
        ],
        [],
        "c1",
    )
    store.apply_page(
        "registry_rows",
        [
            {
                "id": "r1",
                "version": 1,
                "registry_id": "R",
                "values": {"diagnosis": "Qızılça", "age": 7},
            }
        ],
        [],
        "c1",
        scope="R",
    )
    assert [h["id"] for h in search_records(db, catalog, "documents", "illik hes")] == ["d1"]
    assert [h["id"] for h in search_records(db, catalog, "documents", "statis")] == ["d1"]
    assert [h["id"] for h in search_records(db, catalog, "registry_rows", "qizil")] == ["r1"]
    with pytest.raises(ValueError, match="no full-text index"):
        search_records(db, catalog, "rooms", "x")


# --- phone numbers, e-mail addresses and Russian spellings, as people type them (issue 15) ---

TYPED = [
    person(
        "t1",
        "Cəfərli",
        "Turanə",
        email="turane.ceferli@health.gov.az",
        phone="+994 12 558 61 84",
        mobile="+994 50 123 45 67",
    ),
    person("t2", "Məmmədov", "Elçin", phone="+994 12 558 61 85"),
    person("t3", "Əliyev", "Rəşad", email="resad.aliyev@health.gov.az"),
    person("t4", "İsmayılov", "Tural"),
    person("t5", "Hüseynova", "Gülnarə"),
    person("t6", "Иванов", "Сергей"),
    person("t7", "Abbasov", "Məmməd"),
]


@pytest.fixture
def typed_db(catalog: Catalog, db: sqlite_utils.Database) -> sqlite_utils.Database:
    RecordStore(db, catalog).apply_page("people", TYPED, [], "c1")
    return db


PHONE_FORMS = [
    "5586184",
    "558 61 84",
    "558-61-84",
    "012 558 61 84",
    "(012) 558-61-84",
    "+994 12 558 61 84",
    "+994125586184",
    "994 12 558 61 84",
    "12 558 61 84",
]


def test_a_phone_number_in_any_grouping_finds_its_person(
    catalog: Catalog, typed_db: sqlite_utils.Database
) -> None:
    found = {query: _ids(catalog, typed_db, query) for query in PHONE_FORMS}
    assert found == {key: ["t1"] for key in PHONE_FORMS}
    # The start of a number finds everyone whose number starts so.
    assert set(_ids(catalog, typed_db, "558 61")) == {"t1", "t2"}
    assert _ids(catalog, typed_db, "558 61 85") == ["t2"]


def test_a_mobile_number_finds_its_person(
    catalog: Catalog, typed_db: sqlite_utils.Database
) -> None:
    for query in ("0501234567", "050 123 45 67", "+994 50 123 45 67", "1234567"):
        assert _ids(catalog, typed_db, query) == ["t1"], query


ADDRESS_FORMS = [
    "turane.ceferli@health.gov.az",
    "TURANE.CEFERLI@HEALTH.GOV.AZ",
    "ceferli@health",
    "ceferli@health.gov.az",
    "turane.ceferli@",
    "<turane.ceferli@health.gov.az>",
    "mailto:turane.ceferli@health.gov.az",
    "Turanə Cəfərli <turane.ceferli@health.gov.az>",
]


def test_a_pasted_email_address_finds_its_person_and_the_domain_alone_no_one(
    catalog: Catalog,
    typed_db: sqlite_utils.Database,
) -> None:
    found = {query: _ids(catalog, typed_db, query) for query in ADDRESS_FORMS}
    assert found == {key: ["t1"] for key in ADDRESS_FORMS}
    for domain in ("health.gov.az", "@health.gov.az", "@health", "health", "gov"):
        assert _ids(catalog, typed_db, domain) == [], domain
    assert _ids(catalog, typed_db, "turane.ceferli@gmail.com") == []  # another address


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Мамедов", ["t2"]),
        ("мамедов", ["t2"]),
        ("МАМЕДОВ", ["t2"]),
        ("Алиев", ["t3"]),
        ("Алиев Рашад", ["t3"]),
        ("Исмайлов", ["t4"]),
        ("Исмаилов", ["t4"]),
        ("Гусейнова", ["t5"]),
        ("Гусейнова Гюльнара", ["t5"]),
        ("Джафарли", ["t1"]),
        ("Иванов", ["t6"]),
    ],
)
def test_cyrillic_queries_find_the_azerbaijani_spelling(
    catalog: Catalog, typed_db: sqlite_utils.Database, query: str, expected: list[str]
) -> None:
    assert _ids(catalog, typed_db, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Mamedov", ["t2"]),
        ("Aliev", ["t3"]),
        ("Ismailov", ["t4"]),
        ("Guseynova", ["t5"]),
        ("Dzhafarli", ["t1"]),
        ("Ivanov", ["t6"]),
        ("Sergey", ["t6"]),
    ],
)
def test_russian_style_latin_finds_the_azerbaijani_and_the_cyrillic_spelling(
    catalog: Catalog, typed_db: sqlite_utils.Database, query: str, expected: list[str]
) -> None:
    assert _ids(catalog, typed_db, query) == expected


def test_a_latin_query_that_finds_someone_is_not_respelled(
    catalog: Catalog, typed_db: sqlite_utils.Database
) -> None:
    # "memmed" finds Məmmədov and Abbasov Məmməd as typed: no Russian reading is added
    # (it would add no one here, but must not even be tried: "ali" is no "алі").
    assert _ids(catalog, typed_db, "memmed") == ["t2", "t7"]
    assert query_terms("memmed") == [("memmed",)]


def test_a_family_name_typed_in_cyrillic_ranks_first(
    catalog: Catalog, typed_db: sqlite_utils.Database
) -> None:
    # Мамед: Məmmədov by family name first, then Abbasov Məmməd by given name.
    assert _ids(catalog, typed_db, "Мамед") == ["t2", "t7"]


def test_a_version_2_cache_finds_numbers_and_addresses_after_migrating(catalog: Catalog) -> None:
    """An existing cache (schema 2, people indexed the old way) is reindexed by the
    migration: no re-sync needed."""
    from cache.migrations import MIGRATIONS, SCHEMA_VERSION, migrate, user_version
    from cache.sqlcipher_compat import dbapi2

    conn = dbapi2.connect(":memory:", isolation_level=None)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    assert migrate(db, MIGRATIONS[:2]) == 2
    RecordStore(db, catalog).apply_page("people", TYPED, [], "c1")
    old_text = "cefarli turane cafarli turana turane ceferli 994 12 558 61 84 994 50 123 45 67"
    db.execute("UPDATE people SET search_text = ? WHERE id = 't1'", (old_text,))
    assert (
        _ids(catalog, db, "5586184") == _ids(catalog, db, "ceferli@health") == []
    )  # as version 2 had it
    assert migrate(db) == SCHEMA_VERSION == user_version(db)
    assert _ids(catalog, db, "5586184") == _ids(catalog, db, "ceferli@health") == ["t1"]
    assert _ids(catalog, db, "cefer") == ["t1"]
    db.execute("INSERT INTO people_fts (people_fts) VALUES ('integrity-check')")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    RecordStore(db, catalog).apply_page(
        "people", [person("t1", "Rzayeva", "Turanə", version=2)], [], "c2"
    )
    assert _ids(catalog, db, "cefer") == [] and _ids(catalog, db, "rzayeva") == [
        "t1"
    ]  # the trigger is back
    conn.close()
