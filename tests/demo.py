"""The ``demo`` data seeded into a real server on loopback (once per session) and synced
by the real sync engine into a real encrypted profile: for the tests of the directory's
queries (tests/cache) and of its tab (tests/ui/directory). Qt-free.

Registered for the whole suite in tests/conftest.py (``pytest_plugins``); the server and
client modules load inside the fixtures, so a run that needs no demo does not pay for
them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from cache.keywrap import Argon2Params

if TYPE_CHECKING:
    from client.session import Session, SignIn
    from server.config import Settings
    from server.runner import ServerThread

CHEAP_KDF = Argon2Params(memory_kib=1024, time_cost=1, parallelism=1)
USERNAME = "head"  # Rəşad İsmayılov, head of Müalicə-profilaktika şöbəsi


@dataclass
class DemoServer:
    settings: Settings
    server: ServerThread

    @property
    def url(self) -> str:
        return self.server.base_url


def sign_in_for(server_url: str, profiles: Path) -> SignIn:
    from client.session import SignIn

    return SignIn(
        server_url,
        profile_dir=profiles,
        vault_options={"kdf": CHEAP_KDF, "sleeper": lambda _s: None},
    )


def synced_session(server_url: str, profiles: Path) -> Session:
    from server.seed import DEMO_PASSWORD

    session = sign_in_for(server_url, profiles).online(USERNAME, DEMO_PASSWORD)
    session.sync_engine().run()
    return session


@pytest.fixture(scope="session")
def demo_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    from server.config import Settings
    from server.runner import seed_if_empty

    settings = Settings(data_dir=tmp_path_factory.mktemp("demo-server"))
    seed_if_empty(settings, "demo")
    return settings


@pytest.fixture(scope="session")
def demo_server(demo_settings: Settings) -> Iterator[DemoServer]:
    from server.runner import ServerThread

    server = ServerThread(demo_settings).start()
    try:
        yield DemoServer(demo_settings, server)
    finally:
        server.stop()


@pytest.fixture
def own_server(demo_settings: Settings, tmp_path: Path) -> Iterator[ServerThread]:
    """A server of its own on a copy of the demo data: for a test that changes what the
    server holds (the session's ``demo_server`` is shared)."""
    import dataclasses
    import shutil

    from server.runner import ServerThread

    data = tmp_path / "server"
    shutil.copytree(demo_settings.data_dir, data)
    server = ServerThread(dataclasses.replace(demo_settings, data_dir=data)).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def synced(demo_server: DemoServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    """One signed-in, fully synced profile shared by the read-only tests."""
    session = synced_session(demo_server.url, tmp_path_factory.mktemp("profiles"))
    try:
        yield session
    finally:
        session.close()
