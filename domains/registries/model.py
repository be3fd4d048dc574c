"""A registry as its description says (columns and their types) and its rows. No Qt."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from cache import sqlcipher_compat  # noqa: F401 - sqlite-utils catches sqlcipher3's errors

__all__ = [
    "COLUMN_TYPES",
    "Column",
    "Registry",
    "RegistryRow",
    "load_registries",
    "load_registry",
]

COLUMN_TYPES = ("text", "integer", "number", "date", "boolean", "enum")


@dataclass(frozen=True)
class Column:
    """One column of a registry's description (API.md, "Records": registry)."""

    key: str
    label: str
    type: str
    filterable: bool = False
    options: tuple[str, ...] = ()

    @property
    def is_text(self) -> bool:
        return self.type in ("text", "enum")

    @classmethod
    def from_description(cls, description: Mapping[str, Any]) -> Column:
        kind = description.get("type")
        return cls(
            key=str(description["key"]),
            label=str(description.get("label") or description["key"]),
            # A type this app does not know is shown and filtered as text.
            type=kind if kind in COLUMN_TYPES else "text",
            filterable=bool(description.get("filterable", False)),
            options=tuple(str(o) for o in description.get("options") or ()),
        )


@dataclass(frozen=True)
class Registry:
    """A registry: its description, its size on the server, whether it holds personal
    data (readable by analysts and admins only)."""

    id: str
    code: str
    name: str
    description: str
    columns: tuple[Column, ...]
    row_count: int
    personal_data: bool = False

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    @property
    def is_medicines(self) -> bool:
        return self.code == "medicines"


@dataclass(frozen=True)
class RegistryRow:
    """One row: its record id and its values by column key."""

    id: str
    values: Mapping[str, Any]

    def cells(self, columns: tuple[Column, ...]) -> list[Any]:
        return [self.values.get(column.key) for column in columns]


def _registry(record: Mapping[str, Any]) -> Registry:
    return Registry(
        id=str(record["id"]),
        code=str(record.get("code") or ""),
        name=str(record.get("name") or record["id"]),
        description=str(record.get("description") or ""),
        columns=tuple(
            Column.from_description(c)
            for c in record.get("columns") or ()
            if isinstance(c, Mapping) and "key" in c
        ),
        row_count=int(record.get("row_count") or 0),
        personal_data=bool(record.get("personal_data", False)),
    )


def load_registries(db: sqlite_utils.Database) -> list[Registry]:
    """Every registry the cache knows (the user may read), by name."""
    rows = db.execute("SELECT record FROM registries ORDER BY sort_key, id").fetchall()
    return [_registry(json.loads(row[0])) for row in rows]


def load_registry(db: sqlite_utils.Database, registry_id: str) -> Registry | None:
    row = db.execute("SELECT record FROM registries WHERE id = ?", (registry_id,)).fetchone()
    return None if row is None else _registry(json.loads(row[0]))
