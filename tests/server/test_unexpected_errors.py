"""A bug in a handler (an exception nothing turns into an answer) is a 500 problem that
closes its connection cleanly: the client's next request, on a new connection, is
answered, never reset. Before, uvicorn dropped the kept-alive connection after
Starlette's 500 and the next request read as "the server cannot be reached"."""

from __future__ import annotations

import logging

import httpx
import pytest

from server.errors import PROBLEM_JSON
from tests.server.conftest import World


class PlantedBug(RuntimeError):
    """What the test route raises: stands for a bug in a handler."""


def plant_a_bug(world: World) -> None:
    def broken() -> None:
        raise PlantedBug("a handler's bug")

    world.server.app.add_api_route("/api/v1/planted-bug", broken)


def test_a_bug_answers_500_in_words_and_the_next_request_is_answered(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    plant_a_bug(world)
    http = world.client()
    with caplog.at_level(logging.ERROR, logger="server.app"):
        for _ in range(100):
            broken = http.get("/planted-bug", headers={"X-Request-Id": "req-planted-bug-1"})
            assert broken.status_code == 500
            assert broken.headers["content-type"] == PROBLEM_JSON
            assert broken.json()["code"] == "internal_error"
            assert broken.headers["connection"] == "close"
            assert broken.headers["x-request-id"] == "req-planted-bug-1"
            try:
                answered = http.get("/openapi.json")
            except httpx.TransportError as error:  # the old behaviour: a reset
                pytest.fail(f"the request after a 500 was not answered: {error!r}")
            assert answered.status_code == 200
    logged = [r for r in caplog.records if r.exc_info and r.exc_info[0] is PlantedBug]
    assert len(logged) == 100  # once each, with its traceback
