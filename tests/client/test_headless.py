"""`python main.py sync` as a user (or a script) runs it, on the demo data: counts, exit
codes, nothing readable at rest, revocation, and a process killed mid-sync or mid-push."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest

from cache.keystore import CredentialStore
from client.session import SignIn, refresh_entry
from server.config import Settings
from server.runner import ServerThread, seed_if_empty

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "demo"


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data seeded once; each test serves its own copy."""
    data_dir = tmp_path_factory.mktemp("demo-template") / "server"
    seed_if_empty(Settings(data_dir=data_dir), "demo", date(2026, 11, 25))
    return data_dir


@pytest.fixture
def demo_server(demo_template: Path, tmp_path: Path) -> Iterator[ServerThread]:
    data_dir = tmp_path / "server"
    shutil.copytree(demo_template, data_dir)
    server = ServerThread(Settings(data_dir=data_dir)).start()
    try:
        yield server
    finally:
        server.stop()


def run_main(
    profile: Path, *args: str, password: str = PASSWORD, verbose: bool = False
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "main.py", "--profile-dir", str(profile)]
    if verbose:
        command.append("--verbose")
    return subprocess.run(
        [*command, *args, "--password-stdin"],
        cwd=ROOT,
        input=password + "\n",
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def counts(output: str) -> dict[str, int]:
    return {
        m.group(1): int(m.group(2)) for m in re.finditer(r"^(\w+)\s+(\d+)$", output, re.MULTILINE)
    }


def server_count(server: ServerThread, username: str, collection: str, **params: str) -> int:
    with httpx.Client(base_url=server.api_url, timeout=60) as http:
        login = http.post(
            "/auth/login",
            json={
                "username": username,
                "password": PASSWORD,
                "device_id": "counting-device",
                "device_name": "test",
            },
        )
        auth = {"Authorization": f"Bearer {login.json()['access_token']}"}
        total, cursor = 0, None
        while True:
            query = {"limit": "5000", **params, **({"since": cursor} if cursor else {})}
            page = http.get(f"/sync/{collection}", params=query, headers=auth).json()
            total += len(page["items"])
            cursor = page["cursor"]
            if not page["has_more"]:
                return total


def test_sync_prints_counts_then_only_what_changed_then_offline(
    demo_server: ServerThread, tmp_path: Path
) -> None:
    profile = tmp_path / "profiles"
    args = ("sync", "--server", demo_server.base_url, "--username", "staff")
    first = run_main(profile, *args)
    assert first.returncode == 0, first.stderr
    numbers = counts(first.stdout)
    for collection in ("people", "rooms", "bookings", "departments", "regions", "indicator_values"):
        assert numbers[collection] == server_count(demo_server, "staff", collection), collection
    assert re.search(r"Synced in [\d.]+ s: [1-9]\d* changes received", first.stdout)

    second = run_main(profile, *args)
    assert second.returncode == 0, second.stderr
    assert counts(second.stdout) == numbers
    assert "0 changes received, 0 sent, 1 requests" in second.stdout  # GET /sync alone

    demo_server.stop()
    offline = run_main(profile, *args, "--offline")
    assert offline.returncode == 0, offline.stderr
    assert "no network" in offline.stdout
    assert counts(offline.stdout) == numbers


def test_failures_exit_non_zero_with_one_line(demo_server: ServerThread, tmp_path: Path) -> None:
    profile = tmp_path / "profiles"
    args = ("sync", "--server", demo_server.base_url, "--username", "staff")
    wrong = run_main(profile, *args, password="not-the-password")
    assert wrong.returncode == 1
    assert wrong.stderr.strip().count("\n") == 0 and wrong.stderr.startswith("error: ")
    assert "username or password is incorrect" in wrong.stderr  # a sentence, not a code
    assert not any(profile.rglob("cache.db"))  # nothing was created

    unreachable = run_main(profile, "sync", "--server", "http://127.0.0.1:9", "--username", "staff")
    assert unreachable.returncode == 1 and "cannot be reached" in unreachable.stderr

    never_synced = run_main(profile, *args, "--offline")
    assert never_synced.returncode == 1 and never_synced.stderr.startswith("error: ")


def test_a_wrong_offline_password_fails_and_changes_nothing(
    demo_server: ServerThread, tmp_path: Path
) -> None:
    profile = tmp_path / "profiles"
    args = ("sync", "--server", demo_server.base_url, "--username", "staff")
    assert run_main(profile, *args).returncode == 0
    database = next(profile.rglob("cache.db"))
    before = {p: p.read_bytes() for p in database.parent.glob("cache.db*")}
    wrong = run_main(profile, *args, "--offline", password="wrong")
    assert wrong.returncode == 1 and "password" in wrong.stderr.lower()
    assert {p: p.read_bytes() for p in database.parent.glob("cache.db*")} == before
    right = run_main(profile, *args, "--offline")
    assert right.returncode == 0, right.stderr


def test_nothing_readable_at_rest_after_a_sync(demo_server: ServerThread, tmp_path: Path) -> None:
    profile = tmp_path / "profiles"
    result = run_main(profile, "sync", "--server", demo_server.base_url, "--username", "staff")
    assert result.returncode == 0, result.stderr
    with httpx.Client(base_url=demo_server.api_url) as http:
        login = http.post(
            "/auth/login",
            json={
                "username": "staff",
                "password": PASSWORD,
                "device_id": "reading-device",
                "device_name": "t",
            },
        ).json()
        auth = {"Authorization": f"Bearer {login['access_token']}"}
        people = http.get("/sync/people", params={"limit": 50}, headers=auth).json()["items"]
        documents = http.get("/sync/documents", params={"limit": 20}, headers=auth).json()["items"]
    secrets_to_find = [p["full_name"] for p in people[:20]] + [
        p["email"] for p in people[:20] if p["email"]
    ]
    secrets_to_find += [d["title"] for d in documents if len(d["title"]) > 8]
    secrets_to_find += [login["refresh_token"][:20]]
    assert len(secrets_to_find) > 30
    files = [p for p in profile.rglob("*") if p.is_file()]
    assert any(p.name == "cache.db" for p in files)
    for path in files:
        raw = path.read_bytes()
        assert b"SQLite format 3" not in raw, path
        for text in secrets_to_find:
            assert text.encode() not in raw, f"{text!r} readable in {path.name}"


def test_a_revoked_device_is_wiped(demo_server: ServerThread, tmp_path: Path) -> None:
    profile = tmp_path / "profiles"
    args = ("sync", "--server", demo_server.base_url, "--username", "staff")
    assert run_main(profile, *args).returncode == 0
    sign_in = SignIn(demo_server.base_url, profile_dir=profile)
    staff_profile = sign_in.profile("staff")
    credentials = CredentialStore()
    assert credentials.load(staff_profile.credential_entry) is not None
    assert credentials.load(refresh_entry(staff_profile)) is not None
    device_id = __import__("json").loads((profile / "device.json").read_text())["device_id"]
    with httpx.Client(base_url=demo_server.api_url) as http:
        admin = http.post(
            "/auth/login",
            json={
                "username": "admin",
                "password": PASSWORD,
                "device_id": "admin-desk-001",
                "device_name": "t",
            },
        ).json()
        revoked = http.post(
            f"/admin/devices/{device_id}/revoke",
            headers={"Authorization": f"Bearer {admin['access_token']}"},
        )
        assert revoked.status_code == 200

    # The next run learns it at sign-in: the old data goes, a new device enrols.
    old_key = credentials.load(staff_profile.credential_entry)
    again = run_main(profile, *args)
    assert again.returncode == 0, again.stderr
    new_device = __import__("json").loads((profile / "device.json").read_text())["device_id"]
    assert new_device != device_id
    # The old cache was wiped: the new one is under a new data key.
    new_key = credentials.load(staff_profile.credential_entry)
    assert new_key is not None and new_key != old_key


def test_revocation_found_by_a_sync_wipes_the_profile(
    demo_server: ServerThread, tmp_path: Path
) -> None:
    profile = tmp_path / "profiles"
    sign_in = SignIn(demo_server.base_url, profile_dir=profile)
    session = sign_in.online("staff", PASSWORD)
    device_id = __import__("json").loads((profile / "device.json").read_text())["device_id"]
    with httpx.Client(base_url=demo_server.api_url) as http:
        admin = http.post(
            "/auth/login",
            json={
                "username": "admin",
                "password": PASSWORD,
                "device_id": "admin-desk-001",
                "device_name": "t",
            },
        ).json()
        http.post(
            f"/admin/devices/{device_id}/revoke",
            headers={"Authorization": f"Bearer {admin['access_token']}"},
        )
    from client.errors import DeviceRevoked

    with pytest.raises(DeviceRevoked):
        session.sync_engine().run()
    session.wipe()
    assert not session.profile.folder.exists()
    credentials = CredentialStore()
    assert credentials.load(session.profile.credential_entry) is None
    assert credentials.load(refresh_entry(session.profile)) is None


def kill_when(process: subprocess.Popen[str], pattern: str) -> list[str]:
    """Read the process's progress lines; SIGKILL it when one matches."""
    assert process.stderr is not None
    lines = []
    for line in process.stderr:
        lines.append(line.rstrip())
        if re.search(pattern, line):
            os.kill(process.pid, signal.SIGKILL)
            break
    process.wait(30)
    process.stderr.close()
    return lines


def start_main(profile: Path, *args: str) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [
            sys.executable,
            "main.py",
            "--profile-dir",
            str(profile),
            "--verbose",
            *args,
            "--password-stdin",
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None
    process.stdin.write(PASSWORD + "\n")
    process.stdin.close()
    return process


def integrity_ok(server: ServerThread, profile: Path, username: str) -> dict[str, int]:
    session = SignIn(server.base_url, profile_dir=profile).offline(username, PASSWORD)
    try:
        assert session.cache.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {
            c: session.cache.records.count(c)
            for c in ("people", "indicator_values", "registry_rows")
        }
    finally:
        session.close()


def test_killed_in_the_middle_of_a_sync_it_resumes_with_nothing_lost(
    demo_server: ServerThread, tmp_path: Path
) -> None:
    profile = tmp_path / "profiles"
    args = ("sync", "--server", demo_server.base_url, "--username", "analyst")
    registries = [
        "--registry",
        "reg-institutions",
        "--registry",
        "reg-medicines",
        "--registry",
        "reg-pharmacies",
    ]
    process = start_main(profile, *args, *registries)
    lines = kill_when(process, r"indicator_values: 10000")
    assert process.returncode == -signal.SIGKILL, lines
    partial = integrity_ok(demo_server, profile, "analyst")
    assert partial["indicator_values"] in range(
        10000, server_count(demo_server, "analyst", "indicator_values")
    )

    resumed = run_main(profile, *args, *registries)
    assert resumed.returncode == 0, resumed.stderr
    final = integrity_ok(demo_server, profile, "analyst")
    assert final["indicator_values"] == server_count(demo_server, "analyst", "indicator_values")
    assert final["people"] == server_count(demo_server, "analyst", "people")
    expected_rows = sum(
        server_count(demo_server, "analyst", "registry_rows", registry=r)
        for r in ("reg-institutions", "reg-medicines", "reg-pharmacies")
    )
    assert final["registry_rows"] == expected_rows > 0


def test_killed_in_the_middle_of_a_push_nothing_is_lost_or_duplicated(
    demo_server: ServerThread, tmp_path: Path
) -> None:
    profile = tmp_path / "profiles"
    sign_in = SignIn(demo_server.base_url, profile_dir=profile)
    session = sign_in.online("staff", PASSWORD)
    rooms = sorted(r["id"] for r in [session.api.sync_page("rooms", None, 100)["items"]][0])
    titles = []
    for i in range(30):
        title = f"Outbox test {uuid.uuid4().hex[:8]}"
        titles.append(title)
        start = f"2030-01-{1 + i // 8:02d}T{5 + i % 8:02d}:00:00+00:00"
        end = f"2030-01-{1 + i // 8:02d}T{5 + i % 8:02d}:30:00+00:00"
        body = {"room_id": rooms[0], "title": title, "start": start, "end": end, "attendee_ids": []}
        record = {
            "id": f"local-{i}",
            **body,
            "organizer_id": session.user["id"],
            "status": "confirmed",
        }
        session.cache.outbox.enqueue(
            "POST", "/bookings", body=body, collection="bookings", record=record
        )
    session.close()

    process = start_main(profile, "sync", "--server", demo_server.base_url, "--username", "staff")
    lines = kill_when(process, r"outbox: 5/30")
    assert process.returncode == -signal.SIGKILL, lines
    resumed = run_main(profile, "sync", "--server", demo_server.base_url, "--username", "staff")
    assert resumed.returncode == 0, resumed.stderr

    with httpx.Client(base_url=demo_server.api_url, timeout=60) as http:
        login = http.post(
            "/auth/login",
            json={
                "username": "staff",
                "password": PASSWORD,
                "device_id": "checking-device",
                "device_name": "t",
            },
        ).json()
        auth = {"Authorization": f"Bearer {login['access_token']}"}
        seen: list[str] = []
        cursor = None
        while True:
            page = http.get(
                "/sync/bookings",
                params={"limit": 5000, **({"since": cursor} if cursor else {})},
                headers=auth,
            ).json()
            seen += [b["title"] for b in page["items"] if b["title"].startswith("Outbox test")]
            cursor = page["cursor"]
            if not page["has_more"]:
                break
    assert sorted(seen) == sorted(titles)  # every one, once
    after = SignIn(demo_server.base_url, profile_dir=profile).offline("staff", PASSWORD)
    try:
        assert after.cache.outbox.all() == []
        assert after.cache.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        after.close()
