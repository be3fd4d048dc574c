"""Screenshots of "My details", the card's waiting mark, the "Changes waiting" window and
the conflict screen, over the demo data in a real window.

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1440x900x24" \
        uv run --locked python scripts/screenshot_changes.py [--out docs/screenshots]

Seeds the ``demo`` data into a temporary server and signs ``head`` in on two profiles.
On the first: the form refusing a phone without digits, then a saved phone (the card
marked waiting). The second profile changes the same phone and sends it first, so the
first one's push meets a 412; an office changed after it waits behind the conflict.
Saves ``my-details``, ``card-waiting``, ``changes-waiting`` and ``conflict`` in az and
en (``-<lang>.png``). Nothing is left behind.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMainWindow, QTabWidget

from cache.keywrap import Argon2Params
from client.session import SignIn
from domains.catalog import CATALOG
from domains.changes import conflict_sides
from domains.describers import change_describers
from domains.directory.commands import UpdateContactDetails
from domains.writes import apply_command
from scripts.screenshot_harness import (
    shoot,
    shot_parser,
    styled_application,
    synced_session,
    wait_until,
)
from ui.changes_window import ChangesWindow
from ui.conflict import ConflictDialog
from ui.context import DataEvents, TabContext
from ui.directory import DirectoryTab, install_directory_translations
from ui.directory.my_details import MyDetailsDialog
from ui.i18n import Languages
from ui.reads import ReadPool
from ui.tasks import TaskRunner
from ui.writes import Writes


def main() -> int:
    parser = shot_parser(__doc__, "az,en")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    languages = args.languages.split(",")

    app = styled_application()
    shell = Languages(app)

    def speak(language: str) -> None:
        shell.switch(language)
        install_directory_translations(app, language)
        QLocale.setDefault(QLocale(language))

    with tempfile.TemporaryDirectory(prefix="changes-shot-") as temporary:
        root = Path(temporary)
        with synced_session(root) as session:
            server_url = session.api.server_url
            tasks = TaskRunner()
            events = DataEvents()
            reads = ReadPool(session.cache.connect, tasks)
            writes = Writes(reads, events)
            context = TabContext(
                reads=reads, writes=writes, tasks=tasks, events=events, user=session.user
            )
            window = QMainWindow()
            tabs = QTabWidget(window)
            window.setCentralWidget(tabs)
            tab = DirectoryTab(context)
            tabs.addTab(tab, DirectoryTab.title())
            window.resize(1440, 860)
            window.show()
            me = str(session.user["id"])
            tab.show_record("people", me)
            wait_until(lambda: tab.card.card is not None and tab.card.card.id == me)

            # 1. The form refuses a number without digits, next to the field.
            dialog = tab.edit_details(me)
            assert isinstance(dialog, MyDetailsDialog)
            dialog.edits["mobile"].setText("+994-ab")
            dialog.save()
            wait_until(lambda: not dialog.saving)
            for language in languages:
                speak(language)
                shoot(dialog, args.out, "my-details", language)
            dialog.reject()

            # 2. A saved phone: on the card at once, marked waiting.
            dialog = tab.edit_details(me)
            assert isinstance(dialog, MyDetailsDialog)
            dialog.edits["phone"].setText("+994 12 555 01 02")
            dialog.save()
            wait_until(lambda: tab.details_dialog is None)
            wait_until(lambda: tab.card.sync_box.isVisibleTo(tab))
            for language in languages:
                speak(language)
                tabs.setTabText(0, DirectoryTab.title())
                shoot(window, args.out, "card-waiting", language)

            # 3. Someone else changes the same phone first: our push meets a 412.
            other = SignIn(
                server_url,
                profile_dir=root / "other-profiles",
                vault_options={"kdf": Argon2Params(memory_kib=1024, time_cost=1, parallelism=1)},
            ).online("head", "demo")
            try:
                theirs = UpdateContactDetails(me, "+994 12 498 77 10", None, None, other.user)
                other.sync_engine().run()
                apply_command(other.cache.db, theirs)
                other.sync_engine().run()
            finally:
                other.close()
            session.sync_engine().run()
            dialog = tab.edit_details(me)
            assert isinstance(dialog, MyDetailsDialog)
            dialog.edits["office"].setText("Otaq 214")
            dialog.save()
            wait_until(lambda: tab.details_dialog is None)
            changes = ChangesWindow(reads, tasks, events, writes, change_describers(), window)
            changes.show()
            wait_until(lambda: len(changes.changes) == 2)
            for language in languages:
                speak(language)
                shoot(changes, args.out, "changes-waiting", language)
            changes.close()

            # 4. The conflict screen.
            sides = conflict_sides(session.cache.db, CATALOG, "people", me)
            assert sides is not None
            conflict = ConflictDialog(sides, writes, window)
            conflict.show()
            for language in languages:
                speak(language)
                shoot(conflict, args.out, "conflict", language)
            conflict.close()
            tasks.wait_for_done()
            window.close()
            reads.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
