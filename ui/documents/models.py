"""The documents list: the lazy table over ``domains.documents.queries.DocumentSource``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QStyle

from domains.documents.queries import DocumentQuery, DocumentRow, DocumentSource
from ui.documents.i18n import documents_locale
from ui.lazy_table import LazyTableModel, RunQuery
from ui.tasks import TaskRunner

CONTEXT = "DocumentsModel"
STATUS_COLUMN = 6


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def headers() -> list[str]:
    return [
        _tr("Title"),
        _tr("Type"),
        _tr("Author"),
        _tr("Version"),
        _tr("Size"),
        _tr("Modified"),
        _tr("Status"),
    ]


def state_words(state: str) -> str:
    """A record's ``sync_state`` as the list and the details say it."""
    return {
        "pending": _tr("Waiting to upload"),
        "uploading": _tr("Uploading"),
        "error": _tr("Refused by the server"),
        "conflict": _tr("Conflict"),
    }.get(state, "")


def type_words(content_type: str, filename: str) -> str:
    extension = filename.rpartition(".")[2].upper() if "." in filename else ""
    if content_type == "application/pdf":
        return "PDF"
    if content_type.startswith("image/"):
        return _tr("Image %1").replace("%1", extension)
    if content_type.startswith("text/"):
        return _tr("Text")
    return extension or _tr("File")


def _icon(content_type: str) -> Any:
    style = QApplication.style()
    if content_type.startswith("image/"):
        return style.standardIcon(QStyle.StandardPixmap.SP_DesktopIcon)
    if content_type == "application/pdf" or content_type.startswith("text/"):
        return style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
    return style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)


class DocumentsModel(LazyTableModel[DocumentQuery, DocumentRow]):
    """Title (with its type's icon), type, author, version, size, modified, status."""

    def __init__(self, tasks: TaskRunner, run_query: RunQuery, parent: QObject) -> None:
        super().__init__(DocumentSource(), tasks, run_query, DocumentQuery(), headers, parent)

    def row_data(self, row: DocumentRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return _icon(row.content_type)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        locale = documents_locale()
        values = (
            row.title,
            type_words(row.content_type, row.filename),
            row.author_name,
            locale.toString(row.version_no),
            locale.formattedDataSize(row.size),
            row.updated_at[:16].replace("T", " "),
            state_words(row.sync_state),
        )
        return values[column] if 0 <= column < len(values) else None
