"""Twenty clients book the same room and slot through the real outbox while offline, then
all push at once against the real server: exactly one is confirmed, nineteen are refused
with what they clashed with and alternatives, none is lost, none is left pending."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cache import Outbox
from client.session import Session
from domains.bookings.commands import BookRoom
from domains.bookings.queries import alternatives_for, booking
from domains.catalog import CATALOG
from domains.writes import apply_command
from tests.demo import DemoServer, synced_session
from tests.domains.bookings.slots import evening_slot

CLIENTS = 20


@pytest.fixture
def clients(demo_server: DemoServer, tmp_path: Path) -> Iterator[list[Session]]:
    sessions: list[Session] = []
    try:
        for number in range(CLIENTS):
            sessions.append(synced_session(demo_server.url, tmp_path / f"client-{number}"))
        yield sessions
    finally:
        for session in sessions:
            session.close()


def test_twenty_clients_racing_for_one_slot_leave_exactly_one_booking(
    clients: list[Session],
) -> None:
    start, end = evening_slot()
    room_id = (
        clients[0]
        .cache.db.conn.execute("SELECT id FROM rooms WHERE capacity >= 4 ORDER BY id LIMIT 1")
        .fetchone()[0]
    )
    local_ids = [
        str(
            apply_command(
                client.cache.db,
                BookRoom(room_id, f"Görüş {n}", start, end, [], client.user, datetime.now(UTC)),
            ).write.record["id"]
        )
        for n, client in enumerate(clients)
    ]
    barrier = threading.Barrier(CLIENTS)
    failures: list[BaseException] = []

    def push(client: Session) -> None:
        try:
            engine = client.sync_engine()
            barrier.wait()
            engine.run()
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=push, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert failures == []

    confirmed, refused = [], []
    for client, local_id in zip(clients, local_ids, strict=True):
        db = client.cache.db
        mine = booking(db, local_id)
        if mine is None:  # accepted: renamed to the server's id
            assert Outbox(db, CATALOG).all() == []
            confirmed.append(client)
            continue
        assert mine.sync_state == "conflict" and "booking_conflict" in (mine.sync_error or "")
        (entry,) = Outbox(db, CATALOG).all()  # kept for the user: not lost, not pending
        assert entry.record_id == local_id
        refused.append((client, local_id))
    assert len(confirmed) == 1 and len(refused) == CLIENTS - 1

    winner = (
        confirmed[0]
        .cache.db.conn.execute(
            "SELECT id, title FROM bookings WHERE room_id = ? AND start = ? "
            "AND status = 'confirmed'",
            (room_id, start.astimezone(UTC).isoformat()),
        )
        .fetchall()
    )
    assert len(winner) == 1
    for client, local_id in refused:
        found = alternatives_for(client.cache.db, local_id, datetime.now(UTC))
        assert found is not None
        assert [c.id for c in found.clashes] == [winner[0][0]]
        assert found.other_rooms and found.same_room is not None
