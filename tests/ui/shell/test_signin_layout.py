"""The sign-in dialog grows with its message: the long errors (three lines and more) in
az, ru and en, at 100 % and at 125 % (QT_SCALE_FACTOR in a process of its own), never lie
on the fields, the checkbox or the buttons."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget

from ui import messages
from ui.app import load_style
from ui.i18n import Languages
from ui.signin import SignInDialog
from ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[3]
SERVER = "https://intranet.health.gov.az"

LONG_MESSAGES: dict[str, Callable[[], str]] = {
    "wrong offline password": lambda: messages.wrong_password_offline(4),
    "never signed in here": messages.no_offline_data,
    "unreachable": lambda: messages.unreachable(SERVER),
}


def overlaps(dialog: SignInDialog) -> list[str]:
    """Pairs of visible controls that intersect, and controls outside the dialog."""
    controls: dict[str, QWidget] = {
        "language": dialog.findChild(QWidget, "languageChoice"),
        "server": dialog.server,
        "username": dialog.username,
        "password": dialog.password,
        "remember": dialog.remember,
        "remember note": dialog.findChild(QWidget, "rememberNote"),
        "message": dialog.message,
        "sign in": dialog.sign_in_button,
        "quit": dialog.cancel_button,
    }
    boxes = {
        name: QRect(widget.mapTo(dialog, widget.rect().topLeft()), widget.size())
        for name, widget in controls.items()
        if widget is not None and widget.isVisible()
    }
    found = [
        f"{a} overlaps {b}"
        for (a, box_a), (b, box_b) in itertools.combinations(boxes.items(), 2)
        if box_a.intersects(box_b)
    ]
    inside = dialog.rect()
    found += [f"{name} is outside" for name, box in boxes.items() if not inside.contains(box)]
    return found


def problems_in_every_language(app: QApplication, *, no_store: bool) -> list[str]:
    load_style(app)
    languages = Languages(app)
    problems: list[str] = []
    try:
        for language in ("az", "ru", "en"):
            languages.switch(language)
            dialog = SignInDialog(TaskRunner(), lambda _url: None, server_url=SERVER)  # type: ignore[arg-type,return-value]
            dialog.show()
            if no_store:
                dialog.no_credential_store()
            for name, text in LONG_MESSAGES.items():
                dialog.show_message(text)
                app.processEvents()
                problems += [f"{language}, {name}: {p}" for p in overlaps(dialog)]
            dialog.close()
            dialog.deleteLater()
    finally:
        languages.uninstall()
        app.setStyleSheet("")
    return problems


@pytest.mark.parametrize("no_store", [False, True])
def test_long_errors_push_the_buttons_down_at_100_percent(
    qapp: QApplication, no_store: bool
) -> None:
    assert problems_in_every_language(qapp, no_store=no_store) == []


def test_long_errors_push_the_buttons_down_at_125_percent() -> None:
    env = dict(os.environ, QT_SCALE_FACTOR="1.25", QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [sys.executable, "-c", "import tests.ui.shell.test_signin_layout as t; t.main()"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout.strip().splitlines()[-1]) == []


def main() -> None:
    """The check in a process of its own (the scale factor is read at start)."""
    app = QApplication([])
    print(json.dumps(problems_in_every_language(app, no_store=True)))


if __name__ == "__main__":
    main()
