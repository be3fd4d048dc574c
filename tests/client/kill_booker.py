"""The child of the bookings' kill-loop test (tests/client/test_kill_push_bookings.py):
batches of 50 bookings queued through the real write path (``apply_command`` with
``BookRoom``, as the Bookings tab's ``Writes.apply`` runs it) into a real encrypted cache
and pushed by the real ``SyncEngine`` to the real server, until it is SIGKILLed.

The test queues a batch of 50 (``queue_batch``: each batch on a day of its own, two rooms,
15-minute slots, so none clashes) whenever the outbox is empty; each writer forked here
pushes what is queued, again and again, until it is killed. Fork server as in
tests/client/kill_writer.py (``fork``, ``clean``, ``quit``).
"""

from __future__ import annotations

import re
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

import sqlite_utils

from domains.bookings.commands import BookRoom
from domains.bookings.queries import BAKU
from domains.writes import apply_command
from tests.client.fork_lines import say
from tests.client.kill_writer import PERSON, _engine, _fork, push_until_empty

USER: dict[str, object] = {"id": PERSON, "roles": ["staff"]}
BATCH = 50
ROOMS = ("room-1", "room-2")
TITLE = re.compile(r"kill (\d+)-(\d+)")


def title_of(batch: int, number: int) -> str:
    return f"kill {batch}-{number}"


def last_batch(db: sqlite_utils.Database) -> int:
    titles = db.conn.execute("SELECT title FROM bookings WHERE title LIKE 'kill %'").fetchall()
    found = [TITLE.fullmatch(str(t[0])) for t in titles]
    return max((int(m.group(1)) for m in found if m), default=0)


def queue_batch(db: sqlite_utils.Database, batch: int) -> None:
    """50 bookings, each its own local write (as 50 bookings made in the tab)."""
    day = date.today() + timedelta(days=30 + batch)
    first = datetime.combine(day, time(7, 0), BAKU)
    for number in range(BATCH):
        start = first + timedelta(minutes=15 * (number // len(ROOMS)))
        room = ROOMS[number % len(ROOMS)]
        command = BookRoom(
            room, title_of(batch, number), start, start + timedelta(minutes=15), [], USER, None
        )
        apply_command(db, command)


def push_forever(cache: Path, server_url: str) -> None:
    engine, _db = _engine(cache, server_url)
    while True:
        say(f"pushing {len(engine.outbox.all())}")
        engine.run()
        say("pushed")


def main() -> None:
    cache, server_url = Path(sys.argv[1]), sys.argv[2]
    say("ready")
    for line in sys.stdin:
        command = line.strip()
        if command == "fork":
            _fork(push_forever, cache, server_url)
        elif command == "clean":
            _fork(push_until_empty, cache, server_url)
        elif command == "quit":
            return


if __name__ == "__main__":
    main()
