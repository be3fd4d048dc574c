"""``cache.directory`` over the synced demo cache: pages, counts, departments, the card,
checked against a brute-force reading of the same tables.

Here ``db`` is the demo cache synced from a real server (tests/demo.py), not the empty
cache of tests/cache/conftest.py."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from typing import Any

import pytest
import sqlite_utils

from cache.directory import (
    DirectoryQuery,
    PageCursor,
    PhoneListEntry,
    _Planner,
    count_people,
    department_tree,
    people_page,
    person_card,
    phone_list,
    phone_list_csv,
)
from cache.schema import Catalog
from cache.search import Term, query_terms, search_people, term_sort_prefixes
from client.session import Session

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

    def matches(person: dict[str, Any], some: list[Term]) -> bool:
        return all(any(w.startswith(q) for w in person["words"] for q in term) for term in some)

    if not any(matches(p, words) for p in people):  # no one in the list as typed
        words = query_terms(text, respell=True)
    prefixes = term_sort_prefixes(words[0]) or []
    first, other = [], []
    for person in people:
        if not matches(person, words):
            continue
        in_range = any(person["sort_key"].startswith(prefix) for prefix in prefixes)
        (first if in_range else other).append(person)
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


def test_ismayilov_finds_ismayilov_with_the_letters_typed_plainly(
    db: sqlite_utils.Database,
) -> None:
    rows = people_page(db, DirectoryQuery("ismayilov")).rows
    assert rows, "no one found"
    assert all(row.family_name.startswith("İsmayılov") for row in rows)
    assert "İsmayılov Rəşad Elçin oğlu" in [row.display_name for row in rows]


def test_the_first_page_agrees_with_the_caches_search(
    catalog: Catalog, db: sqlite_utils.Database
) -> None:
    for text in ("ism", "a", "memmed", "bas", "resad"):
        ours = [row.id for row in people_page(db, DirectoryQuery(text), None, 50).rows]
        assert ours == [row["id"] for row in search_people(db, catalog, text, 50)], text


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
