"""Files and folders that only their owner can open.

On POSIX the client creates everything under its profiles and logs ``0600`` (files)
and ``0700`` (folders), and tightens files an older version left ``0644``: the
cache is encrypted, but its size, its times and the keyfile's wrapped keys are
nobody else's business. SQLite gives ``-wal``, ``-shm`` and journals the mode of
the database file, so creating that one ``0600`` covers them. On Windows the
modes mean nothing; the per-user ``%LOCALAPPDATA%`` folder's ACL keeps others out.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

__all__ = [
    "PRIVATE_FILE",
    "PRIVATE_FOLDER",
    "create_private_file",
    "make_private",
    "private_folder",
    "write_private",
]

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
_POSIX = os.name == "posix"


def private_folder(path: Path, *, tighten: bool = True) -> None:
    """Create ``path`` (and missing parents) ``0700``.

    ``tighten``: also set an existing folder to ``0700`` (the app's own folders;
    not one the user named, which may be shared on purpose).
    """
    for folder in (*reversed(path.parents), path):
        if not folder.exists():
            with contextlib.suppress(FileExistsError):
                folder.mkdir(mode=PRIVATE_FOLDER)
    if tighten and _POSIX:
        path.chmod(PRIVATE_FOLDER)


def create_private_file(path: Path) -> None:
    """Make sure ``path`` exists and is ``0600``; an existing file keeps its content."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
    os.close(descriptor)
    make_private(path)


def make_private(*paths: Path) -> None:
    """Set existing files to ``0600`` (POSIX); missing ones are skipped.

    A file of another user cannot be changed and is left as it is: opening it is
    then that user's decision.
    """
    if not _POSIX:
        return
    for path in paths:
        try:
            if path.stat().st_mode & 0o777 != PRIVATE_FILE:
                path.chmod(PRIVATE_FILE)
        except (FileNotFoundError, PermissionError):
            continue


def write_private(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, ``0600`` from the first byte."""
    temporary = path.with_name(path.name + ".tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    descriptor = os.open(temporary, flags, PRIVATE_FILE)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        make_private(temporary)  # a stale .tmp of another mode keeps its mode under O_CREAT
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise
