"""What a request handler needs, handed over by FastAPI dependencies (no globals)."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select

from server.blobs import BlobStore
from server.config import Settings
from server.db import Database, devices, folder_members, logins, tokens, users
from server.errors import ApiError
from server.keys import ServerKeys
from server.login_throttle import PasswordCheckGate


@dataclass(frozen=True)
class Services:
    settings: Settings
    db: Database
    blobs: BlobStore
    keys: ServerKeys
    password_checks: PasswordCheckGate
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    """The time booking rules go by (check-in, release); tests put their own."""


@dataclass(frozen=True)
class Principal:
    """The signed-in user of one request."""

    user_id: str
    username: str
    display_name: str
    roles: frozenset[str]
    department_id: str | None
    login_id: str
    device_pk: int

    def has_any_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def is_admin(self) -> bool:
        return "admin" in self.roles


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]

_bearer = HTTPBearer(auto_error=False, description="An access token from /auth/login.")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def unauthorized(code: str, detail: str) -> ApiError:
    return ApiError(401, code, detail, headers={"WWW-Authenticate": "Bearer"})


def get_principal(
    services: ServicesDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None:
        raise unauthorized("unauthorized", "Sign in first: no access token was sent.")
    now = int(time.time())
    with services.db.read() as conn:
        row = conn.execute(
            select(
                tokens.c.expires_at,
                tokens.c.kind,
                logins.c.id.label("login_id"),
                logins.c.revoked_at,
                devices.c.id.label("device_pk"),
                devices.c.revoked_at.label("device_revoked_at"),
                users.c.id.label("user_id"),
                users.c.username,
                users.c.display_name,
                users.c.roles,
                users.c.department_id,
                users.c.active,
            )
            .join(logins, logins.c.id == tokens.c.login_id)
            .join(devices, devices.c.id == logins.c.device_pk)
            .join(users, users.c.id == logins.c.user_id)
            .where(tokens.c.token_hash == token_hash(credentials.credentials))
        ).first()
    if row is None or row.kind != "access" or not row.active:
        raise unauthorized("invalid_token", "The access token is not valid.")
    if row.device_revoked_at is not None:
        raise unauthorized("device_revoked", "This device was revoked by an administrator.")
    if row.revoked_at is not None:
        raise unauthorized("invalid_token", "This sign-in was ended.")
    if row.expires_at <= now:
        raise unauthorized("token_expired", "The access token has expired; refresh it.")
    return Principal(
        user_id=row.user_id,
        username=row.username,
        display_name=row.display_name,
        roles=frozenset(row.roles.split()),
        department_id=row.department_id,
        login_id=row.login_id,
        device_pk=row.device_pk,
    )


PrincipalDep = Annotated[Principal, Depends(get_principal)]


def restricted_folder_ids(services: Services, user_id: str) -> frozenset[str]:
    with services.db.read() as conn:
        rows = conn.execute(
            select(folder_members.c.folder_id).where(folder_members.c.person_id == user_id)
        )
        return frozenset(r[0] for r in rows)
