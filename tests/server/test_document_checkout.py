"""Check out / check in, and conflict copies as server records (issue 10)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import update

from server import records
from server.db import documents
from tests.server.conftest import Api, World
from tests.server.test_documents import documents_on_server, upload


def checkout(api: Api, doc: dict[str, Any]) -> Any:
    return api.post(
        f"/documents/{doc['id']}/checkout", key=None, headers={"If-Match": f'"{doc["version"]}"'}
    )


def check_in(api: Api, doc: dict[str, Any]) -> Any:
    return api.delete(f"/documents/{doc['id']}/checkout", doc["version"])


def new_version(api: Api, doc: dict[str, Any], content: bytes) -> Any:
    return api.post(
        f"/documents/{doc['id']}/versions",
        files={"file": ("hesabat.txt", content, "text/plain")},
        headers={"If-Match": f'"{doc["version"]}"'},
    )


def test_a_checked_out_document_takes_versions_from_its_holder_only(world: World) -> None:
    staff, colleague = world.sign_in("staff"), world.sign_in("colleague")
    doc = upload(staff).json()
    taken = checkout(staff, doc)
    assert taken.status_code == 200, taken.text
    held = taken.json()
    assert held["checkout"]["by"] == "p-staff" and held["version"] == doc["version"] + 1
    expires = datetime.fromisoformat(held["checkout"]["expires_at"])
    assert expires - datetime.fromisoformat(held["checkout"]["at"]) == timedelta(hours=8)
    # The others see who holds it and since when, through delta sync.
    seen = colleague.sync_all("documents")[0][doc["id"]]
    assert seen["checkout"] == held["checkout"]
    # They cannot upload a version, nor take the lock: 423 names the holder.
    refused = new_version(colleague, held, b"colleague's edit")
    assert refused.status_code == 423
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert refused.json()["code"] == "checked_out"
    assert refused.json()["checkout"]["by"] == "p-staff"
    assert checkout(colleague, held).status_code == 423
    assert check_in(colleague, held).status_code == 403
    # Nothing was written by the refusals.
    assert documents_on_server(world)[doc["id"]]["version"] == held["version"]
    # The holder uploads, then checks in; then the colleague may upload.
    mine = new_version(staff, held, b"holder's edit")
    assert mine.status_code == 201, mine.text
    assert mine.json()["checkout"]["by"] == "p-staff"
    released = check_in(staff, mine.json())
    assert released.status_code == 200 and released.json()["checkout"] is None
    assert new_version(colleague, released.json(), b"now mine").status_code == 201


def test_checkout_is_idempotent_and_needs_if_match(world: World) -> None:
    staff = world.sign_in("staff")
    doc = upload(staff).json()
    assert staff.post(f"/documents/{doc['id']}/checkout", key=None).status_code == 428
    first = checkout(staff, doc).json()
    # A resend with the old If-Match (its first answer lost) answers the lock as it is.
    again = checkout(staff, doc)
    assert again.status_code == 200 and again.json()["version"] == first["version"]
    # Stale If-Match on a free document is 412.
    check_in(staff, first)
    assert checkout(staff, doc).status_code == 412


def test_an_admin_releases_a_lock_and_an_expired_lock_is_no_lock(world: World) -> None:
    staff, colleague, admin = (world.sign_in(u) for u in ("staff", "colleague", "admin"))
    doc = upload(staff).json()
    held = checkout(staff, doc).json()
    released = check_in(admin, held)
    assert released.status_code == 200, released.text
    assert released.json()["checkout"] is None
    held = checkout(staff, released.json()).json()
    # The lock's time runs out: the server lets others upload again.
    past = records.iso(datetime.now(UTC) - timedelta(minutes=1))
    with world.db.write() as conn:
        record = records.load(conn, "documents", doc["id"])
        assert record is not None
        body = {**record[0], "checkout": {**held["checkout"], "expires_at": past}}
        conn.execute(
            update(documents).where(documents.c.id == doc["id"]).values(body=records.dumps(body))
        )
    assert new_version(colleague, held, b"after the timeout").status_code == 201


def test_a_conflict_copy_is_a_record_everyone_with_access_sees(world: World) -> None:
    staff, colleague = world.sign_in("staff"), world.sign_in("colleague")
    doc = upload(staff).json()
    assert new_version(colleague, doc, b"colleague moved on").status_code == 201
    stale = new_version(staff, doc, b"my edit on version 1")
    assert stale.status_code == 412
    path = f"/documents/{doc['id']}/conflict-copies"
    made = staff.post(
        path,
        files={
            "file": ("hesabat (conflicted copy).txt", b"my edit on version 1", "text/plain"),
            "metadata": (None, '{"based_on_version_no": 1}', "application/json"),
        },
    )
    assert made.status_code == 201, made.text
    copy = made.json()
    assert copy["conflict_of"]["document_id"] == doc["id"]
    assert copy["conflict_of"]["based_on_version_no"] == 1
    assert copy["conflict_of"]["made_by"] == "p-staff"
    assert copy["folder_id"] == doc["folder_id"] and copy["id"] != doc["id"]
    seen = colleague.sync_all("documents")[0]
    assert seen[copy["id"]]["conflict_of"] == copy["conflict_of"]
    assert colleague.get(f"/documents/{copy['id']}/content").content == b"my edit on version 1"


def test_a_conflict_copy_equal_to_the_server_version_is_not_made(world: World) -> None:
    staff = world.sign_in("staff")
    doc = upload(staff).json()
    before = set(documents_on_server(world))
    same = staff.post(
        f"/documents/{doc['id']}/conflict-copies",
        files={
            "file": ("x.txt", b"\xd0" + b"", "text/plain"),
            "metadata": (None, '{"based_on_version_no": 1}', "application/json"),
        },
    )
    assert same.status_code == 201  # different bytes: made
    current = upload(staff, filename="b.txt").json()
    identical = staff.post(
        f"/documents/{current['id']}/conflict-copies",
        files={
            "file": ("b copy.txt", open_text(), "text/plain"),
            "metadata": (None, '{"based_on_version_no": 1}', "application/json"),
        },
    )
    assert identical.status_code == 200, identical.text
    assert identical.json()["id"] == current["id"]
    after = set(documents_on_server(world))
    assert after - before == {same.json()["id"], current["id"]}


def open_text() -> bytes:
    from tests.server.test_documents import TEXT

    return TEXT


@pytest.mark.parametrize("body", ['{"based_on_version_no": 0}', '{"based_on_version_no": 9}', "{}"])
def test_conflict_copy_metadata_is_checked(world: World, body: str) -> None:
    staff = world.sign_in("staff")
    doc = upload(staff).json()
    before = documents_on_server(world)
    refused = staff.post(
        f"/documents/{doc['id']}/conflict-copies",
        files={
            "file": ("c.txt", b"other", "text/plain"),
            "metadata": (None, body, "application/json"),
        },
    )
    assert refused.status_code == 422, refused.text
    assert documents_on_server(world).keys() == before.keys()
