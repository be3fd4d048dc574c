"""Documents: uploads (and what is refused), versions, downloads, metadata, shares."""

from __future__ import annotations

import hashlib
import json
import socket
import time
from typing import Any

import pytest

from tests.server.conftest import Api, World

TEXT = "Səhiyyə Nazirliyinin illik hesabatı".encode()


def upload(
    api: Api,
    *,
    filename: str = "hesabat.txt",
    content: bytes = TEXT,
    folder: str = "f-hr",
    content_type: str = "text/plain",
    metadata: Any = None,
    **kw: Any,
):
    meta = (
        metadata
        if metadata is not None
        else {"folder_id": folder, "title": "İllik hesabat", "tags": ["hesabat"]}
    )
    body, media = multipart(filename, content, content_type, meta)
    return api.post("/documents", content=body, headers={"Content-Type": media}, **kw)


def multipart(filename: str, content: bytes, content_type: str, metadata: Any) -> tuple[bytes, str]:
    """A multipart body built by hand, so the file name reaches the server byte for byte,
    as a hostile client would send it (httpx would percent-encode control characters)."""
    boundary = "b0undary-for-tests"
    type_line = f"Content-Type: {content_type}\r\n" if content_type else ""
    escaped = filename.replace("\\", "\\\\").replace('"', '\\"')
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n'
        f"{json.dumps(metadata)}\r\n"
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{escaped}"\r\n'
        f"{type_line}\r\n"
    )
    body = head.encode() + content + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def documents_on_server(world: World) -> dict[str, Any]:
    return world.sign_in("head").sync_all("documents")[0]


def leftover_temp_files(world: World) -> list[str]:
    return [p.name for p in (world.data_dir / "blobs" / "tmp").iterdir()]


def test_upload_stores_the_file_and_its_record(world: World) -> None:
    answer = upload(world.sign_in("staff"))
    assert answer.status_code == 201, answer.text
    doc = answer.json()
    assert doc["sha256"] == hashlib.sha256(TEXT).hexdigest()
    assert doc["size"] == len(TEXT)
    assert (doc["filename"], doc["content_type"], doc["version_no"]) == (
        "hesabat.txt",
        "text/plain",
        1,
    )
    assert doc["author_id"] == "p-staff" and doc["tags"] == ["hesabat"]
    assert doc["id"] in documents_on_server(world)
    blob = world.data_dir / "blobs" / doc["sha256"][:2] / doc["sha256"]
    assert blob.read_bytes() == TEXT
    assert leftover_temp_files(world) == []


def test_same_key_uploads_once(world: World) -> None:
    api = world.sign_in("staff")
    first, second = (upload(api, key="upload-key-0000000001") for _ in range(2))
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    other = upload(api, key="upload-key-0000000001", content=b"another file")
    assert other.status_code == 422 and other.json()["code"] == "idempotency_key_reused"
    assert len(documents_on_server(world)) == 1


HOSTILE_NAMES = {
    "parent-dir": "../../etc/passwd",
    "backslash": "..\\..\\boot.ini",
    "nul-byte": "report\x00.pdf",
    "control": "report\x07.txt",
    "too-long": "a" * 300 + ".txt",
    "reserved-con": "CON",
    "reserved-nul-ext": "nul.txt",
    "reserved-com1": "Com1.pdf",
    "reserved-lpt9": "LPT9.docx",
    "trailing-dot": "report.",
    "trailing-space": "report.txt ",
    "dot-dot": "..",
    "colon-stream": "report.txt:secret",
    "wildcard": "re*port.txt",
    "empty": "",
}


@pytest.mark.parametrize("name", HOSTILE_NAMES.values(), ids=HOSTILE_NAMES.keys())
def test_hostile_file_names_are_refused_and_nothing_is_written(world: World, name: str) -> None:
    answer = upload(world.sign_in("staff"), filename=name)
    assert answer.status_code in (400, 422), answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["code"] == "validation_error"
    assert documents_on_server(world) == {}
    assert leftover_temp_files(world) == []


def test_an_azerbaijani_file_name_is_fine(world: World) -> None:
    answer = upload(world.sign_in("staff"), filename="Əmr №15 — şöbə üzrə.docx", content_type="")
    assert answer.status_code == 201, answer.text
    doc = answer.json()
    assert doc["filename"] == "Əmr №15 — şöbə üzrə.docx"
    assert doc["content_type"].endswith("wordprocessingml.document")


@pytest.mark.parametrize(
    "metadata",
    [
        {},
        {"folder_id": "f-hr"},
        {"folder_id": "f-hr", "title": "x", "owner": "me"},
        {"folder_id": "f-hr", "title": "x", "tags": "one"},
        "not an object",
    ],
    ids=["empty", "no-title", "unknown-field", "tags-not-list", "string"],
)
def test_bad_metadata_is_a_422(world: World, metadata: Any) -> None:
    answer = upload(world.sign_in("staff"), metadata=metadata)
    assert answer.status_code == 422
    assert answer.json()["code"] == "validation_error"
    assert leftover_temp_files(world) == []


def test_wrong_request_content_type_is_415(world: World) -> None:
    api = world.sign_in("staff")
    answer = api.post("/documents", content=b"x", headers={"Content-Type": "text/plain"})
    assert answer.status_code == 415
    assert answer.json()["code"] == "unsupported_media_type"
    # JSON is the form that names an upload session (server/upload_sessions.py).
    metadata_only = api.post("/documents", json={"folder_id": "f-hr", "title": "x"})
    assert metadata_only.status_code == 422


def test_folder_rules_for_uploads(world: World) -> None:
    staff = world.sign_in("staff")
    assert upload(staff, folder="f-ministry").status_code == 403  # heads and admins publish there
    assert upload(staff, folder="f-it").status_code == 404  # not even visible
    assert upload(staff, folder="f-secret").status_code == 404
    assert upload(world.sign_in("head"), folder="f-secret").status_code == 201
    assert upload(world.sign_in("head"), folder="f-ministry").status_code == 201


@pytest.fixture
def world_settings(request: pytest.FixtureRequest) -> dict[str, Any]:
    return getattr(request, "param", {})


def raw_upload(
    world: World, api: Api, *, declared_length: int | None, send_bytes: int
) -> tuple[int, int, bytes]:
    """Send a multipart upload over a raw socket, as fast as the server takes it; returns
    (bytes sent before the server answered, status, body)."""
    boundary = "----testboundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n'
        '{"folder_id": "f-hr", "title": "Böyük fayl"}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    headers = [
        "POST /api/v1/documents HTTP/1.1",
        f"Host: 127.0.0.1:{world.server.port}",
        f"Authorization: Bearer {api.login['access_token']}",
        "Idempotency-Key: big-upload-000000000001",
        f"Content-Type: multipart/form-data; boundary={boundary}",
    ]
    headers.append(
        f"Content-Length: {declared_length}"
        if declared_length is not None
        else "Transfer-Encoding: chunked"
    )
    sock = socket.create_connection(("127.0.0.1", world.server.port), timeout=20)
    sent = 0
    try:
        sock.sendall(("\r\n".join(headers) + "\r\n\r\n").encode())
        chunk = b"\0" * 65536
        pieces = [head] + [chunk] * (send_bytes // len(chunk))
        sock.settimeout(20)
        for piece in pieces:
            data = (
                piece
                if declared_length is not None
                else f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
            )
            try:
                sock.sendall(data)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(piece)
        response = b""
        sock.settimeout(10)
        try:
            while b"\r\n\r\n" not in response or not response.rstrip().endswith(b"}"):
                data = sock.recv(65536)
                if not data:
                    break
                response += data
        except (ConnectionResetError, TimeoutError):
            pass
    finally:
        sock.close()
    status = int(response.split(b" ", 2)[1]) if response else 0
    return sent, status, response.split(b"\r\n\r\n", 1)[-1]


@pytest.mark.parametrize("world_settings", [{"max_upload_bytes": 1024 * 1024}], indirect=True)
def test_a_declared_huge_upload_is_refused_before_reading_it(world: World) -> None:
    api = world.sign_in("staff")
    _sent, status, body = raw_upload(world, api, declared_length=2 * 1024**3, send_bytes=0)
    assert status == 413
    assert json.loads(body)["code"] == "too_large"
    assert documents_on_server(world) == {}


@pytest.mark.parametrize("world_settings", [{"max_upload_bytes": 1024 * 1024}], indirect=True)
def test_an_undeclared_huge_upload_is_cut_off_at_the_limit(world: World) -> None:
    """Chunked, no Content-Length: the server stops reading once the file passes 1 MB;
    of the 256 MB the client tries to send, only what fits in socket buffers gets out."""
    api = world.sign_in("staff")
    sent, status, body = raw_upload(world, api, declared_length=None, send_bytes=256 * 1024 * 1024)
    assert status == 413
    assert json.loads(body)["code"] == "too_large"
    assert sent < 64 * 1024 * 1024
    time.sleep(0.2)
    assert documents_on_server(world) == {}
    assert leftover_temp_files(world) == []


def test_new_version_with_if_match_and_a_stale_one_is_412(world: World) -> None:
    api = world.sign_in("staff")
    doc = upload(api).json()
    path = f"/documents/{doc['id']}/versions"
    v2 = api.post(
        path,
        files={"file": ("hesabat-v2.txt", b"second", "text/plain")},
        headers={"If-Match": '"1"'},
    )
    assert v2.status_code == 201, v2.text
    assert (v2.json()["version_no"], v2.json()["version"], v2.json()["filename"]) == (
        2,
        2,
        "hesabat-v2.txt",
    )
    stale = api.post(
        path, files={"file": ("mine.txt", b"my edit", "text/plain")}, headers={"If-Match": '"1"'}
    )
    assert stale.status_code == 412
    assert stale.json()["current"]["version_no"] == 2
    assert api.post(path, files={"file": ("x.txt", b"x", "text/plain")}).status_code == 428
    # Both versions stay downloadable.
    first = api.get(f"/documents/{doc['id']}/content", params={"version": 1})
    latest = api.get(f"/documents/{doc['id']}/content")
    assert first.content == TEXT and latest.content == b"second"
    assert api.get(f"/documents/{doc['id']}/content", params={"version": 3}).status_code == 404


def test_download_supports_etag_and_ranges(world: World) -> None:
    api = world.sign_in("staff")
    doc = upload(api).json()
    path = f"/documents/{doc['id']}/content"
    full = api.get(path)
    assert full.status_code == 200 and full.content == TEXT
    assert full.headers["ETag"] == f'"{doc["sha256"]}"'
    assert full.headers["Accept-Ranges"] == "bytes"
    assert "attachment" in full.headers["Content-Disposition"]
    part = api.get(path, headers={"Range": "bytes=5-9"})
    assert part.status_code == 206 and part.content == TEXT[5:10]
    assert part.headers["Content-Range"] == f"bytes 5-9/{len(TEXT)}"
    resume = api.get(path, headers={"Range": "bytes=10-", "If-Range": full.headers["ETag"]})
    assert resume.status_code == 206 and resume.content == TEXT[10:]
    tail = api.get(path, headers={"Range": "bytes=-4"})
    assert tail.content == TEXT[-4:]
    changed = api.get(path, headers={"Range": "bytes=10-", "If-Range": '"other"'})
    assert changed.status_code == 200 and changed.content == TEXT
    beyond = api.get(path, headers={"Range": f"bytes={len(TEXT) + 5}-"})
    assert beyond.status_code == 416 and beyond.headers["Content-Range"] == f"bytes */{len(TEXT)}"
    assert api.get(path, headers={"If-None-Match": full.headers["ETag"]}).status_code == 304
    assert api.get(path, headers={"Range": "lines=1-2"}).status_code == 200


def test_metadata_changes_need_if_match(world: World) -> None:
    api = world.sign_in("staff")
    doc = upload(api).json()
    path = f"/documents/{doc['id']}"
    assert api.patch(path, None, json={"title": "Yeni"}).status_code == 428
    changed = api.patch(path, 1, json={"title": "Yeni ad", "tags": ["a", "a", "b"]})
    assert changed.status_code == 200
    assert (changed.json()["title"], changed.json()["tags"], changed.json()["version"]) == (
        "Yeni ad",
        ["a", "b"],
        2,
    )
    assert api.patch(path, 1, json={"title": "x"}).status_code == 412
    assert api.patch(path, 2, json={"folder_id": "f-it"}).status_code == 404
    assert api.patch(path, 2, json={"title": None}).status_code == 422
    assert api.patch(path, 2, json={"size": 5}).status_code == 422


def test_shares_validate_and_only_the_recipient_marks_them_read(world: World) -> None:
    staff = world.sign_in("staff")
    doc = upload(staff).json()
    bad = [
        {"document_id": doc["id"], "to_ids": []},
        {"document_id": doc["id"], "to_ids": ["p-staff"]},
        {"document_id": doc["id"], "to_ids": ["p-ghost"]},
        {"document_id": doc["id"], "to_ids": ["p-colleague"], "extra": 1},
    ]
    for body in bad:
        assert staff.post("/shares", json=body).status_code == 422, body
    assert (
        staff.post(
            "/shares", json={"document_id": "doc-none", "to_ids": ["p-colleague"]}
        ).status_code
        == 404
    )
    sent = staff.post(
        "/shares",
        json={
            "document_id": doc["id"],
            "to_ids": ["p-colleague", "p-outsider"],
            "message": "Salam",
        },
    )
    assert sent.status_code == 201
    shares = {s["to_id"]: s for s in sent.json()}
    assert set(shares) == {"p-colleague", "p-outsider"}
    to_colleague = shares["p-colleague"]
    assert staff.post(f"/shares/{to_colleague['id']}/read", key=None).status_code == 403
    assert (
        world.sign_in("outsider").post(f"/shares/{to_colleague['id']}/read", key=None).status_code
        == 404
    )
    colleague = world.sign_in("colleague")
    read = colleague.post(f"/shares/{to_colleague['id']}/read", key=None)
    assert read.status_code == 200 and read.json()["read_at"] is not None
    again = colleague.post(f"/shares/{to_colleague['id']}/read", key=None)
    assert again.json()["read_at"] == read.json()["read_at"] and again.json()["version"] == 2
