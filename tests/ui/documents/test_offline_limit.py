"""Keeping offline within the policy's ``max_offline_document_mb`` (the server's policy,
as the cache keeps it): a pin that would pass it is refused with the limit named, before
anything is downloaded; the kept view shows what is used of the limit."""

from __future__ import annotations

from typing import Any

from domains.documents.queries import DocumentQuery, count_documents
from tests.ui.documents.conftest import (
    DocumentsHarness,
    close_documents_tab,
    make_documents_harness,
)
from ui.documents.i18n import documents_locale

TIMEOUT = 30_000
MIXED_FOLDER = "fld-0011"  # PDFs, a DOCX and a text file: more than 0 bytes


def _harness(documents: DocumentsHarness, limit_mb: int) -> DocumentsHarness:
    close_documents_tab(documents)
    policy = {**documents.session.policy, "max_offline_document_mb": limit_mb}
    harness = make_documents_harness(documents.session, documents.content, policy=policy)
    harness.tab.show()
    return harness


def _open_folder(qtbot: Any, harness: DocumentsHarness, folder_id: str) -> None:
    qtbot.waitUntil(lambda: harness.tab.places.topLevelItemCount() > 2, timeout=TIMEOUT)
    harness.tab.select_place("folder", folder_id)
    expected = count_documents(harness.session.cache.db, DocumentQuery(folder_id))
    qtbot.waitUntil(lambda: harness.tab.model.rowCount() == expected, timeout=TIMEOUT)


def test_a_pin_over_the_policys_limit_is_refused_before_anything_is_downloaded(
    qtbot: Any, documents: DocumentsHarness
) -> None:
    harness = _harness(documents, limit_mb=0)
    try:
        _open_folder(qtbot, harness, MIXED_FOLDER)
        harness.tasks.wait_for_done()
        assert harness.content.usage() == 0  # nothing opened yet
        with qtbot.waitSignal(harness.tab.keepRefused, timeout=TIMEOUT) as refused:
            harness.tab.keep_folder_button.click()
        assert refused.args[0] > 0
        assert harness.tab.kept.folders == frozenset()
        notice = harness.tab.notice.text()
        assert "Not kept offline" in notice
        assert documents_locale().formattedDataSize(refused.args[0]) in notice
        harness.tasks.wait_for_done()
        assert harness.content.usage() == 0  # nothing was downloaded
        assert "kept offline" not in harness.tab.places.currentItem().text(0)
    finally:
        close_documents_tab(harness)


def test_a_pin_within_the_limit_is_kept_and_the_view_shows_used_of_the_limit(
    qtbot: Any, documents: DocumentsHarness
) -> None:
    harness = _harness(documents, limit_mb=50)
    try:
        _open_folder(qtbot, harness, MIXED_FOLDER)
        harness.tab.keep_folder_button.click()
        qtbot.waitUntil(lambda: harness.tab.kept.folders == {MIXED_FOLDER}, timeout=TIMEOUT)
        folder_bytes = sum(
            row[0]
            for row in harness.session.cache.db.conn.execute(
                "SELECT size FROM documents WHERE folder_id = ?", (MIXED_FOLDER,)
            )
        )
        locale = documents_locale()
        expected = (
            f"Kept offline: {locale.formattedDataSize(folder_bytes)} of "
            f"{locale.formattedDataSize(50 * 1024 * 1024)}"
        )
        qtbot.waitUntil(lambda: expected in harness.tab.usage_label.text(), timeout=TIMEOUT)
        harness.tasks.wait_for_done()
        assert harness.content.usage() > 0  # downloaded, encrypted
    finally:
        close_documents_tab(harness)
