"""Check out / check in: a document checked out for editing takes new versions from its
holder only, until the holder checks it in, an administrator releases it, or the lock
expires (``Settings.checkout_seconds``, served in the record as ``expires_at``). The lock
is part of the document record (``checkout``), so everyone who can see the document
learns who holds it through delta sync."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import Connection

from server import records
from server.checkouts import held_checkout, refuse_if_checked_out
from server.context import Principal, PrincipalDep, ServicesDep
from server.documents import load_visible_document, require_writable_folder
from server.errors import ApiError
from server.preconditions import IfMatchHeader, check_version, etag, expected_version
from server.schemas import Document

router = APIRouter(tags=["documents"])


def _lockable(conn: Connection, principal: Principal, document_id: str) -> dict[str, Any]:
    """The document as its holder sees it; an administrator releases any lock, also on a
    document in a folder they do not see."""
    if principal.is_admin:
        found = records.load(conn, "documents", document_id)
        if found is not None and not found[1]:
            return found[0]
    return load_visible_document(conn, principal, document_id)


@router.post(
    "/documents/{document_id}/checkout",
    response_model=Document,
    responses={423: {"description": "checked_out: someone else holds it"}},
)
def check_out(
    document_id: str,
    principal: PrincipalDep,
    services: ServicesDep,
    if_match: IfMatchHeader = None,
) -> JSONResponse:
    """Lock the document for others. Taking a lock one already holds changes nothing
    (a resent request whose first answer was lost gets the record as it is)."""
    expected = expected_version(if_match)
    with services.db.write() as conn:
        record = load_visible_document(conn, principal, document_id)
        require_writable_folder(conn, principal, record["folder_id"])
        refuse_if_checked_out(record, principal)
        if held_checkout(record) is None:
            check_version(record, expected)
            now = records.utc_now()
            record = records.replace_record(
                conn,
                "documents",
                {
                    **record,
                    "checkout": {
                        "by": principal.user_id,
                        "at": records.iso(now),
                        "expires_at": records.iso(
                            now + timedelta(seconds=services.settings.checkout_seconds)
                        ),
                    },
                },
            )
    return JSONResponse(record, headers={"ETag": etag(record)})


@router.delete("/documents/{document_id}/checkout", response_model=Document)
def check_in_document(
    document_id: str,
    principal: PrincipalDep,
    services: ServicesDep,
    if_match: IfMatchHeader = None,
) -> JSONResponse:
    """Release the lock: its holder (check in) or an administrator (anyone who may
    write once it has expired). A document that is
    not checked out is answered as it is (a resend changes nothing)."""
    expected = expected_version(if_match)
    with services.db.write() as conn:
        record = _lockable(conn, principal, document_id)
        checkout = record.get("checkout")
        if checkout:
            by_other = checkout["by"] != principal.user_id
            if by_other and not principal.is_admin and held_checkout(record) is not None:
                raise ApiError(
                    403,
                    "forbidden",
                    "Only the holder or an administrator can check this document in.",
                    checkout=checkout,
                )
            check_version(record, expected)
            record = records.replace_record(conn, "documents", {**record, "checkout": None})
    return JSONResponse(record, headers={"ETag": etag(record)})
