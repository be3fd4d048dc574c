"""A table column that takes the width left over, but never less than a readable width.

Qt offers either a stretched section, which a narrow window squeezes to a few pixels
(the documents' titles did), or fixed widths with the last section stretched, which in
a wide window gives the spare width to a column of short words (the documents' state)
while the titles stay cut. ``FillingColumn`` gives the spare width to the column that
needs it and, below its minimum, lets the table scroll sideways instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView


class FillingColumn(QObject):
    """Keeps ``section`` of ``view``'s horizontal header as wide as the viewport leaves
    it after the other sections, and at least ``minimum`` pixels. A width the user drags
    the section to is theirs: from then on it is left alone."""

    def __init__(self, view: QTableView, section: int, minimum: int) -> None:
        super().__init__(view)
        self._view = view
        self._header: QHeaderView = view.horizontalHeader()
        self._section = section
        self._minimum = minimum
        self._fitting = False
        self.user_width: int | None = None
        self._header.setStretchLastSection(False)
        self._header.setSectionResizeMode(section, QHeaderView.ResizeMode.Interactive)
        self._header.sectionResized.connect(self._on_section_resized)
        self._header.sectionCountChanged.connect(lambda *_: self.fit())
        view.viewport().installEventFilter(self)
        self.fit()

    def fit(self) -> None:
        if self.user_width is not None or self._section >= self._header.count():
            return
        others = sum(
            self._header.sectionSize(s)
            for s in range(self._header.count())
            if s != self._section and not self._header.isSectionHidden(s)
        )
        width = max(self._minimum, self._view.viewport().width() - others)
        if width != self._header.sectionSize(self._section):
            self._fitting = True
            try:
                self._header.resizeSection(self._section, width)
            finally:
                self._fitting = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _on_section_resized(self, section: int, _old: int, new: int) -> None:
        if self._fitting:
            return
        if section == self._section:
            self.user_width = new
        else:
            self.fit()
