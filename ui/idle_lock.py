"""The idle lock: after the policy's ``idle_lock_minutes`` without input, the window is
covered and asks for the password.

``IdleWatcher`` sees every key and mouse event of the application (an event filter) and
restarts its timer; ``LockOverlay`` is an opaque child covering the whole main window,
menus included, so nothing of the ministry's data shows while the user is away. The
password is checked on a worker (``Vault.verify_password``: one Argon2id derivation); each
wrong password makes the next check wait longer (1, 2, 4 … 30 s).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """Emits ``idle`` after ``timeout_ms`` without user input anywhere in the app."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(timeout_ms, 1))
        self._timer.timeout.connect(self.idle)
        self._enabled = timeout_ms > 0

    def start(self) -> None:
        if not self._enabled:
            return
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def pause(self) -> None:
        self._timer.stop()

    def resume(self) -> None:
        if self._enabled:
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self._timer.isActive():
            self._timer.start()  # restart the countdown
        return False


class LockOverlay(QFrame):
    """Covers its parent window; ``unlocked`` once the right password was given."""

    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(
        self,
        window: QWidget,
        tasks: TaskRunner,
        verify: Callable[[str], bool],
        user_name: str,
    ) -> None:
        super().__init__(window)
        self.setObjectName("LockOverlay")
        self.setAutoFillBackground(True)
        self._window = window
        self._tasks = tasks
        self._verify = verify
        self._user_name = user_name
        self._failures = 0
        self._checking = False
        self._wrong = False

        self._title = QLabel(self)
        self._title.setObjectName("lockTitle")
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._explain = QLabel(self)
        self._explain.setWordWrap(True)
        self._explain.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit(self)
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.submit)
        self.message = QLabel(self)
        self.message.setObjectName("lockMessage")
        self.message.setProperty("error", True)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock_button = QPushButton(self)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        self.sign_out_button = QPushButton(self)
        self.sign_out_button.setObjectName("lockSignOut")
        self.sign_out_button.setFlat(True)
        self.sign_out_button.clicked.connect(self.sign_out_requested)

        box = QFrame(self)
        box.setObjectName("lockBox")
        box.setFixedWidth(460)  # a known width lets the wrapped labels take their height
        inner = QVBoxLayout(box)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(12)
        inner.addWidget(self._title)
        inner.addWidget(self._explain)
        inner.addWidget(self.password)
        inner.addWidget(self.message)
        inner.addWidget(self.unlock_button)
        inner.addWidget(self.sign_out_button)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)  # no alignment flag: the layout then asks heightForWidth
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        window.installEventFilter(self)
        self.hide()
        self._retranslate()

    def _retranslate(self) -> None:
        self._title.setText(self.tr("The Intranet is locked"))
        self._explain.setText(
            self.tr(
                "The window was locked after a period of inactivity. Enter the password "
                "of %1 to continue."
            ).replace("%1", self._user_name)
        )
        self.unlock_button.setText(self.tr("Checking…") if self._checking else self.tr("Unlock"))
        self.sign_out_button.setText(self.tr("Sign out"))
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.setAccessibleName(self.tr("Password"))
        self.message.setText(self.tr("The password is incorrect.") if self._wrong else "")
        self.message.setVisible(self._wrong)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._window.rect())
        return False

    @property
    def locked(self) -> bool:
        return self.isVisible()

    def lock(self) -> None:
        self._wrong = False
        self.password.clear()
        self._retranslate()
        self.setGeometry(self._window.rect())
        self.raise_()
        self.show()
        self.password.setFocus()

    def submit(self) -> None:
        if self._checking or not self.password.text():
            return
        password = self.password.text()
        self.password.clear()
        delay = min(30.0, 2.0 ** (self._failures - 1)) if self._failures else 0.0
        self._checking = True
        self.password.setEnabled(False)
        self._retranslate()
        verify = self._verify

        def work() -> bool:
            if delay:
                time.sleep(delay)  # slows guessing down; on the worker, not the GUI
            return verify(password)

        self._tasks.run(work, self._checked, self._check_failed)

    def _checked(self, ok: bool) -> None:
        self._checking = False
        self.password.setEnabled(True)
        if ok:
            self._failures = 0
            self._wrong = False
            self.hide()
            log.info("unlocked")
            self.unlocked.emit()
        else:
            self._failures += 1
            self._wrong = True
            log.info("idle lock: wrong password (%d)", self._failures)
        self._retranslate()
        if not ok:
            self.password.setFocus()

    def _check_failed(self, error: BaseException) -> None:
        log.warning("idle lock: the password check failed: %s", type(error).__name__)
        self._checked(False)


class IdleLock(QObject):
    """Ties the watcher to the overlay; disables the window's actions while locked."""

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        watcher: IdleWatcher,
        overlay: LockOverlay,
        on_lock: Callable[[bool], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.watcher = watcher
        self.overlay = overlay
        self._on_lock = on_lock
        watcher.idle.connect(self.lock)
        overlay.unlocked.connect(self._unlocked)

    def start(self) -> None:
        self.watcher.start()

    def stop(self) -> None:
        self.watcher.stop()

    @property
    def is_locked(self) -> bool:
        return self.overlay.locked

    def lock(self) -> None:
        if self.overlay.locked:
            return
        log.info("locking after inactivity")
        self.watcher.pause()
        # A dialog left open (About, a confirmation) would show above the cover: close it.
        while (dialog := QApplication.activeModalWidget()) is not None:
            dialog.close()
            if QApplication.activeModalWidget() is dialog:
                break
        self._on_lock(True)
        self.overlay.lock()
        self.locked.emit()

    def _unlocked(self) -> None:
        self._on_lock(False)
        self.watcher.resume()
        self.unlocked.emit()
