"""The staff directory's queries (the one people planner), and the vCard of a person. No Qt.

There is one way to find people: the Directory list, the search box
(``search_people``) and the lazy list's blocks (``people_block``) all go through
``_Planner``. The list is read page by page (keyset pagination), never all at once: a page is
the next ``limit`` people after a cursor: with a query, first the people whose family name
starts with the first word, then every other match; each group in Azerbaijani
alphabetical order (``sort_key``). Without a query: everyone in that order.
A department filter is the department's whole subtree.

Each page costs about the same wherever it is in the list, and reads indexes
only until it knows its 200 ids: an ordered walk of the ``(sort_key,
search_text)`` index from the cursor on (dense matches), or a gather of the
candidates (FTS hits, department members) through the ``(rid, sort_key)``
index, sorted; a department is tested by rid against its members taken from
the department index, never by reading rows (they are large and encrypted).
Only the page's own rows are read. What the user types is
folded and quoted by ``search.query_words``/``fts_match_expression``, so FTS
syntax is searched as text and never raises.

With a department chosen and nothing typed, the department's head leads its list
(``DirectoryQuery.head_of``), and every department head is marked as such
(``PersonRow.is_head``). A department's phone list (``phone_list``, heads first)
is read for export and printing; ``phone_list_csv`` writes it for Excel.

Department member counts include the sub-departments (a department head sees
everyone under them); the people whose department is not in the cache count
only in the whole-ministry total.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from cache import sqlcipher_compat  # noqa: F401 - sqlite-utils catches sqlcipher3's errors
from cache.search import (
    Term,
    fts_match_expression,
    like_condition,
    query_terms,
    query_words,
    respelled_terms,
    term_sort_prefixes,
)
from domains.listing import Block

__all__ = [
    "PAGE_SIZE",
    "VCARD_3",
    "VCARD_4",
    "VCARD_VERSIONS",
    "Department",
    "DepartmentTree",
    "DirectoryQuery",
    "Page",
    "PageCursor",
    "PeopleList",
    "PersonCard",
    "PersonRow",
    "PhoneListEntry",
    "contact_file_name",
    "count_people",
    "department_region",
    "department_tree",
    "people_block",
    "people_by_ids",
    "people_by_record_ids",
    "people_page",
    "person_card",
    "person_vcard",
    "phone_list",
    "phone_list_csv",
    "search_people",
]

PAGE_SIZE = 200
MIN_CAP = 200
ROW_COST = 20
"""Reading a row costs about 20 index entries: rows are large and each page is decrypted."""
MAX_DEPTH = 64
"""Deeper department chains than this are taken as a cycle in bad data."""

_PERSON_COLUMNS = (
    "p.rid",
    "p.id",
    "p.full_name",
    "p.given_name",
    "p.family_name",
    "p.patronymic",
    "p.position",
    "p.department_id",
    "d.name",
)


@dataclass(frozen=True)
class PersonRow:
    """What a list row shows of a person."""

    rid: int
    id: str
    full_name: str
    given_name: str
    family_name: str
    patronymic: str
    position: str
    department_id: str | None
    department_name: str
    is_head: bool = False
    """Heads some department (``departments.head_person_id``)."""

    @property
    def display_name(self) -> str:
        """The official order, "İsmayılov Rəşad Elçin oğlu"; built if the record has none."""
        if self.full_name:
            return self.full_name
        parts = (self.family_name, self.given_name, self.patronymic)
        return " ".join(part for part in parts if part)


@dataclass(frozen=True)
class DirectoryQuery:
    """What the list shows: the search box's text and the chosen department's subtree
    (``None``: the whole ministry)."""

    text: str = ""
    departments: tuple[str, ...] | None = None
    head_of: str | None = None
    """The chosen department: its head leads the list when nothing is typed."""


@dataclass(frozen=True)
class PageCursor:
    """Where the next page starts: after this row. ``group`` 1 is the family-name
    matches, 2 the other matches, 0 the unsearched list (3: only its head shown yet).
    ``respelled``: the list is of the query read the Russian way (it found no one as
    typed: ``search.respelled_terms``)."""

    group: int
    sort_key: str
    rid: int
    respelled: bool = False


@dataclass(frozen=True)
class Page:
    rows: list[PersonRow]
    next: PageCursor | None
    """None when the list ended with this page."""


def _after_prefix(prefix: str) -> str:
    """The smallest string above every string that starts with ``prefix``."""
    last = ord(prefix[-1])
    if last >= 0x10FFFF:
        return prefix + "\U0010ffff"
    return prefix[:-1] + chr(last + 1)


def _like_condition(words: Sequence[Term]) -> tuple[str, list[Any]]:
    """Each term starts a word of ``search_text`` (see ``search.like_condition``)."""
    return like_condition(words)


def _fts_condition(words: Sequence[Term]) -> tuple[str, list[Any]]:
    if not words:
        return "1", []
    return (
        "rid IN (SELECT rowid FROM people_fts WHERE people_fts MATCH ?)",
        [fts_match_expression(list(words))],
    )


def _member_condition(
    departments: tuple[str, ...] | None, column: str = "rid"
) -> tuple[str, list[Any]]:
    """The people of these departments, as a set of rids taken from the department index
    alone: a walk or gather then tests ``rid`` from its own index entry, without reading
    the (large, encrypted) row for its ``department_id``."""
    if departments is None:
        return "1", []
    if not departments:
        return "0", []
    marks = ", ".join("?" * len(departments))
    return (
        f"{column} IN (SELECT m.rid FROM people AS m INDEXED BY people_department_id "
        f"WHERE m.department_id IN ({marks}))",
        list(departments),
    )


def _cursor_condition(after: PageCursor | None) -> tuple[str, list[Any]]:
    """After the cursor in (sort_key, rid) order. The ``sort_key >= ?`` term alone drives
    the index range; the row value only sorts out the ties."""
    if after is None:
        return "1", []
    return "sort_key >= ? AND (sort_key > ? OR rid > ?)", [
        after.sort_key,
        after.sort_key,
        after.rid,
    ]


class _Planner:
    """Picks, for one query, how to find a page of its people (see the module).

    ``walk``: the sort index ``(sort_key, search_text)`` in order from the cursor,
    testing the words with LIKE and the department by rid; about ``limit / density``
    entries. ``gather``: the candidates' rids (FTS hits, department members) looked up
    in the ``(rid, sort_key)`` index and sorted; about as many entries as candidates.
    Both read indexes only. ``rows``: a small department's rows, read and tested with
    LIKE, for a broad search in it (cheaper than gathering thousands of FTS hits).
    The counts it needs are exact but capped.
    """

    def __init__(
        self, db: sqlite_utils.Database, query: DirectoryQuery, words: list[Term] | None = None
    ) -> None:
        self.conn = db.conn
        self.query = query
        self.words = query_terms(query.text) if words is None else words
        self.total = int(self.conn.execute("SELECT max(rid) FROM people").fetchone()[0] or 0)
        self.cap = max(MIN_CAP, self.total // 4)
        self._hits: int | None = None
        self._members: int | None = None

    def hits(self) -> int:
        """FTS hits of every word (up to the cap: beyond it a walk is cheap anyway)."""
        if self._hits is None:
            self._hits = int(
                self.conn.execute(
                    "SELECT count(*) FROM (SELECT 1 FROM people_fts WHERE people_fts MATCH ? "
                    "LIMIT ?)",
                    (fts_match_expression(self.words), self.cap),
                ).fetchone()[0]
            )
        return self._hits

    def members(self) -> int:
        """People of the chosen departments (from the department index only)."""
        if self._members is None:
            departments = self.query.departments or ()
            marks = ", ".join("?" * len(departments))
            self._members = (
                int(
                    self.conn.execute(
                        "SELECT count(*) FROM people INDEXED BY people_department_id "
                        f"WHERE department_id IN ({marks})",
                        departments,
                    ).fetchone()[0]
                )
                if departments
                else 0
            )
        return self._members

    def source(self, limit: int) -> str:
        """``walk``, ``gather`` or ``rows``, whichever reads the least."""
        searching, filtering = bool(self.words), self.query.departments is not None
        if not searching and not filtering:
            return "walk"
        total = max(1, self.total)
        hits = self.hits() if searching else total
        members = self.members() if filtering else total
        if hits == 0 or members == 0:
            return "gather"  # nothing can match: the gather is empty at once
        density = (hits / total) * (members / total)
        costs = {
            "walk": min(total, limit / density) + (members if filtering else 0),
            "gather": (hits if searching else 0) + (members if filtering else 0),
        }
        if searching and filtering:
            costs["rows"] = members * ROW_COST
        return min(costs, key=lambda plan: costs[plan])


_PLAN_INDEX = {"walk": "people_sort", "gather": "people_rid_sort", "rows": "people_department_id"}


def _select_rids(
    conn: Any, where: Sequence[tuple[str, list[Any]]], source: str, limit: int, skip: int = 0
) -> list[tuple[str, int]]:
    sql = " AND ".join(f"({part})" for part, _ in where)
    params = [value for _, values in where for value in values]
    rows = conn.execute(
        f"SELECT sort_key, rid FROM people INDEXED BY {_PLAN_INDEX[source]} WHERE {sql} "
        "ORDER BY sort_key, rid LIMIT ? OFFSET ?",
        (*params, limit, skip),
    ).fetchall()
    return [(row[0] or "", row[1]) for row in rows]


def _ordered_page(
    planner: _Planner,
    after: PageCursor | None,
    limit: int,
    exclude: int | None = None,
    skip: int = 0,
) -> list[tuple[int, str, int]]:
    """(group, sort_key, rid) of the next ``limit`` people after the cursor, ``skip``
    of them passed over first (without ``exclude``: the head, shown first; only for an
    unsearched list). Skipping reads index entries only: an unsearched list skips in
    SQL (``OFFSET`` on the covering sort index), a search gathers ``skip + limit``
    (sort_key, rid) pairs and drops the first ``skip``."""
    conn, words, query = planner.conn, planner.words, planner.query
    members = _member_condition(query.departments)
    if not words:
        source = planner.source(skip + limit)
        where = [members, _cursor_condition(after)]
        if exclude is not None:
            where.append(("rid <> ?", [exclude]))
        rows = _select_rids(conn, where, source, limit, skip)
        return [(0, key, rid) for key, rid in rows]
    if skip:
        return _ordered_page(planner, after, skip + limit, exclude)[skip:]

    found: list[tuple[int, str, int]] = []
    prefixes = term_sort_prefixes(words[0]) or []
    ranges = [(low, _after_prefix(low)) for low in prefixes]
    if after is None or after.group == 1:
        # Group 1: the family name starts with the first word. The ranges are disjoint
        # and in order, and short: walking them one after another keeps the order.
        rest = _like_condition(words[1:])
        for low, high in ranges:
            if after is not None and after.sort_key >= high:
                continue
            range_condition = ("sort_key >= ? AND sort_key < ?", [low, high])
            rows = _select_rids(
                conn,
                [range_condition, rest, members, _cursor_condition(after)],
                "walk",
                limit - len(found),
            )
            found += [(1, key, rid) for key, rid in rows]
            if len(found) >= limit:
                return found
        after = None
    # Group 2: every other match.
    source = planner.source(limit)
    matching = _fts_condition(words) if source == "gather" else _like_condition(words)
    if source == "rows" and query.departments:  # few members' rows, read: test them directly
        members = (
            f"department_id IN ({', '.join('?' * len(query.departments))})",
            list(query.departments),
        )
    outside = [("NOT (sort_key >= ? AND sort_key < ?)", [low, high]) for low, high in ranges]
    rows = _select_rids(
        conn,
        [matching, *outside, members, _cursor_condition(after)],
        source,
        limit - len(found),
    )
    return found + [(2, key, rid) for key, rid in rows]


def people_by_ids(db: sqlite_utils.Database, rids: Sequence[int]) -> list[PersonRow]:
    """The list rows of these people (by ``rid``), in the order given."""
    if not rids:
        return []
    marks = ", ".join("?" * len(rids))
    rows = db.conn.execute(
        f"SELECT {', '.join(_PERSON_COLUMNS)} FROM people p "
        "LEFT JOIN departments d ON d.id = p.department_id "
        f"WHERE p.rid IN ({marks})",
        list(rids),
    ).fetchall()
    heads = _heads_among(db, [row[1] for row in rows])
    by_rid = {row[0]: _person_row(row, row[1] in heads) for row in rows}
    return [by_rid[rid] for rid in rids if rid in by_rid]


def _heads_among(db: sqlite_utils.Database, person_ids: Sequence[str]) -> set[str]:
    """Which of these people head a department (one query for a page)."""
    if not person_ids:
        return set()
    found = db.conn.execute(
        "SELECT DISTINCT head_person_id FROM departments "
        f"WHERE head_person_id IN ({', '.join('?' * len(person_ids))})",
        list(person_ids),
    ).fetchall()
    return {row[0] for row in found}


def _head_of(db: sqlite_utils.Database, query: DirectoryQuery) -> tuple[str, int] | None:
    """(sort_key, rid) of the chosen department's head, if they are in the list."""
    if query.head_of is None or query_words(query.text):
        return None
    row = db.conn.execute(
        "SELECT p.sort_key, p.rid, p.department_id FROM departments d "
        "JOIN people p ON p.id = d.head_person_id WHERE d.id = ?",
        (query.head_of,),
    ).fetchone()
    if row is None or (query.departments is not None and row[2] not in query.departments):
        return None
    return row[0] or "", int(row[1])


def _person_row(row: Sequence[Any], is_head: bool = False) -> PersonRow:
    return PersonRow(
        rid=int(row[0]),
        id=str(row[1]),
        full_name=row[2] or "",
        given_name=row[3] or "",
        family_name=row[4] or "",
        patronymic=row[5] or "",
        position=row[6] or "",
        department_id=row[7],
        department_name=row[8] or "",
        is_head=is_head,
    )


HEAD_GROUP = 3
"""The cursor after a first page that held only the department's head."""


def people_page(
    db: sqlite_utils.Database,
    query: DirectoryQuery,
    after: PageCursor | None = None,
    limit: int = PAGE_SIZE,
) -> Page:
    """The next page of the list for ``query``; start with ``after=None``."""
    if limit <= 0:
        return Page([], after)
    if query.text.strip() and not query_words(query.text):
        return Page([], None)  # only punctuation typed: nothing matches
    typed = query_terms(query.text)
    respelled = respelled_terms(query.text, typed) if typed else None
    if after is not None and after.respelled and respelled is not None:
        return _page(db, query, after, limit, respelled, respelled=True)
    page = _page(db, query, after, limit, typed, respelled=False)
    if after is None and not page.rows and respelled is not None:
        return _page(db, query, after, limit, respelled, respelled=True)  # the Russian way
    return page


def _page(
    db: sqlite_utils.Database,
    query: DirectoryQuery,
    after: PageCursor | None,
    limit: int,
    words: list[Term],
    respelled: bool,
) -> Page:
    """``people_page`` for one reading of the query."""
    planner = _Planner(db, query, words)
    head = _head_of(db, query)
    if head is None:
        ordered = _ordered_page(planner, after, limit)
    else:  # the head first, then everyone else in order
        first_page = after is None
        if first_page and limit == 1:
            rows = people_by_ids(db, [head[1]])
            return Page(rows, PageCursor(HEAD_GROUP, "", 0))
        ordered = _ordered_page(
            planner,
            None if after is None or after.group == HEAD_GROUP else after,
            limit - 1 if first_page else limit,
            exclude=head[1],
        )
        if first_page:
            ordered = [(0, head[0], head[1]), *ordered]
    rows = people_by_ids(db, [rid for _, _, rid in ordered])
    cursor = None
    if len(ordered) >= limit:
        group, key, rid = ordered[-1]
        cursor = PageCursor(group, key, rid, respelled)
    return Page(rows, cursor)


def people_block(
    db: sqlite_utils.Database,
    query: DirectoryQuery,
    start: int,
    limit: int = PAGE_SIZE,
    after: PageCursor | None = None,
) -> Page:
    """Rows ``start`` to ``start + limit`` of the list for ``query`` (the lazy list's
    blocks). With ``after`` (the cursor of the page that ends at ``start``) it is a keyset
    page, as cheap anywhere in the list; without, a jump: the rows before ``start`` are
    skipped in the indexes (``_ordered_page``), never read."""
    if start < 0:
        raise ValueError("a block starts at row 0 or later")
    if after is not None or start == 0:
        return people_page(db, query, after, limit)
    if limit <= 0 or (query.text.strip() and not query_words(query.text)):
        return Page([], None)
    typed = query_terms(query.text)
    ordered, respelled = _ordered_block(db, query, typed, start, limit), False
    if not ordered and typed:
        other = respelled_terms(query.text, typed)
        if other is not None and not _ordered_block(db, query, typed, 0, 1):
            ordered, respelled = _ordered_block(db, query, other, start, limit), True
    rows = people_by_ids(db, [rid for _, _, rid in ordered])
    cursor = None
    if len(ordered) >= limit:
        group, key, rid = ordered[-1]
        cursor = PageCursor(group, key, rid, respelled)
    return Page(rows, cursor)


def _ordered_block(
    db: sqlite_utils.Database, query: DirectoryQuery, words: list[Term], start: int, limit: int
) -> list[tuple[int, str, int]]:
    """(group, sort_key, rid) of rows ``start`` to ``start + limit`` for one reading of
    the query, the chosen department's head first (as ``_page`` orders them)."""
    planner = _Planner(db, query, words)
    head = _head_of(db, query)
    if head is None:
        return _ordered_page(planner, None, limit, skip=start)
    if start == 0:
        return [(0, head[0], head[1]), *_ordered_page(planner, None, limit - 1, exclude=head[1])]
    return _ordered_page(planner, None, limit, exclude=head[1], skip=start - 1)


def search_people(db: sqlite_utils.Database, query: str, limit: int = 50) -> list[PersonRow]:
    """The search box's first ``limit`` people for what was typed, in the list's order
    (family-name matches first). Nothing typed (or only punctuation) finds no one."""
    if not query_words(query) or limit <= 0:
        return []
    return people_page(db, DirectoryQuery(query), None, limit).rows


def people_by_record_ids(db: sqlite_utils.Database, ids: Sequence[str]) -> list[PersonRow]:
    """The list rows of these people (by record ``id``), in the order given."""
    if not ids:
        return []
    found = db.conn.execute(
        f"SELECT id, rid FROM people WHERE id IN ({', '.join('?' * len(ids))})", list(ids)
    ).fetchall()
    rid_of = {row[0]: row[1] for row in found}
    return people_by_ids(db, [rid_of[i] for i in ids if i in rid_of])


class PeopleList:
    """The Directory list as a ``domains.listing.RowSource``: blocks of ``people_block``,
    counted by ``count_people``. One order only (the ranking of a search, else
    Azerbaijani alphabetical): ``sorted`` offers no other."""

    collections = frozenset({"people", "departments"})

    def count(self, db: sqlite_utils.Database, query: DirectoryQuery) -> int:
        return count_people(db, query)

    def block(
        self,
        db: sqlite_utils.Database,
        query: DirectoryQuery,
        start: int,
        limit: int,
        after: object | None,
    ) -> Block[PersonRow]:
        cursor = after if isinstance(after, PageCursor) else None
        page = people_block(db, query, start, limit, cursor)
        return Block(page.rows, page.next)

    def rows_by_id(self, db: sqlite_utils.Database, ids: Sequence[str]) -> list[PersonRow]:
        return people_by_record_ids(db, ids)

    def row_id(self, row: PersonRow) -> str:
        return row.id

    def sorted(self, query: DirectoryQuery, column: int, descending: bool) -> DirectoryQuery | None:
        return query if column == 0 and not descending else None


def count_people(db: sqlite_utils.Database, query: DirectoryQuery) -> int:
    """How many people the query finds (for the count label); indexes only."""
    if query.text.strip() and not query_words(query.text):
        return 0
    conn = db.conn
    words = query_terms(query.text)
    if not words:
        if query.departments is None:
            return int(conn.execute("SELECT count(*) FROM people").fetchone()[0])
        return _Planner(db, query).members()
    found = _count_matches(conn, words, query.departments)
    if found == 0:  # as the list does: read the Russian way when no one matches as typed
        respelled = respelled_terms(query.text, words)
        if respelled is not None:
            found = _count_matches(conn, respelled, query.departments)
    return found


def _count_matches(conn: Any, words: list[Term], departments: tuple[str, ...] | None) -> int:
    # "+rowid": a plain rowid IN (...) would drive FTS5 row by row, one MATCH per member.
    members, params = _member_condition(departments, "+rowid")
    return int(
        conn.execute(
            f"SELECT count(*) FROM people_fts WHERE people_fts MATCH ? AND {members}",
            (fts_match_expression(words), *params),
        ).fetchone()[0]
    )


# --- a department's phone list (export, print) -----------------------------------------


@dataclass(frozen=True)
class PhoneListEntry:
    """One line of a phone list."""

    name: str
    position: str
    phone: str
    mobile: str
    email: str
    office: str
    department: str
    is_head: bool


def phone_list(
    db: sqlite_utils.Database, departments: Sequence[str], head_of: str | None = None
) -> list[PhoneListEntry]:
    """The people of these departments for a phone list: ``head_of``'s head first, then
    the heads of the other departments, then everyone in Azerbaijani order. A bulk read:
    call it on a worker."""
    if not departments:
        return []
    marks = ", ".join("?" * len(departments))
    rows = db.conn.execute(
        "SELECT p.id, p.full_name, p.family_name, p.given_name, p.patronymic, p.position, "
        "p.phone, p.mobile, p.email, p.office, d.name FROM people p "
        "LEFT JOIN departments d ON d.id = p.department_id "
        f"WHERE p.department_id IN ({marks}) ORDER BY p.sort_key, p.rid",
        list(departments),
    ).fetchall()
    heads = {
        row[0]: row[1]
        for row in db.conn.execute(
            f"SELECT head_person_id, id FROM departments WHERE id IN ({marks}) "
            "AND head_person_id IS NOT NULL",
            list(departments),
        ).fetchall()
    }
    entries = []
    for row in rows:
        name = row[1] or " ".join(part for part in (row[2], row[3], row[4]) if part)
        entry = PhoneListEntry(
            name=name,
            position=row[5] or "",
            phone=row[6] or "",
            mobile=row[7] or "",
            email=row[8] or "",
            office=row[9] or "",
            department=row[10] or "",
            is_head=row[0] in heads,
        )
        rank = 0 if heads.get(row[0]) == head_of and head_of is not None else 1
        entries.append((rank if entry.is_head else 2, entry))
    return [entry for _, entry in sorted(entries, key=lambda pair: pair[0])]  # stable


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting so is a formula to Excel (CSV injection): it gets a leading ``'``."""


def _safe_cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def phone_list_csv(
    entries: Sequence[PhoneListEntry], headers: Sequence[str], delimiter: str = ","
) -> bytes:
    """The phone list as CSV for Excel: UTF-8 with a byte-order mark (else Excel reads
    Azerbaijani and Cyrillic letters as mojibake), CRLF, every field quoted where needed,
    and no cell Excel would run as a formula. ``headers``: the six column titles, in the
    user's language (name, position, phone, mobile, e-mail, office); ``delimiter``: ``;``
    where Excel expects it (a locale whose decimal mark is a comma)."""
    if len(headers) != 6:
        raise ValueError("a phone list has six columns")
    if delimiter not in (",", ";", "\t"):
        raise ValueError(f"unsupported delimiter {delimiter!r}")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([_safe_cell(header) for header in headers])
    for entry in entries:
        fields = (entry.name, entry.position, entry.phone, entry.mobile, entry.email, entry.office)
        writer.writerow([_safe_cell(field) for field in fields])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# --- departments ---------------------------------------------------------------


@dataclass
class Department:
    """One unit of the tree. ``members``: its own people; ``total``: with its subtree."""

    id: str
    name: str
    parent_id: str | None
    members: int = 0
    total: int = 0
    children: list[str] = field(default_factory=list)


@dataclass
class DepartmentTree:
    """The departments in cache order (Azerbaijani alphabetical among siblings)."""

    departments: dict[str, Department]
    roots: list[str]
    total_people: int

    def subtree(self, department_id: str) -> tuple[str, ...]:
        """The department and everything under it (each once, even in a cyclic tree)."""
        if department_id not in self.departments:
            return (department_id,)
        seen: dict[str, None] = {}
        stack = [department_id]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen[current] = None
            stack.extend(reversed(self.departments[current].children))
        return tuple(seen)

    def path(self, department_id: str | None) -> list[Department]:
        """From the top of the ministry down to this department."""
        path: list[Department] = []
        seen: set[str] = set()
        current = department_id
        while current is not None and current in self.departments and current not in seen:
            seen.add(current)
            department = self.departments[current]
            path.append(department)
            current = department.parent_id
            if len(path) > MAX_DEPTH:
                break
        return path[::-1]


def department_tree(db: sqlite_utils.Database) -> DepartmentTree:
    """Every department with its member counts (sub-departments included)."""
    conn = db.conn
    departments: dict[str, Department] = {}
    for row in conn.execute(
        "SELECT id, name, parent_id FROM departments ORDER BY sort_key, rid"
    ).fetchall():
        departments[row[0]] = Department(id=row[0], name=row[1] or row[0], parent_id=row[2])
    total = 0
    for department_id, members in conn.execute(
        "SELECT department_id, count(*) FROM people GROUP BY department_id"
    ).fetchall():
        total += members
        if department_id in departments:
            departments[department_id].members = members
    roots: list[str] = []
    for department in departments.values():  # in sort order: children lists come sorted
        parent = department.parent_id
        if parent is None or parent not in departments or _is_cyclic(departments, department.id):
            roots.append(department.id)
        else:
            departments[parent].children.append(department.id)
    tree = DepartmentTree(departments, roots, total)
    for department in departments.values():
        department.total = sum(departments[i].members for i in tree.subtree(department.id))
    return tree


def department_region(db: sqlite_utils.Database, department_id: str | None) -> str | None:
    """The economic region a department serves (its ``region_code``, else the nearest
    one above it: a unit of a regional office serves its region); None: the whole
    country (a central department, no department, or one this copy does not hold)."""
    current: str | None = department_id
    seen: set[str] = set()
    while current is not None and current not in seen and len(seen) <= MAX_DEPTH:
        seen.add(current)
        row = db.conn.execute(
            "SELECT json_extract(record, '$.region_code'), parent_id FROM departments WHERE id = ?",
            (current,),
        ).fetchone()
        if row is None:
            return None
        region, current = row
        if isinstance(region, str) and region:
            return region
    return None


def _is_cyclic(departments: Mapping[str, Department], department_id: str) -> bool:
    """Whether following parents from here comes back here (bad data: make it a root)."""
    current = departments[department_id].parent_id
    for _ in range(MAX_DEPTH):
        if current is None or current not in departments:
            return False
        if current == department_id:
            return True
        current = departments[current].parent_id
    return True


# --- the person card -------------------------------------------------------------


@dataclass(frozen=True)
class PersonCard:
    """Everything the card shows of one person."""

    id: str
    full_name: str
    given_name: str
    family_name: str
    patronymic: str
    position: str
    email: str
    phone: str
    mobile: str
    office: str
    department_id: str | None
    department_path: list[tuple[str, str]]
    """(id, name) from the top of the ministry down to the person's department."""
    manager: PersonRow | None
    reports: list[PersonRow]
    reports_total: int


def _text(record: Mapping[str, Any], name: str) -> str:
    value = record.get(name)
    return value.strip() if isinstance(value, str) else ""


def person_card(
    db: sqlite_utils.Database, person_id: str, reports_limit: int = 500
) -> PersonCard | None:
    """The card of a person, or None when they are not (or no longer) in the cache."""
    conn = db.conn
    row = conn.execute("SELECT record FROM people WHERE id = ?", (person_id,)).fetchone()
    if row is None:
        return None
    record = json.loads(row[0])
    department_id = record.get("department_id")
    path: list[tuple[str, str]] = []
    seen: set[str] = set()
    current = department_id if isinstance(department_id, str) else None
    while current is not None and current not in seen and len(path) <= MAX_DEPTH:
        seen.add(current)
        found = conn.execute(
            "SELECT name, parent_id FROM departments WHERE id = ?", (current,)
        ).fetchone()
        if found is None:
            break
        path.append((current, found[0] or current))
        current = found[1]
    manager = None
    manager_id = record.get("manager_id")
    if isinstance(manager_id, str) and manager_id != person_id:
        found = conn.execute("SELECT rid FROM people WHERE id = ?", (manager_id,)).fetchone()
        if found is not None:
            manager = people_by_ids(db, [found[0]])[0]
    report_rids = [
        r[0]
        for r in conn.execute(
            "SELECT rid FROM people WHERE manager_id = ? AND id <> ? ORDER BY sort_key, rid "
            "LIMIT ?",
            (person_id, person_id, reports_limit),
        ).fetchall()
    ]
    reports_total = len(report_rids)
    if reports_total >= reports_limit:
        reports_total = int(
            conn.execute(
                "SELECT count(*) FROM people WHERE manager_id = ? AND id <> ?",
                (person_id, person_id),
            ).fetchone()[0]
        )
    return PersonCard(
        id=person_id,
        full_name=_text(record, "full_name"),
        given_name=_text(record, "given_name"),
        family_name=_text(record, "family_name"),
        patronymic=_text(record, "patronymic"),
        position=_text(record, "position"),
        email=_text(record, "email"),
        phone=_text(record, "phone"),
        mobile=_text(record, "mobile"),
        office=_text(record, "office"),
        department_id=department_id if isinstance(department_id, str) else None,
        department_path=path[::-1],
        manager=manager,
        reports=people_by_ids(db, report_rids),
        reports_total=reports_total,
    )


# --- vCard 3.0 (RFC 2426) and 4.0 (RFC 6350) ------------------------------------------

VCARD_3 = "3.0"
"""The default: Outlook desktop imports 3.0 far more reliably than 4.0 (docs/ui.md)."""
VCARD_4 = "4.0"
VCARD_VERSIONS = (VCARD_3, VCARD_4)

VCARD_LINE_OCTETS = 75
CRLF = "\r\n"


def _escape(value: str) -> str:
    """A text value or component: backslash, comma, semicolon and newlines escaped."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets (continuations start with a
    space), never inside a UTF-8 sequence."""
    encoded = line.encode("utf-8")
    if len(encoded) <= VCARD_LINE_OCTETS:
        return line
    parts: list[str] = []
    start, budget = 0, VCARD_LINE_OCTETS
    while start < len(encoded):
        end = min(start + budget, len(encoded))
        while end < len(encoded) and (encoded[end] & 0xC0) == 0x80:
            end -= 1  # do not cut a character: back up to its first octet
        parts.append(encoded[start:end].decode("utf-8"))
        start, budget = end, VCARD_LINE_OCTETS - 1
    return (CRLF + " ").join(parts)


def _tel_uri(number: str) -> str | None:
    """``+994 12 345 67 89`` as ``tel:+994-12-345-67-89`` (RFC 3966), or None when the
    number has more than digits, a leading plus and visual separators."""
    compact = number.strip()
    if not re.fullmatch(r"\+?[0-9][0-9 ().\-]*", compact):
        return None
    groups = re.findall(r"[0-9]+", compact)
    prefix = "+" if compact.startswith("+") else ""
    if not prefix:
        return None  # a local number has no valid tel: URI without a phone-context
    return "tel:" + prefix + "-".join(groups)


def _tel_line(kinds: str, number: str, version: str) -> str:
    """4.0: a ``tel:`` URI where the number allows one; 3.0: the number as text, as
    written (Outlook shows a 4.0 URI as text, ``tel:`` and all)."""
    uri = _tel_uri(number) if version == VCARD_4 else None
    if uri is not None:
        return f"TEL;VALUE=uri;TYPE={kinds}:{uri}"
    return f"TEL;TYPE={kinds}:{_escape(number)}"


def person_vcard(
    card: PersonCard, organization: str | None = None, version: str = VCARD_3
) -> bytes:
    """The person as a vCard 3.0 (RFC 2426, the default) or 4.0 (RFC 6350): UTF-8,
    CRLF, escaped and folded.

    N is family;given;patronymic (as the additional name). ORG is the department
    path (organisation, then units; ``organization`` replaces the top when the
    department path is unknown); the office goes in ADR's extended address.
    The versions differ where 3.0 has no notion: no KIND, phones as text, the
    e-mail typed INTERNET, type values in capitals as Outlook writes them.
    """
    if version not in VCARD_VERSIONS:
        raise ValueError(f"vCard version {version!r}: only {', '.join(VCARD_VERSIONS)}")
    modern = version == VCARD_4
    full_name = card.full_name or " ".join(
        part for part in (card.family_name, card.given_name, card.patronymic) if part
    )
    lines = [
        "BEGIN:VCARD",
        f"VERSION:{version}",
        *(["KIND:individual"] if modern else []),
        f"FN:{_escape(full_name)}",
        "N:"
        + ";".join(_escape(part) for part in (card.family_name, card.given_name, card.patronymic))
        + ";;",
    ]
    units = [name for _, name in card.department_path]
    if not units and organization:
        units = [organization]
    if units:
        lines.append("ORG:" + ";".join(_escape(unit) for unit in units))
    if card.position:
        lines.append(f"TITLE:{_escape(card.position)}")
    work = "work" if modern else "WORK"
    if card.phone:
        lines.append(_tel_line(f"{work},voice" if modern else "WORK,VOICE", card.phone, version))
    if card.mobile:
        lines.append(_tel_line(f"{work},cell" if modern else "WORK,CELL", card.mobile, version))
    if card.email:
        kinds = work if modern else "INTERNET,WORK"
        lines.append(f"EMAIL;TYPE={kinds}:{_escape(card.email)}")
    if card.office:
        lines.append(f"ADR;TYPE={work}:;{_escape(card.office)};;;;;")
    person_uuid = uuid.uuid5(uuid.NAMESPACE_URL, f"urn:ministry-intranet:person:{card.id}")
    lines += [f"UID:urn:uuid:{person_uuid}", "END:VCARD"]
    return "".join(_fold(line) + CRLF for line in lines).encode("utf-8")


_RESERVED_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{i}" for i in range(1, 10)}
    | {f"LPT{i}" for i in range(1, 10)}
)
_UNSAFE_CHARACTERS = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
MAX_FILE_STEM = 120


def contact_file_name(name: str, suffix: str = ".vcf") -> str:
    """A file name for a person's contact that is safe on Windows and elsewhere: no path
    separators or reserved characters, no reserved device name, not hidden, bounded."""
    stem = unicodedata.normalize("NFC", name)
    stem = _UNSAFE_CHARACTERS.sub(" ", stem)
    stem = " ".join(stem.split()).strip(" .")
    stem = stem[:MAX_FILE_STEM].rstrip(" .")
    if not stem or stem.split(".")[0].upper() in _RESERVED_NAMES:
        stem = f"contact {stem}".strip() if stem else "contact"
    return stem + suffix
