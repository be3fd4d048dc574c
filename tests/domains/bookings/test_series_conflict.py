"""A weekly series changed on two devices at once (one user, two profiles, the real
server): the colleague's change is on the server first, mine was queued offline and
meets a 412. The conflict is shown as a series, and the three ends work for it."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta

from cache import Outbox, SyncState
from cache.outbox import OutboxState
from cache.store import RecordStore
from client.session import Session
from domains.bookings.commands import BookSeries, ChangeSeries, occurrences
from domains.bookings.queries import BAKU
from domains.bookings.series_conflict import SERIES_KIND
from domains.catalog import CATALOG
from domains.changes import conflict_sides
from domains.describers import conflict_shapers
from domains.writes import apply_command, edit_and_keep, keep_mine, take_theirs
from tests.domains.bookings.slots import evening_slot
from tests.domains.bookings.test_commands import first_room


def _occurrence_ids(session: Session, series_id: str) -> list[str]:
    return [
        str(row[0])
        for row in session.cache.db.conn.execute(
            "SELECT id FROM bookings WHERE json_extract(record, '$.series_id') = ? ORDER BY start",
            (series_id,),
        )
    ]


def _series_in_conflict(mine: Session, colleague: Session, days_ahead: int) -> tuple[str, str]:
    """A weekly series of 3 booked by mine; the colleague renames it and moves it to
    19:30 online; mine, offline, moves it to 20:00 and then syncs: a 412. Returns
    (the occurrence the change was queued on, the series id)."""
    db = mine.cache.db
    room_id, _ = first_room(db)
    planned = tuple(occurrences(*evening_slot(days_ahead=days_ahead), "weekly", count=3))
    apply_command(
        db, BookSeries(room_id, "Həftəlik iclas", planned, [], mine.user, datetime.now(UTC))
    )
    assert mine.sync_engine().run().pushed == 1
    series_id = str(
        json.loads(
            db.conn.execute(
                "SELECT record FROM bookings WHERE room_id = ? AND start = ?",
                (room_id, planned[0][0].astimezone(UTC).isoformat()),
            ).fetchone()[0]
        )["series_id"]
    )
    colleague.sync_engine().run()
    theirs_first = _occurrence_ids(colleague, series_id)[0]
    apply_command(
        colleague.cache.db,
        ChangeSeries(
            theirs_first,
            colleague.user,
            title="İclas (yeni vaxt)",
            start_time=time(19, 30),
            end_time=time(20, 30),
        ),
    )
    assert colleague.sync_engine().run().pushed == 1

    occurrence = _occurrence_ids(mine, series_id)[0]
    apply_command(
        db, ChangeSeries(occurrence, mine.user, start_time=time(20, 0), end_time=time(21, 0))
    )
    report = mine.sync_engine().run()
    assert report.push_conflicts == 1
    return occurrence, series_id


def test_a_series_changed_on_both_sides_is_shown_as_a_series(
    mine: Session, colleague: Session
) -> None:
    occurrence, _series_id = _series_in_conflict(mine, colleague, days_ahead=90)
    db = mine.cache.db
    sides = conflict_sides(db, CATALOG, "bookings", occurrence, conflict_shapers())
    assert sides is not None and sides.kind == SERIES_KIND
    first_day = datetime.fromisoformat(
        db.conn.execute("SELECT start FROM bookings WHERE id = ?", (occurrence,)).fetchone()[0]
    ).astimezone(BAKU)
    room = db.conn.execute(
        "SELECT name FROM rooms WHERE id = (SELECT room_id FROM bookings WHERE id = ?)",
        (occurrence,),
    ).fetchone()[0]
    dates = f"{first_day:%Y-%m-%d} – {first_day + timedelta(days=14):%Y-%m-%d}"
    assert sides.mine["title"] == "Həftəlik iclas"
    assert sides.theirs["title"] == "İclas (yeni vaxt)"
    assert sides.mine["room"] == sides.theirs["room"] == room
    assert sides.mine["time"] == "20:00–21:00"
    assert sides.theirs["time"] == "19:30–20:30"
    assert sides.mine["weekdays"] == sides.theirs["weekdays"] == [first_day.isoweekday()]
    assert sides.mine["occurrences"] == sides.theirs["occurrences"] == 3
    assert sides.mine["dates"] == sides.theirs["dates"] == dates
    assert sides.parent_version == 2
    # no booking field (start, end, room_id) is compared for a series
    assert "start" not in sides.theirs and "room_id" not in sides.theirs


def test_keep_mine_sends_my_series_change_again_over_the_servers_version(
    mine: Session, colleague: Session
) -> None:
    occurrence, series_id = _series_in_conflict(mine, colleague, days_ahead=120)
    db = mine.cache.db
    own_version = RecordStore(db, CATALOG).get("bookings", occurrence).version  # type: ignore[union-attr]
    keep_mine(db, "bookings", occurrence)
    (entry,) = Outbox(db, CATALOG).all()
    assert entry.if_match == 2 and entry.state is OutboxState.PENDING
    stored = RecordStore(db, CATALOG).get("bookings", occurrence)
    assert stored is not None and stored.version == own_version  # not the series' version
    assert mine.sync_engine().run().pushed == 1
    colleague.sync_engine().run()
    rows = colleague.cache.db.conn.execute(
        "SELECT title, start FROM bookings WHERE json_extract(record, '$.series_id') = ?",
        (series_id,),
    ).fetchall()
    assert {r[0] for r in rows} == {"İclas (yeni vaxt)"}  # theirs title, my times
    assert {datetime.fromisoformat(r[1]).astimezone(BAKU).time() for r in rows} == {time(20, 0)}


def test_take_theirs_drops_my_series_change_and_keeps_the_booking_a_booking(
    mine: Session, colleague: Session
) -> None:
    occurrence, _series_id = _series_in_conflict(mine, colleague, days_ahead=150)
    db = mine.cache.db
    take_theirs(db, "bookings", occurrence)
    assert Outbox(db, CATALOG).all() == []
    stored = RecordStore(db, CATALOG).get("bookings", occurrence)
    assert stored is not None and stored.sync_state is SyncState.SYNCED
    assert stored.conflict is None
    assert stored.record["id"] == occurrence and "start" in stored.record  # not the series
    # the server's own copy of the occurrence, as the sync after the 412 brought it
    assert datetime.fromisoformat(stored.record["start"]).astimezone(BAKU).time() == time(19, 30)
    assert stored.record["title"] == "İclas (yeni vaxt)"
    assert stored.record["series_version"] == 2


def test_edit_and_keep_plans_the_series_change_over_the_servers_version(
    mine: Session, colleague: Session
) -> None:
    occurrence, series_id = _series_in_conflict(mine, colleague, days_ahead=180)
    db = mine.cache.db
    sides = conflict_sides(db, CATALOG, "bookings", occurrence, conflict_shapers())
    assert sides is not None and sides.parent_version == 2
    edit_and_keep(
        db,
        "bookings",
        occurrence,
        ChangeSeries(
            occurrence,
            mine.user,
            title="Birgə ad",
            start_time=time(20, 0),
            end_time=time(21, 0),
            series_version=sides.parent_version,
        ),
    )
    (entry,) = Outbox(db, CATALOG).all()
    assert entry.if_match == 2
    assert mine.sync_engine().run().pushed == 1
    colleague.sync_engine().run()
    titles = colleague.cache.db.conn.execute(
        "SELECT DISTINCT title FROM bookings WHERE json_extract(record, '$.series_id') = ?",
        (series_id,),
    ).fetchall()
    assert titles == [("Birgə ad",)]
