"""Delta sync over real HTTP: paging, tombstones, access changes, 410, concurrency."""

from __future__ import annotations

import threading
import uuid

import pytest

from server import maintenance
from tests.server.conftest import World, person


def test_full_sync_pages_through_everything_in_order(world: World) -> None:
    api = world.sign_in("staff")
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params = {"limit": 2, **({"since": cursor} if cursor else {})}
        page = api.get("/sync/people", params=params).json()
        assert page["collection"] == "people"
        assert len(page["items"]) <= 2
        seen.extend(item["id"] for item in page["items"])
        cursor, pages = page["cursor"], pages + 1
        if not page["has_more"]:
            break
    assert pages == 3
    assert sorted(seen) == sorted(
        ["p-staff", "p-colleague", "p-outsider", "p-head", "p-analyst", "p-admin"]
    )
    assert len(seen) == len(set(seen))
    # Nothing new: the same cursor comes back, with nothing in it.
    again = api.get("/sync/people", params={"since": cursor}).json()
    assert again == {
        "collection": "people",
        "items": [],
        "deleted": [],
        "cursor": cursor,
        "has_more": False,
    }


def test_sync_heads_match_final_cursors_so_an_idle_sync_costs_one_request(world: World) -> None:
    api = world.sign_in("staff")
    heads = api.get("/sync").json()
    assert set(heads["collections"]) == {
        "departments",
        "people",
        "rooms",
        "bookings",
        "folders",
        "documents",
        "shares",
        "registries",
        "regions",
        "indicators",
        "indicator_values",
    }
    for collection in ("people", "rooms", "folders", "registries", "bookings"):
        _, _, cursor = api.sync_all(collection)
        assert heads["collections"][collection] == cursor
    _, _, rows_cursor = api.sync_all("registry_rows", registry="reg-open")
    assert heads["registry_rows"] == {"reg-open": rows_cursor}  # the personal one is not offered
    with world.db.write() as conn:
        maintenance.update_record(conn, "people", "p-colleague", position="Baş məsləhətçi")
    assert api.get("/sync").json()["collections"]["people"] != heads["collections"]["people"]


def test_delta_sync_sends_changes_and_tombstones_once(world: World) -> None:
    api = world.sign_in("staff")
    items, deleted, cursor = api.sync_all("people")
    assert items["p-colleague"]["version"] == 1 and deleted == []
    with world.db.write() as conn:
        maintenance.update_record(conn, "people", "p-colleague", position="Baş məsləhətçi")
        maintenance.delete_record(conn, "people", "p-outsider")
        from server import records

        records.insert_record(conn, "people", person("p-new", "d-hr", "Yeni İşçi"))
    changed, deleted, cursor2 = api.sync_all("people", since=cursor)
    assert set(changed) == {"p-colleague", "p-new"}
    assert changed["p-colleague"]["version"] == 2
    assert changed["p-colleague"]["position"] == "Baş məsləhətçi"
    assert deleted == ["p-outsider"]
    assert api.sync_all("people", since=cursor2)[:2] == ({}, [])
    # A first sync never lists tombstones.
    fresh_items, fresh_deleted, _ = api.sync_all("people")
    assert "p-outsider" not in fresh_items and fresh_deleted == []


def upload(api, folder: str, title: str = "Hesabat") -> dict:
    response = api.post(
        "/documents",
        files={
            "file": ("hesabat.txt", f"{title} mətni".encode(), "text/plain"),
            "metadata": (None, f'{{"folder_id": "{folder}", "title": "{title}"}}'),
        },
    )
    assert response.status_code == 201, response.text
    return response.json()


def test_folder_and_document_visibility_per_access_rule(world: World) -> None:
    head = world.sign_in("head")  # d-hr, member of f-secret
    admin = world.sign_in("admin")  # d-it, not a member
    hr_doc = upload(head, "f-hr")
    secret_doc = upload(head, "f-secret")
    ministry_doc = upload(admin, "f-ministry")  # admins may write ministry folders
    it_doc = upload(admin, "f-it")

    def visible(username: str) -> tuple[set[str], set[str]]:
        api = world.sign_in(username)
        return set(api.sync_all("folders")[0]), set(api.sync_all("documents")[0])

    assert visible("staff") == ({"f-ministry", "f-hr"}, {hr_doc["id"], ministry_doc["id"]})
    assert visible("outsider") == ({"f-ministry", "f-it"}, {ministry_doc["id"], it_doc["id"]})
    assert visible("head") == (
        {"f-ministry", "f-hr", "f-secret"},
        {hr_doc["id"], secret_doc["id"], ministry_doc["id"]},
    )
    # Admin is no exception for restricted folders: need to know.
    assert secret_doc["id"] not in visible("admin")[1]
    outsider = world.sign_in("outsider")
    assert outsider.get(f"/documents/{hr_doc['id']}/content").status_code == 404
    assert outsider.get(f"/documents/{secret_doc['id']}").status_code == 404


def test_a_folder_made_restricted_leaves_sync_as_deletions(world: World) -> None:
    head = world.sign_in("head")
    doc = upload(head, "f-hr")
    staff = world.sign_in("staff")
    folders, _, folders_cursor = staff.sync_all("folders")
    docs, _, docs_cursor = staff.sync_all("documents")
    assert "f-hr" in folders and doc["id"] in docs
    with world.db.write() as conn:
        maintenance.set_folder_access(conn, "f-hr", "restricted")
    _, folder_deletions, _ = staff.sync_all("folders", since=folders_cursor)
    new_docs, doc_deletions, _ = staff.sync_all("documents", since=docs_cursor)
    assert folder_deletions == ["f-hr"]
    assert doc_deletions == [doc["id"]] and new_docs == {}


def test_a_change_in_the_users_access_expires_their_cursor(world: World) -> None:
    staff = world.sign_in("staff")
    _, _, cursor = staff.sync_all("folders")
    _, _, people_cursor = staff.sync_all("people")
    with world.db.write() as conn:
        maintenance.add_folder_member(conn, "f-secret", "p-staff")
    expired = staff.get("/sync/folders", params={"since": cursor})
    assert expired.status_code == 410
    assert expired.json()["code"] == "cursor_expired"
    # Collections whose visibility did not change keep working.
    assert staff.get("/sync/people", params={"since": people_cursor}).status_code == 200
    refetched, _, _ = staff.sync_all("folders")
    assert "f-secret" in refetched


def test_a_role_change_expires_registry_cursors(world: World) -> None:
    staff = world.sign_in("staff")
    registries, _, cursor = staff.sync_all("registries")
    assert set(registries) == {"reg-open"}
    with world.db.write() as conn:
        maintenance.set_user_roles(conn, "p-staff", ["staff", "analyst"])
    assert staff.get("/sync/registries", params={"since": cursor}).status_code == 410
    assert set(staff.sync_all("registries")[0]) == {"reg-open", "reg-personal"}


def test_pruned_history_answers_410_and_a_fresh_sync_recovers(world: World) -> None:
    api = world.sign_in("staff")
    _, _, old_cursor = api.sync_all("people")
    with world.db.write() as conn:
        maintenance.delete_record(conn, "people", "p-outsider")
    _, _, current_cursor = api.sync_all("people", since=old_cursor)
    with world.db.write() as conn:
        assert maintenance.prune_tombstones(conn, "people") == 1
    assert api.get("/sync/people", params={"since": old_cursor}).status_code == 410
    # A client that had already seen the tombstone is fine.
    assert api.get("/sync/people", params={"since": current_cursor}).status_code == 200
    assert "p-outsider" not in api.sync_all("people")[0]


def test_a_cursor_from_another_server_answers_410(world: World, tmp_path) -> None:
    api = world.sign_in("staff")
    _, _, cursor = api.sync_all("people")
    with world.db.write() as conn:
        conn.exec_driver_sql("DELETE FROM people WHERE id = 'p-admin'")  # head moves back
    assert api.get("/sync/people", params={"since": cursor}).status_code == 410


@pytest.mark.parametrize(
    "since",
    ["garbage", "%%%", "MXxwZW9wbGV8fC01fDA", "x" * 400, "MXxyb29tc3x8NXww"],
    ids=["garbage", "symbols", "negative-seq", "long", "other-collection"],
)
def test_malformed_or_foreign_cursors_are_a_validation_error(world: World, since: str) -> None:
    api = world.sign_in("staff")
    response = api.get("/sync/people", params={"since": since})
    assert response.status_code == 422
    assert response.json()["code"] == "validation_error"


def test_limit_is_validated(world: World) -> None:
    api = world.sign_in("staff")
    for limit in (0, -1, 5001, "many"):
        assert api.get("/sync/people", params={"limit": limit}).status_code == 422


def test_registry_rows_need_a_readable_registry(world: World) -> None:
    staff, analyst = world.sign_in("staff"), world.sign_in("analyst")
    assert staff.get("/sync/registry_rows").status_code == 422  # which registry?
    assert staff.get("/sync/registry_rows", params={"registry": "nope"}).status_code == 404
    denied = staff.get("/sync/registry_rows", params={"registry": "reg-personal"})
    assert denied.status_code == 403 and denied.json()["code"] == "forbidden"
    rows = analyst.sync_all("registry_rows", registry="reg-personal")[0]
    assert set(rows) == {"row-pd-0", "row-pd-1"}
    assert all(r["registry_id"] == "reg-personal" for r in rows.values())
    # The private flag never leaves the server.
    assert "personal_data" not in analyst.sync_all("registries")[0]["reg-personal"]


def test_shares_are_seen_by_sender_and_recipient_only(world: World) -> None:
    head = world.sign_in("head")
    doc = upload(head, "f-secret")
    outsider = world.sign_in("outsider")
    _, _, doc_cursor = outsider.sync_all("documents")
    sent = head.post(
        "/shares", json={"document_id": doc["id"], "to_ids": ["p-outsider"], "message": "Baxın"}
    )
    assert sent.status_code == 201, sent.text
    share = sent.json()[0]
    assert set(head.sync_all("shares")[0]) == {share["id"]}
    assert set(outsider.sync_all("shares")[0]) == {share["id"]}
    assert world.sign_in("staff").sync_all("shares")[0] == {}
    # The share opens the document to its recipient, through delta sync.
    new_docs, _, _ = outsider.sync_all("documents", since=doc_cursor)
    assert doc["id"] in new_docs
    content = outsider.get(f"/documents/{doc['id']}/content")
    assert content.status_code == 200 and content.content == "Hesabat mətni".encode()


def test_paging_while_others_write_never_loses_or_repeats_a_change(world: World) -> None:
    """Writers create and change bookings while a reader pages with a tiny page size.
    Whatever interleaving happens, the reader ends with exactly the server's state, and
    never receives the same (id, version) twice."""
    organizer = world.sign_in("staff")
    stop = threading.Event()
    errors: list[str] = []

    def writer(hour_offset: int) -> None:
        http = world.client()
        day = 1
        while not stop.is_set() and day < 28:
            start = f"2027-02-{day:02d}T{8 + hour_offset:02d}:00:00+00:00"
            end = f"2027-02-{day:02d}T{8 + hour_offset:02d}:30:00+00:00"
            created = http.post(
                "/bookings",
                json={
                    "room_id": f"room-{1 + hour_offset % 2}",
                    "title": "Görüş",
                    "start": start,
                    "end": end,
                },
                headers={**organizer.auth, "Idempotency-Key": uuid.uuid4().hex},
            )
            if created.status_code != 201:
                errors.append(created.text)
                return
            booking = created.json()
            changed = http.patch(
                f"/bookings/{booking['id']}",
                json={"title": "Görüş (dəyişdi)"},
                headers={**organizer.auth, "If-Match": '"1"'},
            )
            if changed.status_code != 200:
                errors.append(changed.text)
            day += 1

    writers = [threading.Thread(target=writer, args=(i,)) for i in range(3)]
    for thread in writers:
        thread.start()
    reader = world.sign_in("outsider")
    state: dict[str, int] = {}
    seen_changes: set[tuple[str, int]] = set()
    cursor = None
    for round_no in range(40):
        params = {"limit": 3, **({"since": cursor} if cursor else {})}
        page = reader.get("/sync/bookings", params=params).json()
        for item in page["items"]:
            change = (item["id"], item["version"])
            assert change not in seen_changes, f"repeated {change}"
            seen_changes.add(change)
            state[item["id"]] = item["version"]
        cursor = page["cursor"]
        if round_no == 30:
            stop.set()
    stop.set()
    for thread in writers:
        thread.join()
    assert not errors
    final, _, _ = reader.sync_all("bookings", since=cursor)
    for item in final.values():
        state[item["id"]] = item["version"]
    server_state = {
        b["id"]: b["version"] for b in world.sign_in("admin").sync_all("bookings")[0].values()
    }
    assert state == server_state
    assert len(server_state) > 10
