"""Delta sync: one protocol for every collection (API.md, "Delta sync").

A page is a range scan ``seq > since ORDER BY seq`` over the collection's table, tombstones
included, so a page boundary can neither lose nor repeat a change. The page's JSON is
assembled from the stored bodies without parsing them, which keeps the cost per row to a
string join and memory bounded by the page size, whatever the size of the collection.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response
from sqlalchemy import Connection, Table, func, select

from server.access import Visibility, access_fingerprint, exits_since, log_personal_data_rows
from server.context import Principal, PrincipalDep, Services, ServicesDep
from server.db import ACCESS_COPY, COLLECTION_TABLES, collection_floors, registries
from server.errors import ApiError, validation_error
from server.schemas import RECORD_MODELS, Strict, SyncHeads

router = APIRouter(tags=["sync"])

# Columns each scan needs to judge visibility, beyond id, seq, deleted and body.
_ACCESS_COLUMNS: dict[str, tuple[str, ...]] = {
    "folders": ("access", "department_id"),
    "documents": ("folder_id",),
    "shares": ("from_id", "to_id"),
    "registries": ("personal_data",),
}


CURSOR_KEY_LABEL = "cursor-v1"
_SEQ = re.compile(r"[0-9]{1,19}")
_MAC_HEX_CHARS = 32


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class CursorCodec:
    """Cursors of one user, signed with HMAC-SHA256 under the server's cursor key.

    The signature covers the cursor's fields and the user it was issued to, so a cursor
    cannot be edited (to an older sequence, say), forged, or used by another user; one
    the server did not sign answers 410 and the client syncs that collection afresh.
    """

    key: bytes
    user_id: str

    @classmethod
    def for_user(cls, services: Services, principal: Principal) -> CursorCodec:
        return cls(services.keys.derive(CURSOR_KEY_LABEL), principal.user_id)

    def _mac(self, payload: str) -> str:
        message = f"{self.user_id}\n{payload}".encode()
        return hmac.new(self.key, message, hashlib.sha256).hexdigest()[:_MAC_HEX_CHARS]

    def encode(
        self, collection: str, scope: str, seq: int, fingerprint: str, first_sync_head: int = 0
    ) -> str:
        payload = f"2|{collection}|{scope}|{seq}|{fingerprint}|{first_sync_head}"
        return _b64(f"{payload}|{self._mac(payload)}".encode())

    def decode(self, cursor: str, collection: str, scope: str) -> tuple[int, str, int]:
        """(seq, fingerprint, first_sync_head) of a cursor of ``collection`` and ``scope``
        that this server signed for this user. Unreadable, or of another collection:
        422; readable but not signed by us for this user (altered, forged, or from
        before cursors were signed): 410."""
        try:
            padded = cursor + "=" * (-len(cursor) % 4)
            text = base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8")
        except (ValueError, UnicodeError, binascii.Error) as error:
            raise validation_error("since", "not a cursor this server issued") from error
        parts = text.split("|")
        if len(parts) == 5 and parts[0] == "1":  # unsigned, as issued before signing
            parts += ["0", ""]
        elif len(parts) != 7 or parts[0] != "2":
            raise validation_error("since", "not a cursor this server issued")
        _version, c_collection, c_scope, seq_text, fingerprint, head_text, mac = parts
        if not (_SEQ.fullmatch(seq_text) and _SEQ.fullmatch(head_text)):
            raise validation_error("since", "not a cursor this server issued")
        if (c_collection, c_scope) != (collection, scope):
            raise validation_error("since", "this cursor belongs to another collection")
        payload = text[: len(text) - len(mac) - 1] if mac else ""
        if not mac or not hmac.compare_digest(mac, self._mac(payload)):
            raise cursor_expired("This cursor was not issued to you by this server; sync afresh.")
        return int(seq_text), fingerprint, int(head_text)


def cursor_expired(detail: str) -> ApiError:
    return ApiError(410, "cursor_expired", detail)


def _head(conn: Connection, table: Table, registry_id: str | None) -> int:
    """The newest seq of a collection (or one registry's rows). Never below the floor, so a
    client whose cursor stood on a tombstone that was later pruned is not sent back."""
    query = select(func.max(table.c.seq))
    if registry_id is not None:
        query = query.where(table.c.registry_id == registry_id)
    return max(int(conn.execute(query).scalar() or 0), _floor(conn, table.name))


def _floor(conn: Connection, collection: str) -> int:
    value = conn.execute(
        select(collection_floors.c.min_seq).where(collection_floors.c.collection == collection)
    ).scalar()
    return int(value or 0)


def _check_registry(conn: Connection, visibility: Visibility, registry_id: str) -> bool:
    """Refuses a registry that is not there or not the user's to read; says whether it
    holds personal data."""
    found = conn.execute(
        select(registries.c.personal_data).where(
            registries.c.id == registry_id, registries.c.deleted.is_(False)
        )
    ).first()
    if found is None:
        raise ApiError(404, "not_found", "No such registry.")
    if registry_id not in visibility.readable_registries():
        raise ApiError(403, "forbidden", "This registry holds personal data you may not read.")
    return bool(found.personal_data)


@dataclass(frozen=True)
class PageText:
    """A sync page as sent, and what the access log needs to know of it."""

    body: str
    items: int
    personal_data: bool
    """The page holds rows of a registry with personal data."""


def sync_page(
    conn: Connection,
    cursors: CursorCodec,
    principal: Principal,
    collection: str,
    since: str | None,
    limit: int,
    registry_id: str | None,
) -> PageText:
    """One page of ``collection`` as JSON text.

    ``deleted`` lists a row the user may not see (or a tombstone) only when the user may
    have received the record before: never on a first page; while a first sync is
    paging, never for a row untouched since that sync began (its cursors carry the head
    it began at: the user has received nothing past their cursor); and otherwise only
    if the user could see the record as it was at their cursor (see record_exit). The
    id of a record the user never could see is not theirs to learn."""
    table = COLLECTION_TABLES[collection]
    visibility = Visibility.load(conn, principal)
    scope = registry_id or ""
    personal_data = registry_id is not None and _check_registry(conn, visibility, registry_id)
    fingerprint = access_fingerprint(collection, principal, visibility.member_of)

    since_seq = 0
    if since:
        since_seq, c_fingerprint, first_sync_head = cursors.decode(since, collection, scope)
        if c_fingerprint != fingerprint:
            raise cursor_expired("Your access changed since this cursor; sync from the start.")
        if since_seq < _floor(conn, collection):
            raise cursor_expired("History this old was pruned; sync from the start.")
        if since_seq > _head(conn, table, registry_id):
            raise cursor_expired("This cursor is ahead of the server's data; sync from the start.")
    else:
        first_sync_head = _head(conn, table, registry_id)

    extra = [table.c[name] for name in _ACCESS_COLUMNS.get(collection, ())]
    query = select(table.c.id, table.c.seq, table.c.deleted, table.c.body, *extra).where(
        table.c.seq > since_seq
    )
    if registry_id is not None:
        query = query.where(table.c.registry_id == registry_id)
    rows = conn.execute(query.order_by(table.c.seq).limit(limit + 1)).all()
    has_more = len(rows) > limit
    rows = rows[:limit]

    items: list[str] = []
    gone: list[Any] = []
    for row in rows:
        if not row.deleted and visibility.row_visible(collection, row):
            items.append(row.body)
        elif since_seq > 0 and row.seq > first_sync_head:
            gone.append(row)
    # Who may see a record can change with the record (a document moved, a folder made
    # restricted): such a change notes the state it left, and a record out of the user's
    # sight is listed only if they could see it then, or as it was when deleted.
    exits = (
        exits_since(conn, collection, [r.id for r in gone], since_seq)
        if gone and collection in _ACCESS_COLUMNS
        else {}
    )
    deleted = [
        row.id
        for row in gone
        if (row.deleted and visibility.row_visible(collection, row))
        or any(visibility.scope_visible(scope) for scope in exits.get(row.id, ()))
    ]
    last_seq = rows[-1].seq if rows else since_seq
    # Until a first sync is complete its cursors carry the head it began at; the last
    # page's cursor drops it, so that it equals the head GET /sync reports.
    carried_head = first_sync_head if has_more else 0
    cursor = cursors.encode(collection, scope, last_seq, fingerprint, carried_head)
    body = (
        f'{{"collection":{json.dumps(collection)},"items":[{",".join(items)}],'
        f'"deleted":{json.dumps(deleted)},"cursor":{json.dumps(cursor)},'
        f'"has_more":{"true" if has_more else "false"}}}'
    )
    return PageText(body, len(items), personal_data)


@router.get("/sync", response_model=SyncHeads)
def sync_heads(principal: PrincipalDep, services: ServicesDep) -> dict[str, Any]:
    """The newest cursor of every collection, so a sync with nothing new is one request."""
    cursors = CursorCodec.for_user(services, principal)
    with services.db.read() as conn:
        visibility = Visibility.load(conn, principal)
        heads: dict[str, str] = {}
        for name, table in COLLECTION_TABLES.items():
            if name == "registry_rows":
                continue
            fingerprint = access_fingerprint(name, principal, visibility.member_of)
            heads[name] = cursors.encode(name, "", _head(conn, table, None), fingerprint)
        rows_fp = access_fingerprint("registry_rows", principal, visibility.member_of)
        table = COLLECTION_TABLES["registry_rows"]
        per_registry = {
            registry_id: cursors.encode(
                "registry_rows", registry_id, _head(conn, table, registry_id), rows_fp
            )
            for registry_id in sorted(visibility.readable_registries())
        }
    return {"collections": heads, "registry_rows": per_registry}


def _page_model(collection: str) -> type[Strict]:
    item_model = RECORD_MODELS[collection]
    return type(
        f"SyncPage_{collection}",
        (Strict,),
        {
            "__annotations__": {
                "collection": str,
                "items": list[item_model],  # type: ignore[valid-type]
                "deleted": list[str],
                "cursor": str,
                "has_more": bool,
            }
        },
    )


SinceQuery = Annotated[
    str | None,
    Query(max_length=512, description="The cursor from the previous page; none for the start."),
]
LimitQuery = Annotated[int | None, Query(ge=1, le=5000, description="Page size.")]


def _register(collection: str) -> None:
    responses: dict[int | str, dict[str, Any]] = {
        200: {"model": _page_model(collection), "description": "One page of changes."}
    }

    if collection == "registry_rows":

        def endpoint_rows(
            principal: PrincipalDep,
            services: ServicesDep,
            registry: Annotated[str, Query(min_length=1, max_length=64)],
            since: SinceQuery = None,
            limit: LimitQuery = None,
        ) -> Response:
            return _answer(services, principal, collection, since, limit, registry)

        handler: Callable[..., Response] = endpoint_rows
    else:

        def endpoint(
            principal: PrincipalDep,
            services: ServicesDep,
            since: SinceQuery = None,
            limit: LimitQuery = None,
        ) -> Response:
            return _answer(services, principal, collection, since, limit, None)

        handler = endpoint

    router.add_api_route(
        f"/sync/{collection}",
        handler,
        methods=["GET"],
        responses=responses,
        response_class=Response,
        name=f"sync_{collection}",
        summary=f"Changes to {collection} since a cursor",
    )


def _answer(
    services: Services,
    principal: Principal,
    collection: str,
    since: str | None,
    limit: int | None,
    registry_id: str | None,
) -> Response:
    settings = services.settings
    size = min(limit or settings.sync_default_limit, settings.sync_max_limit)
    with services.db.read() as conn:
        page = sync_page(
            conn,
            CursorCodec.for_user(services, principal),
            principal,
            collection,
            since,
            size,
            registry_id,
        )
    if page.personal_data and page.items and registry_id is not None:
        # Taking personal data offline is the widest read of it: logged as the online
        # reads are, in its own transaction, before the rows leave the server.
        log_personal_data_rows(services.db, principal, registry_id, page.items, ACCESS_COPY)
    return Response(page.body, media_type="application/json")


for _collection in COLLECTION_TABLES:
    _register(_collection)
