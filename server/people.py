"""The staff directory's one write: a person keeps their own contact details (work phone,
mobile, office) up to date; an administrator may correct anyone's. Everything else on a
card comes from the personnel system and is not the user's to change.

Like every change to an existing record, it names the version it saw (If-Match), and the
check and the write share one write transaction: writers run one at a time (see
``server.db``), so of two changes made from the same version exactly one wins and the
other gets 412 with the record as it now is."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import Connection

from server import records
from server.context import Principal, PrincipalDep, ServicesDep
from server.errors import ApiError, validation_error
from server.preconditions import IfMatchHeader, check_version, etag, expected_version, patch_changes
from server.schemas import Person, PersonPatch

router = APIRouter(tags=["people"])

# Fields a user may clear by sending "" (stored as null, as for a card that never had one).
CLEARABLE_FIELDS = frozenset({"mobile", "office"})


def _load_for_change(conn: Connection, principal: Principal, person_id: str) -> dict[str, Any]:
    """The card to change. People are visible to everyone, so 404 before 403 tells no
    secret; a removed person (a tombstone) is gone for writes too."""
    found = records.load(conn, "people", person_id)
    if found is None or found[1]:
        raise ApiError(404, "not_found", "No such person.")
    if person_id != principal.user_id and not principal.is_admin:
        raise ApiError(
            403, "forbidden", "Only the person themselves or an administrator may change it."
        )
    return found[0]


def _stored_values(changes: dict[str, Any]) -> dict[str, Any]:
    return {
        field: None if field in CLEARABLE_FIELDS and value == "" else value
        for field, value in changes.items()
    }


@router.patch(
    "/people/{person_id}",
    response_model=Person,
    responses={403: {"description": "forbidden: another person's card, and not an admin"}},
)
def change_person(
    person_id: str,
    body: PersonPatch,
    principal: PrincipalDep,
    services: ServicesDep,
    if_match: IfMatchHeader = None,
) -> JSONResponse:
    """Change one's own work phone, mobile or office (an administrator: anyone's)."""
    expected = expected_version(if_match)
    changes = patch_changes(body)
    if not changes:
        raise validation_error("body", "send at least one of phone, mobile, office")
    with services.db.write() as conn:
        record = _load_for_change(conn, principal, person_id)
        check_version(record, expected)
        updated = {**record, **_stored_values(changes)}
        # Nothing new: no new version, so nobody's sync fetches the card again. Who
        # changed it is kept for the conflict screen ("changed by ... at ...").
        saved = (
            record
            if updated == record
            else records.replace_record(
                conn, "people", {**updated, "updated_by": principal.user_id}
            )
        )
    return JSONResponse(saved, headers={"ETag": etag(saved)})
