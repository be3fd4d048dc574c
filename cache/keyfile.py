"""The keyfile: the data key wrapped twice, and the offline-attempt counter, as JSON.

It holds only ciphertext, salts, KDF parameters, the key's public fingerprint,
the profile's username and server URL, and the failure counter; never the
key itself. Written atomically (temporary file, fsync, rename), so a crash
leaves the old or the new keyfile, never half of one.

Format (version 1)::

    {"format": "ministry-intranet-keyfile", "version": 1,
     "server_url": "https://intranet.health.gov.az", "username": "aliyev.r",
     "key_id": "<32 hex>",
     "password": {"kdf": "argon2id", "memory_kib": 65536, "time_cost": 3,
                  "parallelism": 1, "salt": "<b64>", "nonce": "<b64>",
                  "ciphertext": "<b64>"},
     "device": {"kdf": "hkdf-sha256", "salt": "<b64>", "nonce": "<b64>",
                "ciphertext": "<b64>"},
     "failed_attempts": 0, "last_failure_at": null}
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import os
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from .errors import CacheTooNew, KeyfileDamaged
from .keywrap import Argon2Params, Wrapped
from .private_files import make_private

__all__ = ["FORMAT", "VERSION", "DeviceSlot", "Keyfile", "PasswordSlot", "associated_data"]

FORMAT = "ministry-intranet-keyfile"
VERSION = 1


@dataclass(frozen=True)
class PasswordSlot:
    salt: bytes
    params: Argon2Params
    wrapped: Wrapped


@dataclass(frozen=True)
class DeviceSlot:
    salt: bytes
    wrapped: Wrapped


def associated_data(server_url: str, username: str, slot: str) -> bytes:
    """What a wrapped key is bound to: format, slot and profile."""
    return f"{FORMAT}/{VERSION}/{slot}/{server_url}/{username}".encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: Any) -> bytes:
    if not isinstance(value, str):
        raise KeyfileDamaged("expected base64 text")
    try:
        return base64.b64decode(value, validate=True)
    except binascii.Error as error:
        raise KeyfileDamaged("invalid base64") from error


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise KeyfileDamaged("expected an integer")
    return value


@dataclass(frozen=True)
class Keyfile:
    """The parsed keyfile of one profile."""

    server_url: str
    username: str
    key_id: str
    password: PasswordSlot
    device: DeviceSlot
    failed_attempts: int = 0
    last_failure_at: datetime | None = None

    def associated_data(self, slot: str) -> bytes:
        return associated_data(self.server_url, self.username, slot)

    def with_failures(self, count: int, at: datetime | None) -> Keyfile:
        return replace(self, failed_attempts=count, last_failure_at=at)

    def to_json(self) -> dict[str, Any]:
        params = self.password.params
        return {
            "format": FORMAT,
            "version": VERSION,
            "server_url": self.server_url,
            "username": self.username,
            "key_id": self.key_id,
            "password": {
                "kdf": "argon2id",
                "memory_kib": params.memory_kib,
                "time_cost": params.time_cost,
                "parallelism": params.parallelism,
                "salt": _b64(self.password.salt),
                "nonce": _b64(self.password.wrapped.nonce),
                "ciphertext": _b64(self.password.wrapped.ciphertext),
            },
            "device": {
                "kdf": "hkdf-sha256",
                "salt": _b64(self.device.salt),
                "nonce": _b64(self.device.wrapped.nonce),
                "ciphertext": _b64(self.device.wrapped.ciphertext),
            },
            "failed_attempts": self.failed_attempts,
            "last_failure_at": (
                None if self.last_failure_at is None else self.last_failure_at.isoformat()
            ),
        }

    @classmethod
    def from_json(cls, data: Any) -> Keyfile:
        try:
            if data.get("format") != FORMAT:
                raise KeyfileDamaged("not a keyfile")
            version = data.get("version")
            if isinstance(version, int) and version > VERSION:
                raise CacheTooNew(version, VERSION, "keyfile")
            if version != VERSION:
                raise KeyfileDamaged(f"unknown keyfile version {version!r}")
            pw, dev = data["password"], data["device"]
            if pw.get("kdf") != "argon2id" or dev.get("kdf") != "hkdf-sha256":
                raise KeyfileDamaged("unknown key derivation")
            params = Argon2Params(
                memory_kib=_int(pw["memory_kib"]),
                time_cost=_int(pw["time_cost"]),
                parallelism=_int(pw["parallelism"]),
            )
            failure_at = data.get("last_failure_at")
            return cls(
                server_url=str(data["server_url"]),
                username=str(data["username"]),
                key_id=str(data["key_id"]),
                password=PasswordSlot(
                    _unb64(pw["salt"]),
                    params,
                    Wrapped(_unb64(pw["nonce"]), _unb64(pw["ciphertext"])),
                ),
                device=DeviceSlot(
                    _unb64(dev["salt"]), Wrapped(_unb64(dev["nonce"]), _unb64(dev["ciphertext"]))
                ),
                failed_attempts=max(0, _int(data.get("failed_attempts", 0))),
                last_failure_at=None if failure_at is None else datetime.fromisoformat(failure_at),
            )
        except KeyfileDamaged:
            raise
        except (AttributeError, KeyError, TypeError, ValueError) as error:
            raise KeyfileDamaged(f"malformed keyfile: {error!r}") from error

    @classmethod
    def load(cls, path: Path) -> Keyfile | None:
        """The keyfile at ``path``, None if there is none, ``KeyfileDamaged`` if unreadable."""
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise KeyfileDamaged("the keyfile is not JSON") from error
        return cls.from_json(data)

    def save(self, path: Path) -> None:
        """Write atomically: the old keyfile stays whole until the new one is on disk."""
        temporary = path.with_name(path.name + ".tmp")
        data = json.dumps(self.to_json(), indent=2).encode("utf-8")
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
        descriptor = os.open(temporary, flags, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            make_private(temporary)  # a .tmp left by a crash keeps its mode under O_CREAT
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
            raise
        _fsync_directory(path.parent)


def _fsync_directory(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
