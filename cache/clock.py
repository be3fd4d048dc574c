"""Time as a dependency: the vault and the store take a clock and a sleeper, so
tests control time and never wait."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

__all__ = ["Clock", "Sleeper", "real_sleep", "utc_now"]

Clock = Callable[[], datetime]
Sleeper = Callable[[float], None]


def utc_now() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


def real_sleep(seconds: float) -> None:
    """Block the calling (worker) thread; sign-in never runs on the GUI thread."""
    if seconds > 0:
        time.sleep(seconds)
