"""The SQL expressions a registry's columns are filtered and sorted by, in plain SQL.

Why plain SQL (``docs/registries.md``, "Filters and sort in SQL"): the indexes that make
a filter or a sort fast on a million rows are *expression indexes* over the row's JSON
(``json_extract(record, '$.values."beds"')``). SQLite lets an index use only built-in
deterministic functions unless every connection that writes the table registers the
function too; the sync writes these rows on its own connection and knows nothing of the
registries. So the Azerbaijani sort key and the folding for "contains" are spelled
with ``lower`` and ``replace`` here, and the same expression, applied to the typed
value, is what the query compares with.

- ``sort_key_sql``: sorts by the Azerbaijani alphabet under SQLite's binary collation,
  case-insensitively (``I`` is the capital of ``ı``, ``İ`` of ``i``). Each letter that
  plain code-point order puts in the wrong place becomes the letter before its place
  followed by ``\\x7f`` (above every ASCII letter): ``ç`` → ``c\\x7f`` (after every
  ``c…``, before ``d``), ``x`` → ``h\\x7f``, ``q`` → ``k\\x7f``, ``ı`` → ``i`` and
  ``i`` → ``i\\x7f``.
- ``folded_sql``: lower-case without the Azerbaijani letters' marks (``Şəki`` →
  ``seki``), for "contains" and "starts with" as people type (``seki``).

The two work on any SQL string expression and are also computed by the server
(``server/registry_query.py``) with the same text, so the online and offline modes
order and match alike. ``replace`` and ``lower`` exist in PostgreSQL too; only
``char`` is spelled ``chr`` there.
"""

from __future__ import annotations

__all__ = [
    "AFTER_LETTER",
    "folded_sql",
    "quote_literal",
    "sort_key_sql",
    "value_sql",
]

AFTER_LETTER = "\x7f"

# (from, to) applied in order, after the dotted/dotless capitals and ASCII lower().
_SORT_STEPS = (
    ("i", "i" + AFTER_LETTER),
    ("ı", "i"),
    ("q", "k" + AFTER_LETTER),
    ("x", "h" + AFTER_LETTER),
    ("ç", "c" + AFTER_LETTER),
    ("Ç", "c" + AFTER_LETTER),
    ("ə", "e" + AFTER_LETTER),
    ("Ə", "e" + AFTER_LETTER),
    ("ğ", "g" + AFTER_LETTER),
    ("Ğ", "g" + AFTER_LETTER),
    ("ö", "o" + AFTER_LETTER),
    ("Ö", "o" + AFTER_LETTER),
    ("ş", "s" + AFTER_LETTER),
    ("Ş", "s" + AFTER_LETTER),
    ("ü", "u" + AFTER_LETTER),
    ("Ü", "u" + AFTER_LETTER),
)
_FOLD_STEPS = (
    ("ı", "i"),
    ("ç", "c"),
    ("Ç", "c"),
    ("ə", "e"),
    ("Ə", "e"),
    ("ğ", "g"),
    ("Ğ", "g"),
    ("ö", "o"),
    ("Ö", "o"),
    ("ş", "s"),
    ("Ş", "s"),
    ("ü", "u"),
    ("Ü", "u"),
)


def quote_literal(text: str, postgres: bool = False) -> str:
    """A SQL string literal; ``\\x7f`` spelled with ``char``/``chr`` (never raw bytes in
    the SQL text, so the statement reads the same in a log or a diff)."""
    pieces = text.split(AFTER_LETTER)
    quoted = ["'" + piece.replace("'", "''") + "'" for piece in pieces]
    glue = " || chr(127) || " if postgres else " || char(127) || "
    return glue.join(quoted)


def _replaced(expression: str, steps: tuple[tuple[str, str], ...], postgres: bool) -> str:
    for old, new in steps:
        expression = (
            f"replace({expression}, {quote_literal(old, postgres)}, {quote_literal(new, postgres)})"
        )
    return expression


def _lowered(expression: str, postgres: bool) -> str:
    capitals = _replaced(expression, (("İ", "i"), ("I", "ı")), postgres)
    # SQLite's lower() changes ASCII only, PostgreSQL's every letter: the capitals
    # above and the steps below cover the Azerbaijani ones both ways.
    return f"lower({capitals})"


def sort_key_sql(expression: str, postgres: bool = False) -> str:
    """The Azerbaijani sort key of a text expression (see the module)."""
    return _replaced(_lowered(expression, postgres), _SORT_STEPS, postgres)


def folded_sql(expression: str, postgres: bool = False) -> str:
    """The folded form of a text expression, for "contains" and "starts with"."""
    return _replaced(_lowered(expression, postgres), _FOLD_STEPS, postgres)


def value_sql(key: str) -> str:
    """A column's value in a cached row (SQLite JSON path, key quoted)."""
    return f"json_extract(record, '$.values.\"{_checked_key(key)}\"')"


def _checked_key(key: str) -> str:
    # Keys come from the server's description; a quote or backslash would end the path.
    if not key or any(c in key for c in "\"'\\") or not key.isprintable():
        raise ValueError(f"unusable column key: {key!r}")
    return key
