"""The documents list's two plans give the same answers: a broad search of all folders
walks the title index (``walks_sort_index``), everything else gathers through FTS, as
the list always did. Over a real encrypted cache with thousands of documents whose
words are dense (most searches are broad) and people whose names match too."""

from __future__ import annotations

import random
import secrets
from collections.abc import Iterator
from typing import Any

import pytest
import sqlite_utils

from cache.database import open_database
from cache.store import RecordStore
from domains.catalog import CATALOG
from domains.documents.queries import (
    DocumentQuery,
    KeptOffline,
    block_with_plan,
    count_documents,
    documents_block,
    walks_sort_index,
)

WORDS = ["hesabat", "əmr", "arayış", "müqavilə", "büdcə", "qərar", "İcra", "ıslah", "plan"]
FAMILIES = ["Əliyev", "Həsənova", "Quliyev", "İsmayılova", "Məmmədov", "Şükürov"]


def _people() -> list[dict[str, Any]]:
    return [
        {
            "id": f"person-{index:03d}",
            "version": 1,
            "updated_at": "2026-03-02T09:30:00Z",
            "full_name": f"{family} Aygün",
            "given_name": "Aygün",
            "family_name": family,
            "patronymic": None,
            "position": "mütəxəssis",
            "department_id": "dep-001",
            "manager_id": None,
            "email": f"p{index}@health.gov.az",
            "phone": None,
            "mobile": None,
            "office": None,
            "photo_url": None,
        }
        for index, family in enumerate(FAMILIES)
    ]


def _documents(count: int) -> list[dict[str, Any]]:
    rng = random.Random(3)
    rows = []
    for index in range(count):
        # Titles repeat often: the order's ties are broken by id in both plans.
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(1, 4))).capitalize()
        rows.append(
            {
                "id": f"doc-{index:05d}",
                "version": 1,
                "updated_at": f"2026-01-{rng.randrange(1, 28):02d}T09:00:00Z",
                "folder_id": f"fld-{rng.randrange(5)}",
                "title": title,
                "description": rng.choice(WORDS) if rng.random() < 0.3 else None,
                "filename": f"sənəd-{index}.pdf",
                "content_type": "application/pdf",
                "size": rng.randrange(1000, 90000),
                "sha256": secrets.token_hex(32),
                "version_no": 1,
                "author_id": f"person-{rng.randrange(len(FAMILIES)):03d}",
                "tags": [],
                "created_at": "2026-01-01T09:00:00Z",
            }
        )
    return rows


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite_utils.Database]:
    database = open_database(
        tmp_path_factory.mktemp("documents") / "cache.db", secrets.token_bytes(32), create=True
    )
    store = RecordStore(database, CATALOG)
    store.apply_page("people", _people(), [], "test")
    store.apply_page("documents", _documents(3000), [], "test")
    yield database
    database.close()


QUERIES = [
    *(word[:length] for word in WORDS for length in (1, 2, 4)),
    "h",  # most documents
    "emr",  # folded: ə typed as e
    "icra",  # İ folded
    "islah",  # ı folded
    "hesabat plan",  # two words, both broad
    "hesabat müqavilə qərar",
    "eliy",  # an author's family name, folded
    "memmed hesabat",  # an author and a word
    "zzz",  # nothing
    "sənəd-12",  # the file name
]


@pytest.mark.parametrize("text", QUERIES)
def test_a_search_of_all_folders_answers_as_the_fts_plan_does(
    db: sqlite_utils.Database, text: str
) -> None:
    for descending in (False, True):
        query = DocumentQuery(None, text, descending=descending)
        total = count_documents(db, query)
        for start in (0, 200, max(total - 50, 0)):
            expected = block_with_plan(db, query, start, 200, walk=False)
            assert documents_block(db, query, start, 200) == expected
            assert block_with_plan(db, query, start, 200, walk=True) == expected


def test_broad_searches_walk_the_index_and_narrow_ones_do_not(
    db: sqlite_utils.Database,
) -> None:
    assert walks_sort_index(db, DocumentQuery(None, "h"))
    assert walks_sort_index(db, DocumentQuery(None, "hes"))
    assert not walks_sort_index(db, DocumentQuery(None, "zzz"))
    assert not walks_sort_index(db, DocumentQuery(None, "sənəd-12"))
    assert not walks_sort_index(db, DocumentQuery(None, ""))
    # A folder, the kept view and another order keep the FTS plan.
    assert not walks_sort_index(db, DocumentQuery("fld-1", "h"))
    assert not walks_sort_index(db, DocumentQuery(None, "h", kept=KeptOffline()))
    assert not walks_sort_index(db, DocumentQuery(None, "h", sort="size"))
    walked = [t for t in QUERIES if walks_sort_index(db, DocumentQuery(None, t))]
    assert len(walked) >= len(QUERIES) // 2
