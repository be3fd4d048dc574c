"""Resumable uploads: an upload session receives a file in chunks (``PUT`` with
``Content-Range``), each appended only once whole, so a broken 200 MB upload goes on from
the last whole chunk instead of from zero. A complete session is then named by the
request that makes the document, version or conflict copy (``{"upload_id": ...}``); until
then nothing of it is visible to anyone. Unfinished sessions expire and are removed.

A chunk is first written to its own temporary file, then appended under the database's
write lock after checking the offset again: two racing PUTs of one chunk append it once,
and a chunk cut short is never appended. A crash between the append and the commit leaves
the file longer than the stored offset; the next append truncates it back first.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from sqlalchemy import Connection, delete, select, update

from server import records
from server.blobs import CHUNK
from server.context import Principal, PrincipalDep, Services, ServicesDep
from server.db import upload_sessions
from server.errors import ApiError, validation_error
from server.idempotency import check_key, request_hash, run_idempotent
from server.preconditions import IdempotencyKeyHeader
from server.private_files import make_private_dir
from server.schemas import UploadSession, UploadSessionCreate
from server.uploads import ReceivedFile, check_content_type, check_filename, too_large

router = APIRouter(tags=["uploads"])

_CONTENT_RANGE = re.compile(r"^bytes (\d{1,15})-(\d{1,15})/(\d{1,15})$")
_CHUNK_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}


def sessions_folder(services: Services) -> Path:
    folder = services.blobs.root / "sessions"
    make_private_dir(folder)
    return folder


def _file_of(services: Services, session_id: str) -> Path:
    return sessions_folder(services) / session_id


def _public(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "filename": row.filename,
        "content_type": row.content_type,
        "size": int(row.size),
        "offset": int(row.received),
        "complete": int(row.received) == int(row.size),
        "state": row.state,
        "expires_at": records.iso(datetime.fromtimestamp(int(row.expires_at), UTC)),
    }


def _open(row: Any) -> Any:
    """The session if it still takes chunks; 409 once cancelled or finished."""
    if row.state != "open":
        raise ApiError(
            409,
            "upload_closed",
            f"This upload session is {row.state}; start a new one.",
            state=row.state,
        )
    return row


def _load(conn: Connection, principal: Principal, session_id: str) -> Any:
    row = conn.execute(
        select(upload_sessions).where(
            upload_sessions.c.id == session_id,
            upload_sessions.c.user_id == principal.user_id,
            upload_sessions.c.expires_at > int(time.time()),
        )
    ).first()
    if row is None:
        raise ApiError(404, "not_found", "No such upload session (or it expired).")
    return row


def purge_expired(services: Services, now: int | None = None) -> int:
    """Remove expired sessions and their files, and files no session names (a crash
    between creating one and writing its row). Returns how many sessions went."""
    moment = int(time.time()) if now is None else now
    with services.db.write() as conn:
        gone = [
            r[0]
            for r in conn.execute(
                select(upload_sessions.c.id).where(upload_sessions.c.expires_at <= moment)
            )
        ]
        if gone:
            conn.execute(delete(upload_sessions).where(upload_sessions.c.id.in_(gone)))
        alive = {
            r[0]
            for r in conn.execute(
                select(upload_sessions.c.id).where(upload_sessions.c.state == "open")
            )
        }
    folder = sessions_folder(services)
    for path in folder.iterdir():
        if path.name.split(".", 1)[0] not in alive:
            path.unlink(missing_ok=True)
    return len(gone)


@router.post("/uploads", status_code=201, response_model=UploadSession)
def create_upload_session(
    body: UploadSessionCreate,
    principal: PrincipalDep,
    services: ServicesDep,
    idempotency_key: IdempotencyKeyHeader = None,
) -> JSONResponse:
    """A new, empty upload session for a file of ``size`` bytes (413 beyond the limit)."""
    key = check_key(idempotency_key)
    filename = check_filename(body.filename)
    content_type = check_content_type(body.content_type, filename)
    if body.size > services.settings.max_upload_bytes:
        raise too_large(services.settings.max_upload_bytes)
    purge_expired(services)

    def action(conn: Connection) -> tuple[int, Any]:
        session_id = f"upl-{secrets.token_hex(16)}"
        now = int(time.time())
        conn.execute(
            upload_sessions.insert().values(
                id=session_id,
                user_id=principal.user_id,
                filename=filename,
                content_type=content_type,
                size=body.size,
                received=0,
                state="open",
                created_at=now,
                expires_at=now + services.settings.upload_session_seconds,
            )
        )
        _file_of(services, session_id).touch(mode=0o600)
        row = conn.execute(select(upload_sessions).where(upload_sessions.c.id == session_id)).one()
        return 201, _public(row)

    fingerprint = request_hash("POST", "/uploads", body.model_dump(mode="json"))
    return run_idempotent(services, principal, key, fingerprint, action)


@router.get("/uploads/{upload_id}", response_model=UploadSession)
def get_upload_session(
    upload_id: str, principal: PrincipalDep, services: ServicesDep
) -> JSONResponse:
    """Where a broken upload goes on from (``offset``)."""
    with services.db.read() as conn:
        return JSONResponse(_public(_load(conn, principal, upload_id)))


@router.delete("/uploads/{upload_id}", status_code=204, response_class=Response)
def cancel_upload_session(
    upload_id: str, principal: PrincipalDep, services: ServicesDep
) -> Response:
    """Cancel: every byte received goes (the session stays, ``cancelled``, until it
    expires, so a replayed creation still names it). Nothing of it was ever visible."""
    with services.db.write() as conn:
        row = _load(conn, principal, upload_id)
        if row.state == "open":
            conn.execute(
                update(upload_sessions)
                .where(upload_sessions.c.id == upload_id)
                .values(state="cancelled")
            )
    _file_of(services, upload_id).unlink(missing_ok=True)
    return Response(status_code=204)


def _parse_range(header: str | None, size: int, limit: int) -> tuple[int, int]:
    if header is None:
        raise validation_error("Content-Range", "missing; send bytes START-END/SIZE")
    match = _CONTENT_RANGE.fullmatch(header.strip())
    if match is None:
        raise validation_error("Content-Range", "not bytes START-END/SIZE")
    start, end, total = (int(g) for g in match.groups())
    if total != size:
        raise validation_error("Content-Range", f"the session's size is {size}")
    if end < start or end >= size:
        raise validation_error("Content-Range", "the range is outside the file")
    if end - start + 1 > limit:
        raise too_large(limit)
    return start, end


async def _receive_chunk(request: Request, services: Services, length: int) -> Path:
    """The request body into a temporary file; exactly ``length`` bytes or a 422."""
    temp = services.blobs.new_temp()
    received = 0
    try:
        with temp.handle as handle:
            async for piece in request.stream():
                received += len(piece)
                if received > length:
                    raise validation_error("body", "longer than its Content-Range")
                handle.write(piece)
        if received != length:
            raise validation_error("body", "shorter than its Content-Range")
    except BaseException:
        temp.path.unlink(missing_ok=True)
        raise
    return temp.path


def _append(
    services: Services, principal: Principal, upload_id: str, start: int, chunk: Path
) -> Any:
    with services.db.write() as conn:
        row = _open(_load(conn, principal, upload_id))
        received = int(row.received)
        if start > received:
            raise ApiError(
                409,
                "upload_offset_mismatch",
                f"The server has {received} bytes of this upload; send from there.",
                offset=received,
            )
        skip = received - start
        length = chunk.stat().st_size
        if skip < length:
            with _file_of(services, upload_id).open("r+b") as target, chunk.open("rb") as source:
                target.truncate(received)
                target.seek(received)
                source.seek(skip)
                shutil.copyfileobj(source, target, CHUNK)
                target.flush()
            received = start + length
            conn.execute(
                update(upload_sessions)
                .where(upload_sessions.c.id == upload_id)
                .values(received=received)
            )
        return conn.execute(select(upload_sessions).where(upload_sessions.c.id == upload_id)).one()


@router.put("/uploads/{upload_id}", response_model=UploadSession, openapi_extra=_CHUNK_BODY)
async def put_upload_chunk(
    upload_id: str,
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
    content_range: Annotated[str | None, Header(alias="Content-Range", max_length=100)] = None,
) -> JSONResponse:
    """One chunk, ``Content-Range: bytes START-END/SIZE``, starting at or before the
    session's offset (bytes it already has are skipped: a resent chunk is harmless); a
    chunk beyond the offset is 409 ``upload_offset_mismatch`` with the ``offset``."""
    with services.db.read() as conn:
        row = _open(_load(conn, principal, upload_id))
    start, end = _parse_range(
        content_range, int(row.size), services.settings.max_upload_chunk_bytes
    )
    if start > int(row.received):
        raise ApiError(
            409,
            "upload_offset_mismatch",
            f"The server has {row.received} bytes of this upload; send from there.",
            offset=int(row.received),
        )
    chunk = await _receive_chunk(request, services, end - start + 1)
    try:
        row = await run_in_threadpool(_append, services, principal, upload_id, start, chunk)
    finally:
        chunk.unlink(missing_ok=True)
    return JSONResponse(_public(row))


def _digest(path: Path) -> str:
    hasher = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            hasher.update(block)
    return hasher.hexdigest()


def take_session(
    conn: Connection, services: Services, principal: Principal, upload_id: str
) -> ReceivedFile:
    """A complete session as the file of the request finishing it; the session becomes
    ``finished`` in the caller's transaction (the caller moves its file into the blobs)."""
    row = _open(_load(conn, principal, upload_id))
    if int(row.received) != int(row.size):
        raise ApiError(
            409,
            "upload_incomplete",
            f"The upload has {row.received} of {row.size} bytes.",
            offset=int(row.received),
        )
    path = _file_of(services, upload_id)
    if not path.is_file():
        raise ApiError(404, "not_found", "This upload session's file is gone; upload again.")
    sha256 = _digest(path)
    conn.execute(
        update(upload_sessions).where(upload_sessions.c.id == upload_id).values(state="finished")
    )
    return ReceivedFile(path, sha256, int(row.size), row.filename, row.content_type)
