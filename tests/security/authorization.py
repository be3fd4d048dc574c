"""Authorization: ids taken from other users' views, tried by users who must not see them.

Several users sync (the fixed accounts and generated ones: members of restricted folders
and people of other departments); the ids of folders, documents, shares, registries and
bookings they are sent make one pool. Every user then tries to read, download, change,
upload to and share what the documented rules (``harness.Truth``) keep from them. A 2xx,
a 5xx, or an error body that repeats the record's title is a failure; so is a sync that
lists a record the rules keep from the user.

Before the probes, one scenario of issue #7 item 6 is set up: a member of a restricted
folder uploads a document there and shares it, then leaves the folder. The share is the
recipient's access only, so the sender must lose the document.
"""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
from sqlalchemy import delete

from server.db import folder_members
from tests.security.harness import (
    FIXED_USERS,
    Account,
    Attack,
    Truth,
    User,
    multipart,
    status_text,
    upload,
)

SYNCED = ("folders", "documents", "shares", "registries")


def _refused(response: httpx.Response, secret: str | None) -> bool:
    """Not granted, not broken, and nothing of the record in the answer."""
    if not 400 <= response.status_code < 500:
        return False
    return not (secret and secret in response.text)


def _choose_users(truth: Truth, rng: random.Random, extra: int) -> list[str]:
    """The fixed accounts, a member of each restricted folder, people of other departments."""
    chosen = list(FIXED_USERS)
    by_id = {a.id: a for a in truth.accounts.values() if a.active}
    for folder_id, folder in sorted(truth.folders.items()):
        if folder.access != "restricted":
            continue
        members = sorted(m for m in truth.members.get(folder_id, ()) if m in by_id)
        candidates = [by_id[m].username for m in members if by_id[m].username not in chosen]
        if candidates:
            chosen.append(rng.choice(candidates))
    departments = {truth.accounts[u].department_id for u in chosen}
    others = sorted(
        a.username
        for a in truth.accounts.values()
        if a.active and a.department_id not in departments and a.username not in chosen
    )
    rng.shuffle(others)
    for username in others:
        if len(chosen) >= len(FIXED_USERS) + extra:
            break
        if truth.accounts[username].department_id not in departments:
            chosen.append(username)
            departments.add(truth.accounts[username].department_id)
    return chosen


def _sender_leaves_folder(attack: Attack, truth: Truth, users: dict[str, User]) -> str | None:
    """Issue #7 item 6: a member shares a document of a restricted folder, then leaves it.
    Returns a line describing the setup, or None when the data offers no such member."""
    for folder_id, folder in sorted(truth.folders.items()):
        if folder.access != "restricted":
            continue
        members = truth.members.get(folder_id, set())
        sender = next((u for u in users.values() if u.id in members), None)
        recipient = next((u for u in users.values() if u.id not in members), None)
        if sender is None or recipient is None:
            continue
        made = upload(sender, folder_id, "Attack: shared then left")
        if made.status_code != 201:
            attack.tally.fail(f"setup: upload to {folder_id} as {sender.username}: {made.text}")
            return None
        document_id = made.json()["id"]
        shared = sender.create(
            "/shares", json={"document_id": document_id, "to_ids": [recipient.id]}
        )
        if shared.status_code != 201:
            attack.tally.fail(f"setup: share as {sender.username}: {shared.text}")
            return None
        with attack.server.db.write() as conn:
            conn.execute(
                delete(folder_members).where(
                    folder_members.c.folder_id == folder_id,
                    folder_members.c.person_id == sender.id,
                )
            )
        return (
            f"{sender.username} shared {document_id} of restricted {folder_id} with "
            f"{recipient.username}, then left the folder"
        )
    return None


def _share_around(users: dict[str, User], synced: dict[str, dict[str, Any]], rng: random.Random):
    """Each user sends one visible document to another, so shares exist between them."""
    names = sorted(users)
    for name in names:
        documents = sorted(synced[name]["documents"])
        if not documents:
            continue
        to = users[rng.choice([n for n in names if n != name])]
        users[name].create(
            "/shares", json={"document_id": rng.choice(documents), "to_ids": [to.id]}
        )


def _sync(user: User) -> dict[str, dict[str, Any]]:
    return {collection: user.sync_all(collection)[0] for collection in SYNCED}


def _check_listing(attack: Attack, user: User, account: Account, truth: Truth, seen: dict) -> None:
    allowed = {
        "folders": truth.visible_folders(account),
        "documents": truth.visible_documents(account),
        "shares": truth.visible_shares(account),
        "registries": truth.readable_registries(account),
    }
    for collection in SYNCED:
        leaked = sorted(set(seen[collection]) - allowed[collection])
        attack.tally.check(
            not leaked,
            f"sync/{collection} as {user.username} lists {len(leaked)} it may not see: "
            f"{', '.join(leaked[:3])}",
        )
    heads = user.request("GET", "/sync").json()
    listed = set(heads.get("registry_rows", {}))
    extra = sorted(listed - allowed["registries"])
    attack.tally.check(not extra, f"GET /sync as {user.username} names registries {extra}")


def _probe_documents(
    attack: Attack,
    user: User,
    account: Account,
    truth: Truth,
    pool: dict[str, dict[str, Any]],
    listed: dict[str, Any],
    other: User,
    count: int,
    rng: random.Random,
) -> None:
    tally = attack.tally
    visible = truth.visible_documents(account)
    hidden = sorted(set(pool) - visible)
    # What the user's own sync wrongly sent first, then a sample of the rest.
    leaked = sorted(set(listed) - visible)
    sample = rng.sample(hidden, min(count, len(hidden)))
    for document_id in leaked + [d for d in sample if d not in leaked]:
        record = pool[document_id]
        title = record["title"] if len(record["title"]) >= 8 else None
        version = {"If-Match": f'"{record["version"]}"'}
        who = f"as {user.username} on {document_id} (not theirs to see)"
        answer = user.request("GET", f"/documents/{document_id}")
        tally.check(_refused(answer, title), f"GET /documents {who}: {status_text(answer)}")
        answer = user.request("GET", f"/documents/{document_id}/content")
        tally.check(_refused(answer, None), f"GET content {who}: {status_text(answer)}")
        answer = user.request(
            "PATCH", f"/documents/{document_id}", json={"title": "attack"}, headers=version
        )
        tally.check(_refused(answer, title), f"PATCH /documents {who}: {status_text(answer)}")
        body, headers = multipart("attack.txt", b"overwritten", None)
        answer = user.create(
            f"/documents/{document_id}/versions", content=body, headers={**headers, **version}
        )
        tally.check(_refused(answer, title), f"POST versions {who}: {status_text(answer)}")
        answer = user.create("/shares", json={"document_id": document_id, "to_ids": [other.id]})
        tally.check(_refused(answer, title), f"POST /shares {who}: {status_text(answer)}")
    # The rules must not refuse what they grant either, or the oracle above means nothing.
    mine = sorted(visible & set(pool))
    for document_id in rng.sample(mine, min(2, len(mine))):
        answer = user.request("GET", f"/documents/{document_id}")
        tally.check(
            answer.status_code == 200,
            f"GET /documents as {user.username} on {document_id}, which the rules grant: "
            f"{status_text(answer)}",
        )


def _probe_folders(
    attack: Attack, user: User, account: Account, truth: Truth, count: int, rng: random.Random
) -> None:
    closed = sorted(f for f in truth.folders if not truth.folder_writable(account, f))
    for folder_id in rng.sample(closed, min(count, len(closed))):
        answer = upload(user, folder_id, "Attack: not yours")
        attack.tally.check(
            _refused(answer, None),
            f"POST /documents into {folder_id} ({truth.folders[folder_id].access}) as "
            f"{user.username}: {status_text(answer)}",
        )


def _probe_shares(
    attack: Attack, user: User, account: Account, truth: Truth, count: int, rng: random.Random
) -> None:
    others = sorted(s for s, (_d, _f, to) in truth.shares.items() if to != account.id)
    for share_id in rng.sample(others, min(count, len(others))):
        answer = user.request("POST", f"/shares/{share_id}/read")
        attack.tally.check(
            _refused(answer, None),
            f"POST /shares/{share_id}/read as {user.username} (not the recipient): "
            f"{status_text(answer)}",
        )


def _probe_registries(attack: Attack, user: User, account: Account, truth: Truth) -> None:
    for registry_id in sorted(set(truth.registries) - truth.readable_registries(account)):
        answer = user.request("GET", "/sync/registry_rows", params={"registry": registry_id})
        attack.tally.check(
            _refused(answer, None),
            f"sync/registry_rows?registry={registry_id} as {user.username}: {status_text(answer)}",
        )


def _probe_bookings(
    attack: Attack,
    user: User,
    bookings: dict[str, dict[str, Any]],
    count: int,
    rng: random.Random,
) -> None:
    theirs = sorted(b for b, r in bookings.items() if r["organizer_id"] != user.id)
    for booking_id in rng.sample(theirs, min(count, len(theirs))):
        version = {"If-Match": f'"{bookings[booking_id]["version"]}"'}
        who = f"as {user.username} on {booking_id} (not the organizer)"
        answer = user.request(
            "PATCH", f"/bookings/{booking_id}", json={"title": "attack"}, headers=version
        )
        attack.tally.check(_refused(answer, None), f"PATCH /bookings {who}: {status_text(answer)}")
        answer = user.request("DELETE", f"/bookings/{booking_id}", headers=version)
        attack.tally.check(_refused(answer, None), f"DELETE /bookings {who}: {status_text(answer)}")


def run(attack: Attack) -> None:
    rng = random.Random(f"{attack.seed}-authorization")
    count = 3 if attack.quick else 8
    truth = Truth.read(attack.server.db)
    names = _choose_users(truth, rng, extra=4 if attack.quick else 8)
    users = {name: attack.sign_in(name) for name in names}
    scenario = _sender_leaves_folder(attack, truth, users)
    if scenario:
        attack.tally.note(scenario)
    with ThreadPoolExecutor(len(users)) as workers:
        before = dict(zip(users, workers.map(_sync, users.values()), strict=True))
        _share_around(users, before, rng)
        truth = Truth.read(attack.server.db)
        synced = dict(zip(users, workers.map(_sync, users.values()), strict=True))
    pool: dict[str, dict[str, Any]] = {}
    for seen in synced.values():
        pool.update(seen["documents"])
    bookings = users["admin"].sync_all("bookings")[0]
    names = sorted(users)

    def probe(name: str) -> None:
        user, account = users[name], truth.accounts[name]
        mine = random.Random(f"{attack.seed}-authorization-{name}")
        other = users[names[(names.index(name) + 1) % len(names)]]
        _check_listing(attack, user, account, truth, synced[name])
        _probe_documents(
            attack, user, account, truth, pool, synced[name]["documents"], other, count, mine
        )
        _probe_folders(attack, user, account, truth, count, mine)
        _probe_shares(attack, user, account, truth, count, mine)
        _probe_registries(attack, user, account, truth)
        if "admin" not in account.roles:
            _probe_bookings(attack, user, bookings, count, mine)

    # One thread per user: the server judges them concurrently, as it would in service.
    with ThreadPoolExecutor(len(names)) as pool_of_users:
        list(pool_of_users.map(probe, names))
    # Last, as it would revoke a device if it were let through.
    admin_device = users["admin"].device_id
    for name in names:
        if "admin" in truth.accounts[name].roles:
            continue
        answer = users[name].request("POST", f"/admin/devices/{admin_device}/revoke")
        attack.tally.check(
            _refused(answer, None),
            f"POST /admin/devices/.../revoke as {name}: {status_text(answer)}",
        )
