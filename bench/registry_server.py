"""The online mode's query (``GET /registries/{id}/rows``) on a million registry rows.

    uv run --locked python bench/registry_server.py --data-dir /tmp/bench-large [--runs 30]

Copies the seeded server's database (the original is never written), builds the
expression indexes of the columns the pages use (``ensure_row_indexes``), serves it on
loopback and asks as ``analyst`` for filtered, sorted pages of 100 rows of the health
workers (500 000 rows of the 1 000 000 in ``registry_rows``): p50 and p95 over the
runs. Anchor: a plain page (the first 100 rows by ``seq``) through ``sqlite3`` alone
(no HTTP, no JSON, no filter), in the same run. SQLite only (PostgreSQL: not run here).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from server.config import Settings  # noqa: E402
from server.db import Database, sqlite_url_for  # noqa: E402
from server.registry_query import ensure_row_indexes  # noqa: E402
from server.runner import ServerThread  # noqa: E402

REGISTRY = "reg-health-workers"
VIEWS: dict[str, dict[str, Any]] = {
    "district pick, sorted by name": {
        "filters": [{"column": "district", "kind": "choice", "values": ["Gəncə şəhəri"]}],
        "sort": "full_name",
    },
    "experience 10-20, sorted by licence date": {
        "filters": [{"column": "experience_years", "kind": "range", "low": 10, "high": 20}],
        "sort": "license_valid_until",
    },
    "name starts with 'məm', sorted by name": {
        "filters": [{"column": "full_name", "kind": "text", "text": "məm", "mode": "starts"}],
        "sort": "full_name",
    },
}


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/bench-large"))  # noqa: S108
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="registry-server-") as folder:
        data = Path(folder)
        for name in ("intranet.sqlite3", "server.key"):
            shutil.copy2(args.data_dir / name, data / name)
        started = time.perf_counter()
        db = Database(sqlite_url_for(data))
        with db.write() as conn:
            ensure_row_indexes(
                conn, False, frozenset({"district", "experience_years", "full_name",
                                        "license_valid_until"})
            )  # fmt: skip
        db.dispose()
        print(f"indexes built in {time.perf_counter() - started:.1f} s", flush=True)
        server = ServerThread(Settings(data_dir=data)).start()
        try:
            with httpx.Client(base_url=f"{server.base_url}/api/v1", timeout=60) as http:
                login = http.post(
                    "/auth/login",
                    json={
                        "username": "analyst",
                        "password": "demo",
                        "device_id": "bench-registries",
                        "device_name": "bench",
                    },
                ).json()
                headers = {"Authorization": f"Bearer {login['access_token']}"}
                raw = sqlite3.connect(data / "intranet.sqlite3")
                print(
                    "| page of 100 rows | p50 (ms) | p95 (ms) | plain page, raw sqlite3 p50 (ms) |"
                )
                print("|---|---|---|---|")
                for label, view in VIEWS.items():
                    params = {"filters": json.dumps(view["filters"]), "sort": view["sort"]}
                    samples, after = [], None
                    for _ in range(args.runs):
                        query = {**params, "limit": 100, **({"after": after} if after else {})}
                        begun = time.perf_counter()
                        answer = http.get(
                            f"/registries/{REGISTRY}/rows", params=query, headers=headers
                        )
                        samples.append((time.perf_counter() - begun) * 1000)
                        assert answer.status_code == 200, answer.text
                        after = answer.json()["next"]
                    anchor = []
                    for _ in range(5):
                        begun = time.perf_counter()
                        raw.execute(
                            "SELECT body FROM registry_rows WHERE registry_id = ? "
                            "ORDER BY seq LIMIT 100", (REGISTRY,)
                        ).fetchall()  # fmt: skip
                        anchor.append((time.perf_counter() - begun) * 1000)
                    print(
                        f"| {label} | {statistics.median(samples):.1f} | "
                        f"{percentile(samples, 0.95):.1f} | {statistics.median(anchor):.1f} |"
                    )
        finally:
            server.stop()


if __name__ == "__main__":
    main()
