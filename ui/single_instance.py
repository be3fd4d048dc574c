"""One app per user: a second start asks the first to come to the front, then exits.

The first instance listens on a local socket (a named pipe on Windows, a socket file on
Linux) whose name is derived from the user and the profile folder, so two users on one
terminal server, or a test with its own ``--profile-dir``, do not meet. The socket is
private to the user (``UserAccessOption``).
"""

from __future__ import annotations

import getpass
import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from cache.profile import default_profiles_root

log = logging.getLogger(__name__)

_MESSAGE = b"activate\n"


def instance_name(profile_dir: Path | None) -> str:
    """A per-user socket name that reveals neither the user nor the folder. It is keyed
    on the real profile folder (the default one when none is given, any spelling of a
    path resolved), so two starts that would share caches always meet."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or password database
        user = "unknown"
    folder = profile_dir if profile_dir is not None else default_profiles_root()
    where = str(folder.expanduser().resolve())
    digest = hashlib.sha256(f"{user}\n{where}".encode()).hexdigest()[:24]
    return f"ministry-intranet-{digest}"


class SingleInstance(QObject):
    """``claim()`` is True for the first instance; it then emits ``activated`` whenever
    another start knocks."""

    activated = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server: QLocalServer | None = None

    def claim(self, timeout_ms: int = 1000) -> bool:
        if self._notify_running(timeout_ms):
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # A socket file left by a crashed instance: nobody answered, so remove it.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("single-instance socket unavailable: %s", server.errorString())
                return True  # run anyway: better two windows than none
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def _notify_running(self, timeout_ms: int) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(_MESSAGE)
        socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return True

    def _on_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            connection.readyRead.connect(self._read)
            self._read()

    def _read(self) -> None:
        """Whichever connection has data: one knock is one activation."""
        if self._server is None:
            return
        for connection in self._server.findChildren(QLocalSocket):
            if connection.bytesAvailable() and bytes(connection.readAll().data()).startswith(
                _MESSAGE.strip()
            ):
                log.info("another start asked this window to come forward")
                self.activated.emit()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()  # with the connections it still holds
            self._server = None
