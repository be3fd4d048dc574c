"""The credential store wrapper: Windows persistence (faked Win32 API) and failures."""

from __future__ import annotations

from typing import Any

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import Windows, fail
from keyring.errors import KeyringLocked

from cache import CredentialStore, KeyStorage, NoCredentialStore
from cache.keystore import SERVICE

# The values of wincred.h's CRED_PERSIST_* constants.
CRED_PERSIST_SESSION, CRED_PERSIST_LOCAL_MACHINE, CRED_PERSIST_ENTERPRISE = 1, 2, 3


class FakePywintypesError(Exception):
    def __init__(self, winerror: int, funcname: str) -> None:
        super().__init__(winerror, funcname)
        self.winerror = winerror
        self.funcname = funcname


class FakePywintypes:
    """Stands in for pywin32's pywintypes (Windows only)."""

    error = FakePywintypesError


class FakeWin32Cred:
    """Stands in for the Windows Credential Manager API (win32cred), which cannot run
    here: keeps credentials in a dict and records what ``CredWrite`` was given."""

    CRED_TYPE_GENERIC = 1
    CRED_PERSIST_SESSION = CRED_PERSIST_SESSION
    CRED_PERSIST_LOCAL_MACHINE = CRED_PERSIST_LOCAL_MACHINE
    CRED_PERSIST_ENTERPRISE = CRED_PERSIST_ENTERPRISE

    def __init__(self) -> None:
        self.credentials: dict[str, dict[str, Any]] = {}
        self.writes: list[dict[str, Any]] = []

    def CredWrite(self, credential: dict[str, Any], flags: int) -> None:
        self.writes.append(dict(credential))
        blob = credential["CredentialBlob"]
        self.credentials[credential["TargetName"]] = {
            **credential,
            "CredentialBlob": blob.encode("utf-16-le") if isinstance(blob, str) else blob,
        }

    def CredRead(self, Type: int, TargetName: str) -> dict[str, Any]:
        try:
            return self.credentials[TargetName]
        except KeyError:
            raise FakePywintypesError(1168, "CredRead") from None

    def CredDelete(self, Type: int, TargetName: str) -> None:
        if self.credentials.pop(TargetName, None) is None:
            raise FakePywintypesError(1168, "CredDelete")


@pytest.fixture
def fake_win32cred(monkeypatch: pytest.MonkeyPatch) -> FakeWin32Cred:
    fake = FakeWin32Cred()
    monkeypatch.setattr(Windows, "win32cred", fake, raising=False)
    monkeypatch.setattr(Windows, "pywintypes", FakePywintypes, raising=False)
    return fake


def test_keyring_default_on_windows_roams(fake_win32cred: FakeWin32Cred) -> None:
    """What the fake shows of keyring itself: without our setting, ENTERPRISE (roaming)."""
    Windows.WinVaultKeyring().set_password(SERVICE, "entry", "secret")
    assert fake_win32cred.writes[-1]["Persist"] == CRED_PERSIST_ENTERPRISE


def test_windows_credentials_stay_on_this_machine(fake_win32cred: FakeWin32Cred) -> None:
    store = CredentialStore(Windows.WinVaultKeyring())
    assert store.save("cache-key:u@https://x", "ab" * 32) is KeyStorage.REMEMBERED
    assert fake_win32cred.writes[-1]["Persist"] == CRED_PERSIST_LOCAL_MACHINE
    assert store.load("cache-key:u@https://x") == "ab" * 32
    assert store.delete("cache-key:u@https://x")
    assert store.load("cache-key:u@https://x") is None


def test_fail_backend_means_no_credential_store() -> None:
    store = CredentialStore(fail.Keyring())
    assert not store.available
    assert store.save("entry", "secret") is KeyStorage.NO_CREDENTIAL_STORE
    assert store.delete("entry") is False
    with pytest.raises(NoCredentialStore):
        store.load("entry")


class LockedKeyring(KeyringBackend):
    """A store that exists but refuses (e.g. a collection the user will not unlock)."""

    # Every subclass joins keyring's registry of backends: this one must never be
    # picked as the system's (it would turn keyring's choice into a ChainerBackend).
    viable = False
    priority = 0

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("locked")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("locked")


def test_a_store_that_refuses_is_reported_not_raised() -> None:
    store = CredentialStore(LockedKeyring())
    assert store.save("entry", "secret") is KeyStorage.NO_CREDENTIAL_STORE
    assert store.delete("entry") is False
    with pytest.raises(NoCredentialStore):
        store.load("entry")
