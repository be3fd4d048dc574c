"""Document content between the server and the encrypted content store.

``DocumentContent`` is the tab's ``domains.documents.content.DocumentFiles`` and the sync
engine's ``content_opener``: a file the user uploads is encrypted into the store first
(``stage``) and the outbox keeps only its reference; the sync opens it from there when it
sends the upload. A document opened is read from the store, or downloaded into it:
through ``EncryptedFiles.partial``, so a broken download resumes with ``Range`` from its
last whole chunk, and only content whose SHA-256 is the record's becomes a kept file.
No plaintext is written to disk on the way (docs/documents.md).
"""

from __future__ import annotations

import logging
import mimetypes
import secrets
import shutil
import tempfile
import threading
import time
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any, BinaryIO, cast
from urllib.parse import quote

from cache.content_files import EncryptedFiles, StoredContent
from cache.private_files import private_folder, write_private
from client.api import ApiClient
from client.errors import MalformedResponse
from domains.documents.content import Progress, StagedFile, staged_from_ref

__all__ = ["DocumentContent"]

log = logging.getLogger(__name__)

STAGING_GRACE_SECONDS = 3600.0
"""A content file this recent is left alone by ``tidy``: it may be staged for an upload
that is not queued yet."""


def external_folder(files: EncryptedFiles) -> Path:
    """Where documents opened in their own program go: the system's temporary folder,
    never the profile (which holds no plaintext), one private folder per profile."""
    name = "MinistryIntranet-open-" + files.name_for("0" * 64)[:16]
    return Path(tempfile.gettempdir()) / name


class DocumentContent:
    """Stage, send and open document content of one signed-in profile."""

    def __init__(self, api: ApiClient, files: EncryptedFiles, external: Path | None = None) -> None:
        self._api = api
        self.files = files
        self.external = external_folder(files) if external is None else external
        self._downloading = threading.Lock()  # one writer per partial file

    # --- uploads ------------------------------------------------------------------------

    def stage(self, path: str, progress: Progress | None = None) -> StagedFile:
        source = Path(path)
        with source.open("rb") as file:
            stored: StoredContent = self.files.store_stream(file)
        filename = unicodedata.normalize("NFC", source.name)
        guessed, _ = mimetypes.guess_type(filename, strict=False)
        if progress is not None:
            progress(stored.size, stored.size)
        return StagedFile(
            stored.sha256, stored.size, filename, guessed or "application/octet-stream"
        )

    def opener(self, ref: str) -> dict[str, Any]:
        """The multipart ``file`` part of a queued upload (the sync's content opener)."""
        try:
            staged = staged_from_ref(ref)
        except (ValueError, KeyError) as error:
            raise MalformedResponse("A queued upload names no file.") from error
        data = self.files.read(staged.sha256)
        return {"file": (staged.filename, data, staged.content_type)}

    # --- downloads ----------------------------------------------------------------------

    def is_kept(self, sha256: str) -> bool:
        try:
            return self.files.has(sha256)
        except ValueError:
            return False

    def usage(self) -> int:
        return self.files.usage()

    def tidy(self, in_use: set[str], keep: set[str], limit_bytes: int) -> int:
        """Content of documents no longer in the cache leaves; then the least recently
        opened go until at most ``limit_bytes`` are kept (never what ``keep`` names: a
        queued upload's, a document kept offline). Returns the bytes freed."""
        freed = self.files.forget_except(
            in_use | keep, older_than=STAGING_GRACE_SECONDS, now=time.time()
        )
        return freed + self.files.free_up(limit_bytes, keep=keep)

    def open_external(self, document: Mapping[str, Any]) -> str:
        """A plaintext copy for the document's own program (DOCX, XLSX), in a private
        folder outside the profile that ``clear_external`` empties (at the tab's start
        and when the app quits): returns its path."""
        data = self.open(document)
        folder = self.external / secrets.token_hex(8)
        private_folder(folder)
        path = folder / Path(str(document.get("filename") or "document")).name
        write_private(path, data)
        return str(path)

    def clear_external(self) -> int:
        """Remove every copy opened externally (also those a killed app left behind)."""
        if not self.external.exists():
            return 0
        removed = sum(1 for p in self.external.rglob("*") if p.is_file())
        shutil.rmtree(self.external, ignore_errors=True)
        return removed

    def open(self, document: Mapping[str, Any], progress: Progress | None = None) -> bytes:
        sha256 = str(document["sha256"])
        if not self.files.has(sha256):
            self.download(document, progress)
        return self.files.read(sha256)

    def download(self, document: Mapping[str, Any], progress: Progress | None = None) -> None:
        """Into the store, resuming a partial file of the same content."""
        sha256, size = str(document["sha256"]), int(document.get("size") or 0)
        path = (
            f"/documents/{quote(str(document['id']), safe='')}/content"
            f"?version={int(document['version_no'])}"
        )
        with self._downloading:
            if self.files.has(sha256):
                return
            partial = self.files.partial(sha256)
            if size and partial.size >= size:  # killed after the last chunk, before the
                partial.complete()  # rename: nothing left to ask (a Range would be 416)
                return
            try:
                target = cast(BinaryIO, partial)  # write, seek(0), truncate: all it uses
                for written in self._api.download(
                    path, target, offset=partial.size, etag=f'"{sha256}"'
                ):
                    if progress is not None:
                        progress(written, size)
            except BaseException:
                partial.sync()
                partial.close()
                raise
            partial.complete()
