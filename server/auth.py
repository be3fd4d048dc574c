"""Sign-in, rotating refresh tokens, devices and their revocation.

Tokens are random strings the server keeps only as sha256 hashes. A refresh token is
good once: using it again means it was stolen or replayed, and ends the whole sign-in.
"""

from __future__ import annotations

import base64
import logging
import secrets
import time
from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy import Connection, delete, insert, select, update

from server import login_throttle
from server.accounts import verify_password
from server.context import Principal, PrincipalDep, Services, ServicesDep, token_hash, unauthorized
from server.db import devices, logins, tokens, users
from server.device_secrets import SECRET_BYTES, DeviceSecretBox, DeviceSecretError
from server.errors import ApiError
from server.schemas import (
    DeviceRevoked,
    LoginRequest,
    LoginResponse,
    LogoutRequest,
    MeResponse,
    RefreshRequest,
    TokenPair,
)

router = APIRouter()
_log = logging.getLogger(__name__)


def _user_json(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "username": row.username,
        "display_name": row.display_name,
        "roles": row.roles.split(),
        "department_id": row.department_id,
    }


def _issue_pair(conn: Connection, services: Services, login_id: str, now: int) -> dict[str, Any]:
    settings = services.settings
    access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    conn.execute(
        insert(tokens),
        [
            {
                "token_hash": token_hash(access),
                "login_id": login_id,
                "kind": "access",
                "expires_at": now + settings.access_token_seconds,
                "used_at": None,
            },
            {
                "token_hash": token_hash(refresh),
                "login_id": login_id,
                "kind": "refresh",
                "expires_at": now + settings.refresh_token_seconds,
                "used_at": None,
            },
        ],
    )
    return {
        "access_token": access,
        "expires_in": settings.access_token_seconds,
        "refresh_token": refresh,
        "refresh_expires_in": settings.refresh_token_seconds,
    }


def _client_address(request: Request) -> str:
    # The peer of the connection. Behind a reverse proxy, run uvicorn with
    # --proxy-headers and --forwarded-allow-ips so that this is the real client.
    return request.client.host if request.client is not None else ""


@router.post("/auth/login", response_model=LoginResponse, tags=["auth"])
def login(body: LoginRequest, request: Request, services: ServicesDep) -> dict[str, Any]:
    now = int(time.time())
    settings = services.settings
    username = body.username.strip()
    # The same queries, gate and hash check whether or not the user exists, so neither
    # the answer nor its timing tells them apart.
    with services.db.read() as conn:
        user = conn.execute(select(users).where(users.c.username == username)).first()
        enrolled = conn.execute(
            select(devices.c.id).where(
                devices.c.user_id == (user.id if user is not None else ""),
                devices.c.device_id == body.device_id,
                devices.c.revoked_at.is_(None),
            )
        ).first()
        buckets = login_throttle.buckets_for(
            settings,
            username,
            _client_address(request),
            (user.id, body.device_id) if user is not None and enrolled is not None else None,
        )
        login_throttle.refuse_if_locked(conn, buckets, now)
    with services.password_checks.slot():
        # Counted before the check: concurrent guesses cannot all slip past the limit.
        with services.db.write() as conn:
            login_throttle.reserve_attempt(conn, settings, buckets, now)
        ok = verify_password(user.password_hash if user is not None else None, body.password)
    if not ok or user is None or not user.active:
        raise unauthorized("invalid_credentials", "The username or password is wrong.")
    box = DeviceSecretBox(services.keys)
    with services.db.write() as conn:
        login_throttle.settle_success(conn, buckets)
        device = conn.execute(
            select(devices).where(
                devices.c.user_id == user.id, devices.c.device_id == body.device_id
            )
        ).first()
        if device is not None and device.revoked_at is not None:
            raise unauthorized(
                "device_revoked",
                "This device was revoked; remove its offline data and sign in as a new device.",
            )
        if device is None:
            secret = secrets.token_bytes(SECRET_BYTES)
            device_pk = conn.execute(
                insert(devices)
                .values(
                    user_id=user.id,
                    device_id=body.device_id,
                    device_name=body.device_name,
                    secret=box.seal(secret, user_id=user.id, device_id=body.device_id),
                    created_at=now,
                    last_seen_at=now,
                )
                .returning(devices.c.id)
            ).scalar_one()
        else:
            device_pk = device.id
            changes: dict[str, Any] = {"last_seen_at": now, "device_name": body.device_name}
            try:
                secret = box.open(device.secret, user_id=user.id, device_id=body.device_id)
            except DeviceSecretError:
                # Sealed under another server.key (lost, or the database restored without
                # it): a new secret; the client then opens its cache with the password.
                _log.warning(
                    "device %s had a secret that does not open; issued a new one", device_pk
                )
                secret = secrets.token_bytes(SECRET_BYTES)
                changes["secret"] = box.seal(secret, user_id=user.id, device_id=body.device_id)
            conn.execute(update(devices).where(devices.c.id == device_pk).values(**changes))
        login_id = secrets.token_hex(16)
        conn.execute(
            insert(logins).values(id=login_id, user_id=user.id, device_pk=device_pk, created_at=now)
        )
        pair = _issue_pair(conn, services, login_id, now)
    return {
        **pair,
        "user": _user_json(user),
        "policy": settings.policy.as_dict(),
        "device_secret": base64.b64encode(secret).decode("ascii"),
    }


def _revoke_login(conn: Connection, login_id: str, reason: str, now: int) -> None:
    conn.execute(
        update(logins)
        .where(logins.c.id == login_id, logins.c.revoked_at.is_(None))
        .values(revoked_at=now, revoked_reason=reason)
    )


@router.post("/auth/refresh", response_model=TokenPair, tags=["auth"])
def refresh(body: RefreshRequest, services: ServicesDep) -> dict[str, Any]:
    now = int(time.time())
    reused = False
    with services.db.write() as conn:
        row = conn.execute(
            select(
                tokens.c.login_id,
                tokens.c.kind,
                tokens.c.expires_at,
                tokens.c.used_at,
                logins.c.revoked_at,
                devices.c.revoked_at.label("device_revoked_at"),
                users.c.active,
            )
            .join(logins, logins.c.id == tokens.c.login_id)
            .join(devices, devices.c.id == logins.c.device_pk)
            .join(users, users.c.id == logins.c.user_id)
            .where(tokens.c.token_hash == token_hash(body.refresh_token))
        ).first()
        if row is None or row.kind != "refresh":
            raise unauthorized("invalid_token", "The refresh token is not valid.")
        if not row.active:
            # Deactivation ends every sign-in (maintenance.deactivate_user); this also
            # holds for a user made inactive by hand in the database.
            raise unauthorized("invalid_token", "This sign-in was ended.")
        if row.device_revoked_at is not None:
            raise unauthorized("device_revoked", "This device was revoked by an administrator.")
        if row.revoked_at is not None:
            raise unauthorized("invalid_token", "This sign-in was ended.")
        if row.used_at is not None:
            _revoke_login(conn, row.login_id, "token_reused", now)
            reused = True
        elif row.expires_at <= now:
            raise unauthorized("token_expired", "The refresh token has expired; sign in again.")
        else:
            conn.execute(
                update(tokens)
                .where(tokens.c.token_hash == token_hash(body.refresh_token))
                .values(used_at=now)
            )
            return _issue_pair(conn, services, row.login_id, now)
    # Raised outside the transaction so the revocation is committed.
    assert reused
    raise unauthorized(
        "token_reused", "This refresh token was already used; the sign-in has been ended."
    )


@router.post("/auth/logout", status_code=204, tags=["auth"])
def logout(
    principal: PrincipalDep, services: ServicesDep, body: LogoutRequest | None = None
) -> None:
    with services.db.write() as conn:
        _revoke_login(conn, principal.login_id, "logout", int(time.time()))
        conn.execute(delete(tokens).where(tokens.c.login_id == principal.login_id))


@router.get("/me", response_model=MeResponse, tags=["auth"])
def me(principal: PrincipalDep, services: ServicesDep) -> dict[str, Any]:
    return {
        "user": {
            "id": principal.user_id,
            "username": principal.username,
            "display_name": principal.display_name,
            "roles": sorted(principal.roles),
            "department_id": principal.department_id,
        },
        "policy": services.settings.policy.as_dict(),
    }


def _require_admin(principal: Principal) -> None:
    if not principal.is_admin:
        raise ApiError(403, "forbidden", "Only an administrator may do this.")


@router.post("/admin/devices/{device_id}/revoke", response_model=DeviceRevoked, tags=["admin"])
def revoke_device(device_id: str, principal: PrincipalDep, services: ServicesDep) -> dict[str, Any]:
    _require_admin(principal)
    now = int(time.time())
    with services.db.write() as conn:
        rows = conn.execute(select(devices.c.id).where(devices.c.device_id == device_id)).all()
        if not rows:
            raise ApiError(404, "not_found", "No such device.")
        pks = [r.id for r in rows]
        conn.execute(
            update(devices)
            .where(devices.c.id.in_(pks), devices.c.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        login_ids = [
            r.id
            for r in conn.execute(
                select(logins.c.id).where(
                    logins.c.device_pk.in_(pks), logins.c.revoked_at.is_(None)
                )
            )
        ]
        for login_id in login_ids:
            _revoke_login(conn, login_id, "device_revoked", now)
    return {"device_id": device_id, "revoked_logins": len(login_ids)}
