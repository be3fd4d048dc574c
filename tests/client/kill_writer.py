"""The child of the kill-loop test (tests/client/test_kill_loop.py): "My details" changes
written through the real write path (``domains.writes.apply_command``, as
``ui.writes.Writes.apply`` runs it) into a real encrypted cache, pushed by the real
``SyncEngine`` to the real server, over and over until it is SIGKILLed.

Run as ``python -m tests.client.kill_writer CACHE SERVER_URL``; the cache's key and an
access token come in the environment (``KILL_WRITER_KEY`` in hex, ``KILL_WRITER_TOKEN``).
It is a fork server: everything is imported once, then each ``fork`` line on stdin forks
a writer (``pid N`` on stdout; ``ended N STATUS`` once it is gone), and ``clean`` forks
one that pushes until the outbox is empty and exits. Forking from this single-threaded
process makes 200 kills affordable on two cores (a fresh interpreter takes about a
second to import the client); each writer still opens the cache and the connection to
the server on its own, as a new process of the app would.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import sqlite_utils

from cache.database import open_database
from cache.meta import Meta
from cache.outbox import Outbox
from cache.store import RecordStore
from client.api import ApiClient
from client.sync import RetryPolicy, SyncEngine
from domains.catalog import CATALOG
from domains.directory.commands import UpdateContactDetails
from domains.writes import apply_command
from tests.client.fork_lines import say

PERSON = "p-staff"
USER: dict[str, object] = {"id": PERSON, "roles": ["staff"]}


def phone_of(step: int) -> str:
    return f"+994 12 {step:07d}"


def step_of(phone: object) -> int:
    found = re.fullmatch(r"\+994 12 (\d{7})", str(phone or ""))
    return int(found.group(1)) if found else 0


class BearerTransport(httpx.HTTPTransport):
    """The token the test signed in with, on every request (no sign-in per writer)."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self._token = token

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.headers["Authorization"] = f"Bearer {self._token}"
        return super().handle_request(request)


def _engine(cache: Path, server_url: str) -> tuple[SyncEngine, sqlite_utils.Database]:
    db = open_database(cache, bytes.fromhex(os.environ["KILL_WRITER_KEY"]))
    api = ApiClient(server_url, transport=BearerTransport(os.environ["KILL_WRITER_TOKEN"]))
    engine = SyncEngine(
        api,
        RecordStore(db, CATALOG),
        Outbox(db, CATALOG),
        Meta(db),
        retry=RetryPolicy(base=0.05, cap=0.5),
    )
    return engine, db


def write_forever(cache: Path, server_url: str) -> None:
    engine, db = _engine(cache, server_url)
    while True:
        stored = engine.records.get("people", PERSON)
        step = step_of(None if stored is None else stored.record.get("phone")) + 1
        apply_command(db, UpdateContactDetails(PERSON, phone_of(step), None, None, USER))
        say(f"written {step}")
        engine.run()
        say(f"pushed {step}")


def push_until_empty(cache: Path, server_url: str) -> None:
    engine, _db = _engine(cache, server_url)
    for _ in range(600):
        engine.run()
        if not engine.outbox.all():
            say("clean")
            return
        time.sleep(0.1)  # an entry waits for its retry time (a resend still in flight)
    left = [
        (
            c.entry.state.value,
            c.entry.body,
            c.entry.if_match,
            c.entry.attempts,
            (c.server or {}).get("phone"),
            (c.server or {}).get("version"),
            (c.current or {}).get("version"),
            (c.base or {}).get("version"),
        )
        for c in engine.outbox.waiting()
    ]
    raise SystemExit(f"still queued: {left}")


def _fork(target: Callable[[Path, str], None], cache: Path, server_url: str) -> None:
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            target(cache, server_url)
        except BaseException as error:  # reported to the test, then exit
            say(f"failed {error!r}")
            code = 1
        finally:
            sys.stdout.flush()
            os._exit(code)
    say(f"pid {pid}")
    _, status = os.waitpid(pid, 0)
    say(f"ended {pid} {status}")


def main() -> None:
    cache, server_url = Path(sys.argv[1]), sys.argv[2]
    say("ready")
    for line in sys.stdin:
        command = line.strip()
        if command == "fork":
            _fork(write_forever, cache, server_url)
        elif command == "clean":
            _fork(push_until_empty, cache, server_url)
        elif command == "quit":
            return


if __name__ == "__main__":
    main()
