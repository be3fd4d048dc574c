"""Quitting never waits on the network: a real ``main.py`` process, remembered sign-in,
and a server that accepts the sync's connection but never answers.

The server is a real loopback listener (``SilentRelay``): first it relays to the test
server (so ``main.py sync`` can fill the profile), then it goes silent: it accepts,
reads the request and holds the connection open without a byte of answer. The app is
asked to quit (SIGTERM, as the desktop session does at log-out) while its sync waits
for that answer; it must end cleanly while the request is still unanswered, well
before the request's own timeout would have ended it.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from client.api import DEFAULT_TIMEOUTS
from tests.server.conftest import PASSWORD, World

ROOT = Path(__file__).resolve().parents[3]


class SilentRelay:
    """A loopback listener: relays to ``target`` until ``go_silent``, then answers
    nothing and keeps every connection it accepts open until ``close``."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.silent = False
        self.held: list[socket.socket] = []
        self.bytes_held = 0
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def go_silent(self) -> None:
        self.silent = True

    def requests_held(self) -> int:
        """Connections on which a request arrived and was never answered."""
        with self._lock:
            return len(self.held) if self.bytes_held else 0

    def still_open(self) -> bool:
        with self._lock:
            return bool(self.held) and all(s.fileno() != -1 for s in self.held)

    def close(self) -> None:
        self._listener.close()
        with self._lock:
            for held in self.held:
                held.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _address = self._listener.accept()
            except OSError:
                return  # closed
            if self.silent:
                with self._lock:
                    self.held.append(client)
                threading.Thread(target=self._swallow, args=(client,), daemon=True).start()
            else:
                upstream = socket.create_connection(self.target)
                for source, sink in ((client, upstream), (upstream, client)):
                    threading.Thread(target=_pump, args=(source, sink), daemon=True).start()

    def _swallow(self, client: socket.socket) -> None:
        while True:
            try:
                data = client.recv(65536)
            except OSError:
                return
            if not data:
                return  # the app closed its end (it quit)
            with self._lock:
                self.bytes_held += len(data)


def _pump(source: socket.socket, sink: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass
    finally:
        for end in (source, sink):
            end.close()


@pytest.fixture
def relay(world: World) -> Iterator[SilentRelay]:
    host, port = world.server.host, world.server.port
    made = SilentRelay((host, port))
    try:
        yield made
    finally:
        made.close()


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "MINISTRY_INTRANET_POLICY": str(tmp_path / "no-policy.json"),
    }


def test_quit_does_not_wait_for_a_server_that_never_answers(
    relay: SilentRelay, tmp_path: Path, qtbot: QtBot
) -> None:
    profile = tmp_path / "profile"
    env = _env(tmp_path)
    synced = subprocess.run(
        [sys.executable, "main.py", "--profile-dir", str(profile), "sync",
         "--server", relay.url, "--username", "staff", "--password-stdin"],
        input=PASSWORD + "\n", text=True, capture_output=True, cwd=ROOT, env=env,
        timeout=120, check=False,
    )  # fmt: skip
    assert synced.returncode == 0, synced.stderr
    # What the app keeps after a sign-in with "remember me": the next start needs no password.
    (profile / "MinistryIntranet.ini").write_text(
        f"[server]\nurl={relay.url}\n\n[signin]\nlast_username=staff\nremember=true\n",
        encoding="utf-8",
    )
    relay.go_silent()

    app = subprocess.Popen(
        [sys.executable, "main.py", "--profile-dir", str(profile)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        # The main window is up and its first sync waits for the silent server.
        qtbot.waitUntil(lambda: relay.requests_held() > 0 or app.poll() is not None, timeout=90_000)
        assert app.poll() is None, app.communicate()
        app.send_signal(signal.SIGTERM)  # Quit, as at the end of the desktop session
        request_timeout = DEFAULT_TIMEOUTS["read"]
        try:
            app.wait(timeout=request_timeout / 2)
        except subprocess.TimeoutExpired:
            pytest.fail(
                f"the app still runs {request_timeout / 2:.0f} s after Quit: it waits for the "
                "server's answer instead of abandoning the request"
            )
        _out, err = app.communicate()
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    assert app.returncode == 0, err  # a clean quit, not killed by the signal
    assert relay.still_open(), "the request ended because the server answered or hung up"
