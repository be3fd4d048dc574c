"""The encrypted content store and downloads over the real demo server: no plaintext on
disk, a broken download resumes from its last whole chunk with Range, a half file is
never taken for a whole one, a damaged file is refused and removed."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from cache.content_files import CHUNK_BYTES, ContentDamaged, EncryptedFiles
from client.documents import DocumentContent
from client.session import Session
from domains.documents.commands import UploadDocument
from domains.writes import apply_command

SENTINEL = b"SENTINEL-PLAINTEXT-7c1e"


def _all_bytes_under(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_content_is_stored_encrypted_and_read_back_checked(tmp_path: Path) -> None:
    files = EncryptedFiles(tmp_path / "content", b"\x01" * 32)
    data = SENTINEL * (CHUNK_BYTES // len(SENTINEL) + 10)  # more than one chunk
    stored = files.store_bytes(data)
    assert SENTINEL not in _all_bytes_under(tmp_path)
    assert files.read(stored.sha256) == data
    other_key = EncryptedFiles(tmp_path / "content", b"\x02" * 32)
    assert not other_key.has(stored.sha256)  # names depend on the key too


def test_a_damaged_content_file_is_refused_and_removed(tmp_path: Path) -> None:
    files = EncryptedFiles(tmp_path / "content", b"\x01" * 32)
    stored = files.store_bytes(b"a" * 5000)
    path = files.path_for(stored.sha256)
    raw = bytearray(path.read_bytes())
    raw[-5] ^= 0x01
    path.write_bytes(bytes(raw))
    with pytest.raises(ContentDamaged):
        files.read(stored.sha256)
    assert not files.has(stored.sha256)


class _BreakingTarget:
    """Passes writes on to the real partial file and breaks the connection after
    ``limit`` bytes, as a dropped link does."""

    def __init__(self, inner: Any, limit: int) -> None:
        self.inner, self.limit, self.seen = inner, limit, 0

    def write(self, data: bytes) -> int:
        self.seen += len(data)
        if self.seen > self.limit:
            raise ConnectionResetError("link dropped")
        return int(self.inner.write(data))

    def seek(self, offset: int) -> None:
        self.inner.seek(offset)

    def truncate(self) -> None:
        self.inner.truncate()


def test_a_broken_download_resumes_with_range_and_only_a_whole_file_counts(
    writer: Session, content: DocumentContent, tmp_path: Path
) -> None:
    data = SENTINEL + bytes(range(256)) * (3 * CHUNK_BYTES // 256)  # three chunks and more
    chosen = tmp_path / "big.bin"
    chosen.write_bytes(data)
    staged = content.stage(str(chosen))
    apply_command(writer.cache.db, UploadDocument("fld-0010", staged, "Böyük fayl", writer.user))
    writer.sync_engine(content_opener=content.opener).run()
    record = writer.cache.db.conn.execute(
        "SELECT record FROM documents WHERE title = 'Böyük fayl'"
    ).fetchone()
    import json

    document = json.loads(record[0])
    fresh = EncryptedFiles(tmp_path / "fresh", b"\x03" * 32)
    downloads = DocumentContent(writer.api, fresh)

    partial = fresh.partial(staged.sha256)
    target = _BreakingTarget(partial, limit=2 * CHUNK_BYTES + 1000)
    path = f"/documents/{document['id']}/content?version={document['version_no']}"
    with pytest.raises(ConnectionResetError):
        for _ in writer.api.download(path, target, etag=f'"{staged.sha256}"'):  # type: ignore[arg-type]
            pass
    partial.sync()
    partial.close()
    assert not fresh.has(staged.sha256)  # the half file is not a whole one
    resumed = fresh.partial(staged.sha256)
    kept = resumed.size
    resumed.close()
    assert kept == 2 * CHUNK_BYTES  # whole chunks only

    seen: list[int] = []
    assert downloads.open(document, lambda done, _all: seen.append(done)) == data
    assert seen[0] > 2 * CHUNK_BYTES  # went on from the whole chunks: not from zero
    assert fresh.has(staged.sha256)
    assert SENTINEL not in _all_bytes_under(tmp_path / "fresh")
    assert SENTINEL not in _all_bytes_under(writer.profile.folder)


def test_content_of_a_document_gone_from_the_cache_leaves_but_a_queued_upload_stays(
    writer: Session, content: DocumentContent, tmp_path: Path
) -> None:
    import os
    import time

    from cache.store import RecordStore
    from domains.catalog import CATALOG
    from domains.documents.queries import content_in_use, document_record

    db = writer.cache.db
    document_id = db.conn.execute(
        "SELECT id FROM documents WHERE folder_id = 'fld-0010' LIMIT 1"
    ).fetchone()[0]
    record = document_record(db, document_id)
    assert record is not None
    content.open(record)  # viewed: kept encrypted
    queued_file = tmp_path / "queued.txt"
    queued_file.write_bytes(SENTINEL)
    queued = content.stage(str(queued_file))
    apply_command(db, UploadDocument("fld-0010", queued, "Növbədə", writer.user))
    an_hour_ago = time.time() - 7200
    for path in content.files.folder.iterdir():
        os.utime(path, (an_hour_ago, an_hour_ago))

    # The next sync says the document is gone (deleted, or no longer visible).
    RecordStore(db, CATALOG).apply_page("documents", [], [document_id], "after-removal")
    in_use, waiting = content_in_use(db)
    freed = content.tidy(in_use, waiting, limit_bytes=10 * 1024 * 1024)

    assert freed > 0
    assert not content.is_kept(str(record["sha256"]))
    assert content.is_kept(queued.sha256)  # the upload still waits: its file stays
    assert content.files.read(queued.sha256) == SENTINEL


def test_recent_content_leaves_least_recently_opened_first_and_pinned_never(
    tmp_path: Path,
) -> None:
    """The recent-content limit: the least recently opened go first; pinned content
    (kept offline, queued uploads) never goes and does not count against the limit."""
    files = EncryptedFiles(tmp_path / "content", b"\x01" * 32)
    pinned = files.store_bytes(b"p" * 40_000)
    old, middle, new = (files.store_bytes(bytes([n]) * 10_000) for n in (1, 2, 3))
    for age, stored in ((300, old), (200, middle), (100, new), (400, pinned)):
        os.utime(files.path_for(stored.sha256), (time.time() - age,) * 2)
    files.read(old.sha256)  # opened just now: the most recent
    size = files.path_for(new.sha256).stat().st_size

    files.free_up(2 * size, keep={pinned.sha256})
    assert files.has(pinned.sha256)  # 40 kB pinned beside a 20 kB limit: it stays
    assert files.has(old.sha256) and files.has(new.sha256)  # the two most recent
    assert not files.has(middle.sha256)  # the least recently opened

    files.free_up(0, keep={pinned.sha256})  # "free up space"
    assert files.has(pinned.sha256)
    assert not files.has(old.sha256) and not files.has(new.sha256)


def test_a_download_killed_after_its_last_chunk_completes_without_asking_again(
    writer: Session, content: DocumentContent, tmp_path: Path
) -> None:
    """Killed after the last byte was written, before the file was made whole: the
    partial file holds everything. The next open completes it (checked) instead of
    asking the server for a range past the end, which it refuses (416)."""
    import json

    data = bytes(range(256)) * (2 * CHUNK_BYTES // 256)  # exactly two whole chunks
    chosen = tmp_path / "two-chunks.bin"
    chosen.write_bytes(data)
    staged = content.stage(str(chosen))
    apply_command(writer.cache.db, UploadDocument("fld-0010", staged, "İki hissə", writer.user))
    writer.sync_engine(content_opener=content.opener).run()
    record = writer.cache.db.conn.execute(
        "SELECT record FROM documents WHERE title = 'İki hissə'"
    ).fetchone()
    document = json.loads(record[0])
    assert not str(document["id"]).startswith("local-")

    fresh = EncryptedFiles(tmp_path / "fresh", b"\x03" * 32)
    partial = fresh.partial(staged.sha256)
    partial.write(data)  # every chunk written and on disk; then the kill
    partial.sync()
    partial.close()
    assert not fresh.has(staged.sha256)
    assert DocumentContent(writer.api, fresh).open(document) == data
    assert fresh.has(staged.sha256)
