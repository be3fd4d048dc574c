"""Start-up time of the app with the ``large`` cache, unlocked through the credential store.

    dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock \\
        --components=secrets >/dev/null; uv run --locked python bench/startup.py'
    ... bench/startup.py --data-dir /tmp/bench-large   # reuse (or keep) a seeded server

Seeds ``large`` into a temporary server folder (once: ``--data-dir`` is reused when it is
already seeded), syncs it headlessly with ``main.py sync`` into a fresh profile folder
(which keeps the cache key in the credential store), writes that folder's settings as a
previous run would (last user, server), then starts ``python main.py --profile-dir ...
--startup-probe`` several times and reports, for each start, the time from process
creation to the first paint of the main window with the directory's lists filled, and
the process's resident memory at that moment. The target: under 1 second.

The first start compiles the byte-code (into a temporary ``PYTHONPYCACHEPREFIX``, even
where ``PYTHONDONTWRITEBYTECODE`` is set) and is reported apart: an installed app ships
its byte-code, so the later starts are the ones that count.

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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402
from keyring.backends import fail  # noqa: E402

from server.config import Settings  # noqa: E402
from server.runner import SeedSize, ServerThread, seed_if_empty  # noqa: E402

PROBE = re.compile(r"startup-probe painted-at=([\d.]+) rss-mb=([\d.na]+)")


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


def write_settings(profile: Path, server_url: str, language: str) -> None:
    """What the app keeps after a sign-in with "remember me" (ui.settings.UserSettings)."""
    (profile / "MinistryIntranet.ini").write_text(
        f"[server]\nurl={server_url}\n\n[signin]\nlast_username=staff\nremember=true\n\n"
        f"[ui]\nlanguage={language}\n",
        encoding="utf-8",
    )


def start_once(profile: Path, env: dict[str, str]) -> tuple[float, float]:
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
    found = PROBE.search(out)
    if found is None:
        raise SystemExit(f"no probe line from the app:\n{out}\n{err}")
    return float(found.group(1)) - started, float(found.group(2))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, help="server data folder (seeded if empty)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--language", default="az")
    parser.add_argument("--size", choices=("large", "demo"), default="large")
    args = parser.parse_args()
    if isinstance(keyring.get_keyring(), fail.Keyring):
        print("no credential store: run this under dbus-run-session with gnome-keyring "
              "(see the docstring)", file=sys.stderr)  # fmt: skip
        return 2

    with tempfile.TemporaryDirectory(prefix="bench-startup-") as temporary:
        scratch = Path(temporary)
        settings = seed(args.data_dir or scratch / "server", args.size)
        server = ServerThread(settings).start()
        try:
            profile = scratch / "profile"
            env = {
                **os.environ,
                "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                "MINISTRY_INTRANET_POLICY": str(scratch / "no-policy.json"),
                # Byte-code as an installed app has it, kept out of the source tree.
                "PYTHONPYCACHEPREFIX": str(scratch / "pycache"),
            }
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            sync(server, profile, env)
            write_settings(profile, server.base_url, args.language)
            cold = start_once(profile, env)  # also leaves the byte-code for the next runs
            results = [start_once(profile, env) for _ in range(args.runs)]
        finally:
            server.stop()

    print(f"\nstart to first paint with the directory filled ({env['QT_QPA_PLATFORM']}):")
    print(f"  first start (byte-code compiled): {cold[0] * 1000:6.0f} ms   {cold[1]:5.0f} MB")
    for index, (seconds, rss) in enumerate(results, start=1):
        print(f"  run {index}: {seconds * 1000:6.0f} ms   resident memory {rss:5.0f} MB")
    times = [seconds for seconds, _ in results]
    print(
        f"median {statistics.median(times) * 1000:.0f} ms, best {min(times) * 1000:.0f} ms "
        f"(target: under 1000 ms); memory {statistics.median(r for _, r in results):.0f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
