"""The sync engine against the real server and a real encrypted cache."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from cache.keywrap import Argon2Params
from cache.schema import Catalog, SyncState
from cache.search import search_records
from client.api import ApiClient
from client.errors import MalformedResponse, NetworkError
from client.session import Session, SignIn
from client.sync import (
    SEARCH_INDEX,
    RetryPolicy,
    SyncAlreadyRunning,
    SyncCancelled,
    SyncEngine,
    SyncProgress,
)
from server import maintenance, records
from tests.server.conftest import PASSWORD, World, person

CHEAP_KDF = Argon2Params(memory_kib=1024, time_cost=1, parallelism=1)


def sign_in_for(world: World, tmp_path: Path) -> SignIn:
    return SignIn(
        world.server.base_url,
        profile_dir=tmp_path / "profiles",
        vault_options={"kdf": CHEAP_KDF, "sleeper": lambda _s: None},
    )


@pytest.fixture
def session(world: World, tmp_path: Path):
    made = sign_in_for(world, tmp_path).online("staff", PASSWORD)
    try:
        yield made
    finally:
        made.close()


def server_ids(world: World, username: str, collection: str, **params: Any) -> set[str]:
    return set(world.sign_in(username).sync_all(collection, **params)[0])


def local_ids(session: Session, collection: str) -> set[str]:
    rows = session.cache.db.conn.execute(f"SELECT id FROM {collection}").fetchall()
    return {row[0] for row in rows}


def test_full_sync_then_an_idle_sync_costs_one_request(world: World, session: Session) -> None:
    engine = session.sync_engine()
    first = engine.run()
    for collection in ("people", "rooms", "folders", "departments", "registries"):
        assert local_ids(session, collection) == server_ids(world, "staff", collection)
    assert first.pulled["people"] == 6
    idle = engine.run()
    assert idle.requests == 1  # GET /sync, and nothing else
    assert idle.pulled == {} and idle.pushed == 0


def test_delta_sync_applies_changes_and_deletions(world: World, session: Session) -> None:
    engine = session.sync_engine()
    engine.run()
    with world.db.write() as conn:
        maintenance.update_record(conn, "people", "p-colleague", position="Baş məsləhətçi")
        maintenance.delete_record(conn, "people", "p-outsider")
        records.insert_record(conn, "people", person("p-new", "d-hr", "Yeni İşçi"))
    report = engine.run()
    assert report.pulled == {"people": 2} and report.deleted == {"people": 1}
    assert local_ids(session, "people") == server_ids(world, "staff", "people")
    colleague = session.cache.records.get("people", "p-colleague")
    assert colleague is not None and colleague.record["position"] == "Baş məsləhətçi"


def test_an_expired_cursor_refetches_that_collection(world: World, session: Session) -> None:
    engine = session.sync_engine()
    engine.run()
    assert "f-secret" not in local_ids(session, "folders")
    with world.db.write() as conn:
        maintenance.add_folder_member(conn, "f-secret", "p-staff")
    engine.run()  # the folders cursor answers 410; the engine starts that collection over
    assert local_ids(session, "folders") == {"f-ministry", "f-hr", "f-secret"}


def test_only_chosen_registries_are_kept_offline(
    catalog: Catalog, world: World, tmp_path: Path
) -> None:
    analyst = sign_in_for(world, tmp_path).online("analyst", PASSWORD)
    try:
        engine = analyst.sync_engine()
        engine.run()
        assert local_ids(analyst, "registry_rows") == set()
        analyst.cache.meta.offline_registries = ["reg-open", "reg-personal"]
        engine.run()
        assert len(local_ids(analyst, "registry_rows")) == 5
        # The sync ends without their search index; a search finds the rows anyway.
        assert analyst.cache.records.search_index_pending() == 5
        found = search_records(analyst.cache.db, catalog, "registry_rows", "drug 2")
        assert [hit["id"] for hit in found] == ["row-open-2"] and not found.index_complete
        assert engine.index_for_search() == 5
        assert analyst.cache.records.search_index_pending() == 0
        found = search_records(analyst.cache.db, catalog, "registry_rows", "drug 2")
        assert [hit["id"] for hit in found] == ["row-open-2"] and found.index_complete
        analyst.cache.meta.offline_registries = ["reg-open"]
        engine.run()
        assert local_ids(analyst, "registry_rows") == {"row-open-0", "row-open-1", "row-open-2"}
    finally:
        analyst.close()


SLOT = {
    "room_id": "room-1",
    "title": "Plan",
    "start": "2027-06-01T06:00:00+00:00",
    "end": "2027-06-01T07:00:00+00:00",
}


def queue_booking(session: Session, **overrides: Any) -> str:
    local_id = f"local-{uuid.uuid4().hex}"
    body = {**SLOT, "attendee_ids": [], **overrides}
    record = {"id": local_id, **body, "organizer_id": "p-staff", "status": "confirmed"}
    session.cache.outbox.enqueue(
        "POST", "/bookings", body=body, collection="bookings", record=record
    )
    return local_id


def test_queued_creates_are_pushed_once_and_take_the_servers_id(
    world: World, session: Session
) -> None:
    local_id = queue_booking(session)
    assert session.cache.records.get("bookings", local_id).sync_state == SyncState.PENDING
    report = session.sync_engine().run()
    assert report.pushed == 1
    on_server = world.sign_in("admin").sync_all("bookings")[0]
    assert len(on_server) == 1
    server_id = next(iter(on_server))
    assert session.cache.records.get("bookings", local_id) is None
    stored = session.cache.records.get("bookings", server_id)
    assert stored is not None and stored.sync_state == SyncState.SYNCED
    assert session.cache.outbox.pending() == []


def test_a_resend_after_a_crash_does_not_duplicate(world: World, session: Session) -> None:
    """The entry was sent, but the answer never recorded (the process died): it is
    'uploading' on restart and goes again with the same key."""
    queue_booking(session)
    entry = session.cache.outbox.pending()[0]
    session.api.send("POST", "/bookings", entry.body, idempotency_key=entry.idempotency_key)
    session.cache.outbox.mark_uploading(entry.id)  # as if killed right after sending
    assert session.sync_engine().run().pushed == 1
    assert len(world.sign_in("admin").sync_all("bookings")[0]) == 1


def test_conflicts_and_refusals_are_kept_on_the_record(world: World, session: Session) -> None:
    other = world.sign_in("colleague")
    taken = other.post("/bookings", json=SLOT).json()
    clash = queue_booking(session)  # same slot: 409 booking_conflict
    bad = queue_booking(
        session,
        room_id="room-404",
        start="2027-06-02T06:00:00+00:00",
        end="2027-06-02T07:00:00+00:00",
    )  # 422
    report = session.sync_engine().run()
    assert (report.push_conflicts, report.push_errors, report.pushed) == (1, 1, 0)
    clashed = session.cache.records.get("bookings", clash)
    assert clashed.sync_state == SyncState.CONFLICT and "already booked" in (
        clashed.sync_error or ""
    )
    refused = session.cache.records.get("bookings", bad)
    assert refused.sync_state == SyncState.ERROR and "no such room" in (refused.sync_error or "")
    # Server pages do not overwrite them, and nothing is sent twice.
    assert session.sync_engine().run().requests >= 1
    assert world.sign_in("admin").sync_all("bookings")[0].keys() == {taken["id"]}


def test_a_stale_change_becomes_a_conflict_with_both_sides(world: World, session: Session) -> None:
    mine = world.sign_in("staff").post("/bookings", json=SLOT).json()
    engine = session.sync_engine()
    engine.run()
    world.sign_in("staff").patch(f"/bookings/{mine['id']}", 1, json={"title": "Changed on the web"})
    local = {**mine, "title": "Changed offline"}
    session.cache.outbox.enqueue(
        "PATCH",
        f"/bookings/{mine['id']}",
        body={"title": "Changed offline"},
        collection="bookings",
        record=local,
        if_match=1,
    )
    report = engine.run()
    assert report.push_conflicts == 1
    stored = session.cache.records.get("bookings", mine["id"])
    assert stored.sync_state == SyncState.CONFLICT
    assert stored.record["title"] == "Changed offline"
    assert stored.conflict is not None and stored.conflict["title"] == "Changed on the web"


def test_network_errors_leave_the_outbox_waiting_with_backoff(
    world: World, session: Session
) -> None:
    queue_booking(session)
    world.server.stop()
    with pytest.raises(NetworkError):  # the push is put off, then the pull fails
        session.sync_engine(retry=RetryPolicy(page_attempts=1)).run()
    entry = session.cache.outbox.pending()[0]
    assert entry.attempts == 1 and entry.next_attempt_at is not None
    assert entry.last_error and "reached" in entry.last_error


class FakeBackendTransport(httpx.BaseTransport):
    """A fake backend: a sync summary, then one page body chosen by the test."""

    def __init__(self, page_body: bytes) -> None:
        self.page_body = page_body

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/sync"):
            return httpx.Response(200, json={"collections": {"rooms": "new"}, "registry_rows": {}})
        return httpx.Response(200, content=self.page_body)


def test_a_malformed_page_fails_the_sync_and_changes_nothing(
    world: World, session: Session
) -> None:
    session.sync_engine().run()
    before = session.cache.db.conn.execute("SELECT id, record FROM rooms ORDER BY id").fetchall()
    cursor_before = session.cache.records.cursor("rooms")
    fake = ApiClient(
        "https://intranet.invalid",
        transport=FakeBackendTransport(b'{"collection": "rooms", "items": [{"id": 1}'),
    )
    fake._access_token = "x"
    engine = SyncEngine(fake, session.cache.records, session.cache.outbox, session.cache.meta)
    with pytest.raises(MalformedResponse):
        engine.run()
    assert (
        session.cache.db.conn.execute("SELECT id, record FROM rooms ORDER BY id").fetchall()
        == before
    )
    assert session.cache.records.cursor("rooms") == cursor_before
    fake.close()


def test_progress_is_reported_and_a_sync_can_be_cancelled_between_pages(
    world: World, session: Session
) -> None:
    engine = session.sync_engine(page_size=2)
    stop = threading.Event()
    seen: list[SyncProgress] = []

    def on_progress(update: SyncProgress) -> None:
        seen.append(update)
        if update.collection == "people" and update.done == 2:
            stop.set()

    with pytest.raises(SyncCancelled):
        engine.run(progress=on_progress, cancel=stop)
    assert len(local_ids(session, "people")) == 2  # the first page stays, with its cursor
    assert seen[-1] == SyncProgress("people", 2, None)
    engine.run()
    assert len(local_ids(session, "people")) == 6


def test_one_sync_at_a_time(world: World, session: Session) -> None:
    engine = session.sync_engine(page_size=1)
    inside, release = threading.Event(), threading.Event()

    def slow(update: SyncProgress) -> None:
        inside.set()
        release.wait(10)

    first = threading.Thread(target=lambda: engine.run(progress=slow))
    first.start()
    assert inside.wait(10)
    with pytest.raises(SyncAlreadyRunning):
        engine.run()
    release.set()
    first.join(10)


def test_search_indexing_after_the_sync_reports_progress_resumes_and_cancels(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("client.sync.INDEX_STEP", 2)
    analyst = sign_in_for(world, tmp_path).online("analyst", PASSWORD)
    try:
        analyst.cache.meta.offline_registries = ["reg-open", "reg-personal"]
        engine = analyst.sync_engine()
        engine.run()
        stop = threading.Event()
        seen: list[SyncProgress] = []

        def on_progress(update: SyncProgress) -> None:
            seen.append(update)
            stop.set()  # cancel after the first step

        with pytest.raises(SyncCancelled):
            engine.index_for_search(progress=on_progress, cancel=stop)
        assert seen == [SyncProgress(SEARCH_INDEX, 2, 5)]
        assert analyst.cache.records.search_index_pending() == 3  # the step is kept
        seen.clear()
        assert engine.index_for_search(progress=seen.append) == 3
        assert [update.done for update in seen] == [2, 3]
        assert analyst.cache.records.search_index_pending() == 0
    finally:
        analyst.close()


def test_the_directory_is_pulled_first(world: World, session: Session) -> None:
    seen: list[SyncProgress] = []
    session.sync_engine().run(progress=seen.append)
    pulled = list(dict.fromkeys(update.collection for update in seen))
    assert pulled[:2] == ["departments", "people"] and len(pulled) > 2
    # Each report says what is still to come: the status bar shows it.
    people = [update for update in seen if update.collection == "people"]
    assert people[-1].still_to_come == tuple(pulled[2:])


def test_the_next_page_is_fetched_while_this_one_is_stored(world: World, session: Session) -> None:
    engine = session.sync_engine(page_size=2)
    asked: list[str | None] = []
    next_page_asked = threading.Event()
    overlapped: list[bool] = []
    fetch, apply = engine.api.sync_page, engine.records.apply_page

    def watched_fetch(collection: str, since: str | None, *args: Any) -> dict[str, Any]:
        if collection == "people":
            asked.append(since)
            if len(asked) == 2:
                next_page_asked.set()
        return fetch(collection, since, *args)

    def waiting_apply(collection: str, *args: Any, **kwargs: Any) -> Any:
        if collection == "people" and not overlapped:
            # Storing the first page: the second is asked for meanwhile, not after.
            overlapped.append(next_page_asked.wait(10))
        return apply(collection, *args, **kwargs)

    engine.api.sync_page = watched_fetch  # type: ignore[method-assign]
    engine.records.apply_page = waiting_apply  # type: ignore[method-assign]
    report = engine.run()
    assert overlapped == [True]
    assert report.pulled["people"] == 6 and len(local_ids(session, "people")) == 6
