"""The tabs' online reads (``client/online.py``, the port ``domains/online.py``) and the
registries' online source over them (``domains/registries/online.py``), against the real
server on loopback: pages of a registry not kept offline equal the same view of the
cache (filters, sort, keyset paging past the first page), the listing that names a
registry the user may not read, and every failure as one ``OnlineReadFailed``: a
server error (a real server whose rows table is gone), a timeout (a real socket that
never answers), a malformed answer (``FakeMalformedTransport``: nothing real sends one),
signed in offline (nothing sent), the GUI thread refused."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from sqlalchemy import text

from client.api import ApiClient
from client.online import ApiOnlineReads
from client.session import Session
from domains.online import OnlineProblem, OnlineReadFailed, ReadOnGuiThread
from domains.registries.filters import (
    ChoiceFilter,
    FlagFilter,
    RangeFilter,
    RegistryQuery,
    TextFilter,
)
from domains.registries.online import OnlineCursor, OnlineRows, fetch_page, registry_listing
from domains.registries.queries import iter_rows
from server.seed.registries import DISTRICT_NAMES
from tests.demo import DemoServer, sign_in_for
from tests.server.conftest import PASSWORD, World

T = TypeVar("T")
INSTITUTIONS = "reg-institutions"
WORKERS = "reg-health-workers"


def on_worker(work: Callable[[], T]) -> T:
    """Online reads run on workers (the GUI thread is refused)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result(timeout=60)


@pytest.fixture(scope="module")
def keeps_institutions(
    demo_server: DemoServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Session]:
    """An analyst who keeps the institutions offline: the cache's view to compare with."""
    from server.seed import DEMO_PASSWORD

    session = sign_in_for(demo_server.url, tmp_path_factory.mktemp("online")).online(
        "analyst", DEMO_PASSWORD
    )
    session.cache.meta.offline_registries = [INSTITUTIONS]
    session.sync_engine().run()
    try:
        yield session
    finally:
        session.close()


def read_all(source: OnlineRows, query: RegistryQuery, block: int) -> list[str]:
    ids: list[str] = []
    after: object | None = None
    while True:
        page = on_worker(lambda: source.block(None, query, len(ids), block, after))  # noqa: B023
        ids += [row.id for row in page.rows]
        if page.next is None:
            return ids
        assert len(page.rows) == block
        after = page.next


VIEWS = {
    "plain": RegistryQuery(INSTITUTIONS),
    "name descending": RegistryQuery(INSTITUTIONS, sort="name", descending=True),
    "district and beds, by beds": RegistryQuery(
        INSTITUTIONS,
        (
            ChoiceFilter("district", (DISTRICT_NAMES[2], DISTRICT_NAMES[5])),
            RangeFilter("beds", "0", "400"),
        ),
        sort="beds",
    ),
    "accredited, opened since 2010, by date": RegistryQuery(
        INSTITUTIONS,
        (FlagFilter("accredited", True), RangeFilter("opened", "2010-01-01", "")),
        sort="opened",
        descending=True,
    ),
    "name starts with, folded": RegistryQuery(
        INSTITUTIONS, (TextFilter("name", "seki", "starts"),), sort="name"
    ),
}


@pytest.mark.parametrize("view", list(VIEWS))
def test_online_pages_are_the_cache_view(view: str, keeps_institutions: Session) -> None:
    query = VIEWS[view]
    online = ApiOnlineReads(keeps_institutions.api, lambda: True)
    source = OnlineRows(online, ["name", "district", "beds"])
    cached = [row.id for batch in iter_rows(keeps_institutions.cache.db, query) for row in batch]
    assert len(cached) > 0
    assert read_all(source, query, 200) == cached
    if len(cached) > 60:  # paged past the first page, keyset
        assert read_all(source, query, 25) == cached


def test_a_block_without_its_cursor_is_paged_to(keeps_institutions: Session) -> None:
    query = VIEWS["name descending"]
    online = ApiOnlineReads(keeps_institutions.api, lambda: True)
    source = OnlineRows(online, ["name"])
    cached = [row.id for batch in iter_rows(keeps_institutions.cache.db, query) for row in batch]
    block = on_worker(lambda: source.block(None, query, 1_100, 200, None))
    assert [row.id for row in block.rows] == cached[1_100:1_300]
    assert isinstance(block.next, OnlineCursor)


def test_the_listing_names_what_the_user_may_not_read(
    demo_server: DemoServer, tmp_path: Path
) -> None:
    from server.seed import DEMO_PASSWORD

    head = sign_in_for(demo_server.url, tmp_path).online("head", DEMO_PASSWORD)
    try:
        listing = on_worker(lambda: registry_listing(ApiOnlineReads(head.api, lambda: True)))
        by_id = {r.id: r for r in listing}
        assert by_id[WORKERS].readable is False
        assert by_id[WORKERS].name == "Tibb işçilərinin reyestri"
        assert by_id[INSTITUTIONS].readable is True
        with pytest.raises(OnlineReadFailed) as refused:
            on_worker(
                lambda: fetch_page(
                    ApiOnlineReads(head.api, lambda: True), RegistryQuery(WORKERS), None, 10
                )
            )
        assert refused.value.problem is OnlineProblem.FORBIDDEN
    finally:
        head.close()


def signed_in(url: str, **options: Any) -> ApiClient:
    api = ApiClient(url, **options)
    api.login("analyst", PASSWORD, "device-online-1", "Test")
    return api


def test_a_server_error_is_said_as_such(world: World) -> None:
    api = signed_in(world.server.base_url)
    online = ApiOnlineReads(api, lambda: True)
    try:
        first = on_worker(lambda: fetch_page(online, RegistryQuery("reg-open"), None, 10))
        assert [row.values["name"] for row in first.rows] == ["Drug 0", "Drug 1", "Drug 2"]
        with world.db.write() as conn:  # the server breaks: its rows table is gone
            conn.execute(text("ALTER TABLE registry_rows RENAME TO registry_rows_gone"))
        with pytest.raises(OnlineReadFailed) as failed:
            on_worker(lambda: fetch_page(online, RegistryQuery("reg-open"), None, 10))
        assert failed.value.problem is OnlineProblem.SERVER
        assert failed.value.status == 500
    finally:
        api.close()


class FakeMalformedTransport(httpx.BaseTransport):
    """Answers every request with ``body`` (what no real server of this API sends)."""

    def __init__(self, body: bytes) -> None:
        self.body = body
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(200, content=self.body, headers={"Content-Type": "application/json"})


MALFORMED = {
    "not JSON": b"<html>proxy login</html>",
    "no items": b'{"next": null}',
    "a row without values": json.dumps({"items": [{"id": "r1"}], "next": None}).encode(),
    "a number as cursor": json.dumps({"items": [], "next": 7}).encode(),
    "more rows than asked": json.dumps(
        {"items": [{"id": f"r{i}", "values": {}} for i in range(11)], "next": None}
    ).encode(),
}


@pytest.mark.parametrize("answer", list(MALFORMED))
def test_a_malformed_page_is_refused_whole(answer: str) -> None:
    transport = FakeMalformedTransport(MALFORMED[answer])
    api = ApiClient("https://intranet.example", transport=transport)
    online = ApiOnlineReads(api, lambda: True)
    try:
        with pytest.raises(OnlineReadFailed) as failed:
            on_worker(lambda: fetch_page(online, RegistryQuery(INSTITUTIONS), None, 10))
        assert failed.value.problem is OnlineProblem.MALFORMED
        sent = transport.requests[0]
        assert sent.url.path.endswith(f"/registries/{INSTITUTIONS}/rows")
        assert sent.url.params["limit"] == "10"
    finally:
        api.close()


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A real socket that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        listener.close()


def test_a_server_that_does_not_answer_times_out(silent_server: str) -> None:
    api = ApiClient(silent_server, timeout=httpx.Timeout(0.5))
    online = ApiOnlineReads(api, lambda: True)
    try:
        with pytest.raises(OnlineReadFailed) as failed:
            on_worker(lambda: online.get_json("/registries"))
        assert failed.value.problem is OnlineProblem.TIMEOUT
    finally:
        api.close()


def test_signed_in_offline_nothing_is_sent_and_the_gui_thread_is_refused() -> None:
    transport = FakeMalformedTransport(b"[]")
    api = ApiClient("https://intranet.example", transport=transport)
    try:
        offline = ApiOnlineReads(api, lambda: False)
        assert offline.available is False
        with pytest.raises(OnlineReadFailed) as failed:
            on_worker(lambda: offline.get_json("/registries"))
        assert failed.value.problem is OnlineProblem.OFFLINE
        online = ApiOnlineReads(api, lambda: True)
        with pytest.raises(ReadOnGuiThread):
            online.get_json("/registries")  # pytest runs on the main thread
        with pytest.raises(ValueError, match="API path"):
            on_worker(lambda: online.get_json("/registries/../auth/logout"))
        assert transport.requests == []
    finally:
        api.close()
