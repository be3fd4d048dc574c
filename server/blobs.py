"""Content-addressed document bodies: ``blobs/ab/abcdef...`` named by their sha256."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO

from server.private_files import make_private_dir

CHUNK = 1 << 16


class BlobStore:
    """Folders are made 0700; files are 0600 because every one starts as a ``mkstemp``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.tmp = root / "tmp"
        make_private_dir(self.tmp)

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError("not a sha256 hex digest")
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put_bytes(self, data: bytes) -> tuple[str, int]:
        """Store ``data``; returns (sha256, size). Storing the same bytes twice is free."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path_for(digest)
        if not target.exists():
            with self.new_temp() as (handle, temp_path):
                handle.write(data)
            self.commit_temp(temp_path, digest)
        return digest, len(data)

    def new_temp(self) -> _TempBlob:
        return _TempBlob(self.tmp)

    def commit_temp(self, temp_path: Path, sha256: str) -> None:
        """Move a finished temporary file into place (atomic; a duplicate is dropped)."""
        target = self.path_for(sha256)
        make_private_dir(target.parent)
        if target.exists():
            temp_path.unlink(missing_ok=True)
        else:
            os.replace(temp_path, target)

    def open(self, sha256: str) -> BinaryIO:
        return self.path_for(sha256).open("rb")


class _TempBlob:
    """A temporary file in the store's own folder, removed unless it was committed."""

    def __init__(self, folder: Path) -> None:
        fd, name = tempfile.mkstemp(dir=folder, prefix="upload-")
        self.path = Path(name)
        self.handle: BinaryIO = os.fdopen(fd, "wb")

    def __enter__(self) -> tuple[BinaryIO, Path]:
        return self.handle, self.path

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.handle.close()
        if exc_type is not None:
            self.path.unlink(missing_ok=True)
