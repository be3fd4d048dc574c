"""The shape of the cache: one table per API collection, described as data.

Each collection keeps the fields the UI searches, filters or sorts on as real
columns (indexable), the full record as JSON (``record``), the server's
``version``, and the per-record sync state the UI shows. Migrations create
the tables from these specs and ``store.apply_page`` extracts the columns with
them, so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "COLLECTIONS",
    "SYNC_STATES",
    "CollectionSpec",
    "SyncState",
    "collection_spec",
    "quote",
]


class SyncState(StrEnum):
    """Where a record stands between the UI and the server."""

    SYNCED = "synced"  # as the server last sent it
    PENDING = "pending"  # changed here, waiting in the outbox
    UPLOADING = "uploading"  # being sent now (or was, when the app stopped)
    ERROR = "error"  # the server refused it for good (sync_error says why)
    CONFLICT = "conflict"  # changed on both sides (conflict holds the server's)


SYNC_STATES = tuple(state.value for state in SyncState)


def quote(identifier: str) -> str:
    """Quote an SQL identifier (``start`` and ``end`` are keywords)."""
    return '"' + identifier.replace('"', '""') + '"'


@dataclass(frozen=True)
class CollectionSpec:
    """One API collection as a table.

    ``columns``: record fields copied into columns, with their SQL types.
    ``indexes``: column tuples to index. ``search_fields``: record fields folded
    into the ``search_text`` column and its FTS index (empty: none).
    ``sort_fields``: fields whose Azerbaijani sort keys fill ``sort_key``: the
    UI's default order, and a search ranks matches whose first sort field
    (a person's family name) starts with the query first.
    ``deferred_search``: the search index is built after the rows are stored, in
    bulk (``store.update_search_index``, also run by every search), instead of row
    by row inside ``apply_page``: for registry rows, a million of them, whose
    searching is occasional. Such a collection has no ``search_text`` column; its
    FTS table is contentless (see ``migrations``).
    """

    name: str
    columns: tuple[tuple[str, str], ...]
    indexes: tuple[tuple[str, ...], ...] = ()
    search_fields: tuple[str, ...] = ()
    sort_fields: tuple[str, ...] = ()
    deferred_search: bool = False

    def __post_init__(self) -> None:
        if self.deferred_search and (not self.search_fields or self.sort_fields):
            # search.py walks search_text in sort order; a deferred index has neither.
            raise ValueError(f"{self.name}: a deferred search index needs search fields only")

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)

    @property
    def has_search(self) -> bool:
        return bool(self.search_fields)

    @property
    def derived_search(self) -> bool:
        """Searchable through a ``search_text`` column folded when the row is written
        (people, documents), not indexed later (``deferred_search``)."""
        return bool(self.search_fields) and not self.deferred_search

    @property
    def fts_table(self) -> str:
        return f"{self.name}_fts"

    @property
    def derived_columns(self) -> tuple[str, ...]:
        """Columns computed from the record when it is stored (not record fields)."""
        derived = []
        if self.search_fields and not self.deferred_search:
            derived.append("search_text")
        if self.sort_fields:
            derived.append("sort_key")
        return tuple(derived)


_T, _I, _R = "TEXT", "INTEGER", "REAL"

COLLECTIONS: dict[str, CollectionSpec] = {
    spec.name: spec
    for spec in (
        CollectionSpec(
            "departments",
            (("name", _T), ("parent_id", _T), ("head_person_id", _T)),
            indexes=(("parent_id",),),
            sort_fields=("name",),
        ),
        CollectionSpec(
            "people",
            (
                ("full_name", _T),
                ("given_name", _T),
                ("family_name", _T),
                ("patronymic", _T),
                ("position", _T),
                ("department_id", _T),
                ("manager_id", _T),
                ("email", _T),
                ("phone", _T),
                ("mobile", _T),
                ("office", _T),
            ),
            indexes=(("department_id",), ("manager_id",)),
            search_fields=(
                "family_name",
                "given_name",
                "patronymic",
                "position",
                "email",
                "phone",
                "mobile",
                "office",
            ),
            sort_fields=("family_name", "given_name", "patronymic"),
        ),
        CollectionSpec(
            "rooms",
            (("name", _T), ("building", _T), ("floor", _T), ("capacity", _I)),
            sort_fields=("name",),
        ),
        CollectionSpec(
            "bookings",
            (
                ("room_id", _T),
                ("title", _T),
                ("start", _T),
                ("end", _T),
                ("organizer_id", _T),
                ("status", _T),
            ),
            indexes=(("room_id", "start"), ("organizer_id", "start")),
        ),
        CollectionSpec(
            "folders",
            (("name", _T), ("parent_id", _T), ("department_id", _T), ("access", _T)),
            indexes=(("parent_id",),),
            sort_fields=("name",),
        ),
        CollectionSpec(
            "documents",
            (
                ("folder_id", _T),
                ("title", _T),
                ("filename", _T),
                ("content_type", _T),
                ("size", _I),
                ("sha256", _T),
                ("version_no", _I),
                ("author_id", _T),
                ("created_at", _T),
            ),
            indexes=(("folder_id",), ("author_id",)),
            search_fields=("title", "description", "filename", "tags"),
            sort_fields=("title",),
        ),
        CollectionSpec(
            "shares",
            (
                ("document_id", _T),
                ("from_id", _T),
                ("to_id", _T),
                ("sent_at", _T),
                ("read_at", _T),
            ),
            indexes=(("to_id", "sent_at"), ("from_id", "sent_at")),
        ),
        CollectionSpec(
            "registries",
            (("code", _T), ("name", _T), ("row_count", _I)),
            sort_fields=("name",),
        ),
        CollectionSpec(
            "registry_rows",
            (("registry_id", _T),),
            indexes=(("registry_id",),),
            search_fields=("values",),
            deferred_search=True,
        ),
        CollectionSpec(
            "regions",
            (("code", _T), ("name", _T), ("parent_code", _T)),
            indexes=(("code",), ("parent_code",)),
            sort_fields=("name",),
        ),
        CollectionSpec(
            "indicators",
            (("code", _T), ("name", _T), ("unit", _T)),
            sort_fields=("name",),
        ),
        CollectionSpec(
            "indicator_values",
            (("indicator_id", _T), ("region_code", _T), ("period", _T), ("value", _R)),
            indexes=(("indicator_id", "region_code", "period"),),
        ),
    )
}


def collection_spec(name: str) -> CollectionSpec:
    """The spec of a collection; a name the API does not define is a ``KeyError``."""
    try:
        return COLLECTIONS[name]
    except KeyError:
        raise KeyError(f"unknown collection {name!r}") from None
