"""The two versions of a conflict side by side: mine (the file that waited) and theirs
(the version the server moved on to), each with its metadata and a preview where the
type allows, so "keep mine", "keep theirs" or "keep both" is chosen seeing both."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from ui.documents.checkout_panel import local_time_words
from ui.documents.i18n import documents_locale
from ui.documents.models import type_words
from ui.documents.preview import PreviewPane


class ConflictSides(QWidget):
    """Two columns; ``show_sides`` sets the metadata, ``show_mine``/``show_theirs`` the
    bytes (loaded on a worker by the tab)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.mine_title, self.theirs_title = QLabel(), QLabel()
        self.mine_details, self.theirs_details = QLabel(), QLabel()
        for label in (self.mine_title, self.theirs_title):
            label.setObjectName("sectionTitle")
        for label in (self.mine_details, self.theirs_details):
            label.setWordWrap(True)
        self.mine_preview, self.theirs_preview = PreviewPane(), PreviewPane()
        for preview in (self.mine_preview, self.theirs_preview):
            preview.setMinimumHeight(220)
        grid.addWidget(self.mine_title, 0, 0)
        grid.addWidget(self.theirs_title, 0, 1)
        grid.addWidget(self.mine_details, 1, 0)
        grid.addWidget(self.theirs_details, 1, 1)
        grid.addWidget(self.mine_preview, 2, 0)
        grid.addWidget(self.theirs_preview, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2, 1)
        self._mine: dict[str, Any] = {}
        self._theirs: dict[str, Any] = {}
        self._theirs_uploader = self._theirs_author = ""
        self.retranslate()

    def show_sides(
        self,
        mine: dict[str, Any],
        theirs: dict[str, Any],
        theirs_uploader: str,
        theirs_author: str = "",
    ) -> None:
        """``theirs_uploader``: who uploaded the server's version (its record's
        ``version_uploaded_by``, named); empty when an older server did not say, and
        then the document's author is shown as such."""
        self._mine, self._theirs = mine, theirs
        self._theirs_uploader, self._theirs_author = theirs_uploader, theirs_author
        self.mine_preview.show_message(self.tr("Opening…"))
        self.theirs_preview.show_message(self.tr("Opening…"))
        self.retranslate()

    def show_mine(self, data: bytes) -> None:
        self._show(self.mine_preview, self._mine, data)

    def show_theirs(self, data: bytes) -> None:
        self._show(self.theirs_preview, self._theirs, data)

    def theirs_unavailable(self) -> None:
        self.theirs_preview.show_message(
            self.tr("Their version opens once the server can be reached.")
        )

    def _show(self, pane: PreviewPane, record: dict[str, Any], data: bytes) -> None:
        if not pane.show_content(str(record.get("content_type") or ""), data):
            pane.show_message(self.tr("No preview for this type of file."))

    def _describe(self, record: dict[str, Any], when_label: str, when: object) -> list[str]:
        locale = documents_locale()
        size = locale.formattedDataSize(int(record.get("size") or 0))
        kind = type_words(str(record.get("content_type")), str(record.get("filename")))
        return [
            str(record.get("filename") or ""),
            self.tr("%1, %2").replace("%1", kind).replace("%2", size),
            when_label.replace("%1", local_time_words(when)),
        ]

    def _describe_theirs(self) -> str:
        """The server's version: who uploaded it and when (not the document's author,
        who may not have touched this version), where the record says."""
        theirs = self._theirs
        uploaded_at = theirs.get("version_uploaded_at") or theirs.get("updated_at")
        lines = self._describe(theirs, self.tr("Uploaded %1"), uploaded_at)
        if self._theirs_uploader:
            lines.append(self.tr("Uploaded by %1").replace("%1", self._theirs_uploader))
        elif self._theirs_author:
            lines.append(self.tr("Author: %1").replace("%1", self._theirs_author))
        return "\n".join(lines)

    def retranslate(self) -> None:
        locale = documents_locale()
        based_on = max(int(self._mine.get("version_no") or 1) - 1, 1)
        self.mine_title.setText(
            self.tr("Yours (based on version %1)").replace("%1", locale.toString(based_on))
        )
        self.theirs_title.setText(
            self.tr("Theirs (version %1 on the server)").replace(
                "%1", locale.toString(int(self._theirs.get("version_no") or 0))
            )
        )
        if self._mine:
            self.mine_details.setText(
                "\n".join(
                    self._describe(
                        self._mine, self.tr("Changed here %1"), self._mine.get("updated_at")
                    )
                )
            )
            self.theirs_details.setText(self._describe_theirs())
            self.theirs_details.setAccessibleName(self.theirs_details.text())
        self.mine_preview.setAccessibleName(self.tr("Preview of your version"))
        self.theirs_preview.setAccessibleName(self.tr("Preview of their version"))
