"""The Help menu: the user guide in the app's language, the log folder, the helpdesk
from the administrator's policy; and the idle lock the machine policy may tighten."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from client.policy import (
    REGISTRY_KEY,
    MachinePolicy,
    idle_lock_minutes,
    read_policy_file,
    read_registry,
)
from tests.ui.shell.conftest import MakeShell
from tests.ui.shell.test_policy import FakeWinreg
from ui.help import GUIDE_DIR, GuideDialog, HelpdeskDialog

TITLES = {
    "az": "İntranet: qısa bələdçi",
    "ru": "Интранет: краткое руководство",
    "en": "Intranet: a short guide",
}


def visible(kind: type) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


@pytest.mark.parametrize("language", ["az", "ru", "en"])
def test_the_user_guide_opens_inside_the_app_in_its_language(
    make_shell: MakeShell, language: str
) -> None:
    app = make_shell(language=language)
    window = app.sign_in()
    window.parts.menus.user_guide.trigger()
    app.qtbot.waitUntil(lambda: bool(visible(GuideDialog)))
    guide = visible(GuideDialog)[0]
    assert guide.text.toPlainText().startswith(TITLES[language])
    assert guide.text.accessibleName()
    other = "ru" if language != "ru" else "az"
    app.languages.switch(other)  # the open guide follows the language
    app.qtbot.waitUntil(lambda: guide.text.toPlainText().startswith(TITLES[other]))
    guide.close()


def test_the_guides_cover_the_same_sections() -> None:
    sections = {
        code: re.findall(r"^## ", (GUIDE_DIR / f"guide_{code}.md").read_text("utf-8"), re.M)
        for code in TITLES
    }
    assert len(sections["az"]) == len(sections["ru"]) == len(sections["en"]) >= 6
    azerbaijani = (GUIDE_DIR / "guide_az.md").read_text("utf-8")
    assert not re.search("[а-яА-Я]", azerbaijani.replace("Русский", ""))


class UrlCatcher(QObject):
    """Qt's own hook for a URL scheme (QDesktopServices.setUrlHandler): it gets the URL
    the system would have opened."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_open_the_log_folder(make_shell: MakeShell, tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    app = make_shell(log_folder=logs)
    window = app.sign_in()
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        window.parts.menus.open_logs.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [Path(url.toLocalFile()) for url in catcher.urls] == [logs]
    assert logs.is_dir()


def test_when_the_log_folder_cannot_be_opened_its_path_is_shown(
    make_shell: MakeShell, tmp_path: Path
) -> None:
    logs = tmp_path / "logs"
    app = make_shell(log_folder=logs)
    window = app.sign_in()
    assert not QDesktopServices.openUrl(QUrl.fromLocalFile(str(tmp_path)))  # offscreen: none
    window.parts.menus.open_logs.trigger()
    app.qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)))
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    assert "could not be opened" in box.text() and str(logs) in box.text()
    box.close()


def test_the_helpdesk_from_the_policy_is_in_the_help_menu(make_shell: MakeShell) -> None:
    policy = MachinePolicy(
        helpdesk_name="IT xidməti",
        helpdesk_phone="+994 12 555 00 00",
        helpdesk_email="helpdesk@health.gov.az",
    )
    app = make_shell(machine_policy=policy)
    window = app.sign_in()
    action = window.parts.menus.helpdesk
    assert action.isVisible() and action.text() == "Contact the &helpdesk…"
    action.trigger()
    app.qtbot.waitUntil(lambda: bool(window.findChildren(HelpdeskDialog)))
    dialog = window.findChildren(HelpdeskDialog)[0]
    text = dialog.details.text()
    assert "IT xidməti" in text and 'href="tel:+994125550000"' in text
    assert 'href="mailto:helpdesk@health.gov.az"' in text
    dialog.close()


def test_no_helpdesk_set_no_menu_item(make_shell: MakeShell) -> None:
    window = make_shell().sign_in()
    assert not window.parts.menus.helpdesk.isVisible()


def test_the_policy_file_names_the_helpdesk_and_the_idle_lock(tmp_path: Path) -> None:
    path = tmp_path / "policy.json"
    values = {
        "idle_lock_minutes": 5,
        "helpdesk_name": "IT",
        "helpdesk_email": "not an address",
        "helpdesk_url": "https://helpdesk.health.gov.az",
    }
    path.write_text(json.dumps(values), encoding="utf-8")
    policy = read_policy_file(path)
    assert policy.idle_lock_minutes == 5
    assert policy.helpdesk is not None
    assert (policy.helpdesk.name, policy.helpdesk.email) == ("IT", None)  # a bad value alone
    assert policy.helpdesk.url == "https://helpdesk.health.gov.az"
    registry = FakeWinreg({REGISTRY_KEY: {"IdleLockMinutes": 3}})
    assert read_registry(registry).idle_lock_minutes == 3
    path.write_text(json.dumps({"idle_lock_minutes": -1}), encoding="utf-8")
    assert read_policy_file(path).idle_lock_minutes is None


def test_the_stricter_idle_lock_applies() -> None:
    assert idle_lock_minutes(15, MachinePolicy(idle_lock_minutes=5)) == 5
    assert idle_lock_minutes(5, MachinePolicy(idle_lock_minutes=15)) == 5
    assert idle_lock_minutes(0, MachinePolicy(idle_lock_minutes=10)) == 10  # a lock over none
    assert idle_lock_minutes(10, MachinePolicy(idle_lock_minutes=0)) == 10  # cannot switch off
    assert idle_lock_minutes(None, MachinePolicy()) == 0


def test_the_machine_policy_shortens_the_window_lock(make_shell: MakeShell) -> None:
    app = make_shell(machine_policy=MachinePolicy(idle_lock_minutes=2))
    window = app.sign_in()  # the server says 15 minutes
    assert window.parts.idle_timeout_ms == 2 * 60_000
