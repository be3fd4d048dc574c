"""Documents: multipart upload, new versions, metadata changes and ranged downloads."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from typing import Annotated, Any, TypeVar
from urllib.parse import quote

from fastapi import APIRouter, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, ValidationError
from sqlalchemy import Connection, select

from server import records
from server.access import Visibility, folder_scope, folder_writable, record_exit
from server.checkouts import refuse_if_checked_out
from server.context import Principal, PrincipalDep, Services, ServicesDep
from server.db import document_versions, folders
from server.errors import ApiError, validation_error
from server.idempotency import check_key, request_hash, run_idempotent
from server.preconditions import (
    IdempotencyKeyHeader,
    IfMatchHeader,
    check_version,
    etag,
    expected_version,
    patch_changes,
)
from server.schemas import (
    ConflictCopyFromUpload,
    ConflictCopyMetadata,
    Document,
    DocumentFromUpload,
    DocumentMetadata,
    DocumentPatch,
    VersionFromUpload,
)
from server.upload_sessions import take_session
from server.uploads import ReceivedFile, ReceivedUpload, receive_upload

router = APIRouter(tags=["documents"])
M = TypeVar("M", bound=BaseModel)

_MULTIPART_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file", "metadata"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "metadata": {
                            "type": "string",
                            "description": "JSON: {folder_id, title, description, tags}",
                        },
                    },
                }
            }
        },
    }
}


def _with_session_body(body: dict[str, Any], metadata: dict[str, Any] | None) -> dict[str, Any]:
    """The multipart body, or JSON naming a complete upload session (server.upload_sessions)."""
    properties: dict[str, Any] = {
        "upload_id": {"type": "string", "minLength": 1, "maxLength": 64},
        "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
    }
    if metadata is not None:
        properties["metadata"] = metadata
    content = dict(body["requestBody"]["content"])
    content["application/json"] = {
        "schema": {
            "type": "object",
            "required": sorted(properties),
            "properties": properties,
            "additionalProperties": False,
        }
    }
    return {"requestBody": {"required": True, "content": content}}


_METADATA_SCHEMA = {
    "type": "object",
    "required": ["folder_id", "title"],
    "properties": {
        "folder_id": {"type": "string", "minLength": 1, "maxLength": 64},
        "title": {"type": "string", "minLength": 1, "maxLength": 300},
        "description": {"type": "string", "maxLength": 5000},
        "tags": {"type": "array", "maxItems": 20, "items": {"type": "string", "maxLength": 50}},
    },
    "additionalProperties": False,
}
_BASED_ON_SCHEMA = {
    "type": "object",
    "required": ["based_on_version_no"],
    "properties": {"based_on_version_no": {"type": "integer", "minimum": 1, "maximum": 1000000}},
    "additionalProperties": False,
}


_VERSION_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {"file": {"type": "string", "format": "binary"}},
                }
            }
        },
    }
}


_CONFLICT_COPY_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file", "metadata"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "metadata": {
                            "type": "string",
                            "description": "JSON: {based_on_version_no}",
                        },
                    },
                }
            }
        },
    }
}


def _folder(conn: Connection, folder_id: str) -> Any:
    return conn.execute(
        select(folders.c.id, folders.c.access, folders.c.department_id).where(
            folders.c.id == folder_id, folders.c.deleted.is_(False)
        )
    ).first()


def require_writable_folder(conn: Connection, principal: Principal, folder_id: str) -> None:
    visibility = Visibility.load(conn, principal)
    folder = _folder(conn, folder_id)
    if folder is None or folder.id not in visibility.visible_folders():
        raise ApiError(404, "not_found", "No such folder.")
    if not folder_writable(principal, visibility.member_of, folder):
        raise ApiError(403, "forbidden", "You may not add documents to this folder.")


def load_visible_document(
    conn: Connection, principal: Principal, document_id: str
) -> dict[str, Any]:
    found = records.load(conn, "documents", document_id)
    if found is None or found[1]:
        raise ApiError(404, "not_found", "No such document.")
    record = found[0]
    if not Visibility.load(conn, principal).document_visible(record["id"], record["folder_id"]):
        raise ApiError(404, "not_found", "No such document.")
    return record


def _parse_metadata(raw: bytes | None, model: type[M]) -> M:
    if raw is None:
        raise validation_error("metadata", "missing")
    return _validated(model, raw, "metadata")


def _validated(model: type[M], raw: bytes, prefix: str) -> M:
    try:
        return model.model_validate_json(raw)
    except ValidationError as error:
        errors = [
            {"field": ".".join([prefix, *map(str, e["loc"])]).strip("."), "message": e["msg"]}
            for e in error.errors()
        ]
        raise ApiError(
            422, "validation_error", f"{errors[0]['field']}: {errors[0]['message']}", errors=errors
        ) from error


def _is_json(request: Request) -> bool:
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return media == "application/json"


async def _json_body(request: Request, services: Services, model: type[M]) -> M:
    """A small JSON body (an upload session's id and metadata), read no further than the
    metadata limit: the upload routes bypass the general body limit."""
    limit = services.settings.max_metadata_bytes + 1024
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise ApiError(413, "too_large", "The JSON body is too large.", limit_bytes=limit)
    return _validated(model, bytes(body), "")


def _require_file(upload: ReceivedUpload) -> ReceivedFile:
    if upload.file is None:
        raise validation_error("file", "missing")
    return upload.file


def uploaded_by(principal: Principal, at: str) -> dict[str, str]:
    """Who uploaded the document's current version and when: what a colleague whose own
    version lost (412) needs to see; ``author_id`` stays the one who made the document."""
    return {"version_uploaded_by": principal.user_id, "version_uploaded_at": at}


def _version_row(document_id: str, record: dict[str, Any], file: ReceivedFile) -> dict[str, Any]:
    return {
        "document_id": document_id,
        "version_no": record["version_no"],
        "sha256": file.sha256,
        "size": file.size,
        "filename": file.filename,
        "content_type": file.content_type,
        "author_id": record["author_id"],
        "created_at": records.iso(records.utc_now()),
    }


async def _receive(request: Request, services: Services) -> ReceivedUpload:
    settings = services.settings
    return await receive_upload(
        request, services.blobs, settings.max_upload_bytes, settings.max_metadata_bytes
    )


class _Incoming:
    """The file of an upload request: a multipart part already on disk, or a complete
    upload session the action takes inside its transaction (``file``)."""

    def __init__(
        self, upload: ReceivedUpload | None, upload_id: str | None, sha256: str | None = None
    ) -> None:
        self.upload, self.upload_id, self.sha256 = upload, upload_id, sha256

    @property
    def identity(self) -> dict[str, Any]:
        """What the idempotency fingerprint names of the file: its bytes, not the session
        (a resend after a lost answer may come through a new session)."""
        if self.upload_id is not None:
            return {"sha256": self.sha256, "from_session": True}
        file = _require_file(self._upload)
        return {"sha256": file.sha256, "filename": file.filename, "content_type": file.content_type}

    @property
    def _upload(self) -> ReceivedUpload:
        assert self.upload is not None
        return self.upload

    def file(self, conn: Connection, services: Services, principal: Principal) -> ReceivedFile:
        if self.upload_id is not None:
            file = take_session(conn, services, principal, self.upload_id)
            if file.sha256 != self.sha256:
                raise validation_error("sha256", "is not the SHA-256 of the uploaded bytes")
            return file
        return _require_file(self._upload)

    def discard(self) -> None:
        if self.upload is not None:
            self.upload.discard()


async def _incoming(
    request: Request, services: Services, model: type[VersionFromUpload]
) -> tuple[_Incoming, BaseModel | None]:
    """Multipart (file and metadata parts), or JSON ``{upload_id, metadata}``: the file
    and the metadata (None where the request has none)."""
    if _is_json(request):
        body = await _json_body(request, services, model)
        metadata: BaseModel | None = getattr(body, "metadata", None)
        return _Incoming(None, body.upload_id, body.sha256), metadata
    upload = await _receive(request, services)
    if upload.metadata is None:
        return _Incoming(upload, None), None
    field = model.model_fields.get("metadata")
    annotation = None if field is None else field.annotation
    metadata_model: type[BaseModel] = (
        annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel)
        else DocumentMetadata
    )
    try:
        return _Incoming(upload, None), _parse_metadata(upload.metadata, metadata_model)
    except BaseException:
        upload.discard()
        raise


@router.post(
    "/documents",
    status_code=201,
    response_model=Document,
    openapi_extra=_with_session_body(_MULTIPART_BODY, _METADATA_SCHEMA),
    responses={413: {"description": "too_large"}, 415: {"description": "not multipart"}},
)
async def upload_document(
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
    idempotency_key: IdempotencyKeyHeader = None,
) -> JSONResponse:
    """Multipart, or JSON naming a complete upload session (``{upload_id, metadata}``)."""
    key = check_key(idempotency_key)
    incoming, parsed = await _incoming(request, services, DocumentFromUpload)
    try:
        metadata = parsed
        if not isinstance(metadata, DocumentMetadata):
            raise validation_error("metadata", "missing")

        def action(conn: Connection) -> tuple[int, Any]:
            require_writable_folder(conn, principal, metadata.folder_id)
            file = incoming.file(conn, services, principal)
            services.blobs.commit_temp(file.temp_path, file.sha256)
            now = records.iso(records.utc_now())
            document_id = f"doc-{secrets.token_hex(12)}"
            record: dict[str, Any] = {
                "id": document_id,
                "folder_id": metadata.folder_id,
                "title": metadata.title,
                "description": metadata.description,
                "filename": file.filename,
                "content_type": file.content_type,
                "size": file.size,
                "sha256": file.sha256,
                "version_no": 1,
                "author_id": principal.user_id,
                "tags": list(dict.fromkeys(metadata.tags)),
                "created_at": now,
                **uploaded_by(principal, now),
            }
            saved = records.insert_record(conn, "documents", record)
            conn.execute(
                document_versions.insert().values(**_version_row(document_id, record, file))
            )
            return 201, saved

        fingerprint = request_hash(
            "POST",
            "/documents",
            {"metadata": metadata.model_dump(mode="json"), **incoming.identity},
        )
        return await run_in_threadpool(
            run_idempotent, services, principal, key, fingerprint, action
        )
    finally:
        incoming.discard()


@router.post(
    "/documents/{document_id}/versions",
    status_code=201,
    response_model=Document,
    openapi_extra=_with_session_body(_VERSION_BODY, None),
    responses={
        413: {"description": "too_large"},
        415: {"description": "not multipart"},
        423: {"description": "checked_out: someone else holds the document"},
    },
)
async def upload_version(
    document_id: str,
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
    idempotency_key: IdempotencyKeyHeader = None,
    if_match: IfMatchHeader = None,
) -> JSONResponse:
    """A stale If-Match answers 412 with the current record: the client then keeps the
    user's file as a conflict copy instead of overwriting either. A document checked out
    by someone else answers 423 ``checked_out`` with the ``checkout`` (who, since when)."""
    expected = expected_version(if_match)
    key = check_key(idempotency_key)
    incoming, parsed = await _incoming(request, services, VersionFromUpload)
    try:
        if parsed is not None:
            raise validation_error("metadata", "not accepted here; change it with PATCH")

        def action(conn: Connection) -> tuple[int, Any]:
            record = load_visible_document(conn, principal, document_id)
            require_writable_folder(conn, principal, record["folder_id"])
            refuse_if_checked_out(record, principal)
            check_version(record, expected)
            file = incoming.file(conn, services, principal)
            services.blobs.commit_temp(file.temp_path, file.sha256)
            now = records.iso(records.utc_now())
            record.update(
                filename=file.filename,
                content_type=file.content_type,
                size=file.size,
                sha256=file.sha256,
                version_no=int(record["version_no"]) + 1,
                **uploaded_by(principal, now),
            )
            row = _version_row(document_id, record, file)
            row["author_id"] = principal.user_id
            row["created_at"] = now
            conn.execute(document_versions.insert().values(**row))
            return 201, records.replace_record(conn, "documents", record)

        fingerprint = request_hash(
            "POST",
            f"/documents/{document_id}/versions",
            {"if_match": expected, **incoming.identity},
        )
        return await run_in_threadpool(
            run_idempotent, services, principal, key, fingerprint, action
        )
    finally:
        incoming.discard()


CONFLICT_COPY_SUFFIX = " (conflicted copy)"


@router.post(
    "/documents/{document_id}/conflict-copies",
    status_code=201,
    response_model=Document,
    openapi_extra=_with_session_body(_CONFLICT_COPY_BODY, _BASED_ON_SCHEMA),
    responses={
        200: {"description": "No copy made: the bytes are the server's current version."},
        413: {"description": "too_large"},
        415: {"description": "not multipart"},
    },
)
async def upload_conflict_copy(
    document_id: str,
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
    idempotency_key: IdempotencyKeyHeader = None,
) -> JSONResponse:
    """The user's file of a version the server refused as stale (412), kept as a new
    document beside the original that everyone with access to the folder sees; its
    ``conflict_of`` says which version it was based on and who made it. Bytes equal to
    the server's current version make no copy: 200 with the document as it is."""
    key = check_key(idempotency_key)
    incoming, parsed = await _incoming(request, services, ConflictCopyFromUpload)
    try:
        metadata = parsed
        if not isinstance(metadata, ConflictCopyMetadata):
            raise validation_error("metadata", "missing")

        def action(conn: Connection) -> tuple[int, Any]:
            original = load_visible_document(conn, principal, document_id)
            require_writable_folder(conn, principal, original["folder_id"])
            if metadata.based_on_version_no > int(original["version_no"]):
                raise validation_error(
                    "metadata.based_on_version_no", "is newer than the document's version"
                )
            file = incoming.file(conn, services, principal)
            if file.sha256 == original["sha256"]:
                return 200, original
            services.blobs.commit_temp(file.temp_path, file.sha256)
            now = records.iso(records.utc_now())
            copy_id = f"doc-{secrets.token_hex(12)}"
            title = str(original["title"])[: 300 - len(CONFLICT_COPY_SUFFIX)]
            record: dict[str, Any] = {
                "id": copy_id,
                "folder_id": original["folder_id"],
                "title": title + CONFLICT_COPY_SUFFIX,
                "description": original["description"],
                "filename": file.filename,
                "content_type": file.content_type,
                "size": file.size,
                "sha256": file.sha256,
                "version_no": 1,
                "author_id": principal.user_id,
                "tags": list(original.get("tags") or []),
                "created_at": now,
                **uploaded_by(principal, now),
                "conflict_of": {
                    "document_id": document_id,
                    "based_on_version_no": metadata.based_on_version_no,
                    "made_by": principal.user_id,
                    "made_at": now,
                },
            }
            saved = records.insert_record(conn, "documents", record)
            conn.execute(document_versions.insert().values(**_version_row(copy_id, record, file)))
            return 201, saved

        fingerprint = request_hash(
            "POST",
            f"/documents/{document_id}/conflict-copies",
            {"metadata": metadata.model_dump(mode="json"), **incoming.identity},
        )
        return await run_in_threadpool(
            run_idempotent, services, principal, key, fingerprint, action
        )
    finally:
        incoming.discard()


@router.get("/documents/{document_id}", response_model=Document)
def get_document(document_id: str, principal: PrincipalDep, services: ServicesDep) -> JSONResponse:
    with services.db.read() as conn:
        record = load_visible_document(conn, principal, document_id)
    return JSONResponse(record, headers={"ETag": etag(record)})


@router.patch(
    "/documents/{document_id}",
    response_model=Document,
    responses={423: {"description": "checked_out: someone else holds the document"}},
)
def change_document(
    document_id: str,
    body: DocumentPatch,
    principal: PrincipalDep,
    services: ServicesDep,
    if_match: IfMatchHeader = None,
) -> JSONResponse:
    expected = expected_version(if_match)
    changes = patch_changes(body)
    with services.db.write() as conn:
        record = load_visible_document(conn, principal, document_id)
        require_writable_folder(conn, principal, record["folder_id"])
        if not principal.is_admin:  # an administrator may, as they may release the lock
            refuse_if_checked_out(record, principal, "change its details")
        check_version(record, expected)
        moved = "folder_id" in changes and changes["folder_id"] != record["folder_id"]
        if moved:
            require_writable_folder(conn, principal, changes["folder_id"])
        if "tags" in changes:
            changes["tags"] = list(dict.fromkeys(changes["tags"]))
        saved = records.replace_record(conn, "documents", {**record, **changes})
        if moved:
            left = _folder(conn, record["folder_id"])
            record_exit(
                conn,
                "documents",
                [document_id],
                folder_scope(left.id, left.access, left.department_id),
            )
    return JSONResponse(saved, headers={"ETag": etag(saved)})


_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 256 * 1024


def _byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """One satisfiable range as (start, end inclusive); None means send it all.

    Several ranges, or a header we do not understand, are answered with the whole body,
    as RFC 9110 allows."""
    if header is None:
        return None
    match = _RANGE.fullmatch(header.strip())
    if match is None or match.group(1) == match.group(2) == "":
        return None
    first, last = match.group(1), match.group(2)
    if first == "":
        length = int(last)
        if length == 0:
            raise _unsatisfiable(size)
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or (last and int(last) < start):
        raise _unsatisfiable(size)
    return start, end


def _unsatisfiable(size: int) -> ApiError:
    return ApiError(
        416,
        "range_not_satisfiable",
        "The requested range is outside the file.",
        headers={"Content-Range": f"bytes */{size}"},
    )


def _stream(services: Services, sha256: str, start: int, end: int) -> Iterator[bytes]:
    with services.blobs.open(sha256) as handle:
        handle.seek(start)
        remaining = end - start + 1
        while remaining > 0:
            chunk = handle.read(min(CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk


@router.get(
    "/documents/{document_id}/content",
    response_class=Response,
    responses={
        200: {"content": {"application/octet-stream": {}}, "description": "The bytes."},
        206: {"content": {"application/octet-stream": {}}, "description": "One range."},
        304: {"description": "Not modified (If-None-Match)."},
        416: {"description": "range_not_satisfiable"},
    },
)
def download_content(
    document_id: str,
    principal: PrincipalDep,
    services: ServicesDep,
    version: Annotated[int | None, Query(ge=1, le=100000)] = None,
    range_header: Annotated[str | None, Header(alias="Range", max_length=200)] = None,
    if_range: Annotated[str | None, Header(alias="If-Range", max_length=200)] = None,
    if_none_match: Annotated[str | None, Header(alias="If-None-Match", max_length=200)] = None,
) -> Response:
    with services.db.read() as conn:
        record = load_visible_document(conn, principal, document_id)
        row = conn.execute(
            select(document_versions).where(
                document_versions.c.document_id == document_id,
                document_versions.c.version_no == (version or record["version_no"]),
            )
        ).first()
    if row is None:
        raise ApiError(404, "not_found", "No such version of this document.")
    tag = f'"{row.sha256}"'
    headers = {
        "ETag": tag,
        "Accept-Ranges": "bytes",
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(row.filename)}",
    }
    if if_none_match is not None and tag in [t.strip() for t in if_none_match.split(",")]:
        return Response(status_code=304, headers=headers)
    size = int(row.size)
    wanted = _byte_range(range_header, size) if (if_range is None or if_range == tag) else None
    if wanted is None:
        start, end, status = 0, size - 1, 200
    else:
        (start, end), status = wanted, 206
        headers["Content-Range"] = f"bytes {start}-{end}/{size}"
    headers["Content-Length"] = str(max(end - start + 1, 0))
    return StreamingResponse(
        _stream(services, row.sha256, start, end),
        status_code=status,
        media_type="application/octet-stream",
        headers=headers,
    )
