"""Screenshots of the Directory tab over the demo data, in a real window.

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1440x900x24" \
        uv run --locked python scripts/screenshot_directory.py [--out docs/screenshots]

Seeds the ``demo`` data into a temporary server, signs in as ``head``, syncs into a
temporary encrypted profile, then shows the tab at 1440x900, searches, picks a
department and opens a card, and saves ``directory-az.png`` and ``directory-en.png``
(and ``directory-ru.png``). Nothing is left behind.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QTabWidget

from scripts.screenshot_harness import (
    settle,
    shot_parser,
    styled_application,
    synced_session,
    wait_until,
)
from ui.context import DataEvents, TabContext
from ui.directory import DirectoryTab, install_directory_translations
from ui.directory.models import PERSON_ROLE
from ui.reads import ReadPool
from ui.tasks import TaskRunner
from ui.writes import Writes


def main() -> int:
    parser = shot_parser(__doc__, "az,en,ru")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=860)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    app = styled_application()
    with tempfile.TemporaryDirectory(prefix="directory-shot-") as temporary:
        root = Path(temporary)
        with synced_session(root) as session:
            tasks = TaskRunner()
            events = DataEvents()
            reads = ReadPool(session.cache.connect, tasks)
            context = TabContext(
                reads=reads,
                writes=Writes(reads, events),
                tasks=tasks,
                events=events,
                user=session.user,
            )
            window = QMainWindow()
            tabs = QTabWidget(window)
            window.setCentralWidget(tabs)
            tab = DirectoryTab(context)
            tabs.addTab(tab, DirectoryTab.title())
            window.resize(args.width, args.height)
            window.show()
            wait_until(lambda: tab.people_model.rowCount() > 0)
            # The head's own department, then a search within it, then a card.
            tree = tab.department_model
            wait_until(lambda: tree.tree is not None)
            assert tree.tree is not None
            department = next(
                d.id for d in tree.tree.departments.values() if d.name.startswith("Müalicə")
            )
            tab.departments.setCurrentIndex(tree.index_of(department))
            tab.departments.expand(tree.index_of(department))
            tab.search.setText("ism")
            wait_until(lambda: tab.people_model.query.text == "ism")
            model = tab.people_model
            wait_until(lambda: model.rowCount() > 0)
            # Open the department head (he has a manager and direct reports).
            row = next(
                r
                for r in range(model.rowCount())
                if model.index(r).data(PERSON_ROLE).given_name == "Rəşad"
            )
            tab.people.setCurrentIndex(model.index(row))
            tab.open_current(focus=False)
            wait_until(lambda: tab.card.card is not None)
            tab.people.setFocus(Qt.FocusReason.OtherFocusReason)
            for language in args.languages.split(","):
                install_directory_translations(app, language)
                tabs.setTabText(0, DirectoryTab.title())
                settle()
                path = args.out / f"directory-{language}.png"
                window.grab().save(str(path))
                print(f"saved {path}")
            tasks.wait_for_done()
            window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
