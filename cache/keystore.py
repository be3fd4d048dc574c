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
import sys
from collections.abc import Iterator
from enum import StrEnum
from typing import TYPE_CHECKING

from .errors import NoCredentialStore

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

# keyring (0.1 s to import, its backends included) loads when a store is first used, on
# a worker: the first window does not wait for it (docs/startup.md).

__all__ = [
    "LOCAL_MACHINE",
    "SERVICE",
    "CredentialStore",
    "KeyStorage",
    "prefer_local_machine",
    "system_backend",
]

SERVICE = "MinistryIntranet"
LOCAL_MACHINE = "local machine"
"""keyring's name for ``win32cred.CRED_PERSIST_LOCAL_MACHINE`` (see ``Windows.Persistence``)."""


def _store_errors() -> tuple[type[BaseException], ...]:
    """What a broken or absent store raises: keyring's own errors (NoKeyringError
    is also a RuntimeError), and OS-level failures of the D-Bus or Win32 calls."""
    from keyring.errors import KeyringError  # noqa: PLC0415 - see above

    return (KeyringError, RuntimeError, OSError)


log = logging.getLogger(__name__)


class KeyStorage(StrEnum):
    """Where the data key is kept besides the keyfile: the UI tells the user."""

    REMEMBERED = "remembered"  # in the OS credential store: no password at start
    NOT_ALLOWED = "not_allowed"  # policy remember_on_this_computer is false
    NO_CREDENTIAL_STORE = "no_credential_store"  # none works: password at each start


def _leaves(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    from keyring.backends.chainer import ChainerBackend  # noqa: PLC0415 - see above

    if isinstance(backend, ChainerBackend):
        yield from backend.backends
    else:
        yield backend


def prefer_local_machine(backend: KeyringBackend) -> None:
    """Make a Windows Credential Manager backend keep secrets on this machine only."""
    if sys.platform != "win32" and "keyring.backends.Windows" not in sys.modules:
        return  # no Credential Manager here (and keyring did not load its module)
    from keyring.backends.Windows import WinVaultKeyring  # noqa: PLC0415 - see above

    for leaf in _leaves(backend):
        if isinstance(leaf, WinVaultKeyring):
            leaf.persist = LOCAL_MACHINE


def system_backend() -> KeyringBackend:
    """The system's credential store, as keyring would choose it.

    To choose, keyring imports every backend it knows and asks each whether it works:
    on Linux that includes the macOS one, whose library lookup runs ``ldconfig`` (and
    ``gcc`` where installed), about 70 ms at each start. Where neither the user nor the
    administrator configured keyring (``PYTHON_KEYRING_BACKEND``, ``keyringrc.cfg``), a
    working Secret Service (GNOME Keyring, KWallet, KeePassXC) is what keyring would
    take on Linux: it is tried first; anything else goes through keyring's own choice.
    """
    import keyring  # noqa: PLC0415 - see above

    chosen = getattr(keyring.core, "_keyring_backend", None)
    if chosen is not None:  # already chosen, or set by the program (keyring.set_keyring)
        return keyring.get_keyring()
    if sys.platform.startswith("linux"):
        from keyring.core import load_config, load_env  # noqa: PLC0415

        configured = load_env() or load_config()
        if configured is not None:
            return configured
        try:
            from keyring.backends import SecretService  # noqa: PLC0415

            if SecretService.Keyring.priority > 0:  # raises where there is none
                backend: KeyringBackend = SecretService.Keyring()  # type: ignore[no-untyped-call]
                return backend
        except Exception as error:  # keyring reports an unusable backend so
            log.debug("no Secret Service: %s", type(error).__name__)
    return keyring.get_keyring()


class CredentialStore:
    """Secrets of this app in one keyring backend (by default the system's)."""

    def __init__(self, backend: KeyringBackend | None = None, service: str = SERVICE) -> None:
        self._backend = system_backend() if backend is None else backend
        self._service = service
        prefer_local_machine(self._backend)

    @property
    def backend(self) -> KeyringBackend:
        return self._backend

    @property
    def available(self) -> bool:
        """False when keyring found no usable backend at all."""
        from keyring.backends import fail  # noqa: PLC0415 - see above

        leaves = list(_leaves(self._backend))
        return bool(leaves) and not all(isinstance(leaf, fail.Keyring) for leaf in leaves)

    def save(self, entry: str, secret: str) -> KeyStorage:
        """Store a secret; ``NO_CREDENTIAL_STORE`` when the store does not work."""
        if not self.available:
            return KeyStorage.NO_CREDENTIAL_STORE
        try:
            self._backend.set_password(self._service, entry, secret)
        except _store_errors() as error:
            log.warning("credential store refused the key: %s", type(error).__name__)
            return KeyStorage.NO_CREDENTIAL_STORE
        return KeyStorage.REMEMBERED

    def load(self, entry: str) -> str | None:
        """The stored secret, or None; ``NoCredentialStore`` when the store does not work."""
        if not self.available:
            raise NoCredentialStore("no credential store: the password will be asked at each start")
        try:
            return self._backend.get_password(self._service, entry)
        except _store_errors() as error:
            raise NoCredentialStore(
                f"the credential store does not answer ({type(error).__name__}): "
                "the password will be asked at each start"
            ) from error

    def delete(self, entry: str) -> bool:
        """Remove a secret if present; False when absent or the store does not work."""
        if not self.available:
            return False
        from keyring.errors import PasswordDeleteError  # noqa: PLC0415 - see above

        try:
            self._backend.delete_password(self._service, entry)
        except PasswordDeleteError:
            return False
        except _store_errors() as error:
            log.warning("credential store did not delete the key: %s", type(error).__name__)
            return False
        return True
