"""The platform's port for online reads: what a tab may ask the server, on a worker.

A tab has no API client (docs/tabs.md: it opens no connection); a few views still read
what is not kept on this computer (a registry of a million rows browsed page by page).
``TabContext.online`` is this narrow interface: a JSON ``GET`` of an API path, with the
client's timeouts, sign-in and TLS behind it, and every failure as one
``OnlineReadFailed`` whose ``problem`` the tab words. No Qt, no HTTP library: a domain
builds typed reads over it (``domains/registries/online.py``) and tests them against the
real server through the client's implementation (``client/online.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Protocol

__all__ = ["OnlineProblem", "OnlineReadFailed", "OnlineReads", "ReadOnGuiThread"]

Param = str | int | bool


class OnlineProblem(StrEnum):
    """Why an online read gave nothing: what the tab says, in the user's words."""

    OFFLINE = "offline"
    """Signed in without the server, or it went away: nothing was sent."""
    UNREACHABLE = "unreachable"
    TIMEOUT = "timeout"
    SERVER = "server"
    """5xx or 429: the server could not answer now."""
    MALFORMED = "malformed"
    """The answer is not what the API promises."""
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    REFUSED = "refused"
    """Another final 4xx (a filter the server does not take)."""
    SIGNED_OUT = "signed_out"
    """The sign-in ended: the user must sign in again."""


class OnlineReadFailed(Exception):
    """An online read failed; ``problem`` says how, ``status`` the HTTP status if any.
    The message is safe to log (no tokens, no record contents)."""

    def __init__(self, problem: OnlineProblem, message: str = "", status: int | None = None):
        super().__init__(message or problem.value)
        self.problem = problem
        self.status = status


class ReadOnGuiThread(RuntimeError):
    """An online read was about to run on the GUI thread (it may wait a minute)."""


class OnlineReads(Protocol):
    """``TabContext.online``: reads from the server, on a worker only (``TaskRunner``)."""

    @property
    def available(self) -> bool:
        """Whether the session is connected now (False signed in offline: a read
        would raise ``OnlineReadFailed(OFFLINE)``)."""
        ...

    def get_json(self, path: str, params: Mapping[str, Param] | None = None) -> object:
        """``GET path`` (an API path such as ``/registries``; the caller quotes ids)
        and its decoded JSON; ``OnlineReadFailed`` for every failure."""
        ...
