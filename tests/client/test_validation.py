"""Sync pages are checked against the collections' one description (their specs)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from cache.schema import OPTIONAL_STRING, Catalog, Field
from client.errors import MalformedResponse
from client.validation import check_page, check_record
from domains.catalog import CATALOG

ROOM: dict[str, Any] = {
    "id": "room-1",
    "version": 1,
    "updated_at": "2026-03-02T09:30:00+04:00",
    "name": "Otaq 204",
    "building": "A",
    "floor": 2,
    "capacity": 12,
    "equipment": ["projector"],
}


def _page(items: list[Any]) -> dict[str, Any]:
    return {"collection": "rooms", "items": items, "deleted": [], "cursor": "c", "has_more": False}


def test_a_sound_record_passes() -> None:
    assert check_record("rooms", dict(ROOM)) == ROOM
    assert check_page("rooms", _page([dict(ROOM)]))["items"] == [ROOM]


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("equipment", None, "'equipment' has the wrong type"),  # not a column, still checked
        ("floor", True, "'floor' has the wrong type"),  # a boolean is no integer
        ("floor", "2", "'floor' has the wrong type"),
        ("capacity", 1.5, "'capacity' has the wrong type"),
    ],
)
def test_a_field_of_the_wrong_type_is_refused(field: str, value: Any, problem: str) -> None:
    with pytest.raises(MalformedResponse, match=problem):
        check_page("rooms", _page([dict(ROOM), {**ROOM, field: value}]))


def test_a_missing_field_that_is_no_column_is_refused() -> None:
    person = {**ROOM, "id": "p1"}
    with pytest.raises(MalformedResponse, match="'full_name' is missing"):
        check_record("people", person)
    people = CATALOG.spec("people")
    record = {
        "id": "p1",
        "version": 1,
        "updated_at": "x",
        **{f.name: "x" for f in people.fields if f.name != "photo_url"},
    }
    with pytest.raises(MalformedResponse, match="'photo_url' is missing"):
        check_record("people", record)
    assert check_record("people", {**record, "photo_url": None})["photo_url"] is None


def test_the_checks_follow_the_catalog_given() -> None:
    rooms = CATALOG.spec("rooms")
    with_note = Catalog([replace(rooms, fields=(*rooms.fields, Field("note", OPTIONAL_STRING)))])
    with pytest.raises(MalformedResponse, match="'note' is missing"):
        check_record("rooms", dict(ROOM), catalog=with_note)
    assert check_record("rooms", {**ROOM, "note": None}, catalog=with_note)["note"] is None
    with pytest.raises(KeyError, match="unknown collection 'people'"):
        check_record("people", dict(ROOM), catalog=with_note)
