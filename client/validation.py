"""Checks on what the server sends before any of it reaches the cache: a malformed page
fails the sync with a clear error instead of half-applying nonsense."""

from __future__ import annotations

import functools
from typing import Any

from cache.schema import Catalog, CollectionSpec, JsonType
from client.errors import MalformedResponse
from domains.catalog import CATALOG

Types = tuple[type, ...]

PYTHON_TYPES: dict[JsonType, Types] = {
    JsonType.STRING: (str,),
    JsonType.INTEGER: (int,),
    JsonType.NUMBER: (int, float),
    JsonType.BOOLEAN: (bool,),
    JsonType.ARRAY: (list,),
    JsonType.OBJECT: (dict,),
    JsonType.NULL: (type(None),),
}
"""What ``json.loads`` makes of each JSON type."""


@functools.cache
def record_fields(spec: CollectionSpec) -> tuple[tuple[str, Types, bool], ...]:
    """Fields each record must have, with the Python types they may take: from the
    collection's one description (``domains/*/collections.py``; API.md, "Records")."""
    return tuple(
        (
            f.name,
            tuple(t for json_type in f.json_types for t in PYTHON_TYPES[json_type]),
            f.required,
        )
        for f in spec.fields
    )


def _fail(collection: str, index: int, message: str) -> MalformedResponse:
    return MalformedResponse(
        f"The server sent a malformed {collection} record (#{index}): {message}"
    )


def check_record(
    collection: str, item: Any, index: int = 0, catalog: Catalog = CATALOG
) -> dict[str, Any]:
    """One record as its collection's spec describes it; ``MalformedResponse`` if not."""
    return _check_record(collection, item, index, record_fields(catalog.spec(collection)))


def _check_record(
    collection: str, item: Any, index: int, fields: tuple[tuple[str, Types, bool], ...]
) -> dict[str, Any]:
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
    for name, types, required in fields:
        value = item.get(name, _MISSING)
        if value is _MISSING:
            if not required:  # an older server, a card the personnel system wrote
                continue
            raise _fail(collection, index, f"'{name}' is missing")
        # bool is an int in Python, but never a valid int or number in these records.
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise _fail(collection, index, f"'{name}' has the wrong type")
    return item


_MISSING = object()


def check_page(collection: str, page: Any, catalog: Catalog = CATALOG) -> dict[str, Any]:
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
    fields = record_fields(catalog.spec(collection)) if items else ()
    for index, item in enumerate(items):
        _check_record(collection, item, index, fields)
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
