"""Resumable uploads: upload sessions with chunked PUTs (issue 10)."""

from __future__ import annotations

import hashlib
import os
from typing import Any

import pytest

from server.upload_sessions import purge_expired
from tests.server.conftest import Api, World
from tests.server.test_documents import documents_on_server, leftover_temp_files

CONTENT = os.urandom(1000 * 1024 + 17)  # a "200 MB" file, scaled down
SHA = hashlib.sha256(CONTENT).hexdigest()


def start(api: Api, size: int = len(CONTENT), **kw: Any) -> dict[str, Any]:
    made = api.post("/uploads", json={"filename": "böyük hesabat.pdf", "size": size, **kw})
    assert made.status_code == 201, made.text
    return made.json()


def put(
    api: Api, session: dict[str, Any], start_at: int, end: int, data: bytes | None = None
) -> Any:
    body = CONTENT[start_at : end + 1] if data is None else data
    return api.http.put(
        f"/uploads/{session['id']}",
        content=body,
        headers={
            **api.auth,
            "Content-Range": f"bytes {start_at}-{end}/{session['size']}",
            "Content-Type": "application/octet-stream",
        },
    )


def session_files(world: World) -> list[str]:
    folder = world.data_dir / "blobs" / "sessions"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_broken_upload_goes_on_from_where_it_stopped(world: World) -> None:
    staff = world.sign_in("staff")
    session = start(staff)
    chunk = 256 * 1024
    ninety = len(CONTENT) * 9 // 10
    sent = 0
    while sent < ninety:
        end = min(sent + chunk, ninety) - 1
        assert put(staff, session, sent, end).status_code == 200
        sent = end + 1
    # The connection broke: a new client asks where to go on from.
    again = world.sign_in("staff")
    state = again.get(f"/uploads/{session['id']}").json()
    assert state["offset"] == ninety and not state["complete"]
    # Nothing of it is visible to anyone yet.
    assert all(d["size"] != len(CONTENT) for d in documents_on_server(world).values())
    # A chunk resent (its answer lost) is harmless; one beyond the offset is refused.
    assert put(again, session, ninety - chunk, ninety - 1).json()["offset"] == ninety
    ahead = put(again, session, ninety + 10, len(CONTENT) - 1)
    assert ahead.status_code == 409 and ahead.json()["offset"] == ninety
    # Overlapping the end of what it has: only the new bytes are appended.
    rest = put(again, session, ninety - 5, len(CONTENT) - 1)
    assert rest.status_code == 200 and rest.json()["complete"]
    made = again.post(
        "/documents",
        json={
            "upload_id": session["id"],
            "sha256": hashlib.sha256(CONTENT).hexdigest(),
            "metadata": {"folder_id": "f-hr", "title": "Böyük"},
        },
    )
    assert made.status_code == 201, made.text
    assert made.json()["sha256"] == hashlib.sha256(CONTENT).hexdigest()
    assert made.json()["filename"] == "böyük hesabat.pdf"
    assert again.get(f"/documents/{made.json()['id']}/content").content == CONTENT
    # The session is used up.
    assert again.get(f"/uploads/{session['id']}").json()["state"] == "finished"
    assert put(again, session, 0, 9).status_code == 409
    assert session_files(world) == []


def test_a_resend_through_a_new_session_replays_the_first_answer(world: World) -> None:
    """The final request's answer was lost: the client uploads again through a new
    session and sends the same key; the bytes are the same, so it counts once."""
    staff = world.sign_in("staff")
    key = "resend-key-0123456789"
    answers = []
    for _attempt in range(2):
        session = start(staff)
        put(staff, session, 0, len(CONTENT) - 1)
        body = {
            "upload_id": session["id"],
            "sha256": SHA,
            "metadata": {"folder_id": "f-hr", "title": "B"},
        }
        answers.append(staff.post("/documents", key=key, json=body))
    assert [a.status_code for a in answers] == [201, 201]
    assert answers[0].json()["id"] == answers[1].json()["id"]
    mine = [d for d in documents_on_server(world).values() if d["sha256"] == SHA]
    assert len(mine) == 1


def test_a_wrong_sha256_makes_nothing(world: World) -> None:
    staff = world.sign_in("staff")
    session = start(staff)
    put(staff, session, 0, len(CONTENT) - 1)
    body = {
        "upload_id": session["id"],
        "sha256": "0" * 64,
        "metadata": {"folder_id": "f-hr", "title": "B"},
    }
    assert staff.post("/documents", json=body).status_code == 422
    assert all(d["sha256"] != SHA for d in documents_on_server(world).values())
    assert staff.get(f"/uploads/{session['id']}").json()["complete"]


def test_a_version_and_a_conflict_copy_from_sessions(world: World) -> None:
    staff = world.sign_in("staff")
    session = start(staff)
    put(staff, session, 0, len(CONTENT) - 1)
    doc = staff.post(
        "/documents",
        json={
            "upload_id": session["id"],
            "sha256": SHA,
            "metadata": {"folder_id": "f-hr", "title": "B"},
        },
    ).json()
    second = start(staff, size=5)
    assert put(staff, second, 0, 4, b"12345").status_code == 200
    version = staff.post(
        f"/documents/{doc['id']}/versions",
        json={"upload_id": second["id"], "sha256": hashlib.sha256(b"12345").hexdigest()},
        headers={"If-Match": f'"{doc["version"]}"'},
    )
    assert version.status_code == 201, version.text
    assert version.json()["size"] == 5
    third = start(staff, size=3)
    put(staff, third, 0, 2, b"abc")
    copy = staff.post(
        f"/documents/{doc['id']}/conflict-copies",
        json={
            "upload_id": third["id"],
            "sha256": hashlib.sha256(b"abc").hexdigest(),
            "metadata": {"based_on_version_no": 1},
        },
    )
    assert copy.status_code == 201, copy.text
    assert copy.json()["conflict_of"]["based_on_version_no"] == 1


def test_an_incomplete_or_foreign_session_makes_nothing(world: World) -> None:
    staff, colleague = world.sign_in("staff"), world.sign_in("colleague")
    session = start(staff)
    put(staff, session, 0, 999)
    before = documents_on_server(world)
    body = {
        "upload_id": session["id"],
        "sha256": SHA,
        "metadata": {"folder_id": "f-hr", "title": "B"},
    }
    incomplete = staff.post("/documents", json=body)
    assert incomplete.status_code == 409 and incomplete.json()["code"] == "upload_incomplete"
    assert colleague.post("/documents", json=body).status_code == 404
    assert colleague.get(f"/uploads/{session['id']}").status_code == 404
    assert documents_on_server(world).keys() == before.keys()


def test_cancel_leaves_nothing_on_the_server(world: World) -> None:
    staff = world.sign_in("staff")
    session = start(staff)
    put(staff, session, 0, 4095)
    assert session_files(world) == [session["id"]]
    assert staff.http.delete(f"/uploads/{session['id']}", headers=staff.auth).status_code == 204
    assert session_files(world) == []
    assert staff.get(f"/uploads/{session['id']}").json()["state"] == "cancelled"
    refused = put(staff, session, 4096, 8191)
    assert refused.status_code == 409 and refused.json()["code"] == "upload_closed"
    assert leftover_temp_files(world) == []


def test_expired_sessions_are_removed(world: World) -> None:
    staff = world.sign_in("staff")
    session = start(staff)
    put(staff, session, 0, 99)
    services = world.server.app.state.services
    assert purge_expired(services) == 0
    assert purge_expired(services, now=2**40) == 1
    assert session_files(world) == []
    assert staff.get(f"/uploads/{session['id']}").status_code == 404


@pytest.mark.parametrize(
    ("header", "length"),
    [("bytes 0-9/5", 10), ("bytes 5-1/1000", 1), ("bytes=0-9", 10), ("bytes 0-9/1041425", 9)],
)
def test_bad_ranges_are_refused_and_write_nothing(world: World, header: str, length: int) -> None:
    staff = world.sign_in("staff")
    session = start(staff)
    answer = staff.http.put(
        f"/uploads/{session['id']}",
        content=b"x" * length,
        headers={**staff.auth, "Content-Range": header},
    )
    assert answer.status_code == 422, answer.text
    assert staff.get(f"/uploads/{session['id']}").json()["offset"] == 0


@pytest.mark.parametrize("world_settings", [{"max_upload_bytes": 1024 * 1024}], indirect=True)
def test_a_session_beyond_the_limit_is_413(world: World) -> None:
    staff = world.sign_in("staff")
    answer = staff.post("/uploads", json={"filename": "a.bin", "size": 1024 * 1024 + 1})
    assert answer.status_code == 413 and answer.json()["code"] == "too_large"
    bad = staff.post("/uploads", json={"filename": "CON.txt", "size": 5})
    assert bad.status_code == 422
    for size in (False, 5.0, "5"):
        assert staff.post("/uploads", json={"filename": "a.bin", "size": size}).status_code == 422
