"""Large uploads on their way: the file, how much the server has, and Cancel. It polls
the content port's ``transfers()`` (an in-memory list, no I/O) while it is shown."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from domains.documents.content import DocumentFiles, Transfer
from ui.documents.i18n import documents_locale

POLL_MS = 400


class UploadProgress(QWidget):
    """Hidden when nothing is on its way. ``cancelRequested(sha256)``: the user wants the
    running upload stopped and its queued change withdrawn."""

    cancelRequested = Signal(str)

    def __init__(self, files: DocumentFiles | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._files = files
        self._shown: Transfer | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self._cancel)
        row.addWidget(self.label, 1)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        if files is not None:
            self.timer.start()
        self.hide()
        self.retranslate()

    def poll(self) -> None:
        transfers = self._files.transfers() if self._files is not None else []
        self._shown = transfers[0] if transfers else None
        self.setVisible(self._shown is not None)
        self.retranslate()

    def _cancel(self) -> None:
        if self._shown is not None:
            self.cancelRequested.emit(self._shown.sha256)

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("&Cancel upload"))
        self.cancel_button.setAccessibleName(self.tr("Cancel upload"))
        self.bar.setAccessibleName(self.tr("Upload progress"))
        shown = self._shown
        if shown is None:
            return
        locale = documents_locale()
        self.label.setText(
            self.tr("Uploading %1: %2 of %3")
            .replace("%1", shown.filename)
            .replace("%2", locale.formattedDataSize(shown.done))
            .replace("%3", locale.formattedDataSize(shown.total))
        )
        self.bar.setValue(int(1000 * shown.done / shown.total) if shown.total else 0)
        self.bar.setFormat(f"{100 * shown.done // max(shown.total, 1)} %")
