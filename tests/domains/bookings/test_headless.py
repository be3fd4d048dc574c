"""``python main.py bookings``: the tab's queries, commands and outbox from a script, over
the demo server, in a process of its own (as helpdesk staff run it)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import vobject

from tests.demo import DemoServer
from tests.domains.bookings.slots import evening_slot

ROOT = Path(__file__).resolve().parents[3]


def run_main(server: DemoServer, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "main.py", "--profile-dir", str(profile), "bookings"]
    command += ["--server", server.url, "--username", "head", "--password-stdin", *args]
    return subprocess.run(
        command, cwd=ROOT, input="demo\n", capture_output=True, text=True, timeout=300, check=False
    )


def test_find_book_export_and_cancel_from_a_script(demo_server: DemoServer, tmp_path: Path) -> None:
    start, end = evening_slot()
    span = ["--start", f"{start:%Y-%m-%dT%H:%M}", "--end", f"{end:%Y-%m-%dT%H:%M}"]
    profile = tmp_path / "profiles"

    free = run_main(demo_server, profile, "free", *span, "--people", "6")
    assert free.returncode == 0, free.stderr
    assert "availability as of" in free.stdout
    rooms = re.findall(r"^  (room-\d+) ", free.stdout, re.M)
    assert rooms

    booked = run_main(
        demo_server, profile, "book", "--room", rooms[0], "--title", "Növbətçi", *span
    )
    assert booked.returncode == 0, booked.stderr
    (booking_id,) = re.findall(r"^Confirmed: (bkg-\w+)$", booked.stdout, re.M)

    again = run_main(demo_server, profile, "book", "--room", rooms[0], "--title", "İkinci", *span)
    assert again.returncode == 1 and "room: taken" in again.stderr
    assert "nothing was queued" in again.stderr

    out = tmp_path / "booking.ics"
    exported = run_main(demo_server, profile, "export", "--booking", booking_id, "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    (event,) = vobject.readOne(out.read_text(encoding="utf-8")).vevent_list
    assert event.summary.value == "Növbətçi" and event.dtstart.value == start

    cancelled = run_main(demo_server, profile, "cancel", "--booking", booking_id)
    assert cancelled.returncode == 0 and "Cancelled." in cancelled.stdout
    rebooked = run_main(demo_server, profile, "book", "--room", rooms[0], "--title", "Yenə", *span)
    assert rebooked.returncode == 0 and "Confirmed: bkg-" in rebooked.stdout


def test_a_bad_time_is_a_clear_error(demo_server: DemoServer, tmp_path: Path) -> None:
    result = run_main(demo_server, tmp_path, "free", "--start", "tomorrow", "--end", "x")
    assert result.returncode == 2 and "is not a time like 2026-12-01T10:00" in result.stderr
