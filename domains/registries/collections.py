"""The registries' collections: the medical registries and their rows (API.md,
"Records")."""

from __future__ import annotations

from cache.schema import ARRAY, INTEGER, OBJECT, STRING, CollectionSpec, Field, SqlType

__all__ = ["REGISTRIES", "REGISTRY_ROWS", "SPECS"]

TEXT = SqlType.TEXT

REGISTRIES = CollectionSpec(
    "registries",
    (
        Field("code", STRING, TEXT),
        Field("name", STRING, TEXT),
        Field("description", STRING),
        Field("columns", ARRAY),
        Field("row_count", INTEGER, SqlType.INTEGER),
    ),
    sort_fields=("name",),
)

REGISTRY_ROWS = CollectionSpec(
    "registry_rows",
    (Field("registry_id", STRING, TEXT), Field("values", OBJECT)),
    indexes=(("registry_id",),),
    search_fields=("values",),
    deferred_search=True,  # a million rows: indexed in bulk after a sync
)

SPECS = (REGISTRIES, REGISTRY_ROWS)
