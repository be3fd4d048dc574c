""" "Send to…": pick colleagues from the directory (search as you type, on a worker) and
write a note; the tab queues one share per recipient."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from domains.documents.queries import PersonChoice, people_matching
from ui.reads import ReadPool

MESSAGE_MAX_CHARS = 2000


class SendDialog(QDialog):
    """The chosen people are ``recipients()``; the note is ``message()``."""

    def __init__(self, reads: ReadPool, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reads = reads
        self._chosen: dict[str, str] = {}
        self.setWindowTitle(self.tr("Send “%1” to…").replace("%1", title))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type a colleague's name"))
        self.search.setAccessibleName(self.tr("Search for a colleague"))
        self.found = QListWidget()
        self.found.setAccessibleName(self.tr("Colleagues found: tick those to send to"))
        self.note_label = QLabel(self.tr("&Note"))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Note to the recipients"))
        self.note_label.setBuddy(self.note)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Send"))
        ok.setAccessibleName(self.tr("Send"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.search, self.found, self.note_label, self.note, self.problem):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._search)
        self.found.itemChanged.connect(self._ticked)
        self.resize(480, 460)

    def _search(self, text: str) -> None:
        self._reads.query(
            lambda db: people_matching(db, text),
            self._show,
            lambda _e: None,
            owner=self,
            key="send-to-people",
        )

    def _show(self, people: list[PersonChoice]) -> None:
        self.found.blockSignals(True)
        self.found.clear()
        for person in people:
            label = (
                f"{person.full_name} — {person.position}" if person.position else person.full_name
            )
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = person.id in self._chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.found.addItem(item)
        self.found.blockSignals(False)

    def _ticked(self, item: QListWidgetItem) -> None:
        person_id = str(item.data(Qt.ItemDataRole.UserRole))
        if item.checkState() == Qt.CheckState.Checked:
            self._chosen[person_id] = item.text()
        else:
            self._chosen.pop(person_id, None)

    def choose(self, person_id: str, label: str) -> None:
        """Tick a person (tests, and a reply to a sender)."""
        self._chosen[person_id] = label

    def recipients(self) -> list[str]:
        return list(self._chosen)

    def message(self) -> str:
        return self.note.toPlainText()

    def _accept(self) -> None:
        if not self._chosen:
            self.problem.setText(self.tr("Choose at least one colleague to send to."))
            return
        if len(self.message()) > MESSAGE_MAX_CHARS:
            self.problem.setText(
                self.tr("The note is too long (at most %1 characters).").replace(
                    "%1", str(MESSAGE_MAX_CHARS)
                )
            )
            return
        self.accept()
