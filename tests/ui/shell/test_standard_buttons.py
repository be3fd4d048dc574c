"""Qt's standard buttons follow the app's language, Azerbaijani included (Qt ships no
``qtbase_az``): the strings come from the shell's translations (``ui/qt_strings.py``),
and a language switch re-words an open dialog's buttons."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from ui.i18n import Languages

OK_CANCEL = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel


@pytest.fixture
def languages(qapp: QApplication) -> Iterator[Languages]:
    made = Languages(qapp)
    try:
        yield made
    finally:
        made.uninstall()


def texts(box: QDialogButtonBox) -> tuple[str, str]:
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    return ok.text(), cancel.text()


@pytest.mark.parametrize(
    ("code", "expected"),
    [("az", ("Tamam", "Ləğv et")), ("ru", ("OK", "Отмена")), ("en", ("OK", "Cancel"))],
)
def test_a_new_dialog_has_its_buttons_in_the_language(
    qtbot: Any, languages: Languages, code: str, expected: tuple[str, str]
) -> None:
    languages.switch(code)
    box = QDialogButtonBox(OK_CANCEL)
    qtbot.addWidget(box)
    assert texts(box) == expected


def test_an_open_dialog_is_reworded_when_the_language_changes(
    qtbot: Any, languages: Languages
) -> None:
    languages.switch("en")
    box = QDialogButtonBox(OK_CANCEL)
    qtbot.addWidget(box)
    message = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes)
    qtbot.addWidget(message)
    languages.switch("az")
    qtbot.waitUntil(lambda: texts(box) == ("Tamam", "Ləğv et"))
    qtbot.waitUntil(
        lambda: message.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Bəli"
    )
