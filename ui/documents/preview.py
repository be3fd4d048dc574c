"""The preview: PDF (QtPdf, loaded from memory: never a plaintext file), images, plain
text; a message for the rest."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QScrollArea, QStackedWidget, QWidget

MAX_TEXT_CHARS = 2_000_000


class PreviewPane(QStackedWidget):
    """One page per kind of content; ``show_message`` for what cannot be shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.pdf_document = QPdfDocument(self)
        self.pdf = QPdfView(self)
        self.pdf.setDocument(self.pdf_document)
        self.pdf.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_area = QScrollArea()
        self.image_area.setWidget(self.image)
        self.image_area.setWidgetResizable(True)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        for page in (self.message, self.pdf, self.image_area, self.text):
            self.addWidget(page)
        self._buffer: QBuffer | None = None
        self.kind = "message"

    def show_message(self, text: str) -> None:
        self._release()
        self.message.setText(text)
        self.setCurrentWidget(self.message)
        self.kind = "message"

    def show_content(self, content_type: str, data: bytes) -> bool:
        """Show ``data``; False when its type has no preview here."""
        self._release()
        if content_type == "application/pdf":
            self._buffer = QBuffer(self)
            self._buffer.setData(QByteArray(data))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.pdf_document.load(self._buffer)
            if self.pdf_document.status() == QPdfDocument.Status.Error:
                return False
            self.setCurrentWidget(self.pdf)
            self.kind = "pdf"
            return True
        if content_type.startswith("image/"):
            image = QImage.fromData(data)
            if image.isNull():
                return False
            self.image.setPixmap(QPixmap.fromImage(image))
            self.setCurrentWidget(self.image_area)
            self.kind = "image"
            return True
        if content_type.startswith("text/") or content_type in ("application/json",):
            self.text.setPlainText(data[:MAX_TEXT_CHARS].decode("utf-8", errors="replace"))
            self.setCurrentWidget(self.text)
            self.kind = "text"
            return True
        return False

    def _release(self) -> None:
        self.pdf_document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        self.image.clear()
        self.text.clear()
