"""The Documents tab in a real window over the real server: browse, search, preview
(also offline, from the encrypted store), uploads queued offline and sent by the sync,
refusals with their reason, the conflict's "keep both", the inbox and "mark as read"."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from client.documents import DocumentContent
from domains.documents.commands import SendDocument, UploadVersion
from domains.documents.queries import DocumentQuery, count_documents
from domains.writes import apply_command
from tests.demo import DemoServer, sign_in_for
from tests.ui.documents.conftest import (
    FOLDER,
    DocumentsHarness,
    close_documents_tab,
    make_documents_harness,
    unreachable_api,
)
from ui.context import Changes, ChangeSource

TIMEOUT = 30_000  # the machine is shared: waits are generous, never asserted on
MIXED_FOLDER = "fld-0011"  # PDFs, a DOCX and a text file


def _open_folder(qtbot: Any, harness: DocumentsHarness, folder_id: str) -> None:
    qtbot.waitUntil(lambda: harness.tab.places.topLevelItemCount() > 2, timeout=TIMEOUT)
    harness.tab.select_place("folder", folder_id)
    expected = count_documents(harness.session.cache.db, DocumentQuery(folder_id))
    qtbot.waitUntil(lambda: harness.tab.model.rowCount() == expected, timeout=TIMEOUT)


def _select_row_where(qtbot: Any, harness: DocumentsHarness, test: Any) -> str:
    model = harness.tab.model
    qtbot.waitUntil(lambda: model.is_loaded(0), timeout=TIMEOUT)
    for row in range(model.rowCount()):
        value = model.row_at(row)
        if value is not None and test(value):
            harness.tab.table.selectRow(row)
            return value.id
    raise AssertionError("no such row")


def test_the_folder_tree_marks_access_and_lists_a_folder_off_the_gui_thread(
    qtbot: Any, documents: DocumentsHarness
) -> None:
    _open_folder(qtbot, documents, FOLDER)
    texts = [item.text(0) for item in documents.tab._all_items()]
    assert any(text.endswith("restricted") for text in texts)
    assert any(text.endswith("department") for text in texts)
    assert documents.tab.model.rowCount() > 0
    documents.tasks.wait_for_done()
    assert threading.main_thread().ident not in documents.statements.threads


def test_the_titles_take_the_spare_width_and_keep_a_readable_one_in_a_narrow_window(
    qtbot: Any, documents: DocumentsHarness
) -> None:
    _open_folder(qtbot, documents, FOLDER)
    table, header = documents.tab.table, documents.tab.table.horizontalHeader()
    last = header.count() - 1
    qtbot.waitUntil(lambda: header.sectionSize(0) > 200, timeout=TIMEOUT)
    # The state column keeps its width; the titles have the rest, so no sideways scroll.
    assert header.sectionSize(last) == 120
    assert header.sectionSize(0) + sum(header.sectionSize(s) for s in range(1, last + 1)) == (
        table.viewport().width()
    )
    documents.tab.resize(700, 820)
    qtbot.waitUntil(lambda: header.sectionSize(0) == 200, timeout=TIMEOUT)
    qtbot.waitUntil(table.horizontalScrollBar().isVisible, timeout=TIMEOUT)


def test_search_across_all_folders_finds_by_title_and_author_folded(
    qtbot: Any, documents: DocumentsHarness
) -> None:
    qtbot.waitUntil(lambda: documents.tab.places.topLevelItemCount() > 2, timeout=TIMEOUT)
    documents.tab.select_place("all")
    total = count_documents(documents.session.cache.db, DocumentQuery())
    qtbot.waitUntil(lambda: documents.tab.model.rowCount() == total, timeout=TIMEOUT)
    documents.tab.search.setText("hesabat")  # finds "hesabatı" and "Hesabat"
    qtbot.waitUntil(lambda: 0 < documents.tab.model.rowCount() < total, timeout=TIMEOUT)
    author = documents.session.cache.db.conn.execute(
        "SELECT p.family_name FROM documents d JOIN people p ON p.id = d.author_id LIMIT 1"
    ).fetchone()[0]
    folded = author.replace("ə", "e").replace("İ", "I").lower()
    by_author = count_documents(documents.session.cache.db, DocumentQuery(text=folded))
    assert 0 < by_author < total
    documents.tab.search.setText(folded)
    model = documents.tab.model
    qtbot.waitUntil(
        lambda: model.query.text == folded and model.rowCount() == by_author, timeout=TIMEOUT
    )
    qtbot.waitUntil(lambda: model.row_at(0) is not None, timeout=TIMEOUT)
    rows = [model.row_at(i) for i in range(model.rowCount())]
    assert any(r is not None and author in r.author_name for r in rows)


def test_a_pdf_previews_from_memory_and_again_offline_from_the_store(
    qtbot: Any, documents: DocumentsHarness
) -> None:
    _open_folder(qtbot, documents, MIXED_FOLDER)
    with qtbot.waitSignal(documents.tab.previewShown, timeout=TIMEOUT) as shown:
        _select_row_where(qtbot, documents, lambda r: r.content_type == "application/pdf")
    while shown.args == ["message"]:  # "Opening…" first
        with qtbot.waitSignal(documents.tab.previewShown, timeout=TIMEOUT) as shown:
            pass
    assert shown.args == ["pdf"]
    assert documents.tab.preview.pdf_document.pageCount() >= 1
    close_documents_tab(documents)

    # Offline: the same profile, a server that cannot be reached.
    offline = DocumentContent(unreachable_api(), documents.session.cache.content_files())
    again = make_documents_harness(documents.session, offline)
    again.tab.show()
    try:
        _open_folder(qtbot, again, MIXED_FOLDER)
        with qtbot.waitSignal(again.tab.previewShown, timeout=TIMEOUT) as kept:
            _select_row_where(qtbot, again, lambda r: r.content_type == "application/pdf")
        while kept.args == ["message"] and again.tab.preview.message.text().endswith("…"):
            with qtbot.waitSignal(again.tab.previewShown, timeout=TIMEOUT) as kept:
                pass
        assert kept.args == ["pdf"]
        # One never opened: says it opens once online.
        with qtbot.waitSignal(again.tab.previewShown, timeout=TIMEOUT):
            _select_row_where(
                qtbot,
                again,
                lambda r: (
                    r.content_type != "application/pdf"
                    and not again.session.cache.content_files().has(r.sha256)
                ),
            )
        qtbot.waitUntil(lambda: "online" in again.tab.preview.message.text(), timeout=TIMEOUT)
    finally:
        close_documents_tab(again)


def test_an_upload_queued_offline_waits_in_the_list_and_the_sync_sends_it(
    qtbot: Any, documents: DocumentsHarness, tmp_path: Path
) -> None:
    _open_folder(qtbot, documents, FOLDER)
    before = documents.tab.model.rowCount()
    chosen = tmp_path / "Növbəti plan.txt"
    chosen.write_text("plan üzrə qeydlər\n", encoding="utf-8")
    with qtbot.waitSignal(documents.tab.uploadQueued, timeout=TIMEOUT) as queued:
        documents.tab.upload_paths([str(chosen)])
    local_id = queued.args[0]
    qtbot.waitUntil(lambda: documents.tab.model.rowCount() == before + 1, timeout=TIMEOUT)
    row = documents.tab.model.row_of(local_id)
    assert row is not None
    status = documents.tab.model.index(row, 6).data(Qt.ItemDataRole.DisplayRole)
    assert status == "Waiting to upload"

    engine = documents.session.sync_engine(content_opener=documents.content.opener)
    report = engine.run()
    assert report.pushed == 1
    documents.events.changed.emit(report.answered.merged(report.received))
    qtbot.waitUntil(lambda: documents.tab.model.row_of(local_id) is None, timeout=TIMEOUT)
    titles = [
        r[0]
        for r in documents.session.cache.db.conn.execute(
            "SELECT sync_state FROM documents WHERE title = 'Növbəti plan'"
        )
    ]
    assert titles == ["synced"]


def test_a_name_windows_cannot_hold_is_refused_with_its_reason_and_nothing_queued(
    qtbot: Any, documents: DocumentsHarness, tmp_path: Path
) -> None:
    _open_folder(qtbot, documents, FOLDER)
    chosen = tmp_path / "CON.txt"
    chosen.write_text("x")
    documents.tab.upload_paths([str(chosen)])
    qtbot.waitUntil(
        lambda: "Windows reserves this name" in documents.tab.notice.text(), timeout=TIMEOUT
    )
    assert documents.session.cache.outbox.all() == []


def test_keep_both_sends_my_version_as_a_conflicted_copy(
    qtbot: Any, documents: DocumentsHarness, demo_server: DemoServer, tmp_path: Path
) -> None:
    _open_folder(qtbot, documents, FOLDER)
    document_id = _select_row_where(qtbot, documents, lambda _row: True)
    mine = tmp_path / "mine.txt"
    mine.write_text("mine, from the tab's test\n")  # other tests on this server add copies
    qtbot.waitUntil(documents.tab.version_button.isEnabled, timeout=TIMEOUT)
    with qtbot.waitSignal(documents.tab.uploadQueued, timeout=TIMEOUT):
        documents.tab.upload_version_path(str(mine))

    from server.seed import DEMO_PASSWORD

    other = sign_in_for(demo_server.url, tmp_path / "other").online("head", DEMO_PASSWORD)
    try:
        other.sync_engine().run()
        other_content = DocumentContent(other.api, other.cache.content_files())
        theirs = tmp_path / "theirs.txt"
        theirs.write_text("theirs\n")
        apply_command(
            other.cache.db,
            UploadVersion(document_id, other_content.stage(str(theirs)), other.user),
        )
        other.sync_engine(content_opener=other_content.opener).run()
    finally:
        other.close()

    report = documents.session.sync_engine(content_opener=documents.content.opener).run()
    assert report.push_conflicts == 1
    documents.events.changed.emit(report.answered)
    qtbot.waitUntil(documents.tab.conflict.isVisible, timeout=TIMEOUT)
    assert "Theirs" in documents.tab.conflict_text.text()
    with qtbot.waitSignal(documents.tab.uploadQueued, timeout=TIMEOUT):
        documents.tab.keep_both_button.click()
    documents.session.sync_engine(content_opener=documents.content.opener).run()
    mine_sha = hashlib.sha256(mine.read_bytes()).hexdigest()
    copies = documents.session.cache.db.conn.execute(
        "SELECT id FROM documents WHERE filename LIKE 'mine (conflicted copy%' AND sha256 = ?",
        (mine_sha,),
    ).fetchall()
    assert len(copies) == 1 and not copies[0][0].startswith("local-")
    assert documents.session.cache.outbox.all() == []


def test_the_inbox_counts_unread_shows_the_note_and_marks_read(
    qtbot: Any, documents: DocumentsHarness, demo_server: DemoServer, tmp_path: Path
) -> None:
    from server.seed import DEMO_PASSWORD

    colleague = sign_in_for(demo_server.url, tmp_path / "colleague").online("admin", DEMO_PASSWORD)
    try:
        colleague.sync_engine().run()
        document_id = colleague.cache.db.conn.execute(
            "SELECT id FROM documents ORDER BY id LIMIT 1"
        ).fetchone()[0]
        apply_command(
            colleague.cache.db,
            SendDocument(
                document_id, str(documents.session.user["id"]), "Təcili baxın", colleague.user
            ),
        )
        colleague.sync_engine().run()
    finally:
        colleague.close()
    qtbot.waitUntil(lambda: documents.tab.places.topLevelItemCount() > 2, timeout=TIMEOUT)
    report = documents.session.sync_engine().run()
    documents.events.changed.emit(report.received)
    qtbot.waitUntil(lambda: "unread" in documents.tab.inbox_item.text(0), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "inbox" in documents.tab.notice.text(), timeout=TIMEOUT)
    documents.tab.select_place("inbox")
    qtbot.waitUntil(lambda: documents.tab.shares.rowCount() > 0, timeout=TIMEOUT)
    row = next(i for i, s in enumerate(documents.tab._shares) if s.message == "Təcili baxın")
    documents.tab.shares.selectRow(row)
    assert documents.tab.note.text() == "Təcili baxın"
    assert documents.tab.read_button.isEnabled()
    share_id = documents.tab._shares[row].id
    documents.tab.read_button.click()
    qtbot.waitUntil(
        lambda: (
            documents.session.cache.db.conn.execute(
                "SELECT read_at IS NOT NULL FROM shares WHERE id = ?", (share_id,)
            ).fetchone()[0]
            == 1
        ),
        timeout=TIMEOUT,
    )
    documents.events.changed.emit(Changes.of(ChangeSource.LOCAL_WRITE, "shares", [share_id]))
    assert documents.session.sync_engine().run().pushed == 1


def test_keep_offline_downloads_lists_and_survives_free_up_space(
    qtbot: Any, documents: DocumentsHarness, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings

    from tests.ui.documents.conftest import make_documents_harness as make

    close_documents_tab(documents)
    preferences = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    harness = make(documents.session, documents.content, preferences)
    harness.tab.show()
    try:
        _open_folder(qtbot, harness, MIXED_FOLDER)
        files = harness.content
        pdfs = [
            r
            for r in (harness.tab.model.row_at(i) for i in range(harness.tab.model.rowCount()))
            if r is not None and r.content_type == "application/pdf"
        ]
        kept, other = pdfs[0], pdfs[1]
        harness.tab.open_document(other.id)  # viewed only: recent content
        qtbot.waitUntil(lambda: files.is_kept(other.sha256), timeout=TIMEOUT)
        harness.tab.open_document(kept.id)
        qtbot.waitUntil(
            lambda: harness.tab._open is not None and harness.tab._open["id"] == kept.id,
            timeout=TIMEOUT,
        )
        harness.tab.keep_button.click()  # measured against the policy's limit first
        qtbot.waitUntil(lambda: harness.tab.kept.documents == {kept.id}, timeout=TIMEOUT)
        qtbot.waitUntil(lambda: files.is_kept(kept.sha256), timeout=TIMEOUT)

        harness.tab.select_place("kept")
        qtbot.waitUntil(lambda: harness.tab.model.rowCount() == 1, timeout=TIMEOUT)
        harness.tasks.wait_for_done()  # the tidy after the pin has run
        assert files.is_kept(other.sha256)  # within the recent-content limit
        harness.tab.free_button.click()
        qtbot.waitUntil(lambda: not files.is_kept(other.sha256), timeout=TIMEOUT)
        harness.tasks.wait_for_done()
        assert files.is_kept(kept.sha256)
        qtbot.waitUntil(lambda: harness.tab.usage_label.text() != "", timeout=TIMEOUT)
    finally:
        close_documents_tab(harness)
    # Remembered for the next start.
    again = make(documents.session, documents.content, preferences)
    try:
        assert again.tab.kept.documents == {kept.id}
    finally:
        close_documents_tab(again)


def test_a_docx_opens_in_its_program_outside_the_profile_and_a_save_offers_a_version(
    qtbot: Any, documents: DocumentsHarness
) -> None:
    documents.tab.launch_external = False
    _open_folder(qtbot, documents, MIXED_FOLDER)
    document_id = _select_row_where(qtbot, documents, lambda r: r.filename.endswith(".docx"))
    qtbot.waitUntil(
        lambda: documents.tab._open is not None and documents.tab._open["id"] == document_id,
        timeout=TIMEOUT,
    )
    with qtbot.waitSignal(documents.tab.externalOpened, timeout=TIMEOUT) as opened:
        documents.tab.external_button.click()
    path = Path(opened.args[0])
    assert path.is_file() and path.suffix == ".docx"
    assert documents.session.profile.folder not in path.parents  # no plaintext there
    assert path.stat().st_mode & 0o077 == 0

    path.write_bytes(path.read_bytes() + b"saved in Word")
    qtbot.waitUntil(documents.tab.upload_back_button.isVisible, timeout=TIMEOUT)
    with qtbot.waitSignal(documents.tab.uploadQueued, timeout=TIMEOUT):
        documents.tab.upload_back_button.click()
    entries = documents.session.cache.outbox.all()
    assert [(e.path, e.record_id) for e in entries] == [
        (f"/documents/{document_id}/versions", document_id)
    ]

    # The app is killed with the copy open: the next start removes it.
    close_documents_tab(documents)
    again = make_documents_harness(documents.session, documents.content)
    try:
        qtbot.waitUntil(lambda: not path.exists(), timeout=TIMEOUT)
    finally:
        close_documents_tab(again)


def test_edit_details_queues_a_patch_and_a_refusal_reopens_with_the_reason(
    qtbot: Any, documents: DocumentsHarness
) -> None:
    _open_folder(qtbot, documents, FOLDER)
    document_id = _select_row_where(qtbot, documents, lambda _row: True)
    qtbot.waitUntil(documents.tab.details_button.isEnabled, timeout=TIMEOUT)
    dialog = documents.tab.edit_details()
    assert dialog is not None
    dialog.title.setText("   ")
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.problem.text() == "the name is empty", timeout=TIMEOUT)
    assert documents.session.cache.outbox.all() == []
    dialog.title.setText("Yenilənmiş başlıq")
    dialog.tags.setText("plan, 2026")
    dialog.accept()
    qtbot.waitUntil(lambda: len(documents.session.cache.outbox.all()) == 1, timeout=TIMEOUT)
    entry = documents.session.cache.outbox.all()[0]
    assert entry.method == "PATCH" and entry.record_id == document_id
    assert entry.body["title"] == "Yenilənmiş başlıq" and entry.body["tags"] == ["plan", "2026"]
