"""Device secrets at rest: sealed with AES-256-GCM under a key derived from server.key.

The device secret lets a client open its offline cache without the password, so a copy
of the database (a backup, a PostgreSQL dump) must not give it away. Each secret is
stored as ``version || nonce || ciphertext+tag``, and the associated data binds it to
its (user, device) pair, so a sealed secret copied onto another row does not open.
Secrets that an older server stored in clear are sealed once, at start-up.
"""

from __future__ import annotations

import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Connection, func, select, update

from server.db import devices
from server.keys import ServerKeys

KEY_LABEL = "device-secret-v1"
SECRET_BYTES = 32
_VERSION = b"\x01"
_NONCE_BYTES = 12
SEALED_BYTES = len(_VERSION) + _NONCE_BYTES + SECRET_BYTES + 16


class DeviceSecretError(RuntimeError):
    """A stored device secret does not open: server.key is not the one that sealed it."""


class DeviceSecretBox:
    def __init__(self, keys: ServerKeys) -> None:
        self._aead = AESGCM(keys.derive(KEY_LABEL))

    @staticmethod
    def _bound_to(user_id: str, device_id: str) -> bytes:
        return f"{KEY_LABEL}\x00{user_id}\x00{device_id}".encode("utf-8", "surrogatepass")

    def seal(self, secret: bytes, *, user_id: str, device_id: str) -> bytes:
        nonce = secrets.token_bytes(_NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, secret, self._bound_to(user_id, device_id))
        return _VERSION + nonce + sealed

    def open(self, stored: bytes, *, user_id: str, device_id: str) -> bytes:
        if len(stored) != SEALED_BYTES or stored[:1] != _VERSION:
            raise DeviceSecretError("the stored device secret is not sealed")
        nonce, sealed = stored[1 : 1 + _NONCE_BYTES], stored[1 + _NONCE_BYTES :]
        try:
            return self._aead.decrypt(nonce, sealed, self._bound_to(user_id, device_id))
        except InvalidTag as error:
            raise DeviceSecretError("the device secret does not open with server.key") from error


def seal_clear_secrets(conn: Connection, box: DeviceSecretBox) -> int:
    """Seal the secrets an older server kept in clear; returns how many there were."""
    clear = conn.execute(
        select(devices.c.id, devices.c.user_id, devices.c.device_id, devices.c.secret).where(
            func.length(devices.c.secret) == SECRET_BYTES
        )
    ).all()
    for row in clear:
        sealed = box.seal(bytes(row.secret), user_id=row.user_id, device_id=row.device_id)
        conn.execute(update(devices).where(devices.c.id == row.id).values(secret=sealed))
    return len(clear)
