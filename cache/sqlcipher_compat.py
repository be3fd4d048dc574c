"""Make sqlite-utils work on sqlcipher3 connections. The one place that patches it.

sqlite-utils catches the standard library's ``sqlite3.OperationalError`` to
implement ``insert(..., alter=True)``, ``create_index(find_unique_name=True)``,
``drop(ignore=True)`` and more. sqlcipher3 raises its own classes, which are not
subclasses of those, so these features raise instead of recovering. Pointing
``sqlite_utils.db.sqlite3`` and ``sqlite_utils.db.OperationalError`` at
sqlcipher3's module fixes every such place at once. Applied when this module is
imported, which every module of ``cache`` that opens or writes a database does
(``database``, ``store``, ``migrations``, ``search``, ...); nothing in this project
uses sqlite-utils with the standard library's driver.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils.db
from sqlcipher3 import dbapi2

__all__ = ["apply", "dbapi2", "is_applied"]

# The two names are sqlite-utils' module globals, not its public API: typed as Any.
_target: Any = sqlite_utils.db


def apply() -> None:
    """Point sqlite-utils' error handling at sqlcipher3 (idempotent)."""
    _target.sqlite3 = dbapi2
    _target.OperationalError = dbapi2.OperationalError


def is_applied() -> bool:
    """True when sqlite-utils catches sqlcipher3's errors."""
    return bool(_target.sqlite3 is dbapi2 and _target.OperationalError is dbapi2.OperationalError)


apply()
