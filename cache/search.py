"""Search as you type over the FTS5 indexes (people, documents, registry rows).

Both sides are folded: the indexed ``search_text`` by
``folding.az_search_text`` when a row is written (ə indexed as both e and
a), the query here by ``folding.az_fold``. The query is never passed to FTS5 as
syntax: it is cut into words, each word becomes a quoted FTS string with a
prefix star (``"ismay"*``), and the words are AND-ed. So ``"``, ``*``,
``AND``, ``NEAR(``, ``col:val`` and the like are searched as plain text and
never raise.

Ranking: first the rows whose first sort field (a person's family name)
starts with the first word, under any Azerbaijani spelling of it
(``sort_key_prefixes``: ``cafarov`` and ``ceferov`` both start ``Cəfərov``),
then the other matches; both in Azerbaijani alphabetical order. Both groups are read from the ``sort_key`` index in order
and stop at the limit, so a one-letter query costs about as much as a long one.
"""

from __future__ import annotations

import re
from typing import Any

import sqlite_utils

from .folding import az_fold, sort_key_prefixes
from .schema import CollectionSpec, collection_spec, quote

__all__ = [
    "MAX_QUERY_WORDS",
    "MAX_WORD_CHARS",
    "fts_match_expression",
    "query_words",
    "search",
    "search_people",
]

MAX_QUERY_WORDS = 8
MAX_WORD_CHARS = 64

_WORD = re.compile(r"[^\W_]+")


def query_words(query: str) -> list[str]:
    """The folded words of what the user typed (letters and digits only).

    Bounded (``MAX_QUERY_WORDS`` words of at most ``MAX_WORD_CHARS``), so a
    pasted page of text costs no more than a name.
    """
    words = _WORD.findall(az_fold(query))
    return [word[:MAX_WORD_CHARS] for word in words[:MAX_QUERY_WORDS]]


def fts_match_expression(words: list[str]) -> str:
    """Every word as a quoted FTS5 string with a prefix star, AND-ed.

    Quoting (``"`` doubled) makes any text a literal, whatever the user typed.
    """
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)


def _columns(spec: CollectionSpec) -> str:
    names = ("id", "version", *spec.column_names, "sync_state")
    return ", ".join(quote(name) for name in names)


def search(
    db: sqlite_utils.Database, collection: str, query: str, limit: int = 50
) -> list[dict[str, Any]]:
    """Rows of a searchable collection matching every word of ``query`` as a prefix.

    Returns the column values (``id``, ``version``, the spec's columns and
    ``sync_state``), ranked as the module says. An empty or punctuation-only
    query returns nothing.
    """
    spec = collection_spec(collection)
    if not spec.has_search:
        raise ValueError(f"{collection} has no full-text index")
    words = query_words(query)
    if not words or limit <= 0:
        return []
    table, fts = quote(spec.name), quote(spec.fts_table)
    match = fts_match_expression(words)
    in_fts = f"rid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)"
    select = f"SELECT {_columns(spec)} FROM {table}"
    conn = db.conn

    prefixes = sort_key_prefixes(words[0]) if spec.sort_fields else None
    if prefixes is None:
        sql = f"{select} WHERE {in_fts} ORDER BY sort_key, rid LIMIT ?"
        if not spec.sort_fields:
            sql = f"{select} WHERE {in_fts} ORDER BY rid LIMIT ?"
        return _dicts(conn.execute(sql, (match, limit)))

    # Group 1: the first sort field starts with the first word, range by range.
    # One word: the range itself is the match. More: the FTS checks the rest.
    ranges = [(prefix, _after_prefix(prefix)) for prefix in prefixes]
    rest = fts_match_expression(words[1:])
    rows: list[dict[str, Any]] = []
    for low, high in ranges:
        condition = "sort_key >= ? AND sort_key < ?"
        params: tuple[Any, ...] = (low, high)
        if rest:
            condition += f" AND {in_fts}"
            params += (rest,)
        rows += _dicts(
            conn.execute(
                f"{select} WHERE {condition} ORDER BY sort_key, rid LIMIT ?",
                (*params, limit - len(rows)),
            )
        )
        if len(rows) >= limit:
            return rows

    # Group 2: every other match, in order.
    outside = " AND ".join("NOT (sort_key >= ? AND sort_key < ?)" for _ in ranges)
    bounds = tuple(bound for pair in ranges for bound in pair)
    rows += _dicts(
        conn.execute(
            f"{select} WHERE {in_fts} AND {outside} ORDER BY sort_key, rid LIMIT ?",
            (match, *bounds, limit - len(rows)),
        )
    )
    return rows


def search_people(db: sqlite_utils.Database, query: str, limit: int = 50) -> list[dict[str, Any]]:
    """The staff directory's search box: family-name prefix matches first."""
    return search(db, "people", query, limit)


def _after_prefix(prefix: str) -> str:
    """The smallest string above every string that starts with ``prefix``."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _dicts(cursor: Any) -> list[dict[str, Any]]:
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
