"""The ministry backend's API over one ``httpx.Client``.

TLS is verified against the operating system's store (``truststore``) plus an optional CA
bundle from policy; there is no switch to turn verification off. Every request has a
timeout and an ``X-Request-Id``. Tokens live in memory; the refresh token is handed to a
``TokenSink`` (the credential store), never written to a file or a log line.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import ssl
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, BinaryIO
from urllib.parse import quote

import truststore

from cache.store import decode_page
from client.errors import (
    AuthenticationError,
    IntranetError,
    MalformedResponse,
    NetworkError,
    RateLimited,
    ServerUnavailable,
    SessionEnded,
    TimedOut,
    problem_for,
)
from client.validation import check_heads, check_page, check_record

if TYPE_CHECKING:
    import httpx

# httpx loads with the first request, on the sync's worker, after the window is up. Its
# package imports its command line (``httpx._main``: click, rich and pygments, 0.1 s)
# wherever those are installed; this app never runs it, so that module is a blank here
# (httpx then defines a ``main`` that says the command line is not installed).
sys.modules.setdefault("httpx._main", ModuleType("httpx._main"))

log = logging.getLogger(__name__)

DEFAULT_TIMEOUTS = {"connect": 10.0, "read": 60.0, "write": 60.0, "pool": 10.0}  # seconds
MAX_JSON_BYTES = 32 * 1024 * 1024  # a sync page of 5 000 rows is a few MB
USER_AGENT = "MinistryIntranet/0.1"


# Where a new refresh token goes (the OS credential store); None clears it.
TokenSink = Callable[[str | None], None]


@dataclass(frozen=True)
class LoginResult:
    user: dict[str, Any]
    policy: dict[str, Any]
    device_secret: bytes
    refresh_token: str


@dataclass(frozen=True)
class SyncHeads:
    collections: dict[str, str]
    registry_rows: dict[str, str]


def tls_context(ca_bundle: Path | None = None) -> ssl.SSLContext:
    """The system's trust store, plus the ministry's own CA when policy names one."""
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_bundle is not None:
        context.load_verify_locations(cafile=str(ca_bundle))
    return context


def system_proxy(server_url: str) -> str | None:
    """The proxy the system sets for this server (on Windows, from the registry)."""
    import urllib.request  # noqa: PLC0415 - 50 ms, needed only for the first request

    import httpx  # noqa: PLC0415 - see above

    scheme = httpx.URL(server_url).scheme
    host = httpx.URL(server_url).host
    if urllib.request.proxy_bypass(host):
        return None
    return urllib.request.getproxies().get(scheme)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        try:
            return max(parsedate_to_datetime(value).timestamp() - time.time(), 0.0)
        except (TypeError, ValueError):
            return None


class ApiClient:
    """One signed-in (or signing-in) session with one server. Thread-safe."""

    def __init__(
        self,
        server_url: str,
        *,
        ca_bundle: Path | None = None,
        timeout: httpx.Timeout | None = None,
        token_sink: TokenSink | None = None,
        transport: httpx.BaseTransport | None = None,
        max_json_bytes: int = MAX_JSON_BYTES,
    ) -> None:
        self.server_url = server_url.rstrip("/")
        self._token_sink = token_sink
        self._max_json_bytes = max_json_bytes
        self._access_token: str | None = None
        self._refresh_token: str | None = None
        self._refresh_lock = threading.Lock()
        self._ca_bundle = ca_bundle
        self._timeout = timeout
        self._transport = transport
        self._client: httpx.Client | None = None  # made by the first request
        self._client_lock = threading.Lock()
        self._closed = False

    @property
    def _http(self) -> httpx.Client:
        with self._client_lock:
            if self._closed:
                raise NetworkError("The connection to the server was closed.")
            if self._client is None:
                import httpx  # noqa: PLC0415 - see above

                transport = self._transport
                self._client = httpx.Client(
                    base_url=f"{self.server_url}/api/v1",
                    verify=tls_context(self._ca_bundle),
                    timeout=self._timeout or httpx.Timeout(**DEFAULT_TIMEOUTS),
                    transport=transport,
                    proxy=system_proxy(self.server_url) if transport is None else None,
                    headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
                    follow_redirects=False,
                )
            return self._client

    def close(self) -> None:
        """Close the connections; any thread may call it, and a request still in flight
        on another thread is abandoned: no new request starts after this."""
        with self._client_lock:
            self._closed = True
            client, self._client = self._client, None
        if client is not None:
            client.close()

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- session --------------------------------------------------------------

    @property
    def signed_in(self) -> bool:
        return self._refresh_token is not None or self._access_token is not None

    def resume(self, refresh_token: str) -> None:
        """Continue a session from a refresh token kept in the credential store."""
        self._refresh_token = refresh_token
        self._access_token = None

    def _store_tokens(self, body: dict[str, Any]) -> None:
        access, refresh = body.get("access_token"), body.get("refresh_token")
        if not isinstance(access, str) or not isinstance(refresh, str):
            raise MalformedResponse("The server's sign-in answer has no tokens.")
        self._access_token, self._refresh_token = access, refresh
        if self._token_sink is not None:
            self._token_sink(refresh)

    def login(self, username: str, password: str, device_id: str, device_name: str) -> LoginResult:
        body = self._json(
            "POST",
            "/auth/login",
            json_body={
                "username": username,
                "password": password,
                "device_id": device_id,
                "device_name": device_name,
            },
            authenticated=False,
        )
        user, policy, secret = body.get("user"), body.get("policy"), body.get("device_secret")
        if (
            not isinstance(user, dict)
            or not isinstance(policy, dict)
            or not isinstance(secret, str)
        ):
            raise MalformedResponse("The server's sign-in answer is incomplete.")
        try:
            device_secret = base64.b64decode(secret, validate=True)
        except (binascii.Error, ValueError) as error:
            raise MalformedResponse("The server sent an invalid device secret.") from error
        if len(device_secret) != 32:
            raise MalformedResponse("The server sent a device secret of the wrong size.")
        self._store_tokens(body)
        assert self._refresh_token is not None
        return LoginResult(user, policy, device_secret, self._refresh_token)

    def refresh(self) -> None:
        """Trade the refresh token for a new pair (it rotates: the old one is now dead)."""
        with self._refresh_lock:
            token = self._refresh_token
            if token is None:
                raise SessionEnded(401, "invalid_token", "Not signed in.", {})
            try:
                body = self._json(
                    "POST", "/auth/refresh", json_body={"refresh_token": token}, authenticated=False
                )
            except AuthenticationError:
                self._access_token = self._refresh_token = None
                if self._token_sink is not None:
                    self._token_sink(None)
                raise
            self._store_tokens(body)

    def logout(self) -> None:
        try:
            if self._access_token or self._refresh_token:
                self._json("POST", "/auth/logout", json_body={}, expect_body=False)
        finally:
            self._access_token = self._refresh_token = None
            if self._token_sink is not None:
                self._token_sink(None)

    def me(self) -> dict[str, Any]:
        body = self._json("GET", "/me")
        if not isinstance(body, dict) or not isinstance(body.get("policy"), dict):
            raise MalformedResponse("The server's answer about the user is incomplete.")
        return body

    # --- sync -----------------------------------------------------------------

    def sync_heads(self) -> SyncHeads:
        collections, rows = check_heads(self._json("GET", "/sync"))
        return SyncHeads(collections, rows)

    def sync_page(
        self, collection: str, since: str | None, limit: int, registry: str | None = None
    ) -> dict[str, Any]:
        params: dict[str, str | int] = {"limit": limit}
        if since:
            params["since"] = since
        if registry is not None:
            params["registry"] = registry
        # decode_page keeps each item's JSON text, so the cache stores it without
        # encoding the record again (docs/performance.md).
        answer = self._json("GET", f"/sync/{collection}", params=params, decode=decode_page)
        return check_page(collection, answer)

    # --- online reads ---------------------------------------------------------

    def get_json(self, path: str, params: dict[str, Any] | None = None) -> Any:
        """``GET path`` and its decoded JSON (the tabs' online reads, ``client/online.py``)."""
        return self._json("GET", path, params=params)

    # --- writes ---------------------------------------------------------------

    def send(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        idempotency_key: str | None = None,
        if_match: int | None = None,
        files: dict[str, Any] | None = None,
    ) -> Any:
        """One write as the outbox recorded it; returns the server's JSON answer."""
        headers: dict[str, str] = {}
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key
        if if_match is not None:
            headers["If-Match"] = f'"{if_match}"'
        return self._json(method, path, json_body=body, headers=headers, files=files)

    def put_bytes(self, path: str, data: bytes, headers: dict[str, str]) -> Any:
        """A raw body (a chunk of a resumable upload, ``Content-Range`` in ``headers``);
        returns the server's JSON answer."""
        return self._json(
            "PUT",
            path,
            headers={"Content-Type": "application/octet-stream", **headers},
            content=data,
        )

    def patch_person(self, person_id: str, version: int, fields: dict[str, str]) -> dict[str, Any]:
        """Change a person's ``phone``, ``mobile`` or ``office`` (one's own; an admin's:
        anyone's) from ``version``; returns the card as the server now has it. A stale
        version raises ``VersionMismatch`` carrying the server's card; "" clears mobile
        or office."""
        if person_id in ("", ".", ".."):
            raise ValueError("not a person id")
        answer = self.send(
            "PATCH", f"/people/{quote(person_id, safe='')}", dict(fields), if_match=version
        )
        return check_record("people", answer)

    def download(
        self, path: str, target: BinaryIO, *, offset: int = 0, etag: str | None = None
    ) -> Iterator[int]:
        """Stream a document's bytes into ``target`` from ``offset`` (resuming when the
        server still has the same ``etag``); yields the bytes written so far."""
        headers = {"Range": f"bytes={offset}-", "If-Range": etag} if offset and etag else {}
        with self._authorised_stream("GET", path, headers=headers) as response:
            if response.status_code not in (200, 206):
                self._raise_for(response, response.read())
            written = offset if response.status_code == 206 else 0
            if response.status_code == 200:
                target.seek(0)
                target.truncate()
            for chunk in response.iter_bytes(256 * 1024):
                target.write(chunk)
                written += len(chunk)
                yield written

    # --- plumbing -------------------------------------------------------------

    def _headers(self, extra: dict[str, str] | None, authenticated: bool) -> dict[str, str]:
        headers = {"X-Request-Id": uuid.uuid4().hex, **(extra or {})}
        if authenticated and self._access_token:
            headers["Authorization"] = f"Bearer {self._access_token}"
        return headers

    def _json(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        files: dict[str, Any] | None = None,
        authenticated: bool = True,
        expect_body: bool = True,
        decode: Callable[[bytes], Any] = json.loads,
        content: bytes | None = None,
    ) -> Any:
        if authenticated and self._access_token is None and self._refresh_token is not None:
            self.refresh()
        for attempt in (1, 2):
            request_headers = self._headers(headers, authenticated)
            started = time.monotonic()
            status, raw, retry_after = self._exchange(
                method, path, json_body, params, request_headers, files, content
            )
            log.info(
                "%s %s -> %s in %.0f ms (request %s)",
                method,
                path,
                status,
                (time.monotonic() - started) * 1000,
                request_headers["X-Request-Id"],
            )
            if status == 401 and authenticated and attempt == 1 and self._expired(raw):
                self.refresh()
                continue
            if status >= 400:
                self._raise_for_status(status, raw, retry_after)
            if not expect_body or status == 204:
                return None
            try:
                return decode(raw)
            except (ValueError, UnicodeDecodeError) as error:
                raise MalformedResponse(
                    f"The server's answer to {method} {path} is not JSON."
                ) from error
        raise AssertionError("unreachable")

    def _exchange(
        self,
        method: str,
        path: str,
        json_body: Any,
        params: dict[str, Any] | None,
        headers: dict[str, str],
        files: dict[str, Any] | None,
        content: bytes | None = None,
    ) -> tuple[int, bytes, float | None]:
        """Send one request; read at most ``max_json_bytes`` of the (decoded) answer."""
        import httpx  # noqa: PLC0415 - loaded by now (self._http); see above

        request = self._http.build_request(
            method,
            path,
            json=json_body if files is None and content is None else None,
            data=json_body if files is not None else None,
            params=params,
            headers=headers,
            files=files,
            content=content,
        )
        try:
            response = self._http.send(request, stream=True)
        except httpx.TimeoutException as error:
            raise TimedOut(
                f"The server did not answer in time ({type(error).__name__})."
            ) from error
        except httpx.TransportError as error:
            raise NetworkError(f"The server cannot be reached: {_describe(error)}") from error
        try:
            declared = int(response.headers.get("Content-Length") or 0)
            if declared > self._max_json_bytes:
                raise MalformedResponse(
                    f"The server's answer is too large ({declared // (1024 * 1024)} MB)."
                )
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes(64 * 1024):
                size += len(chunk)
                if size > self._max_json_bytes:
                    raise MalformedResponse("The server's answer is too large.")
                chunks.append(chunk)
            return response.status_code, b"".join(chunks), _retry_after(response)
        except httpx.DecodingError as error:
            raise MalformedResponse("The server's compressed answer is corrupt.") from error
        except httpx.TimeoutException as error:
            raise TimedOut(f"The server stopped answering ({type(error).__name__}).") from error
        except httpx.TransportError as error:
            raise NetworkError(f"The connection broke: {_describe(error)}") from error
        finally:
            response.close()

    def _authorised_stream(self, method: str, path: str, headers: dict[str, str]) -> Any:
        if self._access_token is None and self._refresh_token is not None:
            self.refresh()
        return _StreamContext(self, method, path, headers)

    @staticmethod
    def _expired(raw: bytes) -> bool:
        try:
            return bool(json.loads(raw).get("code") == "token_expired")
        except (ValueError, AttributeError):
            return False

    def _raise_for(self, response: httpx.Response, raw: bytes) -> None:
        self._raise_for_status(response.status_code, raw, _retry_after(response))

    @staticmethod
    def _raise_for_status(status: int, raw: bytes, retry_after: float | None) -> None:
        try:
            body = json.loads(raw) if raw else {}
        except (ValueError, UnicodeDecodeError):
            body = {}
        if not isinstance(body, dict):
            body = {}
        if status == 429:
            raise RateLimited("The server asks to slow down.", retry_after)
        if status >= 500:
            raise ServerUnavailable(
                f"The server had a problem (HTTP {status}).", status, retry_after
            )
        raise problem_for(status, body)


class _StreamContext:
    """A streamed, authenticated GET that refreshes an expired token once."""

    def __init__(self, api: ApiClient, method: str, path: str, headers: dict[str, str]) -> None:
        self.api, self.method, self.path, self.headers = api, method, path, headers
        self.response: httpx.Response | None = None

    def __enter__(self) -> httpx.Response:
        import httpx  # noqa: PLC0415 - see above

        for attempt in (1, 2):
            request = self.api._http.build_request(
                self.method, self.path, headers=self.api._headers(self.headers, True)
            )
            try:
                response = self.api._http.send(request, stream=True)
            except httpx.TransportError as error:
                raise NetworkError(f"The server cannot be reached: {_describe(error)}") from error
            if response.status_code == 401 and attempt == 1:
                raw = response.read()
                response.close()
                if ApiClient._expired(raw):
                    self.api.refresh()
                    continue
                ApiClient._raise_for_status(401, raw, None)
            self.response = response
            return response
        raise AssertionError("unreachable")

    def __exit__(self, *_exc: object) -> None:
        if self.response is not None:
            self.response.close()


def _describe(error: Exception) -> str:
    text = str(error) or type(error).__name__
    return text[:200]


def is_retryable(error: IntranetError) -> bool:
    return isinstance(error, (NetworkError, ServerUnavailable, RateLimited))


Sleeper = Callable[[float], None]
