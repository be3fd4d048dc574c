"""The sign-in dialog, and the sign-in itself (run on a worker: Argon2id and network).

Online first; when the server cannot be reached and this computer has the user's
offline data, the same password unlocks it offline. Errors become one clear sentence
(``ui.messages``); a wrong offline password shows the delay the cache enforces, with the
button held back until it has passed.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cache.errors import WrongPassword
from client.address import AddressProblem, BadAddress, complete_server_url
from client.errors import Retryable
from client.session import Session, SignIn
from ui import messages
from ui.i18n import NATIVE_NAMES
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

ICON = Path(__file__).resolve().parents[1] / "resources" / "icons" / "intranet.svg"


@dataclass(frozen=True)
class SignInRequest:
    server_url: str
    username: str
    password: str
    remember: bool


@dataclass(frozen=True)
class SignInResult:
    session: Session
    request: SignInRequest
    went_offline: bool  # the server was unreachable: the offline data was unlocked


def sign_in_now(sign_in: SignIn, request: SignInRequest) -> SignInResult:
    """Online, else offline when the server is unreachable and offline data exists.
    Runs on a worker thread; raises the client's and the cache's errors."""
    try:
        session = sign_in.online(request.username, request.password, remember=request.remember)
        return SignInResult(session, request, went_offline=False)
    except Retryable as error:
        if not sign_in.vault(request.username).has_offline_data():
            raise
        log.info("server unreachable (%s): unlocking the offline data", type(error).__name__)
    session = sign_in.offline(request.username, request.password, remember=request.remember)
    return SignInResult(session, request, went_offline=True)


SignInFactory = Callable[[str], SignIn]


class SignInDialog(QDialog):
    """Collects the server, username and password; emits ``signed_in`` with the result.

    ``make_sign_in(server_url)`` builds the ``SignIn`` (profile folder, CA bundle,
    administrator's limits); it runs on the worker with the rest.
    """

    signed_in = Signal(object)  # SignInResult
    language_chosen = Signal(str)

    def __init__(
        self,
        tasks: TaskRunner,
        make_sign_in: SignInFactory,
        *,
        server_url: str = "",
        server_locked: bool = False,
        username: str = "",
        password: str = "",
        remember: bool = True,
        remember_allowed: bool = True,
        language: str = "en",
        language_locked: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SignInDialog")
        self._tasks = tasks
        self._make_sign_in = make_sign_in
        self._message: Callable[[], str] | None = None
        self._message_is_error = False
        self._wait_until_tick = 0
        self._busy = False

        self.setWindowIcon(QIcon(str(ICON)))
        self._ministry = QLabel(self)
        self._ministry.setObjectName("ministryName")
        self._ministry.setWordWrap(True)
        self._product = QLabel(self)
        self._product.setObjectName("productName")
        self._language = QComboBox(self)
        self._language.setObjectName("languageChoice")
        for code, name in NATIVE_NAMES.items():
            self._language.addItem(name, code)
        self._language.setCurrentIndex(max(0, self._language.findData(language)))
        self._language.setEnabled(not language_locked)
        self._language_locked = language_locked
        self._language.currentIndexChanged.connect(
            lambda _i: self.language_chosen.emit(self._language.currentData())
        )
        self._language_label = QLabel(self)  # Orca reads a combo's label from its buddy
        self._language_label.setBuddy(self._language)

        self.server = QLineEdit(server_url, self)
        self.server.setObjectName("serverField")
        self.server.setReadOnly(server_locked)
        self._server_locked = server_locked
        self.username = QLineEdit(username, self)
        self.username.setObjectName("usernameField")
        self.password = QLineEdit(password, self)
        self.password.setObjectName("passwordField")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self)
        self.remember.setObjectName("rememberBox")
        self.remember.setChecked(remember and remember_allowed)
        self.remember.setEnabled(remember_allowed)  # greyed, and says why, when locked
        self._remember_allowed = remember_allowed
        self._no_store = False
        self._remember_note = QLabel(self)  # why "Remember me" cannot be offered here
        self._remember_note.setObjectName("rememberNote")
        self._remember_note.setWordWrap(True)
        self._remember_note.hide()
        self.message = QLabel(self)
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self._busy_bar = QProgressBar(self)
        self._busy_bar.setRange(0, 0)  # indeterminate
        self._busy_bar.setTextVisible(False)
        self._busy_bar.setFixedHeight(6)
        self._busy_bar.hide()
        self.sign_in_button = QPushButton(self)
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.reject)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

        self._form = QFormLayout()
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._form.setVerticalSpacing(10)
        self._server_label = QLabel(self)
        self._username_label = QLabel(self)
        self._password_label = QLabel(self)
        self._server_label.setBuddy(self.server)  # the label names the field for screen readers
        self._username_label.setBuddy(self.username)
        self._password_label.setBuddy(self.password)
        self._form.addRow(self._server_label, self.server)
        self._form.addRow(self._username_label, self.username)
        self._form.addRow(self._password_label, self.password)
        self._form.addRow("", self.remember)
        self._form.addRow("", self._remember_note)

        emblem = QLabel(self)
        emblem.setPixmap(self.windowIcon().pixmap(48, 48))
        emblem.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._emblem = emblem
        header = QHBoxLayout()
        header.setSpacing(14)
        header.addWidget(emblem, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.addWidget(self._ministry)
        titles.addWidget(self._product)
        header.addLayout(titles, 1)
        header.addWidget(self._language_label, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self._language, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.sign_in_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        layout.addLayout(header)
        layout.addLayout(self._form)
        layout.addWidget(self.message)
        layout.addWidget(self._busy_bar)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.remember, self.cancel_button)  # Quit is shown left of Sign in
        QWidget.setTabOrder(self.cancel_button, self.sign_in_button)
        self.setMinimumWidth(520)
        self._retranslate()
        (self.password if username else self.username).setFocus()

    # --- language ---------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in — Ministry Intranet"))
        self._ministry.setText(self.tr("Ministry of Health of the Republic of Azerbaijan"))
        self._product.setText(self.tr("Intranet"))
        self._server_label.setText(self.tr("Server address:"))
        self._username_label.setText(self.tr("Username:"))
        self._password_label.setText(self.tr("Password:"))
        organisation = self.tr("Set by your organisation")
        self.remember.setText(
            self.tr("Remember me on this computer")
            if self._remember_allowed
            else self.tr("Remember me on this computer (set by your organisation)")
        )
        self.remember.setToolTip("" if self._remember_allowed else organisation)
        self._language.setToolTip(organisation if self._language_locked else "")
        self._language.setAccessibleDescription(organisation if self._language_locked else "")
        self.server.setToolTip(self.tr("Set by your administrator") if self._server_locked else "")
        self.server.setPlaceholderText("https://intranet.health.gov.az")
        self.username.setPlaceholderText(self.tr("e.g. turane.ceferli"))
        self._remember_note.setText(
            self.tr(
                "This computer has no working credential store, so the Intranet cannot "
                "remember you: your password will be asked at each start."
            )
        )
        self._update_button()
        self.cancel_button.setText(self.tr("Quit"))
        self._language_label.setText(self.tr("Language:"))
        if self._message is not None:
            self.message.setText(self._message())
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # --- messages -----------------------------------------------------------------------

    def show_message(self, text: Callable[[], str], *, error: bool = True) -> None:
        """Show a sentence; ``text`` is asked again after a language change."""
        self._message = text
        self.message.setProperty("error", error)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text())
        self.message.show()
        self._fit()

    def clear_message(self) -> None:
        self._message = None
        self.message.hide()
        self._fit()

    def no_credential_store(self) -> None:
        """No credential store works on this computer: say so instead of offering it."""
        self._no_store = True
        self.remember.setChecked(False)
        self.remember.setEnabled(False)
        self._remember_note.setVisible(self._remember_allowed)
        self._fit()

    def _fit(self) -> None:
        """Grow to what the layout needs at the current width (never squeeze): a message
        that wraps to three lines pushes the buttons down instead of lying on the fields."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        width = self.width()
        needed = layout.totalMinimumSize().height()
        if layout.hasHeightForWidth():
            needed = max(needed, layout.totalHeightForWidth(width))
        self.setMinimumHeight(needed)
        if self.height() < needed:
            self.resize(width, needed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            QTimer.singleShot(0, self._fit)  # narrower: the wrapped texts need more height

    # --- signing in ---------------------------------------------------------------------

    def _address_problem(self, problem: AddressProblem) -> str:
        return {
            AddressProblem.EMPTY: self.tr(
                "Enter the server address, e.g. https://intranet.health.gov.az."
            ),
            AddressProblem.SPACES: self.tr("The server address cannot contain spaces."),
            AddressProblem.SCHEME: self.tr(
                "The server address must begin with https:// (or be a bare name such as "
                "intranet.health.gov.az)."
            ),
            AddressProblem.NO_HOST: self.tr(
                "The server address has no server name, e.g. intranet.health.gov.az."
            ),
            AddressProblem.PORT: self.tr(
                "The port after the colon in the server address must be a number from 1 to 65535."
            ),
        }[problem]

    def _request(self) -> SignInRequest | None:
        try:
            server = complete_server_url(self.server.text())
        except BadAddress as bad:
            problem = bad.problem
            self.show_message(lambda: self._address_problem(problem))
            self.server.setFocus()
            return None
        if not self.username.text().strip():
            self.show_message(lambda: self.tr("Enter your username."))
            self.username.setFocus()
            return None
        if not self.password.text():
            self.show_message(lambda: self.tr("Enter your password."))
            self.password.setFocus()
            return None
        remember = self._remember_allowed and not self._no_store and self.remember.isChecked()
        return SignInRequest(server, self.username.text().strip(), self.password.text(), remember)

    def submit(self) -> None:
        if self._busy or self._wait_until_tick > 0:
            return
        request = self._request()
        if request is None:
            return
        self.clear_message()
        self._set_busy(True)
        factory = self._make_sign_in
        self._tasks.run(
            lambda: sign_in_now(factory(request.server_url), request),
            self._succeeded,
            lambda error: self._failed(error, request),
        )

    def _succeeded(self, result: SignInResult) -> None:
        self._set_busy(False)
        self.password.clear()
        self.signed_in.emit(result)
        self.accept()

    def _failed(self, error: BaseException, request: SignInRequest) -> None:
        self._set_busy(False)
        log.info("sign-in failed: %s", type(error).__name__)
        server = request.server_url
        self.show_message(lambda: messages.for_error(error, server))
        self.password.selectAll()
        self.password.setFocus()
        if isinstance(error, WrongPassword) and error.next_delay > 0:
            self._hold_back(error.next_delay)

    def _hold_back(self, seconds: float) -> None:
        """The cache makes the next offline attempt wait: say so on the button."""
        self._wait_until_tick = math.ceil(seconds)
        self._update_button()
        self._countdown.start()

    def _tick(self) -> None:
        self._wait_until_tick = max(0, self._wait_until_tick - 1)
        if self._wait_until_tick == 0:
            self._countdown.stop()
        self._update_button()

    def _update_button(self) -> None:
        if self._wait_until_tick > 0:
            self.sign_in_button.setText(self.tr("Wait %n s", "", self._wait_until_tick))
            self.sign_in_button.setEnabled(False)
        elif self._busy:
            self.sign_in_button.setText(self.tr("Signing in…"))
            self.sign_in_button.setEnabled(False)
        else:
            self.sign_in_button.setText(self.tr("Sign in"))
            self.sign_in_button.setEnabled(True)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.server, self.username, self.password):
            widget.setEnabled(not busy)
        self.remember.setEnabled(not busy and not self._no_store)
        self.server.setReadOnly(self._server_locked)
        self.cancel_button.setEnabled(not busy)
        self._busy_bar.setVisible(busy)
        self._update_button()

    @property
    def busy(self) -> bool:
        return self._busy

    def reject(self) -> None:
        if not self._busy:  # the worker cannot be interrupted mid-Argon2: wait for it
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
        else:
            super().closeEvent(event)
