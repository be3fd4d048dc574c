"""Wrapping the data key: AES-256-GCM under a key derived from a password or a secret.

Two wrapping keys, for two ways in:

- the password, through Argon2id (memory-hard: a stolen laptop's keyfile
  costs an attacker 64 MiB and three passes per guess);
- the server's ``device_secret``, 32 random bytes, through HKDF-SHA256 (no
  stretching needed for a random secret).

The associated data binds each wrapped key to its slot and profile, so a slot
copied from another profile or swapped between slots does not decrypt.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import unicodedata
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

__all__ = [
    "DEFAULT_ARGON2",
    "DEVICE_SECRET_BYTES",
    "SALT_BYTES",
    "Argon2Params",
    "Wrapped",
    "derive_device_key",
    "derive_password_key",
    "key_id",
    "unwrap",
    "wrap",
]

SALT_BYTES = 16
NONCE_BYTES = 12
WRAP_KEY_BYTES = 32
DEVICE_SECRET_BYTES = 32


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id cost parameters, stored beside the wrapped key they were used for.

    The default (64 MiB, 3 passes, 1 lane) is above OWASP's minimums for
    Argon2id (19 MiB with 2 passes, or 46 MiB with 1) and is RFC 9106's
    memory-constrained profile with one lane; it takes a fraction of a second
    on an office laptop, once per offline sign-in. Tests pass cheaper ones;
    production code never does.
    """

    memory_kib: int = 64 * 1024
    time_cost: int = 3
    parallelism: int = 1

    # Bounds for values read back from a keyfile: a tampered file must not make
    # sign-in allocate gigabytes or spin for minutes.
    MAX_MEMORY_KIB = 4 * 1024 * 1024
    MAX_TIME_COST = 64
    MAX_PARALLELISM = 16

    def __post_init__(self) -> None:
        if not 1 <= self.parallelism <= self.MAX_PARALLELISM:
            raise ValueError(f"argon2 parallelism out of range: {self.parallelism}")
        if not 8 * self.parallelism <= self.memory_kib <= self.MAX_MEMORY_KIB:
            raise ValueError(f"argon2 memory out of range: {self.memory_kib} KiB")
        if not 1 <= self.time_cost <= self.MAX_TIME_COST:
            raise ValueError(f"argon2 time cost out of range: {self.time_cost}")


DEFAULT_ARGON2 = Argon2Params()


def derive_password_key(password: str, salt: bytes, params: Argon2Params) -> bytes:
    """The 256-bit wrapping key of a password (NFC-normalised: typed the same, read the same)."""
    secret = unicodedata.normalize("NFC", password).encode("utf-8")
    return hash_secret_raw(
        secret=secret,
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=WRAP_KEY_BYTES,
        type=Type.ID,
    )


def derive_device_key(device_secret: bytes, salt: bytes) -> bytes:
    """The 256-bit wrapping key of the server's device secret (HKDF-SHA256)."""
    if len(device_secret) != DEVICE_SECRET_BYTES:
        raise ValueError("the device secret must be 32 bytes")
    return HKDF(
        algorithm=hashes.SHA256(),
        length=WRAP_KEY_BYTES,
        salt=salt,
        info=b"MinistryIntranet cache key wrap v1",
    ).derive(device_secret)


@dataclass(frozen=True)
class Wrapped:
    """A data key encrypted with AES-256-GCM: the nonce and ciphertext-with-tag."""

    nonce: bytes
    ciphertext: bytes


def wrap(wrapping_key: bytes, data_key: bytes, associated_data: bytes) -> Wrapped:
    nonce = os.urandom(NONCE_BYTES)
    return Wrapped(nonce, AESGCM(wrapping_key).encrypt(nonce, data_key, associated_data))


def unwrap(wrapping_key: bytes, wrapped: Wrapped, associated_data: bytes) -> bytes | None:
    """The data key, or None when the wrapping key (or the associated data) is wrong."""
    try:
        return AESGCM(wrapping_key).decrypt(wrapped.nonce, wrapped.ciphertext, associated_data)
    except InvalidTag:
        return None


def key_id(data_key: bytes) -> str:
    """A public fingerprint of the data key: tells a stale credential-store entry apart
    without trying it on the database. Reveals nothing usable (HMAC of a random key)."""
    return hmac.new(data_key, b"MinistryIntranet cache key id", hashlib.sha256).hexdigest()[:32]
