"""The sync engine and the write path ("My details") against the real server and a real
encrypted cache: a retried PATCH whose first answer was lost, changes of other records
going on past a refused or conflicting one, and the ``Changes`` each page and answer
report."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from cache.changes import ChangeSource
from cache.outbox import OutboxState
from cache.schema import SyncState
from client.session import Session
from client.sync import SyncProgress
from domains.directory.commands import UpdateContactDetails
from domains.writes import apply_command
from tests.client.test_sync import sign_in_for
from tests.server.conftest import PASSWORD, World


def signed_in(world: World, tmp_path: Path, username: str) -> Session:
    session = sign_in_for(world, tmp_path).online(username, PASSWORD)
    session.sync_engine().run()
    return session


def change_phone(session: Session, person_id: str, phone: str) -> None:
    command = UpdateContactDetails(person_id, phone, None, None, session.user)
    apply_command(session.cache.db, command)


def server_card(world: World, person_id: str) -> dict[str, object]:
    return world.sign_in("admin").sync_all("people")[0][person_id]


def test_a_resent_patch_whose_first_answer_was_lost_counts_as_done(
    world: World, tmp_path: Path
) -> None:
    session = signed_in(world, tmp_path, "staff")
    try:
        change_phone(session, "p-staff", "+994 12 000 00 01")
        [entry] = session.cache.outbox.all()
        # The first send reached the server; its answer never came back, and the resend
        # is no longer recognised by its key (it expired): the server answers 412.
        first = world.sign_in("staff").patch("/people/p-staff", entry.if_match, json=entry.body)
        assert first.status_code == 200, first.text
        report = session.sync_engine().run()
        assert (report.pushed, report.push_conflicts) == (1, 0)
        assert session.cache.outbox.all() == []
        stored = session.cache.records.get("people", "p-staff")
        assert stored is not None and stored.sync_state is SyncState.SYNCED
        assert stored.version == first.json()["version"]
        assert stored.record["phone"] == "+994 12 000 00 01"
        assert server_card(world, "p-staff")["version"] == first.json()["version"]
    finally:
        session.close()


def test_a_412_with_other_values_is_still_a_conflict(world: World, tmp_path: Path) -> None:
    session = signed_in(world, tmp_path, "staff")
    try:
        change_phone(session, "p-staff", "+994 12 000 00 01")
        [entry] = session.cache.outbox.all()
        other = world.sign_in("admin").patch(
            "/people/p-staff", entry.if_match, json={"phone": "+994 12 999 99 99"}
        )
        assert other.status_code == 200, other.text
        report = session.sync_engine().run()
        assert (report.pushed, report.push_conflicts) == (0, 1)
        stored = session.cache.records.get("people", "p-staff")
        assert stored is not None and stored.sync_state is SyncState.CONFLICT
        assert stored.conflict is not None and stored.conflict["phone"] == "+994 12 999 99 99"
    finally:
        session.close()


def test_refused_conflicting_or_waiting_changes_hold_back_only_their_own_record(
    world: World, tmp_path: Path
) -> None:
    session = signed_in(world, tmp_path, "admin")
    outbox = session.cache.outbox
    try:
        # Someone else changes the colleague's card first: the admin's change conflicts.
        change_phone(session, "p-colleague", "11 11")
        theirs = world.sign_in("colleague").patch(
            "/people/p-colleague", outbox.all()[0].if_match, json={"phone": "22 22"}
        )
        assert theirs.status_code == 200
        change_phone(session, "p-colleague", "33 33")  # builds on the conflicting one
        # A change the server refuses for good (the person is not there: 404).
        outbox.enqueue(
            "PATCH",
            "/people/p-nobody",
            body={"phone": "1"},
            collection="people",
            record={"id": "p-nobody", "phone": "1"},
            if_match=1,
        )
        # A change waiting for its retry time (an earlier 503, say).
        change_phone(session, "p-head", "44 44")
        waiting = outbox.all()[-1]
        outbox.mark_retry(waiting.id, "503", session.sync_engine()._clock() + timedelta(hours=1))
        # And one after all of them, of another record: it must go through.
        change_phone(session, "p-outsider", "55 55")
        report = session.sync_engine().run()
        assert report.pushed == 1
        assert server_card(world, "p-outsider")["phone"] == "55 55"
        assert server_card(world, "p-head")["phone"] != "44 44"
        states = [(e.record_id, e.state) for e in outbox.all()]
        assert states == [
            ("p-colleague", OutboxState.CONFLICT),
            ("p-colleague", OutboxState.PENDING),  # never sent over a conflict
            ("p-nobody", OutboxState.ERROR),
            ("p-head", OutboxState.PENDING),
        ]
        assert server_card(world, "p-colleague")["phone"] == "22 22"
    finally:
        session.close()


def test_pages_and_answers_report_the_records_they_touched(world: World, tmp_path: Path) -> None:
    session = sign_in_for(world, tmp_path).online("staff", PASSWORD)
    try:
        heard: list[SyncProgress] = []
        first = session.sync_engine(page_size=2).run(progress=heard.append)
        pages = [p.changes for p in heard if p.changes is not None]
        assert pages and all(c.source is ChangeSource.SYNC_PAGE for c in pages)
        people = set().union(*(c.ids("people") or set() for c in pages))
        assert people == set(world.sign_in("staff").sync_all("people")[0])
        assert all(
            len(c.ids(c.collections and next(iter(c.collections))) or ()) <= 2 for c in pages
        )  # one page each
        assert first.received.ids("people") == people
        assert first.answered.records == {}

        change_phone(session, "p-staff", "12 34")
        heard.clear()
        second = session.sync_engine().run(progress=heard.append)
        assert second.answered.source is ChangeSource.OUTBOX_ANSWER
        assert second.answered.records == {"people": frozenset({"p-staff"})}
        # The server's new version of the card comes back as a page of one.
        assert second.received.records == {"people": frozenset({"p-staff"})}
    finally:
        session.close()
