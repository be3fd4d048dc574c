"""``main.py indicators export``: an indicator's table from the offline data only (the
server is stopped first), as CSV or XLSX; bad input is one sentence and writes nothing."""

from __future__ import annotations

import csv
import dataclasses
import io
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

import main
from server.config import Settings
from server.runner import ServerThread
from server.seed import DEMO_PASSWORD
from tests.demo import USERNAME, synced_session

SHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


@pytest.fixture(scope="module")
def offline_profile(
    demo_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Path]]:
    """A profile synced from a copy of the demo server, whose server is then stopped."""
    root = tmp_path_factory.mktemp("headless")
    shutil.copytree(demo_settings.data_dir, root / "server")
    server = ServerThread(dataclasses.replace(demo_settings, data_dir=root / "server")).start()
    url = server.base_url
    synced_session(url, root / "profiles").close()
    server.stop()
    yield url, root / "profiles"


def export(monkeypatch: pytest.MonkeyPatch, profile: tuple[str, Path], *extra: str) -> int:
    url, profiles = profile
    monkeypatch.setattr("sys.stdin", io.StringIO(DEMO_PASSWORD + "\n"))
    return main.main(
        [
            "--profile-dir", str(profiles), "indicators", "export", "--server", url,
            "--username", USERNAME, "--password-stdin", *extra,
        ]
    )  # fmt: skip


def test_csv_and_xlsx_from_the_offline_data(
    monkeypatch: pytest.MonkeyPatch,
    offline_profile: tuple[str, Path],
    tmp_path: Path,
    capsys: Any,
) -> None:
    args = ("--indicator", "tb-incidence", "--area", "seki", "--area", "seki-zaqatala")
    period = ("--from", "2025-01", "--to", "2025-06")
    assert (
        export(monkeypatch, offline_profile, *args, *period, "--out", str(tmp_path / "t.csv")) == 0
    )
    assert "2 areas × 6 months" in capsys.readouterr().out
    data = (tmp_path / "t.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["Ay", "Şəki rayonu", "Şəki-Zaqatala iqtisadi rayonu"]
    assert [row[0] for row in rows[1:]] == [f"2025-0{m}" for m in range(1, 7)]
    assert all(float(cell) > 0 for row in rows[1:] for cell in row[1:])

    assert (
        export(monkeypatch, offline_profile, *args, *period, "--out", str(tmp_path / "t.xlsx")) == 0
    )
    with zipfile.ZipFile(tmp_path / "t.xlsx") as book:
        assert book.testzip() is None
        # Our own file, just written: nothing untrusted is parsed here.
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))  # noqa: S314
        workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))  # noqa: S314
    assert workbook.find(f"{SHEET}sheets/{SHEET}sheet").get("name") == "tb-incidence"  # type: ignore[union-attr]
    cells = sheet.findall(f"{SHEET}sheetData/{SHEET}row")
    assert len(cells) == 7
    header = ["".join(c.itertext()) for c in cells[0]]
    assert header == ["Ay", "Şəki rayonu", "Şəki-Zaqatala iqtisadi rayonu"]
    first = cells[1].findall(f"{SHEET}c")
    assert first[1].get("t") is None  # a number, not text
    assert float(first[1].findtext(f"{SHEET}v") or "nan") == pytest.approx(float(rows[1][1]))


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (("--indicator", "nothing"), "no indicator 'nothing'"),
        (("--indicator", "tb-incidence", "--area", "atlantis"), "no region or district"),
        (("--indicator", "tb-incidence", "--from", "2025-13"), "not a month"),
        (("--indicator", "tb-incidence", "--from", "2025-06", "--to", "2025-01"), "ends"),
    ],
)
def test_bad_input_is_one_sentence_and_writes_nothing(
    monkeypatch: pytest.MonkeyPatch,
    offline_profile: tuple[str, Path],
    tmp_path: Path,
    capsys: Any,
    extra: tuple[str, ...],
    words: str,
) -> None:
    target = tmp_path / "t.csv"
    assert export(monkeypatch, offline_profile, *extra, "--out", str(target)) == 1
    error = capsys.readouterr().err
    assert error.startswith("error: ") and words in error.lower() and "Traceback" not in error
    assert not target.exists()


def test_an_unknown_file_type_is_refused(
    monkeypatch: pytest.MonkeyPatch, offline_profile: tuple[str, Path], tmp_path: Path
) -> None:
    target = tmp_path / "t.pdf"
    assert (
        export(monkeypatch, offline_profile, "--indicator", "tb-incidence", "--out", str(target))
        == 1
    )
    assert not target.exists()
