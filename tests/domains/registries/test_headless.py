"""``main.py registries list|export`` (``domains.registries.headless``): options parsed into
the tab's query (bad ones refused before anything is written), and the command end to
end on an analyst's profile synced from the demo server, the XLSX read by openpyxl;
``--online``: a registry not kept offline exported from the server's pages."""

from __future__ import annotations

import csv
import io
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import sqlite_utils

import main
from client.online import ApiOnlineReads
from domains.registries.filters import BadFilter, ChoiceFilter, FlagFilter, RangeFilter, TextFilter
from domains.registries.headless import build_query
from domains.registries.model import load_registry
from domains.registries.online import iter_pages
from domains.registries.queries import count_rows
from tests.demo import DemoServer, sign_in_for

MEDICINES = "reg-medicines"
INSTITUTIONS = "reg-institutions"


def medicines(db: sqlite_utils.Database) -> Any:
    registry = load_registry(db, MEDICINES)
    assert registry is not None
    return registry


def test_options_become_the_tabs_query(registry_db: sqlite_utils.Database) -> None:
    query = build_query(
        medicines(registry_db),
        contains=["trade_name=para"],
        starts=["atc_code=N02"],
        pick=["form=Tablet", "form=Kapsul"],
        ranges=["valid_until=2027-01-01.."],
        flags=["prescription_only=no"],
        sort="valid_until",
        descending=True,
        columns="trade_name,valid_until",
    )
    assert query.filters == (
        TextFilter("trade_name", "para", "contains"),
        TextFilter("atc_code", "N02", "starts"),
        ChoiceFilter("form", ("Tablet", "Kapsul")),
        RangeFilter("valid_until", "2027-01-01", ""),
        FlagFilter("prescription_only", False),
    )
    assert query.columns == ("trade_name", "valid_until")
    assert count_rows(registry_db, query) >= 0


@pytest.mark.parametrize(
    "options",
    [
        {"contains": ["trade_name"]},
        {"ranges": ["valid_until=2027-01-01"]},
        {"ranges": ["valid_until=soon.."]},
        {"flags": ["prescription_only=maybe"]},
        {"columns": "trade_name,nope"},
        {"sort": "nope"},
    ],
)
def test_bad_options_are_refused(
    registry_db: sqlite_utils.Database, options: dict[str, Any]
) -> None:
    with pytest.raises((BadFilter, ValueError)):
        build_query(medicines(registry_db), **options)


def test_list_and_export_end_to_end(
    demo_server: DemoServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    from server.seed import DEMO_PASSWORD

    profiles = tmp_path / "profiles"
    session = sign_in_for(demo_server.url, profiles).online("analyst", DEMO_PASSWORD)
    session.cache.meta.offline_registries = [MEDICINES]
    session.sync_engine().run()
    expected = count_rows(
        session.cache.db,
        build_query(medicines(session.cache.db), pick=["form=Tablet"]),
    )
    session.close()
    common = ["--profile-dir", str(profiles), "registries"]
    login = ["--server", demo_server.url, "--username", "analyst", "--password-stdin"]
    monkeypatch.setattr("sys.stdin", io.StringIO(DEMO_PASSWORD + "\n"))
    assert main.main([*common, "list", *login]) == 0
    listing = capsys.readouterr().out
    assert "reg-medicines" in listing and "5000" in listing
    target = tmp_path / "tablets.xlsx"
    monkeypatch.setattr("sys.stdin", io.StringIO(DEMO_PASSWORD + "\n"))
    code = main.main(
        [*common, "export", MEDICINES, *login, "--out", str(target), "--pick", "form=Tablet",
         "--sort", "trade_name", "--columns", "trade_name,form"]
    )  # fmt: skip
    assert code == 0
    book = openpyxl.load_workbook(target, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    assert rows[0] == ("Ticarət adı", "Buraxılış forması")
    assert len(rows) - 1 == expected > 0
    assert {r[1] for r in rows[1:]} == {"Tablet"}
    monkeypatch.setattr("sys.stdin", io.StringIO(DEMO_PASSWORD + "\n"))
    bad = main.main([*common, "export", MEDICINES, *login, "--out", str(tmp_path / "x.csv"),
                     "--range", "valid_until=soon.."])  # fmt: skip
    assert bad == 2
    assert not (tmp_path / "x.csv").exists()
    assert "not a date" in capsys.readouterr().err


def test_export_online_writes_the_servers_view(
    demo_server: DemoServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    """``--online``: a registry not kept offline (the institutions), its view (search,
    range, sort, columns) paged from the server, equal to the server's own pages."""
    from server.seed import DEMO_PASSWORD

    profiles = tmp_path / "profiles"
    session = sign_in_for(demo_server.url, profiles).online("analyst", DEMO_PASSWORD)
    session.cache.meta.offline_registries = [MEDICINES]
    session.sync_engine().run()
    registry = load_registry(session.cache.db, INSTITUTIONS)
    assert registry is not None
    query = build_query(
        registry,
        search="şəki",
        ranges=["beds=0..400"],
        sort="beds",
        descending=True,
        columns="name,beds",
    )
    reads = ApiOnlineReads(session.api, lambda: True)
    with ThreadPoolExecutor(max_workers=1) as worker:
        truth = worker.submit(
            lambda: [
                [row.values["name"], str(row.values["beds"])]
                for page in iter_pages(reads, query, 7)
                for row in page
            ]
        ).result()
    session.close()
    target = tmp_path / "şəki.csv"
    common = ["--profile-dir", str(profiles), "registries"]
    login = ["--server", demo_server.url, "--username", "analyst", "--password-stdin"]
    monkeypatch.setattr("sys.stdin", io.StringIO(DEMO_PASSWORD + "\n"))
    code = main.main(
        [*common, "export", INSTITUTIONS, *login, "--online", "--out", str(target),
         "--search", "şəki", "--range", "beds=0..400", "--sort", "beds", "--descending",
         "--columns", "name,beds"]
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Müəssisənin adı", "Çarpayı sayı"]
    assert rows[1:] == truth and len(truth) > 10
    assert f"{len(truth)} rows written" in capsys.readouterr().out
