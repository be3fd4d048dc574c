"""The documents' writes over the real demo server: each upload queued (offline too),
sent by the real sync engine with its encrypted file, exactly once; a stale new version
kept as a conflicted copy; names refused before anything is queued; send and mark read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cache.outbox import OutboxState
from client.documents import DocumentContent
from client.session import Session
from domains.command import CommandRefused
from domains.documents.commands import (
    MarkShareRead,
    SendDocument,
    UpdateMetadata,
    UploadConflictCopy,
    UploadDocument,
    UploadVersion,
    conflicted_upload,
    filename_problem,
    windows_name_key,
)
from domains.documents.content import StagedFile
from domains.documents.queries import DocumentQuery, count_documents, document_record, inbox
from domains.writes import apply_command, edit_and_keep
from tests.demo import DemoServer, synced_session

FOLDER = "fld-0010"  # Müalicə-profilaktika şöbəsi: the head's department folder


def _staged(content: DocumentContent, tmp_path: Path, name: str, data: bytes) -> StagedFile:
    path = tmp_path / "chosen" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return content.stage(str(path))


def _outbox_count(session: Session) -> int:
    return len(session.cache.outbox.all())


def _server_titles(session: Session, title: str) -> int:
    page = session.api.sync_page("documents", since=None, limit=5000)
    return sum(1 for item in page["items"] if item.get("title") == title)


def test_an_upload_queued_offline_reaches_the_server_once_with_its_bytes(
    writer: Session, content: DocumentContent, tmp_path: Path
) -> None:
    staged = _staged(content, tmp_path, "Hesabat noyabr.txt", b"sentinel report body\n")
    before = count_documents(writer.cache.db, DocumentQuery(FOLDER))
    applied = apply_command(
        writer.cache.db, UploadDocument(FOLDER, staged, "Noyabr hesabatı", writer.user)
    )
    # Shown at once, waiting, before any network.
    assert count_documents(writer.cache.db, DocumentQuery(FOLDER)) == before + 1
    local = document_record(writer.cache.db, str(applied.write.record["id"]))
    assert local is not None and local["sync_state"] == "pending"

    engine = writer.sync_engine(content_opener=content.opener)
    report = engine.run()
    assert report.pushed == 1
    engine.run()  # a second sync sends nothing again
    assert _outbox_count(writer) == 0
    assert _server_titles(writer, "Noyabr hesabatı") == 1
    rows = writer.cache.db.conn.execute(
        "SELECT id, sha256 FROM documents WHERE title = 'Noyabr hesabatı'"
    ).fetchall()
    assert len(rows) == 1 and not rows[0][0].startswith("local-")
    # The server holds the very bytes: downloaded into a fresh store they match.
    fresh = DocumentContent(writer.api, type(content.files)(tmp_path / "fresh", b"k" * 32))
    record = document_record(writer.cache.db, rows[0][0])
    assert record is not None
    assert fresh.open(record) == b"sentinel report body\n"


def test_a_stale_new_version_is_kept_as_a_conflicted_copy_everyone_sees(
    writer: Session, content: DocumentContent, demo_server: DemoServer, tmp_path: Path
) -> None:
    document_id = writer.cache.db.conn.execute(
        "SELECT id FROM documents WHERE folder_id = ? ORDER BY id LIMIT 1", (FOLDER,)
    ).fetchone()[0]
    mine = _staged(content, tmp_path, "mine.txt", b"my edit of the plan\n")
    apply_command(writer.cache.db, UploadVersion(document_id, mine, writer.user))

    other = synced_session(demo_server.url, tmp_path / "other")
    try:
        other_content = DocumentContent(other.api, other.cache.content_files())
        theirs = _staged(other_content, tmp_path, "theirs.txt", b"their edit\n")
        apply_command(other.cache.db, UploadVersion(document_id, theirs, other.user))
        other.sync_engine(content_opener=other_content.opener).run()
    finally:
        other.close()

    report = writer.sync_engine(content_opener=content.opener).run()
    assert report.push_conflicts == 1
    state = writer.cache.db.conn.execute(
        "SELECT state FROM outbox WHERE record_id = ?", (document_id,)
    ).fetchone()[0]
    assert state == OutboxState.CONFLICT
    kept = conflicted_upload(writer.cache.db, document_id)
    assert kept is not None and kept.sha256 == mine.sha256

    edit_and_keep(
        writer.cache.db,
        "documents",
        document_id,
        UploadConflictCopy(document_id, kept, based_on_version=1, user=writer.user),
    )
    writer.sync_engine(content_opener=content.opener).run()
    assert _outbox_count(writer) == 0
    server = document_record(writer.cache.db, document_id)
    assert server is not None and server["sha256"] == theirs.sha256  # theirs untouched
    copies = writer.cache.db.conn.execute(
        "SELECT id, filename, record ->> '$.conflict_of' FROM documents "
        "WHERE sha256 = ? AND folder_id = ?",
        (mine.sha256, FOLDER),
    ).fetchall()
    assert len(copies) == 1 and "conflicted copy" in copies[0][1]
    # A server-side record says what it was based on and who made it.
    conflict_of = json.loads(copies[0][2])
    assert conflict_of["document_id"] == document_id
    assert conflict_of["based_on_version_no"] == 1
    assert conflict_of["made_by"] == writer.user["id"]
    assert not copies[0][0].startswith("local-")  # on the server: colleagues see it


def test_a_conflicted_copy_of_the_servers_own_bytes_is_not_made(
    writer: Session, content: DocumentContent, tmp_path: Path
) -> None:
    row = writer.cache.db.conn.execute(
        "SELECT id, sha256 FROM documents WHERE folder_id = ? LIMIT 1", (FOLDER,)
    ).fetchone()
    same = StagedFile(row[1], 1, "same.txt", "text/plain")
    with pytest.raises(CommandRefused) as refused:
        apply_command(writer.cache.db, UploadConflictCopy(row[0], same, 1, writer.user))
    assert [p.code for p in refused.value.problems] == ["same_content"]
    assert _outbox_count(writer) == 0


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("CON", "reserved"),
        ("con.txt", "reserved"),
        ("../x.txt", "forbidden_characters"),
        ("hesabat.", "edge"),
        ("a|b.txt", "forbidden_characters"),
        ("x" * 300 + ".txt", "too_long"),
        ("", "empty"),
        ("gizli\u202etxt.exe", "invalid_characters"),
    ],
)
def test_names_the_server_or_windows_would_refuse_are_refused_with_the_reason(
    name: str, code: str
) -> None:
    problem = filename_problem(name)
    assert problem is not None and problem.code == code


def test_names_are_compared_the_windows_way_with_azerbaijani_dotted_i() -> None:
    assert windows_name_key("Hesabat.PDF") == windows_name_key("hesabat.pdf")
    assert windows_name_key("İdarə.pdf") != windows_name_key("idarə.pdf")
    assert windows_name_key("ıdarə.pdf") == windows_name_key("Idarə.pdf")


def test_a_refused_upload_queues_nothing_and_stores_nothing(
    writer: Session, content: DocumentContent, tmp_path: Path
) -> None:
    existing = writer.cache.db.conn.execute(
        "SELECT filename FROM documents WHERE folder_id = ? LIMIT 1", (FOLDER,)
    ).fetchone()[0]
    staged = _staged(content, tmp_path, existing.upper(), b"clash")
    before = count_documents(writer.cache.db, DocumentQuery(FOLDER))
    with pytest.raises(CommandRefused) as refused:
        apply_command(writer.cache.db, UploadDocument(FOLDER, staged, "Başqa", writer.user))
    assert [p.code for p in refused.value.problems] == ["taken"]
    big = _staged(content, tmp_path, "big.bin", b"x" * 2048)
    with pytest.raises(CommandRefused) as too_large:
        apply_command(
            writer.cache.db, UploadDocument(FOLDER, big, "Böyük", writer.user, max_bytes=1024)
        )
    assert [p.code for p in too_large.value.problems] == ["too_large"]
    ministry = writer.cache.db.conn.execute(
        "SELECT id FROM folders WHERE access = 'ministry' LIMIT 1"
    ).fetchone()[0]
    staff = {**writer.user, "roles": ["staff"]}
    with pytest.raises(CommandRefused) as forbidden:
        apply_command(writer.cache.db, UploadDocument(ministry, big, "Nazirlik", staff))
    assert [p.code for p in forbidden.value.problems] == ["forbidden"]
    assert count_documents(writer.cache.db, DocumentQuery(FOLDER)) == before
    assert _outbox_count(writer) == 0


def test_metadata_changes_offline_reach_the_server(writer: Session) -> None:
    document_id = writer.cache.db.conn.execute(
        "SELECT id FROM documents WHERE folder_id = ? LIMIT 1", (FOLDER,)
    ).fetchone()[0]
    apply_command(
        writer.cache.db,
        UpdateMetadata(document_id, title="Yeni başlıq", tags=("plan", "2026")),
    )
    assert writer.sync_engine().run().pushed == 1
    answer = writer.api.send("GET", f"/documents/{document_id}")
    assert answer["title"] == "Yeni başlıq" and answer["tags"] == ["plan", "2026"]
    with pytest.raises(CommandRefused):
        apply_command(writer.cache.db, UpdateMetadata(document_id, title="  "))


def test_send_to_a_colleague_and_their_read_reaches_the_sender(
    writer: Session, demo_server: DemoServer, tmp_path: Path
) -> None:
    document_id = writer.cache.db.conn.execute(
        "SELECT id FROM documents WHERE folder_id = ? LIMIT 1", (FOLDER,)
    ).fetchone()[0]
    with pytest.raises(CommandRefused) as nobody:
        apply_command(writer.cache.db, SendDocument(document_id, "", "x", writer.user))
    assert [p.code for p in nobody.value.problems] == ["empty"]
    with pytest.raises(CommandRefused) as unseen:
        apply_command(writer.cache.db, SendDocument("doc-none", "person-00003", "", writer.user))
    assert [p.code for p in unseen.value.problems] == ["gone"]

    from server.seed import DEMO_PASSWORD
    from tests.demo import sign_in_for

    colleague = sign_in_for(demo_server.url, tmp_path / "colleague").online("staff", DEMO_PASSWORD)
    try:
        to_id = str(colleague.user["id"])
        apply_command(
            writer.cache.db, SendDocument(document_id, to_id, "Baxın, zəhmət olmasa", writer.user)
        )
        writer.sync_engine().run()
        shares = writer.cache.db.conn.execute(
            "SELECT id FROM shares WHERE to_id = ? AND record ->> '$.message' = ?",
            (to_id, "Baxın, zəhmət olmasa"),
        ).fetchall()
        assert len(shares) == 1 and not shares[0][0].startswith("local-")

        colleague.sync_engine().run()
        received = [s for s in inbox(colleague.cache.db, to_id) if s.id == shares[0][0]]
        assert received and received[0].read_at is None
        apply_command(colleague.cache.db, MarkShareRead(received[0].id, colleague.user))
        colleague.sync_engine().run()
    finally:
        colleague.close()
    writer.sync_engine().run()
    read_at = writer.cache.db.conn.execute(
        "SELECT read_at FROM shares WHERE id = ?", (shares[0][0],)
    ).fetchone()[0]
    assert read_at is not None


def test_a_queued_upload_survives_a_restart_and_is_sent_once(
    demo_server: DemoServer, tmp_path: Path
) -> None:
    from server.seed import DEMO_PASSWORD
    from tests.demo import sign_in_for

    profiles = tmp_path / "restart"
    first = synced_session(demo_server.url, profiles)
    try:
        content = DocumentContent(first.api, first.cache.content_files())
        staged = _staged(content, tmp_path, "Bərpa.txt", b"after restart\n")
        apply_command(first.cache.db, UploadDocument(FOLDER, staged, "Bərpa", first.user))
    finally:
        first.close()  # the app quits (or is killed) before any sync

    again = sign_in_for(demo_server.url, profiles).online("head", DEMO_PASSWORD)
    try:
        content = DocumentContent(again.api, again.cache.content_files())
        assert len(again.cache.outbox.all()) == 1
        report = again.sync_engine(content_opener=content.opener).run()
        assert report.pushed == 1
        assert again.sync_engine(content_opener=content.opener).run().pushed == 0
        assert _server_titles(again, "Bərpa") == 1
    finally:
        again.close()
