"""``domains.registries.export``: the exported files read back by readers nobody on this
project wrote (the standard library's ``csv``, ``openpyxl``), equal to the view; cancel
and an unwritable folder leave no file."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import openpyxl
import pytest
import sqlite_utils

from domains.registries.export import ExportFailed, export_view
from domains.registries.filters import ChoiceFilter, RegistryQuery
from domains.registries.queries import iter_rows
from server.seed import registries as seed

MEDICINES = seed.MEDICINE_REGISTRY.id
VIEW = RegistryQuery(
    MEDICINES,
    (ChoiceFilter("country", ("Azərbaycan", "Türkiyə")),),
    sort="trade_name",
    descending=True,
    columns=("trade_name", "manufacturer", "valid_until", "prescription_only"),
)


def expected(db: sqlite_utils.Database) -> list[list[object]]:
    return [
        [row.values[k] for k in ("trade_name", "manufacturer", "valid_until", "prescription_only")]
        for batch in iter_rows(db, VIEW)
        for row in batch
    ]


def test_csv_has_a_bom_and_exactly_the_view(
    registry_db: sqlite_utils.Database, tmp_path: Path
) -> None:
    target = tmp_path / "dərmanlar.csv"
    written = export_view(registry_db, VIEW, target, "csv")
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [
        "Ticarət adı",
        "İstehsalçı",
        "Qeydiyyatın etibarlılıq müddəti",
        "Reseptlə buraxılır",
    ]
    want = [
        [str(v) if not isinstance(v, bool) else ("1" if v else "0") for v in r]
        for r in expected(registry_db)
    ]
    assert rows[1:] == want
    assert written == len(want) > 0
    assert any("ə" in r[1] or "ü" in r[1] for r in rows[1:])
    assert os.listdir(tmp_path) == ["dərmanlar.csv"]


def test_xlsx_opens_in_openpyxl_with_the_view_split_over_sheets(
    registry_db: sqlite_utils.Database, tmp_path: Path
) -> None:
    target = tmp_path / "view.xlsx"
    written = export_view(registry_db, VIEW, target, "xlsx", sheet_rows=400)
    book = openpyxl.load_workbook(target, read_only=True)
    read: list[list[object]] = []
    for sheet in book.worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0] == (
            "Ticarət adı",
            "İstehsalçı",
            "Qeydiyyatın etibarlılıq müddəti",
            "Reseptlə buraxılır",
        )
        assert len(rows) <= 400
        read += [list(r) for r in rows[1:]]
    book.close()
    assert len(book.worksheets) == -(-written // 399)
    want = expected(registry_db)
    assert [[r[0], r[1], r[2].date().isoformat(), r[3]] for r in read] == want  # type: ignore[union-attr]
    assert os.listdir(tmp_path) == ["view.xlsx"]


class Stop(Exception):
    pass


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_cancelled_export_leaves_no_file(
    registry_db: sqlite_utils.Database, tmp_path: Path, file_format: str
) -> None:
    seen: list[tuple[int, int]] = []

    def check() -> None:
        if seen:
            raise Stop

    with pytest.raises(Stop):
        export_view(
            registry_db,
            RegistryQuery(MEDICINES),
            tmp_path / f"x.{file_format}",
            file_format,
            progress=lambda done, total: seen.append((done, total)),
            check=check,
            batch=2000,
        )
    assert seen == [(2000, 3000)]  # cancelled between two steps
    assert os.listdir(tmp_path) == []


def test_an_unwritable_folder_says_why_and_leaves_nothing(
    registry_db: sqlite_utils.Database, tmp_path: Path
) -> None:
    with pytest.raises(ExportFailed) as failed:
        export_view(registry_db, VIEW, tmp_path / "missing" / "x.csv", "csv")
    assert failed.value.reason == "not_writable"
    assert failed.value.detail
    assert os.listdir(tmp_path) == []
    with pytest.raises(ExportFailed) as bad:
        export_view(registry_db, VIEW, tmp_path / "x.pdf", "pdf")
    assert bad.value.reason == "bad_format"
