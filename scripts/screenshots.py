"""Screenshots of the app over the demo data, in a real X window (Xvfb).

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1440x900x24" \\
        uv run --locked python scripts/screenshots.py [--out docs/screenshots] [--languages az,en]

Seeds the ``demo`` data into a temporary server, starts the shell as ``main.py --demo``
would (style, translations, sign-in dialog filled with staff / demo), and saves for each
language: the sign-in dialog, the dialog with a wrong-password message, the main window
while it syncs, with the directory searched and a card open, the About box, the question
before removing the offline data, and the idle lock.
Everything temporary is removed afterwards.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from cache.keystore import CredentialStore
from cache.keywrap import Argon2Params
from client.policy import MachinePolicy
from server.config import Settings
from server.runner import ServerThread, seed_if_empty
from ui.about import AboutDialog
from ui.app import AppOptions, Prefill, ShellApp, load_style
from ui.i18n import Languages
from ui.main_window import Leave
from ui.settings import UserSettings
from ui.tabs import available_tabs


def wait_until(predicate: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not get there in time")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def settle(seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def shoot(widget: QWidget, path: Path, wait: float = 0.5) -> None:
    """What the X server shows of the window (not a re-render of the widget)."""
    settle(wait)
    screen = widget.screen() or QApplication.primaryScreen()
    pixmap = screen.grabWindow(widget.winId())
    if pixmap.isNull():
        pixmap = widget.grab()
    pixmap.save(str(path))
    print(f"saved {path} ({pixmap.width()}x{pixmap.height()})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--languages", default="az,en")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        print("run under xvfb-run with QT_QPA_PLATFORM=xcb (see the docstring)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)

    QApplication.setApplicationName("MinistryIntranet")
    app = QApplication(sys.argv[:1])
    load_style(app)
    with tempfile.TemporaryDirectory(prefix="intranet-shots-") as temporary:
        root = Path(temporary)
        server_settings = Settings(data_dir=root / "server")
        seed_if_empty(server_settings, "demo")
        server = ServerThread(server_settings).start()
        languages = Languages(app)
        tabs = available_tabs()
        for spec in tabs:
            if spec.install_translations is not None:
                languages.add_installer(spec.install_translations)
        settings = UserSettings(QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat))
        options = AppOptions(
            profile_dir=root / "profiles",
            prefill=Prefill(server.base_url, "staff", "demo"),
            machine_policy=MachinePolicy(),
            credentials=CredentialStore(),
            vault_options={"kdf": Argon2Params(memory_kib=1024, time_cost=1, parallelism=1)},
            engine_options={"page_size": 500},  # slow enough to catch the progress bar
        )
        shell = ShellApp(app, options, settings, languages, quit_app=lambda: None)
        try:
            for language in args.languages.split(","):
                languages.switch(language)
                options.profile_dir = root / f"profiles-{language}"  # a first sync each
                settings.remember = False
                shell.show_sign_in()
                dialog = shell.dialog
                assert dialog is not None
                dialog.username.setText("staff")
                dialog.password.setText("demo")
                shoot(dialog, args.out / f"signin-{language}.png")

                dialog.password.setText("not the password")
                dialog.submit()
                wait_until(lambda d=dialog: not d.busy)
                shoot(dialog, args.out / f"signin-error-{language}.png")

                dialog.password.setText("demo")
                dialog.submit()
                wait_until(lambda: shell.window is not None and shell.window.isVisible())
                window = shell.window
                assert window is not None
                window.resize(1280, 800)
                sync = window.parts.sync
                wait_until(lambda s=sync: s.running)
                wait_until(lambda w=window: w.parts.status.bar.isVisible())
                shoot(window, args.out / f"main-syncing-{language}.png", wait=0.05)
                wait_until(lambda s=sync: not s.running, timeout=180)

                tab = window.tabs["directory"]
                model = tab.people_model  # type: ignore[attr-defined]
                wait_until(lambda m=model: m.rowCount() > 0)
                tab.search.setText("Əli")  # type: ignore[attr-defined]
                wait_until(lambda m=model: m.query.text == "Əli" and m.rowCount() > 0)
                tab.people.setCurrentIndex(model.index(0))  # type: ignore[attr-defined]
                tab.open_current(focus=False)  # type: ignore[attr-defined]
                wait_until(lambda t=tab: t.card.card is not None)  # type: ignore[attr-defined]
                shoot(window, args.out / f"main-{language}.png")

                about = AboutDialog(window.parts.about, window)
                about.show()
                shoot(about, args.out / f"about-{language}.png")
                about.close()
                window.confirm_remove_data()
                question = window.question
                shoot(question, args.out / f"remove-data-{language}.png")
                question.reject()

                window.idle_lock.lock()
                shoot(window, args.out / f"locked-{language}.png")
                window.overlay.hide()
                window.idle_lock._unlocked()

                window.leave(Leave.SIGN_OUT)
                wait_until(lambda: shell.window is None and shell.dialog is not None)
                shell.dialog.close()
                shell.dialog = None
        finally:
            shell.tasks.wait_for_done()
            server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
