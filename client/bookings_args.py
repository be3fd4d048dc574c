"""The arguments of ``python main.py bookings free|book|cancel|export`` (``client.bookings_cli``
runs them). Light on purpose: ``main.py`` builds its parser before the window is up."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

__all__ = ["add_bookings_parser"]

BAKU = ZoneInfo("Asia/Baku")


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time like 2026-12-01T10:00") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=BAKU)


def add_bookings_parser(commands: Any) -> None:
    """The ``bookings`` command and its four actions, on ``main.py``'s subparsers."""
    bookings = commands.add_parser("bookings", help="find, book, cancel or export room bookings")
    bookings.add_argument("--server", required=True, help="e.g. https://intranet.health.gov.az")
    bookings.add_argument("--username", required=True)
    bookings.add_argument(
        "--password-stdin", action="store_true", help="read the password from stdin"
    )
    bookings.add_argument("--offline", action="store_true", help="the cache only; changes wait")
    bookings.add_argument("--ca-bundle", type=Path, help="an extra CA certificate file to trust")
    actions = bookings.add_subparsers(dest="action", required=True)
    free = actions.add_parser("free", help="rooms free for a time (from the cache)")
    free.add_argument("--start", type=_moment, required=True)
    free.add_argument("--end", type=_moment, required=True)
    free.add_argument("--people", type=int, default=1)
    free.add_argument("--equipment", action="append", default=[])
    free.add_argument("--building")
    book = actions.add_parser("book", help="book a room")
    book.add_argument("--room", required=True, help="the room's id (see 'free')")
    book.add_argument("--title", required=True)
    book.add_argument("--start", type=_moment, required=True)
    book.add_argument("--end", type=_moment, required=True)
    cancel = actions.add_parser("cancel", help="cancel a booking")
    cancel.add_argument("--booking", required=True)
    export = actions.add_parser("export", help="write .ics: one booking or all of mine")
    export.add_argument("--out", type=Path, required=True)
    export.add_argument("--booking")
