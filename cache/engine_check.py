"""Is this installation's SQLite the one the cache needs? SQLCipher (encryption) with
FTS5 (the search). Checked once at start-up, so a build that lost either (a missing
binary, a wheel without FTS5) says so in a sentence instead of failing at the first
search or, worse, writing nothing encrypted."""

from __future__ import annotations

__all__ = ["sqlcipher_problem"]


def sqlcipher_problem() -> str | None:
    """None when SQLCipher with FTS5 works here; else what is missing, in a sentence."""
    try:
        from sqlcipher3 import dbapi2  # noqa: PLC0415 - loaded only for the check
    except ImportError as error:
        return f"SQLCipher (the sqlcipher3 module) is missing from this installation: {error}"
    try:
        connection = dbapi2.connect(":memory:")
        try:
            row = connection.execute("PRAGMA cipher_version").fetchone()
            if not row or not row[0]:
                return "the SQLite library in this installation has no SQLCipher encryption"
            connection.execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
        finally:
            connection.close()
    except dbapi2.Error as error:
        return f"SQLCipher in this installation has no FTS5 full-text search: {error}"
    return None
