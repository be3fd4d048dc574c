"""``main.py indicators export``: an indicator's table from the offline data only (the
server is stopped first), as CSV or XLSX; bad input is one sentence and writes nothing."""

from __future__ import annotations

import csv
import dataclasses
import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

import main
from server.config import Settings
from server.runner import ServerThread
from server.seed import DEMO_PASSWORD
from tests.demo import USERNAME, synced_session


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
    book = load_workbook(tmp_path / "t.xlsx")  # openpyxl: a reader nobody here wrote
    (sheet,) = book.worksheets
    assert sheet.title == "tb-incidence"
    cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(cells) == 7
    assert cells[0] == ["Ay", "Şəki rayonu", "Şəki-Zaqatala iqtisadi rayonu"]
    assert [row[0] for row in cells[1:]] == [f"2025-0{m}" for m in range(1, 7)]
    assert isinstance(cells[1][1], float)  # a number, not text
    assert cells[1][1] == pytest.approx(float(rows[1][1]))


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
