"""Forged cursors (issue #7 item 8): every cursor the server issued, altered byte by byte
and field by field, must be refused (400, 410 or 422). An altered cursor that is
answered is a failure, and the failure says how many ids the page names (in ``items``
or ``deleted``) that the user was never sent by an honest sync.

The cursor format is not assumed: the alterations work on the base64url-decoded bytes
(numbers changed, bytes flipped, fields swapped), so they apply to a signed format too.
"""

from __future__ import annotations

import base64
import binascii
import random
import re
from concurrent.futures import ThreadPoolExecutor

from tests.security.harness import Attack, User, status_text

COLLECTIONS = ("folders", "documents", "shares", "registries", "bookings", "people")


def _decode(cursor: str) -> bytes | None:
    try:
        return base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
    except (binascii.Error, ValueError):
        return None


def _encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _variants(cursor: str, rng: random.Random, others: list[str]) -> dict[str, str]:
    """label -> altered cursor; each decodes to bytes other than the original's."""
    raw = _decode(cursor)
    found: dict[str, str] = {}
    if raw is None:
        found["one character changed"] = cursor[:-1] + ("A" if cursor[-1] != "A" else "B")
        return found
    for match in list(re.finditer(rb"\d+", raw))[:6]:
        number = int(match.group())
        for label, value in (
            ("to 1", 1),
            ("to 0", 0),
            ("+1", number + 1),
            ("-1", max(number - 1, 0)),
            ("halved", number // 2),
            ("huge", 10**15),
        ):
            changed = raw[: match.start()] + str(value).encode() + raw[match.end() :]
            found[f"number {match.group().decode()} {label}"] = _encode(changed)
    fields = raw.split(b"|")
    if len(fields) > 1:
        for i in range(len(fields)):
            blank = b"|".join(f if j != i else b"" for j, f in enumerate(fields))
            found[f"field {i} emptied"] = _encode(blank)
            swapped = b"|".join(
                f if j != i else b"0" * max(len(f), 1) for j, f in enumerate(fields)
            )
            found[f"field {i} zeroed"] = _encode(swapped)
    for n in range(4):
        position = rng.randrange(len(raw))
        flipped = bytearray(raw)
        flipped[position] ^= 1 << rng.randrange(8)
        found[f"bit flipped at byte {position} ({n})"] = _encode(bytes(flipped))
    found["last byte cut"] = _encode(raw[:-1])
    found["a byte appended"] = _encode(raw + b"0")
    for i, other in enumerate(others):
        found[f"another's cursor {i}"] = other
    return {label: c for label, c in found.items() if _decode(c) != raw and c != cursor}


def _honest(user: User, collection: str) -> tuple[set[str], list[str]]:
    """Every id an honest sync sends, and every cursor it is given on the way."""
    seen: set[str] = set()
    cursors: list[str] = []
    cursor = None
    while True:
        params = {"limit": 200, **({"since": cursor} if cursor else {})}
        page = user.request("GET", f"/sync/{collection}", params=params).json()
        seen.update(item["id"] for item in page["items"])
        seen.update(page["deleted"])
        cursor = page["cursor"]
        cursors.append(cursor)
        if not page["has_more"]:
            return seen, cursors


def run(attack: Attack) -> None:
    rng = random.Random(f"{attack.seed}-cursors")
    staff, head = attack.sign_in("staff"), attack.sign_in("analyst")
    jobs: list[tuple[str, str, str, set[str]]] = []
    for collection in COLLECTIONS:
        seen, issued = _honest(staff, collection)
        _other_seen, theirs = _honest(head, collection)
        others = [c for c in (theirs[-1], _honest(staff, "rooms")[1][-1]) if c not in issued]
        for cursor in (issued[0], issued[-1]) if len(issued) > 1 else (issued[-1],):
            for label, forged in _variants(cursor, rng, others).items():
                if forged not in issued:
                    jobs.append((collection, label, forged, seen))
    if attack.quick:
        jobs = rng.sample(jobs, min(len(jobs), 120))

    def probe(job: tuple[str, str, str, set[str]]) -> None:
        collection, label, forged, seen = job
        answer = staff.request(
            "GET", f"/sync/{collection}", params={"since": forged, "limit": 5000}
        )
        if answer.status_code != 200:
            attack.tally.check(
                answer.status_code in (400, 410, 422),
                f"sync/{collection} with a cursor ({label}): {status_text(answer)}",
            )
            return
        page = answer.json()
        unseen = {i["id"] for i in page["items"]} | set(page["deleted"])
        unseen -= seen
        leak = f", naming {len(unseen)} ids staff was never sent" if unseen else ""
        kind = f"sync/{collection} answered altered cursors" + (
            " with unseen ids" if unseen else ""
        )
        with attack.tally.kind(kind):
            attack.tally.check(False, f"sync/{collection} answered a cursor ({label}){leak}")

    with ThreadPoolExecutor(6) as workers:
        list(workers.map(probe, jobs))
