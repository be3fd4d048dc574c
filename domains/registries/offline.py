"""Which registries are kept on this computer: the user's choice, with sizes. No Qt.

The choice is ``Meta.offline_registries`` (the sync reads it: a chosen registry's rows
are fetched at the next sync; a dropped one is deleted from the cache then,
``client/sync.py``). The size shown before a download is the registry's row count from
its description times the cache's measured bytes per row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from cache.meta import Meta
from domains.registries.model import Registry, load_registries

__all__ = ["BYTES_PER_ROW", "RegistryChoice", "registry_choices", "set_offline"]

BYTES_PER_ROW = 900
"""Cache bytes per registry row, rows and indexes (docs/performance.md: 2.17× the
JSON received, about 420 bytes a row), rounded up for the filter indexes."""


@dataclass(frozen=True)
class RegistryChoice:
    registry: Registry
    offline: bool
    """The user chose to keep it here."""
    stored_rows: int
    """Rows in the cache now (0 until the next sync after choosing it)."""
    as_of: datetime | None
    """When the cache last heard from the server (the rows are as of then)."""

    @property
    def download_bytes(self) -> int:
        return self.registry.row_count * BYTES_PER_ROW


def registry_choices(db: sqlite_utils.Database) -> list[RegistryChoice]:
    meta = Meta(db)
    chosen = set(meta.offline_registries)
    stored = dict(
        db.execute(
            "SELECT registry_id, count(*) FROM registry_rows GROUP BY registry_id"
        ).fetchall()
    )
    as_of = meta.last_server_contact
    return [
        RegistryChoice(r, r.id in chosen, int(stored.get(r.id, 0)), as_of)
        for r in load_registries(db)
    ]


def set_offline(db: sqlite_utils.Database, registry_id: str, keep: bool) -> list[str]:
    """Keep (or stop keeping) a registry offline; returns the new choice."""
    meta = Meta(db)
    chosen = set(meta.offline_registries)
    if keep:
        chosen.add(registry_id)
    else:
        chosen.discard(registry_id)
    meta.offline_registries = sorted(chosen)
    return sorted(chosen)
