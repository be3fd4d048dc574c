"""Every file the client writes is its user's alone (issue 7, item 10, client half).

A real sign-in and sync against the real server, then a look at the modes of
everything under the profiles folder and the log folder, under the usual umask 022
(which would make new files 0644). POSIX only: on Windows the per-user
``%LOCALAPPDATA%`` ACL does this, and modes mean nothing.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from client.logs import LOG_NAME, setup_logging
from tests.client.test_sync import sign_in_for
from tests.server.conftest import PASSWORD, World

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX"),
    pytest.mark.usefixtures("usual_umask"),
]


def modes(root: Path) -> dict[str, str]:
    """Path (relative to ``root``) to octal mode, for every folder and file under it."""
    found = {".": oct(stat.S_IMODE(root.stat().st_mode))}
    for path in sorted(root.rglob("*")):
        found[str(path.relative_to(root))] = oct(stat.S_IMODE(path.stat().st_mode))
    return found


def expected(root: Path) -> dict[str, str]:
    return {name: "0o700" if (root / name).is_dir() else "0o600" for name in modes(root)}


def test_the_cache_and_everything_beside_it_are_private(world: World, tmp_path: Path) -> None:
    root = tmp_path / "profiles"
    session = sign_in_for(world, tmp_path).online("staff", PASSWORD)
    try:
        session.sync_engine().run()
        folder = session.profile.folder.name
        found = modes(root)  # while the cache is open: its -wal and -shm exist
        for name in ("device.json", "cache.db", "cache.db-wal", "cache.db-shm", "keyfile.json"):
            where = name if name == "device.json" else f"{folder}/{name}"
            assert where in found, f"{where} was not written"
        assert found == expected(root)
    finally:
        session.close()
    assert modes(root) == expected(root)


def test_files_an_older_version_left_readable_are_made_private(
    world: World, tmp_path: Path
) -> None:
    root = tmp_path / "profiles"
    sign_in = sign_in_for(world, tmp_path)
    sign_in.online("staff", PASSWORD).close()
    for path in root.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    again = sign_in.online("staff", PASSWORD)
    try:
        found = modes(root)
        del found["."]  # a root the user chose is not changed; the app's own folder is
        assert found == {name: mode for name, mode in expected(root).items() if name != "."}
    finally:
        again.close()


@pytest.fixture
def clean_root_logger() -> Iterator[logging.Logger]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


def test_the_log_and_its_rotated_files_are_private(
    tmp_path: Path, clean_root_logger: logging.Logger
) -> None:
    folder = tmp_path / "logs"
    assert setup_logging(folder) == folder / LOG_NAME
    log = logging.getLogger("test.modes")
    for _ in range(3000):
        log.info("sync page " * 50)
    found = modes(folder)
    assert LOG_NAME in found and f"{LOG_NAME}.1" in found
    assert found == expected(folder)
