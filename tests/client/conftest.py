"""The client's tests run against the same small, known ministry as the server's."""

from tests.server.conftest import world, world_settings  # noqa: F401 - fixtures
