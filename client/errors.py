"""What can go wrong talking to the ministry backend, as a small hierarchy.

Callers switch on the class: ``Retryable`` errors (network, 5xx, 429) are tried again
later; everything else is a final verdict on that request. Messages are safe to show and
to log: they never contain tokens, passwords or record contents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


class IntranetError(Exception):
    """Base of every error the client layer raises."""


class Retryable(IntranetError):
    """The request may succeed later; nothing was decided."""

    retry_after: float | None = None


class NetworkError(Retryable):
    """The server could not be reached, or the connection broke mid-way."""


class TimedOut(NetworkError):
    """The server did not answer within the client's timeouts."""


class ServerUnavailable(Retryable):
    """The server answered 5xx."""

    def __init__(self, message: str, status: int, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class RateLimited(Retryable):
    def __init__(self, message: str, retry_after: float | None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class MalformedResponse(IntranetError):
    """The server's answer is not what the API promises (bad JSON, wrong types, too big)."""


class ApiProblem(IntranetError):
    """A final 4xx answer, as problem+json."""

    def __init__(self, status: int, code: str, detail: str, body: dict[str, Any]) -> None:
        super().__init__(f"{detail} ({code})")
        self.status = status
        self.code = code
        self.detail = detail
        self.body = body

    def refusal_text(self) -> str:
        """How the outbox keeps this answer (``last_error``): status, code and the
        server's sentence, so the UI can word it in the user's language later."""
        return f"{self.status} {self.code}: {self.detail}"


@dataclass(frozen=True)
class Refusal:
    """A final answer to a queued change, read back from ``ApiProblem.refusal_text``."""

    status: int | None
    code: str | None
    detail: str


_REFUSAL = re.compile(r"(?P<status>[1-5][0-9][0-9]) (?P<code>[a-z_]{1,64}): (?P<detail>.*)", re.S)


def parse_refusal(text: str | None) -> Refusal:
    """The parts of a stored refusal; any other text (older entries, a 409's reason
    kept by earlier versions) is the detail alone."""
    match = _REFUSAL.fullmatch(text or "")
    if match is None:
        return Refusal(None, None, text or "")
    return Refusal(int(match["status"]), match["code"], match["detail"])


class AuthenticationError(ApiProblem):
    """401: the user must sign in again (or the password was wrong)."""


class InvalidCredentials(AuthenticationError):
    pass


class SessionEnded(AuthenticationError):
    """The sign-in was ended (logout elsewhere, refresh token reuse, expiry)."""


class DeviceRevoked(AuthenticationError):
    """An administrator revoked this device: its local data must be wiped."""


class Forbidden(ApiProblem):
    pass


class NotFound(ApiProblem):
    pass


class Conflict(ApiProblem):
    """409: the change collides with the server's state (a taken room, say)."""


class VersionMismatch(ApiProblem):
    """412: someone else changed the record first; ``current`` is the server's side."""

    @property
    def current(self) -> dict[str, Any] | None:
        value = self.body.get("current")
        return value if isinstance(value, dict) else None


class CursorExpired(ApiProblem):
    """410: the collection must be synced again from the start."""


class ValidationFailed(ApiProblem):
    pass


class TooLarge(ApiProblem):
    pass


_BY_STATUS: dict[int, type[ApiProblem]] = {
    401: AuthenticationError,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    410: CursorExpired,
    412: VersionMismatch,
    413: TooLarge,
    422: ValidationFailed,
}
_BY_CODE: dict[str, type[ApiProblem]] = {
    "invalid_credentials": InvalidCredentials,
    "device_revoked": DeviceRevoked,
    "token_reused": SessionEnded,
    "invalid_token": SessionEnded,
    "unauthorized": SessionEnded,
}


def problem_for(status: int, body: dict[str, Any]) -> ApiProblem:
    code = str(body.get("code") or "error")
    detail = str(body.get("detail") or body.get("title") or f"HTTP {status}")
    cls = _BY_CODE.get(code) or _BY_STATUS.get(status, ApiProblem)
    return cls(status, code, detail[:500], body)
