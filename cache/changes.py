"""One change protocol: what changed in the cache, whoever changed it.

A sync page, a local write and an outbox answer all announce a ``Changes``: the
collections and the record ids touched, and where the change came from. A tab
refreshes only what it shows of them (Anki's ``OpChanges``). ``ids`` is ``None``
for "any record of the collection may have changed" (a reset, a migration): then a
tab refreshes all it shows of that collection.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["ChangeSource", "Changes"]


class ChangeSource(StrEnum):
    SYNC_PAGE = "sync_page"  # the server's records arrived
    LOCAL_WRITE = "local_write"  # a command of this user, queued in the outbox
    OUTBOX_ANSWER = "outbox_answer"  # the server accepted, refused or conflicted a change


@dataclass(frozen=True)
class Changes:
    """Collections and record ids touched; ``None`` ids: any record of that collection."""

    source: ChangeSource
    records: Mapping[str, frozenset[str] | None] = field(default_factory=dict)

    @classmethod
    def of(cls, source: ChangeSource, collection: str, ids: Iterable[str] | None = None) -> Changes:
        return cls(source, {collection: None if ids is None else frozenset(ids)})

    @property
    def collections(self) -> frozenset[str]:
        return frozenset(self.records)

    def touches(self, collections: Iterable[str]) -> bool:
        """True if any of ``collections`` changed."""
        return any(name in self.records for name in collections)

    def ids(self, collection: str) -> frozenset[str] | None:
        """The ids changed in ``collection``: empty if untouched, ``None`` if any may be."""
        if collection not in self.records:
            return frozenset()
        return self.records[collection]

    def merged(self, other: Changes) -> Changes:
        """Both changes as one (the source of ``self`` is kept)."""
        records = dict(self.records)
        for name, ids in other.records.items():
            mine = records.get(name, frozenset())
            records[name] = None if ids is None or mine is None else mine | ids
        return Changes(self.source, records)

    def without(self, collections: Iterable[str]) -> Changes:
        """The same change minus ``collections`` (already announced ones, say)."""
        dropped = set(collections)
        return Changes(self.source, {k: v for k, v in self.records.items() if k not in dropped})

    def __bool__(self) -> bool:
        return bool(self.records)
