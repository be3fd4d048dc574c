"""``main.py remove-user-data``: what an uninstall removes when asked (the MSI's
REMOVEUSERDATA=1). A real synced profile whose key is remembered in the real keyring,
the demo server's data, logs and settings, in a private HOME so that the defaults
(platformdirs' folders) point into the test's own folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cache.keystore import CredentialStore
from cache.profile import Profile
from client.session import refresh_entry
from tests.demo import DemoServer, synced_session

ROOT = Path(__file__).resolve().parents[2]


def run_main(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """A private HOME: XDG folders inside it, the same D-Bus session (the keyring)."""
    env = dict(os.environ)
    env.update(
        HOME=str(tmp_path / "home"),
        XDG_DATA_HOME=str(tmp_path / "home" / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "home" / "config"),
        TMPDIR=str(tmp_path / "tmp"),
    )
    (tmp_path / "tmp").mkdir()
    return env


def test_it_lists_first_and_removes_only_when_told(
    demo_server: DemoServer, home: dict[str, str]
) -> None:
    data = Path(home["XDG_DATA_HOME"]) / "MinistryIntranet"
    profiles = data / "profiles"
    session = synced_session(demo_server.url, profiles)
    profile = session.profile
    session.close()
    credentials = CredentialStore()
    assert credentials.load(profile.credential_entry) is not None  # remembered
    (data / "logs").mkdir()
    (data / "logs" / "intranet.log").write_text("a line\n", encoding="utf-8")
    settings = Path(home["XDG_CONFIG_HOME"]) / "MinistryIntranet" / "MinistryIntranet.ini"
    settings.parent.mkdir(parents=True)
    settings.write_text("[signin]\nlast_username=staff\n", encoding="utf-8")
    opened = Path(home["TMPDIR"]) / "MinistryIntranet-open-0123456789abcdef"
    opened.mkdir()

    listed = run_main(home, "remove-user-data")
    assert listed.returncode == 2, listed.stderr
    assert f"would remove {profile.folder}" in listed.stdout
    assert f"would remove {settings}" in listed.stdout
    assert "--yes" in listed.stdout
    assert profile.db_path.exists() and settings.exists()  # nothing removed
    assert credentials.load(profile.credential_entry) is not None

    removed = run_main(home, "remove-user-data", "--yes")
    assert removed.returncode == 0, removed.stderr
    assert not data.exists() and not settings.exists() and not opened.exists()
    assert credentials.load(profile.credential_entry) is None
    assert credentials.load(refresh_entry(profile)) is None
    assert f"removed {profile.folder}" in removed.stdout

    again = run_main(home, "remove-user-data", "--yes")
    assert again.returncode == 0
    assert "nothing of this app is kept" in again.stdout


def test_a_damaged_keyfile_does_not_stop_the_removal(
    demo_server: DemoServer, home: dict[str, str], tmp_path: Path
) -> None:
    profiles = tmp_path / "profiles"
    session = synced_session(demo_server.url, profiles)
    profile: Profile = session.profile
    session.close()
    other = profiles / ("f" * 32)  # a second profile whose keyfile is damaged
    other.mkdir()
    (other / "keyfile.json").write_text("{not json", encoding="utf-8")
    (other / "cache.db").write_bytes(b"\0" * 64)
    (profiles / "MinistryIntranet.ini").write_text("", encoding="utf-8")

    removed = run_main(home, "--profile-dir", str(profiles), "remove-user-data", "--yes")
    assert removed.returncode == 0, removed.stderr
    assert not profile.folder.exists() and not other.exists()
    assert not (profiles / "device.json").exists()
    assert not (profiles / "MinistryIntranet.ini").exists()
    assert CredentialStore().load(profile.credential_entry) is None
