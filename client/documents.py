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

import hashlib
import json
import logging
import mimetypes
import secrets
import shutil
import tempfile
import threading
import time
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, cast
from urllib.parse import quote

from cache.content_files import CHUNK_BYTES, EncryptedFiles, StoredContent
from cache.outbox import OutboxEntry
from cache.private_files import private_folder, write_private
from client.api import ApiClient
from client.errors import ApiProblem, MalformedResponse
from client.sync import ChangeWithdrawn
from domains.documents.content import Progress, StagedFile, Transfer, staged_from_ref

__all__ = ["LARGE_UPLOAD_BYTES", "DocumentContent", "UploadCancelled"]

log = logging.getLogger(__name__)

STAGING_GRACE_SECONDS = 3600.0
"""A content file this recent is left alone by ``tidy``: it may be staged for an upload
that is not queued yet."""


LARGE_UPLOAD_BYTES = 8 * 1024 * 1024
"""From this size an upload goes through a resumable upload session, streamed from the
encrypted store chunk by chunk; smaller ones are one multipart request."""
UPLOAD_CHUNK_BYTES = 4 * CHUNK_BYTES
"""One PUT of an upload session (the server takes up to 16 MiB): a break loses at most
this much."""


class UploadCancelled(ChangeWithdrawn):
    """The user cancelled an upload on its way: its session is gone from the server; the
    sync withdraws its queued change."""


@dataclass
class _Running:
    transfer: Transfer
    cancel: threading.Event = field(default_factory=threading.Event)


def external_folder(files: EncryptedFiles) -> Path:
    """Where documents opened in their own program go: the system's temporary folder,
    never the profile (which holds no plaintext), one private folder per profile."""
    name = "MinistryIntranet-open-" + files.name_for("0" * 64)[:16]
    return Path(tempfile.gettempdir()) / name


class DocumentContent:
    """Stage, send and open document content of one signed-in profile."""

    def __init__(
        self,
        api: ApiClient,
        files: EncryptedFiles,
        external: Path | None = None,
        *,
        large_upload_bytes: int = LARGE_UPLOAD_BYTES,
        upload_chunk_bytes: int = UPLOAD_CHUNK_BYTES,
    ) -> None:
        self._api = api
        self._large_from = large_upload_bytes
        self._chunk_bytes = upload_chunk_bytes
        self.files = files
        self.external = external_folder(files) if external is None else external
        self._downloading = threading.Lock()  # one writer per partial file
        self._transfers_lock = threading.Lock()
        self._transfers: dict[str, _Running] = {}  # outbox idempotency key -> transfer
        self._sessions: dict[str, str] = {}  # outbox idempotency key -> upload session id

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

    # --- large uploads: resumable, streamed, with progress and cancel ---------------------

    def handles(self, ref: str) -> bool:
        """Whether this queued upload goes through an upload session (``send``)."""
        try:
            return staged_from_ref(ref).size >= self._large_from
        except (ValueError, KeyError):
            return False

    def transfers(self) -> list[Transfer]:
        """The uploads on their way now (cheap: the tab polls it on the GUI thread)."""
        with self._transfers_lock:
            return [running.transfer for running in self._transfers.values()]

    def cancel_upload(self, sha256: str) -> bool:
        """Stop the running upload of this content: its session is removed from the
        server and nothing of it is made. Returns whether one was running."""
        with self._transfers_lock:
            found = [r for r in self._transfers.values() if r.transfer.sha256 == sha256]
        for running in found:
            running.cancel.set()
        return bool(found)

    def send(self, entry: OutboxEntry) -> Any:
        """Send a queued upload through a resumable upload session: go on from the
        server's offset (a break loses at most one chunk), reading the encrypted store one
        chunk at a time (never the whole file in memory), then the request that makes the
        document, version or conflict copy, with the entry's idempotency key."""
        assert entry.content_ref is not None
        staged = staged_from_ref(entry.content_ref)
        key = entry.idempotency_key
        running = _Running(Transfer(staged.sha256, staged.filename, 0, staged.size))
        with self._transfers_lock:
            self._transfers[key] = running
        try:
            session = self._session_for(key, staged)
            offset = int(session["offset"])
            running.transfer = running.transfer.moved(offset)
            for start, data in self._chunks_from(staged, offset):
                self._stop_if_cancelled(running, session)
                end = start + len(data) - 1
                answer = self._api.put_bytes(
                    f"/uploads/{quote(str(session['id']), safe='')}",
                    data,
                    {"Content-Range": f"bytes {start}-{end}/{staged.size}"},
                )
                running.transfer = running.transfer.moved(int(answer["offset"]))
            self._stop_if_cancelled(running, session)
            body: dict[str, Any] = {"upload_id": session["id"], "sha256": staged.sha256}
            if isinstance(entry.body, dict) and "metadata" in entry.body:
                body["metadata"] = json.loads(str(entry.body["metadata"]))
            answer = self._api.send(
                entry.method,
                entry.path,
                body,
                idempotency_key=key,
                if_match=entry.if_match,
            )
            self._sessions.pop(key, None)
            return answer
        finally:
            with self._transfers_lock:
                self._transfers.pop(key, None)

    def _session_for(self, key: str, staged: StagedFile) -> dict[str, Any]:
        """The upload session of this queued upload: the one this process made, still on
        the server, or one made with a key derived from the entry's (so a restarted app
        finds the session it made before the break: the server replays its answer)."""
        known = self._sessions.get(key)
        derived = hashlib.sha256(f"upload-session\n{key}".encode()).hexdigest()[:40]
        candidates = ([] if known is None else ["known"]) + [derived, secrets.token_hex(16)]
        for session_key in candidates:
            try:
                if session_key == "known":
                    session = self._api.send("GET", f"/uploads/{quote(str(known), safe='')}")
                else:
                    made = self._api.send(
                        "POST",
                        "/uploads",
                        {
                            "filename": staged.filename,
                            "content_type": staged.content_type,
                            "size": staged.size,
                        },
                        idempotency_key=session_key,
                    )
                    session = self._api.send("GET", f"/uploads/{quote(str(made['id']), safe='')}")
            except ApiProblem as error:
                if error.status == 404:
                    continue  # expired: another
                raise
            if session.get("state", "open") != "open":
                continue  # cancelled or finished: another
            self._sessions[key] = str(session["id"])
            return dict(session)
        raise MalformedResponse("The server made no upload session.")

    def _chunks_from(self, staged: StagedFile, offset: int) -> Iterator[tuple[int, bytes]]:
        """(start, bytes) of the staged content from ``offset`` in chunks of the upload size,
        decrypted one store chunk at a time and checked against the sha256 as a whole."""
        position, buffer, start = 0, bytearray(), offset
        for plain in self.files.stream(staged.sha256):
            end = position + len(plain)
            if end > offset:
                buffer += plain[max(offset - position, 0) :]
            position = end
            while len(buffer) >= self._chunk_bytes:
                yield start, bytes(buffer[: self._chunk_bytes])
                start += self._chunk_bytes
                del buffer[: self._chunk_bytes]
        if buffer:
            yield start, bytes(buffer)

    def _stop_if_cancelled(self, running: _Running, session: Mapping[str, Any]) -> None:
        if not running.cancel.is_set():
            return
        try:
            self._api.send("DELETE", f"/uploads/{quote(str(session['id']), safe='')}")
        except ApiProblem as error:
            if error.status != 404:
                raise
        raise UploadCancelled("The upload was cancelled.")

    # --- downloads ----------------------------------------------------------------------

    def read_staged(self, sha256: str) -> bytes:
        return self.files.read(sha256)

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
