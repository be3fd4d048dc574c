"""An empty list says what it means and what to do: an empty folder invites an upload,
a search that finds nothing says so (az, ru, en)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from cache.store import RecordStore
from domains.catalog import CATALOG
from tests.ui.documents.conftest import DocumentsHarness
from ui.context import Changes, ChangeSource
from ui.documents.i18n import install_documents_translations

TIMEOUT = 30_000
FOLDER = "fld-0011"


def _empty_a_folder(harness: DocumentsHarness, folder_id: str) -> None:
    """Its documents leave the cache as a sync page that removes them would do."""
    db = harness.session.cache.db
    rows = db.conn.execute("SELECT id FROM documents WHERE folder_id = ?", (folder_id,))
    ids = [row[0] for row in rows]
    store = RecordStore(db, CATALOG)
    store.apply_page("documents", [], ids, store.cursor("documents"))
    harness.events.changed.emit(Changes.of(ChangeSource.SYNC_PAGE, "documents", ids))


def _showing_empty(harness: DocumentsHarness) -> bool:
    tab = harness.tab
    return tab.list_stack.currentWidget() is tab.empty and tab.empty.isVisible()


def test_an_empty_folder_says_what_to_do_and_fills_when_documents_come(
    qtbot: Any, documents: DocumentsHarness
) -> None:
    tab = documents.tab
    qtbot.waitUntil(lambda: tab.places.topLevelItemCount() > 2, timeout=TIMEOUT)
    tab.select_place("folder", FOLDER)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=TIMEOUT)
    assert tab.list_stack.currentWidget() is tab.table
    _empty_a_folder(documents, FOLDER)
    qtbot.waitUntil(lambda: _showing_empty(documents), timeout=TIMEOUT)
    assert tab.empty.text() == "This folder is empty. Drag files here or choose Upload."
    assert tab.empty.accessibleName() == tab.empty.text()
    tab.select_place("all")  # another place with documents: the list again
    qtbot.waitUntil(lambda: tab.list_stack.currentWidget() is tab.table, timeout=TIMEOUT)


def test_a_search_that_finds_nothing_says_so(qtbot: Any, documents: DocumentsHarness) -> None:
    tab = documents.tab
    qtbot.waitUntil(lambda: tab.places.topLevelItemCount() > 2, timeout=TIMEOUT)
    tab.select_place("all")
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=TIMEOUT)
    tab.search.setText("zqxjw")
    qtbot.waitUntil(lambda: _showing_empty(documents), timeout=TIMEOUT)
    assert tab.empty.text() == 'No documents match "zqxjw".'
    tab.search.clear()
    qtbot.waitUntil(lambda: tab.list_stack.currentWidget() is tab.table, timeout=TIMEOUT)


@pytest.mark.parametrize(
    ("language", "words"),
    [("az", "Qovluq boşdur"), ("ru", "Папка пуста")],
)
def test_the_empty_states_are_translated(
    qtbot: Any, qapp: Any, documents: DocumentsHarness, language: str, words: str
) -> None:
    tab = documents.tab
    qtbot.waitUntil(lambda: tab.places.topLevelItemCount() > 2, timeout=TIMEOUT)
    tab.select_place("folder", FOLDER)
    _empty_a_folder(documents, FOLDER)
    qtbot.waitUntil(lambda: _showing_empty(documents), timeout=TIMEOUT)
    assert install_documents_translations(qapp, language)
    try:
        QCoreApplication.sendEvent(tab, QEvent(QEvent.Type.LanguageChange))
        assert words in tab.empty.text()
        tab.search.setText("zqxjw")
        qtbot.waitUntil(lambda: "zqxjw" in tab.empty.text(), timeout=TIMEOUT)
        assert "No documents match" not in tab.empty.text()
    finally:
        install_documents_translations(qapp, "en")
        QCoreApplication.sendEvent(tab, QEvent(QEvent.Type.LanguageChange))


def test_what_the_preview_says_follows_the_language(
    qtbot: Any, qapp: Any, documents: DocumentsHarness
) -> None:
    """A DOCX has no preview here: the sentence in its place is worded again when the
    language changes (it once stayed English in an Azerbaijani window)."""
    from tests.ui.documents.test_tab import MIXED_FOLDER, _open_folder, _select_row_where

    tab = documents.tab
    _open_folder(qtbot, documents, MIXED_FOLDER)
    _select_row_where(qtbot, documents, lambda r: r.filename.endswith(".docx"))
    english = "No preview for this type of file. It is kept encrypted on this computer."
    qtbot.waitUntil(lambda: tab.preview.message.text() == english, timeout=TIMEOUT)
    assert install_documents_translations(qapp, "az")
    try:
        QCoreApplication.sendEvent(tab, QEvent(QEvent.Type.LanguageChange))
        said = tab.preview.message.text()
        assert said != english and "şifr" in said  # "şifrələnmiş": kept encrypted
    finally:
        install_documents_translations(qapp, "en")
        QCoreApplication.sendEvent(tab, QEvent(QEvent.Type.LanguageChange))
    assert tab.preview.message.text() == english
