"""Check out / check in between two colleagues, and large uploads that resume after a
break, stream from the encrypted store and can be cancelled, over the real demo server."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cache.content_files import CHUNK_BYTES, EncryptedFiles
from cache.outbox import OutboxState
from client.api import ApiClient
from client.documents import DocumentContent
from client.errors import MalformedResponse, NetworkError
from client.session import Session
from client.validation import check_record
from domains.command import CommandRefused
from domains.documents.commands import (
    CheckIn,
    CheckOut,
    UpdateMetadata,
    UploadDocument,
    UploadVersion,
)
from domains.documents.content import StagedFile
from domains.documents.queries import document_record, refused_by_checkout
from domains.writes import apply_command
from server.seed import DEMO_PASSWORD
from tests.demo import DemoServer, sign_in_for

FOLDER = "fld-0010"  # the head's department folder; "staff" works there too


def _staged(content: DocumentContent, tmp_path: Path, name: str, data: bytes) -> StagedFile:
    path = tmp_path / "chosen" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return content.stage(str(path))


def _colleague(demo_server: DemoServer, tmp_path: Path) -> Session:
    session = sign_in_for(demo_server.url, tmp_path / "colleague").online("staff", DEMO_PASSWORD)
    session.sync_engine().run()
    return session


def _first_document(session: Session) -> str:
    return str(
        session.cache.db.conn.execute(
            "SELECT id FROM documents WHERE folder_id = ? AND id NOT LIKE 'local-%' "
            "ORDER BY id DESC LIMIT 1",
            (FOLDER,),
        ).fetchone()[0]
    )


def test_a_checked_out_document_refuses_a_colleagues_version_and_says_who_holds_it(
    writer: Session, content: DocumentContent, demo_server: DemoServer, tmp_path: Path
) -> None:
    colleague = _colleague(demo_server, tmp_path)
    try:
        document_id = _first_document(writer)
        # The colleague queues a version before learning of the lock (offline, say).
        theirs = DocumentContent(colleague.api, colleague.cache.content_files())
        staged = _staged(theirs, tmp_path, "edit.txt", b"colleague's edit\n")
        apply_command(colleague.cache.db, UploadVersion(document_id, staged, colleague.user))
        # The head checks it out; the change is queued and sent like any write.
        apply_command(writer.cache.db, CheckOut(document_id, writer.user))
        assert writer.sync_engine(content_opener=content.opener).run().pushed == 1
        held = document_record(writer.cache.db, document_id)
        assert held is not None and held["checkout"]["by"] == writer.user["id"]
        assert held["sync_state"] == "synced"

        # The server refuses the colleague's version: the entry keeps the reason, the
        # record the server's side with who holds it and since when.
        report = colleague.sync_engine(content_opener=theirs.opener).run()
        assert report.push_errors == 1
        refused = document_record(colleague.cache.db, document_id)
        assert refused is not None and refused["sync_state"] == "error"
        assert refused["sync_error"].startswith("423 checked_out")
        assert refused["conflict"]["checkout"]["by"] == writer.user["id"]
        assert refused["names"][writer.user["id"]] == "İsmayılov Rəşad Elçin oğlu"
        # Once they know, a new version is refused before it is queued.
        colleague.cache.outbox.discard_changes("documents", document_id)
        colleague.sync_engine().run()
        other = _staged(theirs, tmp_path, "edit2.txt", b"second try\n")
        with pytest.raises(CommandRefused) as before_queueing:
            apply_command(colleague.cache.db, UploadVersion(document_id, other, colleague.user))
        assert [p.code for p in before_queueing.value.problems] == ["checked_out"]
        with pytest.raises(CommandRefused):
            apply_command(colleague.cache.db, CheckIn(document_id, colleague.user))

        # Checked in by its holder: the colleague's version goes through.
        apply_command(writer.cache.db, CheckIn(document_id, writer.user))
        writer.sync_engine().run()
        assert document_record(writer.cache.db, document_id)["checkout"] is None  # type: ignore[index]
        colleague.sync_engine().run()
        apply_command(colleague.cache.db, UploadVersion(document_id, other, colleague.user))
        assert colleague.sync_engine(content_opener=theirs.opener).run().pushed == 1
    finally:
        colleague.close()


def test_a_colleagues_details_change_meets_a_check_out_and_says_so(
    writer: Session, demo_server: DemoServer, tmp_path: Path
) -> None:
    colleague = _colleague(demo_server, tmp_path)
    try:
        document_id = _first_document(writer)
        # The colleague changes the title before learning of the lock (offline, say).
        apply_command(
            colleague.cache.db,
            UpdateMetadata(document_id, title="Günelin başlığı", user=colleague.user),
        )
        apply_command(writer.cache.db, CheckOut(document_id, writer.user))
        assert writer.sync_engine().run().pushed == 1
        # The server refuses it (423): the record says which change and who holds it.
        assert colleague.sync_engine().run().push_errors == 1
        refused = document_record(colleague.cache.db, document_id)
        assert refused is not None and refused["sync_state"] == "error"
        assert refused["sync_error"].startswith("423 checked_out")
        assert refused["refused_change"] == "details"
        assert refused_by_checkout(refused)["by"] == writer.user["id"]  # type: ignore[index]
        assert refused["names"][writer.user["id"]] == "İsmayılov Rəşad Elçin oğlu"
        # Once they know, a details change is refused before it is queued.
        colleague.cache.outbox.discard_changes("documents", document_id)
        colleague.sync_engine().run()
        with pytest.raises(CommandRefused) as before_queueing:
            apply_command(
                colleague.cache.db, UpdateMetadata(document_id, title="x", user=colleague.user)
            )
        assert [p.code for p in before_queueing.value.problems] == ["checked_out"]
        assert colleague.cache.outbox.all() == []
        # The holder changes it as before, and an administrator's change is not refused here.
        apply_command(writer.cache.db, UpdateMetadata(document_id, tags=("t",), user=writer.user))
        admin = {**colleague.user, "roles": ["staff", "admin"]}
        apply_command(colleague.cache.db, UpdateMetadata(document_id, tags=("a",), user=admin))
        colleague.cache.outbox.discard_changes("documents", document_id)
    finally:
        colleague.close()
        apply_command(writer.cache.db, CheckIn(document_id, writer.user))
        assert writer.sync_engine().run().push_errors == 0


def test_the_cache_keeps_who_uploaded_the_current_version_and_names_them(
    writer: Session, content: DocumentContent, demo_server: DemoServer, tmp_path: Path
) -> None:
    colleague = _colleague(demo_server, tmp_path)
    try:
        document_id = _first_document(writer)
        theirs = DocumentContent(colleague.api, colleague.cache.content_files())
        staged = _staged(theirs, tmp_path, "uploader.txt", b"uploaded by the colleague\n")
        apply_command(colleague.cache.db, UploadVersion(document_id, staged, colleague.user))
        assert colleague.sync_engine(content_opener=theirs.opener).run().pushed == 1
        colleague_id = colleague.user["id"]
    finally:
        colleague.close()
    writer.sync_engine().run()
    record = document_record(writer.cache.db, document_id)
    assert record is not None
    uploader = record["version_uploaded_by"]
    assert uploader == colleague_id != record["author_id"]
    assert record["version_uploaded_at"]
    assert record["names"][uploader] == "İsmayılova Günel Rauf qızı"


def test_a_page_checks_the_uploader_fields_when_present() -> None:
    record = {
        "id": "doc-1",
        "version": 1,
        "updated_at": "2026-11-30T10:00:00+00:00",
        "folder_id": "fld-1",
        "title": "Hesabat",
        "description": "",
        "filename": "hesabat.txt",
        "content_type": "text/plain",
        "size": 1,
        "sha256": "0" * 64,
        "version_no": 1,
        "author_id": "p-1",
        "tags": [],
        "created_at": "2026-11-30T10:00:00+00:00",
    }
    assert check_record("documents", record) == record  # an older server leaves them out
    uploaded = {"version_uploaded_by": "p-2", "version_uploaded_at": "2026-11-30T11:00:00+00:00"}
    assert check_record("documents", {**record, **uploaded}) == {**record, **uploaded}
    for field, wrong in (("version_uploaded_by", 7), ("version_uploaded_at", ["2026-11-30"])):
        with pytest.raises(MalformedResponse, match=field):
            check_record("documents", {**record, **uploaded, field: wrong})


class FakeDroppedLink:
    """The real API client, whose link drops once ``drop_after`` chunks went through (as a
    broken connection at 90 % does); counts the bytes each chunk sent."""

    def __init__(self, api: ApiClient, drop_after: int | None = None) -> None:
        self._api, self.drop_after, self.sent = api, drop_after, 0
        self.on_chunk: Callable[[], None] = lambda: None

    def put_bytes(self, path: str, data: bytes, headers: dict[str, str]) -> Any:
        if self.drop_after is not None and self.drop_after <= 0:
            raise NetworkError("The connection broke: link dropped")
        if self.drop_after is not None:
            self.drop_after -= 1
        self.sent += len(data)
        answer = self._api.put_bytes(path, data, headers)
        self.on_chunk()
        return answer

    def __getattr__(self, name: str) -> Any:
        return getattr(self._api, name)


class FakeStoreWithoutWholeReads(EncryptedFiles):
    """The real encrypted store, but reading a whole file fails: an upload must stream."""

    def read(self, sha256: str) -> bytes:
        raise AssertionError("a large upload read the whole file into memory")


def _large_content(writer: Session, link: FakeDroppedLink, tmp_path: Path) -> DocumentContent:
    real = writer.cache.content_files()
    files = FakeStoreWithoutWholeReads(real.folder, writer.cache._key)
    return DocumentContent(
        link,  # type: ignore[arg-type]
        files,
        tmp_path / "external",
        large_upload_bytes=CHUNK_BYTES,
        upload_chunk_bytes=CHUNK_BYTES // 2,
    )


def test_a_large_upload_broken_at_90_percent_goes_on_from_there(
    writer: Session, demo_server: DemoServer, tmp_path: Path
) -> None:
    data = os.urandom(10 * CHUNK_BYTES // 2)  # ten upload chunks
    link = FakeDroppedLink(writer.api, drop_after=9)
    content = _large_content(writer, link, tmp_path)
    staged = _staged(content, tmp_path, "Böyük hesabat.bin", data)
    applied = apply_command(
        writer.cache.db, UploadDocument(FOLDER, staged, "Böyük hesabat", writer.user)
    )
    engine = writer.sync_engine(content_opener=content.opener, content_sender=content)
    report = engine.run()
    assert report.push_waiting >= 1 and report.pushed == 0
    assert link.sent == 9 * len(data) // 10
    [entry] = writer.cache.outbox.all()
    assert entry.state == OutboxState.PENDING  # waits for the next attempt
    # Nothing of it is visible on the server yet.
    assert not _on_server(writer, staged.sha256)

    # The link is back (and the app restarted: a new content object, same profile).
    link2 = FakeDroppedLink(writer.api)
    content2 = _large_content(writer, link2, tmp_path)
    writer.cache.outbox.retry_now("documents", str(applied.write.record["id"]))
    report = writer.sync_engine(content_opener=content2.opener, content_sender=content2).run()
    assert report.pushed == 1
    assert link2.sent == len(data) // 10  # only the last tenth
    assert writer.cache.outbox.all() == []
    [server] = _on_server(writer, staged.sha256)
    assert server["size"] == len(data) and server["title"] == "Böyük hesabat"
    assert _session_files(demo_server) == []


def test_a_cancelled_upload_leaves_nothing_on_the_server(
    writer: Session, demo_server: DemoServer, tmp_path: Path
) -> None:
    data = os.urandom(4 * CHUNK_BYTES)
    link = FakeDroppedLink(writer.api)
    content = _large_content(writer, link, tmp_path)
    staged = _staged(content, tmp_path, "ləğv.bin", data)
    applied = apply_command(writer.cache.db, UploadDocument(FOLDER, staged, "Ləğv", writer.user))
    local_id = str(applied.write.record["id"])
    seen: list[int] = []

    def cancel_after_the_second_chunk() -> None:
        seen.extend(t.done for t in content.transfers())
        if len(seen) == 2:
            # The tab's Cancel: the transfer stops and the sync withdraws the change.
            assert content.cancel_upload(staged.sha256)

    link.on_chunk = cancel_after_the_second_chunk
    writer.sync_engine(content_opener=content.opener, content_sender=content).run()
    assert seen == [0, CHUNK_BYTES // 2]  # progress: what the server had before each chunk
    assert content.transfers() == []
    assert writer.cache.outbox.all() == []
    assert document_record(writer.cache.db, local_id) is None
    assert not _on_server(writer, staged.sha256)
    assert _session_files(demo_server) == []


def _on_server(session: Session, sha256: str) -> list[dict[str, Any]]:
    page = session.api.sync_page("documents", since=None, limit=5000)
    return [item for item in page["items"] if item.get("sha256") == sha256]


def _session_files(demo_server: DemoServer) -> list[str]:
    folder = demo_server.settings.data_dir / "blobs" / "sessions"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_the_chunks_sent_are_the_staged_bytes(writer: Session, tmp_path: Path) -> None:
    data = os.urandom(3 * CHUNK_BYTES + 123)
    content = _large_content(writer, FakeDroppedLink(writer.api), tmp_path)
    staged = _staged(content, tmp_path, "c.bin", data)
    chunks = list(content._chunks_from(staged, CHUNK_BYTES + 7))
    assert chunks[0][0] == CHUNK_BYTES + 7
    assert b"".join(c for _s, c in chunks) == data[CHUNK_BYTES + 7 :]
    assert hashlib.sha256(data).hexdigest() == staged.sha256
