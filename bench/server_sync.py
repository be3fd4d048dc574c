"""Full sync of the `large` data set through the API on loopback.

Reports rows per second per collection and overall, and the server process's peak
resident memory (VmHWM from /proc, the kernel's own high-water mark), which must stay
under 500 MB whatever the data size because pages stream in bounded memory.

    uv run python bench/server_sync.py                 # seeds `large` into a temp dir
    uv run python bench/server_sync.py --data-dir D    # reuse a seeded data dir (kept)
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import httpx
from _server import peak_rss_mb, start_server

COLLECTIONS = [
    "departments",
    "people",
    "rooms",
    "bookings",
    "folders",
    "documents",
    "shares",
    "registries",
    "regions",
    "indicators",
    "indicator_values",
]


def sync_collection(
    http: httpx.Client, auth: dict[str, str], collection: str, limit: int, **params: str
) -> tuple[int, int, int]:
    """(items, bytes, pages) for a full sync of one collection."""
    items = size = pages = 0
    cursor = None
    while True:
        query = {"limit": str(limit), **params, **({"since": cursor} if cursor else {})}
        response = http.get(f"/sync/{collection}", params=query, headers=auth)
        response.raise_for_status()
        page = response.json()
        items += len(page["items"])
        size += len(response.content)
        pages += 1
        cursor = page["cursor"]
        if not page["has_more"]:
            return items, size, pages


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data-dir", type=Path, help="a data dir to use (seeded if empty), kept afterwards"
    )
    parser.add_argument("--seed", default="large", choices=("demo", "large"))
    parser.add_argument("--limit", type=int, default=5000, help="page size")
    parser.add_argument(
        "--user", default="analyst", help="who syncs (analyst reads every registry)"
    )
    args = parser.parse_args()

    temp = None
    data_dir = args.data_dir
    if data_dir is None:
        temp = Path(tempfile.mkdtemp(prefix="bench-server-"))
        data_dir = temp / "data"
    started = time.perf_counter()
    process, base_url = start_server(data_dir, args.seed)
    url = f"{base_url}/api/v1"
    print(
        f"server ready after {time.perf_counter() - started:.1f} s "
        "(this includes seeding when the data dir was empty)"
    )
    print(f"server peak RSS after start: {peak_rss_mb(process.pid):.0f} MB")
    try:
        with httpx.Client(base_url=url, timeout=120) as http:
            login = http.post(
                "/auth/login",
                json={
                    "username": args.user,
                    "password": "demo",
                    "device_id": "bench-device-1",
                    "device_name": "bench",
                },
            )
            login.raise_for_status()
            auth = {"Authorization": f"Bearer {login.json()['access_token']}"}
            total_items = total_bytes = 0
            sync_started = time.perf_counter()
            print(f"{'collection':<28}{'rows':>10}{'pages':>7}{'MB':>8}{'s':>8}{'rows/s':>10}")

            def report(name: str, items: int, size: int, pages: int, seconds: float) -> None:
                rate = items / max(seconds, 1e-9)
                row = (
                    f"{name:<28}{items:>10}{pages:>7}{size / 1e6:>8.1f}{seconds:>8.2f}{rate:>10.0f}"
                )
                print(row, flush=True)

            for collection in COLLECTIONS:
                t0 = time.perf_counter()
                items, size, pages = sync_collection(http, auth, collection, args.limit)
                report(collection, items, size, pages, time.perf_counter() - t0)
                total_items += items
                total_bytes += size
            registries = sync_collection_items(http, auth)
            for registry in registries:
                t0 = time.perf_counter()
                items, size, pages = sync_collection(
                    http, auth, "registry_rows", args.limit, registry=registry["id"]
                )
                report(
                    f"registry_rows/{registry['code']}",
                    items,
                    size,
                    pages,
                    time.perf_counter() - t0,
                )
                total_items += items
                total_bytes += size
            elapsed = time.perf_counter() - sync_started
        print(
            f"\nfull sync: {total_items} rows, {total_bytes / 1e6:.0f} MB of JSON "
            f"in {elapsed:.1f} s = {total_items / elapsed:,.0f} rows/s (page size {args.limit})"
        )
        print(f"server peak RSS (VmHWM): {peak_rss_mb(process.pid):.0f} MB")
    finally:
        process.terminate()
        process.wait(timeout=30)
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)
    return 0


def sync_collection_items(http: httpx.Client, auth: dict[str, str]) -> list[dict]:
    page = http.get("/sync/registries", params={"limit": "5000"}, headers=auth).json()
    return page["items"]


if __name__ == "__main__":
    raise SystemExit(main())
