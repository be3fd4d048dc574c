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


def test_the_record_names_who_uploaded_its_current_version(world: World) -> None:
    staff, colleague = world.sign_in("staff"), world.sign_in("colleague")
    doc = upload(staff).json()
    assert doc["version_uploaded_by"] == "p-staff"
    assert doc["version_uploaded_at"] == doc["created_at"]
    newer = new_version(colleague, doc, b"colleague's version 2")
    assert newer.status_code == 201, newer.text
    second = newer.json()
    # The author stays who made the document; the uploader is who made version 2.
    assert second["author_id"] == "p-staff"
    assert second["version_uploaded_by"] == "p-colleague"
    uploaded_at = datetime.fromisoformat(second["version_uploaded_at"])
    assert uploaded_at >= datetime.fromisoformat(doc["version_uploaded_at"])
    # Whoever's version loses (412) learns from the current record who won, and when.
    stale = new_version(staff, doc, b"my version 2")
    assert stale.status_code == 412
    current = stale.json()["current"]
    assert current["version_uploaded_by"] == "p-colleague"
    assert current["version_uploaded_at"] == second["version_uploaded_at"]
    # A metadata change or a check-out moves updated_at, not who uploaded the version.
    changed = staff.patch(f"/documents/{doc['id']}", second["version"], json={"title": "Yeni"})
    assert changed.status_code == 200, changed.text
    held = checkout(staff, changed.json()).json()
    assert held["version_uploaded_by"] == "p-colleague"
    assert held["version_uploaded_at"] == second["version_uploaded_at"]
    # Delta sync carries it to everyone who sees the document.
    seen = colleague.sync_all("documents")[0][doc["id"]]
    assert seen["version_uploaded_by"] == "p-colleague"
    # A conflict copy's only version is its maker's.
    made = staff.post(
        f"/documents/{doc['id']}/conflict-copies",
        files={
            "file": ("hesabat copy.txt", b"my version 2", "text/plain"),
            "metadata": (None, '{"based_on_version_no": 1}', "application/json"),
        },
    )
    assert made.status_code == 201, made.text
    assert made.json()["version_uploaded_by"] == "p-staff"


def test_a_checked_out_document_takes_metadata_changes_from_its_holder_only(
    world: World,
) -> None:
    staff, colleague = world.sign_in("staff"), world.sign_in("colleague")
    doc = upload(staff).json()
    held = checkout(staff, doc).json()
    path = f"/documents/{doc['id']}"
    before = documents_on_server(world)[doc["id"]]
    for change in ({"title": "Mənim başlığım"}, {"tags": ["x"]}, {"folder_id": "f-hr"}):
        refused = colleague.patch(path, held["version"], json=change)
        assert refused.status_code == 423, refused.text
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert refused.json()["code"] == "checked_out"
        assert refused.json()["checkout"] == held["checkout"]
        assert "change its details" in refused.json()["detail"]
    # Checked before If-Match, as for versions: a stale one is 423 too, and nothing was written.
    assert colleague.patch(path, doc["version"], json={"title": "x"}).status_code == 423
    assert documents_on_server(world)[doc["id"]] == before
    # The holder changes it, and the lock stays.
    mine = staff.patch(path, held["version"], json={"title": "Holder's title"})
    assert mine.status_code == 200, mine.text
    assert mine.json()["checkout"] == held["checkout"]
    # Once checked in, anyone who may write changes it again.
    released = check_in(staff, mine.json()).json()
    assert colleague.patch(path, released["version"], json={"title": "Now mine"}).status_code == 200


def test_an_administrator_changes_the_details_of_a_document_someone_holds(world: World) -> None:
    outsider, analyst, admin = (world.sign_in(u) for u in ("outsider", "analyst", "admin"))
    doc = upload(outsider, folder="f-it").json()
    held = checkout(outsider, doc).json()
    path = f"/documents/{doc['id']}"
    assert analyst.patch(path, held["version"], json={"tags": ["x"]}).status_code == 423
    by_admin = admin.patch(path, held["version"], json={"tags": ["admin"]})
    assert by_admin.status_code == 200, by_admin.text
    assert by_admin.json()["tags"] == ["admin"]
    assert by_admin.json()["checkout"] == held["checkout"]
