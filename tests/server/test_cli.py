"""`python -m server` as a user starts it: the demo data, restarts, full sync of the demo."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from server.schemas import RECORD_MODELS

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def running_server(data_dir: Path, *extra: str) -> Iterator[tuple[str, list[str]]]:
    """Start the server; yields (base API URL, lines printed before it listened)."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "server",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--data-dir",
            str(data_dir),
            *extra,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            match = re.fullmatch(r"Listening on (http://127\.0\.0\.1:\d+)", lines[-1])
            if match:
                yield f"{match.group(1)}/api/v1", lines
                break
        else:
            pytest.fail("the server exited before listening:\n" + "\n".join(lines))
    finally:
        process.terminate()
        process.wait(timeout=20)
        if process.stdout is not None:
            process.stdout.close()


def sign_in(http: httpx.Client, username: str) -> dict[str, str]:
    answer = http.post(
        "/auth/login",
        json={
            "username": username,
            "password": "demo",
            "device_id": "cli-test-device",
            "device_name": "CI",
        },
    )
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


def sync_all(
    http: httpx.Client, auth: dict[str, str], collection: str, **params: str
) -> list[dict]:
    items: list[dict] = []
    cursor = None
    while True:
        query = {"limit": "5000", **params, **({"since": cursor} if cursor else {})}
        page = http.get(f"/sync/{collection}", params=query, headers=auth).json()
        items.extend(page["items"])
        cursor = page["cursor"]
        if not page["has_more"]:
            return items


def test_the_server_announces_its_port_and_keeps_data_across_restarts(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with running_server(data_dir, "--seed", "none") as (url, lines):
        assert lines[-1].startswith("Listening on http://127.0.0.1:")
        with httpx.Client(base_url=url) as http:
            assert http.get("/openapi.json").status_code == 200
            assert (
                http.post(
                    "/auth/login",
                    json={
                        "username": "staff",
                        "password": "demo",
                        "device_id": "x" * 8,
                        "device_name": "x",
                    },
                ).status_code
                == 401
            )
    assert (data_dir / "intranet.sqlite3").is_file()
    assert (data_dir / "blobs").is_dir()


def test_demo_seed_signs_in_syncs_everything_and_is_not_seeded_twice(tmp_path: Path) -> None:
    data_dir = tmp_path / "demo"
    with running_server(data_dir, "--seed", "demo") as (url, lines):
        assert any(line.startswith("Seeded demo data") for line in lines)
        with httpx.Client(base_url=url, timeout=60) as http:
            staff = sign_in(http, "staff")
            counts = {}
            for collection, model in RECORD_MODELS.items():
                if collection == "registry_rows":
                    continue
                items = sync_all(http, staff, collection)
                for item in items:
                    model.model_validate(item)  # the API sends what it describes
                counts[collection] = len(items)
            registries = {r["code"]: r for r in sync_all(http, staff, "registries")}
            analyst = sign_in(http, "analyst")
            all_registries = {r["code"]: r for r in sync_all(http, analyst, "registries")}
            rows = sum(
                len(sync_all(http, analyst, "registry_rows", registry=r["id"]))
                for r in all_registries.values()
            )
    assert 400 <= counts["people"] <= 700
    assert 20 <= counts["rooms"] <= 40
    assert (
        counts["bookings"] > 100 and counts["regions"] > 80 and counts["indicator_values"] > 10000
    )
    assert counts["documents"] > 50  # what staff may see of the ~1 000
    assert len(all_registries) == 4 and len(registries) == 3  # healthcare workers: analysts only
    assert 15000 <= rows <= 25000

    with running_server(data_dir, "--seed", "demo") as (url, lines):
        assert not any(line.startswith("Seeded") for line in lines)
        with httpx.Client(base_url=url, timeout=60) as http:
            assert len(sync_all(http, sign_in(http, "staff"), "people")) == counts["people"]
