"""Hostile inputs: huge bodies (issue #7 item 4), times outside any calendar (item 5),
bidi and control characters in names and titles (item 9), SQL- and FTS-looking strings,
NUL, deeply nested JSON, wrong types and numbers past every range.

Any 5xx is a failure; so is accepting what must be refused. Strings that are legal text
(SQL-looking titles) may be accepted but must come back exactly as sent.
"""

from __future__ import annotations

import json
import random
import threading
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

import httpx

from tests.security.harness import (
    Attack,
    MemoryWatch,
    Truth,
    User,
    login_body,
    multipart,
    status_text,
)

Probe = Callable[[], None]

OUT_OF_RANGE_TIMES = (
    "0001-01-01T00:00:00+01:00",
    "0001-01-01T00:00:00+00:00",
    "0001-01-01T00:30:00+00:59",
    "9999-12-31T23:00:00-23:59",
    "9999-12-31T23:59:59-00:01",
    "9999-12-31T23:59:59+00:00",
    "0000-01-01T00:00:00Z",
    "1970-01-01T00:00:00Z",
    "1999-12-31T23:59:59Z",
    "2101-01-01T00:00:00Z",
    "2026-02-30T10:00:00Z",
    "2026-13-01T10:00:00Z",
    "2026-00-10T10:00:00Z",
    "2026-06-01T25:00:00Z",
    "2026-06-01T10:61:00Z",
    "2026-06-01T10:00:61Z",
    "2026-06-01T10:00:00+24:00",
    "2026-06-01T10:00:00+99:99",
    "2026-06-01T10:00:00.1234567890Z",
    "2026-06-01T10:00:00",
    "2026-06-01",
    "1780000000",
    "",
)
# Unicode's Bidi_Control characters and C0/C1 controls: refused in names and titles (item 9).
MISLEADING_TEXT = (
    "invoice\u202efdp.exe",
    "Report\u202aA",
    "Report\u202bA",
    "Report\u202cA",
    "Report\u202dA",
    "Report\u2066A\u2069",
    "Report\u2067A",
    "Report\u2068A",
    "Report\u200eA",
    "Report\u200fA",
    "Report\u061cA",
    "Report\u0085A",
    "Report\u009bA",
    "Report\u0080A",
    "Report\u009fA",
    "Report\u001bA",
    "Report\u0007A",
    "Report\u0001A",
    "Report\tA",
    "Report\nA",
)
SQL_LIKE = (
    "' OR '1'='1",
    "'; DROP TABLE users; --",
    '" OR ""="',
    "1 UNION SELECT password_hash FROM users --",
    "title:secret* OR NEAR(a b)",
    '"unbalanced',
    "a* AND -b",
    "%_\\%",
)


def _megabytes(total: int) -> Iterator[bytes]:
    chunk = b"a" * (1024 * 1024)
    for _ in range(total // len(chunk)):
        yield chunk


class Hostile:
    """The probes, each judged on the spot."""

    def __init__(self, attack: Attack, user: User, room_id: str, folder_id: str) -> None:
        self.attack = attack
        self.user = user
        self.room_id = room_id
        self.folder_id = folder_id
        self._slot = 0
        self._slot_lock = threading.Lock()

    def judge(self, what: str, answer: httpx.Response, *, refuse: bool) -> None:
        ok = answer.status_code < 500 and (not refuse or 400 <= answer.status_code < 500)
        self.attack.tally.check(ok, f"{what}: {status_text(answer)}")

    def slot(self) -> tuple[str, str]:
        """A free hour of a far year, never the same twice in this run."""
        with self._slot_lock:
            self._slot += 1
            start = datetime(2040, 1, 1, tzinfo=UTC) + timedelta(hours=2 * self._slot)
        return start.isoformat(), (start + timedelta(hours=1)).isoformat()

    def booking(self, **fields: Any) -> httpx.Response:
        start, end = self.slot()
        body = {"room_id": self.room_id, "title": "Hostile", "start": start, "end": end}
        return self.user.create("/bookings", json={**body, **fields})

    def my_booking(self) -> dict[str, Any]:
        made = self.booking()
        if made.status_code != 201:
            raise RuntimeError(f"setup booking: {made.text}")
        return dict(made.json())

    # --- the classes of input -------------------------------------------------------

    def times(self) -> list[Probe]:
        probes: list[Probe] = []
        valid_start, _valid_end = self.slot()
        for moment in OUT_OF_RANGE_TIMES:
            probes.append(
                lambda m=moment: self.judge(
                    f"POST /bookings start={m!r}", self.booking(start=m), refuse=True
                )
            )
            probes.append(
                lambda m=moment: self.judge(
                    f"POST /bookings end={m!r}",
                    self.booking(start=valid_start, end=m),
                    refuse=True,
                )
            )
        mine = self.my_booking()

        def patch_all() -> None:
            version = mine["version"]
            for moment in OUT_OF_RANGE_TIMES:
                for field in ("start", "end"):
                    answer = self.user.request(
                        "PATCH",
                        f"/bookings/{mine['id']}",
                        json={field: moment},
                        headers={"If-Match": f'"{version}"'},
                    )
                    self.judge(f"PATCH /bookings {field}={moment!r}", answer, refuse=True)
                    if answer.status_code == 200:
                        version = answer.json()["version"]

        return [*probes, patch_all]

    def misleading(self) -> list[Probe]:
        probes: list[Probe] = []
        for text in MISLEADING_TEXT:
            probes.append(
                lambda t=text: self.judge(
                    f"booking title {t!r}", self.booking(title=t), refuse=True
                )
            )
            probes.append(
                lambda t=text: self.judge(
                    f"document title {t!r}", self._upload(title=t), refuse=True
                )
            )
            name = text.replace("Report", "file") + ".pdf" if "." not in text else text
            probes.append(
                lambda n=name: self.judge(f"file name {n!r}", self._upload(filename=n), refuse=True)
            )
        booking = self.my_booking()
        document = self._upload()
        if document.status_code != 201:
            raise RuntimeError(f"setup upload: {document.text}")

        def patch_titles(path: str, record: dict[str, Any]) -> None:
            version = record["version"]
            for text in MISLEADING_TEXT:
                answer = self.user.request(
                    "PATCH", path, json={"title": text}, headers={"If-Match": f'"{version}"'}
                )
                self.judge(f"PATCH {path.split('/')[1]} title {text!r}", answer, refuse=True)
                if answer.status_code == 200:
                    version = answer.json()["version"]

        probes.append(lambda: patch_titles(f"/bookings/{booking['id']}", booking))
        doc = document.json()
        probes.append(lambda: patch_titles(f"/documents/{doc['id']}", doc))
        return probes

    def _upload(
        self, *, title: str = "Hostile upload", filename: str = "note.txt"
    ) -> httpx.Response:
        body, headers = multipart(
            filename, b"hostile", {"folder_id": self.folder_id, "title": title}
        )
        return self.user.create("/documents", content=body, headers=headers)

    def sql_like(self) -> list[Probe]:
        probes: list[Probe] = []

        def round_trip(what: str, answer: httpx.Response, sent: str) -> None:
            self.judge(what, answer, refuse=False)
            if answer.status_code in (200, 201):
                kept = answer.json()["title"]
                self.attack.tally.check(
                    kept == sent.strip(), f"{what}: stored as {kept!r}, sent {sent!r}"
                )

        for text in SQL_LIKE:
            probes += [
                lambda t=text: round_trip(f"booking title {t!r}", self.booking(title=t), t),
                lambda t=text: round_trip(f"document title {t!r}", self._upload(title=t), t),
                lambda t=text: self.judge(
                    f"GET /documents/{t!r}",
                    self.user.request("GET", f"/documents/{quote(t, safe='')}"),
                    refuse=True,
                ),
                lambda t=text: self.judge(
                    f"registry={t!r}",
                    self.user.request("GET", "/sync/registry_rows", params={"registry": t}),
                    refuse=True,
                ),
                lambda t=text: self.judge(
                    f"since={t!r}",
                    self.user.request("GET", "/sync/people", params={"since": t}),
                    refuse=True,
                ),
                lambda t=text: self.judge(
                    f"login as {t!r}",
                    self._anonymous().post("/auth/login", json=login_body(t, "x")),
                    refuse=True,
                ),
            ]
        return probes

    def _anonymous(self) -> httpx.Client:
        return self.attack.client()

    def nul_and_nesting(self) -> list[Probe]:
        deep_list = ("[" * 100_000 + "]" * 100_000).encode()
        deep_object = ('{"a":' * 20_000 + "1" + "}" * 20_000).encode()
        json_headers = {"Content-Type": "application/json"}
        probes: list[Probe] = [
            lambda: self.judge("NUL in a title", self.booking(title="a\u0000b"), refuse=True),
            lambda: self.judge(
                "NUL in a path", self.user.request("GET", "/documents/a%00b"), refuse=True
            ),
            lambda: self.judge(
                "NUL in a query",
                self.user.request("GET", "/sync/registry_rows?registry=a%00b"),
                refuse=True,
            ),
            lambda: self.judge(
                "NUL in a file name", self._upload(filename="a\u0000b.txt"), refuse=True
            ),
            lambda: self.judge(
                "NUL in a username",
                self._anonymous().post("/auth/login", json=login_body("st\u0000aff", "demo")),
                refuse=True,
            ),
            lambda: self.judge("NUL in a tag", self._upload_tags(["a\u0000"]), refuse=True),
            lambda: self.judge(
                "lone surrogate in a title", self._raw_booking('"a\\ud800b"'), refuse=False
            ),
        ]
        for label, body in (
            ("100 000 nested lists", deep_list),
            ("20 000 nested objects", deep_object),
        ):
            probes += [
                lambda b=body, lab=label: self.judge(
                    f"POST /bookings with {lab}",
                    self.user.create("/bookings", content=b, headers=json_headers),
                    refuse=True,
                ),
                lambda b=body, lab=label: self.judge(
                    f"POST /auth/login with {lab}",
                    self._anonymous().post("/auth/login", content=b, headers=json_headers),
                    refuse=True,
                ),
                lambda b=body, lab=label: self.judge(
                    f"metadata with {lab}", self._upload_raw_metadata(b), refuse=True
                ),
            ]
        return probes

    def _raw_booking(self, title_json: str) -> httpx.Response:
        start, end = self.slot()
        raw = f'{{"room_id":"{self.room_id}","title":{title_json},"start":"{start}","end":"{end}"}}'
        headers = {"Content-Type": "application/json"}
        return self.user.create("/bookings", content=raw.encode(), headers=headers)

    def _upload_tags(self, tags: list[str]) -> httpx.Response:
        meta = {"folder_id": self.folder_id, "title": "Tags", "tags": tags}
        body, headers = multipart("tags.txt", b"t", meta)
        return self.user.create("/documents", content=body, headers=headers)

    def _upload_raw_metadata(self, raw: bytes) -> httpx.Response:
        body, headers = multipart("meta.txt", b"m", {})
        body = body.replace(b"{}", raw, 1)
        return self.user.create("/documents", content=body, headers=headers)

    def wrong_types(self) -> list[Probe]:
        probes: list[Probe] = []
        wrong: dict[str, list[Any]] = {
            "room_id": [1, True, None, [], {}, 1.5, ""],
            "title": [1, [], {}, None, True, "", "x" * 301],
            "start": [1780000000, True, [], {}, None, 1.5],
            "attendee_ids": [None, "p-1", {}, [1], [[]], ["x" * 65], ["p"] * 201],
            "unknown_field": [1],
        }
        for field, values in wrong.items():
            for value in values:
                probes.append(
                    lambda f=field, v=value: self.judge(
                        f"booking {f}={_short(v)}", self.booking(**{f: v}), refuse=True
                    )
                )
        for body in ([], "x", 1, None, {"room_id": self.room_id}):
            probes.append(
                lambda b=body: self.judge(
                    f"booking body {_short(b)}", self.user.create("/bookings", json=b), refuse=True
                )
            )
        for field, value in (
            ("username", 1),
            ("password", ["x"]),
            ("device_id", "short"),
            ("device_id", "has space here"),
            ("device_name", ""),
            ("password", "x" * 1025),
        ):
            body = {**login_body("staff", "demo"), field: value}
            probes.append(
                lambda b=body, f=field, v=value: self.judge(
                    f"login {f}={_short(v)}",
                    self._anonymous().post("/auth/login", json=b),
                    refuse=True,
                )
            )
        for body in (
            {"document_id": "x", "to_ids": []},
            {"document_id": "x", "to_ids": "p-1"},
            {"document_id": 1, "to_ids": ["p-1"]},
            {"document_id": "x", "to_ids": ["p-1"], "message": 5},
            {"document_id": "x", "to_ids": ["p"] * 51},
        ):
            probes.append(
                lambda b=body: self.judge(
                    f"share {_short(b)}", self.user.create("/shares", json=b), refuse=True
                )
            )
        return probes

    def numbers(self) -> list[Probe]:
        probes: list[Probe] = []
        huge = "9" * 40
        for value in ("0", "-1", "5001", "1e3", "abc", huge, "1.5", ""):
            probes.append(
                lambda v=value: self.judge(
                    f"limit={v}",
                    self.user.request("GET", "/sync/people", params={"limit": v}),
                    refuse=v != "",
                )
            )
        document = self._upload()
        if document.status_code != 201:
            raise RuntimeError(f"setup upload: {document.text}")
        doc = document.json()
        content = f"/documents/{doc['id']}/content"
        for value in ("0", "-1", huge, "x", "1e2"):
            probes.append(
                lambda v=value: self.judge(
                    f"content?version={v}",
                    self.user.request("GET", content, params={"version": v}),
                    refuse=True,
                )
            )
        for value in (f"bytes={huge}-", f"bytes=-{huge}", "bytes=5-1", f"bytes=0-{huge}", "x"):
            probes.append(
                lambda v=value: self.judge(
                    f"Range: {v[:30]}",
                    self.user.request("GET", content, headers={"Range": v}),
                    refuse=False,
                )
            )
        booking = self.my_booking()
        for value in (f'"{huge}"', '"-1"', 'W/"x"', '"1.5"', '"0"', "*"):
            probes.append(
                lambda v=value: self.judge(  # "*" (any version) is HTTP; the rest are not
                    f"If-Match: {v[:30]}",
                    self.user.request(
                        "PATCH",
                        f"/bookings/{booking['id']}",
                        json={"title": "x"},
                        headers={"If-Match": v},
                    ),
                    refuse=v != "*",
                )
            )
        start, end = self.slot()
        for key in ("short", "k" * 129, "key with spaces!!", "ключ-ключ-ключ-ключ"):
            probes.append(
                lambda k=key, s=start, e=end: self.judge(
                    f"Idempotency-Key {k[:20]!r}",
                    self.user.request(
                        "POST",
                        "/bookings",
                        json={"room_id": self.room_id, "title": "K", "start": s, "end": e},
                        headers={"Idempotency-Key": k.encode()},
                    ),
                    refuse=True,
                )
            )
        return probes

    def huge_bodies(self, mib: int) -> list[Probe]:
        """Issue #7 item 4: a JSON body past a small limit is refused with 413, with a
        Content-Length and streamed without one; data after a multipart body's closing
        boundary is refused (400 or 413). A connection the server closes (or stops
        reading) before the body is sent counts as refused. Either way the server must
        not hold the body in memory: it may grow by less than half the body's size."""
        size = mib * 1024 * 1024
        big_json = b'{"username":"' + b"a" * size + b'"}'

        def send(what: str, path: str, refused: tuple[int, ...] = (413,), **kw: Any) -> None:
            with MemoryWatch(self.attack.server) as watch:
                try:
                    answer: httpx.Response | None = self.user.http.post(
                        path, timeout=httpx.Timeout(60, write=15), **kw
                    )
                except (httpx.TransportError, httpx.TimeoutException):
                    answer = None  # the server stopped reading: refused
            grown = watch.peak - watch.start
            status = "connection closed" if answer is None else status_text(answer)
            self.attack.tally.check(
                self.attack.server.alive()
                and (answer is None or answer.status_code in refused)
                and grown < mib / 2,
                f"{what}: {status}, server memory +{grown:.0f} MiB meanwhile",
            )

        auth = self.user.auth
        json_headers = {"Content-Type": "application/json"}
        start, end = self.slot()
        meta = {"folder_id": self.folder_id, "title": "Trailer"}
        body, multipart_headers = multipart("ten.txt", b"0123456789", meta)

        def trailer() -> Iterator[bytes]:
            yield body
            yield from _megabytes(size)

        return [
            lambda: send(
                f"{mib} MiB JSON to /auth/login",
                "/auth/login",
                content=big_json,
                headers=json_headers,
            ),
            lambda: send(
                f"{mib} MiB JSON streamed to /auth/login",
                "/auth/login",
                content=iter([big_json[: size // 2], big_json[size // 2 :]]),
                headers=json_headers,
            ),
            lambda: send(
                f"{mib} MiB JSON to /auth/refresh",
                "/auth/refresh",
                content=b'{"refresh_token":"' + b"a" * size + b'"}',
                headers=json_headers,
            ),
            lambda: send(
                f"{mib} MiB JSON to /bookings",
                "/bookings",
                content=json.dumps(
                    {"room_id": self.room_id, "title": "x" * size, "start": start, "end": end}
                ).encode(),
                headers={**json_headers, **auth, "Idempotency-Key": uuid.uuid4().hex},
            ),
            lambda: send(
                f"a 10-byte upload followed by {mib} MiB after the closing boundary",
                "/documents",
                refused=(400, 413, 422),
                content=trailer(),
                headers={**multipart_headers, **auth, "Idempotency-Key": uuid.uuid4().hex},
            ),
        ]


def _short(value: Any) -> str:
    text = json.dumps(value)
    return text if len(text) <= 30 else f"{text[:27]}..."


def run(attack: Attack) -> None:
    truth = Truth.read(attack.server.db)
    user = attack.sign_in("head")
    account = truth.accounts["head"]
    folder_id = next(
        f
        for f, row in sorted(truth.folders.items())
        if row.access == "department" and row.department_id == account.department_id
    )
    room_id = sorted(user.sync_all("rooms")[0])[0]
    hostile = Hostile(attack, user, room_id, folder_id)
    kinds = {
        "time out of range (item 5)": hostile.times,
        "bidi or control character in a name or title (item 9)": hostile.misleading,
        "SQL- or FTS-like string": hostile.sql_like,
        "NUL or deep nesting": hostile.nul_and_nesting,
        "wrong type": hostile.wrong_types,
        "number or header out of range": hostile.numbers,
    }
    probes = [(kind, probe) for kind, make in kinds.items() for probe in make()]
    random.Random(f"{attack.seed}-hostile").shuffle(probes)

    def safely(kind_and_probe: tuple[str, Probe]) -> None:
        kind, probe = kind_and_probe
        with attack.tally.kind(kind):
            try:
                probe()
            except Exception as error:  # a probe the client library could not even send
                attack.tally.fail(f"a probe broke: {error!r}"[:200])

    with ThreadPoolExecutor(6) as workers:
        list(workers.map(safely, probes))
    for probe in hostile.huge_bodies(32 if attack.quick else 128):
        safely(("huge body (item 4)", probe))
    answer = user.request("GET", "/me")
    attack.tally.check(answer.status_code == 200, f"the server after it all: {status_text(answer)}")
