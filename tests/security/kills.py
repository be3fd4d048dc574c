"""Kills: the headless client (``python main.py sync``) killed with SIGKILL during a sync
and during the push of queued bookings, again and again, then one clean sync. After it:
the cache passes ``PRAGMA integrity_check``, holds what the server holds for the user,
its outbox is empty, and every queued booking is on the server exactly once.

And issue #7 item 1: a push that meets a clash (409) must not throw the sync away: the
pulled data and cursors stay, the free booking leaves the outbox, the clash waits for
the user, and the next sync costs one request.

It needs a working credential store (``scripts/attack`` runs it under gnome-keyring):
the client keeps its data key there, and this class reopens caches with it.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from client.session import Session, SignIn
from tests.security.harness import DEMO_PASSWORD, ROOT, Attack, Truth, User

PROGRESS = re.compile(r"^  (\w+): (\d+)(?:/(\d+))?$")
CHECKED = ("people", "bookings", "folders", "documents", "indicator_values")
BATCH = 8  # bookings queued before each push that is killed


def _command(profile: Path, server: str, username: str, verbose: bool) -> list[str]:
    command = [sys.executable, "main.py", "--profile-dir", str(profile)]
    if verbose:
        command.append("--verbose")
    return [*command, "sync", "--server", server, "--username", username, "--password-stdin"]


@dataclass
class Killer:
    attack: Attack
    rng: random.Random
    kills: dict[str, int] = field(default_factory=lambda: {"sync": 0, "push": 0})
    _slot: int = 0
    _counts: dict[tuple[str, str], int] = field(default_factory=dict)

    @property
    def server(self) -> str:
        return self.attack.server.base_url

    def run_and_kill(self, profile: Path, username: str, when: str, after: int) -> bool:
        """Start a verbose sync; SIGKILL it once ``after`` progress lines of ``when``
        ("outbox" or any collection) were printed, a few random milliseconds later.
        True if it was killed; False if it ended first (a failure if it failed)."""
        process = subprocess.Popen(
            _command(profile, self.server, username, verbose=True),
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stdin is not None and process.stderr is not None
        process.stdin.write(DEMO_PASSWORD + "\n")
        process.stdin.close()
        seen, tail = 0, []
        for line in process.stderr:
            tail = [*tail[-5:], line.rstrip()]
            match = PROGRESS.match(line.rstrip())
            if match is None or (when == "outbox") != (match.group(1) == "outbox"):
                continue
            seen += 1
            if seen >= after:
                time.sleep(self.rng.uniform(0, 0.03))
                os.kill(process.pid, signal.SIGKILL)
                break
        process.stderr.read()
        process.stderr.close()
        code = process.wait(60)
        if code == -signal.SIGKILL:
            return True
        self.attack.tally.check(
            code == 0, f"a sync after kills exited {code}: {' | '.join(tail[-2:])}"
        )
        return False

    def clean_sync(self, profile: Path, username: str, label: str = "a clean sync") -> str:
        done = subprocess.run(
            _command(profile, self.server, username, verbose=False),
            cwd=ROOT,
            input=DEMO_PASSWORD + "\n",
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        self.attack.tally.check(
            done.returncode == 0,
            f"{label} of {username} exited {done.returncode}: {done.stderr.strip()[-200:]}",
        )
        return done.stdout

    def server_count(self, user: User, collection: str) -> int:
        """What the server sends the user; only bookings change during the run, so the
        rest is asked once per user."""
        key = (user.username, collection)
        if collection == "bookings" or key not in self._counts:
            self._counts[key] = len(user.sync_all(collection)[0])
        return self._counts[key]

    def open(self, profile: Path, username: str) -> Session:
        return SignIn(self.server, profile_dir=profile).remembered(username)

    def next_slot(self) -> tuple[str, str]:
        self._slot += 1
        start = datetime(2050, 1, 1, tzinfo=UTC) + timedelta(hours=self._slot)
        return start.isoformat(), (start + timedelta(hours=1)).isoformat()

    def queue(self, session: Session, room: str, titles: list[str], count: int) -> None:
        for _ in range(count):
            start, end = self.next_slot()
            title = f"Kill test {uuid.uuid4().hex[:10]}"
            titles.append(title)
            body = {"room_id": room, "title": title, "start": start, "end": end, "attendee_ids": []}
            record = {
                "id": f"local-{uuid.uuid4().hex}",
                **body,
                "organizer_id": session.user["id"],
                "status": "confirmed",
            }
            session.cache.outbox.enqueue(
                "POST", "/bookings", body=body, collection="bookings", record=record
            )

    def verify(
        self, profile: Path, username: str, server_user: User, label: str, bookings_before: int
    ) -> None:
        """The cache after the clean sync: intact, complete, nothing waiting. The other
        lane books meanwhile, so the cache's bookings must lie between the server's count
        from before the clean sync and its count now."""
        tally = self.attack.tally
        session = self.open(profile, username)
        try:
            conn = session.cache.db.conn
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
            tally.check(verdict == "ok", f"{label}: integrity_check says {verdict}")
            waiting = session.cache.outbox.all()
            tally.check(
                not waiting,
                f"{label}: {len(waiting)} entries still in the outbox after a clean sync "
                f"({', '.join(sorted({e.state for e in waiting}))})",
            )
            for collection in CHECKED:
                here = session.cache.records.count(collection)
                there = self.server_count(server_user, collection)
                least = bookings_before if collection == "bookings" else there
                tally.check(
                    least <= here <= there,
                    f"{label}: {collection} {here} in the cache, {there} on the server",
                )
        finally:
            session.close()


def _on_server(admin: User, titles: list[str]) -> dict[str, int]:
    wanted = set(titles)
    found: dict[str, int] = {}
    for booking in admin.sync_all("bookings")[0].values():
        if booking["title"] in wanted and booking["status"] == "confirmed":
            found[booking["title"]] = found.get(booking["title"], 0) + 1
    return found


def _sync_kills(killer: Killer, username: str, target: int, work: Path, churn: User) -> None:
    """Kill first syncs of fresh profiles at random pages until ``target`` kills."""
    episode = 0
    room = sorted(churn.sync_all("rooms")[0])[0]
    server_user = killer.attack.sign_in(username)
    while killer.kills["sync"] < target:
        episode += 1
        profile = work / f"sync-{username}-{episode}"
        for _ in range(8):  # a profile is killed until its sync completes, at most 8 times
            if not killer.run_and_kill(profile, username, "pull", killer.rng.randint(1, 8)):
                break
            killer.kills["sync"] += 1
            killer.attack.tally.tried()
            start, end = killer.next_slot()  # the server moves on between runs
            churn.create(
                "/bookings", json={"room_id": room, "title": "Churn", "start": start, "end": end}
            )
            if killer.kills["sync"] >= target:
                break
        before = killer.server_count(server_user, "bookings")
        killer.clean_sync(profile, username)
        killer.verify(profile, username, server_user, f"{username} after sync kills", before)


def _push_kills(
    killer: Killer, username: str, target: int, work: Path, admin: User, room: str
) -> None:
    """Queue bookings, kill the push at a random entry, queue more, again; then check
    that every queued booking reached the server once."""
    profile = work / f"push-{username}"
    killer.clean_sync(profile, username)
    titles: list[str] = []
    attempts = 0
    while killer.kills["push"] < target and attempts < target * 3:
        attempts += 1
        session = killer.open(profile, username)
        try:
            killer.queue(session, room, titles, BATCH)
            waiting = len(session.cache.outbox.pending())
        finally:
            session.close()
        if killer.run_and_kill(profile, username, "outbox", killer.rng.randint(1, waiting - 1)):
            killer.kills["push"] += 1
            killer.attack.tally.tried()
    server_user = killer.attack.sign_in(username)
    before = killer.server_count(server_user, "bookings")
    killer.clean_sync(profile, username)
    found = _on_server(admin, titles)
    lost = [t for t in titles if t not in found]
    twice = [t for t, n in found.items() if n > 1]
    killer.attack.tally.check(
        not lost and not twice,
        f"{username}: of {len(titles)} queued bookings {len(lost)} lost, {len(twice)} duplicated",
    )
    killer.verify(profile, username, server_user, f"{username} after push kills", before)


def _conflict_keeps_the_sync(killer: Killer, username: str, work: Path, admin: User) -> None:
    """Issue #7 item 1: a clash in the push must not roll back the pull."""
    tally = killer.attack.tally
    label = f"{username}, a push meeting a clash (item 1)"
    taken = next(
        b
        for b in sorted(admin.sync_all("bookings")[0].values(), key=lambda b: b["id"])
        if b["status"] == "confirmed" and b["start"] > datetime.now(UTC).isoformat()
    )
    profile = work / f"conflict-{username}"
    session = SignIn(killer.server, profile_dir=profile).online(username, DEMO_PASSWORD)
    free_title = f"Free {uuid.uuid4().hex[:10]}"
    try:
        outbox = session.cache.outbox
        clash_body: dict[str, Any] = {
            "room_id": taken["room_id"],
            "title": "Clash",
            "start": taken["start"],
            "end": taken["end"],
            "attendee_ids": [],
        }
        start, end = killer.next_slot()
        free_body = {**clash_body, "title": free_title, "start": start, "end": end}
        for body in (clash_body, free_body):
            record = {
                "id": f"local-{uuid.uuid4().hex}",
                **body,
                "organizer_id": session.user["id"],
                "status": "confirmed",
            }
            outbox.enqueue("POST", "/bookings", body=body, collection="bookings", record=record)
    finally:
        session.close()
    killer.clean_sync(profile, username)
    server_user = killer.attack.sign_in(username)
    session = killer.open(profile, username)
    try:
        people = session.cache.records.count("people")
        there = len(server_user.sync_all("people")[0])
        tally.check(people == there, f"{label}: {people} people kept of {there} pulled")
        tally.check(session.cache.records.cursor("people") is not None, f"{label}: no cursor kept")
        states = sorted(str(e.state) for e in session.cache.outbox.all())
        tally.check(
            states == ["conflict"],
            f"{label}: outbox holds {states}, expected the clash alone, waiting",
        )
    finally:
        session.close()
    tally.check(
        _on_server(admin, [free_title]).get(free_title) == 1,
        f"{label}: the free booking is not on the server once",
    )
    again = killer.clean_sync(profile, username)
    tally.check(
        re.search(r", 1 requests\.", again) is not None,
        f"{label}: the next sync is not one request: {again.strip().splitlines()[-1:]}",
    )


def run(attack: Attack) -> None:
    """Two lanes at once, each with its own client processes: first syncs killed, and
    pushes killed. They book different years, so they never clash with each other."""
    seed = attack.seed
    syncing = Killer(attack, random.Random(f"{seed}-kills-sync"))
    pushing = Killer(attack, random.Random(f"{seed}-kills-push"), _slot=100_000)
    work = attack.work_dir / "kill-profiles"
    admin = attack.sign_in("admin")
    truth = Truth.read(attack.server.db)
    plain = sorted(
        a.username
        for a in truth.accounts.values()
        if a.active and a.roles == frozenset({"staff"}) and a.username != "staff"
    )
    random.Random(f"{seed}-kills").shuffle(plain)
    room = sorted(admin.sync_all("rooms")[0])[-1]
    sync_target, push_target = (5, 5) if attack.quick else (50, 50)
    sync_users = ["staff"] if attack.quick else ["staff", "head", plain[0]]
    push_users = plain[1:2] if attack.quick else plain[1:4]

    def sync_lane() -> None:
        for i, username in enumerate(sync_users):
            share = sync_target * (i + 1) // len(sync_users)
            _sync_kills(syncing, username, share, work, admin)

    def push_lane() -> None:
        for i, username in enumerate(push_users):
            share = push_target * (i + 1) // len(push_users)
            _push_kills(pushing, username, share, work, admin, room)

    with ThreadPoolExecutor(2) as lanes:
        for lane in [lanes.submit(sync_lane), lanes.submit(push_lane)]:
            lane.result()
    _conflict_keeps_the_sync(pushing, plain[5], work, admin)
    attack.tally.note(
        f"{syncing.kills['sync']} kills during sync, {pushing.kills['push']} during push"
    )
