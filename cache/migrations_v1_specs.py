"""The collections as migrations 1 to 4 built them: a frozen copy. NEVER CHANGE IT.

Migrations 1 to 4 shipped: caches on users' disks were made by them, and a cache made
today must come out of them exactly as one made then (``tests/cache/test_migrations.py``
opens such a cache, ``fixtures/v4_cache.db``). So they read this copy of the specs as
they were at version 4, never the live ``Catalog``. A change to a collection (a new
column, index, search or sort field) goes into its domain's ``collections.py`` and
comes with a new numbered migration in ``migrations.py`` that brings existing caches to
it; ``test_migrations`` fails until both agree. This file stays as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["V1_SPECS", "FrozenSpec"]


@dataclass(frozen=True)
class FrozenSpec:
    """What migrations 1 to 4 need to know of a collection (see ``schema.CollectionSpec``
    for the meaning of each part)."""

    name: str
    columns: tuple[tuple[str, str], ...]
    indexes: tuple[tuple[str, ...], ...] = ()
    search_fields: tuple[str, ...] = ()
    sort_fields: tuple[str, ...] = ()
    deferred_search: bool = False

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)

    @property
    def fts_table(self) -> str:
        return f"{self.name}_fts"

    @property
    def derived_columns(self) -> tuple[str, ...]:
        """The computed columns of version 2 on (version 1 gave every searchable
        collection a ``search_text``, deferred or not)."""
        derived = []
        if self.search_fields and not self.deferred_search:
            derived.append("search_text")
        if self.sort_fields:
            derived.append("sort_key")
        return tuple(derived)


_T, _I, _R = "TEXT", "INTEGER", "REAL"

V1_SPECS: tuple[FrozenSpec, ...] = (
    FrozenSpec(
        "departments",
        (("name", _T), ("parent_id", _T), ("head_person_id", _T)),
        indexes=(("parent_id",),),
        sort_fields=("name",),
    ),
    FrozenSpec(
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
    FrozenSpec(
        "rooms",
        (("name", _T), ("building", _T), ("floor", _T), ("capacity", _I)),
        sort_fields=("name",),
    ),
    FrozenSpec(
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
    FrozenSpec(
        "folders",
        (("name", _T), ("parent_id", _T), ("department_id", _T), ("access", _T)),
        indexes=(("parent_id",),),
        sort_fields=("name",),
    ),
    FrozenSpec(
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
    FrozenSpec(
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
    FrozenSpec(
        "registries",
        (("code", _T), ("name", _T), ("row_count", _I)),
        sort_fields=("name",),
    ),
    FrozenSpec(
        "registry_rows",
        (("registry_id", _T),),
        indexes=(("registry_id",),),
        search_fields=("values",),
        deferred_search=True,
    ),
    FrozenSpec(
        "regions",
        (("code", _T), ("name", _T), ("parent_code", _T)),
        indexes=(("code",), ("parent_code",)),
        sort_fields=("name",),
    ),
    FrozenSpec(
        "indicators",
        (("code", _T), ("name", _T), ("unit", _T)),
        sort_fields=("name",),
    ),
    FrozenSpec(
        "indicator_values",
        (("indicator_id", _T), ("region_code", _T), ("period", _T), ("value", _R)),
        indexes=(("indicator_id", "region_code", "period"),),
    ),
)
