"""Kill the app (SIGKILL) between the local write and the push, and during the push, at
least 200 times (issue 9, "Bad input and faults"): every change reaches the server
exactly once, the outbox ends empty, the cache passes ``integrity_check``.

The writer (tests/client/kill_writer.py) changes its own work phone again and again
through the real write path and the real sync engine, against the real server on
loopback, in a real encrypted cache, and is killed at a random moment each time. Each
change's phone names its step, so the server's card tells how many changes reached it:
one new version per step, and the last step's number.
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
from tests.client.kill_writer import PERSON, BearerTransport, phone_of, step_of
from tests.server.conftest import World

ROOT = Path(__file__).resolve().parents[2]
KILLS = 210
LONGEST_LIFE = 0.35  # seconds: a writer lives a random time up to this, then is killed


class ForkServer:
    """The kill_writer process: forks writers on request, says how they ended."""

    def __init__(
        self,
        cache: Path,
        server_url: str,
        key: bytes,
        token: str,
        module: str = "tests.client.kill_writer",
    ) -> None:
        env = {**os.environ, "KILL_WRITER_KEY": key.hex(), "KILL_WRITER_TOKEN": token}
        self.process = subprocess.Popen(
            [sys.executable, "-m", module, str(cache), server_url],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        assert self.readline() == "ready"

    def readline(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, "the fork server ended"
        return line.strip()

    def ask(self, command: str) -> int:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        line = self.readline()
        assert line.startswith("pid "), line
        return int(line.split()[1])

    def until_ended(self, pid: int) -> tuple[list[str], int]:
        """The writer's lines, and its wait status."""
        lines = []
        while True:
            line = self.readline()
            if line.startswith(f"ended {pid} "):
                return lines, int(line.split()[2])
            lines.append(line)

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("quit\n")
        self.process.stdin.close()
        self.process.wait(30)
        if self.process.stdout is not None:
            self.process.stdout.close()


def server_card(world: World) -> dict[str, object]:
    return world.sign_in("staff").sync_all("people")[0][PERSON]


@pytest.mark.slow
def test_killed_200_times_between_write_and_push_nothing_is_lost_or_doubled(
    world: World, tmp_path: Path
) -> None:
    key = secrets.token_bytes(32)
    cache = tmp_path / "cache.db"
    token = world.sign_in("staff").auth["Authorization"].removeprefix("Bearer ")
    db = open_database(cache, key, create=True)
    api = ApiClient(world.server.base_url, transport=BearerTransport(token))
    SyncEngine(api, RecordStore(db, CATALOG), Outbox(db, CATALOG), Meta(db)).run()
    api.close()
    db.close()
    first = server_card(world)
    assert step_of(first["phone"]) == 0

    rng = random.Random(20261130)
    phases: Counter[str] = Counter()
    forks = ForkServer(cache, world.server.base_url, key, token)
    try:
        for _ in range(KILLS):
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
    print(f"\n{KILLS} kills; the writer's last word before each: {dict(phases)}")

    db = open_database(cache, key)
    try:
        assert db.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert Outbox(db, CATALOG).all() == []
        assert db.conn.execute("SELECT count(*) FROM outbox_base").fetchone()[0] == 0
        stored = RecordStore(db, CATALOG).get("people", PERSON)
        assert stored is not None
        steps = step_of(stored.record["phone"])
    finally:
        db.close()
    assert steps > 0
    card = server_card(world)
    # Every change made here reached the server, once: one version each, in order, and the
    # last one is what the server has (a change sent twice would have bumped it again,
    # or put an older number back).
    assert card["phone"] == phone_of(steps)
    assert card["version"] == int(str(first["version"])) + steps
    assert stored.version == card["version"] and stored.record == card
