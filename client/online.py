"""The tabs' online reads (``domains.online.OnlineReads``) over the session's API client.

The client's timeouts, token refresh and TLS apply; its exception hierarchy
(``client/errors.py``) becomes one ``OnlineReadFailed`` with a ``problem`` the tab
words, so a tab never sees the HTTP library or the client. Reads run on workers: the
GUI thread is refused (a read may wait for the read timeout).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping

from client.api import ApiClient
from client.errors import (
    AuthenticationError,
    Forbidden,
    IntranetError,
    MalformedResponse,
    NetworkError,
    NotFound,
    Retryable,
    TimedOut,
)
from domains.online import OnlineProblem, OnlineReadFailed, Param, ReadOnGuiThread

__all__ = ["ApiOnlineReads", "online_problem"]


def online_problem(error: IntranetError) -> OnlineProblem:
    """The client's error as the port's problem."""
    if isinstance(error, TimedOut):
        return OnlineProblem.TIMEOUT
    if isinstance(error, NetworkError):
        return OnlineProblem.UNREACHABLE
    if isinstance(error, Retryable):  # 5xx, 429
        return OnlineProblem.SERVER
    if isinstance(error, MalformedResponse):
        return OnlineProblem.MALFORMED
    if isinstance(error, AuthenticationError):
        return OnlineProblem.SIGNED_OUT
    if isinstance(error, Forbidden):
        return OnlineProblem.FORBIDDEN
    if isinstance(error, NotFound):
        return OnlineProblem.NOT_FOUND
    return OnlineProblem.REFUSED


class ApiOnlineReads:
    """``TabContext.online`` of a signed-in window. ``is_online``: the session's state
    now (signed in offline, or the sync found the server gone: no request is sent)."""

    def __init__(self, api: ApiClient, is_online: Callable[[], bool]) -> None:
        self._api = api
        self._is_online = is_online

    @property
    def available(self) -> bool:
        return self._is_online()

    def get_json(self, path: str, params: Mapping[str, Param] | None = None) -> object:
        if threading.current_thread() is threading.main_thread():
            raise ReadOnGuiThread("an online read must run on a worker (context.tasks.run)")
        if not path.startswith("/") or ".." in path.split("/"):
            raise ValueError("not an API path")
        if not self._is_online():
            raise OnlineReadFailed(OnlineProblem.OFFLINE, "signed in without the server")
        query = {k: _param(v) for k, v in (params or {}).items()}
        try:
            return self._api.get_json(path, query)
        except IntranetError as error:
            status = getattr(error, "status", None)
            raise OnlineReadFailed(online_problem(error), str(error), status) from error


def _param(value: Param) -> str | int:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
