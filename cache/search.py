"""Search as you type over the FTS5 indexes (documents, registry rows), and the query
words and SQL pieces every search uses (people too: ``domains.directory.queries`` is
the one people planner, on these same pieces).

Both sides are folded: the indexed ``search_text`` by
``folding.az_search_text`` when a row is written (ə indexed as both e and
a), the query here by ``folding.az_words``. The query is never passed to FTS5
as syntax: it is cut into words of letters and digits, each word becomes a
quoted FTS string with a prefix star (``"ismay"*``), and the words are AND-ed.
So ``"``, ``*``, ``AND``, ``NEAR(``, ``col:val`` and the like are searched as
plain text and never raise.

Ranking: first the rows whose first sort field (a person's family name)
starts with the first word, under any Azerbaijani spelling of it
(``sort_key_prefixes``: ``cafarov`` and ``ceferov`` both start ``Cəfərov``),
then every other match; both in Azerbaijani alphabetical order.

Speed: a cheap FTS probe (count hits up to a bound) tells a broad query
(``a``, ``oglu``) from a selective one. A broad one walks the
``(sort_key, search_text)`` index in order, testing each entry's words with
LIKE (exact, since ``search_text`` is single-spaced words), and stops at the
limit: matches are dense, so the walk is short. A selective one gathers its
few FTS hits through the narrow ``(rid, sort_key)`` index and sorts them.
Family-name ranges are always walked. Nothing sorts or reads every match.

What people paste is read the way they mean it (``query_words``): a phone number
in any grouping (``012 558 61 84``, ``+994125586184``) becomes one word of its
digits without the country code or trunk 0 (``125586184``), found among the
digit-only forms the index holds for each number (national and subscriber,
``folding.phone_search_words``); an e-mail address or its tail with the domain
(``ceferli@health``) becomes one joined word, found among the joined forms of
the address (``folding.email_search_words``); the domain alone finds no one.
A Cyrillic word (``Мамедов``) is searched under each of its Latin spellings
(``transliteration``): each query word is a *term*, a tuple of alternatives of
which a word of the row must start with one. A Latin query that finds nothing
as typed is tried once more respelled the Russian way (``Mamedov``, ``Aliev``;
``respelled_terms``): only then, so a query that finds people costs nothing more.

Registry rows (``deferred_search``) are indexed in bulk after they are stored, in the
background once a sync is done (``store.update_search_index``). A search never waits
for that and never writes: rows the index does not cover yet (``rid`` above
``indexed_upto``, and changed rows listed in ``search_backlog``, whose old words are
still indexed) are scanned with the same LIKE test the people search uses, over their
text folded by ``folding.az_search_text`` (a function registered on the connection).
Slower, the same answers; ``SearchHits.index_complete`` is False then, for the caller
to say so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import sqlite_utils

from . import sqlcipher_compat  # noqa: F401 - sqlite-utils catches sqlcipher3's errors
from .folding import ADDRESS_MARK, az_search_text, az_words, national_number, sort_key_prefixes
from .schema import Catalog, CollectionSpec, quote
from .store import indexed_text_sql
from .transaction import commits_before_returning
from .transliteration import is_cyrillic, respellings

__all__ = [
    "MAX_QUERY_WORDS",
    "MAX_WORD_CHARS",
    "SearchHits",
    "Term",
    "fts_match_expression",
    "like_condition",
    "query_terms",
    "query_words",
    "respelled_terms",
    "search_records",
    "term_sort_prefixes",
]

MAX_QUERY_WORDS = 8
MAX_WORD_CHARS = 64
DENSE_FRACTION = 20
"""A query matching more than 1/20 of the rows is broad: walk the order, test with LIKE."""
MAX_FIRST_RANGES = 48
"""Family-name ranges a respelled first term may walk (one query each); beyond, its
matches all rank in group 2."""
MAX_WORD_RANGES = 256
"""The same for a word as typed (``folding.sort_key_prefixes``' own bound)."""

Term = tuple[str, ...]
"""One query word and its other spellings: a word of the row starts with one of them."""

_PHONE_QUERY = re.compile(r"[+(]*[0-9][0-9 ()./\-]*")
_AROUND_ADDRESS = "<>\"'(),;[]"


def query_words(query: str) -> list[str]:
    """The folded words of what the user typed (letters and digits only).

    A phone number in any grouping is one word of its digits; an e-mail address
    (a piece with ``@``, ``mailto:`` or ``<...>`` around it or not) one word of its
    letters and digits. Bounded (``MAX_QUERY_WORDS`` words of at most
    ``MAX_WORD_CHARS``), so a pasted page of text costs no more than a name.
    """
    return [word for word, _ in _query_pieces(query)]


def _query_pieces(query: str) -> list[tuple[str, bool]]:
    """``query_words``, each with whether it is a word as typed (not a number or an
    address: those are never respelled)."""
    text = query.strip()
    pieces: list[tuple[str, bool]] = []
    if _PHONE_QUERY.fullmatch(text):
        pieces.append((national_number(re.sub(r"[^0-9]", "", text)), False))
    else:
        for piece in text.split():
            if "@" not in piece:  # the address mark is the index's own: typed, a space
                pieces += [(word, True) for word in az_words(piece.replace(ADDRESS_MARK, " "))]
                continue
            address = piece.strip(_AROUND_ADDRESS)
            if address.lower().startswith("mailto:"):
                address = address[len("mailto:") :]
            joined = "".join(az_words(address.replace(ADDRESS_MARK, " ")))
            if joined:
                pieces.append((ADDRESS_MARK + joined, False))
    return [(word[:MAX_WORD_CHARS], typed) for word, typed in pieces[:MAX_QUERY_WORDS]]


def query_terms(query: str, respell: bool = False) -> list[Term]:
    """The query's words with their other spellings: always for a Cyrillic word, and
    for Latin ones too when ``respell`` (see ``transliteration.respellings``)."""
    return [
        (word, *respellings(word)) if typed and (respell or is_cyrillic(word)) else (word,)
        for word, typed in _query_pieces(query)
    ]


def respelled_terms(query: str, terms: list[Term]) -> list[Term] | None:
    """The terms to try when ``terms`` (the query as typed) found no one: the query
    respelled the Russian way, or None when that changes nothing."""
    respelled = query_terms(query, respell=True)
    return None if respelled == terms else respelled


def _as_terms(words: Sequence[str | Term]) -> list[Term]:
    return [(word,) if isinstance(word, str) else word for word in words]


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"*'


def fts_match_expression(words: Sequence[str | Term]) -> str:
    """Every word (or term: its spellings OR-ed) as a quoted FTS5 string with a prefix
    star, AND-ed.

    Quoting (``"`` doubled) makes any text a literal, whatever the user typed.
    """
    groups = []
    for term in _as_terms(words):
        if len(term) == 1:
            groups.append(_quoted(term[0]))
        else:
            groups.append("(" + " OR ".join(_quoted(word) for word in term) + ")")
    return " AND ".join(groups)


def like_condition(
    words: Sequence[str | Term], column: str = "search_text"
) -> tuple[str, list[Any]]:
    """SQL true when, for every term, some word of ``search_text`` starts with one of its
    spellings: ``' ' || search_text LIKE '% word%'`` (single-spaced folded words, so this
    is exactly the FTS prefix query). Words hold only letters and digits: no LIKE
    wildcard can sneak in."""
    terms = _as_terms(words)
    if not terms:
        return "1", []
    parts, params = [], []
    for term in terms:
        parts.append("(" + " OR ".join(f"(' ' || {column}) LIKE ?" for _ in term) + ")")
        params += [f"% {word}%" for word in term]
    return " AND ".join(parts), params


def term_sort_prefixes(term: str | Term) -> list[str] | None:
    """Sort-key prefixes of every Azerbaijani spelling of every alternative of a term:
    sorted, disjoint (a prefix inside another's range is dropped). None when there are
    too many (``MAX_WORD_RANGES``, ``MAX_FIRST_RANGES``): the term then ranks no family
    names first."""
    words = (term,) if isinstance(term, str) else term
    limit = MAX_WORD_RANGES if len(words) == 1 else MAX_FIRST_RANGES
    found: set[str] = set()
    for word in words:
        prefixes = sort_key_prefixes(word, limit)
        if prefixes is None:
            return None
        found.update(prefixes)
        if len(found) > limit:
            return None
    disjoint: list[str] = []
    for prefix in sorted(found):  # a prefix sorts right before the keys it starts
        if not disjoint or not prefix.startswith(disjoint[-1]):
            disjoint.append(prefix)
    return disjoint


class _Searcher:
    """One search: the SQL pieces for a collection and a set of words."""

    def __init__(self, db: sqlite_utils.Database, spec: CollectionSpec) -> None:
        self.conn = db.conn
        self.spec = spec
        self.table = quote(spec.name)
        self.fts = quote(spec.fts_table)
        self.sort_index = quote(spec.name + "_sort")
        self.rid_index = quote(spec.name + "_rid_sort")
        self.index_complete = True  # False once a scan stood in for the index

    def is_broad(self, words: list[Term]) -> bool:
        """Whether the words match many rows: count FTS hits, up to a bound only."""
        total = self.conn.execute(f"SELECT max(rid) FROM {self.table}").fetchone()[0] or 0
        bound = max(200, total // DENSE_FRACTION)
        hits = self.conn.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM {self.fts} WHERE {self.fts} MATCH ? LIMIT ?)",
            (fts_match_expression(words), bound),
        ).fetchone()[0]
        return bool(hits >= bound)

    def match_condition(self, words: list[Term]) -> tuple[str, tuple[Any, ...], bool]:
        """SQL (and parameters) true for the rows matching every word, and whether
        the words are broad (the condition is then LIKE on the index entry)."""
        if not words:
            return "1", (), True
        if self.is_broad(words):
            condition, patterns = like_condition(words)
            return condition, tuple(patterns), True
        membership = f"rid IN (SELECT rowid FROM {self.fts} WHERE {self.fts} MATCH ?)"
        return membership, (fts_match_expression(words),), False

    def ordered_rids(
        self, where: str, params: tuple[Any, ...], limit: int, *, walk: bool
    ) -> list[int]:
        """The first ``limit`` rows in sort order satisfying ``where``: walking the sort
        index (dense matches, ranges), or gathering through the rid index (few)."""
        index = self.sort_index if walk else self.rid_index
        rows = self.conn.execute(
            f"SELECT rid FROM {self.table} INDEXED BY {index} WHERE {where} "
            "ORDER BY sort_key, rid LIMIT ?",
            (*params, limit),
        ).fetchall()
        return [row[0] for row in rows]

    def fetch(self, rids: list[int]) -> list[dict[str, Any]]:
        """The result rows, in the order of ``rids``."""
        if not rids:
            return []
        names = ("rid", "id", "version", *self.spec.column_names, "sync_state")
        columns = ", ".join(quote(name) for name in names)
        placeholders = ", ".join("?" * len(rids))
        rows = self.conn.execute(
            f"SELECT {columns} FROM {self.table} WHERE rid IN ({placeholders})", rids
        ).fetchall()
        by_rid = {row[0]: dict(zip(names[1:], row[1:], strict=True)) for row in rows}
        return [by_rid[rid] for rid in rids if rid in by_rid]


class SearchHits(list[dict[str, Any]]):
    """The rows a search found. ``index_complete`` is False when part of the rows had
    to be scanned because their search index is still being built (registry rows
    right after a large sync): the answer is whole, it only took longer."""

    index_complete: bool = True


SCAN_WORDS_FUNCTION = "intranet_search_words"
"""SQL name of ``folding.az_search_text`` on a searching connection (the scan fallback)."""


@commits_before_returning
def search_records(
    db: sqlite_utils.Database, catalog: Catalog, collection: str, query: str, limit: int = 50
) -> SearchHits:
    """Rows of a searchable collection matching every word of ``query`` as a prefix.

    Returns the column values (``id``, ``version``, the spec's columns and
    ``sync_state``), ranked as the module says. An empty or punctuation-only
    query returns nothing; no query raises. Reads only.
    """
    if collection == "people":  # one way to find people: the directory's own planner
        raise ValueError("people are found by domains.directory.queries.search_people")
    spec = catalog.spec(collection)
    if not spec.has_search:
        raise ValueError(f"{collection} has no full-text index")
    found = SearchHits()
    if not query_words(query) or limit <= 0:
        return found
    searcher = _Searcher(db, spec)
    words = query_terms(query)
    found += _search_terms(searcher, words, limit)
    if not found:  # no one as typed: perhaps typed the Russian way
        respelled = respelled_terms(query, words)
        if respelled is not None:
            found += _search_terms(searcher, respelled, limit)
    found.index_complete = searcher.index_complete
    return found


def _search_terms(searcher: _Searcher, words: list[Term], limit: int) -> list[dict[str, Any]]:
    """``search_records`` for one set of terms."""
    if searcher.spec.deferred_search:
        return searcher.fetch(_deferred_rids(searcher, words, limit))
    if not searcher.spec.sort_fields:  # no order of its own: FTS order (rowid), cheap
        rows = searcher.conn.execute(
            f"SELECT rowid FROM {searcher.fts} WHERE {searcher.fts} MATCH ? ORDER BY rowid LIMIT ?",
            (fts_match_expression(words), limit),
        ).fetchall()
        return searcher.fetch([row[0] for row in rows])

    # Group 1: the first sort field starts with the first word, range by range
    # (the ranges are disjoint and in order); the other words must match too.
    first: list[int] = []
    prefixes = term_sort_prefixes(words[0])
    if prefixes is not None:
        rest, rest_params, _ = searcher.match_condition(words[1:])
        for low in prefixes:
            where = f"sort_key >= ? AND sort_key < ? AND {rest}"
            params = (low, _after_prefix(low), *rest_params)
            first += searcher.ordered_rids(where, params, limit - len(first), walk=True)
            if len(first) >= limit:
                return searcher.fetch(first)

    # Group 2: every match, in order, without those of group 1.
    where, params, broad = searcher.match_condition(words)
    taken = set(first)
    others = searcher.ordered_rids(where, params, limit + len(first), walk=broad)
    return searcher.fetch(first + [rid for rid in others if rid not in taken][: limit - len(first)])


def _deferred_rids(searcher: _Searcher, words: list[Term], limit: int) -> list[int]:
    """The first ``limit`` matching rows (rid order) of a bulk-indexed collection: from
    its index where it is up to date, by a scan where it is not yet."""
    conn, name = searcher.conn, searcher.spec.name
    row = conn.execute(
        "SELECT indexed_upto FROM search_index_state WHERE collection = ?", (name,)
    ).fetchone()
    upto = 0 if row is None else int(row[0])
    backlog = "(SELECT rid FROM search_backlog WHERE collection = ?)"
    indexed = conn.execute(
        f"SELECT rowid FROM {searcher.fts} WHERE {searcher.fts} MATCH ? AND rowid <= ? "
        f"AND rowid NOT IN {backlog} ORDER BY rowid LIMIT ?",
        (fts_match_expression(words), upto, name, limit),
    ).fetchall()
    rids = [hit[0] for hit in indexed]
    waiting = conn.execute(
        f"SELECT EXISTS (SELECT 1 FROM {searcher.table} WHERE rid > ?) "
        "OR EXISTS (SELECT 1 FROM search_backlog WHERE collection = ?)",
        (upto, name),
    ).fetchone()[0]
    if not waiting:
        return rids
    searcher.index_complete = False
    conn.create_function(SCAN_WORDS_FUNCTION, 1, _FoldedText(), deterministic=True)
    condition, patterns = like_condition(
        words, f"{SCAN_WORDS_FUNCTION}({indexed_text_sql(searcher.spec)})"
    )
    scanned = conn.execute(
        f"SELECT rid FROM {searcher.table} WHERE (rid > ? OR rid IN {backlog}) "
        f"AND {condition} ORDER BY rid LIMIT ?",
        (upto, name, *patterns, limit),
    ).fetchall()
    return sorted(rids + [hit[0] for hit in scanned])[:limit]


class _FoldedText:
    """``az_search_text`` for the scan, remembering the last text: each LIKE alternative
    of a query tests the same row's text, which is then folded once, not once each."""

    def __init__(self) -> None:
        self._text: object = None
        self._folded = ""

    def __call__(self, text: object) -> str:
        if text != self._text:
            self._text = text
            self._folded = az_search_text(text) if isinstance(text, str) else ""
        return self._folded


def _after_prefix(prefix: str) -> str:
    """The smallest string above every string that starts with ``prefix``."""
    last = ord(prefix[-1])
    if last >= 0x10FFFF:  # cannot step past the last code point: extend instead
        return prefix + "\U0010ffff"
    return prefix[:-1] + chr(last + 1)
