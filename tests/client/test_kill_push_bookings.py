"""SIGKILL during the push of 50 queued bookings, in a loop of 100 kills (issue 11,
"Reliability"): every booking queued reaches the server exactly once, the outbox ends
empty, the cache passes ``integrity_check``.

Whenever the outbox is empty the test queues the next 50 bookings through the real write
path (``BookRoom`` through ``apply_command``, offline); a writer (tests/client/kill_booker.py)
pushes them with the real sync engine to the real server on loopback, from the real
encrypted cache, and is killed at a random moment, mostly mid-push (a push of 50 takes
longer than a writer lives). Each booking's title names it, so the server's list tells
which arrived and how often.
"""

from __future__ import annotations

import os
import random
import secrets
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from cache.database import open_database
from cache.meta import Meta
from cache.outbox import Outbox
from cache.store import RecordStore
from client.api import ApiClient
from client.sync import SyncEngine
from domains.catalog import CATALOG
from tests.client.kill_booker import BATCH, TITLE, queue_batch
from tests.client.kill_writer import BearerTransport
from tests.client.test_kill_loop import ROOT, ForkServer
from tests.server.conftest import World

KILLS = 100
LONGEST_LIFE = 0.6  # seconds


class BookingForkServer(ForkServer):
    """The kill_booker process (same protocol as the kill_writer's)."""

    def __init__(self, cache: Path, server_url: str, key: bytes, token: str) -> None:
        env = {**os.environ, "KILL_WRITER_KEY": key.hex(), "KILL_WRITER_TOKEN": token}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.client.kill_booker", str(cache), server_url],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        assert self.readline() == "ready"


def server_titles(world: World) -> Counter[str]:
    items = world.sign_in("staff").sync_all("bookings")[0]
    return Counter(
        str(b["title"]) for b in items.values() if TITLE.fullmatch(str(b.get("title", "")))
    )


@pytest.mark.slow
def test_killed_100_times_while_pushing_50_bookings_each_arrives_once(
    world: World, tmp_path: Path
) -> None:
    key = secrets.token_bytes(32)
    cache = tmp_path / "cache.db"
    token = world.sign_in("staff").auth["Authorization"].removeprefix("Bearer ")
    db = open_database(cache, key, create=True)
    api = ApiClient(world.server.base_url, transport=BearerTransport(token))
    SyncEngine(api, RecordStore(db, CATALOG), Outbox(db, CATALOG), Meta(db)).run()  # the rooms
    api.close()
    db.close()
    assert server_titles(world) == Counter()

    rng = random.Random(20261130)
    phases: Counter[str] = Counter()
    batches = 0
    forks = BookingForkServer(cache, world.server.base_url, key, token)
    try:
        for _ in range(KILLS):
            db = open_database(cache, key)
            try:
                if not Outbox(db, CATALOG).all():
                    batches += 1
                    queue_batch(db, batches)
            finally:
                db.close()
            pid = forks.ask("fork")
            time.sleep(rng.uniform(0.0, LONGEST_LIFE))
            os.kill(pid, signal.SIGKILL)
            lines, status = forks.until_ended(pid)
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, lines
            phases[lines[-1].split()[0] if lines else "starting"] += 1
        clean = forks.ask("clean")
        lines, status = forks.until_ended(clean)
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, lines
        assert lines[-1] == "clean"
    finally:
        forks.close()
    print(f"\n{KILLS} kills over {batches} pushes of {BATCH}; last words: {dict(phases)}")

    db = open_database(cache, key)
    try:
        assert db.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert Outbox(db, CATALOG).all() == []
        assert db.conn.execute("SELECT count(*) FROM outbox_base").fetchone()[0] == 0
        local = db.conn.execute(
            "SELECT id, title, sync_state FROM bookings WHERE title LIKE 'kill %'"
        ).fetchall()
    finally:
        db.close()
    queued = Counter(str(row[1]) for row in local)
    assert len(queued) == batches * BATCH and batches >= 2  # kills in more than one push
    assert all(count == 1 for count in queued.values())
    assert {row[2] for row in local} == {"synced"}
    assert not any(str(row[0]).startswith("local-") for row in local)
    on_server = server_titles(world)
    # Every booking queued here is on the server, once: none lost, none doubled by a
    # resend after a kill (the idempotency key of its outbox entry).
    assert on_server == queued
