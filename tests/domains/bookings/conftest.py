"""Bookings over the real thing: the demo server on loopback (tests/demo.py) and a
profile of their own per test, signed in and synced by the real engine, so writes never
disturb the shared ``synced`` profile. A second profile plays the colleague who books
first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from client.session import Session
from tests.demo import DemoServer, synced_session


@pytest.fixture
def mine(demo_server: DemoServer, tmp_path: Path) -> Iterator[Session]:
    session = synced_session(demo_server.url, tmp_path / "mine")
    try:
        yield session
    finally:
        session.close()


@pytest.fixture
def colleague(demo_server: DemoServer, tmp_path: Path) -> Iterator[Session]:
    session = synced_session(demo_server.url, tmp_path / "colleague")
    try:
        yield session
    finally:
        session.close()
