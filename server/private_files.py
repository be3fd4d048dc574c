"""Files only the server's own account may read: folders 0700, files 0600.

The data folder holds the database, the document bodies and ``server.key``; another
local account reading any of them reads every document or could unwrap device secrets
(docs/security.md). Modes are set when a file or folder is made, not left to the umask.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def make_private_dir(path: Path) -> None:
    """Create ``path`` and any missing parents as 0700 (an existing folder is left as is)."""
    missing: list[Path] = []
    for folder in (path, *path.parents):
        if folder.exists():
            break
        missing.append(folder)
    for folder in reversed(missing):
        # Another thread or process may make it meanwhile.
        with contextlib.suppress(FileExistsError):
            os.mkdir(folder, PRIVATE_DIR_MODE)
    if not path.is_dir():
        raise NotADirectoryError(path)


def make_private_file(path: Path, *companions: str) -> None:
    """Create ``path`` empty as 0600 if it is missing, and take group and other access
    away from it and from the companion files that exist beside it (e.g. ``-wal``)."""
    make_private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE_MODE)
    os.close(fd)
    for name in (path.name, *(path.name + suffix for suffix in companions)):
        target = path.with_name(name)
        try:
            if target.stat().st_mode & 0o077:
                os.chmod(target, PRIVATE_FILE_MODE)
        except FileNotFoundError:
            pass
