"""The "My details" form: work phone, mobile and office of one's own card (an
administrator's: anyone's).

Saving hands a command to the write side; a refusal comes back field by field
(``CommandRefused``) and is shown next to its field, with nothing queued. Accepted, the
dialog closes and the card shows the new values at once, marked as waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from domains.command import Command, CommandRefused, FieldProblem
from ui.write_ports import ApplyCommand

FIELDS = ("phone", "mobile", "office")
MAX_LENGTHS = {"phone": 32, "mobile": 32, "office": 64}
"""As ``docs/api.md`` ("My details"); the command checks them again and says why."""

MakeCommand = Callable[[str | None, str | None, str | None], Command]
"""(phone, mobile, office; None: unchanged) -> the command (``UpdateContactDetails``)."""

ContactCommand = Callable[[str, str | None, str | None, str | None, dict[str, object]], Command]
"""(person id, phone, mobile, office, the signed-in user) -> the command: the shape of
``UpdateContactDetails``."""


@dataclass(frozen=True)
class ContactDetails:
    phone: str
    mobile: str
    office: str


class MyDetailsDialog(QDialog):
    """Window-modal; ``saved`` values are what the write side accepted."""

    def __init__(
        self,
        name: str,
        current: ContactDetails,
        make_command: MakeCommand,
        writes: ApplyCommand,
        parent: QWidget | None = None,
        *,
        baseline: ContactDetails | None = None,
    ) -> None:
        """``current``: the values the form starts with; ``baseline``: what a field is
        compared with to send only the changed ones (the server's version, when the form
        edits the user's side of a conflict); by default ``current``."""
        super().__init__(parent)
        self.setObjectName("MyDetailsDialog")
        self._name = name
        self._initial = baseline or current
        self._make_command = make_command
        self._writes = writes
        self.saving = False
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: 600;")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        for name_, value in zip(
            FIELDS, (current.phone, current.mobile, current.office), strict=True
        ):
            edit = QLineEdit(value, self)
            edit.setObjectName(f"{name_}Edit")
            edit.setMaxLength(MAX_LENGTHS[name_] * 4)  # longer input is refused, in words
            edit.textEdited.connect(lambda _t, f=name_: self._clear_problem(f))
            error = QLabel(self)
            error.setObjectName(f"{name_}Problem")
            error.setWordWrap(True)
            error.setVisible(False)
            error.setStyleSheet("font-weight: 600;")
            label = QLabel(self)
            label.setBuddy(edit)
            box = QWidget(self)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(edit)
            column.addWidget(error)
            form.addRow(label, box)
            self.edits[name_], self.errors[name_], self.labels[name_] = edit, error, label
        self.general = QLabel(self)
        self.general.setObjectName("detailsProblem")
        self.general.setWordWrap(True)
        self.general.setVisible(False)
        self.general.setStyleSheet("font-weight: 600;")
        # Own buttons, not standard ones: the box would put Qt's words back on a
        # language change, after ours.
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveDetails")
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._problems: list[FieldProblem] = []
        self._retranslate()

    def values(self) -> ContactDetails:
        return ContactDetails(*(self.edits[name].text() for name in FIELDS))

    def save(self) -> None:
        """Hands the command to the write side; the answer comes back on the GUI thread."""
        if self.saving:
            return
        self.show_problems([])
        values, initial = self.values(), self._initial
        try:
            command = self._make_command(
                *(
                    None
                    if getattr(values, name) == getattr(initial, name)
                    else getattr(values, name)
                    for name in FIELDS
                )
            )
        except CommandRefused as refused:  # a command may check its input when built
            self.show_problems(refused.problems)
            return
        self._set_saving(True)
        self._writes.apply(
            command,
            owner=self,
            on_done=self._saved,
            on_refused=self._refused,
            on_error=self._failed,
        )

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.save_button.setEnabled(not saving)

    def _saved(self, _result: Any) -> None:
        self._set_saving(False)
        self.accept()

    def _refused(self, refused: CommandRefused) -> None:
        self._set_saving(False)
        self.show_problems(refused.problems)

    def _failed(self, _error: BaseException) -> None:
        self._set_saving(False)
        self.general.setText(
            self.tr("The change could not be saved on this computer. Please try again.")
        )
        self.general.setVisible(True)

    # --- problems next to their fields ---------------------------------------------------------

    def show_problems(self, problems: list[FieldProblem]) -> None:
        self._problems = list(problems)
        for name in FIELDS:
            self._clear_problem(name)
        general = []
        first: QLineEdit | None = None
        for problem in problems:
            words = self.problem_words(problem)
            if problem.field in self.errors:
                label = self.errors[problem.field]
                label.setText(words)
                label.setVisible(True)
                edit = self.edits[problem.field]
                edit.setAccessibleDescription(words)
                first = first or edit
            else:
                general.append(words)
        self.general.setText("\n".join(general))
        self.general.setVisible(bool(general))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_problem(self, name: str) -> None:
        self.errors[name].clear()
        self.errors[name].setVisible(False)
        self.edits[name].setAccessibleDescription("")

    def problem_words(self, problem: FieldProblem) -> str:
        if problem.code == "empty":
            return self.tr("Enter a work phone number; it cannot be removed.")
        if problem.code == "too_long":
            limit = problem.limit or MAX_LENGTHS.get(problem.field, 0)
            return self.tr("At most %n character(s).", "", limit)
        if problem.code == "invalid_characters":
            if problem.field in ("phone", "mobile"):
                return self.tr(
                    "Only digits, spaces and + - ( ) are allowed, with at least one digit."
                )
            return self.tr("Use one line without control characters.")
        if problem.code == "no_digit":
            return self.tr("A number needs at least one digit.")
        if problem.code == "unchanged":
            return self.tr("Nothing was changed.")
        if problem.code == "forbidden":
            return self.tr("You may change only your own details.")
        if problem.code == "gone":
            return self.tr("This person is no longer in the directory.")
        return self.tr("This value is not accepted.")

    # --- language -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("My details"))
        self.heading.setText(self.tr("Contact details of %1").replace("%1", self._name))
        self.hint.setText(
            self.tr(
                "Your name, position and department come from the personnel system. The "
                "change is sent to the server when it is reachable."
            )
        )
        for name, label, accessible in (
            ("phone", self.tr("&Work phone:"), self.tr("Work phone")),
            ("mobile", self.tr("&Mobile:"), self.tr("Mobile")),
            ("office", self.tr("&Office:"), self.tr("Office")),
        ):
            self.labels[name].setText(label)
            self.edits[name].setAccessibleName(accessible)
            self.errors[name].setAccessibleName(
                self.tr("Problem with %1").replace("%1", accessible)
            )
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.general.setAccessibleName(self.tr("Problem"))
        if self._problems:
            self.show_problems(self._problems)
