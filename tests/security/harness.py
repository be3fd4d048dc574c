"""What every class of the attack shares: the real server as a subprocess on loopback
(so its memory can be measured apart from the attacker's), a tally per class, signed-in
users, and the truth read from the server's own database to judge what a user may see.

The truth is computed here from the access rules as documented (docs/api.md, API.md),
not with ``server.access``: a bug in the server's rules must not hide itself by also
being the oracle.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psutil
from sqlalchemy import select

from server.db import (
    Database,
    documents,
    folder_members,
    folders,
    registries,
    shares,
    sqlite_url_for,
    users,
)

ROOT = Path(__file__).resolve().parents[2]
DEMO_PASSWORD = "demo"
FIXED_USERS = ("admin", "analyst", "head", "staff")
EXAMPLES_SHOWN = 8
_LISTENING = re.compile(r"Listening on (http://127\.0\.0\.1:\d+)")


class Tally:
    """Attempts and failures of one class; thread-safe. A failure has a text and a kind
    (the text itself unless given), so the report shows one example of each kind."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.attempts = 0
        self.failures: list[tuple[str, str]] = []  # (kind, text)
        self.notes: list[str] = []
        self._lock = threading.Lock()
        self._kind = threading.local()

    @contextmanager
    def kind(self, kind: str) -> Iterator[None]:
        """Failures in this block, on this thread, are of ``kind``."""
        outer = getattr(self._kind, "value", None)
        self._kind.value = kind
        try:
            yield
        finally:
            self._kind.value = outer

    def check(self, ok: bool, what: str) -> bool:
        """One attempt; ``what`` says what failed when ``ok`` is false."""
        with self._lock:
            self.attempts += 1
        if not ok:
            self.fail(what)
        return ok

    def tried(self, count: int = 1) -> None:
        with self._lock:
            self.attempts += count

    def fail(self, what: str) -> None:
        kind = getattr(self._kind, "value", None) or what
        with self._lock:
            self.failures.append((kind, what))

    def note(self, text: str) -> None:
        with self._lock:
            self.notes.append(text)

    def report(self, every: bool = False) -> str:
        lines = [f"{self.name}: {self.attempts} attempts, {len(self.failures)} failures"]
        lines += [f"    note: {n}" for n in self.notes]
        if every:
            return "\n".join(lines + [f"    - {text}" for _kind, text in self.failures])
        kinds: dict[str, list[str]] = {}
        for kind, text in self.failures:
            kinds.setdefault(kind, []).append(text)
        for kind, texts in list(kinds.items())[:EXAMPLES_SHOWN]:
            if all(text == kind for text in texts):
                lines.append(f"    - {kind}" + (f" (x{len(texts)})" if len(texts) > 1 else ""))
            else:
                lines.append(f"    - {kind}: {len(texts)}, e.g. {texts[0]}")
        if len(kinds) > EXAMPLES_SHOWN:
            lines.append(f"    ... and {len(kinds) - EXAMPLES_SHOWN} more kinds (--verbose)")
        return "\n".join(lines)


def status_text(response: httpx.Response) -> str:
    """Status and the problem's code, for failure lines."""
    code = ""
    if response.headers.get("content-type", "").startswith("application/problem+json"):
        try:
            code = " " + str(response.json().get("code", ""))
        except ValueError:
            code = ""
    return f"{response.status_code}{code}"


@dataclass
class ServerProcess:
    """``python -m server`` on a free loopback port, over a copy of the seeded data."""

    data_dir: Path
    process: subprocess.Popen[bytes]
    base_url: str
    log_path: Path
    _db: Database | None = None

    @classmethod
    def start(cls, template: Path, data_dir: Path, timeout: float = 60.0) -> ServerProcess:
        shutil.copytree(template, data_dir)
        log_path = data_dir.with_suffix(".log")
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "server", "--port", "0", "--data-dir", str(data_dir)],
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            match = _LISTENING.search(log_path.read_text(errors="replace"))
            if match:
                return cls(data_dir, process, match.group(1), log_path)
            if process.poll() is not None:
                break
            time.sleep(0.05)
        process.kill()
        raise RuntimeError(f"the server did not start: {log_path.read_text(errors='replace')}")

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/v1"

    @property
    def db(self) -> Database:
        """The server's own database, for the truth and for what no API can do (expire a
        token, deactivate a user, take someone out of a folder)."""
        if self._db is None:
            self._db = Database(sqlite_url_for(self.data_dir))
        return self._db

    def rss_mib(self) -> float:
        return float(psutil.Process(self.process.pid).memory_info().rss) / 2**20

    def peak_rss_mib(self) -> float:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
        return int(match.group(1)) / 1024 if match else float("nan")

    def alive(self) -> bool:
        return self.process.poll() is None

    def tracebacks(self) -> list[str]:
        """The last line of every traceback the server logged (an unhandled error)."""
        lines = self.log_path.read_text(errors="replace").splitlines()
        found = []
        for i, line in enumerate(lines):
            if line.startswith("Traceback"):
                tail = next(
                    (x for x in lines[i + 1 :] if x and not x.startswith((" ", "Traceback"))), ""
                )
                found.append(tail[:200])
        return found

    def stop(self) -> None:
        if self._db is not None:
            self._db.dispose()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


class MemoryWatch:
    """Samples a server's resident memory every few milliseconds while in the block."""

    def __init__(self, server: ServerProcess) -> None:
        self.server = server
        self.start = self.peak = server.rss_mib()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self._stop.wait(0.01):
            self.peak = max(self.peak, self.server.rss_mib())

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.server.rss_mib())


def new_device_id() -> str:
    return f"attack-{uuid.uuid4().hex[:16]}"


def login_body(username: str, password: str, device_id: str | None = None) -> dict[str, str]:
    return {
        "username": username,
        "password": password,
        "device_id": device_id or new_device_id(),
        "device_name": "attack run",
    }


@dataclass
class User:
    """One signed-in user over its own httpx client."""

    username: str
    http: httpx.Client
    login: dict[str, Any]
    device_id: str

    @property
    def id(self) -> str:
        return str(self.login["user"]["id"])

    @property
    def roles(self) -> list[str]:
        return list(self.login["user"]["roles"])

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.login['access_token']}"}

    def request(self, method: str, path: str, **kw: Any) -> httpx.Response:
        headers = {**self.auth, **kw.pop("headers", {})}
        try:
            return self.http.request(method, path, headers=headers, **kw)
        except (httpx.RemoteProtocolError, httpx.ReadError):
            # The server closes a connection after a 500; the pool may hand it out once
            # more. Resending is safe: creates carry their Idempotency-Key, changes If-Match.
            return self.http.request(method, path, headers=headers, **kw)

    def create(self, path: str, **kw: Any) -> httpx.Response:
        """A POST that creates, with a fresh Idempotency-Key."""
        headers = {"Idempotency-Key": uuid.uuid4().hex, **kw.pop("headers", {})}
        return self.request("POST", path, headers=headers, **kw)

    def sync_all(self, collection: str, **params: Any) -> tuple[dict[str, dict[str, Any]], str]:
        """Every item of a collection the user is sent, and the final cursor."""
        items: dict[str, dict[str, Any]] = {}
        cursor: str | None = None
        while True:
            query = {"limit": 5000, **params, **({"since": cursor} if cursor else {})}
            response = self.request("GET", f"/sync/{collection}", params=query)
            if response.status_code != 200:
                raise RuntimeError(f"sync {collection} as {self.username}: {response.text[:300]}")
            page = response.json()
            items.update((item["id"], item) for item in page["items"])
            cursor = page["cursor"]
            if not page["has_more"]:
                return items, cursor


@dataclass
class Attack:
    """What one class gets: its own server, a tally, the run's limits and random source."""

    server: ServerProcess
    tally: Tally
    quick: bool
    seed: int
    work_dir: Path
    _clients: list[httpx.Client] = field(default_factory=list)

    def client(self, timeout: float = 60.0) -> httpx.Client:
        http = httpx.Client(base_url=self.server.api_url, timeout=timeout)
        self._clients.append(http)
        return http

    def sign_in(self, username: str, device_id: str | None = None) -> User:
        device = device_id or new_device_id()
        http = self.client()
        response = http.post("/auth/login", json=login_body(username, DEMO_PASSWORD, device))
        if response.status_code != 200:
            raise RuntimeError(f"sign-in of {username}: {response.status_code} {response.text}")
        return User(username, http, response.json(), device)

    def close(self) -> None:
        for http in self._clients:
            http.close()


# --- the truth, from the server's database -------------------------------------------


@dataclass(frozen=True)
class Account:
    id: str
    username: str
    roles: frozenset[str]
    department_id: str | None
    active: bool


@dataclass
class Truth:
    """Who may see what, by the documented rules, from one read of the database."""

    accounts: dict[str, Account]  # by username
    folders: dict[str, Any]  # id -> row (access, department_id)
    members: dict[str, set[str]]  # folder id -> person ids
    documents: dict[str, str]  # id -> folder id (live ones)
    shares: dict[str, tuple[str, str, str]]  # id -> (document id, from, to)
    registries: dict[str, bool]  # id -> personal_data

    @classmethod
    def read(cls, db: Database) -> Truth:
        with db.read() as conn:
            accounts = {
                r.username: Account(
                    r.id, r.username, frozenset(r.roles.split()), r.department_id, bool(r.active)
                )
                for r in conn.execute(select(users))
            }
            folder_rows = {
                r.id: r
                for r in conn.execute(
                    select(folders.c.id, folders.c.access, folders.c.department_id).where(
                        folders.c.deleted.is_(False)
                    )
                )
            }
            members: dict[str, set[str]] = {}
            for r in conn.execute(select(folder_members)):
                members.setdefault(r.folder_id, set()).add(r.person_id)
            docs = {
                r.id: r.folder_id
                for r in conn.execute(
                    select(documents.c.id, documents.c.folder_id).where(
                        documents.c.deleted.is_(False)
                    )
                )
            }
            share_rows = {
                r.id: (r.document_id, r.from_id, r.to_id)
                for r in conn.execute(
                    select(
                        shares.c.id, shares.c.document_id, shares.c.from_id, shares.c.to_id
                    ).where(shares.c.deleted.is_(False))
                )
            }
            regs = {
                r.id: bool(r.personal_data)
                for r in conn.execute(
                    select(registries.c.id, registries.c.personal_data).where(
                        registries.c.deleted.is_(False)
                    )
                )
            }
        return cls(accounts, folder_rows, members, docs, share_rows, regs)

    def folder_visible(self, account: Account, folder_id: str) -> bool:
        folder = self.folders.get(folder_id)
        if folder is None:
            return False
        if folder.access == "ministry":
            return True
        if folder.access == "department":
            return folder.department_id is not None and folder.department_id == (
                account.department_id
            )
        return account.id in self.members.get(folder_id, set())

    def folder_writable(self, account: Account, folder_id: str) -> bool:
        if not self.folder_visible(account, folder_id):
            return False
        if self.folders[folder_id].access == "ministry":
            return bool(account.roles & {"department_head", "admin"})
        return True

    def visible_folders(self, account: Account) -> set[str]:
        return {f for f in self.folders if self.folder_visible(account, f)}

    def visible_documents(self, account: Account) -> set[str]:
        """A document is seen through its folder, or through a share *to* the user: a
        share is the recipient's access, never the sender's (issue #7, item 6)."""
        received = {doc for doc, _from, to in self.shares.values() if to == account.id}
        return {
            d
            for d, folder in self.documents.items()
            if self.folder_visible(account, folder) or d in received
        }

    def visible_shares(self, account: Account) -> set[str]:
        return {s for s, (_doc, frm, to) in self.shares.items() if account.id in (frm, to)}

    def readable_registries(self, account: Account) -> set[str]:
        may_read_personal = bool(account.roles & {"analyst", "admin"})
        return {r for r, personal in self.registries.items() if may_read_personal or not personal}


@contextmanager
def timed() -> Iterator[list[float]]:
    """``with timed() as t:`` then ``t[0]`` is the seconds the block took."""
    started = time.monotonic()
    box = [0.0]
    try:
        yield box
    finally:
        box[0] = time.monotonic() - started


BOUNDARY = "attack-boundary-7f3a9c"


def multipart(
    filename: str,
    content: bytes,
    metadata: dict[str, Any] | None,
    *,
    content_type: str = "text/plain",
    trailer: bytes = b"",
) -> tuple[bytes, dict[str, str]]:
    """A multipart body built by hand, so a hostile file name reaches the server byte for
    byte; ``trailer`` is sent after the closing boundary. Returns (body, headers)."""
    parts = b""
    if metadata is not None:
        parts += (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n'.encode()
            + json.dumps(metadata).encode()
            + b"\r\n"
        )
    escaped = filename.replace("\\", "\\\\").replace('"', '\\"')
    parts += (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="{escaped}"\r\n'
        f"Content-Type: {content_type}\r\n\r\n"
    ).encode("utf-8", "surrogatepass")
    body = parts + content + f"\r\n--{BOUNDARY}--\r\n".encode() + trailer
    return body, {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}


def upload(user: User, folder_id: str, title: str, filename: str = "note.txt") -> httpx.Response:
    body, headers = multipart(filename, b"attack run\n", {"folder_id": folder_id, "title": title})
    return user.create("/documents", content=body, headers=headers)
