"""``--smoke-test`` (scripts/smoke-frozen, on the built folder): the start a user makes,
driven from inside. Submits the demo's filled-in sign-in, waits for the first sync to
end, opens every tab the app has, prints one ``smoke:`` line per step, and quits as the
menu's Quit does. It catches what a build loses (a hidden import, a data file) on the
way a Windows user would meet it first."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QWidget

from client.policy import LANGUAGES
from ui.app import ShellApp, WindowReport
from ui.main_window import Leave, MainWindow
from ui.signin import SignInDialog
from ui.sync_controller import SyncOutcome


def missing_data_files() -> list[str]:
    """The files the app reads at run time that the build must ship: the style, the
    icon, and for every language the shell's translations and the guide, and each tab's
    translations wherever one language has them."""
    from ui.help import GUIDE_DIR  # noqa: PLC0415 - loaded already
    from ui.i18n import TRANSLATIONS_DIR  # noqa: PLC0415
    from ui.startup import RESOURCES  # noqa: PLC0415

    wanted = [RESOURCES / "styles" / "ministry.qss", RESOURCES / "icons" / "intranet.svg"]
    units = {path.stem.rsplit("_", 1)[0] for path in TRANSLATIONS_DIR.glob("*.qm")}
    for code in LANGUAGES:
        wanted.append(GUIDE_DIR / f"guide_{code}.md")
        wanted += [TRANSLATIONS_DIR / f"{unit}_{code}.qm" for unit in sorted(units | {"shell"})]
    return [path.name for path in wanted if not path.is_file()]


def say(text: str) -> None:
    print(f"smoke: {text}", flush=True)


class SmokeTest(WindowReport):
    def watch(self, shell: ShellApp) -> None:
        def shown(widget: QWidget) -> None:
            if isinstance(widget, SignInDialog) and widget.password.text():
                say("sign-in shown")
                QTimer.singleShot(0, widget.submit)
            elif isinstance(widget, MainWindow):
                say(f"main-window-at={time.time():.3f}")
                self._wait_for_sync(widget)

        shell.shown.connect(shown)

    def _wait_for_sync(self, window: MainWindow) -> None:
        sync = window.parts.sync
        done: list[bool] = []

        def synced(outcome: SyncOutcome) -> None:
            if done:
                return
            done.append(True)
            received = sum(outcome.report.pulled.values())
            say(f"synced-at={time.time():.3f} received={received}")
            QTimer.singleShot(0, lambda: self._open_tabs(window))

        def failed(error: object) -> None:
            say(f"FAILED sync: {type(error).__name__}")
            QTimer.singleShot(0, lambda: window.leave(Leave.QUIT))

        sync.synced.connect(synced)
        sync.problem.connect(failed)

    def _open_tabs(self, window: MainWindow) -> None:
        tabs = window.tab_widget
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            for _ in range(10):
                QCoreApplication.processEvents()
            page = tabs.widget(index)
            name = page.objectName() if page is not None else ""
            say(f"tab {name or index} {tabs.tabText(index)!r} opened")
        say(f"tabs={tabs.count()}")
        missing = missing_data_files()
        say(f"FAILED data files missing: {missing}" if missing else "data files present")
        QTimer.singleShot(0, lambda: window.leave(Leave.QUIT))
