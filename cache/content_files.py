"""Document content on disk, encrypted under the cache key: never a plaintext byte.

The cache database holds the records; a document's bytes (a 20 MB PDF) live beside it
in ``<profile>/content/``, one file per distinct content, so that a download can resume
and a version uploaded from here is already the cached copy of that version.

- A file is named by an HMAC of its SHA-256 under the content key: the same bytes have
  one file, and the names tell nothing of which (known) document is kept.
- The bytes are AES-256-GCM in chunks of ``CHUNK_BYTES``, each with a fresh nonce and
  the file's random id and the chunk's number as associated data (chunks cannot be
  swapped, within a file or between files). The content key comes from the cache key
  by HKDF: it never leaves memory, and losing the cache key loses the content too.
- A file being written is ``<name>.part``: only complete chunks count, a torn last
  chunk is cut off when writing goes on (a download resumes from the last whole
  chunk, ``PartialContent``). It becomes ``<name>`` only once its SHA-256 is the one
  expected (``complete``): no half file is ever taken for a whole one.
- ``read`` checks the SHA-256 again (a truncated or damaged file is removed and
  reported, ``ContentDamaged``).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .errors import CacheError
from .private_files import PRIVATE_FILE, make_private, private_folder

__all__ = ["CHUNK_BYTES", "ContentDamaged", "EncryptedFiles", "PartialContent", "StoredContent"]

MAGIC = b"MIDOC01\n"
FILE_ID_BYTES = 16
NONCE_BYTES = 12
TAG_BYTES = 16
CHUNK_BYTES = 1024 * 1024
_HEADER = len(MAGIC) + FILE_ID_BYTES
_LENGTH = struct.Struct(">I")


class ContentDamaged(CacheError):
    """A content file that does not decrypt or whose SHA-256 is not the expected one
    (it was removed: the next open downloads it again)."""


@dataclass(frozen=True)
class StoredContent:
    """What was stored: the plaintext's SHA-256 (hex) and size."""

    sha256: str
    size: int


def _content_key(data_key: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"MinistryIntranet content v1"
    ).derive(data_key)


def _open_private(path: Path, flags: int) -> BinaryIO:
    descriptor = os.open(path, flags | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
    return os.fdopen(descriptor, "r+b")


class EncryptedFiles:
    """The encrypted content files of one profile (``folder``), under ``data_key``."""

    def __init__(self, folder: Path, data_key: bytes) -> None:
        self.folder = folder
        key = _content_key(data_key)
        self._aead = AESGCM(key)
        self._name_key = hashlib.sha256(b"names\0" + key).digest()

    # --- names ------------------------------------------------------------------------

    def name_for(self, sha256: str) -> str:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError("not a SHA-256 in hex")
        return hmac.new(self._name_key, sha256.encode(), hashlib.sha256).hexdigest()[:40]

    def path_for(self, sha256: str) -> Path:
        return self.folder / self.name_for(sha256)

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    # --- reading ----------------------------------------------------------------------

    def read(self, sha256: str) -> bytes:
        """The plaintext of a complete file, checked against ``sha256``."""
        path = self.path_for(sha256)
        parts: list[bytes] = []
        digest = hashlib.sha256()
        try:
            for chunk in self._chunks(path):
                digest.update(chunk)
                parts.append(chunk)
        except (InvalidTag, ValueError) as error:
            path.unlink(missing_ok=True)
            raise ContentDamaged("a kept document's content is damaged") from error
        if digest.hexdigest() != sha256:
            path.unlink(missing_ok=True)
            raise ContentDamaged("a kept document's content is not the expected version")
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: the last to be freed
        return b"".join(parts)

    def stream(self, sha256: str) -> Iterator[bytes]:
        """The plaintext of a complete file one chunk at a time (an upload streams from
        here, never holding the whole file); checked against ``sha256`` at the end."""
        path = self.path_for(sha256)
        digest = hashlib.sha256()
        try:
            for chunk in self._chunks(path):
                digest.update(chunk)
                yield chunk
        except (InvalidTag, ValueError) as error:
            path.unlink(missing_ok=True)
            raise ContentDamaged("a kept document's content is damaged") from error
        if digest.hexdigest() != sha256:
            path.unlink(missing_ok=True)
            raise ContentDamaged("a kept document's content is not the expected version")

    def _chunks(self, path: Path) -> Iterator[bytes]:
        with path.open("rb") as file:
            file_id = _read_header(file)
            number = 0
            while True:
                sealed = _read_chunk(file)
                if sealed is None:
                    return
                nonce, ciphertext = sealed
                yield self._aead.decrypt(nonce, ciphertext, _associated(file_id, number))
                number += 1

    # --- writing ----------------------------------------------------------------------

    def store_stream(self, source: BinaryIO) -> StoredContent:
        """Encrypt what ``source`` gives (a file the user chose) into the store;
        returns its SHA-256 and size. The plaintext is never written anywhere."""
        private_folder(self.folder)
        temporary = self.folder / f"incoming-{secrets.token_hex(8)}.part"
        writer = PartialContent(self, temporary)
        try:
            while chunk := source.read(CHUNK_BYTES):
                writer.write(chunk)
            stored = writer.finish_as(None)
        except BaseException:
            writer.close()
            temporary.unlink(missing_ok=True)
            raise
        return stored

    def store_bytes(self, data: bytes) -> StoredContent:
        import io  # noqa: PLC0415 - only here

        return self.store_stream(io.BytesIO(data))

    def partial(self, sha256: str) -> PartialContent:
        """The ``.part`` file of a download of ``sha256``: resumes where it stopped."""
        private_folder(self.folder)
        return PartialContent(self, self.path_for(sha256).with_suffix(".part"), expected=sha256)

    # --- space ------------------------------------------------------------------------

    def remove(self, sha256: str) -> None:
        self.path_for(sha256).unlink(missing_ok=True)
        self.path_for(sha256).with_suffix(".part").unlink(missing_ok=True)

    def usage(self) -> int:
        """Bytes on disk, complete and partial files together."""
        if not self.folder.is_dir():
            return 0
        return sum(p.stat().st_size for p in self.folder.iterdir() if p.is_file())

    def free_up(self, limit_bytes: int, keep: set[str]) -> int:
        """Remove the least recently used complete files until the others (recently
        opened content) take at most ``limit_bytes``, never those named in ``keep``
        (SHA-256s of pinned or queued content): pinned content neither leaves nor counts
        against the recent limit (it has its own, the policy's). Returns the bytes freed."""
        if not self.folder.is_dir():
            return 0
        kept_names = {self.name_for(sha) for sha in keep}
        files = [
            p
            for p in self.folder.iterdir()
            if p.is_file() and p.suffix != ".part" and p.name not in kept_names
        ]
        files.sort(key=lambda p: p.stat().st_mtime)
        used, freed = sum(p.stat().st_size for p in files), 0
        for path in files:
            if used <= limit_bytes:
                break
            size = path.stat().st_size
            path.unlink(missing_ok=True)
            used -= size
            freed += size
        return freed

    def forget_except(self, keep: set[str], *, older_than: float, now: float) -> int:
        """Remove the files of content no longer used (``keep``: the SHA-256s still
        wanted): a document removed or made inaccessible on the server leaves with its
        content. Files changed in the last ``older_than`` seconds stay (a file being
        staged is not queued yet). Returns the bytes freed."""
        if not self.folder.is_dir():
            return 0
        kept_names = {self.name_for(sha) for sha in keep}
        kept_names |= {name + ".part" for name in kept_names}
        freed = 0
        for path in self.folder.iterdir():
            if not path.is_file() or path.name in kept_names:
                continue
            stat = path.stat()
            if now - stat.st_mtime < older_than:
                continue
            path.unlink(missing_ok=True)
            freed += stat.st_size
        return freed

    # --- internals (PartialContent) ----------------------------------------------------

    def _seal(self, file_id: bytes, number: int, plaintext: bytes) -> bytes:
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, plaintext, _associated(file_id, number))
        return _LENGTH.pack(len(sealed)) + nonce + sealed

    def _open_chunk(self, file_id: bytes, number: int, nonce: bytes, sealed: bytes) -> bytes:
        return self._aead.decrypt(nonce, sealed, _associated(file_id, number))


def _associated(file_id: bytes, number: int) -> bytes:
    return file_id + number.to_bytes(8, "big")


def _read_header(file: BinaryIO) -> bytes:
    header = file.read(_HEADER)
    if len(header) != _HEADER or not header.startswith(MAGIC):
        raise ValueError("not a content file")
    return header[len(MAGIC) :]


def _read_chunk(file: BinaryIO) -> tuple[bytes, bytes] | None:
    """(nonce, ciphertext) of the next whole chunk; None at the end or at a torn one."""
    prefix = file.read(_LENGTH.size + NONCE_BYTES)
    if len(prefix) < _LENGTH.size + NONCE_BYTES:
        return None
    (length,) = _LENGTH.unpack(prefix[: _LENGTH.size])
    if length < TAG_BYTES or length > CHUNK_BYTES + TAG_BYTES:
        raise ValueError("a content chunk of an impossible size")
    sealed = file.read(length)
    if len(sealed) < length:
        return None
    return prefix[_LENGTH.size :], sealed


class PartialContent:
    """A content file being written: a file-like target (``write``, ``seek(0)``,
    ``truncate``) for ``ApiClient.download``. ``size`` is how much plaintext is safely
    on disk (where a download resumes); ``complete`` checks the SHA-256 and makes the
    file whole."""

    def __init__(self, files: EncryptedFiles, path: Path, expected: str | None = None) -> None:
        self._files = files
        self._path = path
        self._expected = expected
        self._digest = hashlib.sha256()
        self._buffer = bytearray()
        self._number = 0
        self.size = 0
        existed = path.exists()
        self._file = _open_private(path, os.O_RDWR | os.O_CREAT)
        make_private(path)
        self._file_id = b""
        if existed:
            self._resume()
        else:
            self._start()

    def _start(self) -> None:
        self._file.seek(0)
        self._file.truncate()
        self._file_id = secrets.token_bytes(FILE_ID_BYTES)
        self._file.write(MAGIC + self._file_id)
        self._digest = hashlib.sha256()
        self._buffer.clear()
        self._number = 0
        self.size = 0

    def _resume(self) -> None:
        """Count the whole chunks already written (hashing their plaintext); cut off a
        torn or damaged tail. A file that is not ours starts over."""
        try:
            self._file_id = _read_header(self._file)
        except ValueError:
            self._start()
            return
        end = self._file.tell()
        while True:
            try:
                sealed = _read_chunk(self._file)
                if sealed is None:
                    break
                plain = self._files._open_chunk(self._file_id, self._number, *sealed)
            except (InvalidTag, ValueError):
                break
            self._digest.update(plain)
            self.size += len(plain)
            self._number += 1
            end = self._file.tell()
        self._file.seek(end)
        self._file.truncate()

    # --- the file-like side ApiClient.download uses --------------------------------------

    def seek(self, offset: int) -> None:
        if offset != 0:
            raise ValueError("a content file is rewound to its start only")
        self._start()

    def truncate(self) -> None:
        """After ``seek(0)``: the file is already empty of content."""

    def write(self, data: bytes) -> int:
        self._digest.update(data)
        self._buffer += data
        while len(self._buffer) >= CHUNK_BYTES:
            self._flush(bytes(self._buffer[:CHUNK_BYTES]))
            del self._buffer[:CHUNK_BYTES]
        return len(data)

    def _flush(self, plaintext: bytes) -> None:
        self._file.write(self._files._seal(self._file_id, self._number, plaintext))
        self._number += 1
        self.size += len(plaintext)

    def sync(self) -> None:
        """Whole chunks to disk (a resumed download starts after them)."""
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        """Stop writing; what is whole stays for a later resume."""
        with contextlib.suppress(OSError, ValueError):
            self._file.close()

    def complete(self) -> StoredContent:
        """The last chunk, the SHA-256 check, and the rename to the whole file's name.
        A mismatch removes the partial file (``ContentDamaged``)."""
        return self.finish_as(self._expected)

    def finish_as(self, expected: str | None) -> StoredContent:
        if self._buffer or self._number == 0:
            self._flush(bytes(self._buffer))
            self._buffer.clear()
        self.sync()
        self._file.close()
        sha256 = self._digest.hexdigest()
        if expected is not None and sha256 != expected:
            self._path.unlink(missing_ok=True)
            raise ContentDamaged("the downloaded content is not the expected version")
        os.replace(self._path, self._files.path_for(sha256))
        return StoredContent(sha256, self.size)
