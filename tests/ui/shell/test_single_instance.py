"""One app per user: a second start knocks, the first comes forward."""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
import uuid
from pathlib import Path

from pytestqt.qtbot import QtBot

from cache.profile import default_profiles_root
from ui.single_instance import SingleInstance, instance_name
from ui.startup import ALREADY_RUNNING

ROOT = Path(__file__).resolve().parents[3]


def test_the_second_instance_asks_the_first_to_come_forward(qtbot: QtBot) -> None:
    name = f"test-instance-{uuid.uuid4().hex[:8]}"
    first = SingleInstance(name)
    assert first.claim()
    second = SingleInstance(name)
    with qtbot.waitSignal(first.activated, timeout=5000):
        assert not second.claim()
    first.release()
    third = SingleInstance(name)
    assert third.claim()  # the first is gone: the next start runs
    third.release()


def test_a_second_process_exits_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    """The real entry point: ``python main.py`` while one runs returns 0 and shows nothing."""
    name = instance_name(tmp_path)
    first = SingleInstance(name)
    assert first.claim()
    with qtbot.waitSignal(first.activated, timeout=30_000):
        process = subprocess.Popen(
            [sys.executable, "main.py", "--profile-dir", str(tmp_path)],
            cwd=Path(__file__).resolve().parents[3],
        )
        try:
            # The event loop runs meanwhile, so the first instance answers the knock.
            qtbot.waitUntil(lambda: process.poll() is not None, timeout=30_000)
        finally:
            if process.poll() is None:
                process.kill()
    assert process.returncode == 0
    first.release()


def test_names_differ_per_profile_folder(tmp_path: Path) -> None:
    assert instance_name(tmp_path / "a") != instance_name(tmp_path / "b")
    assert instance_name(None) == instance_name(None)
    assert "ministry-intranet-" in instance_name(None)


def test_the_name_is_keyed_on_the_real_profile_folder(tmp_path: Path) -> None:
    """No folder given means the default one: the same caches, so the same instance."""
    assert instance_name(None) == instance_name(default_profiles_root())
    assert instance_name(tmp_path / "a" / ".." / "b") == instance_name(tmp_path / "b")


def test_a_second_real_start_hands_over_and_says_so(tmp_path: Path) -> None:
    """Two ``main.py`` processes on one profile: the second prints one line and exits."""
    command = [sys.executable, "main.py", "--profile-dir", str(tmp_path), "--report-windows"]
    first = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(
            target=lambda: [lines.put(line) for line in first.stdout or []], daemon=True
        ).start()
        assert lines.get(timeout=60).strip() == "shown: SignInDialog"
        second = subprocess.run(
            [sys.executable, "main.py", "--profile-dir", str(tmp_path / "." / "")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert second.returncode == 0
        assert second.stdout.splitlines() == [ALREADY_RUNNING]
        assert first.poll() is None  # the first one still runs, brought forward
    finally:
        first.terminate()
        first.wait(30)
        if first.stdout is not None:
            first.stdout.close()
