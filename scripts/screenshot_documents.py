"""Screenshots of the Documents tab over the demo data, in a real window.

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1440x900x24" \
        uv run --locked python scripts/screenshot_documents.py [--out docs/screenshots]

Seeds the ``demo`` data into a temporary server, signs in as ``head``, syncs into a
temporary encrypted profile, and saves, per language: ``documents-folder`` (a folder's
documents), ``documents-preview`` (a PDF shown from memory), ``documents-inbox`` (a
document a colleague sent, with its note; the tab's title counts the unread),
``documents-empty-search`` and ``documents-empty-folder`` (what an empty list says),
``documents-conflict`` (a new version the server had moved past: both versions side by
side, with its three ends), ``documents-checkout`` (a document a colleague checked out,
as the head sees it) and ``documents-queue`` (uploads waiting in the outbox). Nothing is
left behind.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QMainWindow, QTabWidget

from cache.keywrap import Argon2Params
from client.documents import DocumentContent
from client.session import SignIn
from domains.documents.commands import CheckOut, SendDocument, UploadVersion
from domains.writes import apply_command
from scripts.screenshot_harness import (
    settle,
    shot_parser,
    styled_application,
    synced_session,
    wait_until,
)
from ui.context import DataEvents, TabContext
from ui.documents import DocumentsTab
from ui.documents.i18n import install_documents_translations
from ui.reads import ReadPool
from ui.tasks import TaskRunner
from ui.writes import Writes

FOLDER, MIXED_FOLDER = "fld-0010", "fld-0011"
CHEAP = Argon2Params(memory_kib=1024, time_cost=1, parallelism=1)


def main() -> int:
    parser = shot_parser(__doc__, "az,en,ru")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    languages = args.languages.split(",")

    app = styled_application()
    with tempfile.TemporaryDirectory(prefix="documents-shot-") as temporary:
        root = Path(temporary)
        with synced_session(root) as session:
            content = DocumentContent(session.api, session.cache.content_files())
            tasks = TaskRunner()
            events = DataEvents()
            reads = ReadPool(session.cache.connect, tasks)
            context = TabContext(
                reads=reads,
                writes=Writes(reads, events),
                tasks=tasks,
                events=events,
                user=session.user,
                files=content,
                policy=session.policy,
            )
            window = QMainWindow()
            tabs = QTabWidget(window)
            window.setCentralWidget(tabs)
            tab = DocumentsTab(context)
            tabs.addTab(tab, DocumentsTab.title())
            window.resize(1440, 860)
            window.show()

            def shoot(name: str) -> None:
                for language in languages:
                    install_documents_translations(app, language)
                    tabs.setTabText(0, tab.current_title())  # with the inbox's unread count
                    settle(0.6)
                    path = args.out / f"documents-{name}-{language}.png"
                    window.grab().save(str(path))
                    print(f"saved {path}")

            def open_folder(folder_id: str) -> None:
                wait_until(lambda: tab.places.topLevelItemCount() > 2)
                tab.select_place("folder", folder_id)
                wait_until(lambda: tab.model.query.folder_id == folder_id)
                wait_until(lambda: tab.model.rowCount() > 0 and tab.model.is_loaded(0))

            def select(test: object) -> str:
                for row in range(tab.model.rowCount()):
                    value = tab.model.row_at(row)
                    if value is not None and test(value):  # type: ignore[operator]
                        tab.table.selectRow(row)
                        return value.id
                raise LookupError("no such document")

            def sync() -> None:
                report = session.sync_engine(content_opener=content.opener).run()
                events.changed.emit(report.answered.merged(report.received))

            open_folder(FOLDER)
            shoot("folder")

            open_folder(MIXED_FOLDER)
            select(lambda r: r.content_type == "application/pdf")
            wait_until(lambda: tab.preview.kind == "pdf")
            shoot("preview")

            colleague = SignIn(
                session.api.server_url, profile_dir=root / "colleague", vault_options={"kdf": CHEAP}
            ).online("admin", "demo")
            try:
                colleague.sync_engine().run()
                document_id = colleague.cache.db.conn.execute(
                    "SELECT id FROM documents WHERE content_type = 'application/pdf' LIMIT 1"
                ).fetchone()[0]
                apply_command(
                    colleague.cache.db,
                    SendDocument(
                        document_id,
                        str(session.user["id"]),
                        "Sabahkı müşavirəyə qədər baxın, 3-cü bölmədəki rəqəmləri yoxlayın.",
                        colleague.user,
                    ),
                )
                colleague.sync_engine().run()
            finally:
                colleague.close()
            sync()
            wait_until(lambda: tab._unread > 0)
            tab.select_place("inbox")
            wait_until(lambda: tab.shares.rowCount() > 0)
            tab.shares.selectRow(0)
            wait_until(lambda: tab.preview.kind != "message")
            shoot("inbox")

            # Empty states (the tab's title carries the inbox's unread count by now).
            open_folder(FOLDER)
            tab.search.setText("qzxw")
            wait_until(lambda: tab.list_stack.currentWidget() is tab.empty)
            shoot("empty-search")
            tab.search.clear()
            empty = session.cache.db.conn.execute(
                "SELECT id FROM folders WHERE id NOT IN (SELECT folder_id FROM documents) "
                "ORDER BY sort_key LIMIT 1"
            ).fetchone()
            if empty is not None:
                wait_until(lambda: tab.places.topLevelItemCount() > 2)
                tab.select_place("folder", empty[0])
                wait_until(lambda: tab.list_stack.currentWidget() is tab.empty)
                shoot("empty-folder")

            open_folder(MIXED_FOLDER)
            target = select(lambda r: r.content_type.startswith("text/"))
            tab.open_document(target)
            wait_until(lambda: tab._open is not None and tab._open["id"] == target)
            mine = root / "Tibbi müayinə qeydləri.txt"
            mine.write_text("Mənim düzəlişlərim\n", encoding="utf-8")
            tab.upload_version_path(str(mine))
            wait_until(lambda: session.cache.outbox.all() != [])
            other = SignIn(
                session.api.server_url, profile_dir=root / "other", vault_options={"kdf": CHEAP}
            ).online("staff", "demo")  # a colleague: the uploader theirs names
            try:
                other.sync_engine().run()
                other_content = DocumentContent(other.api, other.cache.content_files())
                theirs = root / "theirs.txt"
                theirs.write_text("Onların düzəlişləri\n", encoding="utf-8")
                apply_command(
                    other.cache.db,
                    UploadVersion(target, other_content.stage(str(theirs)), other.user),
                )
                other.sync_engine(content_opener=other_content.opener).run()
            finally:
                other.close()
            sync()
            wait_until(tab.conflict.isVisible, timeout=30)
            wait_until(lambda: tab.conflict_sides.mine_preview.kind == "text", timeout=30)
            wait_until(lambda: tab.conflict_sides.theirs_preview.kind == "text", timeout=30)
            shoot("conflict")

            open_folder(FOLDER)
            locked = select(lambda r: not r.id.startswith("local-"))
            holder = SignIn(
                session.api.server_url, profile_dir=root / "holder", vault_options={"kdf": CHEAP}
            ).online("staff", "demo")
            try:
                holder.sync_engine().run()
                apply_command(holder.cache.db, CheckOut(locked, holder.user))
                holder.sync_engine().run()
            finally:
                holder.close()
            wait_until(lambda: tab._open is not None and tab._open["id"] == locked)
            sync()
            wait_until(lambda: "Günel" in tab.checkout_panel.state.text(), timeout=30)
            settle(1.0)
            shoot("checkout")

            open_folder(FOLDER)
            notes = "Noyabr ayı üzrə hesabat.\nXəstəxanalarda yataq fondu: 94 %.\n"
            for name, data in (
                ("Noyabr hesabatı.txt", notes.encode()),
                ("Məzuniyyət cədvəli.xlsx", b"PK placeholder"),
            ):
                chosen = root / name
                chosen.write_bytes(data)
                tab.upload_paths([str(chosen)])
            wait_until(lambda: len(session.cache.outbox.all()) >= 3)
            settle(1.0)
            queued = select(lambda r: r.title == "Noyabr hesabatı")
            wait_until(lambda: tab._open is not None and tab._open["id"] == queued)
            wait_until(lambda: tab.preview.kind == "text")
            shoot("queue")
            tasks.wait_for_done()
            window.close()
            reads.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
