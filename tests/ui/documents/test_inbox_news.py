"""The inbox's unread count on the tab's title ("Documents (3)") and on its entry,
updated by ``Changes``; new inbox items after a sync are announced (the shell puts the
news in the status bar and the tray: tests/ui/shell/test_announcements.py). A colleague
sends over the real server; the real sync engine brings it in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from domains.documents.commands import MarkShareRead, SendDocument
from domains.documents.queries import unread_count
from domains.writes import apply_command
from tests.demo import DemoServer, sign_in_for
from tests.ui.documents.conftest import DocumentsHarness
from ui.context import Changes, ChangeSource
from ui.documents.i18n import install_documents_translations

TIMEOUT = 30_000


def _send_from_colleague(demo_server: DemoServer, tmp_path: Path, to_id: str, count: int) -> None:
    from server.seed import DEMO_PASSWORD

    colleague = sign_in_for(demo_server.url, tmp_path / "colleague").online("admin", DEMO_PASSWORD)
    try:
        colleague.sync_engine().run()
        rows = colleague.cache.db.conn.execute(
            "SELECT id FROM documents ORDER BY id DESC LIMIT ?", (count,)
        ).fetchall()
        for (document_id,) in rows:
            apply_command(
                colleague.cache.db, SendDocument(document_id, to_id, "Baxın", colleague.user)
            )
        colleague.sync_engine().run()
    finally:
        colleague.close()


def test_the_unread_count_is_on_the_title_and_new_items_after_a_sync_are_announced(
    qtbot: Any, qapp: Any, documents: DocumentsHarness, demo_server: DemoServer, tmp_path: Path
) -> None:
    assert install_documents_translations(qapp, "en")  # the plural as the app says it
    tab, db = documents.tab, documents.session.cache.db
    user_id = str(documents.session.user["id"])
    news: list[str] = []
    tab.announced.connect(lambda text: news.append(text()))
    before = unread_count(db, user_id)
    qtbot.waitUntil(lambda: tab._unread_known, timeout=TIMEOUT)
    documents.tasks.wait_for_done()
    assert news == []  # what was there at the start is not news
    assert tab.current_title() == (f"Documents ({before})" if before else "Documents")

    _send_from_colleague(demo_server, tmp_path, user_id, 2)
    with qtbot.waitSignal(tab.titleChanged, timeout=TIMEOUT):
        documents.events.changed.emit(documents.session.sync_engine().run().received)
    assert tab.current_title() == f"Documents ({before + 2})"
    assert f"({before + 2} unread)" in tab.inbox_item.text(0)
    assert news == ["2 new documents in your inbox."]

    share_id = db.conn.execute(
        "SELECT id FROM shares WHERE to_id = ? AND read_at IS NULL LIMIT 1", (user_id,)
    ).fetchone()[0]
    apply_command(db, MarkShareRead(share_id, documents.session.user))  # read here: no news
    with qtbot.waitSignal(tab.titleChanged, timeout=TIMEOUT):
        documents.events.changed.emit(Changes.of(ChangeSource.LOCAL_WRITE, "shares", [share_id]))
    assert tab.current_title() == f"Documents ({before + 1})"
    assert news == ["2 new documents in your inbox."]
