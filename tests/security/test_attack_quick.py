"""The fastest classes of the attack run (``scripts/attack``, issue #7) find nothing.

The whole run is long and needs a credential store for its kills; these three classes
need neither and still cover object-level access, races and forged cursors over the
real server. A fixed seed keeps the test repeatable; ``scripts/attack`` takes a fresh one.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.security.harness import ROOT


@pytest.mark.slow
def test_the_quick_attack_on_access_races_and_cursors_finds_nothing() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.security.attack",
            "--quick",
            "--only",
            "authorization,races,cursors",
            "--seed",
            "20261130",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    for name in ("authorization", "races", "cursors"):
        line = re.search(rf"^{name}: (\d+) attempts, 0 failures$", result.stdout, re.MULTILINE)
        assert line is not None and int(line.group(1)) > 0, result.stdout
