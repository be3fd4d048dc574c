"""The Registries tab's online mode: a registry not kept on this computer browsed from the
real server (``TabContext.online`` over the session's API client) in the same lazy
table: first rows, the server's exact count (of a filtered view too), a jump to the end
read at its offset and the next block by keyset, the filter row and a header sort
translated to the endpoint, a newer filter superseding an older one, the pick lists'
counts and the medicines' ATC tree from the server; the mode said beside the chooser;
failures said in words (a real socket that never answers, a real server whose rows
table is gone, a malformed page from ``FakeMalformedTransport``); the personal-data line
named from ``GET /registries``; a registry switched from online to kept offline."""

from __future__ import annotations

import csv
import os
import socket
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QLineEdit
from sqlalchemy import text

from client.api import ApiClient
from client.online import ApiOnlineReads
from client.session import Session
from domains.registries.filters import RegistryQuery, TextFilter
from domains.registries.online import (
    OnlineCursor,
    fetch_atc_groups,
    fetch_choice_counts,
    fetch_page,
)
from tests.client.test_online_reads import FakeMalformedTransport
from tests.demo import DemoServer
from tests.server.conftest import PASSWORD, World, world, world_settings  # noqa: F401
from tests.ui.registries.conftest import Harness, synced_as
from ui.context import Changes, ChangeSource
from ui.registries.i18n import format_number

T = TypeVar("T")
INSTITUTIONS = "reg-institutions"
MEDICINES = "reg-medicines"
ROWS = 2_000  # the demo's institutions


def on_worker(work: Callable[[], T]) -> T:
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result(timeout=60)


def server_view(session: Session, query: RegistryQuery) -> list[str]:
    """The view as the server pages it (the truth the tab must show)."""
    online = ApiOnlineReads(session.api, lambda: True)
    ids: list[str] = []
    after: OnlineCursor | None = None
    while True:
        page = on_worker(lambda: fetch_page(online, query, after, 500))  # noqa: B023
        ids += [row.id for row in page.rows]
        if not isinstance(page.next, OnlineCursor):
            return ids
        after = page.next


@pytest.fixture
def online_tab(qapp: Any, head: Session) -> Iterator[Harness]:
    made = Harness(head, ApiOnlineReads(head.api, lambda: True))
    try:
        yield made
    finally:
        made.close()


def open_online(qtbot: Any, harness: Harness, registry_id: str = INSTITUTIONS) -> None:
    tab = harness.tab
    qtbot.waitUntil(lambda: tab.choice(registry_id) is not None, timeout=20_000)
    tab.choose(registry_id)
    qtbot.waitUntil(
        lambda: (
            tab.model is not None
            and tab.model.query.registry_id == registry_id
            and tab.model.loaded_once
        ),
        timeout=20_000,
    )


def test_a_registry_not_kept_is_browsed_online_past_its_first_block(
    qtbot: Any, online_tab: Harness, head: Session
) -> None:
    tab = online_tab.tab
    open_online(qtbot, online_tab)
    model = tab.model
    assert model is not None and model.online and tab.online_mode
    assert tab.mode_label.text() == "Online: read from the server"
    assert tab.chooser.currentItem().text().endswith("· online")
    assert tab.search.isEnabled() and tab.export_csv.isEnabled()  # online too
    # the server's exact count, after the first rows, before any scrolling
    qtbot.waitUntil(lambda: model.count == ROWS, timeout=20_000)
    assert not model.growing and model.rowCount() == ROWS
    # grouped as the tab's last installed language does ("2 000" after a Russian test)
    assert tab.count_label.text() == f"{format_number(ROWS)} rows"
    tab.table.scrollToBottom()  # a jump: the last block is read at its offset
    qtbot.waitUntil(lambda: model.row_at(1_999) is not None, timeout=20_000)
    tab.table.scrollToTop()
    qtbot.wait(100)
    tab.table.scrollTo(model.index(250, 0))  # the block after the first, by its cursor
    qtbot.waitUntil(lambda: model.row_at(250) is not None, timeout=20_000)
    truth = server_view(head, RegistryQuery(INSTITUTIONS))
    assert [model.row_at(i).id for i in (0, 199, 200, 1_999)] == [  # type: ignore[union-attr]
        truth[i] for i in (0, 199, 200, 1_999)
    ]
    tab.table.setCurrentIndex(model.index(1_999, 0))
    assert tab.detail.item(0, 1).text() == model.row_at(1_999).values["name"]  # type: ignore[union-attr]


def test_filters_and_sort_are_the_servers_and_a_newer_filter_wins(
    qtbot: Any, online_tab: Harness, head: Session
) -> None:
    tab = online_tab.tab
    open_online(qtbot, online_tab)
    model, row = tab.model, tab.filter_row
    assert model is not None and row is not None
    district = row.editor("district")[0]
    assert isinstance(district, QComboBox) and district.itemText(0) == "All"
    district.setCurrentIndex(1)  # superseded before it is shown (TaskRunner keys)
    district.setCurrentIndex(2)
    chosen = district.currentData()
    qtbot.waitUntil(lambda: model.query.filters != (), timeout=20_000)
    online_tab.tasks.wait_for_done()
    qtbot.waitUntil(lambda: model.loaded_once and not model.growing, timeout=20_000)
    assert [f.values for f in model.query.filters] == [(chosen,)]  # type: ignore[union-attr]
    truth = server_view(head, model.query)
    assert 0 < model.rowCount() == len(truth) == model.count < 200
    assert {model.row_at(i).values["district"] for i in range(len(truth))} == {chosen}  # type: ignore[union-attr]
    with qtbot.waitSignal(model.queryFinished, timeout=20_000):
        tab.table.horizontalHeader().setSortIndicator(4, Qt.SortOrder.DescendingOrder)
    assert model.query.sort == "beds" and model.query.descending
    qtbot.waitUntil(lambda: model.count is not None, timeout=20_000)
    beds = [model.row_at(i).values["beds"] for i in range(model.rowCount())]  # type: ignore[union-attr]
    assert beds == sorted(beds, reverse=True)
    assert [model.row_at(i).id for i in range(model.rowCount())] == server_view(head, model.query)  # type: ignore[union-attr]
    low, _high = row.editor("beds")
    assert isinstance(low, QLineEdit)
    before = model.query
    low.setText("many")  # said next to the filter; nothing is sent
    qtbot.wait(400)
    assert model.query == before


def harness_over(head: Session, online: ApiOnlineReads) -> Harness:
    return Harness(head, online)


@pytest.fixture
def silent_server() -> Iterator[str]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        listener.close()


def test_a_slow_server_times_out_in_words_and_the_window_keeps_working(
    qtbot: Any, qapp: Any, head: Session, silent_server: str
) -> None:
    api = ApiClient(silent_server, timeout=httpx.Timeout(1.0))
    harness = harness_over(head, ApiOnlineReads(api, lambda: True))
    ticks: list[int] = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(1))
    try:
        tab = harness.tab
        qtbot.waitUntil(lambda: tab.choice(INSTITUTIONS) is not None, timeout=20_000)
        timer.start()
        tab.choose(INSTITUTIONS)
        assert tab.mode_label.text() == "Online: read from the server"
        qtbot.waitUntil(lambda: "did not answer in time" in tab.message.text(), timeout=20_000)
        assert tab.pages.currentWidget() is tab.message
        assert len(ticks) >= 5  # the event loop ran while the request waited
    finally:
        timer.stop()
        harness.close()
        api.close()


def test_a_server_error_and_a_malformed_page_are_said_in_words(
    qtbot: Any,
    qapp: Any,
    analyst: Session,
    world: World,  # noqa: F811
) -> None:
    """The analyst's first registry (the pharmacies, not kept) opens online at once: one
    request, to a real server that fails (its registries table is gone)."""
    api = ApiClient(world.server.base_url)
    api.login("analyst", PASSWORD, "device-online-ui", "Test")
    with world.db.write() as conn:
        conn.execute(text("ALTER TABLE registries RENAME TO registries_gone"))
    harness = harness_over(analyst, ApiOnlineReads(api, lambda: True))
    try:
        tab = harness.tab
        qtbot.waitUntil(lambda: "(error 500)" in tab.message.text(), timeout=20_000)
        assert tab.pages.currentWidget() is tab.message
        assert tab.online_mode
    finally:
        harness.close()
        api.close()
    fake = ApiClient("https://intranet.example", transport=FakeMalformedTransport(b'{"rows": []}'))
    harness = harness_over(analyst, ApiOnlineReads(fake, lambda: True))
    try:
        tab = harness.tab
        qtbot.waitUntil(lambda: "could not be read" in tab.message.text(), timeout=20_000)
        assert tab.pages.currentWidget() is tab.message
    finally:
        harness.close()
        fake.close()


def test_signed_in_offline_a_registry_not_kept_says_what_to_do(
    qtbot: Any, qapp: Any, head: Session
) -> None:
    harness = harness_over(head, ApiOnlineReads(head.api, lambda: False))
    try:
        tab = harness.tab
        qtbot.waitUntil(lambda: tab.choice(INSTITUTIONS) is not None, timeout=20_000)
        tab.choose(INSTITUTIONS)
        assert tab.pages.currentWidget() is tab.message
        assert "server cannot be reached now" in tab.message.text()
        assert "Keep on this computer" in tab.message.text()
        assert tab.mode_label.text() == "Not kept on this computer"
        last = tab.chooser.item(tab.chooser.count() - 1)
        assert last.text() == "Healthcare workers (personal data)"  # offline: generic
    finally:
        harness.close()


def test_the_personal_data_line_names_the_registry_online(qtbot: Any, online_tab: Harness) -> None:
    tab = online_tab.tab
    qtbot.waitUntil(
        lambda: (
            tab.chooser.count() == 4
            and tab.chooser.item(3).text().startswith("Tibb işçilərinin reyestri\n")
        ),
        timeout=20_000,
    )
    line = tab.chooser.item(3)
    assert "not available to your role" in line.text()
    tab.chooser.setCurrentItem(line)
    assert tab.pages.currentWidget() is tab.message
    assert "“Tibb işçilərinin reyestri” holds personal data" in tab.message.text()


def test_a_registry_switched_from_online_to_kept_offline(
    qtbot: Any, qapp: Any, demo_server: DemoServer, tmp_path: Path
) -> None:
    session = synced_as(demo_server, tmp_path, "head", [])
    harness = harness_over(session, ApiOnlineReads(session.api, lambda: True))
    try:
        tab = harness.tab
        open_online(qtbot, harness)
        assert tab.mode_label.text() == "Online: read from the server"
        tab.keep_offline.setChecked(True)
        qtbot.waitUntil(
            lambda: session.cache.meta.offline_registries == [INSTITUTIONS], timeout=10_000
        )
        qtbot.waitUntil(
            lambda: (
                tab.mode_label.text()
                == "Online: read from the server until the next sync downloads it"
            ),
            timeout=10_000,
        )
        assert tab.model is not None and tab.model.online
        session.sync_engine().run()
        with qtbot.waitSignal(tab.viewShown, timeout=20_000):
            harness.events.changed.emit(Changes(ChangeSource.SYNC_PAGE, {"registry_rows": None}))
        assert tab.mode_label.text().startswith("On this computer, as of ")
        model = tab.model
        assert model is not None and not model.online and not tab.online_mode
        qtbot.waitUntil(lambda: model.count == ROWS, timeout=20_000)
        assert tab.search.isEnabled() and tab.export_csv.isEnabled()
    finally:
        harness.close()
        session.close()


def test_an_answer_for_a_registry_no_longer_open_changes_nothing(
    qtbot: Any, qapp: Any, head: Session, silent_server: str
) -> None:
    """The first registry opens online at once; the user moves to the personal-data line
    before the server's answer (here: its time-out) arrives: the line's message stays."""
    api = ApiClient(silent_server, timeout=httpx.Timeout(1.0))
    harness = harness_over(head, ApiOnlineReads(api, lambda: True))
    try:
        tab = harness.tab
        qtbot.waitUntil(lambda: tab.model is not None and tab.online_mode, timeout=20_000)
        failures: list[object] = []
        tab.model.queryFailed.connect(failures.append)  # type: ignore[union-attr]
        tab.chooser.setCurrentRow(tab.chooser.count() - 1)
        assert "Not available to your role" in tab.message.text()
        qtbot.waitUntil(lambda: bool(failures), timeout=20_000)
        assert tab.pages.currentWidget() is tab.message
        assert "Not available to your role" in tab.message.text()
    finally:
        harness.close()
        api.close()


def rows_of(tab: Any) -> list[str]:
    model = tab.model
    return [model.row_at(i).id for i in range(model.rowCount())]


def test_the_free_search_online_is_the_servers_as_the_cache_finds_words(
    qtbot: Any, online_tab: Harness, head: Session
) -> None:
    tab = online_tab.tab
    open_online(qtbot, online_tab)
    model = tab.model
    assert model is not None and tab.search.isEnabled()
    for typed in ("şəki xəstəxana", "шеки", '"NEAR(seki*" OR'):
        tab.search.setText(typed)
        qtbot.waitUntil(lambda: model.query.search == typed, timeout=20_000)  # noqa: B023
        online_tab.tasks.wait_for_done()
        qtbot.waitUntil(lambda: model.loaded_once and not model.growing, timeout=20_000)
        truth = server_view(head, model.query)
        assert rows_of(tab) == truth and model.count == len(truth)
        if typed == "шеки":  # Cyrillic typed for Latin
            assert truth and all(
                "Şəki" in " ".join(str(v) for v in model.row_at(i).values.values())  # type: ignore[union-attr]
                for i in range(len(truth))
            )
    tab.table.horizontalHeader().setSortIndicator(4, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.query.sort == "beds", timeout=20_000)
    assert model.query.search == '"NEAR(seki*" OR'  # a sort keeps the search


def test_an_online_export_writes_exactly_the_view(
    qtbot: Any, online_tab: Harness, head: Session, tmp_path: Path
) -> None:
    tab = online_tab.tab
    open_online(qtbot, online_tab)
    model = tab.model
    assert model is not None
    tab.search.setText("bakı")
    qtbot.waitUntil(lambda: model.query.search == "bakı", timeout=20_000)
    with qtbot.waitSignal(model.queryFinished, timeout=20_000):
        tab.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    target = tmp_path / "bakı.csv"
    with qtbot.waitSignal(tab.exportFinished, timeout=60_000):
        tab.export_to(target, "csv")
    assert "rows exported to" in tab.export_status.text()
    with target.open(encoding="utf-8-sig", newline="") as handle:
        names = [row[0] for row in csv.reader(handle)][1:]
    online = ApiOnlineReads(head.api, lambda: True)
    truth: list[str] = []
    after: OnlineCursor | None = None
    while True:
        page = on_worker(lambda: fetch_page(online, model.query, after, 500))  # noqa: B023
        truth += [row.values["name"] for row in page.rows]
        if not isinstance(page.next, OnlineCursor):
            break
        after = page.next
    assert names == truth and len(names) > 200  # more than the block the table has read
    assert sorted(os.listdir(tmp_path)) == ["bakı.csv"]


def test_a_cancelled_online_export_leaves_no_file(
    qtbot: Any, online_tab: Harness, tmp_path: Path
) -> None:
    tab = online_tab.tab
    open_online(qtbot, online_tab)
    tab.export_to(tmp_path / "all.xlsx", "xlsx")
    assert tab.export_cancel.isVisible() and tab.export_progress.isVisible()
    tab.cancel_export()
    qtbot.waitUntil(lambda: "no file was written" in tab.export_status.text(), timeout=60_000)
    assert os.listdir(tmp_path) == []


def test_an_online_export_that_cannot_read_a_page_says_why_and_leaves_no_file(
    qtbot: Any,
    qapp: Any,
    analyst: Session,
    world: World,  # noqa: F811
    tmp_path: Path,
) -> None:
    """The analyst's pharmacies (not kept) from a server that has no such registry."""
    api = ApiClient(world.server.base_url)
    api.login("analyst", PASSWORD, "device-online-export", "Test")
    harness = harness_over(analyst, ApiOnlineReads(api, lambda: True))
    folder = tmp_path / "export"
    folder.mkdir()
    try:
        tab = harness.tab
        qtbot.waitUntil(lambda: tab.model is not None and tab.online_mode, timeout=20_000)
        failed: list[str] = []
        tab.exportFailed.connect(failed.append)
        tab.export_to(folder / "x.csv", "csv")
        qtbot.waitUntil(lambda: bool(failed), timeout=20_000)
        assert failed[0].startswith("The export stopped; no file was written.")
        assert "no longer has this registry" in failed[0]
        assert os.listdir(folder) == []
    finally:
        harness.close()
        api.close()


def test_a_filtered_view_online_shows_its_exact_count(
    qtbot: Any, online_tab: Harness, head: Session
) -> None:
    tab = online_tab.tab
    open_online(qtbot, online_tab)
    model, row = tab.model, tab.filter_row
    assert model is not None and row is not None
    low, high = row.editor("beds")
    assert isinstance(low, QLineEdit) and isinstance(high, QLineEdit)
    high.setText("150")
    qtbot.waitUntil(lambda: model.query.filters != (), timeout=20_000)
    truth = server_view(head, model.query)
    assert 200 < len(truth) < ROWS  # more than the first block: counted, not paged
    qtbot.waitUntil(lambda: model.count == len(truth), timeout=20_000)
    assert tab.count_label.text() == f"{format_number(len(truth))} rows"
    assert model.rowCount() == len(truth)


def test_pick_lists_online_show_the_servers_counts(
    qtbot: Any, online_tab: Harness, head: Session
) -> None:
    tab = online_tab.tab
    open_online(qtbot, online_tab)
    row = tab.filter_row
    assert row is not None
    district = row.editor("district")[0]
    assert isinstance(district, QComboBox)
    online = ApiOnlineReads(head.api, lambda: True)
    counts = on_worker(lambda: fetch_choice_counts(online, INSTITUTIONS, "district"))
    wanted = ["All"] + [f"{value} ({format_number(count)})" for value, count in counts]
    qtbot.waitUntil(
        lambda: [district.itemText(i) for i in range(district.count())] == wanted,
        timeout=20_000,
    )
    assert sum(count for _value, count in counts) == ROWS


def test_the_atc_tree_online_a_level_at_a_time(
    qtbot: Any, online_tab: Harness, head: Session
) -> None:
    tab = online_tab.tab
    open_online(qtbot, online_tab, MEDICINES)
    assert tab.online_mode and tab.atc_tree.isVisible()
    online = ApiOnlineReads(head.api, lambda: True)
    groups = on_worker(lambda: fetch_atc_groups(online, MEDICINES, ""))
    assert len(groups) > 3
    qtbot.waitUntil(
        lambda: tab.atc_items() == ["All ATC groups"] + [g.code for g in groups], timeout=20_000
    )
    first = tab.atc_tree.topLevelItem(1)
    assert first is not None and first.text(1) == format_number(groups[0].count)
    first.setExpanded(True)  # the next level is read now, on a worker
    children = on_worker(lambda: fetch_atc_groups(online, MEDICINES, groups[0].code))
    qtbot.waitUntil(
        lambda: (
            [first.child(i).text(0) for i in range(first.childCount())]
            == [g.code for g in children]
        ),
        timeout=20_000,
    )
    tab.atc_tree.setCurrentItem(first.child(0))  # filters the table: its exact count
    model = tab.model
    assert model is not None
    qtbot.waitUntil(lambda: model.count == children[0].count, timeout=20_000)
    assert [f.text for f in model.query.filters if isinstance(f, TextFilter)] == [children[0].code]
    assert tab.count_label.text() == f"{format_number(children[0].count)} rows"


def test_an_atc_level_not_read_is_said_in_the_tree(qtbot: Any, qapp: Any, head: Session) -> None:
    fake = ApiClient("https://intranet.example", transport=FakeMalformedTransport(b'{"x": 1}'))
    harness = harness_over(head, ApiOnlineReads(fake, lambda: True))
    try:
        tab = harness.tab
        qtbot.waitUntil(lambda: tab.choice(MEDICINES) is not None, timeout=20_000)
        tab.choose(MEDICINES)
        qtbot.waitUntil(lambda: "Could not be read" in tab.atc_items(), timeout=20_000)
        line = tab.atc_tree.topLevelItem(1)
        assert line is not None and "could not be read" in line.toolTip(0)
        qtbot.waitUntil(  # the rows: their own words, whenever their answer comes
            lambda: "could not be read" in tab.message.text(), timeout=20_000
        )
    finally:
        harness.close()
        fake.close()
