"""A profile of its own over the real demo server for the documents' writes (the shared
``synced`` profile stays untouched for the read-only tests)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from client.documents import DocumentContent
from client.session import Session
from tests.demo import DemoServer, synced_session


@pytest.fixture
def writer(demo_server: DemoServer, tmp_path: Path) -> Iterator[Session]:
    session = synced_session(demo_server.url, tmp_path / "profiles")
    try:
        yield session
    finally:
        session.close()


@pytest.fixture
def content(writer: Session) -> DocumentContent:
    return DocumentContent(writer.api, writer.cache.content_files())
