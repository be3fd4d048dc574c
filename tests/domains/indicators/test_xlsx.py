"""The dependency-free XLSX writer: a valid zip of SpreadsheetML, text escaped, numbers as
numbers, column names past Z, empty cells for missing values."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from domains.indicators.xlsx import xlsx_bytes

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def test_a_wide_table_with_awkward_text_reads_back() -> None:
    header = [f'<col {n} & "q">' for n in range(30)]
    data = xlsx_bytes("a/b:c[d]*e?" * 5, [header, [1.5, None, 3, *([0.0] * 27)]])
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        assert book.testzip() is None
        assert "[Content_Types].xml" in book.namelist()
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))  # noqa: S314 - ours
        workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))  # noqa: S314 - ours
    name = workbook.find(f"{MAIN}sheets/{MAIN}sheet")
    assert name is not None and len(name.get("name", "")) == 31
    assert not set(name.get("name", "")) & set("[]:*?/\\")
    rows = sheet.findall(f"{MAIN}sheetData/{MAIN}row")
    assert ["".join(c.itertext()) for c in rows[0]] == header
    assert rows[0][-1].get("r") == "AD1"
    values = {c.get("r"): c.findtext(f"{MAIN}v") for c in rows[1]}
    assert values["A2"] == "1.5" and values["C2"] == "3" and "B2" not in values
