"""The app's log: a rotating file in the user's data folder, free of secrets.

The code logs no token, password or record content in the first place (messages name
error types, request ids, counts and timings). As a second line of defence, every record
passes ``RedactSecrets`` before it is written, which blanks anything that looks like a
bearer token, a JWT, or a ``password``/``token``/``secret`` value. No Qt here.
"""

from __future__ import annotations

import io
import logging
import os
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

from cache.private_files import PRIVATE_FILE, create_private_file, make_private, private_folder
from cache.profile import APP_NAME

__all__ = ["LOG_NAME", "RedactSecrets", "default_log_dir", "redact", "setup_logging"]

LOG_NAME = "intranet.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 5

_PATTERNS = (
    # Authorization: Bearer <token>
    (re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"), r"\1[redacted]"),
    # password=..., "refresh_token": "...", secret: ...
    (
        re.compile(
            r"(?i)((?:password|passwd|token|secret|device_secret|authorization)"
            r"[\"']?\s*[:=]\s*[\"']?)[^\s\"',}&]+"
        ),
        r"\1[redacted]",
    ),
    # JSON Web Tokens and other long opaque strings anywhere
    (re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*"), "[redacted]"),
    (re.compile(r"\b[A-Za-z0-9_-]{40,}\b"), "[redacted]"),
)


def redact(text: str) -> str:
    """``text`` with anything that looks like a secret blanked out."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactSecrets(logging.Filter):
    """Formats the message once, redacts it, and drops the arguments."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info:
            # Exception texts may quote what the server sent: the traceback is redacted too.
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return True


class PrivateRotatingFileHandler(RotatingFileHandler):
    """Opens each new log file ``0600``: what is logged is nobody else's business."""

    def _open(self) -> io.TextIOWrapper:
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)
        descriptor = os.open(self.baseFilename, flags, PRIVATE_FILE)
        return open(descriptor, "a", encoding=self.encoding, errors=self.errors)


def default_log_dir() -> Path:
    """The per-user, per-machine data folder (``%LOCALAPPDATA%`` on Windows), ``logs``."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False)) / "logs"


def setup_logging(
    folder: Path | None = None, *, verbose: bool = False, console: bool = False
) -> Path | None:
    """Log to ``folder/intranet.log`` (rotating: 5 files of 1 MB). Returns the file, or
    None when the folder cannot be written (the app then logs to stderr only)."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    # uvicorn (the demo server) and httpx log request lines with URLs: warnings only.
    for noisy in ("httpx", "httpcore", "uvicorn", "uvicorn.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    redactor = RedactSecrets()
    path: Path | None = (folder or default_log_dir()) / LOG_NAME
    assert path is not None
    try:
        private_folder(path.parent)
        create_private_file(path)  # rotation renames it: the older files stay 0600 too
        make_private(*(path.with_name(f"{LOG_NAME}.{n}") for n in range(1, BACKUPS + 1)))
        handler: logging.Handler = PrivateRotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError:
        path = None
        console = True
    else:
        handler.setFormatter(formatter)
        handler.addFilter(redactor)
        root.addHandler(handler)
    if console:
        stream = logging.StreamHandler()
        stream.setFormatter(formatter)
        stream.addFilter(redactor)
        stream.setLevel(logging.DEBUG if verbose else logging.WARNING)
        root.addHandler(stream)
    return path
