"""Bursts of failed sign-ins (issue #7 item 3): waves of concurrent wrong logins for
usernames that do not exist must not blow the server's memory (each Argon2id check takes
64 MiB), and a real sign-in from a known device, sent in the middle of a wave, succeeds.
"""

from __future__ import annotations

import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.security.harness import (
    DEMO_PASSWORD,
    Attack,
    MemoryWatch,
    login_body,
    new_device_id,
)

WAVE = 40
WAVES = 3
GROWTH_LIMIT_MIB = 600
SIGN_IN_PATIENCE = 20.0  # seconds a real sign-in may wait, Retry-After included


def _real_sign_in(attack: Attack, device: str) -> tuple[int, float]:
    """The owner signs in during the wave; 429/503 are retried as Retry-After says."""
    started = time.monotonic()
    with httpx.Client(base_url=attack.server.api_url, timeout=120) as http:
        while True:
            answer = http.post("/auth/login", json=login_body("staff", DEMO_PASSWORD, device))
            waited = time.monotonic() - started
            if answer.status_code not in (429, 503) or waited > SIGN_IN_PATIENCE:
                return answer.status_code, waited
            time.sleep(min(float(answer.headers.get("Retry-After", "1") or 1), 5.0))


def _wave(attack: Attack, device: str) -> tuple[list[int], int, float]:
    barrier = threading.Barrier(WAVE + 1)

    def wrong(i: int) -> int:
        with httpx.Client(base_url=attack.server.api_url, timeout=120) as http:
            body = login_body(f"ghost-{uuid.uuid4().hex[:10]}-{i}", "wrong password")
            barrier.wait()
            return http.post("/auth/login", json=body).status_code

    def owner() -> tuple[int, float]:
        barrier.wait()
        time.sleep(0.05)  # behind the wave, as a real user would be
        return _real_sign_in(attack, device)

    with ThreadPoolExecutor(WAVE + 1) as workers:
        mine = workers.submit(owner)
        statuses = list(workers.map(wrong, range(WAVE)))
        status, waited = mine.result()
    return statuses, status, waited


def run(attack: Attack) -> None:
    device = new_device_id()
    attack.sign_in("staff", device)  # the device is known from here on
    baseline = attack.server.rss_mib()
    with MemoryWatch(attack.server) as watch:
        for wave in range(2 if attack.quick else WAVES):
            statuses, status, waited = _wave(attack, device)
            attack.tally.tried(len(statuses))
            odd = sorted({s for s in statuses if s not in (401, 429, 503)})
            if odd:
                attack.tally.fail(f"failed sign-ins in a burst answered {odd}")
            attack.tally.check(
                status == 200,
                f"wave {wave + 1}: a real sign-in from a known device answered {status} "
                f"after {waited:.1f} s",
            )
            attack.tally.note(
                f"wave {wave + 1}: {WAVE} wrong sign-ins {sorted(set(statuses))}; "
                f"the real one {status} in {waited:.1f} s"
            )
    peak = max(watch.peak, attack.server.peak_rss_mib())
    attack.tally.note(f"server memory {baseline:.0f} MiB before, {peak:.0f} MiB at its peak")
    attack.tally.check(
        peak - baseline <= GROWTH_LIMIT_MIB,
        f"waves of {WAVE} concurrent failed sign-ins took the server from "
        f"{baseline:.0f} to {peak:.0f} MiB (limit +{GROWTH_LIMIT_MIB} MiB)",
    )
