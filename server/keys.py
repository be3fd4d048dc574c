"""The server's own secret, kept beside its data, and the keys derived from it.

One random 32-byte master key lives in ``<data-dir>/server.key`` (mode 0600, created
on first start). Each use gets its own key derived with HMAC-SHA256 under a label, so
that signing cursors and wrapping device secrets never share a key. A copy of the
database alone (a backup, a PostgreSQL dump) therefore holds nothing that signs a
cursor or unwraps a device secret.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

KEY_FILE_NAME = "server.key"
_KEY_BYTES = 32


class ServerKeyError(RuntimeError):
    """The server key file exists but cannot be used."""


@dataclass(frozen=True)
class ServerKeys:
    master: bytes

    def derive(self, label: str) -> bytes:
        """A 32-byte key for one purpose (``label`` such as ``"cursor-v1"``)."""
        return hmac.new(self.master, label.encode("utf-8"), hashlib.sha256).digest()

    @classmethod
    def load_or_create(cls, data_dir: Path) -> ServerKeys:
        path = data_dir / KEY_FILE_NAME
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raw = secrets.token_bytes(_KEY_BYTES)
            data_dir.mkdir(parents=True, exist_ok=True)
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:  # another process made it first: use theirs
                return cls.load_or_create(data_dir)
            with os.fdopen(fd, "wb") as out:
                out.write(raw)
                out.flush()
                os.fsync(out.fileno())
        if len(raw) != _KEY_BYTES:
            raise ServerKeyError(f"{path} is not a {_KEY_BYTES}-byte server key")
        return cls(master=raw)
