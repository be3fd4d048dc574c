"""The staff directory's local writes: "My details" (a person's work phone, mobile and
office; an administrator's: anyone's).

The checks mirror the server's (docs/api.md, "People: My details"), so that bad input is
refused next to the field, at once and offline, and nothing is queued that the server
would refuse anyway. The server stays the judge: it checks again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import sqlite_utils

from domains.command import CommandRefused, FieldProblem, LocalWrite

__all__ = [
    "BIDI_CONTROLS",
    "OFFICE_MAX_CHARS",
    "PHONE_MAX_CHARS",
    "UpdateContactDetails",
]

PHONE_MAX_CHARS, OFFICE_MAX_CHARS = 32, 64
"""The server's limits (``server/schemas.py``), counted after trimming."""
_PHONE_CHARACTERS = re.compile(r"[0-9 +()\-]*", re.ASCII)
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""The bidirectional controls the server refuses in one-line text (``server/text.py``)."""


def _unsafe(text: str) -> bool:
    """C0/C1 controls, DEL or a bidirectional control: text that hides what it says."""
    return any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or c in BIDI_CONTROLS for c in text)


def _phone_problem(field: str, value: str, *, required: bool) -> FieldProblem | None:
    if not value:
        return FieldProblem(field, "empty") if required else None
    if len(value) > PHONE_MAX_CHARS:
        return FieldProblem(field, "too_long", PHONE_MAX_CHARS)
    if _unsafe(value) or not _PHONE_CHARACTERS.fullmatch(value):
        return FieldProblem(field, "invalid_characters")
    if not any(c.isdigit() for c in value):
        return FieldProblem(field, "no_digit")
    return None


def _office_problem(value: str) -> FieldProblem | None:
    if len(value) > OFFICE_MAX_CHARS:
        return FieldProblem("office", "too_long", OFFICE_MAX_CHARS)
    if _unsafe(value):
        return FieldProblem("office", "invalid_characters")
    return None


@dataclass(frozen=True)
class UpdateContactDetails:
    """Change a person's ``phone``, ``mobile`` or ``office`` (None: leave it as it is;
    ``""`` removes a mobile or an office, never the work phone).

    ``user``: the signed-in user as the server described them (``id``, ``roles``).
    Refused with ``FieldProblem`` codes: ``empty``, ``too_long``, ``invalid_characters``,
    ``no_digit`` (a number without one), ``forbidden`` (another person's card, and not an
    admin), ``gone`` (the person is not in the cache), ``unchanged`` (nothing to send).
    """

    person_id: str
    phone: str | None
    mobile: str | None
    office: str | None
    user: Mapping[str, Any]

    def changes(self) -> dict[str, str]:
        """The fields to send, trimmed as the server trims them."""
        given = {"phone": self.phone, "mobile": self.mobile, "office": self.office}
        return {name: value.strip() for name, value in given.items() if value is not None}

    def check(self) -> dict[str, str]:
        """The fields to send; ``CommandRefused`` naming each bad one (no cache needed)."""
        changes = self.changes()
        problems: list[FieldProblem] = []
        if not self._may_change():
            problems.append(FieldProblem("person", "forbidden"))
        if "phone" in changes:
            problems += filter(None, [_phone_problem("phone", changes["phone"], required=True)])
        if "mobile" in changes:
            problems += filter(None, [_phone_problem("mobile", changes["mobile"], required=False)])
        if "office" in changes:
            problems += filter(None, [_office_problem(changes["office"])])
        if problems:
            raise CommandRefused(problems)
        return changes

    def _may_change(self) -> bool:
        roles = self.user.get("roles") or ()
        return str(self.user.get("id")) == self.person_id or "admin" in roles

    def plan(self, db: sqlite_utils.Database) -> LocalWrite:
        changes = self.check()
        row = db.conn.execute(
            "SELECT version, record FROM people WHERE id = ?", (self.person_id,)
        ).fetchone()
        if row is None:
            raise CommandRefused([FieldProblem("person", "gone")])
        version, current = int(row[0]), json.loads(row[1])
        stored = {
            name: (value or None) if name != "phone" else value for name, value in changes.items()
        }
        record = {**current, **stored}
        if record == current:
            raise CommandRefused([FieldProblem("person", "unchanged")])
        return LocalWrite(
            collection="people",
            record=record,
            method="PATCH",
            path=f"/people/{quote(self.person_id, safe='')}",
            body=changes,
            if_match=version,
        )
