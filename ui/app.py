"""The app's course: sign in (or open a remembered cache), the main window, and back.

``ShellApp`` owns the session between the sign-in dialog and the main window. It builds
the window's parts, and when the window asks to be left it stops the sync, tears the
session down on a worker (sign-out and wipe talk to the server and delete files) and
shows the sign-in dialog again with a sentence saying why.
"""

from __future__ import annotations

import logging
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QMenuBar,
    QMessageBox,
    QWidget,
)

from cache.errors import (
    KeyNotRemembered,
    NoCredentialStore,
    OfflineGraceExpired,
    ProfileNotFound,
)
from cache.keystore import CredentialStore, KeyStorage
from cache.meta import remember_allowed
from client.documents import DocumentContent
from client.online import ApiOnlineReads
from client.policy import (
    Effective,
    MachinePolicy,
    PolicyLayers,
    idle_lock_minutes,
    load_policy_layers,
    resolve,
    settings_in_effect,
)
from client.session import DeviceIdentity, Session, SignIn
from ui import messages
from ui.about import AboutFacts
from ui.context import DataEvents, TabContext
from ui.i18n import Languages
from ui.main_window import Leave, MainWindow, WindowParts
from ui.menus import Menus
from ui.notifier import NotifierFactory, system_tray_notifier
from ui.reads import ReadPool
from ui.settings import UserSettings
from ui.signin import SignInDialog, SignInRequest, SignInResult
from ui.startup import (
    FirstWindow,
    StartupSplash,
    app_icon,
    load_style,
    show_first_window,
)
from ui.status import StatusPanel
from ui.sync_controller import FIRST_SYNC_DELAY_MS, SYNC_INTERVAL_MS, SyncController
from ui.tabs import TabSpec, available_tabs
from ui.tasks import TaskRunner
from ui.writes import Writes

log = logging.getLogger(__name__)

__all__ = ["AppOptions", "Prefill", "ShellApp", "StartupProbe", "app_icon", "load_style", "run"]


@dataclass(frozen=True)
class Prefill:
    """What the sign-in dialog starts with (the demo's account)."""

    server_url: str
    username: str = ""
    password: str = ""


@dataclass
class AppOptions:
    profile_dir: Path | None = None
    prefill: Prefill | None = None
    machine_policy: MachinePolicy | None = None  # None: read the administrator's
    credentials: CredentialStore | None = None
    vault_options: dict[str, Any] = field(default_factory=dict)  # tests: a cheap KDF
    engine_options: dict[str, Any] = field(default_factory=dict)  # tests: page size
    sync_interval_ms: int = SYNC_INTERVAL_MS
    first_sync_delay_ms: int = FIRST_SYNC_DELAY_MS
    idle_timeout_ms: int | None = None  # None: the policy's idle_lock_minutes
    tabs: Callable[[], list[TabSpec]] = available_tabs
    log_folder: Path | None = None  # where setup_logging writes; None: the default
    notifier: NotifierFactory = system_tray_notifier  # tests: a fake tray


class ShellApp(QObject):
    """Sign-in dialog ⇄ main window, for one user at a time."""

    shown = Signal(object)  # the SignInDialog or MainWindow just put on screen

    def __init__(
        self,
        qapp: QApplication,
        options: AppOptions,
        settings: UserSettings,
        languages: Languages,
        quit_app: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.qapp = qapp
        self.quit_app = quit_app or qapp.quit
        self.options = options
        self.settings = settings
        self.languages = languages
        self.policy_layers = (
            PolicyLayers(machine=options.machine_policy)
            if options.machine_policy is not None
            else load_policy_layers()
        )
        self.policy = self.policy_layers.merged
        self.tasks = TaskRunner(self)
        self.dialog: SignInDialog | None = None
        self.window: MainWindow | None = None
        self.session: Session | None = None
        self._window_tasks: TaskRunner | None = None
        self._closing = False
        self._store_works: bool | None = None  # the credential store, once asked
        self.splash: StartupSplash | None = None  # up until the first dialog or window

    def _replace_splash(self) -> None:
        """A window is up: the splash may go (never before, or Qt would see no window)."""
        if self.splash is not None:
            self.splash.close()
            self.splash.deleteLater()
            self.splash = None

    # --- what applies -----------------------------------------------------------------

    @property
    def effective(self) -> Effective:
        return resolve(self.policy, self.settings.user_choices())

    def server_url(self) -> str:
        prefill = self.options.prefill
        if prefill is not None and not self.effective.server_url_locked:
            return prefill.server_url
        return self.effective.server_url or ""

    def make_sign_in(self, server_url: str) -> SignIn:
        """Called on the worker: building the credential store may talk to D-Bus."""
        return SignIn(
            server_url,
            profile_dir=self.options.profile_dir,
            ca_bundle=self.effective.ca_bundle,
            credentials=self.options.credentials or CredentialStore(),
            vault_options=dict(self.options.vault_options),
            machine_policy=self.policy,
        )

    def set_language(self, code: str) -> None:
        if self.effective.language_locked:
            return
        self.languages.switch(code)
        self.settings.language = code
        self.settings.sync()
        if self.window is not None:
            self.window.parts.menus.mark_language(code)

    # --- start ------------------------------------------------------------------------

    def start(self) -> None:
        """Open a remembered cache without asking, or show the sign-in dialog."""
        username = self.settings.last_username
        server = self.server_url()
        if not (self.effective.remember and username and server):
            self.show_sign_in()
            return
        log.info("opening the remembered cache")
        self.tasks.run(
            lambda: self.make_sign_in(server).remembered(username),
            self.open_window,
            self._remembered_failed,
        )

    def _remembered_failed(self, error: BaseException) -> None:
        if isinstance(error, KeyNotRemembered | NoCredentialStore | ProfileNotFound):
            log.info("no remembered key: asking for the password")
            self.show_sign_in()
        elif isinstance(error, OfflineGraceExpired):
            self.show_sign_in(lambda: messages.grace_expired(error.grace_days))
        else:
            log.warning("the remembered cache did not open: %s", type(error).__name__)
            self.show_sign_in(lambda: messages.for_error(error))

    def show_sign_in(self, message: Callable[[], str] | None = None) -> None:
        effective = self.effective
        prefill = self.options.prefill
        username = self.settings.last_username or (prefill.username if prefill else "")
        # The demo's password only before its very first sign-in: after a sign-out the
        # user signs in as anyone would.
        first_time = self.settings.last_username is None
        password = prefill.password if prefill and first_time else ""
        dialog = SignInDialog(
            self.tasks,
            self.make_sign_in,
            server_url=self.server_url(),
            server_locked=effective.server_url_locked,
            username=username,
            password=password,
            remember=self.settings.remember,
            remember_allowed=effective.remember_allowed and self.settings.server_allows_remember,
            language=self.languages.current,
            language_locked=effective.language_locked,
        )
        dialog.setWindowIcon(app_icon())
        dialog.signed_in.connect(self._signed_in)
        dialog.rejected.connect(self._dialog_rejected)
        dialog.language_chosen.connect(self.set_language)
        if message is not None:
            dialog.show_message(message)
        self.dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self._replace_splash()
        self.shown.emit(dialog)
        self._offer_remember_where_it_works(dialog)

    def _offer_remember_where_it_works(self, dialog: SignInDialog) -> None:
        """Ask once (on a worker: the store may talk to D-Bus) whether a credential store
        works; where none does, the dialog says so instead of offering "Remember me"."""

        def show(works: bool) -> None:
            self._store_works = works
            if not works and self.dialog is dialog:
                dialog.no_credential_store()

        if self._store_works is not None:
            show(self._store_works)
            return
        credentials = self.options.credentials
        self.tasks.run(
            lambda: (credentials or CredentialStore()).available,
            show,
            lambda error: show(False),
        )

    def _dialog_rejected(self) -> None:
        if self.window is None and self.session is None:
            self.quit_app()

    def _signed_in(self, result: SignInResult) -> None:
        request: SignInRequest = result.request
        if not self.effective.server_url_locked and self.options.prefill is None:
            self.settings.server_url = request.server_url
        self.settings.last_username = request.username
        if result.session.server_policy is not None:
            server = result.session.server_policy
            self.settings.server_allows_remember = remember_allowed(server)
        if self.effective.remember_allowed and self.settings.server_allows_remember:
            self.settings.remember = request.remember
        self.settings.sync()
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self.open_window(
            result.session, went_offline=result.went_offline, asked_remember=request.remember
        )

    # --- the main window --------------------------------------------------------------

    def open_window(
        self, session: Session, *, went_offline: bool = False, asked_remember: bool = False
    ) -> None:
        self.session = session
        tasks = TaskRunner(self)
        self._window_tasks = tasks
        events = DataEvents()
        reads = ReadPool(session.cache.connect, tasks)  # closed in _tear_down
        writes = Writes(reads, events)
        content = DocumentContent(session.api, session.cache.content_files())
        context = TabContext(
            reads=reads,
            writes=writes,
            tasks=tasks,
            events=events,
            user=session.user,
            preferences=self.settings.qsettings,
            files=content,
            online=ApiOnlineReads(session.api, lambda: not session.offline),
            policy=dict(session.policy),
        )
        sync = SyncController(
            session,
            tasks,
            events,
            interval_ms=self.options.sync_interval_ms,
            first_delay_ms=self.options.first_sync_delay_ms,
            engine_options={
                "content_opener": content.opener,
                "content_sender": content,
                **self.options.engine_options,
            },
        )
        writes.set_sync(sync)
        menu_bar = QMenuBar()
        menus = Menus(menu_bar, self.languages.current, self.effective.language_locked)
        menus.language_chosen.connect(self.set_language)
        idle_ms = self.options.idle_timeout_ms
        if idle_ms is None:  # the stricter of the server's and the machine's policy
            idle_ms = idle_lock_minutes(session.policy.get("idle_lock_minutes"), self.policy)
            idle_ms *= 60_000
        user = session.user
        parts = WindowParts(
            context=context,
            tabs=self.options.tabs(),
            sync=sync,
            status=StatusPanel(),
            menus=menus,
            menu_bar=menu_bar,
            verify_password=session.vault.verify_password,
            idle_timeout_ms=idle_ms,
            about=AboutFacts(
                str(user.get("display_name") or session.profile.username),
                session.profile.username,
                session.profile.server_url,
                session.cache.key_storage,
            ),
            log_folder=self.options.log_folder,
            helpdesk=self.policy.helpdesk,
            settings_in_effect=lambda: settings_in_effect(
                self.policy_layers, self.settings.user_choices(), session.policy
            ),
            notifier=self.options.notifier,
        )
        window = MainWindow(parts, self.settings)
        window.setWindowIcon(app_icon())
        window.leave_requested.connect(self._leave)
        self.window = window
        window.show()
        self._replace_splash()
        self.shown.emit(window)
        if session.reenrolled:
            window.show_message(messages.reenrolled, 0)
            window.inform(messages.reenrolled())
        elif went_offline:
            window.show_message(
                lambda: QApplication.translate(
                    "ShellApp",
                    "The server cannot be reached: you are working with the data kept on "
                    "this computer. Changes will be sent when the connection returns.",
                ),
                0,
            )
        elif asked_remember and session.cache.key_storage == KeyStorage.NO_CREDENTIAL_STORE:
            window.show_message(
                lambda: QApplication.translate(
                    "ShellApp",
                    "This computer has no credential store: your password will be asked "
                    "at each start.",
                ),
                0,
            )

    def _leave(self, reason: Leave) -> None:
        window = self.window
        if window is None:
            return
        # Sign-out and removal need the sync ended (they talk to the server, delete
        # files); a quit does not: session.close() then abandons what is in flight.
        window.shutdown(lambda: self._tear_down(reason), wait_for_sync=reason is not Leave.QUIT)

    def quit(self) -> None:
        """Quit as the menu's Quit does, from whatever is on screen (SIGTERM, Ctrl+C)."""
        if self.window is not None:
            self.window.leave(Leave.QUIT)
        elif self.dialog is not None and not self.dialog.busy:
            self.dialog.reject()
        elif self.dialog is None:
            self.quit_app()

    def _tear_down(self, reason: Leave) -> None:
        """The sync has stopped: end the session on a worker, then go where ``reason`` says."""
        window, session, tasks = self.window, self.session, self._window_tasks
        assert window is not None and session is not None
        window.hide()

        def work() -> None:
            if tasks is not None:
                tasks.wait_for_done(30_000)  # tabs' queries finish before the cache goes
            window.parts.context.reads.close()
            if reason is Leave.SIGN_OUT:
                session.sign_out()
            elif reason is Leave.REMOVE_DATA:
                session.wipe()
            elif reason is Leave.DEVICE_REVOKED:
                session.wipe()
                DeviceIdentity.create(session.profile.root)
            else:
                session.close()

        def done(_result: object = None) -> None:
            window.close()
            window.deleteLater()
            self.window = None
            self.session = None
            if tasks is not None:
                tasks.deleteLater()  # its pool; every task has ended
            self._window_tasks = None
            if reason is Leave.QUIT:
                self.quit_app()
            elif reason is Leave.DEVICE_REVOKED:
                self.show_sign_in(messages.device_revoked)
            elif reason is Leave.SESSION_ENDED:
                self.show_sign_in(messages.session_ended)
            elif reason is Leave.REMOVE_DATA:
                self.show_sign_in(
                    lambda: QApplication.translate(
                        "ShellApp", "The offline data on this computer was removed."
                    )
                )
            else:
                self.show_sign_in()

        def failed(error: BaseException) -> None:
            log.error("ending the session failed: %s", type(error).__name__)
            done()

        self.tasks.run(work, done, failed)

    def bring_to_front(self) -> None:
        """Another start knocked: show whichever window is up."""
        target: QWidget | None = self.window if self.window is not None else self.dialog
        if target is None:
            return
        if target.isMinimized():
            target.showNormal()
        target.show()
        target.raise_()
        target.activateWindow()


class StartupProbe:
    """``--startup-probe`` (bench/startup.py): once the main window is up with every
    visible list filled, paint it, print the wall-clock time and the memory, and quit."""

    def watch(self, shell: ShellApp) -> None:
        timer = QTimer(shell)
        timer.setInterval(5)

        def check() -> None:
            window = shell.window
            if window is None or not window.isVisible():
                return
            views = [
                v
                for v in window.findChildren(QAbstractItemView)
                if v.isVisible() and v.model() is not None
            ]
            if not views or not all(v.model().rowCount() > 0 for v in views):
                return
            timer.stop()
            window.repaint()  # the frame with the data, painted now
            painted_cpu = time.process_time()  # the process's, all threads
            print(
                f"startup-probe painted-at={time.time():.3f} rss-mb={_rss_mb():.1f} "
                f"cpu-s={painted_cpu:.3f}",
                flush=True,
            )
            QTimer.singleShot(0, lambda: window.leave(Leave.QUIT))

        timer.timeout.connect(check)
        timer.start()


class WindowReport:
    """``--report-windows`` (tests of whole starts, tests/ui/shell/test_start.py): prints
    ``shown: <class>`` for each window the shell shows. A sign-in dialog already filled
    in (the demo's first start) is submitted as a user pressing Enter would; the main
    window, once shown, is left at once (Leave.QUIT)."""

    def watch(self, shell: ShellApp) -> None:
        def report(widget: QWidget) -> None:
            print(f"shown: {type(widget).__name__}", flush=True)
            if isinstance(widget, MainWindow):
                QTimer.singleShot(0, lambda: widget.leave(Leave.QUIT))
            elif isinstance(widget, SignInDialog) and widget.password.text():
                QTimer.singleShot(0, widget.submit)

        shell.shown.connect(report)


def _rss_mb() -> float:
    try:
        import psutil  # type: ignore[import-untyped]  # noqa: PLC0415 - dev dependency
    except ImportError:
        return float("nan")
    return float(psutil.Process().memory_info().rss) / (1024 * 1024)


def _quit_on_signals(shell: ShellApp) -> None:
    """SIGTERM (the desktop session ends, ``kill``) and Ctrl+C quit as the menu's Quit
    does: layout kept, cache closed. Python runs its handlers between byte-codes only,
    so a timer gives it a moment while Qt waits for events."""

    def ask(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, shell.quit)

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, ask)
    wake = QTimer(shell)
    wake.setInterval(200)
    wake.timeout.connect(lambda: None)
    wake.start()


def run(
    options: AppOptions,
    *,
    demo: Callable[[], Prefill] | None = None,
    startup_probe: StartupProbe | None = None,
    window_report: WindowReport | None = None,
    argv: list[str] | None = None,
    first: FirstWindow | None = None,
) -> int:
    """The GUI: one instance per user; ``demo`` starts the embedded server (on a worker,
    it may seed data first) and says which account to fill in. ``first``: the splash
    ``main.py`` put up before loading this module (``ui.startup``)."""
    if first is None:
        first = show_first_window(
            options.profile_dir,
            demo=demo is not None,
            machine_policy=options.machine_policy,
            argv=argv if argv is not None else sys.argv[:1],
        )
        if first is None:
            return 0
    qapp, instance, settings, languages = (
        first.qapp,
        first.instance,
        first.settings,
        first.languages,
    )
    options.machine_policy = first.policy
    for spec in options.tabs():
        if spec.install_translations is not None:
            languages.add_installer(spec.install_translations)  # the current language too
    shell = ShellApp(qapp, options, settings, languages)
    _quit_on_signals(shell)
    shell.splash = first.splash
    instance.activated.connect(shell.bring_to_front)
    if startup_probe is not None:
        startup_probe.watch(shell)
    if window_report is not None:
        window_report.watch(shell)
    if demo is None:
        shell.start()
    else:
        first.splash.set_message(
            QApplication.translate("ShellApp", "Preparing the demonstration server…")
        )

        def ready(prefill: Prefill) -> None:
            first.splash.set_message("")
            options.prefill = prefill
            shell.start()

        def failed(error: BaseException) -> None:
            shell._replace_splash()
            log.error("the demonstration server did not start: %r", error)
            QMessageBox.critical(
                None,
                "Intranet",
                QApplication.translate(
                    "ShellApp", "The demonstration server could not be started: %1"
                ).replace("%1", str(error)),
            )
            qapp.quit()

        shell.tasks.run(demo, ready, failed)
    code = qapp.exec()
    instance.release()
    shell.tasks.wait_for_done(10_000)
    return int(code)
