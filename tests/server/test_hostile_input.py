"""Hostile input over the real server: oversized bodies (refused before they are read),
times and numbers the server cannot convert, and characters that disguise names."""

from __future__ import annotations

import json
import select
import socket
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import pytest

from tests.server.conftest import PASSWORD, Api, World
from tests.server.test_documents import TEXT, documents_on_server, leftover_temp_files, upload

MiB = 1024 * 1024
CHUNK = 64 * 1024
# What loopback socket buffers can swallow before the server reads anything: far below
# the bodies sent, so a server that reads the whole body is caught.
BUFFERED = 32 * MiB


@dataclass
class GeneratedBody:
    """A body made on the fly (never held in memory), counting how much was taken."""

    prefix: bytes
    total: int
    filler: bytes = b"a"
    taken: int = 0

    def __iter__(self) -> Iterator[bytes]:
        self.taken = len(self.prefix)
        yield self.prefix
        block = self.filler * (CHUNK // len(self.filler))
        while self.taken < self.total:
            piece = block[: self.total - self.taken]
            self.taken += len(piece)
            yield piece


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def stream_request(
    world: World,
    method: str,
    path: str,
    body: GeneratedBody,
    *,
    headers: dict[str, str],
    declared_length: int | None,
) -> Answer:
    """Send a request over a raw socket, pulling the body from ``body`` only while the
    server has not answered; a server that stops reading stops the generator."""
    lines = [f"{method} /api/v1{path} HTTP/1.1", f"Host: 127.0.0.1:{world.server.port}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    lines.append(
        f"Content-Length: {declared_length}"
        if declared_length is not None
        else "Transfer-Encoding: chunked"
    )
    sock = socket.create_connection(("127.0.0.1", world.server.port), timeout=30)
    try:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        finished = True
        for piece in body:
            if select.select([sock], [], [], 0)[0]:  # the server answered: stop sending
                finished = False
                break
            framed = piece if declared_length is not None else b"%x\r\n%s\r\n" % (len(piece), piece)
            try:
                sock.sendall(framed)
            except (BrokenPipeError, ConnectionResetError, TimeoutError):
                finished = False
                break
        if finished and declared_length is None:
            sock.sendall(b"0\r\n\r\n")
        return _read_answer(sock)
    finally:
        sock.close()


def _read_answer(sock: socket.socket) -> Answer:
    received = b""
    try:
        while b"\r\n\r\n" not in received:
            data = sock.recv(65536)
            if not data:
                break
            received += data
        head, _, rest = received.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
        length = int(headers.get("content-length", "0"))
        while len(rest) < length:
            data = sock.recv(65536)
            if not data:
                break
            rest += data
    except (ConnectionResetError, TimeoutError):
        pass
    status = int(lines[0].split(" ", 2)[1]) if received else 0
    return Answer(status, headers, rest)


def _assert_too_large(answer: Answer, body: GeneratedBody) -> None:
    assert answer.status == 413, answer
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["code"] == "too_large"
    assert answer.json()["limit_bytes"] <= 64 * 1024
    assert body.taken < BUFFERED < body.total


# --- item 4: bodies are refused before they are read --------------------------------


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
def test_a_huge_sign_in_body_is_refused_unread(world: World, declared: bool) -> None:
    """256 MiB to /auth/login, no account needed: answered 413 after a few kilobytes."""
    body = GeneratedBody(b'{"username":"', 256 * MiB)
    answer = stream_request(
        world,
        "POST",
        "/auth/login",
        body,
        headers={"Content-Type": "application/json"},
        declared_length=body.total if declared else None,
    )
    _assert_too_large(answer, body)
    assert answer.json()["limit_bytes"] == 16 * 1024
    world.sign_in("staff")  # the server is fine


@pytest.mark.parametrize("signed_in", [True, False], ids=["signed-in", "anonymous"])
def test_a_huge_json_body_to_a_write_is_refused_unread(world: World, signed_in: bool) -> None:
    api = world.sign_in("staff")
    headers = {"Content-Type": "application/json", "Idempotency-Key": uuid.uuid4().hex}
    if signed_in:
        headers.update(api.auth)
    body = GeneratedBody(b'{"room_id":"room-1","title":"', 256 * MiB)
    answer = stream_request(world, "POST", "/bookings", body, headers=headers, declared_length=None)
    _assert_too_large(answer, body)
    assert api.sync_all("bookings")[0] == {}


def test_a_body_just_under_the_limit_is_read(world: World) -> None:
    api = world.sign_in("staff")
    doc = upload(api).json()
    description = "Ə" * 5000  # the longest description the schema takes, 10 000 bytes
    changed = api.patch(f"/documents/{doc['id']}", 1, json={"description": description})
    assert changed.status_code == 200, changed.text
    tags = ["a" * 50] * 20
    padded = json.dumps({"tags": tags, "title": "x"}).encode() + b" " * (60 * 1024)
    changed = api.patch(
        f"/documents/{doc['id']}",
        2,
        content=padded,
        headers={"Content-Type": "application/json"},
    )
    assert changed.status_code == 200, changed.text
    # One byte more is refused; sent over a raw socket that stops when the server answers,
    # as the server closes the connection without reading the body.
    too_big = GeneratedBody(b'{"title": "x"}', 64 * 1024 + 1, filler=b" ")
    refused = stream_request(
        world,
        "PATCH",
        f"/documents/{doc['id']}",
        too_big,
        headers={**api.auth, "Content-Type": "application/json", "If-Match": '"3"'},
        declared_length=too_big.total,
    )
    assert refused.status == 413 and refused.json()["code"] == "too_large"
    assert documents_on_server(world)[doc["id"]]["version"] == 3


def _multipart_of_a_small_file(boundary: str) -> bytes:
    return (
        f'--{boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n'
        '{"folder_id": "f-hr", "title": "Kiçik fayl"}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="small.txt"\r\n'
        "Content-Type: text/plain\r\n\r\n"
        f"0123456789\r\n--{boundary}--\r\n"
    ).encode()


def _upload_headers(api: Api, boundary: str) -> dict[str, str]:
    return {
        **api.auth,
        "Idempotency-Key": uuid.uuid4().hex,
        "Content-Type": f"multipart/form-data; boundary={boundary}",
    }


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
def test_an_upload_that_goes_on_after_its_closing_boundary_is_refused(
    world: World, declared: bool
) -> None:
    """A 10-byte file, then 300 MiB (or 90 MiB, within the declared limit) of epilogue:
    the server stops reading soon after the closing boundary and stores nothing."""
    api = world.sign_in("staff")
    boundary = "epilogue-boundary"
    total = 90 * MiB if declared else 300 * MiB
    body = GeneratedBody(_multipart_of_a_small_file(boundary), total, filler=b"junk")
    answer = stream_request(
        world,
        "POST",
        "/documents",
        body,
        headers=_upload_headers(api, boundary),
        declared_length=body.total if declared else None,
    )
    assert answer.status == 400, answer
    assert answer.json()["code"] == "bad_request"
    assert body.taken < BUFFERED < body.total
    assert documents_on_server(world) == {}
    assert leftover_temp_files(world) == []


def test_an_upload_with_a_line_break_after_its_closing_boundary_is_fine(world: World) -> None:
    api = world.sign_in("staff")
    boundary = "crlf-boundary"
    content = _multipart_of_a_small_file(boundary) + b"\r\n"
    sent = api.post(
        "/documents",
        content=content,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    assert sent.status_code == 201, sent.text
    assert sent.json()["size"] == 10


def test_an_upload_cut_before_its_closing_boundary_is_refused(world: World) -> None:
    api = world.sign_in("staff")
    boundary = "cut-boundary"
    content = _multipart_of_a_small_file(boundary)
    cut = content[: content.rindex(b"\r\n--")]
    sent = api.post(
        "/documents",
        content=cut,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    assert sent.status_code == 422, sent.text
    assert documents_on_server(world) == {}
    assert leftover_temp_files(world) == []


# --- item 5: times and numbers the server cannot convert ----------------------------

BOOKING = {
    "room_id": "room-1",
    "title": "Görüş",
    "start": "2026-03-02T09:00:00+04:00",
    "end": "2026-03-02T10:00:00+04:00",
}
OUT_OF_RANGE = [
    "0001-01-01T00:00:00+01:00",  # before year 1 in UTC
    "9999-12-31T23:00:00-23:59",  # after year 9999 in UTC
    "0001-01-01T00:00:00+23:59",
    "9999-12-31T23:59:59.999999-00:01",
]
MALFORMED_TIMES = [
    "2026-03-02T09:00:00+24:00",
    "2026-03-02T09:00:00+23:60",
    "2026-02-30T09:00:00+04:00",
    "2026-03-02T24:00:00+04:00",
    "\u0662\u0660\u0662\u0666-03-02T09:00:00+04:00",  # Arabic-Indic digits
    "+12026-03-02T09:00:00+04:00",
]


def _assert_422(response: Any, field: str | None = None) -> None:
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["code"] == "validation_error"
    if field is not None:
        assert field in problem["errors"][0]["field"], problem


def test_times_the_server_cannot_convert_are_a_422_on_create_and_change(world: World) -> None:
    api = world.sign_in("staff")
    booking = api.post("/bookings", json=BOOKING).json()
    path = f"/bookings/{booking['id']}"
    for moment in OUT_OF_RANGE + MALFORMED_TIMES:
        for field in ("start", "end"):
            _assert_422(api.post("/bookings", json={**BOOKING, field: moment}), field)
            _assert_422(api.patch(path, 1, json={field: moment}), field)
        _assert_422(api.post("/bookings", json={**BOOKING, "start": moment, "end": moment}))
    assert api.sync_all("bookings")[0] == {booking["id"]: booking}


def test_huge_or_non_integer_query_numbers_are_a_422(world: World) -> None:
    api = world.sign_in("staff")
    for limit in ("9" * 30, "9" * 5000, "1e3", "NaN", "Infinity", "-0", "\u0661"):
        _assert_422(api.get("/sync/people", params={"limit": limit}))


def test_huge_numbers_in_headers_and_versions_are_refused_not_a_crash(world: World) -> None:
    api = world.sign_in("staff")
    doc = upload(api).json()
    content = f"/documents/{doc['id']}/content"
    _assert_422(api.get(content, params={"version": "9" * 30}))
    _assert_422(api.get(content, params={"version": "Infinity"}))
    _assert_422(
        api.patch(
            f"/documents/{doc['id']}",
            None,
            json={"title": "x"},
            headers={"If-Match": '"' + "9" * 30 + '"'},
        )
    )
    assert api.patch(f"/documents/{doc['id']}", 10**17, json={"title": "x"}).status_code == 412
    huge = "9" * 150
    beyond = api.get(content, headers={"Range": f"bytes={huge}-"})
    assert beyond.status_code == 416
    whole = api.get(content, headers={"Range": f"bytes=-{huge}"})
    assert whole.status_code == 206 and whole.content == TEXT
    open_end = api.get(content, headers={"Range": f"bytes=0-{huge}"})
    assert open_end.status_code == 206 and len(open_end.content) == doc["size"]


JSON_NUMBERS = [
    b'{"room_id":"room-1","title":NaN,"start":"2026-03-02T09:00:00+04:00",'
    b'"end":"2026-03-02T10:00:00+04:00"}',
    b'{"room_id":"room-1","title":"x","start":Infinity,"end":-Infinity}',
    b'{"room_id":1e400,"title":"x","start":"2026-03-02T09:00:00+04:00",'
    b'"end":"2026-03-02T10:00:00+04:00"}',
    b'{"room_id":"room-1","title":"x","start":"2026-03-02T09:00:00+04:00",'
    b'"end":"2026-03-02T10:00:00+04:00","attendee_ids":[' + b"9" * 5000 + b"]}",
]


def test_non_finite_and_huge_json_numbers_are_refused(world: World) -> None:
    api = world.sign_in("staff")
    for raw in JSON_NUMBERS:
        response = api.post("/bookings", content=raw, headers={"Content-Type": "application/json"})
        assert response.status_code in (400, 422), response.text
        assert response.headers["content-type"] == "application/problem+json"
    assert api.sync_all("bookings")[0] == {}


# --- item 9: names and titles that disguise what they are ---------------------------

DISGUISES = {
    "rlo": "invoice\u202efdp.exe",
    "lro": "a\u202db",
    "lre": "a\u202ab",
    "rle": "a\u202bb",
    "pdf": "a\u202cb",
    "lri": "a\u2066b",
    "rli": "a\u2067b",
    "fsi": "a\u2068b",
    "pdi": "a\u2069b",
    "lrm": "a\u200eb",
    "rlm": "a\u200fb",
    "alm": "a\u061cb",
    "c1-nel": "a\u0085b",
    "c1-csi": "a\u009bb",
    "c0-bell": "a\u0007b",
    "del": "a\u007fb",
    "newline": "a\nb",
}
MULTILINE_DISGUISES = {k: v for k, v in DISGUISES.items() if k != "newline"}


def _disguised_version(api: Api, document_id: str, name: str) -> Any:
    escaped = name.replace("\\", "\\\\").replace('"', '\\"')
    body = (
        f'--b\r\nContent-Disposition: form-data; name="file"; filename="{escaped}"\r\n'
        "Content-Type: text/plain\r\n\r\nv2\r\n--b--\r\n"
    ).encode()
    return api.post(
        f"/documents/{document_id}/versions",
        content=body,
        headers={"Content-Type": "multipart/form-data; boundary=b", "If-Match": '"1"'},
    )


def test_disguised_file_names_are_refused_on_upload_and_new_version(world: World) -> None:
    api = world.sign_in("staff")
    doc = upload(api).json()
    for name in DISGUISES.values():
        _assert_422(upload(api, filename=name), "filename")
        _assert_422(_disguised_version(api, doc["id"], name), "filename")
    assert set(documents_on_server(world)) == {doc["id"]}
    assert documents_on_server(world)[doc["id"]]["version_no"] == 1


def test_disguised_titles_and_tags_are_refused(world: World) -> None:
    api = world.sign_in("staff")
    doc = upload(api).json()
    booking = api.post("/bookings", json=BOOKING).json()
    for text in DISGUISES.values():
        meta = {"folder_id": "f-hr", "title": text}
        _assert_422(upload(api, metadata=meta), "title")
        meta = {"folder_id": "f-hr", "title": "t", "tags": [text]}
        _assert_422(upload(api, metadata=meta), "tags")
        _assert_422(api.patch(f"/documents/{doc['id']}", 1, json={"title": text}), "title")
        _assert_422(api.patch(f"/documents/{doc['id']}", 1, json={"tags": [text]}), "tags")
        _assert_422(api.post("/bookings", json={**BOOKING, "title": text}), "title")
        _assert_422(api.patch(f"/bookings/{booking['id']}", 1, json={"title": text}), "title")
    assert set(documents_on_server(world)) == {doc["id"]}
    assert set(api.sync_all("bookings")[0]) == {booking["id"]}


def test_disguises_in_descriptions_and_messages_are_refused(world: World) -> None:
    api = world.sign_in("staff")
    doc = upload(api).json()
    for text in MULTILINE_DISGUISES.values():
        _assert_422(api.patch(f"/documents/{doc['id']}", 1, json={"description": text}))
        meta = {"folder_id": "f-hr", "title": "t", "description": text}
        _assert_422(upload(api, metadata=meta), "description")
        share = {"document_id": doc["id"], "to_ids": ["p-colleague"], "message": text}
        _assert_422(api.post("/shares", json=share), "message")
    assert set(documents_on_server(world)) == {doc["id"]}
    assert api.sync_all("shares")[0] == {}


def test_line_breaks_stay_allowed_in_descriptions_and_messages(world: World) -> None:
    api = world.sign_in("staff")
    doc = upload(api).json()
    text = "Salam,\r\n\tbaxın:\nsabah"
    changed = api.patch(f"/documents/{doc['id']}", 1, json={"description": text})
    assert changed.status_code == 200 and changed.json()["description"] == text
    sent = api.post(
        "/shares", json={"document_id": doc["id"], "to_ids": ["p-colleague"], "message": text}
    )
    assert sent.status_code == 201 and sent.json()[0]["message"] == text
    # Letters of any script are fine: only invisible controls are refused.
    named = upload(
        api,
        filename="Hesabat – Отчёт – تقرير.txt",
        metadata={"folder_id": "f-hr", "title": "Отчёт تقرير"},
    )
    assert named.status_code == 201, named.text


@pytest.mark.parametrize("name", ["laptop\u202egpj.exe", "PC\x07", "PC\x85x", "two\nlines"])
def test_a_device_name_with_controls_is_refused(world: World, name: str) -> None:
    """Device names are listed to administrators: no bidi or control characters."""
    http = world.client()
    body = {
        "username": "staff",
        "password": PASSWORD,
        "device_id": f"dev-{uuid.uuid4().hex}",
        "device_name": name,
    }
    refused = http.post("/auth/login", json=body)
    assert refused.status_code == 422, refused.text
    assert refused.json()["code"] == "validation_error"
    assert http.post("/auth/login", json={**body, "device_name": "Laptop 7"}).status_code == 200


# --- a long query that arrives in pieces ------------------------------------------


def send_head_in_pieces(world: World, head: bytes, piece: int) -> Answer:
    """Send a request's head ``piece`` bytes at a time, each in its own TCP segment and
    read, as a slow or fragmented link delivers it."""
    sock = socket.create_connection(("127.0.0.1", world.server.port), timeout=30)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        for start in range(0, len(head), piece):
            sock.sendall(head[start : start + piece])
            time.sleep(0.002)
        return _read_answer(sock)
    finally:
        sock.close()


@pytest.mark.parametrize("what", ["filters", "search_terms"])
def test_the_longest_query_the_schema_allows_is_answered_in_json_when_it_arrives_in_pieces(
    world: World, what: str
) -> None:
    """A valid query's size must not depend on how TCP splits it: uvicorn's default
    buffer refused a long head in plain text once it came in more than one read."""
    api = world.sign_in("head")
    longest = quote("𝔸" * 20_000)  # the schema's max_length, 12 bytes a character
    head = (
        f"GET /api/v1/registries/reg-open/rows?{what}={longest} HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{world.server.port}\r\n"
        f"Authorization: Bearer {api.login['access_token']}\r\n\r\n"
    ).encode()
    assert len(head) > 200_000
    answer = send_head_in_pieces(world, head, piece=8 * 1024)
    assert answer.status == 422, answer
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["code"] == "validation_error"
    assert what in answer.json()["detail"]
