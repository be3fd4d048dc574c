"""The FastAPI application of the reference ministry backend."""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server import (
    auth,
    booking_series,
    bookings,
    document_locks,
    documents,
    people,
    registry_query,
    shares,
    sync,
    upload_sessions,
)
from server.blobs import BlobStore
from server.booking_rules import release_periodically
from server.config import Settings
from server.context import Services
from server.db import Database, sqlite_url_for
from server.device_secrets import DeviceSecretBox, seal_clear_secrets
from server.errors import PROBLEM_JSON, ApiError, install_error_handlers, problem_response
from server.keys import ServerKeys
from server.limits import BodyLimitMiddleware, BodyLimits
from server.login_throttle import PasswordCheckGate
from server.private_files import make_private_dir
from server.registry_indexes import RegistryIndexBuilder
from server.schemas import Problem

API_PREFIX = "/api/v1"
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")

# Error statuses every operation may answer, and those only some do.
_COMMON_ERRORS = (400, 401, 403, 404, 422)
_EXTRA_ERRORS: dict[str, tuple[int, ...]] = {
    "login": (413, 429, 503),
    "refresh": (413, 429),
    "logout": (413,),
    "create_booking": (409, 413, 429),
    "change_booking": (409, 412, 413, 428),
    "cancel_booking": (412, 428),
    "check_in_booking": (409, 412, 428),
    "create_series": (409, 413, 429),
    "change_series": (409, 412, 413, 428),
    "cancel_series": (412, 428),
    "upload_document": (409, 413, 415),
    "upload_version": (409, 412, 413, 415, 423, 428),
    "upload_conflict_copy": (409, 413, 415),
    "check_out": (412, 423, 428),
    "check_in_document": (412, 428),
    "create_upload_session": (409, 413),
    "put_upload_chunk": (409, 413),
    "change_document": (412, 413, 428),
    "change_person": (412, 413, 428),
    "download_content": (416,),
    "create_shares": (409, 413),
}
_PUBLIC_OPERATIONS = {"login", "refresh"}
_REQUIRED_HEADERS = {
    "Idempotency-Key": {"type": "string", "pattern": "^[A-Za-z0-9_-]{16,128}$"},
    "If-Match": {"type": "string", "pattern": '^(W/)?"?[0-9]{1,18}"?$'},
}


class RefuseNulMiddleware:
    """A NUL in the path or query string is refused before any handler sees it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and (
            "\x00" in scope.get("path", "") or b"%00" in scope.get("query_string", b"")
        ):
            response = problem_response(
                ApiError(
                    422,
                    "validation_error",
                    "NUL characters are not allowed",
                    errors=[{"field": "path", "message": "NUL characters are not allowed"}],
                )
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


log = logging.getLogger(__name__)


class UnexpectedErrorMiddleware:
    """An exception no handler turned into an answer becomes a 500 problem
    (``internal_error``) with ``Connection: close``, logged once with its traceback.

    Why not Starlette's own: its ``ServerErrorMiddleware`` answers 500 and then raises
    again, so uvicorn drops the connection the client keeps alive without having said
    so; the client's next request on it meets a reset and reads as "the server cannot be
    reached" (57 times in 200 here). Innermost, so the answer still carries
    X-Request-Id. A failure after the answer started cannot be answered: raised again."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_noting_start(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, send_noting_start)
        except Exception:
            if started:
                raise
            log.exception("unexpected error in %s %s", scope.get("method"), scope.get("path"))
            response = problem_response(
                ApiError(
                    500,
                    "internal_error",
                    "The server met an error it did not expect.",
                    headers={"Connection": "close"},
                )
            )
            await response(scope, receive, send)


class RequestIdMiddleware:
    """Every response carries X-Request-Id: the client's own if it sent a sane one."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sent = dict(scope.get("headers", [])).get(b"x-request-id", b"").decode("latin-1")
        request_id = sent if _REQUEST_ID.fullmatch(sent) else uuid.uuid4().hex

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v) for k, v in message.get("headers", []) if k.lower() != b"x-request-id"
                ]
                headers.append((b"x-request-id", request_id.encode("latin-1")))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_id)


def _problem_schema_ref() -> dict[str, Any]:
    return {"$ref": "#/components/schemas/Problem"}


def _customise_openapi(app: FastAPI) -> dict[str, Any]:
    """Document what the server really answers: errors are problem+json, every operation
    lists the statuses it can return, and every response may carry X-Request-Id."""
    if app.openapi_schema is not None:
        return app.openapi_schema
    schema = get_openapi(
        title="Ministry Intranet API",
        version="1",
        description="The contract between the desktop client and the ministry backend.",
        routes=app.routes,
    )
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    problem_schema = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, definition in problem_schema.pop("$defs", {}).items():
        components[name] = definition
    components["Problem"] = problem_schema
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    request_id_header = {
        "X-Request-Id": {
            "description": "Echoed or made by the server.",
            "schema": {"type": "string"},
        }
    }
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            base = operation.get("operationId", "")
            statuses = set(_COMMON_ERRORS) | set(_EXTRA_ERRORS.get(base, ()))
            if base.startswith("sync_"):
                statuses.add(410)  # cursor_expired
            if base in _PUBLIC_OPERATIONS:
                statuses.discard(403)
                statuses.discard(404)
            responses = operation.setdefault("responses", {})
            for status in sorted(statuses):
                existing = responses.get(str(status), {})
                responses[str(status)] = {
                    "description": existing.get("description") or "Problem details",
                    "content": {PROBLEM_JSON: {"schema": _problem_schema_ref()}},
                }
            for status, response in responses.items():
                if status.startswith(("4", "5")):
                    response["content"] = {PROBLEM_JSON: {"schema": _problem_schema_ref()}}
                response.setdefault("headers", {}).update(request_id_header)
            if base not in _PUBLIC_OPERATIONS:
                operation.setdefault("security", [{"HTTPBearer": []}])
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "header" and parameter["name"] in _REQUIRED_HEADERS:
                    # Handled in code so a missing one gets the contract's 400 or 428,
                    # but the description must still say they are required.
                    parameter["required"] = True
                    parameter["schema"] = _REQUIRED_HEADERS[parameter["name"]]
    schema["components"].setdefault("securitySchemes", {})["HTTPBearer"] = {
        "type": "http",
        "scheme": "bearer",
    }
    app.openapi_schema = schema
    return schema


@asynccontextmanager
async def _release_job(app: FastAPI) -> AsyncIterator[None]:
    """Runs the periodic release of bookings nobody checked in to (booking_rules)."""
    services: Services = app.state.services
    if services.settings.release_sweep_seconds <= 0:
        yield
        return
    task = asyncio.create_task(release_periodically(lambda: app.state.services))
    try:
        yield
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task


def _operation_id(route: Any) -> str:
    return str(route.name)


def create_app(settings: Settings, *, db: Database | None = None) -> FastAPI:
    make_private_dir(settings.data_dir)
    database = db or Database(settings.database_url or sqlite_url_for(settings.data_dir))
    database.create_schema()
    services = Services(
        settings=settings,
        db=database,
        blobs=BlobStore(settings.data_dir / "blobs"),
        keys=ServerKeys.load_or_create(settings.data_dir),
        password_checks=PasswordCheckGate.sized_to_memory(settings),
    )
    with database.write() as conn:
        seal_clear_secrets(conn, DeviceSecretBox(services.keys))
    upload_sessions.purge_expired(services)  # and again whenever a session is created

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # The registry query's indexes: built after start, never before the socket opens
        # (minutes on a million rows; server/registry_indexes.py).
        # And the periodic release of bookings nobody checked in to (_release_job).
        app.state.registry_indexes = RegistryIndexBuilder(database).start()
        try:
            async with _release_job(app):
                yield
        finally:
            app.state.registry_indexes.stop()

    app = FastAPI(
        lifespan=lifespan,
        title="Ministry Intranet API",
        version="1",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
        generate_unique_id_function=_operation_id,
    )
    app.state.services = services
    install_error_handlers(app)
    for module in (
        auth,
        sync,
        people,
        bookings,
        booking_series,
        documents,
        document_locks,
        upload_sessions,
        shares,
        registry_query,
    ):
        app.include_router(module.router, prefix=API_PREFIX)
    limits = BodyLimits(API_PREFIX, settings.max_json_bytes)
    app.add_middleware(UnexpectedErrorMiddleware)  # innermost (see its docstring)
    app.add_middleware(BodyLimitMiddleware, limit_for=limits.for_request)
    app.add_middleware(RefuseNulMiddleware)
    app.add_middleware(RequestIdMiddleware)
    app.openapi = lambda: _customise_openapi(app)  # type: ignore[method-assign]
    return app
