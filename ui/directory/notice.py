"""A one-line message inside the directory, with an optional action and a close button.

Used where the outcome of a click must be said where the user looks: "Saved to …",
"No mail program is set up … [Copy address]", "Exported to …". It stays until closed,
replaced, or the card changes; the screen reader hears it (an accessible description
and a status update), and Tab reaches its buttons.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget


class Notice(QFrame):
    """Hidden until ``show_message``; ``clear`` hides it again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.action = QPushButton(self)
        self.action.clicked.connect(self._act)
        self.close_button = QToolButton(self)
        self.close_button.setAutoRaise(True)
        self.close_button.setText("✕")
        self.close_button.clicked.connect(self.clear)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.action, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self._on_action: Callable[[], None] | None = None
        self._apply_palette()
        self._retranslate()
        self.hide()

    def show_message(
        self,
        text: str,
        action: str | None = None,
        on_action: Callable[[], None] | None = None,
    ) -> None:
        """Show ``text``; with ``action``, a button that calls ``on_action``."""
        self.text.setText(text)
        self.setAccessibleDescription(text)
        self._on_action = on_action
        self.action.setVisible(bool(action and on_action))
        if action:
            self.action.setText(action)
            self.action.setAccessibleName(action)
        self._apply_palette()
        self.show()

    def clear(self) -> None:
        self._on_action = None
        self.text.clear()
        self.hide()

    def _act(self) -> None:
        if self._on_action is not None:
            self._on_action()

    def _apply_palette(self) -> None:
        palette = self.palette()
        parent = self.parentWidget()
        base = parent.palette() if parent is not None else palette
        colour = base.color(QPalette.ColorRole.AlternateBase)
        palette.setColor(QPalette.ColorRole.Window, colour)
        self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Close this message"))
        self.close_button.setAccessibleName(self.tr("Close this message"))
        self.setAccessibleName(self.tr("Message"))
