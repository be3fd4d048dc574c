"""The catalog: every domain's collections, described once, looked up by name."""

from __future__ import annotations

import dataclasses

import pytest

from cache.schema import (
    OPTIONAL_STRING,
    STRING,
    Catalog,
    CollectionSpec,
    Field,
    JsonType,
    SqlType,
)
from domains.catalog import CATALOG
from domains.directory.collections import PEOPLE


def test_lookup_by_name_and_a_clear_error_for_an_unknown_one() -> None:
    assert CATALOG.spec("people") is PEOPLE
    assert CATALOG["people"] is PEOPLE
    assert "people" in CATALOG and "passwords" not in CATALOG
    with pytest.raises(KeyError, match="unknown collection 'passwords'"):
        CATALOG.spec("passwords")


def test_the_order_is_fixed_the_directory_first() -> None:
    assert CATALOG.names == (
        "departments",
        "people",
        "rooms",
        "bookings",
        "folders",
        "documents",
        "shares",
        "registries",
        "registry_rows",
        "regions",
        "indicators",
        "indicator_values",
    )
    assert [spec.name for spec in CATALOG] == list(CATALOG.names)
    assert len(CATALOG) == 12
    assert [spec.name for spec in CATALOG.deferred_search()] == ["registry_rows"]


def test_the_catalog_cannot_be_changed() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        CATALOG.specs = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        CATALOG._by_name["x"] = PEOPLE  # type: ignore[index]
    with pytest.raises(ValueError, match="described twice"):
        Catalog([PEOPLE, PEOPLE])


def test_a_spec_lists_fields_that_are_no_columns_and_columns_with_sql_types() -> None:
    assert "photo_url" in PEOPLE.field_names and "photo_url" not in PEOPLE.column_names
    assert dict(PEOPLE.columns)["family_name"] is SqlType.TEXT
    tags = next(f for f in CATALOG.spec("documents").fields if f.name == "tags")
    assert tags.json_types == (JsonType.ARRAY,) and tags.column is None


def test_an_inconsistent_spec_is_refused() -> None:
    name = Field("name", STRING, SqlType.TEXT)
    note = Field("note", OPTIONAL_STRING)
    with pytest.raises(ValueError, match="index"):
        CollectionSpec("x", (name, note), indexes=(("note",),))  # not a column
    with pytest.raises(ValueError, match="no field"):
        CollectionSpec("x", (name,), search_fields=("title",))
    with pytest.raises(ValueError, match="twice"):
        CollectionSpec("x", (name, name))
    with pytest.raises(ValueError, match="JSON type"):
        Field("empty", ())
