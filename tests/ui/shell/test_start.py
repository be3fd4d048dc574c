"""Whole starts of the real app (``main.py`` processes), as a user meets them."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

from tests.server.conftest import PASSWORD, World

ROOT = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_demo(profile: Path, port: int) -> subprocess.CompletedProcess[str]:
    """``main.py --demo`` on its own profile and demo data; ``--report-windows`` prints
    each window shown, submits the demo's filled-in dialog and quits from the window."""
    return subprocess.run(
        [
            sys.executable,
            "main.py",
            "--demo",
            "--profile-dir",
            str(profile),
            "--demo-port",
            str(port),
            "--report-windows",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def shown(run: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in run.stdout.splitlines() if line.startswith("shown: ")]


def test_the_demo_started_twice_shows_the_main_window_the_second_time(tmp_path: Path) -> None:
    profile, port = tmp_path / "profile", free_port()
    first = start_demo(profile, port)
    assert first.returncode == 0, first.stderr
    assert shown(first) == ["shown: SignInDialog", "shown: MainWindow"]
    assert (profile / "demo-server").is_dir()  # the demo's data, kept with the profile

    second = start_demo(profile, port)  # the remembered key opens the window, no dialog
    assert second.returncode == 0, second.stderr
    assert shown(second) == ["shown: MainWindow"]


def test_the_headless_command_speaks_in_sentences(world: World, tmp_path: Path) -> None:
    def sync(*extra: str, password: str = PASSWORD) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                *(sys.executable, "main.py", "--profile-dir", str(tmp_path), "sync"),
                *("--server", world.server.base_url, "--username", "staff", "--password-stdin"),
                *extra,
            ],
            cwd=ROOT,
            input=password + "\n",
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    assert sync().returncode == 0  # online once: the offline data exists
    wrong = sync("--offline", password="not the password")
    assert wrong.returncode == 1
    assert wrong.stderr.strip() == (
        "error: The password is incorrect: it was checked against the offline data on this "
        "computer. Wait 1 second before trying again."
    )
    world.server.stop()
    down = sync()
    assert down.returncode == 1
    assert down.stderr.strip() == (
        f"error: The server {world.server.base_url} cannot be reached. Check the network "
        "connection and the address."
    )
