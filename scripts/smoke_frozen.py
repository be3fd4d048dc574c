"""Smoke test of the built folder (dist/intranet, scripts/build): the BUILT executable,
not the source, starts offscreen with its embedded reference server on loopback
(``--demo``), signs in, syncs the demo data, opens every tab and quits cleanly. It fails
(exit 1, saying what) on anything else. ``--source`` runs ``python main.py`` the same
way, for the start-up figures next to the frozen ones.

    uv run --locked python -m scripts.smoke_frozen [--exe dist/intranet/Intranet] [--source]
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EXE = ROOT / "dist" / "intranet" / ("Intranet.exe" if os.name == "nt" else "Intranet")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def run(command: list[str], label: str) -> list[str]:
    """Runs one start; returns the problems found (none: passed). Prints the figures."""
    with tempfile.TemporaryDirectory(prefix="intranet-smoke-") as home:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": home,
            "XDG_DATA_HOME": f"{home}/data",
            "XDG_CONFIG_HOME": f"{home}/config",
            "LOCALAPPDATA": f"{home}/local",
            "APPDATA": f"{home}/roaming",
        }
        arguments = ["--demo", "--profile-dir", f"{home}/profile"]
        arguments += ["--demo-port", str(free_port()), "--smoke-test"]
        started = time.time()
        try:
            done = subprocess.run(  # noqa: S603 - our own build or main.py
                [*command, *arguments],
                cwd=home,  # nothing of the checkout is found by accident
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return [f"{label}: still running after 300 s"]
        ended = time.time()
        problems = _removal_problems(command, env, home, label)
    out = done.stdout
    if done.returncode != 0:
        problems.append(f"{label}: exit code {done.returncode}")
    if "Traceback" in done.stderr or "FAILED" in out:
        problems.append(f"{label}: an error was reported")
    marks = dict(re.findall(r"(first-window-at|main-window-at|synced-at)=([\d.]+)", out))
    for mark in ("first-window-at", "main-window-at", "synced-at"):
        if mark not in marks:
            problems.append(f"{label}: never reached {mark}")
    received = re.search(r"received=(\d+)", out)
    if received is None or int(received.group(1)) == 0:
        problems.append(f"{label}: the sync received nothing")
    tabs = re.search(r"tabs=(\d+)", out)
    opened = re.findall(r"^smoke: tab .* opened$", out, re.MULTILINE)
    if tabs is None or int(tabs.group(1)) == 0 or len(opened) != int(tabs.group(1)):
        problems.append(f"{label}: not every tab opened")
    if "data files present" not in out:
        problems.append(f"{label}: data files missing (translations, guide, style, icon)")
    if problems:
        print(out + done.stderr[-4000:], file=sys.stderr)
    else:
        first = float(marks["first-window-at"]) - started
        main = float(marks["main-window-at"]) - started
        print(
            f"{label}: first window {first:.2f} s, main window (demo server started, signed "
            f"in) {main:.2f} s, synced {received.group(1) if received else 0} rows, "
            f"{len(opened)} tab(s) opened, quit after {ended - started:.2f} s, exit 0"
        )
    return problems


def _removal_problems(command: list[str], env: dict[str, str], home: str, label: str) -> list[str]:
    """What the MSI's REMOVEUSERDATA=1 runs: ``remove-user-data --yes`` removes the
    profile the smoke start made (its cache, keyfile, demo server, settings)."""
    profile = Path(home) / "profile"
    removal = subprocess.run(  # noqa: S603 - our own build or main.py
        [*command, "--profile-dir", str(profile), "remove-user-data", "--yes"],
        cwd=home,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    left = sorted(p.name for p in profile.iterdir()) if profile.exists() else []
    if removal.returncode != 0 or "removed" not in removal.stdout or left:
        print(removal.stdout + removal.stderr[-2000:], file=sys.stderr)
        return [f"{label}: remove-user-data exit {removal.returncode}, left {left}"]
    print(f"{label}: remove-user-data removed {removal.stdout.count('removed ')} place(s)")
    return []


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--exe", type=Path, default=DEFAULT_EXE)
    parser.add_argument("--source", action="store_true", help="also run python main.py")
    args = parser.parse_args(argv)
    if not args.exe.exists():
        print(f"no built executable at {args.exe}: run scripts/build first", file=sys.stderr)
        return 1
    problems = run([str(args.exe)], "frozen")
    if args.source:
        problems += run([sys.executable, str(ROOT / "main.py")], "source")
    for problem in problems:
        print(f"FAILED {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
