"""The log file: rotating, in the user's data folder, without secrets."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from client.logs import LOG_NAME, redact, setup_logging


@pytest.fixture
def clean_root() -> Iterator[logging.Logger]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


def test_secrets_never_reach_the_file(tmp_path: Path, clean_root: logging.Logger) -> None:
    path = setup_logging(tmp_path)
    assert path == tmp_path / LOG_NAME
    log = logging.getLogger("test.logs")
    token = "Zx9" * 15
    log.info("Authorization: Bearer %s", token)
    log.info("login body %s", {"username": "staff", "password": "correct horse"})
    log.warning("refresh_token=%s&x=1", token)
    try:
        raise ValueError(f'{{"device_secret": "{token}"}}')
    except ValueError:
        log.exception("failed")
    for handler in clean_root.handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert token not in text
    assert "correct horse" not in text
    assert text.count("[redacted]") >= 4
    assert "staff" in text  # ordinary words stay


def test_redaction_keeps_ordinary_messages() -> None:
    line = "GET /sync/people -> 200 in 12 ms (request 4f1c2a9b8e7d6c5b4a3f2e1d0c9b8a7f)"
    assert redact(line) == line


def test_the_log_rotates(tmp_path: Path, clean_root: logging.Logger) -> None:
    setup_logging(tmp_path)
    log = logging.getLogger("test.rotate")
    for _ in range(3000):
        log.info("sync page " * 50)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert LOG_NAME in files and f"{LOG_NAME}.1" in files
    assert all(p.stat().st_size <= 1024 * 1024 + 1000 for p in tmp_path.iterdir())
