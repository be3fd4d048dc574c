"""A push that meets a conflict must not cost the sync (issue 7, item 1).

Over the real server and a real encrypted cache: what the sync pulled, the cursors, the
outbox's verdicts are on disk afterwards (read through a connection of its own), and the
next run, in a new session as a new process would open it, costs one request.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from cache.schema import SyncState
from client.session import Session
from client.sync import PULLED_COLLECTIONS
from tests.client.test_sync import SLOT, queue_booking, sign_in_for
from tests.server.conftest import PASSWORD, World

FREE_SLOT = {"start": "2027-06-03T06:00:00+00:00", "end": "2027-06-03T07:00:00+00:00"}
OTHER_SLOT = {"start": "2027-06-04T06:00:00+00:00", "end": "2027-06-04T07:00:00+00:00"}


def queue_stale_change(world: World, session: Session) -> str:
    """A booking of mine changed on the web after the offline edit was based on it: 412."""
    staff = world.sign_in("staff")
    mine = staff.post("/bookings", json={**SLOT, **OTHER_SLOT, "title": "Mine"}).json()
    staff.patch(f"/bookings/{mine['id']}", 1, json={"title": "Changed on the web"})
    session.cache.outbox.enqueue(
        "PATCH",
        f"/bookings/{mine['id']}",
        body={"title": "Changed offline"},
        collection="bookings",
        record={**mine, "title": "Changed offline"},
        if_match=1,
    )
    return str(mine["id"])


def on_disk(db: sqlite_utils.Database, sql: str) -> list[tuple[object, ...]]:
    return [tuple(row) for row in db.conn.execute(sql).fetchall()]


def test_a_conflict_in_the_push_keeps_what_the_sync_received(world: World, tmp_path: Path) -> None:
    sign_in = sign_in_for(world, tmp_path)
    session = sign_in.online("staff", PASSWORD)
    try:
        world.sign_in("colleague").post("/bookings", json=SLOT)  # the slot is taken
        clash = queue_booking(session)  # 409 booking_conflict
        free = queue_booking(session, **FREE_SLOT, title="Free")  # accepted
        stale = queue_stale_change(world, session)  # 412 version_mismatch
        report = session.sync_engine().run()
        assert (report.pushed, report.push_conflicts, report.push_errors) == (1, 2, 0)
        assert report.pulled["people"] > 0
        assert not session.cache.db.conn.in_transaction

        fresh = session.cache.connect()  # what another connection (or a crash) would find
        try:
            people = on_disk(fresh, "SELECT count(*) FROM people")[0][0]
            assert people == report.pulled["people"]
            cursors = dict(on_disk(fresh, "SELECT collection, cursor FROM collections_state"))
            assert set(cursors) == set(PULLED_COLLECTIONS)
            assert all(cursors.values())
            waiting = on_disk(fresh, "SELECT record_id, state FROM outbox ORDER BY id")
            assert waiting == [(clash, "conflict"), (stale, "conflict")]
            bookings = dict(on_disk(fresh, "SELECT id, sync_state FROM bookings"))
            assert free not in bookings  # replaced by the server's copy, under its id
            assert bookings[clash] == bookings[stale] == SyncState.CONFLICT.value
            titles = on_disk(fresh, "SELECT json_extract(record, '$.title') FROM bookings")
            assert ("Free",) in titles
        finally:
            fresh.close()
    finally:
        session.close()

    again = sign_in.online("staff", PASSWORD)  # as the next run of the app would
    try:
        report = again.sync_engine().run()
        assert report.requests == 1  # GET /sync: nothing to send, nothing new
        assert report.pulled == {} and report.pushed == 0
        clashed = again.cache.records.get("bookings", clash)
        assert clashed is not None and clashed.sync_state == SyncState.CONFLICT
        assert "already booked" in (clashed.sync_error or "")
        stored = again.cache.records.get("bookings", stale)
        assert stored is not None and stored.sync_state == SyncState.CONFLICT
        assert stored.record["title"] == "Changed offline"
        assert stored.conflict is not None and stored.conflict["title"] == "Changed on the web"
    finally:
        again.close()
