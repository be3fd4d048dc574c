"""The conflict screen: the server's record changed while this change waited (412).

Both versions side by side, field by field; a differing field is marked by a sign and
a word as well as bold text (high-contrast themes show no colour). Who changed the
server's version and when (local time) heads it. Three ends, each one transaction on
the write side, so a kill in the middle loses nothing: keep mine (sent again over the
server's version), take the server's, or edit (the form opens with mine, over theirs).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from domains.changes import ConflictSides
from ui.change_words import FIELD_NAMES, field_name
from ui.status import format_when
from ui.write_ports import ConflictChoices

HIDDEN_FIELDS = frozenset({"id", "version", "updated_at", "updated_by", "deleted"})
DIFFERS_MARK = "≠"


def compared_fields(sides: ConflictSides) -> list[str]:
    """The fields to show: those with words first (in their order), then any other that
    differs; bookkeeping fields never."""
    kind = _fields_of(sides)
    named = [field for (collection, field) in FIELD_NAMES if collection == kind]
    others = sorted(
        name
        for name in set(sides.mine) | set(sides.theirs)
        if name not in HIDDEN_FIELDS
        and name not in named
        and sides.mine.get(name) != sides.theirs.get(name)
    )
    return named + others


def _fields_of(sides: ConflictSides) -> str:
    """Whose field names the sides use: the collection's, or those of what the record
    belongs to (a booking series)."""
    return sides.collection if sides.kind == "record" else sides.kind


def _weekdays(value: Any) -> str:
    """ISO weekday numbers (Monday 1) as the current language names them."""
    locale = QLocale()
    days = [locale.standaloneDayName(int(day), QLocale.FormatType.LongFormat) for day in value]
    return ", ".join(days) if days else "—"


def _shown(value: Any, field: str = "") -> str:
    if field == "weekdays" and isinstance(value, list):
        return _weekdays(value)
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


class ConflictDialog(QDialog):
    """Asks the user to end one conflict; it does nothing until a choice is made."""

    editRequested = Signal(object)
    """The ``ConflictSides``: open the edit form with mine, over the server's version."""

    def __init__(
        self, sides: ConflictSides, choices: ConflictChoices, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ConflictDialog")
        self.sides = sides
        self._choices = choices
        self.fields = compared_fields(sides)
        self.differing = [
            name for name in self.fields if sides.mine.get(name) != sides.theirs.get(name)
        ]

        self.heading = QLabel(self)
        self.heading.setObjectName("conflictHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: 600;")
        self.who = QLabel(self)
        self.who.setObjectName("conflictChangedBy")
        self.who.setWordWrap(True)

        grid_host = QWidget(self)
        self.grid = QGridLayout(grid_host)
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(8)
        self.header_field = QLabel(grid_host)
        self.header_mine = QLabel(grid_host)
        self.header_theirs = QLabel(grid_host)
        for column, label in enumerate(
            (self.header_field, self.header_mine, self.header_theirs), start=1
        ):
            label.setStyleSheet("font-weight: 600;")
            self.grid.addWidget(label, 0, column)
        self.rows: dict[str, tuple[QLabel, QLabel, QLabel, QLabel]] = {}
        for row, name in enumerate(self.fields, start=1):
            differs = name in self.differing
            mark = QLabel(DIFFERS_MARK if differs else "", grid_host)
            label = QLabel(grid_host)
            mine = QLabel(grid_host)
            theirs = QLabel(grid_host)
            for value in (mine, theirs):
                value.setWordWrap(True)
                value.setTextInteractionFlags(
                    Qt.TextInteractionFlag.TextSelectableByMouse
                    | Qt.TextInteractionFlag.TextSelectableByKeyboard
                )
                value.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                if differs:
                    value.setStyleSheet("font-weight: 600;")
            self.grid.addWidget(mark, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(label, row, 1, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(mine, row, 2, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(theirs, row, 3, Qt.AlignmentFlag.AlignTop)
            self.rows[name] = (mark, label, mine, theirs)
        self.grid.setColumnStretch(2, 1)
        self.grid.setColumnStretch(3, 1)
        self.grid.setRowStretch(len(self.fields) + 1, 1)
        scroll = self.comparison = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setWidget(grid_host)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)

        self.keep_mine = QPushButton(self)
        self.keep_mine.setObjectName("keepMine")
        self.keep_mine.clicked.connect(self.choose_mine)
        self.take_theirs = QPushButton(self)
        self.take_theirs.setObjectName("takeTheirs")
        self.take_theirs.clicked.connect(self.choose_theirs)
        self.edit = QPushButton(self)
        self.edit.setObjectName("editMine")
        self.edit.clicked.connect(self.choose_edit)
        self.buttons = QDialogButtonBox(self)
        self.buttons.addButton(self.keep_mine, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.take_theirs, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.edit, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel.setObjectName("decideLater")
        self.buttons.rejected.connect(self.reject)
        for button in (self.keep_mine, self.take_theirs, self.edit):
            button.setAutoDefault(False)
            button.setDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.who)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.buttons)
        self.resize(700, 380)
        self._retranslate()

    # --- the three ends ---------------------------------------------------------------------

    def choose_mine(self) -> None:
        self._choices.keep_mine(self.sides.collection, self.sides.record_id)
        self.accept()

    def choose_theirs(self) -> None:
        self._choices.take_theirs(self.sides.collection, self.sides.record_id)
        self.accept()

    def choose_edit(self) -> None:
        self.editRequested.emit(self.sides)
        self.accept()

    # --- words --------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def changed_by_words(self) -> str:
        sides = self.sides
        when = format_when(sides.changed_at) if sides.changed_at is not None else None
        if sides.changed_by and when:
            text = self.tr("%1 changed it on the server (%2).")
            return text.replace("%1", sides.changed_by).replace("%2", when)
        if sides.changed_by:
            return self.tr("%1 changed it on the server.").replace("%1", sides.changed_by)
        if when:
            return self.tr("It was changed on the server (%1).").replace("%1", when)
        return self.tr("It was changed on the server.")

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Changed on both sides"))
        if self.sides.kind == "booking_series":
            heading = self.tr(
                "This meeting series was changed on the server while your change to the "
                "whole series waited to be sent. Choose which version of the series to keep."
            )
        else:
            heading = self.tr(
                "This record was changed on the server while your change waited to be sent. "
                "Choose which version to keep."
            )
        self.heading.setText(heading)
        self.who.setText(self.changed_by_words())
        self.comparison.setAccessibleName(self.tr("Both versions, field by field"))
        self.header_field.setText(self.tr("Field"))
        self.header_mine.setText(self.tr("Your version"))
        self.header_theirs.setText(self.tr("On the server"))
        self.legend.setText(
            self.tr(
                "%1 marks the fields that differ (%n field(s)).", "", len(self.differing)
            ).replace("%1", DIFFERS_MARK)
        )
        differs = self.tr("differs")
        for name, (mark, label, mine, theirs) in self.rows.items():
            words = field_name(_fields_of(self.sides), name)
            mine.setText(_shown(self.sides.mine.get(name), name))  # day names: the language's
            theirs.setText(_shown(self.sides.theirs.get(name), name))
            label.setText(words[:1].upper() + words[1:] + ":")
            extra = f" ({differs})" if name in self.differing else ""
            mark.setAccessibleName(differs if name in self.differing else "")
            mine.setAccessibleName(self.tr("Your version of %1").replace("%1", words) + extra)
            theirs.setAccessibleName(
                self.tr("The server's version of %1").replace("%1", words) + extra
            )
        self.keep_mine.setText(self.tr("&Keep mine"))
        self.keep_mine.setToolTip(self.tr("Send your version again, over the server's"))
        self.keep_mine.setAccessibleName(self.tr("Keep mine"))
        self.take_theirs.setText(self.tr("&Take the server's"))
        self.take_theirs.setToolTip(self.tr("Drop your change and show the server's version"))
        self.take_theirs.setAccessibleName(self.tr("Take the server's"))
        self.edit.setText(self.tr("&Edit…"))
        self.edit.setToolTip(self.tr("Change your version before sending it again"))
        self.edit.setAccessibleName(self.tr("Edit my version"))
        self.cancel.setText(self.tr("Decide later"))
        self.cancel.setAccessibleName(self.tr("Decide later"))
