"""Signing in: the server's answer and the encrypted cache, put together.

Online sign-in asks the server, then opens (or creates) the cache with the device secret
it returned. Offline sign-in opens the cache with the password alone, within the policy's
grace period. A revoked device wipes the user's profile and enrols again as a new device.
"""

from __future__ import annotations

import json
import logging
import platform
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cache.errors import OfflineGraceExpired, PasswordRequired
from cache.keystore import CredentialStore, KeyStorage
from cache.meta import offline_grace_days, remember_allowed
from cache.private_files import make_private, private_folder, write_private
from cache.profile import Profile, default_profiles_root
from cache.schema import Catalog
from cache.session import CacheSession
from cache.vault import Vault
from client.api import ApiClient
from client.errors import DeviceRevoked
from client.policy import MachinePolicy
from client.sync import SyncEngine
from domains.catalog import CATALOG

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeviceIdentity:
    """Who this computer is to the server; not secret, kept beside the profiles."""

    device_id: str
    device_name: str

    @classmethod
    def load_or_create(cls, root: Path) -> DeviceIdentity:
        path = root / "device.json"
        make_private(path)  # written 0644 by older versions
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(str(data["device_id"]), str(data["device_name"]))
        except (OSError, ValueError, KeyError, TypeError):
            return cls.create(root)

    @classmethod
    def create(cls, root: Path) -> DeviceIdentity:
        private_folder(root, tighten=False)
        identity = cls(f"dev-{secrets.token_hex(16)}", (platform.node() or "Workstation")[:120])
        write_private(root / "device.json", json.dumps(identity.__dict__).encode("utf-8"))
        return identity


def refresh_entry(profile: Profile) -> str:
    return f"refresh-token:{profile.username}@{profile.server_url}"


@dataclass
class Session:
    """A signed-in user: the API (maybe unreachable now) and the open cache."""

    api: ApiClient
    cache: CacheSession
    profile: Profile
    vault: Vault
    credentials: CredentialStore
    offline: bool
    offline_registries: list[str] = field(default_factory=list)
    # The server had revoked this device: its offline data was removed and it enrolled anew.
    reenrolled: bool = False
    # The policy as the server sent it at this sign-in (None offline): the UI shows the
    # "remember me" choice next time only if the server allows it.
    server_policy: dict[str, Any] | None = None

    @property
    def user(self) -> dict[str, Any]:
        return self.cache.meta.user

    @property
    def policy(self) -> dict[str, Any]:
        return self.cache.meta.policy

    def sync_engine(self, **options: Any) -> SyncEngine:
        """An engine over this session's connection (build another one per thread)."""
        cache = self.cache
        return SyncEngine(
            self.api,
            cache.records,
            cache.outbox,
            cache.meta,
            offline_registries=lambda: cache.meta.offline_registries,
            **options,
        )

    def sign_out(self) -> None:
        """Plain sign-out: the server forgets this login; the cache stays for next time."""
        try:
            self.api.logout()
        except Exception as error:
            log.info("sign-out could not reach the server: %s", type(error).__name__)
        self.close()

    def wipe(self) -> None:
        """Sign out and remove offline data: the profile and its credential entries."""
        self.sign_out()
        wipe_profile(self.vault, self.credentials, self.profile)

    def close(self) -> None:
        self.cache.close()
        self.api.close()


def wipe_profile(vault: Vault, credentials: CredentialStore, profile: Profile) -> None:
    vault.wipe()
    credentials.delete(refresh_entry(profile))


def _token_sink(
    credentials: CredentialStore, profile: Profile, allowed: Callable[[], bool]
) -> Callable[[str | None], None]:
    """Keep the refresh token in the credential store when policy lets us remember."""

    def sink(token: str | None) -> None:
        entry = refresh_entry(profile)
        if token is None or not allowed():
            credentials.delete(entry)
            return
        if credentials.save(entry, token) is not KeyStorage.REMEMBERED:
            log.info("the refresh token is kept in memory only")

    return sink


@dataclass
class SignIn:
    """Everything a sign-in needs to know about where it happens."""

    server_url: str
    profile_dir: Path | None = None
    ca_bundle: Path | None = None
    credentials: CredentialStore = field(default_factory=CredentialStore)
    vault_options: dict[str, Any] = field(default_factory=dict)
    # The administrator's limits on this computer (shorter grace, no remembering).
    machine_policy: MachinePolicy = field(default_factory=MachinePolicy)
    # The collections of the cache: every domain's (passed down to the cache core).
    catalog: Catalog = CATALOG

    @property
    def root(self) -> Path:
        return self.profile_dir or default_profiles_root()

    def profile(self, username: str) -> Profile:
        return Profile.for_user(self.server_url, username, self.profile_dir)

    def vault(self, username: str) -> Vault:
        return Vault(
            self.profile(username),
            self.catalog,
            credentials=self.credentials,
            **self.vault_options,
        )

    def _api(self, profile: Profile, policy: dict[str, Any]) -> ApiClient:
        sink = _token_sink(self.credentials, profile, lambda: remember_allowed(policy))
        return ApiClient(self.server_url, ca_bundle=self.ca_bundle, token_sink=sink)

    def _effective(self, server_policy: dict[str, Any], remember: bool) -> dict[str, Any]:
        """The server's policy, limited by the administrator's and by the user's choice."""
        policy = self.machine_policy.limit(server_policy)
        if not remember:
            policy["remember_on_this_computer"] = False
        return policy

    def online(self, username: str, password: str, *, remember: bool = True) -> Session:
        """Ask the server; then open or create the cache. Raises client errors (wrong
        password, unreachable server) and cache errors. ``remember=False`` (the user's
        choice) keeps neither the key nor the refresh token in the credential store."""
        profile = self.profile(username)
        vault = self.vault(username)
        policy: dict[str, Any] = {}
        api = self._api(profile, policy)
        reenrolled = False
        try:
            device = DeviceIdentity.load_or_create(self.root)
            try:
                result = api.login(username, password, device.device_id, device.device_name)
            except DeviceRevoked:
                log.warning("this device was revoked: removing its offline data, enrolling anew")
                wipe_profile(vault, self.credentials, profile)
                device = DeviceIdentity.create(self.root)
                reenrolled = True
                result = api.login(username, password, device.device_id, device.device_name)
            policy.update(self._effective(result.policy, remember))
            cache = vault.sign_in_online(
                password=password,
                device_secret=result.device_secret,
                user=result.user,
                policy=policy,
            )
        except BaseException:
            api.close()
            raise
        # The token arrived before the policy did: keep it now that we know we may.
        _token_sink(self.credentials, profile, lambda: remember_allowed(policy))(
            result.refresh_token
        )
        return Session(
            api,
            cache,
            profile,
            vault,
            self.credentials,
            offline=False,
            reenrolled=reenrolled,
            server_policy=dict(result.policy),
        )

    def offline(self, username: str, password: str, *, remember: bool = True) -> Session:
        """Open the cache with the password alone (no server). The API is set up to
        resume from the stored refresh token when the network comes back."""
        profile = self.profile(username)
        vault = self.vault(username)
        cache = vault.unlock_offline(password)
        return self._resume(profile, vault, cache, remember=remember)

    def remembered(self, username: str) -> Session:
        """Open the cache with the key in the credential store: no password asked."""
        profile = self.profile(username)
        vault = self.vault(username)
        try:
            cache = vault.unlock_remembered()
        except PasswordRequired:
            raise
        return self._resume(profile, vault, cache)

    def _resume(
        self, profile: Profile, vault: Vault, cache: CacheSession, *, remember: bool = True
    ) -> Session:
        try:
            policy = self._effective(cache.meta.policy, remember)
            self._check_machine_grace(cache, policy)
        except BaseException:
            cache.close()
            raise
        api = self._api(profile, policy)
        try:
            token = self.credentials.load(refresh_entry(profile))
        except PasswordRequired:  # no working credential store: sign in online again
            token = None
        if token:
            api.resume(token)  # kept in memory for this run even if no longer remembered
        if not remember_allowed(policy):
            self.credentials.delete(profile.credential_entry)
            self.credentials.delete(refresh_entry(profile))
            cache.key_storage = KeyStorage.NOT_ALLOWED
        return Session(api, cache, profile, vault, self.credentials, offline=True)

    def _check_machine_grace(self, cache: CacheSession, policy: dict[str, Any]) -> None:
        """The cache enforces the grace it stored; a shorter one the administrator set
        since then is enforced here."""
        days = offline_grace_days(policy)
        if days >= offline_grace_days(cache.meta.policy):
            return
        last = cache.meta.last_server_contact
        if last is None or datetime.now(UTC) - last > timedelta(days=days):
            raise OfflineGraceExpired(days)
