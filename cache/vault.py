"""Sign-in flows over one profile: where the data key comes from, and where it is kept.

The client calls these with what the server said (no network here):

- ``sign_in_online``: after a successful ``POST /auth/login``. Creates the
  profile the first time; later unlocks with the device secret (so a password
  changed elsewhere still works), re-wraps the key under the current
  password, restores a lost credential-store entry, records the contact.
- ``unlock_offline``: the password alone, while the last server contact is
  within the policy's grace period; each wrong password makes the next
  attempt wait longer.
- ``unlock_remembered``: at start, from the credential store, no password.
- ``wipe``: device revoked, or "sign out and remove offline data".

Plain sign-out is ``CacheSession.close()``.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .clock import Clock, Sleeper, real_sleep, utc_now
from .database import KEY_BYTES, is_plaintext_sqlite, open_database
from .errors import (
    CacheUnrecoverable,
    KeyfileDamaged,
    KeyNotRemembered,
    NoCredentialStore,
    OfflineGraceExpired,
    PlaintextCacheRefused,
    ProfileMismatch,
    ProfileNotFound,
    WrongKeyOrCorrupt,
    WrongPassword,
)
from .keyfile import DeviceSlot, Keyfile, PasswordSlot, associated_data
from .keystore import CredentialStore, KeyStorage
from .keywrap import (
    DEFAULT_ARGON2,
    SALT_BYTES,
    Argon2Params,
    derive_device_key,
    derive_password_key,
    key_id,
    unwrap,
    wrap,
)
from .meta import offline_grace_days, remember_allowed
from .profile import Profile
from .schema import Catalog
from .session import CacheSession

__all__ = ["Backoff", "Vault"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Backoff:
    """Wait before an offline attempt after ``n`` failures: 1, 2, 4, … seconds, capped."""

    base: float = 1.0
    cap: float = 30.0

    def delay(self, failures: int) -> float:
        if failures <= 0:
            return 0.0
        return float(min(self.cap, self.base * 2.0 ** min(failures - 1, 32)))


class Vault:
    """The sign-in flows of one profile.

    ``catalog``: the collections of the caches it opens (``domains.catalog.CATALOG``).
    ``credentials`` is the OS credential store (the system's keyring by
    default); ``kdf`` the Argon2id cost for new wraps (tests pass a cheap one);
    ``clock`` and ``sleeper`` let tests control time.
    """

    def __init__(
        self,
        profile: Profile,
        catalog: Catalog,
        *,
        credentials: CredentialStore | None = None,
        kdf: Argon2Params = DEFAULT_ARGON2,
        clock: Clock = utc_now,
        sleeper: Sleeper = real_sleep,
        backoff: Backoff | None = None,
    ) -> None:
        self.profile = profile
        self._catalog = catalog
        self._credentials = CredentialStore() if credentials is None else credentials
        self._kdf = kdf
        self._clock = clock
        self._sleep = sleeper
        self._backoff = Backoff() if backoff is None else backoff

    def has_offline_data(self) -> bool:
        """Whether this user has a cache here (offline sign-in may be possible)."""
        return self.profile.keyfile_path.exists()

    # --- online ----------------------------------------------------------------------

    def sign_in_online(
        self,
        *,
        password: str,
        device_secret: bytes,
        user: Mapping[str, Any],
        policy: Mapping[str, Any],
    ) -> CacheSession:
        """After the server accepted the password: open (or create) the cache.

        ``device_secret`` is the 32 bytes from the login answer (decoded from
        base64; never stored). Raises ``CacheUnrecoverable`` when an existing
        keyfile opens with nothing (the UI offers ``wipe``), and the errors of
        ``open_database``.
        """
        self._refuse_plaintext()
        now = self._clock()
        self.profile.ensure_folder()
        keyfile = self._keyfile_or_none(damaged_is_lost=True)
        if keyfile is not None:
            key = self._key_for_online(keyfile, password, device_secret)
        else:
            key = self._recover_or_new_key()
        # A new keyfile first: the key is never in a database without a wrapped copy.
        new_keyfile = self._wrap(key, password, device_secret)
        if keyfile is None:
            new_keyfile.save(self.profile.keyfile_path)
        db = open_database(self.profile.db_path, key, create=True)
        try:
            if keyfile is not None:
                new_keyfile.save(self.profile.keyfile_path)  # re-wrapped, counter reset
            session = CacheSession(
                db, self._catalog, self.profile, key, KeyStorage.NOT_ALLOWED, self._clock
            )
            session.meta.record_sign_in(
                server_url=self.profile.server_url, user=user, policy=policy
            )
            session.touch_server_contact(now, policy)
            session.key_storage = self._remember(key, policy)
        except BaseException:
            db.close()
            raise
        return session

    def _key_for_online(self, keyfile: Keyfile, password: str, device_secret: bytes) -> bytes:
        """Device secret first (cheap, survives a password change), then the store, then
        the password (the server just accepted it)."""
        device_key = derive_device_key(device_secret, keyfile.device.salt)
        key = unwrap(device_key, keyfile.device.wrapped, keyfile.associated_data("device"))
        if key is None:
            with contextlib.suppress(NoCredentialStore):
                key = self._stored_key(keyfile.key_id)
        if key is None:
            key = self._unwrap_password(keyfile, password)
        if key is None or key_id(key) != keyfile.key_id:
            raise CacheUnrecoverable(
                "the offline data cannot be opened with this device or password"
            )
        return key

    def _recover_or_new_key(self) -> bytes:
        """No keyfile: the credential store may still hold the key of an existing cache;
        otherwise the cache (if any) is unreadable by anyone and is replaced."""
        has_database = any(path.exists() for path in self.profile.database_files())
        if has_database:
            with contextlib.suppress(NoCredentialStore, ValueError):
                secret = self._credentials.load(self.profile.credential_entry)
                if secret is not None:
                    key = bytes.fromhex(secret)
                    if self._opens(key):
                        return key
            log.warning("removing an offline cache whose key is lost")
            for path in self.profile.database_files():
                path.unlink(missing_ok=True)
        return secrets.token_bytes(KEY_BYTES)

    def _opens(self, key: bytes) -> bool:
        try:
            open_database(self.profile.db_path, key).close()
        except (WrongKeyOrCorrupt, ValueError):
            return False
        return True

    def _wrap(self, key: bytes, password: str, device_secret: bytes) -> Keyfile:
        """A fresh keyfile: new salts and nonces, current KDF cost, counter at zero."""
        server_url, username = self.profile.server_url, self.profile.username
        password_salt = secrets.token_bytes(SALT_BYTES)
        device_salt = secrets.token_bytes(SALT_BYTES)
        password_key = derive_password_key(password, password_salt, self._kdf)
        device_key = derive_device_key(device_secret, device_salt)
        password_ad = associated_data(server_url, username, "password")
        device_ad = associated_data(server_url, username, "device")
        return Keyfile(
            server_url=server_url,
            username=username,
            key_id=key_id(key),
            password=PasswordSlot(password_salt, self._kdf, wrap(password_key, key, password_ad)),
            device=DeviceSlot(device_salt, wrap(device_key, key, device_ad)),
        )

    # --- offline ----------------------------------------------------------------------

    def offline_delay(self) -> float:
        """Seconds the next offline attempt will wait (for the UI's countdown)."""
        try:
            keyfile = self._keyfile_or_none()
        except KeyfileDamaged:
            return 0.0
        return 0.0 if keyfile is None else self._remaining_delay(keyfile)

    def _remaining_delay(self, keyfile: Keyfile) -> float:
        delay = self._backoff.delay(keyfile.failed_attempts)
        if delay == 0.0 or keyfile.last_failure_at is None:
            return delay
        elapsed = (self._clock() - keyfile.last_failure_at).total_seconds()
        return min(delay, max(0.0, delay - elapsed))  # a clock turned back waits the full delay

    def unlock_offline(self, password: str) -> CacheSession:
        """Open the cache with the password alone (no server).

        Waits first if earlier attempts failed. Raises ``WrongPassword`` (with
        the next delay), ``OfflineGraceExpired`` ("go online first"),
        ``ProfileNotFound``.
        """
        self._refuse_plaintext()
        keyfile = self._require_keyfile()
        self._sleep(self._remaining_delay(keyfile))
        # Count the attempt before trying it: killing the app mid-attempt does not reset it.
        failures = keyfile.failed_attempts + 1
        keyfile.with_failures(failures, self._clock()).save(self.profile.keyfile_path)
        key = self._unwrap_password(keyfile, password)
        if key is None or key_id(key) != keyfile.key_id:
            raise WrongPassword(failures, self._backoff.delay(failures))
        keyfile.with_failures(0, None).save(self.profile.keyfile_path)
        session = self._open_within_grace(key, server_contact_at=None)
        try:
            session.key_storage = self._remember(key, session.meta.policy)
        except BaseException:
            session.close()
            raise
        return session

    def verify_password(self, password: str) -> bool:
        """Whether ``password`` opens this profile's key: the idle lock's check.

        Costs one Argon2id derivation (call it off the GUI thread); changes nothing on
        disk (the lock's caller slows repeated failures down itself).
        """
        keyfile = self._require_keyfile()
        key = self._unwrap_password(keyfile, password)
        return key is not None and key_id(key) == keyfile.key_id

    def _unwrap_password(self, keyfile: Keyfile, password: str) -> bytes | None:
        slot = keyfile.password
        password_key = derive_password_key(password, slot.salt, slot.params)
        return unwrap(password_key, slot.wrapped, keyfile.associated_data("password"))

    # --- remembered ---------------------------------------------------------------------

    def unlock_remembered(self, *, server_contact_at: datetime | None = None) -> CacheSession:
        """Open the cache with the key from the credential store (no password).

        Raises ``NoCredentialStore`` or ``KeyNotRemembered`` (both
        ``PasswordRequired``: ask for the password), ``ProfileNotFound``, and
        ``OfflineGraceExpired`` unless the server was reached just now (the
        client passes ``server_contact_at`` after a successful token refresh).
        """
        self._refuse_plaintext()
        keyfile = self._require_keyfile()
        key = self._stored_key(keyfile.key_id)
        if key is None:
            raise KeyNotRemembered("the key of this cache is not remembered on this computer")
        session = self._open_within_grace(key, server_contact_at=server_contact_at)
        if not remember_allowed(session.meta.policy):
            session.close()
            self._credentials.delete(self.profile.credential_entry)
            raise KeyNotRemembered("policy does not allow remembering the key on this computer")
        session.key_storage = KeyStorage.REMEMBERED
        return session

    def _stored_key(self, expected_id: str) -> bytes | None:
        """The key in the credential store if it is this cache's; a stale one is removed."""
        secret = self._credentials.load(self.profile.credential_entry)
        if secret is None:
            return None
        try:
            key = bytes.fromhex(secret)
        except ValueError:
            key = b""
        if len(key) != KEY_BYTES or key_id(key) != expected_id:
            self._credentials.delete(self.profile.credential_entry)
            return None
        return key

    def _remember(self, key: bytes, policy: Mapping[str, Any]) -> KeyStorage:
        """Keep the key in the credential store if policy allows (restoring a lost entry)."""
        entry = self.profile.credential_entry
        if not remember_allowed(policy):
            self._credentials.delete(entry)
            return KeyStorage.NOT_ALLOWED
        try:
            if self._credentials.load(entry) == key.hex():
                return KeyStorage.REMEMBERED
        except NoCredentialStore:
            return KeyStorage.NO_CREDENTIAL_STORE
        return self._credentials.save(entry, key.hex())

    # --- common -------------------------------------------------------------------------

    def _open_within_grace(self, key: bytes, *, server_contact_at: datetime | None) -> CacheSession:
        db = open_database(self.profile.db_path, key)
        session = CacheSession(
            db, self._catalog, self.profile, key, KeyStorage.NOT_ALLOWED, self._clock
        )
        try:
            if server_contact_at is not None:
                session.touch_server_contact(server_contact_at)
            if not session.meta.offline_allowed(self._clock()):
                raise OfflineGraceExpired(offline_grace_days(session.meta.policy))
        except BaseException:
            session.close()
            raise
        return session

    def _refuse_plaintext(self) -> None:
        if is_plaintext_sqlite(self.profile.db_path):
            raise PlaintextCacheRefused(
                f"an unencrypted SQLite file is in the way: {self.profile.db_path}"
            )

    def _keyfile_or_none(self, *, damaged_is_lost: bool = False) -> Keyfile | None:
        """The keyfile, or None. Online, a damaged one counts as lost (the credential
        store or a new cache recover); offline it is ``KeyfileDamaged``."""
        try:
            keyfile = Keyfile.load(self.profile.keyfile_path)
        except KeyfileDamaged as error:
            if not damaged_is_lost:
                raise
            log.warning("ignoring a damaged keyfile: %s", error)
            return None
        if keyfile is not None and (
            keyfile.server_url != self.profile.server_url
            or keyfile.username != self.profile.username
        ):
            raise ProfileMismatch("the keyfile in this profile folder belongs to another profile")
        return keyfile

    def _require_keyfile(self) -> Keyfile:
        keyfile = self._keyfile_or_none()
        if keyfile is None:
            raise ProfileNotFound("no offline data for this user here: sign in online first")
        return keyfile

    # --- removal ----------------------------------------------------------------------

    def wipe(self) -> None:
        """Delete the profile folder and its credential-store entry.

        For ``device_revoked`` and "sign out and remove offline data". Close
        every ``CacheSession`` first (Windows cannot delete open files). The
        key goes first (store entry, then keyfile), so even if a file cannot
        be removed what is left is unreadable.
        """
        self._credentials.delete(self.profile.credential_entry)
        self.profile.keyfile_path.unlink(missing_ok=True)
        if self.profile.folder.exists():
            shutil.rmtree(self.profile.folder)
