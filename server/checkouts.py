"""Whether a document's check-out lock is in force (server/document_locks.py sets it)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from server import records
from server.context import Principal
from server.errors import ApiError


def held_checkout(record: dict[str, Any], now: datetime | None = None) -> dict[str, Any] | None:
    """The document's lock if it is still in force (an expired one counts as none)."""
    checkout = record.get("checkout")
    if not checkout:
        return None
    moment = now or records.utc_now()
    if datetime.fromisoformat(str(checkout["expires_at"])) <= moment:
        return None
    return dict(checkout)


def refuse_if_checked_out(
    record: dict[str, Any], principal: Principal, what: str = "upload a version"
) -> None:
    """423 ``checked_out`` naming the holder, since when and until when, unless the
    document is free or the caller holds it (``what``: what only the holder may do)."""
    checkout = held_checkout(record)
    if checkout is not None and checkout["by"] != principal.user_id:
        raise ApiError(
            423,
            "checked_out",
            f"The document is checked out for editing since {checkout['at']}; "
            f"only its holder can {what} until it is checked in.",
            checkout=checkout,
        )
