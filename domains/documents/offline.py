"""The policy's bound on what is kept offline (``max_offline_document_mb``, sent by the
server at sign-in and kept in the cache's meta): the total size of the documents the
user keeps offline. A pin that would pass it is refused before anything is downloaded;
documents that join a folder kept offline later are downloaded only while they fit.
Recently opened content is bounded apart from this (``RECENT_CONTENT_BYTES`` in the tab)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["OfflineFit", "fit_within", "offline_limit_bytes"]

MEBIBYTE = 1024 * 1024


def offline_limit_bytes(policy: Mapping[str, Any] | None) -> int | None:
    """The policy's limit in bytes; None when the policy sets none (absent or not a
    whole number of at least 0: a malformed value does not block keeping offline)."""
    value = (policy or {}).get("max_offline_document_mb")
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value * MEBIBYTE


@dataclass(frozen=True)
class OfflineFit:
    """Which kept documents fit the limit, in the order given: ``fits`` (download them),
    ``left_out`` (not downloaded: the limit is reached), ``used`` (bytes of ``fits``)."""

    fits: list[dict[str, Any]]
    left_out: list[dict[str, Any]]
    used: int


def fit_within(records: Iterable[Mapping[str, Any]], limit_bytes: int | None) -> OfflineFit:
    """The records kept offline that fit ``limit_bytes`` together (the same content,
    two documents with one SHA-256, counts once), first come first kept."""
    fits: list[dict[str, Any]] = []
    left_out: list[dict[str, Any]] = []
    counted: set[str] = set()
    used = 0
    for record in records:
        sha256 = str(record.get("sha256") or "")
        size = 0 if sha256 in counted else max(int(record.get("size") or 0), 0)
        if limit_bytes is not None and used + size > limit_bytes:
            left_out.append(dict(record))
            continue
        counted.add(sha256)
        used += size
        fits.append(dict(record))
    return OfflineFit(fits, left_out, used)
