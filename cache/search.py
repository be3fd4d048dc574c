"""Search as you type over the FTS5 indexes (people, documents, registry rows).

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

Registry rows (``deferred_search``) are indexed in bulk after they are stored;
a search first indexes whatever is still waiting (``store.update_search_index``:
nothing, and no write, once the sync engine has done it).
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from . import sqlcipher_compat  # noqa: F401 - sqlite-utils catches sqlcipher3's errors
from .folding import az_words, sort_key_prefixes
from .schema import CollectionSpec, collection_spec, quote
from .store import update_search_index

__all__ = [
    "MAX_QUERY_WORDS",
    "MAX_WORD_CHARS",
    "fts_match_expression",
    "query_words",
    "search_people",
    "search_records",
]

MAX_QUERY_WORDS = 8
MAX_WORD_CHARS = 64
DENSE_FRACTION = 20
"""A query matching more than 1/20 of the rows is broad: walk the order, test with LIKE."""


def query_words(query: str) -> list[str]:
    """The folded words of what the user typed (letters and digits only).

    Bounded (``MAX_QUERY_WORDS`` words of at most ``MAX_WORD_CHARS``), so a
    pasted page of text costs no more than a name.
    """
    return [word[:MAX_WORD_CHARS] for word in az_words(query)[:MAX_QUERY_WORDS]]


def fts_match_expression(words: list[str]) -> str:
    """Every word as a quoted FTS5 string with a prefix star, AND-ed.

    Quoting (``"`` doubled) makes any text a literal, whatever the user typed.
    """
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)


def _like_patterns(words: list[str]) -> list[str]:
    """``' ' || search_text LIKE '% word%'``: some word of the row starts with ``word``.

    Words hold only letters and digits, so no LIKE wildcard can sneak in.
    """
    return [f"% {word}%" for word in words]


class _Searcher:
    """One search: the SQL pieces for a collection and a set of words."""

    def __init__(self, db: sqlite_utils.Database, spec: CollectionSpec) -> None:
        self.conn = db.conn
        self.spec = spec
        self.table = quote(spec.name)
        self.fts = quote(spec.fts_table)
        self.sort_index = quote(spec.name + "_sort")
        self.rid_index = quote(spec.name + "_rid_sort")

    def is_broad(self, words: list[str]) -> bool:
        """Whether the words match many rows: count FTS hits, up to a bound only."""
        total = self.conn.execute(f"SELECT max(rid) FROM {self.table}").fetchone()[0] or 0
        bound = max(200, total // DENSE_FRACTION)
        hits = self.conn.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM {self.fts} WHERE {self.fts} MATCH ? LIMIT ?)",
            (fts_match_expression(words), bound),
        ).fetchone()[0]
        return bool(hits >= bound)

    def match_condition(self, words: list[str]) -> tuple[str, tuple[Any, ...], bool]:
        """SQL (and parameters) true for the rows matching every word, and whether
        the words are broad (the condition is then LIKE on the index entry)."""
        if not words:
            return "1", (), True
        if self.is_broad(words):
            patterns = _like_patterns(words)
            condition = " AND ".join("(' ' || search_text) LIKE ?" for _ in patterns)
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


def search_records(
    db: sqlite_utils.Database, collection: str, query: str, limit: int = 50
) -> list[dict[str, Any]]:
    """Rows of a searchable collection matching every word of ``query`` as a prefix.

    Returns the column values (``id``, ``version``, the spec's columns and
    ``sync_state``), ranked as the module says. An empty or punctuation-only
    query returns nothing; no query raises.
    """
    spec = collection_spec(collection)
    if not spec.has_search:
        raise ValueError(f"{collection} has no full-text index")
    words = query_words(query)
    if not words or limit <= 0:
        return []
    if spec.deferred_search:  # rows stored since the last search are indexed first
        update_search_index(db, collection)
    searcher = _Searcher(db, spec)
    if not spec.sort_fields:  # no order of its own: FTS order (rowid), cheap
        rows = db.conn.execute(
            f"SELECT rowid FROM {searcher.fts} WHERE {searcher.fts} MATCH ? ORDER BY rowid LIMIT ?",
            (fts_match_expression(words), limit),
        ).fetchall()
        return searcher.fetch([row[0] for row in rows])

    # Group 1: the first sort field starts with the first word, range by range
    # (the ranges are disjoint and in order); the other words must match too.
    first: list[int] = []
    prefixes = sort_key_prefixes(words[0])
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


def search_people(db: sqlite_utils.Database, query: str, limit: int = 50) -> list[dict[str, Any]]:
    """The staff directory's search box: family-name prefix matches first."""
    return search_records(db, "people", query, limit)


def _after_prefix(prefix: str) -> str:
    """The smallest string above every string that starts with ``prefix``."""
    last = ord(prefix[-1])
    if last >= 0x10FFFF:  # cannot step past the last code point: extend instead
        return prefix + "\U0010ffff"
    return prefix[:-1] + chr(last + 1)
