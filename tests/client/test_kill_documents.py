"""The documents' kill loops (issue 10, "Reliability and security"): the app is
SIGKILLed at a random moment during an upload, during a new version and during a
download, 100 times each (``KILLS_EACH``), and after all of them:

- each upload reached the server exactly once (one document per step, steps 1..N),
  each new version once (the server's version number is the local one);
- the cache passes ``integrity_check`` and the outbox is empty;
- no half file is taken for a whole one: every complete content file reads back
  checked against its SHA-256, the download's bytes are the server's;
- no plaintext of the sentinel document is anywhere under the profile.

The writers (tests/client/kill_documents.py) are forked by one process that imported
the client once, as tests/client/test_kill_loop.py does; each opens the cache, the
content store and its connection on its own, as a new start of the app would. Small
files and a random life of at most ``LONGEST_LIFE`` keep the 300 kills within a few
minutes on two cores. Marked ``slow`` like the other kill loop: CI runs it (.ci/run).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import secrets
import signal
import time
from collections import Counter
from pathlib import Path

import pytest

from cache.content_files import EncryptedFiles
from cache.database import open_database
from cache.meta import Meta
from cache.outbox import Outbox
from cache.store import RecordStore
from client.api import ApiClient
from client.sync import SyncEngine
from domains.catalog import CATALOG
from tests.client.kill_documents import (
    DOWNLOADED_TITLE,
    FOLDER,
    SENTINEL,
    VERSIONED_TITLE,
    content_folder,
    download_bytes,
    upload_bytes,
    upload_step,
    version_bytes,
)
from tests.client.kill_writer import BearerTransport
from tests.client.test_kill_loop import ForkServer
from tests.server.conftest import World
from tests.server.test_documents import upload

KILLS_EACH = 100
LONGEST_LIFE = 0.4  # seconds: a writer works a random time up to this, then is killed
KINDS = ("upload", "version", "download")
BUSY = {"upload": "uploading", "version": "versioning", "download": "downloading"}


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _all_bytes_under(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def _until_opened(forks: ForkServer, pid: int) -> list[str]:
    """The writer's lines until it is about to begin (its cache open, its last change
    settled): the kill's random moment counts from there, so it falls in the work."""
    lines: list[str] = []
    while not lines or lines[-1] != "opened":
        line = forks.readline()
        assert not line.startswith(f"ended {pid} "), lines
        lines.append(line)
    return lines


@pytest.mark.slow
def test_killed_during_uploads_versions_and_downloads_nothing_is_lost_doubled_or_half(
    world: World, tmp_path: Path
) -> None:
    staff = world.sign_in("staff")
    for title, data in ((VERSIONED_TITLE, version_bytes(1)), (DOWNLOADED_TITLE, download_bytes())):
        meta = {"folder_id": FOLDER, "title": title}
        answer = upload(staff, filename=f"{title}.txt", content=data, metadata=meta)
        assert answer.status_code == 201, answer.text
    key = secrets.token_bytes(32)
    profile = tmp_path / "profile"
    profile.mkdir()
    cache = profile / "cache.db"
    token = staff.auth["Authorization"].removeprefix("Bearer ")
    db = open_database(cache, key, create=True)
    api = ApiClient(world.server.base_url, transport=BearerTransport(token))
    SyncEngine(api, RecordStore(db, CATALOG), Outbox(db, CATALOG), Meta(db)).run()
    db.close()

    rng = random.Random(20261130)
    phases: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
    forks = ForkServer(cache, world.server.base_url, key, token, "tests.client.kill_documents")
    try:
        for kind in KINDS:
            for _ in range(KILLS_EACH):
                pid = forks.ask(f"fork {kind}")
                opening = _until_opened(forks, pid)
                time.sleep(rng.uniform(0.0, LONGEST_LIFE))
                with contextlib.suppress(ProcessLookupError):  # ended: its lines say why
                    os.kill(pid, signal.SIGKILL)
                lines, status = forks.until_ended(pid)
                lines = opening + lines
                assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, lines
                phases[kind][lines[-1].split()[0] if lines else "starting"] += 1
        clean = forks.ask("clean")
        lines, status = forks.until_ended(clean)
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, lines
        assert lines[-1] == "clean"
    finally:
        forks.close()
    print(f"\n{KILLS_EACH} kills each; the writer's last word before each: {phases}")
    for kind in KINDS:  # the loops killed what they say: some kills fell mid-transfer
        assert phases[kind][BUSY[kind]] > 0, phases

    db = open_database(cache, key)
    try:
        assert db.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert Outbox(db, CATALOG).all() == []
        SyncEngine(api, RecordStore(db, CATALOG), Outbox(db, CATALOG), Meta(db)).run()
        local = {
            row[0]: (row[1], row[2], row[3])
            for row in db.conn.execute(
                "SELECT id, title, version_no, sync_state FROM documents WHERE folder_id = ?",
                (FOLDER,),
            )
        }
    finally:
        db.close()
        api.close()
    assert all(state == "synced" for _t, _v, state in local.values())

    on_server = [d for d in staff.sync_all("documents")[0].values() if d["folder_id"] == FOLDER]
    steps = Counter(upload_step(d["title"]) for d in on_server if upload_step(d["title"]))
    uploaded = max(steps, default=0)
    assert uploaded > 0
    assert steps == Counter(range(1, uploaded + 1))  # each step once, none lost
    assert sorted(upload_step(t) for t, _v, _s in local.values() if upload_step(t)) == list(
        range(1, uploaded + 1)
    )
    versioned = next(d for d in on_server if d["title"] == VERSIONED_TITLE)
    local_version = next(v for t, v, _s in local.values() if t == VERSIONED_TITLE)
    assert versioned["version_no"] == local_version > 1  # a version sent twice: one more
    latest = staff.get(f"/documents/{versioned['id']}/content")
    assert latest.content == version_bytes(versioned["version_no"])

    # Every complete content file is whole: it reads back checked against its SHA-256.
    files = EncryptedFiles(content_folder(cache), key)
    known = {
        _sha(data): data
        for data in (
            download_bytes(),
            *(upload_bytes(step) for step in range(1, uploaded + 2)),
            *(version_bytes(number) for number in range(1, local_version + 2)),
        )
    }
    names = {files.name_for(sha): sha for sha in known}
    complete = [p for p in content_folder(cache).iterdir() if p.suffix != ".part"]
    assert complete
    for path in complete:
        assert path.name in names, "a content file of no known bytes"
        assert files.read(names[path.name]) == known[names[path.name]]
    assert SENTINEL not in _all_bytes_under(profile)
