"""Real, small files of each offered type, built by hand so the seed needs no extra libraries.

Every builder is deterministic: the same ``Content`` gives the same bytes (fixed zip dates,
no clocks, no random ids), so the blob store's sha256 names are stable between runs.
"""

from __future__ import annotations

import io
import struct
import textwrap
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

CONTENT_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "txt": "text/plain; charset=utf-8",
    "png": "image/png",
}


@dataclass(frozen=True)
class Content:
    """What a generated file says; every type renders the same facts its own way."""

    title: str
    author: str
    organisation: str
    created: datetime  # UTC
    paragraphs: tuple[str, ...]
    table_heading: tuple[str, str]
    table: tuple[tuple[str, float], ...]


def build(kind: str, content: Content) -> bytes:
    builders = {"pdf": pdf, "docx": docx, "xlsx": xlsx, "txt": txt, "png": png}
    return builders[kind](content)


# --- plain text ----------------------------------------------------------------------


def txt(content: Content) -> bytes:
    lines = [content.title, "=" * min(len(content.title), 72), ""]
    lines += [f"{content.organisation}", f"Müəllif: {content.author}", _date(content), ""]
    for paragraph in content.paragraphs:
        lines += [*textwrap.wrap(paragraph, 78), ""]
    lines.append(f"{content.table_heading[0]}: {content.table_heading[1]}")
    lines += [f"  {label}: {_number(value)}" for label, value in content.table]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _date(content: Content) -> str:
    return f"Tarix: {content.created:%d.%m.%Y}"


def _number(value: float) -> str:
    return f"{value:,.1f}".replace(",", " ").replace(".", ",")


# --- PDF ---------------------------------------------------------------------------------
#
# The standard Helvetica font with WinAnsiEncoding, where a /Differences array puts the
# Azerbaijani letters WinAnsi lacks (ə Ə ğ Ğ ı İ ş Ş and №) on codes WinAnsi leaves unused
# or nobody types; a ToUnicode map makes copying and searching the text exact.

_PDF_EXTRA: tuple[tuple[str, int, str], ...] = (
    ("ə", 0x81, "schwa"),
    ("Ə", 0x8D, "Schwa"),
    ("ğ", 0x8F, "gbreve"),
    ("Ğ", 0x90, "Gbreve"),
    ("ı", 0x9D, "dotlessi"),
    ("İ", 0x83, "Idotaccent"),
    ("ş", 0x86, "scedilla"),
    ("Ş", 0x87, "Scedilla"),
    ("№", 0x88, "afii61352"),
)


def _pdf_code_table() -> dict[str, int]:
    table: dict[str, int] = {chr(c): c for c in range(0x20, 0x7F)}
    taken = {code for _, code, _ in _PDF_EXTRA}
    for code in range(0x80, 0x100):
        if code in taken:
            continue
        try:
            table.setdefault(bytes([code]).decode("cp1252"), code)
        except UnicodeDecodeError:
            continue
    for char, code, _glyph in _PDF_EXTRA:
        table[char] = code
    return table


_PDF_CODES = _pdf_code_table()


def _pdf_text(text: str) -> bytes:
    raw = bytes(_PDF_CODES.get(ch, 0x3F) for ch in text)
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _pdf_to_unicode() -> bytes:
    pairs = sorted((code, ch) for ch, code in _PDF_CODES.items())
    chunks = [pairs[i : i + 100] for i in range(0, len(pairs), 100)]
    body = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<00> <FF>",
        "endcodespacerange",
    ]
    for chunk in chunks:
        body.append(f"{len(chunk)} beginbfchar")
        body += [f"<{code:02X}> <{ord(ch):04X}>" for code, ch in chunk]
        body.append("endbfchar")
    body += [
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(body).encode("ascii")


_PDF_TO_UNICODE = _pdf_to_unicode()
_PDF_DIFFERENCES = " ".join(f"{code} /{glyph}" for _, code, glyph in _PDF_EXTRA)


def _pdf_utf16(text: str) -> bytes:
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _pdf_page(content: Content) -> bytes:
    ops = [b"0.12 0.31 0.55 RG 1.2 w 56 806 m 539 806 l S"]
    ops.append(b"BT /F2 15 Tf 18 TL 56 780 Td")
    lines_left = 46
    for line in textwrap.wrap(content.title, 58)[:3]:
        ops.append(_pdf_text(line) + b" Tj T*")
        lines_left -= 1
    ops.append(b"/F1 10 Tf 14 TL T*")
    for line in (content.organisation, f"Müəllif: {content.author}", _date(content)):
        ops.append(_pdf_text(line) + b" Tj T*")
    ops.append(b"/F1 11 Tf 15 TL T*")
    body: list[str] = []
    for paragraph in content.paragraphs:
        body += [*textwrap.wrap(paragraph, 86), ""]
    body.append(f"{content.table_heading[0]} — {content.table_heading[1]}:")
    body += [f"    {label}: {_number(value)}" for label, value in content.table]
    for line in body[:lines_left]:
        ops.append((_pdf_text(line) + b" Tj T*") if line else b"T*")
    ops.append(b"ET")
    ops.append(
        b"BT /F1 8 Tf 56 40 Td "
        + _pdf_text("Səhiyyə Nazirliyi — xidməti istifadə üçün")
        + b" Tj ET"
    )
    return b"\n".join(ops) + b"\n"


def pdf(content: Content) -> bytes:
    """A one-page PDF 1.4 with a correct cross-reference table."""
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding 7 0 R /ToUnicode 8 0 R >>"
    stamp = content.created.strftime("D:%Y%m%d%H%M%SZ").encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (az-AZ) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        font % b"Helvetica",
        font % b"Helvetica-Bold",
        _stream(_pdf_page(content)),
        b"<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences ["
        + _PDF_DIFFERENCES.encode("ascii")
        + b"] >>",
        _stream(_PDF_TO_UNICODE),
        b"<< /Title "
        + _pdf_utf16(content.title)
        + b" /Author "
        + _pdf_utf16(content.author)
        + b" /Producer (Intranet demo data) /CreationDate ("
        + stamp
        + b") >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (
        len(objects) + 1,
        len(objects),
    )
    out += b"startxref\n%d\n" % xref_at + b"%%EOF\n"
    return bytes(out)


# --- Office Open XML -----------------------------------------------------------------

_ZIP_DATE = (2020, 1, 1, 0, 0, 0)  # fixed, so the same content zips to the same bytes
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CORE_CT = "application/vnd.openxmlformats-package.core-properties+xml"


def _x(text: str) -> str:
    """XML-escaped text without the control characters XML 1.0 forbids."""
    return escape("".join(ch for ch in text if ch >= " " or ch in "\t\n"))


def _zip(parts: Sequence[tuple[str, str]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def _content_types(overrides: Sequence[tuple[str, str]]) -> str:
    items = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
    return (
        _XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>' + items + "</Types>"
    )


def _root_rels(main_part: str) -> str:
    return (
        _XML + f'<Relationships xmlns="{_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="{main_part}"/>'
        f'<Relationship Id="rId2" Type="{_PKG_REL}/metadata/core-properties" '
        'Target="docProps/core.xml"/></Relationships>'
    )


def _core(content: Content) -> str:
    when = content.created.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        _XML + "<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{_x(content.title)}</dc:title><dc:creator>{_x(content.author)}</dc:creator>"
        "<dc:language>az-Latn-AZ</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def _w_paragraph(text: str, *, size: int = 24, bold: bool = False, after: int = 120) -> str:
    props = (
        '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>'
        + ("<w:b/>" if bold else "")
        + f'<w:sz w:val="{size}"/><w:lang w:val="az-Latn-AZ"/>'
    )
    return (
        f'<w:p><w:pPr><w:spacing w:after="{after}"/></w:pPr><w:r><w:rPr>{props}</w:rPr>'
        f'<w:t xml:space="preserve">{_x(text)}</w:t></w:r></w:p>'
    )


def docx(content: Content) -> bytes:
    """A WordprocessingML package with the three required parts plus core properties."""
    paragraphs = [
        _w_paragraph(content.title, size=32, bold=True, after=240),
        _w_paragraph(content.organisation, size=20, after=0),
        _w_paragraph(f"Müəllif: {content.author}", size=20, after=0),
        _w_paragraph(_date(content), size=20, after=240),
        *(_w_paragraph(p) for p in content.paragraphs),
        _w_paragraph(f"{content.table_heading[0]} — {content.table_heading[1]}", bold=True),
        *(_w_paragraph(f"{label}: {_number(value)}", after=0) for label, value in content.table),
    ]
    document = (
        _XML + '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body>" + "".join(paragraphs) + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="708" '
        'w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>'
    )
    main_ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    return _zip(
        [
            ("[Content_Types].xml", _content_types(
                [("/word/document.xml", main_ct), ("/docProps/core.xml", _CORE_CT)]
            )),
            ("_rels/.rels", _root_rels("word/document.xml")),
            ("word/document.xml", document),
            ("docProps/core.xml", _core(content)),
        ]
    )  # fmt: skip


def _cell(ref: str, value: str | float) -> str:
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{_x(value)}</t></is></c>'
    return f'<c r="{ref}"><v>{value!r}</v></c>'


def xlsx(content: Content) -> bytes:
    """A SpreadsheetML package: one sheet, inline strings, so no shared-strings part."""
    rows: list[list[str | float]] = [
        [content.title],
        [content.organisation],
        [f"Müəllif: {content.author}", _date(content)],
        [],
        [content.table_heading[0], content.table_heading[1]],
    ]
    rows += [[label, value] for label, value in content.table]
    xml_rows = []
    for index, row in enumerate(rows, start=1):
        cells = "".join(_cell(f"{'AB'[col]}{index}", v) for col, v in enumerate(row))
        xml_rows.append(f'<row r="{index}">{cells}</row>')
    sheet = (
        _XML + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<cols><col min="1" max="1" width="48" customWidth="1"/>'
        '<col min="2" max="2" width="18" customWidth="1"/></cols>'
        "<sheetData>" + "".join(xml_rows) + "</sheetData></worksheet>"
    )
    workbook = (
        _XML + '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'xmlns:r="{_REL}"><sheets><sheet name="Hesabat" sheetId="1" r:id="rId1"/></sheets>'
        "</workbook>"
    )
    workbook_rels = (
        _XML + f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
        f'Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    )
    sml = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    return _zip(
        [
            ("[Content_Types].xml", _content_types([
                ("/xl/workbook.xml", f"{sml}.sheet.main+xml"),
                ("/xl/worksheets/sheet1.xml", f"{sml}.worksheet+xml"),
                ("/docProps/core.xml", _CORE_CT),
            ])),
            ("_rels/.rels", _root_rels("xl/workbook.xml")),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbook_rels),
            ("xl/worksheets/sheet1.xml", sheet),
            ("docProps/core.xml", _core(content)),
        ]
    )  # fmt: skip


# --- PNG -----------------------------------------------------------------------------

_PALETTE = (
    (31, 119, 180), (44, 160, 44), (255, 127, 14), (214, 39, 40), (148, 103, 189),
    (23, 190, 207), (140, 86, 75), (188, 189, 34),
)  # fmt: skip
_WIDTH, _HEIGHT = 480, 300


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _itxt(keyword: str, text: str) -> bytes:
    """International text: UTF-8, so Azerbaijani letters survive (tEXt is Latin-1 only)."""
    return _chunk(b"iTXt", keyword.encode("latin-1") + b"\x00\x00\x00az\x00\x00" + text.encode())


def png(content: Content) -> bytes:
    """A bar chart of the content's table: 8-bit RGB, one IDAT, title in iTXt chunks."""
    values = [max(value, 0.0) for _, value in content.table] or [1.0]
    top, bottom, left, right = 40, _HEIGHT - 30, 50, _WIDTH - 20
    peak = max(values) or 1.0
    slot = (right - left) / len(values)
    bars = []
    for index, value in enumerate(values):
        x0 = int(left + index * slot + slot * 0.15)
        x1 = max(x0 + 1, int(left + (index + 1) * slot - slot * 0.15))
        bar_top = bottom - int((bottom - top) * value / peak)
        bars.append((x0, x1, bar_top, bytes(_PALETTE[index % len(_PALETTE)])))
    white, grid, axis = b"\xff\xff\xff", b"\xe4\xe8\xee", b"\x33\x33\x33"
    header = bytes((18, 79, 140))
    raw = bytearray()
    for y in range(_HEIGHT):
        row = bytearray(white * _WIDTH)
        if y < 24:
            row[:] = header * _WIDTH
        elif top <= y <= bottom and (bottom - y) % 46 == 0:
            row[left * 3 : right * 3] = grid * (right - left)
        for x0, x1, bar_top, colour in bars:
            if bar_top <= y < bottom:
                row[x0 * 3 : x1 * 3] = colour * (x1 - x0)
        if top - 6 <= y <= bottom:
            row[(left - 2) * 3 : left * 3] = axis * 2
        if bottom <= y < bottom + 2:
            row[(left - 2) * 3 : right * 3] = axis * (right - left + 2)
        raw += b"\x00" + row
    ihdr = struct.pack(">IIBBBBB", _WIDTH, _HEIGHT, 8, 2, 0, 0, 0)
    return b"".join(
        [
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", ihdr),
            _itxt("Title", content.title),
            _itxt("Author", content.author),
            _itxt("Description", f"{content.organisation}. {content.table_heading[1]}"),
            _chunk(b"IDAT", zlib.compress(bytes(raw), 9)),
            _chunk(b"IEND", b""),
        ]
    )
