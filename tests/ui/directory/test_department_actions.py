"""Issue 15 in the Directory tab: the head first, the phone list exported and printed,
"Write e-mail" without a mail program, "Save contact" where the user saves."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
import vobject
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from client.session import Session
from domains.directory.queries import department_tree
from tests.ui.directory.conftest import TabHarness, close_tab, make_harness
from tests.ui.directory.test_tab import (
    HEAD,
    TIMEOUT,
    UrlCatcher,
    mail_program,  # noqa: F401 - a fixture
    open_card,
    shown,
    wait_ready,
)
from ui.directory import DirectoryTab, install_directory_translations
from ui.directory.models import HEAD_ROLE, PERSON_ROLE
from ui.directory.tab import SAVE_FOLDER_KEY

DEPARTMENT = "Müalicə-profilaktika şöbəsi"  # its head: İsmayılov Rəşad Elçin oğlu


@pytest.fixture
def preferences(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def remembering(qapp: Any, synced: Session, preferences: QSettings) -> Iterator[TabHarness]:
    """The tab with the user's settings to remember a folder in."""
    made = make_harness(synced, preferences=preferences)
    made.tab.show()
    try:
        yield made
    finally:
        close_tab(made.tab, made.tasks)
        install_directory_translations(qapp, "en")


class FakeSaveDialog:
    """Stands in for the modal file dialog (a person answers it): records where it
    started and which filters it offered, answers with a path and a filter."""

    def __init__(self, answer: Path, pick: int = 0) -> None:
        self.answer = answer
        self.pick = pick
        self.started_in: list[Path] = []
        self.filters: list[list[str]] = []

    def __call__(
        self, _parent: Any, _title: str, suggested: str, filters: str, selected: str = ""
    ) -> tuple[str, str]:
        self.started_in.append(Path(suggested).parent)
        offered = filters.split(";;")
        self.filters.append(offered)
        assert not selected or selected == offered[0]
        return str(self.answer), offered[self.pick]


def choose_department(qtbot: Any, tab: DirectoryTab, db: sqlite_utils.Database, name: str) -> str:
    tree = department_tree(db)
    department = next(d for d in tree.departments.values() if d.name == name)
    index = tab.department_model.index_of(department.id)
    tab.departments.scrollTo(index)
    rect = tab.departments.visualRect(index)
    qtbot.mouseClick(tab.departments.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    model = tab.people_model
    qtbot.waitUntil(
        lambda: model.query.departments is not None and model.count is not None,
        timeout=TIMEOUT,
    )
    return department.id


# --- the head first --------------------------------------------------------------------------


def test_the_departments_head_is_listed_first_and_marked(
    qtbot: Any, harness: TabHarness, db: sqlite_utils.Database
) -> None:
    tab = harness.tab
    wait_ready(qtbot, tab)
    assert shown(tab)[0] != HEAD  # the whole ministry: alphabetical, the minister not first
    choose_department(qtbot, tab, db, DEPARTMENT)
    first = tab.people_model.index(0)
    assert first.data() == HEAD
    assert first.data(HEAD_ROLE) == "Head"
    assert first.data(Qt.ItemDataRole.AccessibleTextRole) == f"{HEAD}, Head"
    heads = {row[0] for row in db.conn.execute("SELECT head_person_id FROM departments").fetchall()}
    model = tab.people_model
    for row in range(1, model.rowCount()):
        index = model.index(row)
        is_head = index.data(PERSON_ROLE).id in heads  # a sector's head, in its place
        assert (index.data(HEAD_ROLE) == "Head") == is_head
    rest = shown(tab)[1:]
    assert HEAD not in rest


# --- the phone list ----------------------------------------------------------------------------


def test_the_export_and_print_buttons_need_a_department(
    qtbot: Any, harness: TabHarness, db: sqlite_utils.Database
) -> None:
    tab = harness.tab
    wait_ready(qtbot, tab)
    assert not tab.export_button.isEnabled() and not tab.print_button.isEnabled()
    assert tab.export_button.accessibleName() and tab.print_button.accessibleName()
    choose_department(qtbot, tab, db, DEPARTMENT)
    assert tab.export_button.isEnabled() and tab.print_button.isEnabled()
    assert tab.export_button.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_the_phone_list_is_exported_for_excel_in_the_users_language(
    qapp: Any,
    qtbot: Any,
    remembering: TabHarness,
    db: sqlite_utils.Database,
    tmp_path: Path,
    preferences: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tab = remembering.tab
    wait_ready(qtbot, tab)
    assert install_directory_translations(qapp, "az")
    department = choose_department(qtbot, tab, db, DEPARTMENT)
    folder = tmp_path / "Sənədlər"
    folder.mkdir()
    dialog = FakeSaveDialog(folder / "telefonlar.csv")
    monkeypatch.setattr("ui.directory.tab.QFileDialog.getSaveFileName", dialog)
    with qtbot.waitSignal(tab.phoneListExported, timeout=TIMEOUT):
        qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert dialog.started_in == [Path(documents)]
    data = dialog.answer.read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == ["Ad, soyad", "Vəzifə", "İş telefonu", "Mobil", "E-poçt", "Otaq"]
    phone, mobile, email, office, position = db.conn.execute(
        "SELECT phone, mobile, email, office, position FROM people WHERE full_name = ?", (HEAD,)
    ).fetchone()
    assert rows[1] == [HEAD, position, "'" + phone, "'" + mobile, email, office]
    assert len(rows) - 1 == department_tree(db).departments[department].total
    assert tab.list_notice.isVisible() and str(dialog.answer) in tab.list_notice.text.text()
    assert preferences.value(SAVE_FOLDER_KEY) == str(folder)

    # The next file starts where this one went.
    dialog.answer = folder / "again.csv"
    with qtbot.waitSignal(tab.phoneListExported, timeout=TIMEOUT):
        qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert dialog.started_in[1] == folder


def pdf_text(path: Path) -> str:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    text = "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))
    document.close()
    return text


def test_the_phone_list_prints_with_every_name(
    qtbot: Any, harness: TabHarness, db: sqlite_utils.Database, tmp_path: Path
) -> None:
    tab = harness.tab
    wait_ready(qtbot, tab)
    department = choose_department(qtbot, tab, db, DEPARTMENT)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "phone-list.pdf"
    printer.setOutputFileName(str(target))
    with qtbot.waitSignal(tab.phoneListPrinted, timeout=TIMEOUT) as printed:
        tab.print_phone_list(printer)
    below = department_tree(db).subtree(department)
    names = [
        row[0]
        for row in db.conn.execute(
            f"SELECT full_name FROM people WHERE department_id IN ({', '.join('?' * len(below))})",
            below,
        ).fetchall()
    ]
    assert printed.args == [len(names)]
    text = " ".join(pdf_text(target).split())  # lines wrap inside the table's cells
    assert DEPARTMENT in text
    assert text.index(HEAD) < min(text.index(name) for name in names if name != HEAD)
    for name in names:
        assert name in text, name
    assert tab.list_notice.isVisible()


# --- the card: e-mail, contact file -----------------------------------------------------------


def test_write_email_without_a_mail_program_says_so_and_copies_the_address(
    qtbot: Any, harness: TabHarness
) -> None:
    """The test platform has no mail program: Qt's openUrl returns False, as on a
    computer where none is set up."""
    tab = harness.tab
    wait_ready(qtbot, tab)
    open_card(qtbot, tab, HEAD)
    card = tab.card
    assert card.card is not None and not card.notice.isVisible()
    qtbot.mouseClick(card.write_email, Qt.MouseButton.LeftButton)
    assert card.notice.isVisible()
    assert "No mail program" in card.notice.text.text()
    assert card.notice.action.isVisible() and card.notice.action.text() == "Copy address"
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(card.notice.action, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == card.card.email
    assert card.card.email in card.notice.text.text()


def test_write_email_with_a_mail_program_says_nothing(
    qtbot: Any,
    harness: TabHarness,
    mail_program: UrlCatcher,  # noqa: F811
) -> None:
    tab = harness.tab
    wait_ready(qtbot, tab)
    open_card(qtbot, tab, HEAD)
    qtbot.mouseClick(tab.card.write_email, Qt.MouseButton.LeftButton)
    assert len(mail_program.urls) == 1 and not tab.card.notice.isVisible()


def test_save_contact_starts_in_documents_then_the_last_folder_and_says_where(
    qtbot: Any,
    remembering: TabHarness,
    tmp_path: Path,
    preferences: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tab = remembering.tab
    wait_ready(qtbot, tab)
    open_card(qtbot, tab, HEAD)
    folder = tmp_path / "Kontaktlar"
    folder.mkdir()
    dialog = FakeSaveDialog(folder / "head.vcf")
    monkeypatch.setattr("ui.directory.tab.QFileDialog.getSaveFileName", dialog)
    with qtbot.waitSignal(tab.contactSaved, timeout=TIMEOUT):
        qtbot.mouseClick(tab.card.save_contact, Qt.MouseButton.LeftButton)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert dialog.started_in == [Path(documents)]
    assert [f.split(" (")[0] for f in dialog.filters[0]] == [
        "vCard 3.0, for Outlook and phones",
        "vCard 4.0",
    ]
    assert vobject.readOne(dialog.answer.read_text("utf-8")).version.value == "3.0"
    assert tab.card.notice.isVisible() and str(dialog.answer) in tab.card.notice.text.text()
    assert preferences.value(SAVE_FOLDER_KEY) == str(folder)

    # Again, choosing 4.0: the dialog opens where the last file went.
    dialog.answer, dialog.pick = folder / "head-4.vcf", 1
    with qtbot.waitSignal(tab.contactSaved, timeout=TIMEOUT):
        qtbot.mouseClick(tab.card.save_contact, Qt.MouseButton.LeftButton)
    assert dialog.started_in[1] == folder
    parsed = vobject.readOne(dialog.answer.read_text("utf-8"))
    assert parsed.version.value == "4.0" and parsed.fn.value == HEAD


def test_a_forgotten_folder_falls_back_to_documents(
    qtbot: Any, remembering: TabHarness, preferences: QSettings, tmp_path: Path
) -> None:
    preferences.setValue(SAVE_FOLDER_KEY, str(tmp_path / "gone"))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert remembering.tab.save_folder() == Path(documents)
