"""Run the server: in this process's thread (tests, the app's embedded demo) or as the
main program. Seeding happens before the socket opens and only into an empty database."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import uvicorn
from sqlalchemy import func, select
from starlette.types import ASGIApp

from server.app import create_app
from server.blobs import BlobStore
from server.config import Settings
from server.db import Database, sqlite_url_for, users
from server.limits import REQUEST_HEAD_BYTES
from server.private_files import make_private_dir

SeedSize = Literal["none", "demo", "large"]


def seed_if_empty(settings: Settings, size: SeedSize, today: date | None = None) -> bool:
    """Seed a fresh data dir; a data dir that already has users is left alone."""
    if size == "none":
        return False
    from server.seed import seed  # noqa: PLC0415 - the generator loads only when asked for

    make_private_dir(settings.data_dir)
    db = Database(settings.database_url or sqlite_url_for(settings.data_dir))
    try:
        db.create_schema()
        with db.read() as conn:
            if conn.execute(select(func.count()).select_from(users)).scalar_one() > 0:
                return False
        seed(db, BlobStore(settings.data_dir / "blobs"), size, today or date.today())
        return True
    finally:
        db.dispose()


def listening_socket(host: str, port: int) -> socket.socket:
    """A bound TCP socket for uvicorn, whose connections send without Nagle's delay.

    asyncio turns Nagle's algorithm off (TCP_NODELAY) on an accepted connection only
    when the listening socket names its protocol: ``socket.socket(AF_INET,
    SOCK_STREAM)`` has protocol 0, so every answer's body waited for the client's
    delayed ACK of its headers: 40 ms per request on a reused connection (48 ms against
    7 ms on loopback, docs/performance.md). Set on the listening socket too, which
    Linux hands down to the connections it accepts.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    return sock


def uvicorn_config(app: ASGIApp, **options: Any) -> uvicorn.Config:
    """The one uvicorn configuration, for the embedded and the standalone server."""
    return uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,
        h11_max_incomplete_event_size=REQUEST_HEAD_BYTES,
        **options,
    )


@dataclass
class ServerThread:
    """A real uvicorn server on loopback in a background thread."""

    settings: Settings
    host: str = "127.0.0.1"
    port: int = 0

    def start(self, timeout: float = 30.0) -> ServerThread:
        self.app = create_app(self.settings)
        sock = listening_socket(self.host, self.port)
        self.port = sock.getsockname()[1]
        self._socket = sock
        self.server = uvicorn.Server(uvicorn_config(self.app, timeout_graceful_shutdown=2))
        self._thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [sock]}, name="intranet-server", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the embedded server did not start")
            time.sleep(0.005)
        return self

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/v1"

    def stop(self) -> None:
        self.server.should_exit = True
        self._thread.join(timeout=10)
        self._socket.close()
        self.app.state.services.db.dispose()
