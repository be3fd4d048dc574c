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


def refuse_if_checked_out(record: dict[str, Any], principal: Principal) -> None:
    """423 ``checked_out`` naming the holder, since when and until when, unless the
    document is free or the caller holds it."""
    checkout = held_checkout(record)
    if checkout is not None and checkout["by"] != principal.user_id:
        raise ApiError(
            423,
            "checked_out",
            f"The document is checked out for editing since {checkout['at']}; "
            "only its holder can upload a version until it is checked in.",
            checkout=checkout,
        )
