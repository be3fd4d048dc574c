"""The tabs' online reads (``client/online.py``, the port ``domains/online.py``) and the
registries' online source over them (``domains/registries/online.py``), against the real
server on loopback: pages of a registry not kept offline equal the same view of the
cache (filters, sort, keyset paging past the first page), the listing that names a
registry the user may not read, and every failure as one ``OnlineReadFailed``: a
server error (a real server whose rows table is gone), a timeout (a real socket that
never answers), a malformed answer (``FakeMalformedTransport``: nothing real sends one),
signed in offline (nothing sent), the GUI thread refused."""

from __future__ import annotations

import csv
import json
import os
import socket
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import httpx
import openpyxl
import pytest
from sqlalchemy import text

from client.api import ApiClient
from client.online import ApiOnlineReads
from client.session import Session
from domains.online import OnlineProblem, OnlineReadFailed, ReadOnGuiThread
from domains.registries.export import export_rows
from domains.registries.filters import (
    ChoiceFilter,
    FlagFilter,
    RangeFilter,
    RegistryQuery,
    TextFilter,
)
from domains.registries.model import Column, RegistryRow, load_registry
from domains.registries.online import (
    EXPORT_PAGE,
    OnlineCursor,
    OnlineRows,
    fetch_page,
    iter_pages,
    registry_listing,
)
from domains.registries.queries import iter_rows
from server import records
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


# --- the free search and Cyrillic typed for Latin, online = offline ----------------------

SEARCHES = {
    "a district": "seki",
    "two words": "bakı xəstəxana",
    "ə typed as a": "xastaxana",
    "inside a word: no match": "stəxana",
    "a number": "120",
    "a licence": "TM-2010",
    "a phone": "+994 12",
    "Cyrillic for Latin": "шеки",
    "FTS syntax": '"seki*" OR NEAR(bakı',
    "SQL syntax": "' OR 1=1 --",
    "punctuation only": "!!! ***",
}


@pytest.fixture(scope="module")
def indexed(keeps_institutions: Session) -> Session:
    """The cache's word index built (the sync's background step), so the offline search
    is the index's, not the scan of rows not indexed yet."""
    keeps_institutions.sync_engine().index_for_search()
    return keeps_institutions


@pytest.mark.parametrize("search", list(SEARCHES))
def test_online_search_is_the_cache_search(search: str, indexed: Session) -> None:
    online = ApiOnlineReads(indexed.api, lambda: True)
    source = OnlineRows(online, ["name"])
    for query in (
        RegistryQuery(INSTITUTIONS, search=SEARCHES[search], sort="name"),
        RegistryQuery(
            INSTITUTIONS,
            (RangeFilter("beds", "0", "400"),),
            search=SEARCHES[search],
            sort="beds",
            descending=True,
        ),
    ):
        cached = [row.id for batch in iter_rows(indexed.cache.db, query) for row in batch]
        assert read_all(source, query, 200) == cached
    if search in ("a district", "two words", "ə typed as a", "Cyrillic for Latin", "a phone"):
        assert cached


@pytest.mark.parametrize(
    ("typed", "mode"), [("шеки", "contains"), ("шеки", "starts"), ("бакы", "contains")]
)
def test_a_cyrillic_text_filter_online_is_the_caches(
    typed: str, mode: str, indexed: Session
) -> None:
    online = ApiOnlineReads(indexed.api, lambda: True)
    column = "district" if mode == "starts" else "address"
    query = RegistryQuery(INSTITUTIONS, (TextFilter(column, typed, mode),), sort="name")
    cached = [row.id for batch in iter_rows(indexed.cache.db, query) for row in batch]
    assert cached
    assert read_all(OnlineRows(online, ["name"]), query, 200) == cached


# --- export online: the view's pages, whole or nothing ----------------------------------

EXPORTED = RegistryQuery(
    INSTITUTIONS,
    (RangeFilter("beds", "0", "400"),),
    search="bakı",
    sort="name",
    descending=True,
    columns=("name", "district", "beds", "opened", "accredited"),
)


def cached_cells(session: Session, query: RegistryQuery) -> list[list[Any]]:
    registry = load_registry(session.cache.db, query.registry_id)
    assert registry is not None
    shown = query.shown_columns(registry)
    return [
        [row.values.get(c.key) for c in shown]
        for batch in iter_rows(session.cache.db, query)
        for row in batch
    ]


def online_export(session: Session, query: RegistryQuery, target: Path, **options: Any) -> int:
    registry = load_registry(session.cache.db, query.registry_id)
    assert registry is not None
    online = ApiOnlineReads(session.api, lambda: True)
    return on_worker(
        lambda: export_rows(
            query.shown_columns(registry),
            iter_pages(online, query, options.pop("page", EXPORT_PAGE)),
            target,
            target.suffix[1:],
            **options,
        )
    )


def test_an_online_csv_export_is_the_view(indexed: Session, tmp_path: Path) -> None:
    target = tmp_path / "müəssisələr.csv"
    seen: list[tuple[int, int | None]] = []
    written = online_export(
        indexed, EXPORTED, target, page=40, progress=lambda d, t: seen.append((d, t))
    )
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "Müəssisənin adı"
    want = [
        ["" if v is None else ("1" if v else "0") if isinstance(v, bool) else str(v) for v in r]
        for r in cached_cells(indexed, EXPORTED)
    ]
    assert rows[1:] == want and written == len(want) > 40
    assert seen[0] == (40, None) and seen[-1] == (written, None)
    assert os.listdir(tmp_path) == [target.name]


def test_an_online_xlsx_export_is_the_view(indexed: Session, tmp_path: Path) -> None:
    target = tmp_path / "view.xlsx"
    written = online_export(indexed, EXPORTED, target)
    book = openpyxl.load_workbook(target, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    read = [[r[0], r[1], r[2], r[3].date().isoformat(), r[4]] for r in rows[1:]]  # type: ignore[union-attr]
    assert read == cached_cells(indexed, EXPORTED) and written == len(read) > 0
    assert os.listdir(tmp_path) == ["view.xlsx"]


class Stop(Exception):
    pass


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_cancelled_online_export_leaves_no_file(
    indexed: Session, tmp_path: Path, file_format: str
) -> None:
    seen: list[int] = []

    def check() -> None:
        if seen:
            raise Stop

    with pytest.raises(Stop):
        online_export(
            indexed,
            RegistryQuery(INSTITUTIONS),
            tmp_path / f"x.{file_format}",
            progress=lambda done, _total: seen.append(done),
            check=check,
        )
    assert seen == [500]
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_page_failing_mid_export_leaves_no_file(
    world: World, tmp_path: Path, file_format: str
) -> None:
    """The server breaks after the first page (a real 500): the export raises the
    failure and leaves nothing in the folder."""
    with world.db.write() as conn:
        records.bulk_insert(
            conn,
            "registry_rows",
            [
                {"id": f"row-x-{i}", "registry_id": "reg-open", "values": {"name": f"X {i}"}}
                for i in range(30)
            ],
        )
    api = signed_in(world.server.base_url)
    online = ApiOnlineReads(api, lambda: True)
    columns = (Column("name", "Ad", "text"),)
    folder = tmp_path / "export"  # the server's files are in tmp_path
    folder.mkdir()

    def breaking() -> Iterator[list[RegistryRow]]:
        for number, page in enumerate(iter_pages(online, RegistryQuery("reg-open"), 10)):
            yield page
            if number == 0:
                with world.db.write() as conn:
                    conn.execute(text("ALTER TABLE registry_rows RENAME TO registry_rows_gone"))

    try:
        with pytest.raises(OnlineReadFailed) as failed:
            on_worker(
                lambda: export_rows(columns, breaking(), tmp_path / f"x.{file_format}", file_format)
            )
        assert failed.value.problem is OnlineProblem.SERVER
        assert os.listdir(folder) == []
    finally:
        api.close()


def test_an_online_export_of_personal_data_is_logged_page_by_page(
    world: World, tmp_path: Path
) -> None:
    """Exporting is reading rows: each page is in the access log; a role without access
    gets no file."""
    folder = tmp_path / "export"
    folder.mkdir()
    columns = (Column("name", "Ad", "text"),)
    api = signed_in(world.server.base_url)
    try:
        reads = ApiOnlineReads(api, lambda: True)
        written = on_worker(
            lambda: export_rows(
                columns,
                iter_pages(reads, RegistryQuery("reg-personal"), 1),
                folder / "p.csv",
                "csv",
            )
        )
        assert written == 2
    finally:
        api.close()
    log = world.sign_in("admin").get("/admin/registry-access-log").json()
    assert [(e["registry_id"], e["rows"], e["user_id"]) for e in log] == [
        ("reg-personal", 1, "p-analyst")
    ] * 2
    staff = ApiClient(world.server.base_url)
    staff.login("staff", PASSWORD, "device-online-2", "Test")
    try:
        reads = ApiOnlineReads(staff, lambda: True)
        with pytest.raises(OnlineReadFailed) as refused:
            on_worker(
                lambda: export_rows(
                    columns,
                    iter_pages(reads, RegistryQuery("reg-personal")),
                    folder / "s.csv",
                    "csv",
                )
            )
        assert refused.value.problem is OnlineProblem.FORBIDDEN
        assert os.listdir(folder) == ["p.csv"]
    finally:
        staff.close()
