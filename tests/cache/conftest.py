"""Fixtures of the cache tests: real SQLCipher files in tmp_path, the real keyring
(gnome-keyring's Secret Service, started by scripts/test), a controllable clock."""

from __future__ import annotations

import contextlib
import secrets
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import pytest
import sqlite_utils
from keyring.backends import SecretService
from keyring.errors import KeyringError

from cache import Argon2Params, CredentialStore, Profile, Vault
from cache.database import open_database
from cache.keystore import SERVICE
from cache.schema import Catalog

FAST_KDF = Argon2Params(memory_kib=1024, time_cost=1, parallelism=1)
"""Cheap Argon2id for tests only; production uses the DEFAULT_ARGON2 (64 MiB, t=3)."""

DEVICE_SECRET = bytes(range(32))
T0 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
POLICY = {
    "offline_grace_days": 7,
    "idle_lock_minutes": 15,
    "max_offline_document_mb": 500,
    "remember_on_this_computer": True,
}
USER = {"id": "u-1", "username": "tester", "display_name": "Test User", "roles": ["staff"]}


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class RecordingSleeper:
    """Records the waits the vault asks for instead of sleeping."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sleeper() -> RecordingSleeper:
    return RecordingSleeper()


@pytest.fixture
def secret_service() -> keyring.backend.KeyringBackend:
    """The real keyring backend of scripts/test; refuses to run against anything else."""
    backend = keyring.get_keyring()
    if not isinstance(backend, SecretService.Keyring):
        pytest.fail(f"run the tests through scripts/test (keyring backend is {backend})")
    return backend


@pytest.fixture
def profile(tmp_path: Path) -> Iterator[Profile]:
    """A profile of its own (the keyring is shared by the whole run); entry removed after."""
    made = Profile.for_user(
        "https://intranet.health.example/", f"tester-{uuid.uuid4().hex[:8]}", tmp_path / "profiles"
    )
    yield made
    with contextlib.suppress(KeyringError):
        keyring.delete_password(SERVICE, made.credential_entry)


MakeVault = Callable[..., Vault]


@pytest.fixture
def make_vault(
    profile: Profile, clock: FakeClock, sleeper: RecordingSleeper, catalog: Catalog
) -> MakeVault:
    """Vaults over the test's profile, with the fast KDF and the test's clock and sleeper."""

    def make(**overrides: object) -> Vault:
        options: dict[str, object] = {
            "credentials": CredentialStore(),
            "kdf": FAST_KDF,
            "clock": clock,
            "sleeper": sleeper,
        }
        options.update(overrides)
        return Vault(profile, catalog, **options)  # type: ignore[arg-type]

    return make


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite_utils.Database]:
    """An open, migrated encrypted cache (no vault, no keyring)."""
    database = open_database(tmp_path / "cache.db", secrets.token_bytes(32), create=True)
    yield database
    database.close()


def person(
    person_id: str, family: str, given: str, version: int = 1, **fields: object
) -> dict[str, object]:
    """A person record as the sync API sends it."""
    record: dict[str, object] = {
        "id": person_id,
        "version": version,
        "updated_at": "2026-03-02T09:30:00+04:00",
        "full_name": f"{family} {given}",
        "given_name": given,
        "family_name": family,
        "patronymic": None,
        "position": "Mütəxəssis",
        "department_id": "dep-1",
        "manager_id": None,
        "email": f"{person_id}@health.gov.az",
        "phone": None,
        "mobile": None,
        "office": None,
        "photo_url": None,
    }
    record.update(fields)
    return record
