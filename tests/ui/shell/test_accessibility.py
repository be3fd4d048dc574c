"""Every window as a screen reader meets it: each control has a name, Tab reads rows from
the left. The main window is built with the real tabs (``available_tabs``), so a new tab
is walked here too, in the states that show its controls."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from server.seed import DEMO_PASSWORD
from tests.demo import DemoServer
from tests.ui.shell.accessibility import (
    accessible_name,
    tab_order_breaks,
    tab_stops,
    unnamed_controls,
)
from tests.ui.shell.conftest import MakeShell
from ui.about import AboutDialog
from ui.app import Prefill
from ui.directory import DirectoryTab
from ui.main_window import MainWindow
from ui.status import Connection
from ui.tabs import available_tabs

HEAD = "İsmayılov Rəşad Elçin oğlu"  # in the demo data, with direct reports
TIMEOUT = 15_000


@pytest.mark.parametrize("language", ["en", "az", "ru"])
def test_sign_in_dialog_names_every_control_and_tabs_quit_before_sign_in(
    make_shell: MakeShell, language: str
) -> None:
    app = make_shell(language=language)
    dialog = app.dialog
    app.qtbot.waitExposed(dialog)

    assert unnamed_controls(dialog) == []
    # Each field is named by its label (the label's buddy), in the language shown.
    assert accessible_name(dialog.server) == dialog._server_label.text()
    assert accessible_name(dialog.password) == dialog._password_label.text()
    assert dialog._language_label.buddy() is dialog._language

    # Quit is shown left of Sign in: Tab reaches it first.
    stops = tab_stops(dialog)
    assert stops.index(dialog.cancel_button) + 1 == stops.index(dialog.sign_in_button)
    assert tab_order_breaks(dialog) == []


def _directory(window: MainWindow) -> DirectoryTab:
    tab = window.tabs["directory"]
    assert isinstance(tab, DirectoryTab)
    return tab


def _open_head_card(qtbot: Any, tab: DirectoryTab) -> None:
    tab.search.setText(HEAD)  # also shows the search field's clear button
    qtbot.waitUntil(
        # The row itself, not only the count: while the first sync still brings people,
        # the count can grow before the block holding the row is read again.
        lambda: tab.people_model.query.text == HEAD and tab.people_model.row_at(0) is not None,
        timeout=TIMEOUT,
    )
    tab.people.setCurrentIndex(tab.people_model.index(0))
    tab.open_current(focus=False)
    qtbot.waitUntil(
        lambda: tab.card.card is not None and tab.card.card.full_name == HEAD, timeout=TIMEOUT
    )
    assert tab.card.reports.isVisible(), "the demo's head has direct reports"


def test_main_window_lock_about_and_questions_name_every_control(
    make_shell: MakeShell,
    demo_server: DemoServer,
) -> None:
    app = make_shell(tabs=available_tabs, prefill=Prefill(demo_server.url))
    try:
        window = app.sign_in("head", DEMO_PASSWORD)
        app.qtbot.waitExposed(window)
        tab = _directory(window)
        app.qtbot.waitUntil(lambda: tab.department_model.tree is not None, timeout=TIMEOUT)
        _open_head_card(app.qtbot, tab)
        window.parts.status.set_state(Connection.SYNCING)  # shows the cancel button
        assert window.parts.status.cancel.isVisible()

        assert unnamed_controls(window) == []
        assert tab_order_breaks(window) == []

        window.idle_lock.lock()
        assert window.overlay.isVisible()
        assert unnamed_controls(window.overlay) == []
        assert tab_order_breaks(window.overlay) == []
        window.overlay.hide()
        window._locked(False)

        window.show_about()
        about = window.findChild(AboutDialog)
        assert about is not None
        app.qtbot.waitExposed(about)
        assert unnamed_controls(about) == []
        about.close()

        window.confirm_remove_data()
        question = window.question
        assert isinstance(question, QMessageBox)
        app.qtbot.waitExposed(question)
        assert unnamed_controls(question) == []
        assert tab_order_breaks(question) == []
        question.reject()
    finally:
        app.leave()
