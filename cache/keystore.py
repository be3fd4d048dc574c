"""The OS credential store (``keyring``), where a remembered data key is kept.

With it the app opens without a password once the user is signed in to
Windows, as Outlook does. Without one (no Secret Service, a locked store, the
``fail`` backend) the cache still works, with the password at each start:
every method here reports that instead of raising, and nothing falls back to
a file.

On Windows, keyring's Credential Manager backend writes credentials with
``CRED_PERSIST_ENTERPRISE``, which roams with the Windows profile to every
computer the user signs in to. The data key belongs to this computer's cache
only, so the backend is switched to ``CRED_PERSIST_LOCAL_MACHINE``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from enum import StrEnum

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.backends.chainer import ChainerBackend
from keyring.backends.Windows import WinVaultKeyring
from keyring.errors import KeyringError, PasswordDeleteError

from .errors import NoCredentialStore

__all__ = ["LOCAL_MACHINE", "SERVICE", "CredentialStore", "KeyStorage", "prefer_local_machine"]

SERVICE = "MinistryIntranet"
LOCAL_MACHINE = "local machine"
"""keyring's name for ``win32cred.CRED_PERSIST_LOCAL_MACHINE`` (see ``Windows.Persistence``)."""

# What a broken or absent store raises: keyring's own errors (NoKeyringError
# is also a RuntimeError), and OS-level failures of the D-Bus or Win32 calls.
_STORE_ERRORS = (KeyringError, RuntimeError, OSError)

log = logging.getLogger(__name__)


class KeyStorage(StrEnum):
    """Where the data key is kept besides the keyfile: the UI tells the user."""

    REMEMBERED = "remembered"  # in the OS credential store: no password at start
    NOT_ALLOWED = "not_allowed"  # policy remember_on_this_computer is false
    NO_CREDENTIAL_STORE = "no_credential_store"  # none works: password at each start


def _leaves(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    if isinstance(backend, ChainerBackend):
        yield from backend.backends
    else:
        yield backend


def prefer_local_machine(backend: KeyringBackend) -> None:
    """Make a Windows Credential Manager backend keep secrets on this machine only."""
    for leaf in _leaves(backend):
        if isinstance(leaf, WinVaultKeyring):
            leaf.persist = LOCAL_MACHINE


class CredentialStore:
    """Secrets of this app in one keyring backend (by default the system's)."""

    def __init__(self, backend: KeyringBackend | None = None, service: str = SERVICE) -> None:
        self._backend = keyring.get_keyring() if backend is None else backend
        self._service = service
        prefer_local_machine(self._backend)

    @property
    def backend(self) -> KeyringBackend:
        return self._backend

    @property
    def available(self) -> bool:
        """False when keyring found no usable backend at all."""
        leaves = list(_leaves(self._backend))
        return bool(leaves) and not all(isinstance(leaf, fail.Keyring) for leaf in leaves)

    def save(self, entry: str, secret: str) -> KeyStorage:
        """Store a secret; ``NO_CREDENTIAL_STORE`` when the store does not work."""
        if not self.available:
            return KeyStorage.NO_CREDENTIAL_STORE
        try:
            self._backend.set_password(self._service, entry, secret)
        except _STORE_ERRORS as error:
            log.warning("credential store refused the key: %s", type(error).__name__)
            return KeyStorage.NO_CREDENTIAL_STORE
        return KeyStorage.REMEMBERED

    def load(self, entry: str) -> str | None:
        """The stored secret, or None; ``NoCredentialStore`` when the store does not work."""
        if not self.available:
            raise NoCredentialStore("no credential store: the password will be asked at each start")
        try:
            return self._backend.get_password(self._service, entry)
        except _STORE_ERRORS as error:
            raise NoCredentialStore(
                f"the credential store does not answer ({type(error).__name__}): "
                "the password will be asked at each start"
            ) from error

    def delete(self, entry: str) -> bool:
        """Remove a secret if present; False when absent or the store does not work."""
        if not self.available:
            return False
        try:
            self._backend.delete_password(self._service, entry)
        except PasswordDeleteError:
            return False
        except _STORE_ERRORS as error:
            log.warning("credential store did not delete the key: %s", type(error).__name__)
            return False
        return True
