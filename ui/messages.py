"""What the user reads when something goes wrong, one sentence per error type.

Errors from ``client`` and ``cache`` carry English text for logs; the user gets these
translated sentences instead, chosen by the error's type. They are functions, not
constants, so a widget can ask again after the language changed.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QObject

from cache.errors import (
    CacheError,
    CachePathTooLong,
    CacheTooNew,
    CacheUnrecoverable,
    KeyfileDamaged,
    OfflineGraceExpired,
    PlaintextCacheRefused,
    ProfileNotFound,
    WrongPassword,
)
from client.errors import (
    DeviceRevoked,
    InvalidCredentials,
    MalformedResponse,
    NetworkError,
    RateLimited,
    Retryable,
    ServerUnavailable,
    SessionEnded,
)


class Messages(QObject):
    """The sentences with a number in them.

    pyside6-lupdate reads a plural form only from a ``tr()`` call, not from
    ``QCoreApplication.translate(..., n)``, so they live here; the context is the same
    ("Messages") as the plain sentences below.
    """

    def next_attempt_in(self, seconds: int) -> str:
        return self.tr("The next attempt is possible in %n second(s).", "", seconds)

    def try_again_in(self, seconds: int) -> str:
        return self.tr("Too many attempts. Please try again in %n second(s).", "", seconds)

    def grace_expired(self, days: int) -> str:
        return self.tr(
            "You have worked offline for longer than allowed (%n day(s)). Connect to the "
            "ministry network once to continue.",
            "",
            days,
        )


def wrong_password_online() -> str:
    return QCoreApplication.translate("Messages", "The username or password is incorrect.")


def wrong_password_offline(delay_seconds: float) -> str:
    text = QCoreApplication.translate(
        "Messages",
        "The password is incorrect. The server cannot be reached, so the password "
        "was checked against the offline data on this computer.",
    )
    seconds = math.ceil(delay_seconds)
    if seconds > 0:
        text += " " + Messages().next_attempt_in(seconds)
    return text


def unreachable(server: str) -> str:
    return QCoreApplication.translate(
        "Messages",
        "The server %1 cannot be reached. Check the network connection. To work "
        "offline, sign in once on this computer while connected.",
    ).replace("%1", server)


def unavailable() -> str:
    return QCoreApplication.translate(
        "Messages", "The server is not available right now. Please try again in a few minutes."
    )


def rate_limited(seconds: float | None) -> str:
    if seconds:
        return Messages().try_again_in(max(1, math.ceil(seconds)))
    return QCoreApplication.translate("Messages", "Too many attempts. Please try again later.")


def grace_expired(days: int) -> str:
    return Messages().grace_expired(days)


def device_revoked() -> str:
    return QCoreApplication.translate(
        "Messages",
        "An administrator has disconnected this computer from the Intranet. The offline "
        "data on this computer was removed. Sign in to register the computer again.",
    )


def reenrolled() -> str:
    return QCoreApplication.translate(
        "Messages",
        "An administrator had disconnected this computer from the Intranet, so its "
        "offline data was removed. The computer is registered again and your data is "
        "being downloaded.",
    )


def session_ended() -> str:
    return QCoreApplication.translate(
        "Messages", "Your sign-in has ended. Please sign in again to synchronise your data."
    )


def cache_unreadable() -> str:
    return QCoreApplication.translate(
        "Messages",
        "The offline data on this computer cannot be opened. Please contact the service desk.",
    )


def cache_too_new() -> str:
    return QCoreApplication.translate(
        "Messages",
        "The offline data on this computer was written by a newer version of the "
        "application. Please update the application.",
    )


def no_offline_data() -> str:
    return QCoreApplication.translate(
        "Messages",
        "There is no offline data for this user on this computer. Connect to the "
        "network and sign in online first.",
    )


def malformed() -> str:
    return QCoreApplication.translate(
        "Messages", "The server sent an answer the application does not understand."
    )


def unexpected(error: BaseException) -> str:
    return QCoreApplication.translate(
        "Messages", "Something went wrong (%1). Please try again."
    ).replace("%1", type(error).__name__)


def path_too_long(path: str) -> str:
    return QCoreApplication.translate(
        "Messages",
        "The folder for the offline data is too long for Windows (more than 260 "
        "characters): %1. Please ask your service desk to choose a shorter one.",
    ).replace("%1", path)


def for_error(error: BaseException, server: str = "") -> str:
    """The sentence for ``error`` (sign-in or sync)."""
    if isinstance(error, InvalidCredentials):
        return wrong_password_online()
    if isinstance(error, WrongPassword):
        return wrong_password_offline(error.next_delay)
    if isinstance(error, OfflineGraceExpired):
        return grace_expired(error.grace_days)
    if isinstance(error, DeviceRevoked):
        return device_revoked()
    if isinstance(error, SessionEnded):
        return session_ended()
    if isinstance(error, RateLimited):
        return rate_limited(error.retry_after)
    if isinstance(error, ServerUnavailable):
        return unavailable()
    if isinstance(error, NetworkError | Retryable):
        return unreachable(server)
    if isinstance(error, MalformedResponse):
        return malformed()
    if isinstance(error, CacheTooNew):
        return cache_too_new()
    if isinstance(error, ProfileNotFound):
        return no_offline_data()
    if isinstance(error, CachePathTooLong):
        return path_too_long(error.path)
    if isinstance(error, CacheUnrecoverable | KeyfileDamaged | PlaintextCacheRefused):
        return cache_unreadable()
    if isinstance(error, CacheError):
        return cache_unreadable()
    return unexpected(error)
