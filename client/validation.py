"""Checks on what the server sends before any of it reaches the cache: a malformed page
fails the sync with a clear error instead of half-applying nonsense."""

from __future__ import annotations

from typing import Any

from client.errors import MalformedResponse

Types = tuple[type, ...]
_STR: Types = (str,)
_OPT_STR: Types = (str, type(None))
_INT: Types = (int,)
_NUM: Types = (int, float)
_OPT_NUM: Types = (int, float, type(None))
_LIST: Types = (list,)
_DICT: Types = (dict,)
_BOOL: Types = (bool,)

# Fields each record must have, with the JSON types they may take (API.md, "Records").
RECORD_FIELDS: dict[str, tuple[tuple[str, Types], ...]] = {
    "departments": (("name", _STR), ("parent_id", _OPT_STR), ("head_person_id", _OPT_STR)),
    "people": (
        ("full_name", _STR),
        ("given_name", _STR),
        ("family_name", _STR),
        ("patronymic", _STR),
        ("position", _STR),
        ("department_id", _OPT_STR),
        ("manager_id", _OPT_STR),
        ("email", _OPT_STR),
        ("phone", _OPT_STR),
        ("mobile", _OPT_STR),
        ("office", _OPT_STR),
        ("photo_url", _OPT_STR),
    ),
    "rooms": (
        ("name", _STR),
        ("building", _STR),
        ("floor", _INT),
        ("capacity", _INT),
        ("equipment", _LIST),
    ),
    "bookings": (
        ("room_id", _STR),
        ("title", _STR),
        ("start", _STR),
        ("end", _STR),
        ("organizer_id", _STR),
        ("attendee_ids", _LIST),
        ("status", _STR),
    ),
    "folders": (
        ("name", _STR),
        ("parent_id", _OPT_STR),
        ("department_id", _OPT_STR),
        ("access", _STR),
    ),
    "documents": (
        ("folder_id", _STR),
        ("title", _STR),
        ("description", _STR),
        ("filename", _STR),
        ("content_type", _STR),
        ("size", _INT),
        ("sha256", _STR),
        ("version_no", _INT),
        ("author_id", _OPT_STR),
        ("tags", _LIST),
        ("created_at", _STR),
    ),
    "shares": (
        ("document_id", _STR),
        ("from_id", _STR),
        ("to_id", _STR),
        ("message", _STR),
        ("sent_at", _STR),
        ("read_at", _OPT_STR),
    ),
    "registries": (
        ("code", _STR),
        ("name", _STR),
        ("description", _STR),
        ("columns", _LIST),
        ("row_count", _INT),
    ),
    "registry_rows": (("registry_id", _STR), ("values", _DICT)),
    "regions": (("code", _STR), ("name", _STR), ("parent_code", _OPT_STR)),
    "indicators": (("code", _STR), ("name", _STR), ("unit", _STR), ("description", _STR)),
    "indicator_values": (
        ("indicator_id", _STR),
        ("region_code", _STR),
        ("period", _STR),
        ("value", _OPT_NUM),
    ),
}
COLLECTIONS = tuple(RECORD_FIELDS)
# Fields a record may lack (older servers, records the personnel system wrote), checked
# when present.
OPTIONAL_FIELDS: dict[str, tuple[tuple[str, Types], ...]] = {
    "people": (("updated_by", _OPT_STR),),
}


def _fail(collection: str, index: int, message: str) -> MalformedResponse:
    return MalformedResponse(
        f"The server sent a malformed {collection} record (#{index}): {message}"
    )


def check_record(collection: str, item: Any, index: int = 0) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise _fail(collection, index, "not an object")
    record_id = item.get("id")
    if not isinstance(record_id, str) or not record_id or len(record_id) > 200:
        raise _fail(collection, index, "no valid id")
    version = item.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _fail(collection, index, "no valid version")
    if not isinstance(item.get("updated_at"), str):
        raise _fail(collection, index, "no updated_at")
    for name, types in RECORD_FIELDS[collection]:
        value = item.get(name, _MISSING)
        if value is _MISSING:
            raise _fail(collection, index, f"'{name}' is missing")
        # bool is an int in Python, but never a valid int or number in these records.
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise _fail(collection, index, f"'{name}' has the wrong type")
    for name, types in OPTIONAL_FIELDS.get(collection, ()):
        value = item.get(name)
        if not isinstance(value, types):
            raise _fail(collection, index, f"'{name}' has the wrong type")
    return item


_MISSING = object()


def check_page(collection: str, page: Any) -> dict[str, Any]:
    """A sync page, checked whole: nothing of it is used unless all of it is sound."""
    if not isinstance(page, dict):
        raise MalformedResponse(f"The server's {collection} page is not an object.")
    items, deleted = page.get("items"), page.get("deleted")
    if not isinstance(items, list) or not isinstance(deleted, list):
        raise MalformedResponse(f"The server's {collection} page has no item lists.")
    if page.get("collection") != collection:
        raise MalformedResponse(f"The server answered with another collection than {collection}.")
    if not isinstance(page.get("cursor"), str) or not isinstance(page.get("has_more"), bool):
        raise MalformedResponse(f"The server's {collection} page has no cursor.")
    if not all(isinstance(d, str) for d in deleted):
        raise MalformedResponse(f"The server's {collection} page lists invalid deletions.")
    for index, item in enumerate(items):
        check_record(collection, item, index)
    return page


def check_heads(body: Any) -> tuple[dict[str, str], dict[str, str]]:
    if not isinstance(body, dict):
        raise MalformedResponse("The server's sync summary is not an object.")
    collections, rows = body.get("collections"), body.get("registry_rows", {})
    for mapping in (collections, rows):
        if not isinstance(mapping, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in mapping.items()
        ):
            raise MalformedResponse("The server's sync summary has invalid cursors.")
    assert isinstance(collections, dict) and isinstance(rows, dict)
    return collections, rows
