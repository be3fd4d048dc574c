"""Search: Azerbaijani folding, bounded queries, the other collections' search. The search
box's people are found by the one people planner: tests/domains/directory/test_queries.py."""

from __future__ import annotations

import random

import pytest
import sqlite_utils

from cache import RecordStore, az_fold, az_sort_key
from cache import search as search_module
from cache.folding import AZ_ALPHABET, az_search_text, sort_key_prefixes
from cache.schema import Catalog
from cache.search import query_words, search_records

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


def test_query_is_bounded() -> None:
    words = query_words(" ".join(["word"] * 100) + " " + "x" * 1000)
    assert len(words) <= search_module.MAX_QUERY_WORDS
    assert all(len(word) <= search_module.MAX_WORD_CHARS for word in words)


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


def test_people_have_one_planner_and_it_is_not_here(
    catalog: Catalog, db: sqlite_utils.Database
) -> None:
    # domains.directory.queries.search_people is the one way to find people.
    with pytest.raises(ValueError, match="search_people"):
        search_records(db, catalog, "people", "ism")
