"""Sign-in flows against the real keyring (gnome-keyring through scripts/test)."""

from __future__ import annotations

import base64
import json
import sqlite3
from datetime import timedelta
from typing import Any

import keyring
import pytest
from keyring.backends import fail

from cache import (
    CacheTooNew,
    CacheUnrecoverable,
    KeyfileDamaged,
    KeyNotRemembered,
    KeyStorage,
    NoCredentialStore,
    OfflineGraceExpired,
    PasswordRequired,
    PlaintextCacheRefused,
    Profile,
    ProfileMismatch,
    ProfileNotFound,
    Vault,
    WrongPassword,
)
from cache.keystore import SERVICE
from cache.keywrap import DEFAULT_ARGON2, key_id

from .conftest import DEVICE_SECRET, POLICY, USER, FakeClock, MakeVault, RecordingSleeper, person

NEW_DEVICE_SECRET = bytes(reversed(range(32)))


def _sign_in(vault: Vault, password: str = "pw-1", **overrides: Any) -> Any:  # noqa: S107
    options: dict[str, Any] = {
        "password": password,
        "device_secret": DEVICE_SECRET,
        "user": USER,
        "policy": POLICY,
    }
    options.update(overrides)
    return vault.sign_in_online(**options)


def _stored_key(profile: Profile) -> str | None:
    return keyring.get_password(SERVICE, profile.credential_entry)


def _keyfile(profile: Profile) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(profile.keyfile_path.read_text())
    return data


# --- first sign-in, keyring, wipe -----------------------------------------------------------


@pytest.mark.usefixtures("secret_service")
def test_first_sign_in_creates_profile_and_remembers_key(
    make_vault: MakeVault, profile: Profile
) -> None:
    session = _sign_in(make_vault())
    assert session.key_storage is KeyStorage.REMEMBERED
    key_hex = _stored_key(profile)
    assert key_hex is not None and len(key_hex) == 64
    key = bytes.fromhex(key_hex)
    assert session.meta.user == USER
    assert session.meta.policy == POLICY
    assert session.meta.server_url == profile.server_url
    session.close()

    keyfile_text = profile.keyfile_path.read_text()
    keyfile = json.loads(keyfile_text)
    assert keyfile["username"] == profile.username
    assert keyfile["key_id"] == key_id(key)
    for form in (key.hex(), key.hex().upper(), base64.b64encode(key).decode()):
        assert form not in keyfile_text  # never the raw key
    assert keyfile["password"]["kdf"] == "argon2id"
    assert sorted(path.name for path in profile.folder.iterdir()) == ["cache.db", "keyfile.json"]


def test_production_kdf_is_at_least_owasp_minimum() -> None:
    assert DEFAULT_ARGON2.memory_kib >= 64 * 1024
    assert DEFAULT_ARGON2.time_cost >= 3
    assert DEFAULT_ARGON2.parallelism >= 1


@pytest.mark.usefixtures("secret_service")
def test_unlock_remembered_round_trip(make_vault: MakeVault) -> None:
    vault = make_vault()
    session = _sign_in(vault)
    session.records.apply_page("people", [person("p1", "Həsənov", "Elçin")], [], "c1")
    session.close()

    reopened = make_vault().unlock_remembered()
    assert reopened.key_storage is KeyStorage.REMEMBERED
    assert reopened.records.get("people", "p1") is not None
    reopened.close()


@pytest.mark.usefixtures("secret_service")
def test_wipe_removes_folder_and_keyring_entry(make_vault: MakeVault, profile: Profile) -> None:
    vault = make_vault()
    _sign_in(vault).close()
    assert _stored_key(profile) is not None
    vault.wipe()
    assert _stored_key(profile) is None
    assert not profile.folder.exists()
    with pytest.raises(ProfileNotFound):
        vault.unlock_offline("pw-1")


@pytest.mark.usefixtures("secret_service")
def test_sign_out_keeps_everything(make_vault: MakeVault, profile: Profile) -> None:
    session = _sign_in(make_vault())
    session.close()
    assert session.closed
    assert profile.db_path.exists() and profile.keyfile_path.exists()
    assert _stored_key(profile) is not None


@pytest.mark.usefixtures("secret_service")
def test_remember_false_stores_nothing_in_keyring(make_vault: MakeVault, profile: Profile) -> None:
    policy = {**POLICY, "remember_on_this_computer": False}
    session = _sign_in(make_vault(), policy=policy)
    assert session.key_storage is KeyStorage.NOT_ALLOWED
    session.close()
    assert _stored_key(profile) is None
    with pytest.raises(KeyNotRemembered):
        make_vault().unlock_remembered()


@pytest.mark.usefixtures("secret_service")
def test_policy_turning_remember_off_removes_the_entry(
    make_vault: MakeVault, profile: Profile
) -> None:
    _sign_in(make_vault()).close()
    assert _stored_key(profile) is not None
    policy = {**POLICY, "remember_on_this_computer": False}
    _sign_in(make_vault(), policy=policy).close()
    assert _stored_key(profile) is None


@pytest.mark.usefixtures("secret_service")
def test_remembered_unlock_obeys_a_policy_received_later(
    make_vault: MakeVault, profile: Profile
) -> None:
    session = _sign_in(make_vault())
    session.touch_server_contact(policy={**POLICY, "remember_on_this_computer": False})
    session.close()
    with pytest.raises(KeyNotRemembered):
        make_vault().unlock_remembered()
    assert _stored_key(profile) is None


@pytest.mark.usefixtures("secret_service")
def test_stale_keyring_entry_is_ignored_and_removed(
    make_vault: MakeVault, profile: Profile
) -> None:
    _sign_in(make_vault()).close()
    keyring.set_password(SERVICE, profile.credential_entry, "ab" * 32)  # another key
    with pytest.raises(KeyNotRemembered):
        make_vault().unlock_remembered()
    assert _stored_key(profile) is None


# --- online sign-in on an existing profile ------------------------------------------------------


@pytest.mark.usefixtures("secret_service")
def test_password_changed_elsewhere_is_rewrapped_after_device_unlock(
    make_vault: MakeVault, profile: Profile
) -> None:
    policy = {**POLICY, "remember_on_this_computer": False}  # only device or password
    first = _sign_in(make_vault(), "old-password", policy=policy)
    first.outbox.enqueue("POST", "/bookings", body={"title": "x"})
    first.close()

    # The password was changed on another computer; the server accepted the new one.
    second = _sign_in(make_vault(), "new-password", policy=policy)
    assert len(second.outbox.pending()) == 1  # no queued edit lost
    second.close()

    make_vault().unlock_offline("new-password").close()
    with pytest.raises(WrongPassword):
        make_vault().unlock_offline("old-password")


@pytest.mark.usefixtures("secret_service")
def test_new_device_secret_falls_back_to_keyring_then_password(
    make_vault: MakeVault, profile: Profile
) -> None:
    _sign_in(make_vault()).close()
    # Device re-registered: a new secret, the key still comes from the keyring.
    _sign_in(make_vault(), device_secret=NEW_DEVICE_SECRET).close()
    # And with the keyring entry gone, from the password the server just accepted.
    keyring.delete_password(SERVICE, profile.credential_entry)
    session = _sign_in(make_vault(), device_secret=bytes(32))
    assert session.key_storage is KeyStorage.REMEMBERED  # restored
    session.close()
    assert _stored_key(profile) is not None


@pytest.mark.usefixtures("secret_service")
def test_lost_keyring_entry_is_restored_by_online_sign_in(
    make_vault: MakeVault, profile: Profile
) -> None:
    _sign_in(make_vault()).close()
    key_hex = _stored_key(profile)
    keyring.delete_password(SERVICE, profile.credential_entry)
    with pytest.raises(KeyNotRemembered):
        make_vault().unlock_remembered()
    _sign_in(make_vault()).close()
    assert _stored_key(profile) == key_hex


@pytest.mark.usefixtures("secret_service")
def test_nothing_opens_the_key_is_unrecoverable_and_changes_nothing(
    make_vault: MakeVault, profile: Profile
) -> None:
    policy = {**POLICY, "remember_on_this_computer": False}
    _sign_in(make_vault(), policy=policy).close()
    before = {path.name: path.read_bytes() for path in profile.folder.iterdir()}
    with pytest.raises(CacheUnrecoverable):
        _sign_in(make_vault(), "other", device_secret=NEW_DEVICE_SECRET, policy=policy)
    assert {path.name: path.read_bytes() for path in profile.folder.iterdir()} == before


@pytest.mark.usefixtures("secret_service")
def test_damaged_keyfile_recovers_online_from_keyring(
    make_vault: MakeVault, profile: Profile
) -> None:
    session = _sign_in(make_vault())
    session.records.apply_page("people", [person("p1", "Quliyev", "Anar")], [], "c1")
    session.close()
    profile.keyfile_path.write_text("{ not json")
    with pytest.raises(KeyfileDamaged):
        make_vault().unlock_offline("pw-1")
    recovered = _sign_in(make_vault())
    assert recovered.records.get("people", "p1") is not None  # same cache, same key
    recovered.close()
    make_vault().unlock_offline("pw-1").close()


@pytest.mark.usefixtures("secret_service")
def test_keyfile_from_newer_app_is_refused(make_vault: MakeVault, profile: Profile) -> None:
    _sign_in(make_vault()).close()
    data = _keyfile(profile)
    data["version"] = 2
    profile.keyfile_path.write_text(json.dumps(data))
    before = profile.db_path.read_bytes()
    with pytest.raises(CacheTooNew):
        _sign_in(make_vault())
    assert profile.db_path.read_bytes() == before


@pytest.mark.usefixtures("secret_service")
def test_keyfile_of_another_profile_is_refused(make_vault: MakeVault, profile: Profile) -> None:
    _sign_in(make_vault()).close()
    data = _keyfile(profile)
    data["username"] = "someone-else"
    profile.keyfile_path.write_text(json.dumps(data))
    with pytest.raises(ProfileMismatch):
        make_vault().unlock_offline("pw-1")


@pytest.mark.usefixtures("secret_service")
def test_plaintext_cache_in_the_way_is_refused_not_overwritten(
    make_vault: MakeVault, profile: Profile
) -> None:
    profile.ensure_folder()
    plain = sqlite3.connect(profile.db_path)
    plain.execute("CREATE TABLE t (x)")
    plain.commit()
    plain.close()
    before = profile.db_path.read_bytes()
    with pytest.raises(PlaintextCacheRefused):
        _sign_in(make_vault())
    assert profile.db_path.read_bytes() == before
    assert not profile.keyfile_path.exists()


# --- offline ------------------------------------------------------------------------------------


@pytest.mark.usefixtures("secret_service")
def test_offline_unlock_within_grace_only(
    make_vault: MakeVault, clock: FakeClock, profile: Profile
) -> None:
    _sign_in(make_vault()).close()  # grace: 7 days
    clock.advance(days=6, hours=23)
    session = make_vault().unlock_offline("pw-1")
    assert session.key_storage is KeyStorage.REMEMBERED
    session.close()

    clock.advance(hours=2)  # 7 days and 1 hour after the last contact
    with pytest.raises(OfflineGraceExpired, match="online first"):
        make_vault().unlock_offline("pw-1")
    with pytest.raises(OfflineGraceExpired):
        make_vault().unlock_remembered()
    # A token refresh that just reached the server counts as contact.
    make_vault().unlock_remembered(server_contact_at=clock.now).close()
    make_vault().unlock_offline("pw-1").close()


@pytest.mark.usefixtures("secret_service")
def test_online_sign_in_renews_grace(make_vault: MakeVault, clock: FakeClock) -> None:
    _sign_in(make_vault()).close()
    clock.advance(days=30)
    with pytest.raises(OfflineGraceExpired):
        make_vault().unlock_offline("pw-1")
    _sign_in(make_vault()).close()
    clock.advance(days=1)
    make_vault().unlock_offline("pw-1").close()


@pytest.mark.usefixtures("secret_service")
def test_clock_turned_back_does_not_extend_grace(make_vault: MakeVault, clock: FakeClock) -> None:
    _sign_in(make_vault()).close()
    clock.now -= timedelta(days=3)
    with pytest.raises(OfflineGraceExpired):
        make_vault().unlock_offline("pw-1")


@pytest.mark.usefixtures("secret_service")
def test_wrong_offline_password_delay_grows_and_right_one_resets(
    make_vault: MakeVault, clock: FakeClock, sleeper: RecordingSleeper
) -> None:
    _sign_in(make_vault()).close()
    delays = []
    for _ in range(8):
        with pytest.raises(WrongPassword) as raised:
            make_vault().unlock_offline("guess")  # a new Vault: the counter is on disk
        delays.append(raised.value.next_delay)
    assert delays == [1, 2, 4, 8, 16, 30, 30, 30]
    assert sleeper.waits == [0, 1, 2, 4, 8, 16, 30, 30]  # enforced before each attempt
    assert make_vault().offline_delay() == 30

    clock.advance(seconds=12)  # time spent reading the message counts
    assert make_vault().offline_delay() == 18
    make_vault().unlock_offline("pw-1").close()
    assert sleeper.waits[-1] == 18
    assert make_vault().offline_delay() == 0

    with pytest.raises(WrongPassword) as raised:
        make_vault().unlock_offline("guess")
    assert raised.value.failures == 1
    assert sleeper.waits[-1] == 0


@pytest.mark.usefixtures("secret_service")
def test_attempt_is_counted_before_it_is_tried(
    make_vault: MakeVault, profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killing the app during the slow check must not reset the counter."""
    _sign_in(make_vault()).close()

    def killed(*args: object) -> bytes:
        raise KeyboardInterrupt  # the app is killed during the key derivation

    monkeypatch.setattr("cache.vault.derive_password_key", killed)
    with pytest.raises(KeyboardInterrupt):
        make_vault().unlock_offline("guess")
    assert _keyfile(profile)["failed_attempts"] == 1


# --- no credential store ---------------------------------------------------------------------


@pytest.fixture
def no_keyring() -> Any:
    """keyring's own fail backend, as on a machine without any credential store."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.mark.usefixtures("no_keyring")
def test_without_credential_store_password_only(make_vault: MakeVault, profile: Profile) -> None:
    vault = make_vault()  # CredentialStore() picks keyring's current backend: fail
    session = _sign_in(vault)
    assert session.key_storage is KeyStorage.NO_CREDENTIAL_STORE
    key = session._key
    assert key is not None
    session.close()

    with pytest.raises(NoCredentialStore, match="asked at each start") as raised:
        make_vault().unlock_remembered()
    assert isinstance(raised.value, PasswordRequired)
    offline = make_vault().unlock_offline("pw-1")
    assert offline.key_storage is KeyStorage.NO_CREDENTIAL_STORE
    offline.close()
    # Nothing but the keyfile and the encrypted cache: the key went to no file.
    assert sorted(path.name for path in profile.folder.iterdir()) == ["cache.db", "keyfile.json"]
    for path in profile.folder.iterdir():
        data = path.read_bytes()
        for form in (key, key.hex().encode(), base64.b64encode(key)):
            assert form not in data, path.name
    vault.wipe()
    assert not profile.folder.exists()


@pytest.mark.usefixtures("secret_service")
def test_nothing_readable_anywhere_in_the_profile(make_vault: MakeVault, profile: Profile) -> None:
    session = _sign_in(make_vault())
    name, mail = "Şıxəliyeva Gülbəniz", "gulbeniz.shikhaliyeva@health.gov.az"
    people = [person(f"p{n}", "Şıxəliyeva", "Gülbəniz", email=mail) for n in range(200)]
    session.records.apply_page("people", people, [], "c1")

    def assert_unreadable() -> None:
        for path in profile.folder.iterdir():
            data = path.read_bytes()
            assert not data.startswith(b"SQLite format 3\x00"), path.name
            for needle in (name, "Gülbəniz", mail, "shikhaliyeva", "gulbeniz", "sixeliyeva"):
                for encoding in ("utf-8", "utf-16-le"):
                    assert needle.encode(encoding) not in data, (path.name, needle)

    names = {path.name for path in profile.folder.iterdir()}
    assert {"cache.db", "cache.db-wal", "cache.db-shm", "keyfile.json"} <= names
    assert_unreadable()
    session.close()
    assert_unreadable()
