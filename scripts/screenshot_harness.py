"""What every screenshot script shares: its arguments, the application in the shell's
look, the demo server with a synced session, waiting for the window, and saving a shot.

The scripts drive real windows under Xvfb (``docs/screenshots``); nothing here is used
by the app or the tests.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from cache.keywrap import Argon2Params
from client.session import Session, SignIn
from server.config import Settings
from server.runner import ServerThread, seed_if_empty

STYLE = Path(__file__).resolve().parents[1] / "resources" / "styles" / "ministry.qss"


def shot_parser(doc: str | None, languages: str) -> argparse.ArgumentParser:
    """``--out`` (docs/screenshots) and ``--languages`` (comma-separated); a script adds
    its own options."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--languages", default=languages)
    return parser


def styled_application() -> QApplication:
    """The application with the shell's style sheet, so a shot is what users see."""
    app = QApplication(sys.argv[:1])
    if STYLE.exists():
        app.setStyleSheet(STYLE.read_text(encoding="utf-8"))
    return app


def wait_until(predicate: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the tab did not get there in time")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def settle(seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def shoot(widget: QWidget, out: Path, name: str, language: str) -> None:
    """``widget`` as ``out/<name>-<language>.png``, once pending paints are done."""
    settle()
    path = out / f"{name}-{language}.png"
    widget.grab().save(str(path))
    print(f"saved {path}")


@contextlib.contextmanager
def synced_session(root: Path, username: str = "head") -> Iterator[Session]:
    """The demo server seeded under ``root``, and ``username``'s session synced with it
    (a cheap key derivation: these are throwaway caches)."""
    settings = Settings(data_dir=root / "server")
    seed_if_empty(settings, "demo")
    server = ServerThread(settings).start()
    sign_in = SignIn(
        server.base_url,
        profile_dir=root / "profiles",
        vault_options={"kdf": Argon2Params(memory_kib=1024, time_cost=1, parallelism=1)},
    )
    session = sign_in.online(username, "demo")
    try:
        session.sync_engine().run()
        yield session
    finally:
        session.close()
        server.stop()
