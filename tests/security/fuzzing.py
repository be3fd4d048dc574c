"""Schemathesis against ``/api/v1/openapi.json`` with a fresh seed (printed, so a run can
be repeated with ``--seed``): a bounded number of generated requests per operation,
signed in as a department head, with real ids to reach past the 404s. Only one check:
no answer may be a 5xx. (``tests/server/test_openapi.py`` holds the contract checks
with a fixed seed; this run looks for new inputs that break the server.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.security.harness import ROOT, Attack, Truth, upload

CONFIG = ROOT / "tests" / "server" / "schemathesis.toml"


def run(attack: Attack) -> None:
    seed = attack.seed
    head = attack.sign_in("head")
    truth = Truth.read(attack.server.db)
    folder = next(
        f
        for f, row in sorted(truth.folders.items())
        if row.access == "department" and row.department_id == truth.accounts["head"].department_id
    )
    document = upload(head, folder, "Schemathesis target").json()
    room = sorted(head.sync_all("rooms")[0])[0]
    booking = head.create(
        "/bookings",
        json={
            "room_id": room,
            "title": "Schemathesis target",
            "start": "2046-05-03T09:00:00+04:00",
            "end": "2046-05-03T10:00:00+04:00",
        },
    ).json()
    staff = attack.sign_in("staff")
    share = head.create("/shares", json={"document_id": document["id"], "to_ids": [staff.id]})
    env = {
        **os.environ,
        "ST_DOCUMENT_ID": document["id"],
        "ST_BOOKING_ID": booking["id"],
        "ST_SHARE_ID": share.json()[0]["id"],
        "ST_PERSON_ID": head.login["user"]["id"],
        "ST_REGISTRY_ID": sorted(truth.readable_registries(truth.accounts["head"]))[0],
    }
    report = attack.work_dir / "schemathesis.json"
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "--config-file",
        str(CONFIG),
        "--no-color",
        "run",
        f"{attack.server.api_url}/openapi.json",
        "--header",
        f"Authorization: Bearer {head.login['access_token']}",
        "--checks",
        "not_a_server_error",
        "--exclude-operation-id",
        "logout",  # it would end the session the run signs with
        "--max-examples",
        "5" if attack.quick else "20",
        "--max-time",
        "30" if attack.quick else "90",
        "--seed",
        str(seed),
        "--workers",
        "2",
        "--generation-database",
        "none",
        "--suppress-health-check",
        "all",
        "--report",
        "json",
        "--report-json-path",
        str(report),
    ]
    attack.tally.note(
        f"seed {seed} (repeat with: scripts/attack --only schemathesis --seed {seed})"
    )
    done = subprocess.run(
        command,
        cwd=attack.work_dir,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    (attack.work_dir / "schemathesis-cli.txt").write_text(done.stdout + done.stderr)
    cases, failures = _counts(report)
    if report.exists() and '"max_time"' in report.read_text(encoding="utf-8", errors="replace"):
        attack.tally.note("stopped at its time budget")
    attack.tally.tried(cases)
    for failure in failures:
        attack.tally.fail(failure)
    if done.returncode != 0 and not failures:
        attack.tally.fail(f"schemathesis exited {done.returncode}: {done.stdout[-300:]}")


def _counts(report: Path) -> tuple[int, list[str]]:
    """Test cases run, and one line per distinct failure, from the JSON report."""
    try:
        data = json.loads(report.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return 0, [f"no report from schemathesis: {error}"]
    cases = data.get("test_cases", {})
    failures = [
        f"{item.get('operation') or item.get('label') or '?'}: "
        f"{item.get('title') or item.get('message') or json.dumps(item)[:200]}"
        for item in data.get("failures", [])
        if isinstance(item, dict)
    ]
    failures += [
        f"error: {json.dumps(item)[:200]} (its output: schemathesis-cli.txt beside the report; "
        "keep it with --keep)"
        for item in data.get("errors", [])
    ]
    unique = int(cases.get("unique_failures", 0) or 0)
    if unique > len(failures):
        failures += [f"a server error (see {report})"] * (unique - len(failures))
    return int(cases.get("generated", 0) or 0), failures
