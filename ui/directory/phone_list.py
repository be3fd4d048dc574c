"""A department's phone list on paper: a title, the date and one table, heads first.

The list is read on a worker (``domains.directory.queries.phone_list``); this only lays it out
as a ``QTextDocument`` (which paginates and repeats nothing it should not) and paints
it on a printer, on the GUI thread. Every value is HTML-escaped: names come from the
server.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinter

from domains.directory.queries import PhoneListEntry


def phone_list_document(
    title: str,
    subtitle: str,
    headers: Sequence[str],
    entries: Sequence[PhoneListEntry],
    head_mark: str,
) -> QTextDocument:
    """The phone list as a document: ``headers`` are the six column titles (name,
    position, phone, mobile, e-mail, office); a head's name is bold, with ``head_mark``."""
    cells = "".join(f"<th align='left'>{escape(header)}</th>" for header in headers)
    rows = []
    for entry in entries:
        name = escape(entry.name)
        if entry.is_head:
            name = f"<b>{name}</b> ({escape(head_mark)})"
        values = (entry.position, entry.phone, entry.mobile, entry.email, entry.office)
        rows.append(
            f"<tr><td>{name}</td>" + "".join(f"<td>{escape(v)}</td>" for v in values) + "</tr>"
        )
    html = (
        f"<h2>{escape(title)}</h2><p>{escape(subtitle)}</p>"
        "<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
        f"<thead><tr>{cells}</tr></thead>{''.join(rows)}</table>"
    )
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(html)
    return document


def print_document(document: QTextDocument, printer: QPrinter) -> None:
    """Paint the document on the printer (or into its PDF file), page by page."""
    document.print_(printer)
