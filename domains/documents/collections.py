"""The documents' collections: folders, documents and shares between colleagues
(API.md, "Records")."""

from __future__ import annotations

from cache.schema import ARRAY, INTEGER, OPTIONAL_STRING, STRING, CollectionSpec, Field, SqlType

__all__ = ["DOCUMENTS", "FOLDERS", "SHARES", "SPECS"]

TEXT = SqlType.TEXT

FOLDERS = CollectionSpec(
    "folders",
    (
        Field("name", STRING, TEXT),
        Field("parent_id", OPTIONAL_STRING, TEXT),
        Field("department_id", OPTIONAL_STRING, TEXT),
        Field("access", STRING, TEXT),
    ),
    indexes=(("parent_id",),),
    sort_fields=("name",),
)

DOCUMENTS = CollectionSpec(
    "documents",
    (
        Field("folder_id", STRING, TEXT),
        Field("title", STRING, TEXT),
        Field("description", STRING),
        Field("filename", STRING, TEXT),
        Field("content_type", STRING, TEXT),
        Field("size", INTEGER, SqlType.INTEGER),
        Field("sha256", STRING, TEXT),
        Field("version_no", INTEGER, SqlType.INTEGER),
        Field("author_id", OPTIONAL_STRING, TEXT),
        Field("tags", ARRAY),
        Field("created_at", STRING, TEXT),
        # Who uploaded the current version and when (the conflict screen's "theirs");
        # absent from a record an older server wrote (docs/api.md).
        Field("version_uploaded_by", OPTIONAL_STRING, required=False),
        Field("version_uploaded_at", OPTIONAL_STRING, required=False),
    ),
    indexes=(("folder_id",), ("author_id",)),
    search_fields=("title", "description", "filename", "tags"),
    sort_fields=("title",),
)

SHARES = CollectionSpec(
    "shares",
    (
        Field("document_id", STRING, TEXT),
        Field("from_id", STRING, TEXT),
        Field("to_id", STRING, TEXT),
        Field("message", STRING),
        Field("sent_at", STRING, TEXT),
        Field("read_at", OPTIONAL_STRING, TEXT),
    ),
    indexes=(("to_id", "sent_at"), ("from_id", "sent_at")),
)

SPECS = (FOLDERS, DOCUMENTS, SHARES)
