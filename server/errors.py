"""Every error the API answers is RFC 9457 problem+json with a stable ``code``."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

PROBLEM_JSON = "application/problem+json"


class ApiError(Exception):
    """Raised anywhere in a request; becomes one problem+json answer."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        *,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail
        self.headers = headers or {}
        self.extra = extra


def problem_body(status: int, code: str, detail: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": f"urn:ministry-intranet:problem:{code}",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "code": code,
        **extra,
    }


def problem_response(error: ApiError) -> JSONResponse:
    return JSONResponse(
        problem_body(error.status, error.code, error.detail, **error.extra),
        status_code=error.status,
        headers=error.headers,
        media_type=PROBLEM_JSON,
    )


def validation_error(field: str, message: str) -> ApiError:
    return ApiError(
        422,
        "validation_error",
        f"{field}: {message}",
        errors=[{"field": field, "message": message}],
    )


def body_too_large(limit: int) -> ApiError:
    """413: the body passed the operation's limit; the server read no further."""
    return ApiError(
        413,
        "too_large",
        f"The request body is larger than this operation accepts ({limit} bytes).",
        headers={"Connection": "close"},
        limit_bytes=limit,
    )


_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
    415: "unsupported_media_type",
}


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route offers on this path (Starlette names only the first route's)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches({**request.scope, "method": "GET"})
        if match != Match.NONE:
            methods.update(getattr(route, "methods", None) or ())
    return sorted(methods)


def install_error_handlers(app: FastAPI) -> None:
    async def on_api_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return problem_response(exc)

    async def on_validation_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        errors = [
            {
                "field": ".".join(str(part) for part in err.get("loc", ())),
                "message": str(err.get("msg", "invalid")),
            }
            for err in exc.errors()
        ]
        first = errors[0] if errors else {"field": "", "message": "invalid"}
        return problem_response(
            ApiError(
                422,
                "validation_error",
                f"{first['field']}: {first['message']}",
                errors=errors,
            )
        )

    async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        limit = getattr(exc, "limit", None)
        if exc.status_code == 413 and isinstance(limit, int):  # server.limits.BodyTooLarge
            return problem_response(body_too_large(limit))
        code = _HTTP_CODES.get(exc.status_code, "error")
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(_allowed_methods(request))
        return problem_response(ApiError(exc.status_code, code, str(exc.detail), headers=headers))

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
