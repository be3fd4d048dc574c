"""Start-up time of the app with the ``large`` cache, unlocked through the credential store.

    dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock \\
        --components=secrets >/dev/null; uv run --locked python bench/startup.py'
    ... bench/startup.py --data-dir /tmp/bench-large   # reuse (or keep) a seeded server

Seeds ``large`` into a temporary server folder (once: ``--data-dir`` is reused when it is
already seeded), syncs it headlessly with ``main.py sync`` into a fresh profile folder
(which keeps the cache key in the credential store), writes that folder's settings as a
previous run would (last user, server), then starts ``python main.py --profile-dir ...
--startup-probe`` several times and reports, for each start, the time from process
creation to the first window on screen (the start-up splash: target under 0.5 s), to the
first paint of the main window with the directory's lists filled (target: under 1 s),
and the process's resident memory at that moment. Each start of the app is paired with
a start of a bare PySide6 window (``BARE_WINDOW``: QApplication, one QLabel, painted) in
the same run, so the noise of a shared machine hits both; the ratio is app / bare.

``--profile-dir`` keeps the synced profile (and its settings) for the next run: its key
then stays in the credential store of the session the bench runs in.

The first start compiles the byte-code (into a temporary ``PYTHONPYCACHEPREFIX``, even
where ``PYTHONDONTWRITEBYTECODE`` is set) and is reported apart: an installed app ships
its byte-code, so the later starts are the ones that count. ``--cold-runs N`` adds N
starts without any byte-code (an empty ``PYTHONPYCACHEPREFIX`` and
``PYTHONDONTWRITEBYTECODE=1``: every module, the standard library's too, is compiled),
which is what an install without compiled byte-code pays (docs/startup.md).

It needs a working credential store (Secret Service): run it as above, like scripts/test.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402
from keyring.backends import fail  # noqa: E402

from server.config import Settings  # noqa: E402
from server.runner import SeedSize, ServerThread, seed_if_empty  # noqa: E402

PROBE = re.compile(r"startup-probe painted-at=([\d.]+) rss-mb=([\d.na]+)")
FIRST_WINDOW = re.compile(r"startup-probe first-window-at=([\d.]+)")
CPU = re.compile(r"cpu-s=([\d.]+)")

BARE_WINDOW = """
import sys, time
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel("Intranet")
label.resize(420, 120)
label.show()
label.repaint()
print(f"bare painted-at={time.time():.3f} cpu-s={time.process_time():.3f}", flush=True)
"""


def seed(data_dir: Path, size: SeedSize) -> Settings:
    settings = Settings(data_dir=data_dir)
    started = time.perf_counter()
    if seed_if_empty(settings, size):
        print(f"seeded {size!r} into {data_dir} in {time.perf_counter() - started:.0f} s")
    else:
        print(f"reusing the seeded server data in {data_dir}")
    return settings


def sync(server: ServerThread, profile: Path, env: dict[str, str]) -> None:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "main.py", "--profile-dir", str(profile), "sync",
         "--server", server.base_url, "--username", "staff", "--password-stdin"],
        input="demo\n", text=True, capture_output=True, cwd=ROOT, env=env, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"main.py sync failed:\n{done.stdout}\n{done.stderr}")
    people = re.search(r"^people\s+(\d+)", done.stdout, re.MULTILINE)
    print(
        f"synced headlessly in {time.perf_counter() - started:.0f} s "
        f"({people.group(1) if people else '?'} people in the cache)"
    )


def _kept_port(profile: Path) -> int | None:
    """The server port a kept profile was synced from (its settings say), if any."""
    found = re.search(
        r"^url=http://127\.0\.0\.1:(\d+)$",
        (profile / "MinistryIntranet.ini").read_text(encoding="utf-8")
        if (profile / "MinistryIntranet.ini").exists()
        else "",
        re.MULTILINE,
    )
    return int(found.group(1)) if found else None


def write_settings(profile: Path, server_url: str, language: str) -> None:
    """What the app keeps after a sign-in with "remember me" (ui.settings.UserSettings)."""
    (profile / "MinistryIntranet.ini").write_text(
        f"[server]\nurl={server_url}\n\n[signin]\nlast_username=staff\nremember=true\n\n"
        f"[ui]\nlanguage={language}\n",
        encoding="utf-8",
    )


@dataclass(frozen=True)
class Start:
    """One start, in seconds from process creation (``cpu``: the process's CPU time at
    the paint, all threads: what the start cost, less sensitive to a busy machine)."""

    first_window: float
    painted: float
    cpu: float
    rss_mb: float


def _cpu(out: str) -> float:
    found = CPU.search(out)
    return float(found.group(1)) if found else float("nan")


def bare_once(env: dict[str, str]) -> Start:
    """Process start to the first paint of a bare PySide6 window (the floor)."""
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", BARE_WINDOW], env=env, capture_output=True, text=True,
        timeout=60, check=True,
    )  # fmt: skip
    found = re.search(r"bare painted-at=([\d.]+)", done.stdout)
    if found is None:
        raise SystemExit(f"no line from the bare window:\n{done.stdout}\n{done.stderr}")
    painted = float(found.group(1)) - started
    return Start(painted, painted, _cpu(done.stdout), float("nan"))


def start_once(profile: Path, env: dict[str, str]) -> Start:
    """The app with the kept profile: its splash, then its main window, painted."""
    started = time.time()
    process = subprocess.Popen(
        [sys.executable, "main.py", "--profile-dir", str(profile), "--startup-probe"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        out, err = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        raise SystemExit("the app did not show its window within 2 minutes") from None
    found, first = PROBE.search(out), FIRST_WINDOW.search(out)
    if found is None:
        raise SystemExit(f"no probe line from the app:\n{out}\n{err}")
    painted = float(found.group(1)) - started
    # An app without a splash (before 2026-11) has its main window as its first window.
    first_at = float(first.group(1)) - started if first else painted
    return Start(first_at, painted, _cpu(out), float(found.group(2)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, help="server data folder (seeded if empty)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--language", default="az")
    parser.add_argument("--size", choices=("large", "demo"), default="large")
    parser.add_argument("--profile-dir", type=Path, help="keep the synced profile here, reuse it")
    parser.add_argument("--cold-runs", type=int, default=0, help="starts without byte-code")
    args = parser.parse_args()
    if isinstance(keyring.get_keyring(), fail.Keyring):
        print("no credential store: run this under dbus-run-session with gnome-keyring "
              "(see the docstring)", file=sys.stderr)  # fmt: skip
        return 2

    with tempfile.TemporaryDirectory(prefix="bench-startup-") as temporary:
        scratch = Path(temporary)
        settings = seed(args.data_dir or scratch / "server", args.size)
        profile = args.profile_dir or scratch / "profile"
        kept_port = _kept_port(profile) if args.profile_dir else None
        # A profile belongs to one server address: a kept one needs the same port again.
        server = ServerThread(settings, port=kept_port or 0).start()
        try:
            env = {
                **os.environ,
                "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                "MINISTRY_INTRANET_POLICY": str(scratch / "no-policy.json"),
                # Byte-code as an installed app has it, kept out of the source tree.
                "PYTHONPYCACHEPREFIX": str(scratch / "pycache"),
            }
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            if kept_port is None:
                sync(server, profile, env)
            else:
                print(f"reusing the synced profile in {profile}")
            write_settings(profile, server.base_url, args.language)
            cold = start_once(profile, env)  # also leaves the byte-code for the next runs
            bare_once(env)  # PySide6's own byte-code, for the bare window
            runs = [(bare_once(env), start_once(profile, env)) for _ in range(args.runs)]
            no_bytecode = []
            for index in range(args.cold_runs):
                empty = scratch / f"no-pycache-{index}"
                empty.mkdir()
                bare_env = {**env, "PYTHONPYCACHEPREFIX": str(empty),
                            "PYTHONDONTWRITEBYTECODE": "1"}  # fmt: skip
                no_bytecode.append((bare_once(env), start_once(profile, bare_env)))
        finally:
            server.stop()
    report(cold, runs, env["QT_QPA_PLATFORM"])
    if no_bytecode:
        print("\nwithout byte-code (nothing compiled, nothing written):")
        print_runs(no_bytecode)
        print_medians(no_bytecode)
    return 0


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:6.0f} ms"


def print_runs(runs: list[tuple[Start, Start]]) -> None:
    for index, (bare, app) in enumerate(runs, start=1):
        print(f"  run {index}: bare {_ms(bare.painted)} (cpu {_ms(bare.cpu)})   first window "
              f"{_ms(app.first_window)}   main window {_ms(app.painted)} (cpu {_ms(app.cpu)})"
              f"   {app.rss_mb:5.0f} MB")  # fmt: skip


def print_medians(runs: list[tuple[Start, Start]]) -> None:
    def median(values: list[float]) -> float:
        return statistics.median(values)

    bare = median([b.painted for b, _ in runs])
    bare_cpu = median([b.cpu for b, _ in runs])
    first = median([a.first_window for _, a in runs])
    painted = median([a.painted for _, a in runs])
    cpu = median([a.cpu for _, a in runs])
    print(f"median: bare window {_ms(bare)}; first window {_ms(first)} (target < 500 ms; "
          f"{first / bare:.1f}x bare); main window {_ms(painted)} (target < 1000 ms; "
          f"{painted / bare:.1f}x bare)")  # fmt: skip
    rss = median([a.rss_mb for _, a in runs])
    print(f"        CPU time to the paint: bare {_ms(bare_cpu)}, main window {_ms(cpu)} "
          f"({cpu / bare_cpu:.1f}x); memory {rss:.0f} MB")  # fmt: skip


def report(cold: Start, runs: list[tuple[Start, Start]], platform: str) -> None:
    print(f"\nstart to first paint ({platform}); bare PySide6 window, app's first window, "
          "app's main window with the directory filled:")  # fmt: skip
    print(f"  first start (byte-code compiled): first window {_ms(cold.first_window)}, "
          f"main window {_ms(cold.painted)}, {cold.rss_mb:5.0f} MB")  # fmt: skip
    print_runs(runs)
    print_medians(runs)


if __name__ == "__main__":
    raise SystemExit(main())
