"""Idempotency keys for every write that creates something.

The key is claimed in its own short transaction (so a concurrent request with the same
key sees it at once and gets 409), then the action runs and stores its answer in the same
transaction as its effect: either both are there or neither. A final 4xx answer is stored
too, so a retry gets the same verdict; an unexpected failure frees the key for a retry.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable
from typing import Any

from fastapi.responses import JSONResponse
from sqlalchemy import Connection, delete, insert, select, update

from server.context import Principal, Services
from server.db import idempotency
from server.errors import PROBLEM_JSON, ApiError, problem_body

_KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,128}$")

Action = Callable[[Connection], tuple[int, Any]]


def request_hash(method: str, path: str, payload: Any) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{method} {path}\n{canonical}".encode()).hexdigest()


def check_key(key: str | None) -> str:
    if key is None:
        raise ApiError(
            400, "idempotency_key_missing", "This request needs an Idempotency-Key header."
        )
    if not _KEY_PATTERN.fullmatch(key):
        raise ApiError(
            400,
            "idempotency_key_invalid",
            "An Idempotency-Key is 16 to 128 characters of letters, digits, '-' and '_'.",
        )
    return key


def _response(status: int, body_text: str) -> JSONResponse:
    media = PROBLEM_JSON if status >= 400 else "application/json"
    response = JSONResponse(None, status_code=status, media_type=media)
    response.body = body_text.encode("utf-8")
    response.headers["content-length"] = str(len(response.body))
    return response


def run_idempotent(
    services: Services, principal: Principal, key: str, fingerprint: str, action: Action
) -> JSONResponse:
    """Run ``action`` once per (user, key); later calls get the first answer again."""
    now = int(time.time())
    db = services.db
    stale_before = now - services.settings.idempotency_in_flight_seconds
    where = (idempotency.c.user_id == principal.user_id) & (idempotency.c.key == key)
    with db.write() as conn:
        row = conn.execute(select(idempotency).where(where)).first()
        if row is not None:
            if row.request_hash != fingerprint:
                raise ApiError(
                    422,
                    "idempotency_key_reused",
                    "This Idempotency-Key was used for a different request.",
                )
            if row.state == "done":
                return _response(int(row.status_code), str(row.response_body))
            if row.created_at > stale_before:
                raise ApiError(
                    409,
                    "idempotency_in_progress",
                    "A request with this Idempotency-Key is still being processed.",
                    headers={"Retry-After": "1"},
                )
            conn.execute(delete(idempotency).where(where))  # abandoned: take it over
        conn.execute(
            insert(idempotency).values(
                user_id=principal.user_id,
                key=key,
                request_hash=fingerprint,
                state="in_flight",
                created_at=now,
            )
        )

    def finish(conn: Connection, status: int, text: str) -> None:
        conn.execute(
            update(idempotency)
            .where(where)
            .values(state="done", status_code=status, response_body=text)
        )

    try:
        with db.write() as conn:
            status, payload = action(conn)
            text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
            finish(conn, status, text)
        return _response(status, text)
    except ApiError as error:
        text = json.dumps(
            problem_body(error.status, error.code, error.detail, **error.extra),
            ensure_ascii=False,
            separators=(",", ":"),
        )
        with db.write() as conn:
            finish(conn, error.status, text)
        raise
    except BaseException:
        with db.write() as conn:
            conn.execute(delete(idempotency).where(where))
        raise
