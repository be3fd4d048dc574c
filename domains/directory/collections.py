"""The staff directory's collections: departments and people (API.md, "Records")."""

from __future__ import annotations

from cache.schema import OPTIONAL_STRING, STRING, Catalog, CollectionSpec, Field, SqlType

__all__ = ["DEPARTMENTS", "DIRECTORY", "PEOPLE", "SPECS"]

TEXT = SqlType.TEXT

DEPARTMENTS = CollectionSpec(
    "departments",
    (
        Field("name", STRING, TEXT),
        Field("parent_id", OPTIONAL_STRING, TEXT),
        Field("head_person_id", OPTIONAL_STRING, TEXT),
        # The economic region it serves (the indicators' region code); null or absent:
        # the whole country (the central departments; an older server). JSON only: read
        # for one department at a time (docs/api.md), so no column and no migration.
        Field("region_code", OPTIONAL_STRING, required=False),
    ),
    indexes=(("parent_id",),),
    sort_fields=("name",),
)

PEOPLE = CollectionSpec(
    "people",
    (
        Field("full_name", STRING, TEXT),
        Field("given_name", STRING, TEXT),
        Field("family_name", STRING, TEXT),
        Field("patronymic", STRING, TEXT),
        Field("position", STRING, TEXT),
        Field("department_id", OPTIONAL_STRING, TEXT),
        Field("manager_id", OPTIONAL_STRING, TEXT),
        Field("email", OPTIONAL_STRING, TEXT),
        Field("phone", OPTIONAL_STRING, TEXT),
        Field("mobile", OPTIONAL_STRING, TEXT),
        Field("office", OPTIONAL_STRING, TEXT),
        Field("photo_url", OPTIONAL_STRING),
        # Who last changed the card through "My details"; absent or null: the personnel
        # system (docs/api.md).
        Field("updated_by", OPTIONAL_STRING, required=False),
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
)

SPECS = (DEPARTMENTS, PEOPLE)

DIRECTORY = Catalog(SPECS)
"""The directory's own collections, for its queries' reads through the cache core (a
domain never imports another one, nor the catalog that gathers them all)."""
