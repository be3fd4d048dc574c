"""How much of a request body the server reads: a small limit per route, enforced before
the body is read (a declared Content-Length) and while it is read (a chunked body is
counted as it arrives), so an oversized body costs the server no memory, signed in or not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.errors import ApiError, body_too_large, problem_response

AUTH_BODY_BYTES = 16 * 1024

REQUEST_HEAD_BYTES = 1024 * 1024
"""How much of a request's line and headers the HTTP parser buffers while they arrive.

The schema allows queries of two 20 000-character parameters (a view's filters and a
search's spellings), up to 12 bytes each once percent-encoded: about 480 KB. uvicorn's
default of 16 KiB applies only to a head that arrives in more than one read, so such a
valid query was answered (a 422 or the rows) or refused in plain text ("Invalid HTTP
request received.") depending on how TCP happened to split it.
"""

_UPLOAD_PATH = re.compile(r"^/documents(/[^/]+/(versions|conflict-copies))?$")
_CHUNK_PATH = re.compile(r"^/uploads/[^/]+$")


@dataclass(frozen=True)
class BodyLimits:
    """The largest body each route accepts, in bytes; None for the upload routes, whose
    streaming parser (server.uploads) enforces the file limit and names it."""

    api_prefix: str
    json_bytes: int

    def for_request(self, method: str, path: str) -> int | None:
        route = path[len(self.api_prefix) :] if path.startswith(self.api_prefix) else path
        if method == "POST" and _UPLOAD_PATH.fullmatch(route):
            return None
        if method == "PUT" and _CHUNK_PATH.fullmatch(route):
            return None  # server.upload_sessions reads exactly the Content-Range's length
        if route.startswith("/auth/"):
            return min(AUTH_BODY_BYTES, self.json_bytes)
        return self.json_bytes


class BodyTooLarge(StarletteHTTPException):
    """Raised from ``receive`` once a body passes its limit. An HTTPException, so that
    FastAPI's body parsing lets it through to the problem+json handler as it is."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, "too large", headers={"Connection": "close"})
        self.limit = limit


class BodyLimitMiddleware:
    """Refuses with 413 ``too_large`` a body over the route's limit, reading no further."""

    def __init__(self, app: ASGIApp, limit_for: Callable[[str, str], int | None]) -> None:
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["method"], scope["path"])
        if limit is None:
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None:
            refusal = (
                ApiError(400, "bad_request", "Content-Length is not a number.")
                if not declared.isdigit()
                else body_too_large(limit)
                if int(declared) > limit
                else None
            )
            if refusal is not None:
                await problem_response(refusal)(scope, receive, send)
                return
        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, counted_receive, send)
