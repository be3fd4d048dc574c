"""The online mode's query (``GET /registries/{id}/rows``) on a million registry rows.

    uv run --locked python bench/registry_server.py --data-dir /tmp/bench-large [--runs 30]

Copies the seeded server's database (the original is never written; ``--work-dir``
keeps the copy and its indexes for the next run), or with ``--database-url`` uses a
PostgreSQL database (seeded with ``large`` when empty); starts the server on loopback,
which builds the query's indexes in the background (timed; one page asked meanwhile),
waits for them, then asks as ``analyst`` for filtered, sorted pages of 100 rows of the
health workers (500 000 rows of the 1 000 000 in ``registry_rows``): p50, p95 and the
process's CPU per page (client and server share it), per round. Anchor: a plain page
(the first 100 rows by ``seq``) read through the server's own engine, in the same
round (no HTTP, no JSON, no filter). ``--aggregates``: then the view's count, the pick
lists, the ATC tree and a jump by offset (``aggregates``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from server.config import Settings  # noqa: E402
from server.runner import ServerThread, seed_if_empty  # noqa: E402

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


def timed(work: Any, runs: int = 3) -> tuple[float, float, Any]:
    """Median wall and CPU (ms) of ``runs`` calls, and the last answer."""
    walls, cpus, answer = [], [], None
    for _ in range(runs):
        begun, begun_cpu = time.perf_counter(), time.process_time()
        answer = work()
        walls.append((time.perf_counter() - begun) * 1000)
        cpus.append((time.process_time() - begun_cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus), answer


def aggregates(http: httpx.Client, headers: dict[str, str], db: Any) -> None:
    """The online mode's aggregates (``/count``, ``/choices``, ``/atc``, ``/rows?offset``),
    medians of 3; anchors through the server's engine: a plain count of the registry,
    and a pick list grouped over the rows' JSON without the index (once)."""

    def get(path: str, **params: Any) -> Any:
        answer = http.get(path, params=params, headers=headers)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def scalar(sql: str, runs: int = 3) -> tuple[float, float, Any]:
        def read() -> Any:
            with db.read() as conn:
                return conn.execute(text(sql), {"r": REGISTRY}).all()

        return timed(read, runs)

    print("| aggregate | p50 (ms) | CPU (ms) | answer |")
    print("|---|---|---|---|")
    wall, cpu, _ = scalar("SELECT count(*) FROM registry_rows WHERE registry_id = :r")
    print(f"| anchor: count(*) of the registry (engine) | {wall:.1f} | {cpu:.1f} | |")
    for label, view in VIEWS.items():
        filters = json.dumps(view["filters"])
        wall, cpu, answer = timed(partial(get, f"/registries/{REGISTRY}/count", filters=filters))
        print(f"| count: {label} | {wall:.1f} | {cpu:.1f} | {answer['count']} |", flush=True)
    for column in ("gender", "district", "specialty"):
        wall, cpu, answer = timed(partial(get, f"/registries/{REGISTRY}/choices", column=column))
        print(f"| choices: {column} | {wall:.1f} | {cpu:.1f} | {len(answer)} values |", flush=True)
    spelled = (
        "json_extract(body, '$.values.district')"
        if db.is_sqlite
        else ("(body::jsonb -> 'values' ->> 'district')")
    )
    wall, cpu, _ = scalar(
        f"SELECT {spelled}, count(*) FROM registry_rows WHERE registry_id = :r GROUP BY 1", 1
    )
    print(
        f"| anchor: district grouped over the JSON, no index (engine) | {wall:.1f} | {cpu:.1f} | |"
    )
    for parent in ("", "A", "A02"):
        wall, cpu, answer = timed(partial(get, "/registries/reg-medicines/atc", parent=parent))
        print(
            f"| ATC under '{parent}' | {wall:.1f} | {cpu:.1f} | {len(answer)} groups |", flush=True
        )
    for offset in (1_000, 400_000):
        wall, cpu, answer = timed(
            partial(get, f"/registries/{REGISTRY}/rows", sort="full_name", offset=offset, limit=100)
        )
        print(f"| jump: page at offset {offset}, sorted by name | {wall:.1f} | {cpu:.1f} | |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/bench-large"))  # noqa: S108
    parser.add_argument("--runs", type=int, default=30, help="pages per view and round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--work-dir",
        type=Path,
        help="keep the copy (and its indexes) here for the next run (default: a temp dir)",
    )
    parser.add_argument(
        "--database-url",
        help="PostgreSQL: seeded with --seed large if empty (instead of copying SQLite)",
    )
    parser.add_argument(
        "--aggregates",
        action="store_true",
        help="also the count of each view, the pick lists, the ATC tree and a jump",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="registry-server-") as folder:
        data = args.work_dir or Path(folder)
        data.mkdir(parents=True, exist_ok=True)
        if not (data / "server.key").exists():
            shutil.copy2(args.data_dir / "server.key", data / "server.key")
        if args.database_url is None and not (data / "intranet.sqlite3").exists():
            shutil.copy2(args.data_dir / "intranet.sqlite3", data / "intranet.sqlite3")
        settings = Settings(data_dir=data, database_url=args.database_url)
        if args.database_url is not None:
            started = time.perf_counter()
            if seed_if_empty(settings, "large"):
                print(f"seeded large in {time.perf_counter() - started:.0f} s", flush=True)
        started = time.perf_counter()
        server = ServerThread(settings).start()
        print(f"server started in {time.perf_counter() - started:.1f} s", flush=True)
        try:
            with httpx.Client(base_url=f"{server.base_url}/api/v1", timeout=600) as http:
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
                builder = server.app.state.registry_indexes
                if not builder.wait(0):
                    # The server answers while its indexes build: one page meanwhile.
                    view = next(iter(VIEWS.values()))
                    begun = time.perf_counter()
                    answer = http.get(
                        f"/registries/{REGISTRY}/rows",
                        params={"filters": json.dumps(view["filters"]), "sort": view["sort"]},
                        headers=headers,
                    )
                    assert answer.status_code == 200, answer.text
                    print(
                        f"a page while the indexes build: {time.perf_counter() - begun:.1f} s",
                        flush=True,
                    )
                    builder.wait()
                    print(
                        f"{len(builder.built)} indexes built in the background, "
                        f"{time.perf_counter() - started:.0f} s after start",
                        flush=True,
                    )
                db = server.app.state.services.db
                print(f"database: {'SQLite' if db.is_sqlite else 'PostgreSQL'}")
                print(
                    "| page of 100 rows | p50 (ms) | p95 (ms) | CPU/page (ms) "
                    "| anchor p50 (ms) | anchor CPU (ms) |"
                )
                print("|---|---|---|---|---|---|")
                for round_number in range(args.rounds):
                    for label, view in VIEWS.items():
                        params = {"filters": json.dumps(view["filters"]), "sort": view["sort"]}
                        samples, cpu, after = [], [], None
                        for _ in range(args.runs):
                            query = {**params, "limit": 100, **({"after": after} if after else {})}
                            begun, begun_cpu = time.perf_counter(), time.process_time()
                            answer = http.get(
                                f"/registries/{REGISTRY}/rows", params=query, headers=headers
                            )
                            samples.append((time.perf_counter() - begun) * 1000)
                            cpu.append((time.process_time() - begun_cpu) * 1000)
                            assert answer.status_code == 200, answer.text
                            after = answer.json()["next"]
                        anchor, anchor_cpu = [], []
                        for _ in range(5):
                            begun, begun_cpu = time.perf_counter(), time.process_time()
                            with db.read() as conn:
                                conn.execute(
                                    text(
                                        "SELECT body FROM registry_rows WHERE registry_id = :r "
                                        "ORDER BY seq LIMIT 100"
                                    ),
                                    {"r": REGISTRY},
                                ).all()
                            anchor.append((time.perf_counter() - begun) * 1000)
                            anchor_cpu.append((time.process_time() - begun_cpu) * 1000)
                        print(
                            f"| {label} (round {round_number + 1}) "
                            f"| {statistics.median(samples):.1f} "
                            f"| {percentile(samples, 0.95):.1f} | {statistics.median(cpu):.1f} "
                            f"| {statistics.median(anchor):.1f} "
                            f"| {statistics.median(anchor_cpu):.1f} |",
                            flush=True,
                        )
                if args.aggregates:
                    aggregates(http, headers, db)
                print(f"load average {os.getloadavg()[0]:.1f}")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
