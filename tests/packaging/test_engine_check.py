"""The start-up check of SQLCipher with FTS5: passes on the real one, and names what is
missing otherwise (a fake module stands for a broken installation, named as such)."""

from __future__ import annotations

import sqlite3
import sys
import types

import pytest

import main
from cache.engine_check import sqlcipher_problem


def test_the_real_sqlcipher_has_encryption_and_fts5() -> None:
    assert sqlcipher_problem() is None


def test_a_missing_sqlcipher_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)  # import fails as when not shipped
    problem = sqlcipher_problem()
    assert problem is not None and "sqlcipher3 module) is missing" in problem


def test_plain_sqlite_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A build that shipped the standard SQLite under SQLCipher's name: no encryption."""
    fake = types.ModuleType("sqlcipher3")
    fake.dbapi2 = sqlite3  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sqlcipher3", fake)
    monkeypatch.setitem(sys.modules, "sqlcipher3.dbapi2", sqlite3)
    problem = sqlcipher_problem()
    assert problem is not None and "no SQLCipher encryption" in problem


def test_the_headless_command_stops_with_a_sentence(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)
    args = ["sync", "--server", "http://127.0.0.1:9", "--username", "staff", "--password-stdin"]
    assert main.main(args) == main.BROKEN_INSTALLATION
    error = capsys.readouterr().err
    assert error.startswith("error: this installation is incomplete: SQLCipher")
