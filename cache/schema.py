"""The shape of the cache: one table per API collection, described as data.

Each collection is described once, by a ``CollectionSpec`` that lives with its domain
(``domains/<domain>/collections.py``): every field a record has, with the JSON types the
API may send (``client.validation`` checks sync pages against them), and which of those
fields are copied into real columns (indexable: the UI searches, filters or sorts on
them), with their SQL type. A table also holds the full record as JSON (``record``),
the server's ``version``, and the per-record sync state the UI shows. ``store.apply_page``
extracts the columns with the spec. The cache core never imports the domains: the
``Catalog`` of every spec is passed in (``domains.catalog.CATALOG``). The tables
themselves are built by numbered migrations (``migrations``), never from the live
specs: ``tests/cache/test_migrations.py`` checks that the two agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

__all__ = [
    "ARRAY",
    "INTEGER",
    "NUMBER",
    "OBJECT",
    "OPTIONAL_NUMBER",
    "OPTIONAL_STRING",
    "STRING",
    "SYNC_STATES",
    "Catalog",
    "CollectionSpec",
    "Field",
    "JsonType",
    "SqlType",
    "SyncState",
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


class JsonType(StrEnum):
    """A JSON type a record field may take (API.md, "Records")."""

    STRING = "string"
    INTEGER = "integer"  # never a boolean, though Python's bool is an int
    NUMBER = "number"  # an integer or a fraction
    BOOLEAN = "boolean"
    ARRAY = "array"
    OBJECT = "object"
    NULL = "null"


class SqlType(StrEnum):
    """The SQL type of a column (SQLite's type affinity)."""

    TEXT = "TEXT"
    INTEGER = "INTEGER"
    REAL = "REAL"


STRING = (JsonType.STRING,)
OPTIONAL_STRING = (JsonType.STRING, JsonType.NULL)
INTEGER = (JsonType.INTEGER,)
NUMBER = (JsonType.NUMBER,)
OPTIONAL_NUMBER = (JsonType.NUMBER, JsonType.NULL)
ARRAY = (JsonType.ARRAY,)
OBJECT = (JsonType.OBJECT,)


@dataclass(frozen=True)
class Field:
    """One field every record of a collection has (besides ``id``, ``version`` and
    ``updated_at``): the JSON types it may take, and ``column``: the SQL type of the
    column it is copied into, or None when it lives in the ``record`` JSON only.
    ``required``: False for a field a record may lack (added to the API later: an older
    server, or a record written by another system, leaves it out); checked when present."""

    name: str
    json_types: tuple[JsonType, ...]
    column: SqlType | None = None
    required: bool = True

    def __post_init__(self) -> None:
        if not self.name or not self.json_types:
            raise ValueError(f"field {self.name!r}: a name and at least one JSON type")


@dataclass(frozen=True)
class CollectionSpec:
    """One API collection, as the server sends it and as a table.

    ``fields``: every record field with its JSON types; those with a ``column`` are
    copied into columns, in this order. ``indexes``: column tuples to index.
    ``search_fields``: record fields folded into the ``search_text`` column and its FTS
    index (empty: none). ``sort_fields``: fields whose Azerbaijani sort keys fill
    ``sort_key``: the UI's default order, and a search ranks matches whose first sort
    field (a person's family name) starts with the query first.
    ``deferred_search``: the search index is built after the rows are stored, in
    bulk (``store.update_search_index``, also run by every search), instead of row
    by row inside ``apply_page``: for registry rows, a million of them, whose
    searching is occasional. Such a collection has no ``search_text`` column; its
    FTS table is contentless (see ``migrations``).
    """

    name: str
    fields: tuple[Field, ...]
    indexes: tuple[tuple[str, ...], ...] = ()
    search_fields: tuple[str, ...] = ()
    sort_fields: tuple[str, ...] = ()
    deferred_search: bool = False

    def __post_init__(self) -> None:
        if self.deferred_search and (not self.search_fields or self.sort_fields):
            # search.py walks search_text in sort order; a deferred index has neither.
            raise ValueError(f"{self.name}: a deferred search index needs search fields only")
        names = [f.name for f in self.fields]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.name}: a field is listed twice")
        if unknown := {*self.search_fields, *self.sort_fields} - set(names):
            raise ValueError(f"{self.name}: search or sort fields that are no field: {unknown}")
        columns = set(self.column_names)
        for index in self.indexes:
            if not index or not set(index) <= columns:
                raise ValueError(f"{self.name}: index {index} is not over columns")

    @property
    def columns(self) -> tuple[tuple[str, SqlType], ...]:
        """The record fields copied into columns, with their SQL types, in order."""
        return tuple((f.name, f.column) for f in self.fields if f.column is not None)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.column is not None)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

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


@dataclass(frozen=True)
class Catalog:
    """Every collection the app knows, immutable, in a fixed order (the order given:
    the order of a sync and of ``iter``). Built once by ``domains.catalog`` and passed
    to the cache core, which never imports the domains."""

    specs: tuple[CollectionSpec, ...]
    _by_name: Mapping[str, CollectionSpec] = field(init=False, repr=False, compare=False)

    def __init__(self, specs: Iterable[CollectionSpec]) -> None:
        ordered = tuple(specs)
        by_name = {spec.name: spec for spec in ordered}
        if len(by_name) != len(ordered):
            raise ValueError("a collection is described twice")
        object.__setattr__(self, "specs", ordered)
        object.__setattr__(self, "_by_name", MappingProxyType(by_name))

    def spec(self, name: str) -> CollectionSpec:
        """The spec of a collection; a name the catalog does not hold is a ``KeyError``."""
        try:
            return self._by_name[name]
        except KeyError:
            raise KeyError(f"unknown collection {name!r}") from None

    __getitem__ = spec

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __iter__(self) -> Iterator[CollectionSpec]:
        return iter(self.specs)

    def __len__(self) -> int:
        return len(self.specs)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self.specs)

    def deferred_search(self) -> tuple[CollectionSpec, ...]:
        """The collections whose search index is built in bulk after a sync."""
        return tuple(spec for spec in self.specs if spec.deferred_search)
