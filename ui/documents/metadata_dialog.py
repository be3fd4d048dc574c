""" "Edit details…": a document's title, description and tags (queued with If-Match;
works offline). The tab applies the command; refusals are shown here by field."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from domains.command import FieldProblem
from domains.documents.commands import UpdateMetadata


class MetadataDialog(QDialog):
    def __init__(self, record: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document_id = str(record["id"])
        self.setWindowTitle(self.tr("Details of “%1”").replace("%1", str(record.get("title"))))
        self.title = QLineEdit(str(record.get("title") or ""))
        self.title.setAccessibleName(self.tr("Title"))
        self.description = QPlainTextEdit(str(record.get("description") or ""))
        self.description.setAccessibleName(self.tr("Description"))
        self.tags = QLineEdit(", ".join(record.get("tags") or ()))
        self.tags.setAccessibleName(self.tr("Tags, separated by commas"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Description"), self.description)
        form.addRow(self.tr("T&ags"), self.tags)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, 360)

    def command(self, user: Mapping[str, Any]) -> UpdateMetadata:
        """The change as ``user`` asks it (a document someone else holds is refused)."""
        tags = tuple(t.strip() for t in self.tags.text().split(",") if t.strip())
        return UpdateMetadata(
            self._document_id,
            title=self.title.text(),
            description=self.description.toPlainText(),
            tags=tags,
            user=user,
        )

    def show_problems(self, problems: list[FieldProblem], words: str) -> None:
        """Reopened with what was refused (the tab words the codes)."""
        self.problem.setText(words)
        fields = {p.field for p in problems}
        target = (
            self.tags
            if "tags" in fields
            else self.description
            if "description" in fields
            else self.title
        )
        target.setFocus()
        self.open()
