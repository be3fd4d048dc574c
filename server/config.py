"""Settings of one server instance; the policy part is what clients must enforce."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Policy:
    offline_grace_days: int = 14
    idle_lock_minutes: int = 15
    max_offline_document_mb: int = 50
    remember_on_this_computer: bool = True

    def as_dict(self) -> dict[str, int | bool]:
        return {
            "offline_grace_days": self.offline_grace_days,
            "idle_lock_minutes": self.idle_lock_minutes,
            "max_offline_document_mb": self.max_offline_document_mb,
            "remember_on_this_computer": self.remember_on_this_computer,
        }


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str | None = None  # default: SQLite under data_dir
    policy: Policy = field(default_factory=Policy)
    access_token_seconds: int = 15 * 60
    refresh_token_seconds: int = 14 * 24 * 3600
    # 256 MB: issue 10 asks that a 200 MB upload resumes after a break (upload sessions).
    max_upload_bytes: int = 256 * 1024 * 1024
    max_upload_chunk_bytes: int = 16 * 1024 * 1024  # one PUT /uploads/{id}
    upload_session_seconds: int = 24 * 3600  # an unfinished upload session is removed then
    checkout_seconds: int = 8 * 3600  # a check-out lock the holder forgets ends by itself
    max_metadata_bytes: int = 64 * 1024
    # The largest JSON body any other operation reads (sign-in reads at most 16 KiB).
    max_json_bytes: int = 64 * 1024
    # Login throttling (server/login_throttle.py, docs/security.md): attempts per username
    # whether or not the user exists, per enrolled device, and per client address.
    login_failures_allowed: int = 5
    login_failures_allowed_per_address: int = 30
    login_failure_window_seconds: int = 15 * 60
    login_lockout_seconds: int = 60
    # Memory for Argon2id checks running at once (64 MiB each: 256 MiB allows 4); a
    # sign-in that finds none free within the wait is answered 503 with Retry-After.
    password_check_memory_mib: int = 256
    password_check_wait_seconds: float = 1.0
    # A request holding an idempotency key this long is taken as abandoned.
    idempotency_in_flight_seconds: int = 120
    # Bookings (server/booking_rules.py): released when nobody checks in within the grace
    # after the start; check-in opens this long before the start; the release job's period
    # (0: no periodic job, release at write time only).
    check_in_grace_minutes: int = 15
    check_in_opens_minutes: int = 15
    release_sweep_seconds: float = 60.0
    sync_default_limit: int = 1000
    sync_max_limit: int = 5000
