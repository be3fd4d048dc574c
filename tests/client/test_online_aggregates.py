"""The registries' online aggregates (``domains/registries/online.py``: ``fetch_count``,
``fetch_choice_counts``, ``fetch_atc_groups``, ``OnlineRows.count`` and its jumps)
against the real server on loopback, each equal to the cache's answer on the same
registry kept offline (``count_rows``, ``choice_counts``, ``atc_groups``); a malformed
answer refused whole (``FakeMalformedTransport``: nothing real sends one)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from client.api import ApiClient
from client.online import ApiOnlineReads
from client.session import Session
from domains.online import OnlineProblem, OnlineReadFailed
from domains.registries.filters import RangeFilter, RegistryQuery, TextFilter
from domains.registries.model import load_registry
from domains.registries.online import (
    OnlineRows,
    fetch_atc_groups,
    fetch_choice_counts,
    fetch_count,
)
from domains.registries.queries import atc_groups, choice_counts, count_rows, iter_rows
from tests.client.test_online_reads import (
    INSTITUTIONS,
    VIEWS,
    FakeMalformedTransport,
    on_worker,
)
from tests.demo import DemoServer, sign_in_for

MEDICINES = "reg-medicines"

MORE_VIEWS = {
    "beds up to 50 (only a high bound)": RegistryQuery(
        INSTITUTIONS, (RangeFilter("beds", "", "50"),), sort="beds"
    ),
    "nothing matches": RegistryQuery(INSTITUTIONS, (TextFilter("name", "zzzqqq"),)),
    "medicines: ATC A02, expiring by date": RegistryQuery(
        MEDICINES,
        (TextFilter("atc_code", "A02", "starts"), RangeFilter("valid_until", "2026-01-01", "")),
        sort="valid_until",
    ),
}


@pytest.fixture(scope="module")
def keeps_both(
    demo_server: DemoServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Session]:
    """An analyst who keeps the institutions and the medicines offline: the cache's
    answers to compare with."""
    from server.seed import DEMO_PASSWORD

    session = sign_in_for(demo_server.url, tmp_path_factory.mktemp("aggregates")).online(
        "analyst", DEMO_PASSWORD
    )
    session.cache.meta.offline_registries = [INSTITUTIONS, MEDICINES]
    session.sync_engine().run()
    try:
        yield session
    finally:
        session.close()


@pytest.mark.parametrize("view", [*VIEWS, *MORE_VIEWS])
def test_the_count_online_is_the_caches(view: str, keeps_both: Session) -> None:
    query = {**VIEWS, **MORE_VIEWS}[view]
    online = ApiOnlineReads(keeps_both.api, lambda: True)
    cached = count_rows(keeps_both.cache.db, query)
    assert on_worker(lambda: fetch_count(online, query)) == cached
    source = OnlineRows(online, ["name"])
    assert on_worker(lambda: source.count(None, query)) == cached
    if view == "plain":
        assert cached > 1000


def test_a_jump_reads_the_stretch_of_the_view_there(keeps_both: Session) -> None:
    """With an exact count the table jumps by position: one page at an offset, not
    every page before it."""
    query = MORE_VIEWS["medicines: ATC A02, expiring by date"]
    cached = [row.id for batch in iter_rows(keeps_both.cache.db, query) for row in batch]
    online = ApiOnlineReads(keeps_both.api, lambda: True)
    source = OnlineRows(online, ["trade_name"])
    at = len(cached) - 30
    block = on_worker(lambda: source.block(None, query, at, 20, None))
    assert [row.id for row in block.rows] == cached[at : at + 20]
    rest = on_worker(lambda: source.block(None, query, at + 20, 20, block.next))
    assert [row.id for row in rest.rows] == cached[at + 20 :]
    assert rest.next is None


@pytest.mark.parametrize("registry", [INSTITUTIONS, MEDICINES])
def test_every_pick_list_online_is_the_caches(registry: str, keeps_both: Session) -> None:
    db = keeps_both.cache.db
    described = load_registry(db, registry)
    assert described is not None
    enums = [c for c in described.columns if c.type == "enum" and c.filterable]
    assert enums
    online = ApiOnlineReads(keeps_both.api, lambda: True)
    for column in enums:
        cached = choice_counts(db, registry, column)
        assert on_worker(lambda: fetch_choice_counts(online, registry, column.key)) == cached  # noqa: B023
        assert sum(count for _value, count in cached) == count_rows(db, RegistryQuery(registry))


def test_the_atc_tree_online_is_the_caches(keeps_both: Session) -> None:
    """Every level, walked down the first two branches of each."""
    db = keeps_both.cache.db
    online = ApiOnlineReads(keeps_both.api, lambda: True)
    parents = [""]
    walked = 0
    while parents:
        parent = parents.pop()
        cached = atc_groups(db, MEDICINES, parent)
        assert on_worker(lambda: fetch_atc_groups(online, MEDICINES, parent)) == cached  # noqa: B023
        walked += 1
        parents += [group.code for group in cached[:2] if len(group.code) < 7]
    assert walked > 8
    assert on_worker(lambda: fetch_atc_groups(online, MEDICINES, "A02BC01")) == []


MALFORMED = {
    "count": [b'{"rows": 3}', b'{"count": -1}', b'{"count": true}', b"[]"],
    "choices": [b'{"count": 3}', b'[{"value": 1, "count": 2}]', b'[{"value": "a"}]'],
    "atc": [b'[{"code": "", "count": 1}]', b'[{"code": "A", "count": "9"}]', b"null"],
}


@pytest.mark.parametrize(
    ("what", "body"), [(what, body) for what, bodies in MALFORMED.items() for body in bodies]
)
def test_a_malformed_aggregate_is_refused(what: str, body: bytes) -> None:
    transport = FakeMalformedTransport(body)
    api = ApiClient("https://intranet.example", transport=transport)
    online = ApiOnlineReads(api, lambda: True)
    reads = {
        "count": lambda: fetch_count(
            online, RegistryQuery(INSTITUTIONS, (TextFilter("name", "şəki"),))
        ),
        "choices": lambda: fetch_choice_counts(online, INSTITUTIONS, "district"),
        "atc": lambda: fetch_atc_groups(online, MEDICINES, "A02"),
    }
    try:
        with pytest.raises(OnlineReadFailed) as failed:
            on_worker(reads[what])
        assert failed.value.problem is OnlineProblem.MALFORMED
        sent = transport.requests[0]
        assert sent.url.path.endswith(f"/{what}")
        if what == "count":
            assert json.loads(sent.url.params["filters"])[0]["text"] == "şəki"
    finally:
        api.close()


def test_a_count_the_server_cannot_give_leaves_the_list_growing() -> None:
    """``OnlineRows.count`` is None then: the lazy table grows page by page."""
    transport = FakeMalformedTransport(b"<html>proxy</html>")
    api = ApiClient("https://intranet.example", transport=transport)
    try:
        source = OnlineRows(ApiOnlineReads(api, lambda: True), ["name"])
        assert on_worker(lambda: source.count(None, RegistryQuery(INSTITUTIONS))) is None
        assert transport.requests[0].url.path.endswith("/count")
    finally:
        api.close()
