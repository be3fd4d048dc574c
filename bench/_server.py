"""What the benchmarks share: the server as a subprocess, and peak memory from /proc."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def peak_rss_mb(pid: int | str = "self") -> float:
    """A process's peak resident memory (VmHWM, the kernel's own high-water mark)."""
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else float("nan")


def start_server(data_dir: Path, seed: str) -> tuple[subprocess.Popen[str], str]:
    """``python -m server`` on a free loopback port (seeding an empty data dir first);
    returns the process and its base URL, once it listens."""
    command = [sys.executable, "-m", "server", "--port", "0", "--data-dir", str(data_dir)]
    process = subprocess.Popen(
        [*command, "--seed", seed], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    for line in process.stdout:
        print(f"  server: {line.rstrip()}", flush=True)
        match = re.fullmatch(r"Listening on (\S+)", line.strip())
        if match:
            return process, match.group(1)
    raise SystemExit("the server did not start")
