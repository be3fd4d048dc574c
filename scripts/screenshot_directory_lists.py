"""Screenshots of a department's list, its phone list and the card's messages, in a real
window over the demo data (issue 15).

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1440x900x24" \
        uv run --locked python scripts/screenshot_directory_lists.py [--out docs/screenshots]

Saves, per language: ``directory-head-<lang>.png`` (a department chosen: its head first,
marked; the export and print buttons), ``directory-export-<lang>.png`` (after an
export: where the file went), ``directory-print-<lang>.png`` (page 1 of the printed
list, printed to PDF and rendered back), ``directory-no-mail-<lang>.png`` ("Write
e-mail" where no mail program is set up) and ``directory-cyrillic-<lang>.png`` (a name
typed in Cyrillic). Nothing is left behind but the pictures.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
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


def shoot(window: QMainWindow, path: Path) -> None:
    settle()
    window.grab().save(str(path))
    print(f"saved {path}")


def main() -> int:
    parser = shot_parser(__doc__, "az,ru,en")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    app = styled_application()
    with tempfile.TemporaryDirectory(prefix="directory-lists-shot-") as temporary:
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
                preferences=QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat),
            )
            for language in args.languages.split(","):
                install_directory_translations(app, language)
                window = QMainWindow()
                tabs = QTabWidget(window)
                window.setCentralWidget(tabs)
                tab = DirectoryTab(context)
                tabs.addTab(tab, DirectoryTab.title())
                window.resize(1440, 860)
                window.show()
                wait_until(lambda tab=tab: tab.department_model.tree is not None)
                model, tree = tab.people_model, tab.department_model
                assert tree.tree is not None
                department = next(
                    d.id for d in tree.tree.departments.values() if d.name.startswith("Müalicə")
                )
                tab.departments.setCurrentIndex(tree.index_of(department))
                tab.departments.expand(tree.index_of(department))
                wait_until(
                    lambda model=model: model.query.departments is not None and model.rowCount() > 0
                )
                tab.people.setCurrentIndex(model.index(0))
                tab.open_current(focus=False)
                wait_until(lambda tab=tab: tab.card.card is not None)
                tab.people.setFocus(Qt.FocusReason.OtherFocusReason)
                shoot(window, args.out / f"directory-head-{language}.png")

                exported: list[str] = []
                tab.phoneListExported.connect(exported.append)
                tab.export_phone_list(root / f"phones-{language}.csv")
                wait_until(lambda exported=exported: bool(exported))
                shoot(window, args.out / f"directory-export-{language}.png")

                printed: list[int] = []
                tab.phoneListPrinted.connect(printed.append)
                printer = QPrinter(QPrinter.PrinterMode.HighResolution)
                printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
                pdf = root / f"phones-{language}.pdf"
                printer.setOutputFileName(str(pdf))
                tab.print_phone_list(printer)
                wait_until(lambda printed=printed: bool(printed))
                document = QPdfDocument()
                document.load(str(pdf))
                size = document.pagePointSize(0).toSize() * 1.5
                image: QImage = document.render(0, QSize(size.width(), size.height()))
                path = args.out / f"directory-print-{language}.png"
                image.save(str(path))
                print(f"saved {path}")
                document.close()

                tab.list_notice.clear()
                tab.card.write_email.click()  # no mail program on this machine
                shoot(window, args.out / f"directory-no-mail-{language}.png")

                tab.departments.setCurrentIndex(tree.index_of(None))
                tab.search.setText("Исмайлов")
                wait_until(
                    lambda model=model: model.query.text == "Исмайлов" and model.rowCount() > 0
                )
                first = model.index(0).data(PERSON_ROLE)
                print(f"  Исмайлов finds {model.rowCount()}, first {first.display_name}")
                shoot(window, args.out / f"directory-cyrillic-{language}.png")
                tasks.wait_for_done()
                window.close()
                window.deleteLater()
                settle(0.2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
