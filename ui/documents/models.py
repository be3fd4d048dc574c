"""The documents list: the lazy table over ``domains.documents.queries.DocumentSource``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QStyle

from domains.documents.queries import DocumentQuery, DocumentRow, DocumentSource
from ui.documents.i18n import documents_locale
from ui.lazy_table import LazyTableModel, RunQuery
from ui.tasks import TaskRunner

CONTEXT = "DocumentsModel"
STATUS_COLUMN = 6


HEADERS = (
    QT_TRANSLATE_NOOP("DocumentsModel", "Title"),
    QT_TRANSLATE_NOOP("DocumentsModel", "Type"),
    QT_TRANSLATE_NOOP("DocumentsModel", "Author"),
    QT_TRANSLATE_NOOP("DocumentsModel", "Version"),
    QT_TRANSLATE_NOOP("DocumentsModel", "Size"),
    QT_TRANSLATE_NOOP("DocumentsModel", "Modified"),
    QT_TRANSLATE_NOOP("DocumentsModel", "Status"),
)
STATES = {
    "pending": QT_TRANSLATE_NOOP("DocumentsModel", "Waiting to upload"),
    "uploading": QT_TRANSLATE_NOOP("DocumentsModel", "Uploading"),
    "error": QT_TRANSLATE_NOOP("DocumentsModel", "Refused by the server"),
    "conflict": QT_TRANSLATE_NOOP("DocumentsModel", "Conflict"),
}
IMAGE = QT_TRANSLATE_NOOP("DocumentsModel", "Image %1")
TEXT = QT_TRANSLATE_NOOP("DocumentsModel", "Text")
FILE = QT_TRANSLATE_NOOP("DocumentsModel", "File")


def _tr(source: object) -> str:
    """``QT_TRANSLATE_NOOP`` marks the text for lupdate; this looks it up."""
    return QCoreApplication.translate(CONTEXT, str(source))


def headers() -> list[str]:
    return [_tr(header) for header in HEADERS]


def state_words(state: str) -> str:
    """A record's ``sync_state`` as the list and the details say it."""
    source = STATES.get(state)
    return _tr(source) if source else ""


def type_words(content_type: str, filename: str) -> str:
    extension = filename.rpartition(".")[2].upper() if "." in filename else ""
    if content_type == "application/pdf":
        return "PDF"
    if content_type.startswith("image/"):
        return _tr(IMAGE).replace("%1", extension)
    if content_type.startswith("text/"):
        return _tr(TEXT)
    return extension or _tr(FILE)


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
            row.updated_at[:10],
            state_words(row.sync_state),
        )
        return values[column] if 0 <= column < len(values) else None
