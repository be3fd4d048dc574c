"""Who sees what through sync, against a user who edits cursors or once shared a document:
signed cursors, `deleted` never naming what the user never saw, shares granting the
recipient only."""

from __future__ import annotations

import base64
from typing import Any

from server import maintenance
from tests.server.conftest import Api, World
from tests.server.test_sync import upload


def _decode(cursor: str) -> list[str]:
    padded = cursor + "=" * (-len(cursor) % 4)
    return base64.urlsafe_b64decode(padded).decode().split("|")


def _encode(parts: list[str]) -> str:
    return base64.urlsafe_b64encode("|".join(parts).encode()).rstrip(b"=").decode()


def _documents_nobody_but_others_may_see(world: World) -> set[str]:
    """Documents in folders staff may not see: IT's, and the restricted one's."""
    admin, head = world.sign_in("admin"), world.sign_in("head")
    return {upload(admin, "f-it")["id"], upload(head, "f-secret")["id"]}


def _assert_refused(response: Any) -> None:
    assert response.status_code == 410, response.text
    assert response.json()["code"] == "cursor_expired"
    assert "deleted" not in response.json()


def test_a_cursor_edited_to_sequence_one_is_refused(world: World) -> None:
    hidden = _documents_nobody_but_others_may_see(world)
    staff = world.sign_in("staff")
    upload(staff, "f-hr")
    _, _, cursor = staff.sync_all("documents")
    parts = _decode(cursor)
    parts[3] = "1"  # the sequence, keeping the user's own fingerprint and the signature
    _assert_refused(staff.get("/sync/documents", params={"since": _encode(parts)}))
    # The cursor format of before: unsigned, with the user's own fingerprint.
    unsigned = _encode(["1", "documents", "", "1", parts[4]])
    _assert_refused(staff.get("/sync/documents", params={"since": unsigned}))
    # Nothing else in a cursor can be changed either.
    for index, value in ((4, "0" * 12), (5, "999999"), (6, "0" * 32)):
        edited = list(parts)
        edited[index] = value
        _assert_refused(staff.get("/sync/documents", params={"since": _encode(edited)}))
    # The real cursor still works, and names nothing hidden.
    page = staff.get("/sync/documents", params={"since": cursor}).json()
    assert page["items"] == [] and page["deleted"] == []
    assert not hidden & set(staff.sync_all("documents")[0])


def test_a_cursor_works_only_for_the_user_it_was_issued_to(world: World) -> None:
    staff, colleague = world.sign_in("staff"), world.sign_in("colleague")  # same access
    _, _, cursor = staff.sync_all("documents")
    _, _, people_cursor = staff.sync_all("people")
    _assert_refused(colleague.get("/sync/documents", params={"since": cursor}))
    _assert_refused(colleague.get("/sync/people", params={"since": people_cursor}))
    assert staff.get("/sync/documents", params={"since": cursor}).status_code == 200
    # Another sign-in of the same user (another device) may use it.
    again = world.sign_in("staff")
    assert again.get("/sync/people", params={"since": people_cursor}).status_code == 200


def test_a_paged_first_sync_never_lists_what_the_user_cannot_see(world: World) -> None:
    """Today's leak without any forgery: page two of a first sync listed every hidden
    document past page one in `deleted`."""
    hidden = _documents_nobody_but_others_may_see(world)
    head = world.sign_in("head")
    visible = {upload(head, "f-hr")["id"], upload(head, "f-ministry")["id"]}
    hidden |= _documents_nobody_but_others_may_see(world)
    staff = world.sign_in("staff")
    items, deleted, cursor = staff.sync_all("documents", limit=1)
    assert set(items) == visible
    assert deleted == []
    assert staff.get("/sync").json()["collections"]["documents"] == cursor
    # Shares between others stay out of it too.
    for document_id in visible:
        _share(head, document_id, "p-colleague")
    shares, share_deletions, _ = staff.sync_all("shares", limit=1)
    assert shares == {} and share_deletions == []


def test_a_record_seen_on_page_one_and_hidden_during_the_first_sync_is_deleted(
    world: World,
) -> None:
    head = world.sign_in("head")
    first = upload(head, "f-hr")
    upload(head, "f-hr")
    staff = world.sign_in("staff")
    page = staff.get("/sync/documents", params={"limit": 1}).json()
    assert [item["id"] for item in page["items"]] == [first["id"]] and page["has_more"]
    moved = head.patch(f"/documents/{first['id']}", 1, json={"folder_id": "f-secret"})
    assert moved.status_code == 200, moved.text
    items, deleted, _ = staff.sync_all("documents", since=page["cursor"])
    assert first["id"] in deleted and first["id"] not in items


def test_sync_heads_are_accepted_as_cursors_and_equal_final_ones(world: World) -> None:
    _documents_nobody_but_others_may_see(world)
    staff = world.sign_in("staff")
    upload(staff, "f-hr")
    heads = staff.get("/sync").json()
    for collection, head in heads["collections"].items():
        page = staff.get(f"/sync/{collection}", params={"since": head})
        assert page.status_code == 200, (collection, page.text)
        assert page.json()["cursor"] == head and page.json()["deleted"] == []
        assert staff.sync_all(collection, limit=1)[2] == head, collection


# --- item 6: access through a share is the recipient's only ------------------------


def _share(sender: Api, document_id: str, to_id: str) -> None:
    sent = sender.post("/shares", json={"document_id": document_id, "to_ids": [to_id]})
    assert sent.status_code == 201, sent.text


def test_the_sender_removed_from_a_restricted_folder_loses_a_document_they_shared(
    world: World,
) -> None:
    head = world.sign_in("head")  # the only member of f-secret
    doc = upload(head, "f-secret")
    _share(head, doc["id"], "p-colleague")
    _, _, cursor = head.sync_all("documents")
    with world.db.write() as conn:
        maintenance.remove_folder_member(conn, "f-secret", "p-head")
    expired = head.get("/sync/documents", params={"since": cursor})
    assert expired.status_code == 410  # the client drops what a fresh sync does not send
    assert doc["id"] not in head.sync_all("documents")[0]
    assert head.get(f"/documents/{doc['id']}").status_code == 404
    assert head.get(f"/documents/{doc['id']}/content").status_code == 404
    share_again = head.post("/shares", json={"document_id": doc["id"], "to_ids": ["p-staff"]})
    assert share_again.status_code == 404
    # The recipient keeps reading it; the sender still sees the share they sent.
    colleague = world.sign_in("colleague")
    assert doc["id"] in colleague.sync_all("documents")[0]
    assert colleague.get(f"/documents/{doc['id']}/content").status_code == 200
    assert len(head.sync_all("shares")[0]) == 1


def test_a_shared_document_moved_out_of_the_senders_sight_leaves_their_sync(
    world: World,
) -> None:
    staff = world.sign_in("staff")
    doc = upload(staff, "f-hr")
    _share(staff, doc["id"], "p-outsider")
    _, _, cursor = staff.sync_all("documents")
    head = world.sign_in("head")
    assert head.patch(f"/documents/{doc['id']}", 1, json={"folder_id": "f-secret"}).status_code == (
        200
    )
    items, deleted, _ = staff.sync_all("documents", since=cursor)
    assert deleted == [doc["id"]] and items == {}
    assert staff.get(f"/documents/{doc['id']}/content").status_code == 404
    outsider = world.sign_in("outsider")
    assert outsider.get(f"/documents/{doc['id']}/content").status_code == 200


# --- item 8: delta sync names only what the user may have held ----------------------


def _full_sync(api: Api, collections: tuple[str, ...]) -> dict[str, str]:
    return {c: api.sync_all(c)[2] for c in collections}


WATCHED = ("folders", "documents", "shares", "registries")


def _deleted_since(api: Api, cursors: dict[str, str]) -> dict[str, list[str]]:
    return {c: api.sync_all(c, since=cursor)[1] for c, cursor in cursors.items()}


def test_a_delta_sync_never_lists_records_the_user_never_could_see(world: World) -> None:
    """Others' records change, move between places staff cannot see, are shared and
    unshared between others, and go away: staff's delta sync names none of them."""
    admin, head = world.sign_in("admin"), world.sign_in("head")
    it_doc, it_doc_moved = upload(admin, "f-it"), upload(admin, "f-it")
    hr_doc = upload(head, "f-hr")
    with world.db.write() as conn:
        maintenance.add_folder_member(conn, "f-secret", "p-admin")
    staff = world.sign_in("staff")
    cursors = _full_sync(staff, WATCHED)
    assert admin.patch(f"/documents/{it_doc['id']}", 1, json={"title": "Yeni"}).status_code == 200
    moved = admin.patch(f"/documents/{it_doc_moved['id']}", 1, json={"folder_id": "f-secret"})
    assert moved.status_code == 200, moved.text
    upload(admin, "f-it")
    _share(head, hr_doc["id"], "p-outsider")
    with world.db.write() as conn:
        maintenance.update_record(conn, "registries", "reg-personal", row_count=3)
        maintenance.set_folder_access(conn, "f-it", "restricted")
        maintenance.delete_record(conn, "documents", it_doc["id"])
        share_id = next(
            r[0] for r in conn.exec_driver_sql("SELECT id FROM shares WHERE to_id = 'p-outsider'")
        )
        maintenance.delete_record(conn, "shares", share_id)
    assert _deleted_since(staff, cursors) == {c: [] for c in WATCHED}


def test_what_the_user_could_see_still_leaves_their_sync_as_deletions(world: World) -> None:
    head = world.sign_in("head")
    kept, deleted_doc, moved_doc = (upload(head, "f-hr") for _ in range(3))
    shared = upload(head, "f-secret")
    _share(head, shared["id"], "p-staff")
    staff = world.sign_in("staff")
    cursors = _full_sync(staff, WATCHED)
    assert shared["id"] in staff.sync_all("documents")[0]
    assert (
        head.patch(f"/documents/{moved_doc['id']}", 1, json={"folder_id": "f-secret"}).status_code
        == 200
    )
    with world.db.write() as conn:
        maintenance.delete_record(conn, "documents", deleted_doc["id"])
        share_id = next(
            r[0] for r in conn.exec_driver_sql("SELECT id FROM shares WHERE to_id = 'p-staff'")
        )
        maintenance.delete_record(conn, "shares", share_id)
        maintenance.update_record(conn, "registries", "reg-open", personal_data=True)
        maintenance.delete_record(conn, "folders", "f-hr")
    deleted = {c: sorted(ids) for c, ids in _deleted_since(staff, cursors).items()}
    assert deleted == {
        "folders": ["f-hr"],
        "documents": sorted([kept["id"], deleted_doc["id"], moved_doc["id"], shared["id"]]),
        "shares": [share_id],
        "registries": ["reg-open"],
    }
