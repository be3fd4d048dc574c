"""The OpenAPI description matches what the server really answers (Schemathesis)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.server.conftest import World
from tests.server.test_documents import upload

CONFIG = Path(__file__).with_name("schemathesis.toml")


def test_openapi_is_published_and_lists_every_operation(world: World) -> None:
    with world.client() as http:
        spec = http.get("/openapi.json").json()
    operations = {(m.upper(), p) for p, item in spec["paths"].items() for m in item}
    expected = {
        ("POST", "/api/v1/auth/login"),
        ("POST", "/api/v1/auth/refresh"),
        ("POST", "/api/v1/auth/logout"),
        ("GET", "/api/v1/me"),
        ("POST", "/api/v1/admin/devices/{device_id}/revoke"),
        ("GET", "/api/v1/sync"),
        ("POST", "/api/v1/bookings"),
        ("PATCH", "/api/v1/bookings/{booking_id}"),
        ("DELETE", "/api/v1/bookings/{booking_id}"),
        ("POST", "/api/v1/bookings/{booking_id}/check-in"),
        ("POST", "/api/v1/booking-series"),
        ("PATCH", "/api/v1/booking-series/{series_id}"),
        ("DELETE", "/api/v1/booking-series/{series_id}"),
        ("POST", "/api/v1/documents"),
        ("GET", "/api/v1/documents/{document_id}"),
        ("PATCH", "/api/v1/documents/{document_id}"),
        ("POST", "/api/v1/documents/{document_id}/versions"),
        ("GET", "/api/v1/documents/{document_id}/content"),
        ("POST", "/api/v1/documents/{document_id}/conflict-copies"),
        ("POST", "/api/v1/documents/{document_id}/checkout"),
        ("DELETE", "/api/v1/documents/{document_id}/checkout"),
        ("POST", "/api/v1/uploads"),
        ("GET", "/api/v1/uploads/{upload_id}"),
        ("PUT", "/api/v1/uploads/{upload_id}"),
        ("DELETE", "/api/v1/uploads/{upload_id}"),
        ("POST", "/api/v1/shares"),
        ("POST", "/api/v1/shares/{share_id}/read"),
        ("PATCH", "/api/v1/people/{person_id}"),
        ("GET", "/api/v1/registries"),
        ("GET", "/api/v1/registries/{registry_id}/rows"),
        ("GET", "/api/v1/registries/{registry_id}/count"),
        ("GET", "/api/v1/registries/{registry_id}/choices"),
        ("GET", "/api/v1/registries/{registry_id}/atc"),
        ("GET", "/api/v1/admin/registry-access-log"),
    }
    sync = {
        ("GET", f"/api/v1/sync/{c}")
        for c in (
            "departments",
            "people",
            "rooms",
            "bookings",
            "folders",
            "documents",
            "shares",
            "registries",
            "registry_rows",
            "regions",
            "indicators",
            "indicator_values",
        )
    }
    assert operations == expected | sync
    # Each operation's errors are declared by its id (server/app.py): two operations with
    # one id (bookings' and documents' "check_in" once) would share them.
    ids = [op["operationId"] for item in spec["paths"].values() for op in item.values()]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    check_out = spec["paths"]["/api/v1/documents/{document_id}/checkout"]["delete"]
    assert "423" not in check_out["responses"] and "412" in check_out["responses"]
    check_in = spec["paths"]["/api/v1/bookings/{booking_id}/check-in"]["post"]
    assert "409" in check_in["responses"]
    create = spec["paths"]["/api/v1/bookings"]["post"]
    key = next(p for p in create["parameters"] if p["name"] == "Idempotency-Key")
    assert key["required"] is True
    assert "application/problem+json" in create["responses"]["409"]["content"]


def test_schemathesis_finds_no_server_error_and_no_answer_off_the_schema(
    world: World, tmp_path: Path
) -> None:
    """Every check but positive_data_acceptance: opaque cursors and ids cannot be made up."""
    head = world.sign_in("head")
    document = upload(head, folder="f-hr").json()
    booking = head.post(
        "/bookings",
        json={
            "room_id": "room-1",
            "title": "Plan",
            "start": "2027-05-03T09:00:00+04:00",
            "end": "2027-05-03T10:00:00+04:00",
        },
    ).json()
    share = head.post(
        "/shares", json={"document_id": document["id"], "to_ids": ["p-staff"]}
    ).json()[0]
    upload_session = head.post("/uploads", json={"filename": "st.bin", "size": 64}).json()
    env = {
        **os.environ,
        "ST_UPLOAD_ID": upload_session["id"],
        "ST_DOCUMENT_ID": document["id"],
        "ST_BOOKING_ID": booking["id"],
        "ST_SHARE_ID": share["id"],
        "ST_REGISTRY_ID": "reg-open",
        "ST_PERSON_ID": head.login["user"]["id"],
    }
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "--config-file",
        str(CONFIG),
        "--no-color",
        "run",
        f"{world.api_url}/openapi.json",
        "--header",
        f"Authorization: Bearer {head.login['access_token']}",
        "--checks",
        "all",
        "--exclude-checks",
        "positive_data_acceptance",
        "--exclude-operation-id",
        "logout",  # it would end the session the run signs with
        "--max-examples",
        "15",
        "--seed",
        "20261125",
        # One worker: with the fixed seed, the same cases every run (two workers share the
        # generation between them by timing, so a rare case came and went: a flaky test).
        "--workers",
        "1",
        "--generation-database",
        "none",
        "--suppress-health-check",
        "all",
    ]
    result = subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert " passed" in result.stdout
