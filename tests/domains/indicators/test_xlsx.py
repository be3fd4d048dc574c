"""The line chart's table as XLSX (XlsxWriter), read back with openpyxl, a reader nobody
here wrote: numbers stay numbers, a missing month is an empty cell, awkward names stay
text (never a formula), the sheet's name follows Excel's rules."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from domains.indicators.queries import Area, Point, Series, series_xlsx, xlsx_sheet_name


def test_a_wide_table_with_awkward_text_reads_back() -> None:
    months = ("2025-01", "2025-02")
    lines = [
        Series(
            Area(f"a{n}", f'=SUM(A1) <rayon {n}> & "q"' if n == 0 else f"Şəki {n}"),
            (Point(months[0], 1.5 + n), Point(months[1], None if n == 1 else -2.0)),
        )
        for n in range(30)
    ]
    data = series_xlsx("Ay", "a/b:c[d]*e?" * 5, lines)
    book = load_workbook(io.BytesIO(data))
    (sheet,) = book.worksheets
    assert len(sheet.title) <= 31 and not set(sheet.title) & set("[]:*?/\\")
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Ay", *(line.area.name for line in lines)]
    assert sheet.cell(1, 2).data_type == "s"  # "=SUM(A1) …" is text, not a formula
    assert sheet.cell(1, 31).coordinate == "AE1" and rows[0][30] == "Şəki 29"
    assert rows[1][:3] == ["2025-01", 1.5, 2.5]
    assert rows[2][:4] == ["2025-02", -2.0, None, -2.0]  # a gap stays empty, never 0
    assert isinstance(rows[1][1], float)
    assert len(rows) == 3


def test_sheet_names_follow_excels_rules() -> None:
    assert xlsx_sheet_name("tb-incidence") == "tb-incidence"
    assert xlsx_sheet_name("'a[b]'") == "a_b_"
    assert xlsx_sheet_name("") == "Sheet1"
    assert len(xlsx_sheet_name("x" * 40)) == 31
