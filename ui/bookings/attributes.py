"""The free-room finder's room attributes (the server's ``attributes`` of a room):
accessible, video conference, display; each a check box, reachable by Tab."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

ATTRIBUTES = ("accessible", "video_conference", "display")


class AttributeChecks(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AttributeChecks")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes = {name: QCheckBox(self) for name in ATTRIBUTES}
        for box in self.boxes.values():
            layout.addWidget(box)
        layout.addStretch(1)
        self._retranslate()

    def chosen(self) -> list[str]:
        return [name for name, box in self.boxes.items() if box.isChecked()]

    def set_chosen(self, names: list[str]) -> None:
        for name, box in self.boxes.items():
            box.setChecked(name in names)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        words = {
            "accessible": (self.tr("Accessible"), self.tr("Only rooms with step-free access")),
            "video_conference": (
                self.tr("Video conference"),
                self.tr("Only rooms with video conferencing"),
            ),
            "display": (self.tr("Display"), self.tr("Only rooms with a screen or projector")),
        }
        for name, (text, accessible) in words.items():
            self.boxes[name].setText(text)
            self.boxes[name].setAccessibleName(accessible)
