"""The Documents tab's check-out panel, the conflict's two sides and a large upload's
progress and Cancel, in a real window over the real demo server."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from cache.content_files import CHUNK_BYTES
from client.documents import DocumentContent
from client.session import Session
from domains.documents.commands import CheckIn, CheckOut, UploadDocument, UploadVersion
from domains.documents.queries import document_record
from domains.writes import apply_command
from server.seed import DEMO_PASSWORD
from tests.demo import DemoServer, sign_in_for
from tests.ui.documents.conftest import (
    FOLDER,
    DocumentsHarness,
    close_documents_tab,
    make_documents_harness,
)
from tests.ui.documents.test_tab import TIMEOUT, _open_folder, _select_row_where
from ui.write_errors import refusal_sentence


def _shown(qtbot: Any, harness: DocumentsHarness, document_id: str) -> None:
    """Wait until the tab shows this document (a sync's news then refreshes it)."""
    qtbot.waitUntil(
        lambda: harness.tab._open is not None and harness.tab._open["id"] == document_id,
        timeout=TIMEOUT,
    )


def _sync(harness: DocumentsHarness) -> None:
    content = harness.content
    report = harness.session.sync_engine(
        content_opener=content.opener, content_sender=content
    ).run()
    harness.events.changed.emit(report.answered.merged(report.received))


def test_a_document_a_colleague_checked_out_shows_who_holds_it_and_takes_no_version(
    qtbot: Any, documents: DocumentsHarness, demo_server: DemoServer, tmp_path: Path
) -> None:
    _open_folder(qtbot, documents, FOLDER)
    document_id = _select_row_where(qtbot, documents, lambda row: not row.id.startswith("local"))
    _shown(qtbot, documents, document_id)
    colleague = sign_in_for(demo_server.url, tmp_path / "colleague").online("staff", DEMO_PASSWORD)
    try:
        colleague.sync_engine().run()
        apply_command(colleague.cache.db, CheckOut(document_id, colleague.user))
        assert colleague.sync_engine().run().pushed == 1
    finally:
        colleague.close()
    _sync(documents)
    panel = documents.tab.checkout_panel
    qtbot.waitUntil(lambda: "Günel" in panel.state.text(), timeout=TIMEOUT)
    assert "Checked out by" in panel.state.text()
    assert panel.check_out_button.isHidden() and panel.check_in_button.isHidden()
    # A new version is refused before it is queued, with the reason.
    mine = tmp_path / "mine.txt"
    mine.write_text("my edit while it is checked out\n")
    documents.tab.upload_version_path(str(mine))
    qtbot.waitUntil(
        lambda: "checked this document out" in documents.tab.notice.text(), timeout=TIMEOUT
    )
    assert documents.session.cache.outbox.all() == []

    # The head checks out another document with the button: queued, then sent.
    other = _select_row_where(
        qtbot,
        documents,
        lambda row: row.id not in (document_id,) and not row.id.startswith("local"),
    )
    qtbot.waitUntil(
        lambda: documents.tab._open is not None and documents.tab._open["id"] == other,
        timeout=TIMEOUT,
    )
    qtbot.waitUntil(panel.check_out_button.isVisible, timeout=TIMEOUT)
    panel.check_out_button.click()
    qtbot.waitUntil(lambda: documents.session.cache.outbox.all() != [], timeout=TIMEOUT)
    qtbot.waitUntil(
        lambda: "You have checked this document out" in panel.state.text(), timeout=TIMEOUT
    )
    _sync(documents)
    record = document_record(documents.session.cache.db, other)
    assert record is not None and record["checkout"]["by"] == documents.session.user["id"]
    assert record["sync_state"] == "synced"
    qtbot.waitUntil(panel.check_in_button.isVisible, timeout=TIMEOUT)
    panel.check_in_button.click()
    qtbot.waitUntil(lambda: documents.session.cache.outbox.all() != [], timeout=TIMEOUT)
    _sync(documents)
    record = document_record(documents.session.cache.db, other)
    assert record is not None and record["checkout"] is None
    # The colleague checks theirs in (the demo server is shared by the other tests).
    colleague = sign_in_for(demo_server.url, tmp_path / "colleague2").online("staff", DEMO_PASSWORD)
    try:
        colleague.sync_engine().run()
        apply_command(colleague.cache.db, CheckIn(document_id, colleague.user))
        assert colleague.sync_engine().run().pushed == 1
    finally:
        colleague.close()


def test_the_conflict_shows_both_versions_side_by_side(
    qtbot: Any, documents: DocumentsHarness, demo_server: DemoServer, tmp_path: Path
) -> None:
    _open_folder(qtbot, documents, FOLDER)
    document_id = _select_row_where(  # a document the uploader below did not make
        qtbot,
        documents,
        lambda row: not row.id.startswith("local") and "Günel" not in row.author_name,
    )
    _shown(qtbot, documents, document_id)
    mine = tmp_path / "mənim.txt"
    mine.write_text("mine: side by side\n")
    qtbot.waitUntil(documents.tab.version_button.isEnabled, timeout=TIMEOUT)
    with qtbot.waitSignal(documents.tab.uploadQueued, timeout=TIMEOUT):
        documents.tab.upload_version_path(str(mine))
    other = sign_in_for(demo_server.url, tmp_path / "other").online("staff", DEMO_PASSWORD)
    try:
        other.sync_engine().run()
        other_content = DocumentContent(other.api, other.cache.content_files())
        theirs = tmp_path / "theirs.txt"
        theirs.write_text("theirs: side by side\n")
        apply_command(
            other.cache.db, UploadVersion(document_id, other_content.stage(str(theirs)), other.user)
        )
        other.sync_engine(content_opener=other_content.opener).run()
        uploader_id = other.user["id"]
    finally:
        other.close()
    _sync(documents)
    sides = documents.tab.conflict_sides
    qtbot.waitUntil(documents.tab.conflict.isVisible, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: sides.mine_preview.kind == "text", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: sides.theirs_preview.kind == "text", timeout=TIMEOUT)
    assert "mənim.txt" in sides.mine_details.text()
    assert "theirs.txt" in sides.theirs_details.text()
    # Theirs names who uploaded the version that won, not the document's author.
    record = document_record(documents.session.cache.db, document_id)
    assert record is not None and record["conflict"]["author_id"] != uploader_id
    uploader = "İsmayılova Günel Rauf qızı"
    assert f"Uploaded by {uploader}" in sides.theirs_details.text()
    assert "Author: " not in sides.theirs_details.text()
    assert sides.theirs_details.accessibleName() == sides.theirs_details.text()
    assert documents.tab.conflict_text.text().startswith(f"{uploader} uploaded version ")
    assert documents.tab.preview.isHidden()


def test_a_details_change_a_colleagues_check_out_refused_says_who_holds_it(
    qtbot: Any, documents: DocumentsHarness, demo_server: DemoServer, tmp_path: Path
) -> None:
    _open_folder(qtbot, documents, FOLDER)
    document_id = _select_row_where(qtbot, documents, lambda row: not row.id.startswith("local"))
    _shown(qtbot, documents, document_id)
    # The head changes the title before learning that a colleague checked it out.
    dialog = documents.tab.edit_details()
    assert dialog is not None
    dialog.title.setText("Başlıq, kilid bilinməmiş")
    dialog.accept()
    qtbot.waitUntil(lambda: documents.session.cache.outbox.all() != [], timeout=TIMEOUT)
    colleague = sign_in_for(demo_server.url, tmp_path / "colleague").online("staff", DEMO_PASSWORD)
    try:
        colleague.sync_engine().run()
        apply_command(colleague.cache.db, CheckOut(document_id, colleague.user))
        assert colleague.sync_engine().run().pushed == 1
        _sync(documents)
        panel = documents.tab.checkout_panel
        holder = "İsmayılova Günel Rauf qızı"
        qtbot.waitUntil(panel.refusal.isVisible, timeout=TIMEOUT)
        assert panel.refusal.text().startswith(
            f"The server did not take your change to the details: {holder} has checked this "
            "document out since "
        )
        assert "new version" not in panel.refusal.text()
        record = document_record(documents.session.cache.db, document_id)
        assert record is not None
        assert refusal_sentence(record["sync_error"]).startswith(
            "Someone else has checked this document out for editing. Send your change once"
        )
        # Discarded and synced: a second try is refused before it is queued, with why.
        documents.session.cache.outbox.discard_changes("documents", document_id)
        _sync(documents)
        qtbot.waitUntil(lambda: holder in panel.state.text(), timeout=TIMEOUT)
        again = documents.tab.edit_details()
        assert again is not None
        again.title.setText("İkinci cəhd")
        again.accept()
        qtbot.waitUntil(lambda: "only they can change it" in again.problem.text(), timeout=TIMEOUT)
        assert documents.session.cache.outbox.all() == []
    finally:
        apply_command(colleague.cache.db, CheckIn(document_id, colleague.user))
        colleague.sync_engine().run()
        colleague.close()


def test_a_large_upload_shows_its_progress_and_cancel_leaves_nothing(
    qtbot: Any, qapp: Any, own_session: Session, demo_server: DemoServer, tmp_path: Path
) -> None:
    content = DocumentContent(
        own_session.api,
        own_session.cache.content_files(),
        tmp_path / "external",
        large_upload_bytes=CHUNK_BYTES,
        upload_chunk_bytes=CHUNK_BYTES // 2,
    )
    documents = make_documents_harness(own_session, content)
    documents.tab.show()
    try:
        _large_upload_cancelled(qtbot, documents, demo_server, content, tmp_path)
    finally:
        close_documents_tab(documents)


def _large_upload_cancelled(
    qtbot: Any,
    documents: DocumentsHarness,
    demo_server: DemoServer,
    content: DocumentContent,
    tmp_path: Path,
) -> None:
    chosen = tmp_path / "böyük.bin"
    chosen.write_bytes(os.urandom(4 * CHUNK_BYTES))
    staged = content.stage(str(chosen))
    applied = apply_command(
        documents.session.cache.db, UploadDocument(FOLDER, staged, "Böyük", documents.session.user)
    )
    progress = documents.tab.upload_progress
    seen: list[str] = []
    real_put = documents.session.api.put_bytes

    def put_and_look(path: str, data: bytes, headers: dict[str, str]) -> Any:
        answer = real_put(path, data, headers)
        progress.poll()
        seen.append(progress.label.text())
        if len(seen) == 2:
            assert progress.isVisible()
            progress.cancel_button.click()
        return answer

    documents.session.api.put_bytes = put_and_look  # type: ignore[method-assign]
    try:
        documents.session.sync_engine(content_opener=content.opener, content_sender=content).run()
    finally:
        del documents.session.api.put_bytes
    assert seen[0].startswith("Uploading böyük.bin:")
    progress.poll()
    assert progress.isHidden()
    local_id = str(applied.write.record["id"])
    qtbot.waitUntil(lambda: documents.session.cache.outbox.all() == [], timeout=TIMEOUT)
    assert document_record(documents.session.cache.db, local_id) is None
    page = documents.session.api.sync_page("documents", since=None, limit=5000)
    assert all(item["sha256"] != staged.sha256 for item in page["items"])
    sessions = demo_server.settings.data_dir / "blobs" / "sessions"
    assert [p for p in sessions.iterdir()] == []
