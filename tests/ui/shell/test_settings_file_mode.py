"""The settings file is its user's alone, like every file of the client (issue 7, item 10).

QSettings rewrites the file through a temporary one and keeps the mode of the file it
replaces; a new one would be 0644 under the usual umask 022.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from ui.settings import UserSettings

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX"),
    pytest.mark.usefixtures("usual_umask"),
]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_settings_file_is_private_and_stays_so(tmp_path: Path) -> None:
    folder = tmp_path / "profiles"
    settings = UserSettings.open(folder)
    settings.server_url = "https://intranet.example"
    settings.sync()
    path = folder / "MinistryIntranet.ini"
    assert "intranet.example" in path.read_text(encoding="utf-8")
    assert (mode(folder), mode(path)) == (0o700, 0o600)


def test_a_settings_file_left_readable_is_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "profiles"
    folder.mkdir()
    path = folder / "MinistryIntranet.ini"
    path.write_text("[server]\nurl=https://intranet.example\n", encoding="utf-8")
    path.chmod(0o644)
    settings = UserSettings.open(folder)
    assert settings.server_url == "https://intranet.example"  # its content is kept
    settings.language = "az"
    settings.sync()
    assert mode(path) == 0o600
