"""``python main.py bookings free|book|cancel|export``: the Bookings tab's commands for
scripts and helpdesk staff, through the same queries, commands and outbox as the tab.

Times are Baku wall-clock times (``2026-12-01T10:00``) unless they carry an offset.
Online (the default) the command signs in, syncs, queues the change and syncs again, so
a booking is confirmed or refused before the command ends; ``--offline`` opens the cache
only: a booking or cancellation waits in the outbox ("Changes waiting") until the next
sync, in the app or by ``main.py sync``.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime

from client.session import Session, SignIn
from domains.bookings.commands import BookRoom, CancelBooking
from domains.bookings.ics import bookings_ics, my_bookings
from domains.bookings.queries import BAKU, alternatives_for, as_of, booking, free_rooms
from domains.command import Command, CommandRefused
from domains.writes import apply_command

__all__ = ["run_bookings"]


def _open(args: argparse.Namespace, server: str) -> Session:
    sign_in = SignIn(server, profile_dir=args.profile_dir, ca_bundle=args.ca_bundle)
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Password: ")
    if args.offline:
        return sign_in.offline(args.username, password)
    session = sign_in.online(args.username, password)
    session.sync_engine().run()
    return session


def _span(start: datetime, end: datetime) -> str:
    return f"{start.astimezone(BAKU):%Y-%m-%d %H:%M}-{end.astimezone(BAKU):%H:%M}"


def _queue(args: argparse.Namespace, session: Session, command: Command) -> str | None:
    """Queue ``command``; online, send it. The booking's id as it stands after, or None
    when the command refused (printed)."""
    db = session.cache.db
    try:
        applied = apply_command(db, command)
    except CommandRefused as refused:
        problems = ", ".join(f"{p.field}: {p.code}" for p in refused.problems)
        print(f"error: refused before sending ({problems}); nothing was queued", file=sys.stderr)
        return None
    local_id = str(applied.write.record["id"])
    if args.offline:
        print(f"Queued {local_id}: it is sent at the next sync.")
        return local_id
    session.sync_engine().run()
    return local_id


def _report_booking(session: Session, local_id: str, start: datetime, room_id: str) -> int:
    db = session.cache.db
    stored = booking(db, local_id)
    if stored is None:  # confirmed under the server's id
        row = db.conn.execute(
            "SELECT id FROM bookings WHERE room_id = ? AND start = ? AND sync_state = 'synced' "
            "AND status = 'confirmed'",
            (room_id, start.astimezone(UTC).replace(microsecond=0).isoformat()),
        ).fetchone()
        print(f"Confirmed: {row[0] if row else '?'}")
        return 0
    if stored.sync_state == "pending":
        print(f"Waiting to be sent: {local_id}")
        return 0
    print(f"Refused: {stored.sync_error or stored.sync_state}")
    found = alternatives_for(db, local_id, datetime.now(UTC))
    if found is not None:
        for clash in found.clashes:
            print(f"  clashed with {clash.id}: {clash.title} ({_span(clash.start, clash.end)})")
        for slot in found.other_rooms:
            print(f"  instead: {slot.room.id} {slot.room.name} ({_span(slot.start, slot.end)})")
        if found.same_room is not None:
            slot = found.same_room
            print(f"  instead: {slot.room.id} {slot.room.name} ({_span(slot.start, slot.end)})")
    print("The refused booking waits in 'Changes waiting' until it is discarded.")
    return 1


def run_bookings(args: argparse.Namespace, server: str) -> int:
    session = _open(args, server)
    try:
        db = session.cache.db
        if args.action == "free":
            rooms = free_rooms(
                db,
                args.start,
                args.end,
                capacity=args.people,
                equipment=args.equipment,
                building=args.building,
            )
            known = as_of(db)
            when = "never" if known is None else f"{known.astimezone(BAKU):%Y-%m-%d %H:%M}"
            print(f"{len(rooms)} free rooms, availability as of {when} (Baku time):")
            for room in rooms:
                place = f"{room.building}, floor {room.floor}, {room.capacity} seats"
                print(f"  {room.id}  {room.name}  {place}")
            return 0
        if args.action == "book":
            command = BookRoom(
                args.room, args.title, args.start, args.end, [], session.user, datetime.now(UTC)
            )
            local_id = _queue(args, session, command)
            if local_id is None:
                return 1
            return 0 if args.offline else _report_booking(session, local_id, args.start, args.room)
        if args.action == "cancel":
            if _queue(args, session, CancelBooking(args.booking, session.user)) is None:
                return 1
            if not args.offline:
                stored = booking(db, args.booking)
                ok = stored is not None and stored.status == "cancelled" and not stored.pending
                print(
                    "Cancelled." if ok else "error: the cancellation was not accepted",
                    file=sys.stdout if ok else sys.stderr,
                )
                return 0 if ok else 1
            return 0
        stamp = datetime.now(UTC)
        if args.booking is None:
            blocks = my_bookings(db, str(session.user["id"]), stamp)
        else:
            found = booking(db, args.booking)
            if found is None:
                print(f"error: no booking {args.booking} in the cache", file=sys.stderr)
                return 1
            blocks = [found]
        args.out.write_bytes(bookings_ics(db, blocks, stamp))
        print(f"Wrote {len(blocks)} bookings to {args.out}")
        return 0
    finally:
        session.close()
