"""Document exchange between colleagues. A share lets its recipient read the document
even outside the folders they may see; creating one touches the document, so it reaches
the recipient through delta sync."""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import Connection, select

from server import records
from server.context import PrincipalDep, ServicesDep
from server.db import people, users
from server.documents import load_visible_document
from server.errors import ApiError, validation_error
from server.idempotency import check_key, request_hash, run_idempotent
from server.preconditions import IdempotencyKeyHeader, etag
from server.schemas import Share, ShareCreate

router = APIRouter(tags=["shares"])


@router.post("/shares", status_code=201, response_model=list[Share])
def create_shares(
    body: ShareCreate,
    principal: PrincipalDep,
    services: ServicesDep,
    idempotency_key: IdempotencyKeyHeader = None,
) -> JSONResponse:
    key = check_key(idempotency_key)
    recipients = list(dict.fromkeys(body.to_ids))
    if principal.user_id in recipients:
        raise validation_error("to_ids", "you cannot send a document to yourself")

    def action(conn: Connection) -> tuple[int, Any]:
        document = load_visible_document(conn, principal, body.document_id)
        known = {
            r[0]
            for r in conn.execute(
                select(people.c.id)
                .join(users, users.c.id == people.c.id)
                .where(people.c.id.in_(recipients), people.c.deleted.is_(False), users.c.active)
            )
        }
        missing = [r for r in recipients if r not in known]
        if missing:
            raise validation_error("to_ids", f"unknown colleagues: {', '.join(missing[:5])}")
        now = records.iso(records.utc_now())
        created = [
            records.insert_record(
                conn,
                "shares",
                {
                    "id": f"shr-{secrets.token_hex(12)}",
                    "document_id": document["id"],
                    "from_id": principal.user_id,
                    "to_id": recipient,
                    "message": body.message,
                    "sent_at": now,
                    "read_at": None,
                },
            )
            for recipient in recipients
        ]
        records.touch(conn, "documents", [document["id"]])
        return 201, created

    fingerprint = request_hash("POST", "/shares", body.model_dump(mode="json"))
    return run_idempotent(services, principal, key, fingerprint, action)


@router.post("/shares/{share_id}/read", response_model=Share)
def mark_read(share_id: str, principal: PrincipalDep, services: ServicesDep) -> JSONResponse:
    """Idempotent by nature (the first reading time stays), so it needs neither an
    Idempotency-Key nor If-Match: no interleaving can lose an update."""
    with services.db.write() as conn:
        found = records.load(conn, "shares", share_id)
        if found is None or found[1]:
            raise ApiError(404, "not_found", "No such share.")
        share = found[0]
        if share["to_id"] != principal.user_id:
            if share["from_id"] == principal.user_id:
                raise ApiError(403, "forbidden", "Only the recipient marks a share as read.")
            raise ApiError(404, "not_found", "No such share.")
        if share["read_at"] is None:
            share = records.replace_record(
                conn, "shares", {**share, "read_at": records.iso(records.utc_now())}
            )
    return JSONResponse(share, headers={"ETag": etag(share)})
