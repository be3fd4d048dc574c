"""The child of the documents' kill loops (tests/client/test_kill_documents.py):
uploads, new versions and downloads through the real commands (``apply_command``, as the
tab's ``Writes.apply`` runs them), the real ``SyncEngine`` with the real content opener
(``DocumentContent``), a real encrypted cache and content store, against the real
server on loopback, over and over until it is SIGKILLed.

Run as ``python -m tests.client.kill_documents CACHE SERVER_URL``; the cache's key and an
access token come in the environment (as for ``tests.client.kill_writer``, whose fork
server this is too). ``fork upload`` / ``fork version`` / ``fork download`` fork a
writer that does only that, again and again; ``clean`` forks one that pushes until the
outbox is empty. Every file's bytes carry ``SENTINEL``: none may be found in plaintext
under the profile.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from cache.content_files import EncryptedFiles
from cache.database import open_database
from cache.meta import Meta
from cache.outbox import Outbox
from cache.store import RecordStore
from client.api import ApiClient
from client.documents import DocumentContent
from client.sync import RetryPolicy, SyncEngine
from domains.catalog import CATALOG
from domains.documents.commands import UploadDocument, UploadVersion
from domains.documents.content import StagedFile
from domains.writes import apply_command
from tests.client.fork_lines import say
from tests.client.kill_writer import BearerTransport

SENTINEL = b"KILL-LOOP-SENTINEL-3f9a51"
FOLDER = "f-hr"
USER: dict[str, object] = {"id": "p-staff", "roles": ["staff"], "department_id": "d-hr"}
VERSIONED_TITLE = "Versiyalanan sənəd"
DOWNLOADED_TITLE = "Endirilən sənəd"
DOWNLOAD_BYTES = 3 * 1024 * 1024 + 12345  # several chunks, not a whole number of them
_UPLOAD_TITLE = re.compile(r"kill (\d{5})")


def upload_bytes(step: int) -> bytes:
    return SENTINEL + f" upload {step}\n".encode() * 40


def version_bytes(number: int) -> bytes:
    return SENTINEL + f" version {number}\n".encode() * 40


def download_bytes() -> bytes:
    line = SENTINEL + b" download\n"
    return (line * (DOWNLOAD_BYTES // len(line) + 1))[:DOWNLOAD_BYTES]


def upload_title(step: int) -> str:
    return f"kill {step:05d}"


def upload_step(title: object) -> int:
    found = _UPLOAD_TITLE.fullmatch(str(title or ""))
    return int(found.group(1)) if found else 0


def content_folder(cache: Path) -> Path:
    return cache.parent / "content"


class Writer:
    """One process of the app: its own cache connection, content store and engine."""

    def __init__(self, cache: Path, server_url: str) -> None:
        key = bytes.fromhex(os.environ["KILL_WRITER_KEY"])
        self.db = open_database(cache, key)
        self.api = ApiClient(server_url, transport=BearerTransport(os.environ["KILL_WRITER_TOKEN"]))
        self.content = DocumentContent(self.api, EncryptedFiles(content_folder(cache), key))
        self.engine = SyncEngine(
            self.api,
            RecordStore(self.db, CATALOG),
            Outbox(self.db, CATALOG),
            Meta(self.db),
            retry=RetryPolicy(base=0.05, cap=0.5),
            content_opener=self.content.opener,
        )
        self.chosen = cache.parent.parent / "chosen"  # the user's own files, not the profile
        self.chosen.mkdir(exist_ok=True)

    def _record_titled(self, title: str) -> dict[str, object]:
        row = self.db.conn.execute("SELECT id FROM documents WHERE title = ?", (title,)).fetchone()
        stored = self.engine.records.get("documents", row[0])
        assert stored is not None
        return dict(stored.record)

    def _staged(self, name: str, data: bytes) -> StagedFile:
        path = self.chosen / f"{os.getpid()}-{name}"
        path.write_bytes(data)
        return self.content.stage(str(path))

    def push(self) -> bool:
        """Push what is queued; True once nothing waits."""
        self.engine.run()
        return not self.engine.outbox.all()

    def upload(self) -> None:
        titles = self.db.conn.execute("SELECT title FROM documents WHERE folder_id = ?", (FOLDER,))
        step = max((upload_step(t) for (t,) in titles), default=0) + 1
        say(f"staging {step}")
        staged = self._staged(f"kill-{step:05d}.txt", upload_bytes(step))
        apply_command(self.db, UploadDocument(FOLDER, staged, upload_title(step), USER))
        say(f"uploading {step}")
        self.engine.run()
        say(f"uploaded {step}")

    def version(self) -> None:
        current = self._record_titled(VERSIONED_TITLE)
        number = int(str(current["version_no"])) + 1
        say(f"staging version {number}")
        staged = self._staged("versiya.txt", version_bytes(number))
        apply_command(self.db, UploadVersion(str(current["id"]), staged, USER))
        say(f"versioning {number}")
        self.engine.run()
        say(f"versioned {number}")

    def download(self) -> None:
        record = self._record_titled(DOWNLOADED_TITLE)
        sha256 = str(record["sha256"])
        # The whole file goes (a partial one stays: the next download resumes it).
        self.content.files.path_for(sha256).unlink(missing_ok=True)
        say("downloading")
        data = self.content.open(record)
        assert data == download_bytes(), "a download read back other bytes"
        say("downloaded")


def work_forever(kind: str) -> Callable[[Path, str], None]:
    def run(cache: Path, server_url: str) -> None:
        writer = Writer(cache, server_url)
        action = {"upload": writer.upload, "version": writer.version}.get(kind)
        if action is not None:
            writer.push()  # what the last one left: settled before the clock starts
        say("opened")  # the test's random moment counts from here
        while True:
            if kind == "download":
                writer.download()
            elif writer.push():  # one change at a time: the last one settled first
                assert action is not None
                action()
            else:
                time.sleep(0.02)

    return run


def push_until_empty(cache: Path, server_url: str) -> None:
    writer = Writer(cache, server_url)
    for _ in range(600):
        if writer.push():
            say("clean")
            return
        time.sleep(0.1)
    raise SystemExit(f"still queued: {len(writer.engine.outbox.all())}")


def _fork(target: Callable[[Path, str], None], cache: Path, server_url: str) -> None:
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            target(cache, server_url)
        except BaseException as error:  # reported to the test, then exit
            say(f"failed {error!r}")
            code = 1
        finally:
            sys.stdout.flush()
            os._exit(code)
    say(f"pid {pid}")
    _, status = os.waitpid(pid, 0)
    say(f"ended {pid} {status}")


def main() -> None:
    cache, server_url = Path(sys.argv[1]), sys.argv[2]
    say("ready")
    for line in sys.stdin:
        command = line.split()
        if command[:1] == ["fork"] and len(command) == 2:
            _fork(work_forever(command[1]), cache, server_url)
        elif command == ["clean"]:
            _fork(push_until_empty, cache, server_url)
        elif command == ["quit"]:
            return


if __name__ == "__main__":
    main()
