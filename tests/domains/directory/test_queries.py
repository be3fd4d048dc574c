"""``domains.directory.queries``, the one people planner: over the synced demo cache,
pages, counts, departments, the card, checked against a brute-force reading of the same
tables; over a small cache of its own (``empty_db``), what people type in the search box
(Azerbaijani folding, prefix AND, ranking, hostile input, the index kept in sync).

Here ``db`` is the demo cache synced from a real server (tests/demo.py), not the empty
cache of tests/cache/conftest.py; ``empty_db`` is that empty cache."""

from __future__ import annotations

import csv
import io
import json
import random
import secrets
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from cache import RecordStore
from cache.database import open_database
from cache.search import Term, query_terms, term_sort_prefixes
from client.session import Session
from domains.catalog import CATALOG
from domains.directory.queries import (
    DirectoryQuery,
    PageCursor,
    PhoneListEntry,
    _Planner,
    count_people,
    department_region,
    department_tree,
    people_block,
    people_page,
    person_card,
    phone_list,
    phone_list_csv,
    search_people,
)
from tests.cache.conftest import person

HOSTILE = [
    '"',
    '""',
    "*",
    "a*",
    '"ism',
    "AND (",
    "ism AND (",
    "OR",
    "NOT ism",
    "NEAR(a b)",
    "full_name:ism",
    "^ism",
    "-ism",
    "ism)",
    "(((",
    "'; DROP TABLE people; --",
    "%",
    "_",
    "\\",
    "a" * 500,
    " ".join(["ism"] * 50),
    "\x00",
    "💉",
]


@pytest.fixture
def db(synced: Session) -> sqlite_utils.Database:
    return synced.cache.db


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[sqlite_utils.Database]:
    """An open, migrated encrypted cache of the test's own, empty."""
    database = open_database(tmp_path / "cache.db", secrets.token_bytes(32), create=True)
    yield database
    database.close()


def everyone(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    rows = db.conn.execute(
        "SELECT rid, id, sort_key, search_text, department_id FROM people"
    ).fetchall()
    return [
        {
            "rid": r[0],
            "id": r[1],
            "sort_key": r[2] or "",
            "words": (r[3] or "").split(),
            "dep": r[4],
        }
        for r in rows
    ]


def reference(
    db: sqlite_utils.Database, text: str, departments: tuple[str, ...] | None
) -> list[str]:
    """The list the directory must show, by brute force: family-name matches first; a
    Latin query that finds no one in the list is read respelled the Russian way."""
    words = query_terms(text)
    people = [p for p in everyone(db) if departments is None or p["dep"] in departments]
    if not words:
        return [p["id"] for p in sorted(people, key=lambda p: (p["sort_key"], p["rid"]))]

    def matches(someone: dict[str, Any], some: list[Term]) -> bool:
        return all(any(w.startswith(q) for w in someone["words"] for q in term) for term in some)

    if not any(matches(p, words) for p in people):  # no one in the list as typed
        words = query_terms(text, respell=True)
    prefixes = term_sort_prefixes(words[0]) or []
    first, other = [], []
    for someone in people:
        if not matches(someone, words):
            continue
        in_range = any(someone["sort_key"].startswith(prefix) for prefix in prefixes)
        (first if in_range else other).append(someone)
    order = sorted(first, key=lambda p: (p["sort_key"], p["rid"]))
    order += sorted(other, key=lambda p: (p["sort_key"], p["rid"]))
    return [p["id"] for p in order]


def all_pages(db: sqlite_utils.Database, query: DirectoryQuery, limit: int) -> list[str]:
    ids: list[str] = []
    cursor: PageCursor | None = None
    for _ in range(10_000):
        page = people_page(db, query, cursor, limit)
        ids += [row.id for row in page.rows]
        assert len(page.rows) <= limit
        if page.next is None:
            return ids
        cursor = page.next
    raise AssertionError("the pages never ended")


def test_the_unfiltered_list_is_everyone_in_azerbaijani_order(db: sqlite_utils.Database) -> None:
    query = DirectoryQuery()
    ids = all_pages(db, query, 200)
    assert ids == reference(db, "", None)
    assert len(ids) == len(set(ids)) == count_people(db, query) == 500
    names = [row.family_name for row in people_page(db, query, None, 500).rows]
    # Ə after E, I before İ, Ş after S: the alphabet, not code points.
    firsts = [name[0] for name in names]
    assert firsts == sorted(firsts, key="ABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ".index)


TEXTS = ["ismayilov", "İSMAYILOV", "isma", "a", "e", "mem", "memmedova", "cafarov", "resad ism",
         "bas mut", "sektor", "oglu", "1", "+994", "zzzz", "ş", ""]  # fmt: skip
DEPARTMENTS = [None, "Müalicə-profilaktika şöbəsi", "İnsan resursları", "Bakı"]


def subtree_of(db: sqlite_utils.Database, department: str | None) -> tuple[str, ...] | None:
    if department is None:
        return None
    tree = department_tree(db)
    (found,) = [d.id for d in tree.departments.values() if d.name.startswith(department)]
    return tree.subtree(found)


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("department", DEPARTMENTS)
def test_pages_match_a_brute_force_reading(
    db: sqlite_utils.Database, text: str, department: str | None
) -> None:
    """The planner's choice, every cursor, across the boundary of the two groups: small
    pages of 7."""
    departments = subtree_of(db, department)
    query = DirectoryQuery(text, departments)
    expected = reference(db, text, departments)
    assert all_pages(db, query, 7) == expected
    assert count_people(db, query) == len(expected)


@pytest.mark.parametrize("plan", ["walk", "gather", "rows"])
def test_every_plan_gives_the_same_pages(
    db: sqlite_utils.Database, plan: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the cost model picks, each plan alone must give the same list."""
    chosen: list[str] = []

    def forced(planner: _Planner, _limit: int) -> str:
        usable = plan != "rows" or (planner.words and planner.query.departments is not None)
        chosen.append(plan if usable else "gather")
        return chosen[-1]

    monkeypatch.setattr(_Planner, "source", forced)
    for department in DEPARTMENTS:
        departments = subtree_of(db, department)
        for text in TEXTS:
            expected = reference(db, text, departments)
            assert all_pages(db, DirectoryQuery(text, departments), 11) == expected, text
    assert plan in chosen


@pytest.mark.parametrize("text", ["", "a", "ism", "bas mut", "mamedov", "zzzz"])
@pytest.mark.parametrize("department", [None, "Müalicə-profilaktika şöbəsi"])
def test_a_block_by_position_holds_the_rows_the_pages_hold_there(
    db: sqlite_utils.Database, text: str, department: str | None
) -> None:
    """The lazy list's jumps (``people_block`` without a cursor) land on the same rows as
    paging there, the chosen department's head first and the Russian reading included;
    the block's cursor goes on from there."""
    departments = subtree_of(db, department)
    head_of = departments[0] if departments is not None else None
    query = DirectoryQuery(text, departments, head_of=head_of)
    ids = all_pages(db, query, 13)
    assert count_people(db, query) == len(ids)
    for start in sorted({0, 1, 12, 13, 40, max(0, len(ids) - 5), len(ids), len(ids) + 9}):
        block = people_block(db, query, start, 13)
        assert [row.id for row in block.rows] == ids[start : start + 13], (text, start)
        if block.next is not None:
            following = people_block(db, query, start + 13, 13, block.next)
            assert [row.id for row in following.rows] == ids[start + 13 : start + 26]
        else:
            assert start + 13 >= len(ids)
    with pytest.raises(ValueError, match="row 0"):
        people_block(db, query, -1)


def test_ismayilov_finds_ismayilov_with_the_letters_typed_plainly(
    db: sqlite_utils.Database,
) -> None:
    rows = people_page(db, DirectoryQuery("ismayilov")).rows
    assert rows, "no one found"
    assert all(row.family_name.startswith("İsmayılov") for row in rows)
    assert "İsmayılov Rəşad Elçin oğlu" in [row.display_name for row in rows]


def test_the_first_page_agrees_with_the_caches_search(db: sqlite_utils.Database) -> None:
    for text in ("ism", "a", "memmed", "bas", "resad"):
        ours = [row.id for row in people_page(db, DirectoryQuery(text), None, 50).rows]
        assert ours == [row.id for row in search_people(db, text, 50)], text


@pytest.mark.parametrize("text", HOSTILE)
def test_fts_syntax_is_searched_as_text_and_never_raises(
    db: sqlite_utils.Database, text: str
) -> None:
    tree = department_tree(db)
    for departments in (None, tree.subtree(tree.roots[0]), ("no-such-department",)):
        query = DirectoryQuery(text, departments)
        page = people_page(db, query)
        assert count_people(db, query) >= len(page.rows)


def test_department_counts_include_sub_departments(db: sqlite_utils.Database) -> None:
    tree = department_tree(db)
    direct = Counter(row[0] for row in db.conn.execute("SELECT department_id FROM people"))
    assert tree.total_people == 500
    for department in tree.departments.values():
        assert department.members == direct[department.id]
        below = tree.subtree(department.id)
        assert department.total == sum(direct[d] for d in below)
        assert department.total == count_people(db, DirectoryQuery("", below))
    (root,) = tree.roots
    assert tree.departments[root].total == 500
    sectors = [d for d in tree.departments.values() if d.children]
    assert sectors and all(d.total > d.members for d in sectors)


def test_the_tree_is_sorted_and_has_a_path(db: sqlite_utils.Database) -> None:
    tree = department_tree(db)
    (root,) = tree.roots
    children = [tree.departments[c].name for c in tree.departments[root].children]
    assert len(children) > 10
    assert children.index("Əczaçılıq və tibbi texnika şöbəsi") > children.index(
        "Daxili audit şöbəsi"
    )  # Ə after D and E, not after Z
    sector = next(d for d in tree.departments.values() if d.name.endswith("sektoru"))
    assert tree.path(sector.id)[0].id == root


def test_the_card_has_the_path_the_manager_and_the_reports(db: sqlite_utils.Database) -> None:
    head = db.conn.execute(
        "SELECT id FROM people WHERE full_name = 'İsmayılov Rəşad Elçin oğlu'"
    ).fetchone()[0]
    card = person_card(db, head)
    assert card is not None
    assert card.position == "Şöbə müdiri"
    assert [name for _, name in card.department_path] == [
        "Səhiyyə Nazirliyi",
        "Müalicə-profilaktika şöbəsi",
    ]
    assert card.manager is not None and card.manager.position == "Səhiyyə naziri"
    expected = [
        r[0]
        for r in db.conn.execute(
            "SELECT id FROM people WHERE manager_id = ? ORDER BY sort_key", (head,)
        )
    ]
    assert [r.id for r in card.reports] == expected and card.reports_total == len(expected) > 3
    record = json.loads(
        db.conn.execute("SELECT record FROM people WHERE id = ?", (head,)).fetchone()[0]
    )
    assert (card.email, card.phone, card.mobile, card.office) == (
        record["email"],
        record["phone"],
        record["mobile"],
        record["office"],
    )
    assert person_card(db, "no-such-person") is None


def test_a_long_list_of_reports_is_cut_but_counted(db: sqlite_utils.Database) -> None:
    minister = db.conn.execute(
        "SELECT id FROM people WHERE position = 'Səhiyyə naziri'"
    ).fetchone()[0]
    card = person_card(db, minister, reports_limit=5)
    assert card is not None and len(card.reports) == 5 and card.reports_total > 5


def test_the_list_finds_a_person_by_number_address_and_russian_spelling(
    db: sqlite_utils.Database,
) -> None:
    """The directory's own pages and counts, on the demo data (issue 15, items 6-8)."""
    person_id, phone, email, family = db.conn.execute(
        "SELECT id, phone, email, family_name FROM people WHERE family_name LIKE 'M_mm_dov%' "
        "AND phone LIKE '+994 12 %' ORDER BY rid LIMIT 1"
    ).fetchone()
    digits = "".join(c for c in phone if c.isdigit())  # 994 12 xxx xx xx
    national, local = digits[3:], digits[5:]
    spaced = f"{local[:3]} {local[3:5]} {local[5:]}"
    local_part, domain = email.split("@")
    for typed in (local, spaced, "0" + national, phone, "+" + digits,
                  email, f"{local_part.split('.')[-1]}@{domain.split('.')[0]}"):  # fmt: skip
        query = DirectoryQuery(typed)
        ids = [row.id for row in people_page(db, query).rows]
        assert person_id in ids, typed
        assert count_people(db, query) == len(ids) < 5, typed
    assert people_page(db, DirectoryQuery(domain)).rows == []
    russian = "Мамедова" if family.endswith("a") else "Мамедов"
    rows = people_page(db, DirectoryQuery(russian)).rows
    assert person_id in [row.id for row in rows]
    assert all(row.family_name.startswith("Məmmədov") for row in rows)
    assert count_people(db, DirectoryQuery(russian)) == len(rows)


@pytest.mark.parametrize("text", ["Алиев", "Исмайлов", "Mamedov", "Aliev", "Ismailov", "Гусейн"])
def test_russian_spellings_page_like_the_brute_force_reading(
    db: sqlite_utils.Database, text: str
) -> None:
    for department in (None, "Müalicə-profilaktika şöbəsi"):
        departments = subtree_of(db, department)
        query = DirectoryQuery(text, departments)
        expected = reference(db, text, departments)
        assert all_pages(db, query, 7) == expected
        assert count_people(db, query) == len(expected)
    assert reference(db, text, None), "the demo has such people"


# --- a department's head first; its phone list (issue 15, item 15) ----------------------------


def _heads(db: sqlite_utils.Database) -> dict[str, str]:
    """department id -> head's person id, for the departments that have one."""
    rows = db.conn.execute(
        "SELECT id, head_person_id FROM departments WHERE head_person_id IS NOT NULL"
    ).fetchall()
    return {row[0]: row[1] for row in rows}


def test_a_departments_head_leads_its_list_marked_as_head(db: sqlite_utils.Database) -> None:
    tree = department_tree(db)
    heads = _heads(db)
    assert len(heads) > 10
    for department, head in heads.items():
        below = tree.subtree(department)
        query = DirectoryQuery("", below, head_of=department)
        plain = reference(db, "", below)
        expected = [head, *[person for person in plain if person != head]]
        for limit in (1, 2, 7, 200):
            assert all_pages(db, query, limit) == expected, (department, limit)
        first = people_page(db, query).rows[0]
        assert first.id == head and first.is_head
        assert count_people(db, query) == len(plain)
    (chosen,) = [d.id for d in tree.departments.values() if d.name.startswith("Müalicə-prof")]
    first = people_page(db, DirectoryQuery("", tree.subtree(chosen), head_of=chosen)).rows[0]
    assert first.display_name == "İsmayılov Rəşad Elçin oğlu"


def test_every_head_is_marked_and_no_one_else(db: sqlite_utils.Database) -> None:
    heads = set(_heads(db).values())
    rows = people_page(db, DirectoryQuery(), None, 500).rows
    assert {row.id for row in rows if row.is_head} == heads


def test_a_typed_search_in_a_department_keeps_its_own_order(db: sqlite_utils.Database) -> None:
    tree = department_tree(db)
    (chosen,) = [d.id for d in tree.departments.values() if d.name.startswith("Müalicə-prof")]
    below = tree.subtree(chosen)
    for text in ("a", "ism", "resad"):
        query = DirectoryQuery(text, below, head_of=chosen)
        assert all_pages(db, query, 7) == reference(db, text, below)


def test_the_phone_list_has_the_head_first_then_heads_then_everyone(
    db: sqlite_utils.Database,
) -> None:
    tree = department_tree(db)
    (chosen,) = [d.id for d in tree.departments.values() if d.name.startswith("Müalicə-prof")]
    below = tree.subtree(chosen)
    entries = phone_list(db, below, head_of=chosen)
    assert len(entries) == count_people(db, DirectoryQuery("", below))
    assert entries[0].name == "İsmayılov Rəşad Elçin oğlu" and entries[0].is_head
    flags = [entry.is_head for entry in entries]
    assert flags == sorted(flags, reverse=True)  # heads, then the others
    assert sum(flags) == len([d for d in below if d in _heads(db)])
    record = json.loads(
        db.conn.execute(
            "SELECT record FROM people WHERE full_name = 'İsmayılov Rəşad Elçin oğlu'"
        ).fetchone()[0]
    )
    head = entries[0]
    assert (head.position, head.phone, head.mobile, head.email, head.office) == (
        record["position"],
        record["phone"],
        record["mobile"],
        record["email"],
        record["office"],
    )
    assert phone_list(db, ()) == []


HEADERS = ("Ad", "Vəzifə", "Telefon", "Mobil", "E-poçt", "Otaq")


def test_the_phone_list_csv_opens_in_excel_and_runs_no_formula() -> None:
    entries = [
        PhoneListEntry(
            "Məmmədova Gülnarə Şahin qızı",
            "Baş məsləhətçi, sektor",
            "+994 12 558 61 84",
            "+994 50 123 45 67",
            "g.m@health.gov.az",
            'Bina A, otaq "305"',
            "Ümumi şöbə",
            True,
        ),
        PhoneListEntry(
            "Иванов Сергей", '=HYPERLINK("http://x")', "-1+1", "", "@SUM(A1)", "\tx", "", False
        ),
    ]
    data = phone_list_csv(entries, HEADERS, delimiter=";")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0] == list(HEADERS)
    assert rows[1] == [
        "Məmmədova Gülnarə Şahin qızı",
        "Baş məsləhətçi, sektor",
        "'+994 12 558 61 84",
        "'+994 50 123 45 67",
        "g.m@health.gov.az",
        'Bina A, otaq "305"',
    ]
    formulas = ['\'=HYPERLINK("http://x")', "'-1+1", "", "'@SUM(A1)", "'\tx"]
    assert rows[2] == ["Иванов Сергей", *formulas]
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    with pytest.raises(ValueError, match="six columns"):
        phone_list_csv(entries, HEADERS[:5])


# --- the search box's people, on an empty cache of their own (from tests/cache/test_search.py) ---

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
def people_db(empty_db: sqlite_utils.Database) -> sqlite_utils.Database:
    RecordStore(empty_db, CATALOG).apply_page("people", PEOPLE, [], "c1")
    return empty_db


def _ids(db: sqlite_utils.Database, query: str) -> list[str]:
    return [hit.id for hit in search_people(db, query)]


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
def test_azerbaijani_search(people_db: sqlite_utils.Database, query: str, expected: str) -> None:
    assert expected in _ids(people_db, query)


def test_every_word_is_a_prefix_and_all_must_match(people_db: sqlite_utils.Database) -> None:
    assert _ids(people_db, "mem ays") == ["p2"]
    assert _ids(people_db, "ays mem") == ["p2"]
    assert _ids(people_db, "mem orxan") == []


def test_email_domain_is_not_indexed(people_db: sqlite_utils.Database) -> None:
    assert _ids(people_db, "health") == []
    assert _ids(people_db, "gov") == []


def test_family_name_prefix_first_then_azerbaijani_order(people_db: sqlite_utils.Database) -> None:
    # "ali": the family name Əliyev (ə typed as a) first, then the given name Əli.
    assert _ids(people_db, "ali") == ["p4", "p5"]
    # "e": family names Eyvazov then Əliyev (e before ə), then every other match in order.
    hits = _ids(people_db, "e")
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
def test_hostile_input_never_raises(people_db: sqlite_utils.Database, query: str) -> None:
    search_people(people_db, query)


def test_random_hostile_input_never_raises(people_db: sqlite_utils.Database) -> None:
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
        search_people(people_db, "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))))


# --- the index follows the table ----------------------------------------------------------------


def test_index_follows_updates_and_deletes(people_db: sqlite_utils.Database) -> None:
    store = RecordStore(people_db, CATALOG)
    store.apply_page("people", [person("p3", "Rzayev", "Orxan", version=2)], [], "c2")
    assert _ids(people_db, "cafarov") == []
    assert _ids(people_db, "rzayev") == ["p3"]
    store.apply_page("people", [], ["p3"], "c3")
    assert _ids(people_db, "rzayev") == []
    assert _ids(people_db, "orxan") == []


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
    empty_db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch, broad: bool
) -> None:
    db = empty_db
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
    RecordStore(db, CATALOG).apply_page("people", people, [], "c1")
    monkeypatch.setattr(_Planner, "source", lambda self, limit: "walk" if broad else "gather")
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
            assert [h.id for h in search_people(db, query, limit)] == _reference(
                db, query, limit
            ), (query, limit)


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
def typed_db(empty_db: sqlite_utils.Database) -> sqlite_utils.Database:
    RecordStore(empty_db, CATALOG).apply_page("people", TYPED, [], "c1")
    return empty_db


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


def test_a_phone_number_in_any_grouping_finds_its_person(typed_db: sqlite_utils.Database) -> None:
    found = {query: _ids(typed_db, query) for query in PHONE_FORMS}
    assert found == {key: ["t1"] for key in PHONE_FORMS}
    # The start of a number finds everyone whose number starts so.
    assert set(_ids(typed_db, "558 61")) == {"t1", "t2"}
    assert _ids(typed_db, "558 61 85") == ["t2"]


def test_a_mobile_number_finds_its_person(typed_db: sqlite_utils.Database) -> None:
    for query in ("0501234567", "050 123 45 67", "+994 50 123 45 67", "1234567"):
        assert _ids(typed_db, query) == ["t1"], query


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
    typed_db: sqlite_utils.Database,
) -> None:
    found = {query: _ids(typed_db, query) for query in ADDRESS_FORMS}
    assert found == {key: ["t1"] for key in ADDRESS_FORMS}
    for domain in ("health.gov.az", "@health.gov.az", "@health", "health", "gov"):
        assert _ids(typed_db, domain) == [], domain
    assert _ids(typed_db, "turane.ceferli@gmail.com") == []  # another address


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
    typed_db: sqlite_utils.Database, query: str, expected: list[str]
) -> None:
    assert _ids(typed_db, query) == expected


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
    typed_db: sqlite_utils.Database, query: str, expected: list[str]
) -> None:
    assert _ids(typed_db, query) == expected


def test_a_latin_query_that_finds_someone_is_not_respelled(typed_db: sqlite_utils.Database) -> None:
    # "memmed" finds Məmmədov and Abbasov Məmməd as typed: no Russian reading is added
    # (it would add no one here, but must not even be tried: "ali" is no "алі").
    assert _ids(typed_db, "memmed") == ["t2", "t7"]
    assert query_terms("memmed") == [("memmed",)]


def test_a_family_name_typed_in_cyrillic_ranks_first(typed_db: sqlite_utils.Database) -> None:
    # Мамед: Məmmədov by family name first, then Abbasov Məmməd by given name.
    assert _ids(typed_db, "Мамед") == ["t2", "t7"]


def test_a_version_2_cache_finds_numbers_and_addresses_after_migrating() -> None:
    """An existing cache (schema 2, people indexed the old way) is reindexed by the
    migration: no re-sync needed."""
    from cache.migrations import MIGRATIONS, SCHEMA_VERSION, migrate, user_version
    from cache.sqlcipher_compat import dbapi2

    conn = dbapi2.connect(":memory:", isolation_level=None)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    assert migrate(db, MIGRATIONS[:2]) == 2
    RecordStore(db, CATALOG).apply_page("people", TYPED, [], "c1")
    old_text = "cefarli turane cafarli turana turane ceferli 994 12 558 61 84 994 50 123 45 67"
    db.execute("UPDATE people SET search_text = ? WHERE id = 't1'", (old_text,))
    assert _ids(db, "5586184") == _ids(db, "ceferli@health") == []  # as version 2 had it
    assert migrate(db) == SCHEMA_VERSION == user_version(db)
    assert _ids(db, "5586184") == _ids(db, "ceferli@health") == ["t1"]
    assert _ids(db, "cefer") == ["t1"]
    db.execute("INSERT INTO people_fts (people_fts) VALUES ('integrity-check')")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    RecordStore(db, CATALOG).apply_page(
        "people", [person("t1", "Rzayeva", "Turanə", version=2)], [], "c2"
    )
    assert _ids(db, "cefer") == [] and _ids(db, "rzayeva") == ["t1"]  # the trigger is back
    conn.close()


# --- the region a department serves (the Analytics dashboard opens on it) ----------


def test_a_department_serves_its_region_or_the_country(db: sqlite_utils.Database) -> None:
    """Over the synced demo: a regional office and its units serve their economic region
    (the server's ``region_code``), a central department the whole country."""
    by_name = dict(db.conn.execute("SELECT name, id FROM departments").fetchall())
    assert department_region(db, by_name["Bakı şəhəri səhiyyə idarəsi"]) == "baki"
    assert department_region(db, by_name["Şəki-Zaqatala regional səhiyyə idarəsi"]) == (
        "seki-zaqatala"
    )
    assert department_region(db, by_name["Müalicə-profilaktika şöbəsi"]) is None
    assert department_region(db, by_name["Səhiyyə Nazirliyi"]) is None
    assert department_region(db, "no-such-department") is None
    assert department_region(db, None) is None


def test_a_unit_without_a_region_serves_the_one_above_and_a_cycle_ends(
    empty_db: sqlite_utils.Database,
) -> None:
    store = RecordStore(empty_db, CATALOG)
    stamp = {"version": 1, "updated_at": "2026-01-01T00:00:00Z", "head_person_id": None}
    store.apply_page(
        "departments",
        [
            {**stamp, "id": "root", "name": "Nazirlik", "parent_id": None},
            {**stamp, "id": "office", "name": "İdarə", "parent_id": "root", "region_code": "baki"},
            {**stamp, "id": "unit", "name": "Şöbə", "parent_id": "office", "region_code": None},
            {**stamp, "id": "a", "name": "A", "parent_id": "b"},
            {**stamp, "id": "b", "name": "B", "parent_id": "a"},
        ],
        [],
        "c",
    )
    assert department_region(empty_db, "unit") == "baki"
    assert department_region(empty_db, "a") is None  # bad data: no loop, the country
