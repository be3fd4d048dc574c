"""The person card: who someone is, where they sit, whom they report to, how to reach
them. It only shows a ``PersonCard`` it is given; the tab loads it on a worker."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QRect, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedLayout,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from domains.directory.changes import SyncMark
from domains.directory.queries import PersonCard
from ui.directory.delegate import PersonDelegate, initials, paint_avatar
from ui.directory.i18n import with_number
from ui.directory.icons import copy_icon
from ui.directory.models import PERSON_ROLE, PeopleListModel
from ui.directory.notice import Notice
from ui.write_errors import refusal_sentence

PATH_SEPARATOR = " › "
MAX_VISIBLE_REPORTS = 8
CARD_MAX_WIDTH = 680


class Avatar(QWidget):
    """The card's big initials circle."""

    def __init__(self, size: int = 64, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(size, size)
        self._person_id = ""
        self._text = ""

    def set_person(self, person_id: str, text: str) -> None:
        self._person_id, self._text = person_id, text
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self._person_id:
            painter = QPainter(self)
            paint_avatar(painter, QRect(QPoint(0, 0), self.size()), self._person_id, self._text)
            painter.end()


class LinkButton(QPushButton):
    """A person's name that opens their card: looks like a link, works like a button
    (Tab reaches it, Space and Enter press it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setStyleSheet(
            "QPushButton { text-align: left; border: 1px solid transparent; padding: 1px 0px;"
            " color: palette(link); text-decoration: underline; }"
            " QPushButton:focus { border: 1px solid palette(highlight); }"
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)


class ReportsView(QListView):
    """Direct reports: click or Enter opens one."""

    personActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(PersonDelegate(avatar_size=28, show_department=False))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.clicked.connect(self._open)

    def _open(self, index: QModelIndex) -> None:
        person = index.data(PERSON_ROLE)
        if person is not None:
            self.personActivated.emit(person.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open(self.currentIndex())
            return
        super().keyPressEvent(event)

    def fit_rows(self, rows: int) -> None:
        """As tall as its rows, up to ``MAX_VISIBLE_REPORTS``; the rest scrolls."""
        if rows == 0:
            self.setFixedHeight(0)
            return
        row_height = self.sizeHintForRow(0) if self.model() and self.model().rowCount() else 44
        visible = min(rows, MAX_VISIBLE_REPORTS)
        self.setFixedHeight(visible * row_height + 2 * self.frameWidth())


class ContactRow(QWidget):
    """A value the user may want to copy, with its copy button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.value = QLabel(self)
        self.value.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.value.setWordWrap(True)
        self.value.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.copy = QToolButton(self)
        self.copy.setAutoRaise(True)
        self.copy.setIconSize(QSize(16, 16))
        self.copy.clicked.connect(self._copy)
        layout.addWidget(self.value, 1)
        layout.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignTop)

    def set_icon_colour(self, colour: QColor) -> None:
        self.copy.setIcon(copy_icon(colour))

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.value.text())
        QToolTip.showText(
            self.copy.mapToGlobal(QPoint(0, self.copy.height())),
            self.tr("Copied"),
            self.copy,
        )


class PersonCardView(QWidget):
    """Shows one ``PersonCard``; asks the tab to open other people or save a contact."""

    personRequested = Signal(str)
    saveRequested = Signal(object)
    backRequested = Signal()
    closeRequested = Signal()
    editRequested = Signal(object)
    """The shown ``PersonCard``: open "My details" for it."""
    changesRequested = Signal()
    """Show the "Changes waiting" window (a refused change of this card)."""
    conflictRequested = Signal(str)
    """The card's person id: open the conflict screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card: PersonCard | None = None
        self._missing = False
        self.mark: SyncMark | None = None
        self._editable = False
        self._stack = QStackedLayout(self)

        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setMargin(24)
        self._stack.addWidget(self.placeholder)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self.scroll_area)
        body.setMaximumWidth(CARD_MAX_WIDTH)  # copy buttons stay near their values
        self.scroll_area.setWidget(body)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._stack.addWidget(self.scroll_area)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(16, 12, 16, 16)
        outer.setSpacing(10)

        top = QHBoxLayout()
        self.back = QToolButton(body)
        self.back.setAutoRaise(True)
        self.back.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.back.clicked.connect(self.backRequested)
        top.addWidget(self.back)
        top.addStretch(1)
        outer.addLayout(top)

        header = QHBoxLayout()
        header.setSpacing(14)
        self.avatar = Avatar(64, body)
        header.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.name = QLabel(body)
        self.name.setObjectName("directoryPersonName")
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A style sheet of its own: the app's "QWidget { font-size }" would beat setFont.
        self.name.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.position = QLabel(body)
        self.position.setObjectName("directoryPersonPosition")
        self.position.setWordWrap(True)
        self.position.setStyleSheet("font-size: 11pt;")
        titles.addWidget(self.name)
        titles.addWidget(self.position)
        header.addLayout(titles, 1)
        outer.addLayout(header)

        # A local change of this card: where it stands, in words (never colour alone).
        self.sync_box = QFrame(body)
        self.sync_box.setObjectName("cardSyncMark")
        self.sync_box.setFrameShape(QFrame.Shape.StyledPanel)
        mark_layout = QVBoxLayout(self.sync_box)
        mark_layout.setContentsMargins(8, 4, 8, 4)
        self.sync_mark = QLabel(self.sync_box)
        self.sync_mark.setObjectName("cardSyncState")
        self.sync_mark.setWordWrap(True)
        self.sync_mark.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sync_link = LinkButton(self.sync_box)
        self.sync_link.setObjectName("cardSyncLink")
        self.sync_link.clicked.connect(self._follow_mark)
        mark_layout.setSpacing(2)
        mark_layout.addWidget(self.sync_mark)
        mark_layout.addWidget(self.sync_link, 0, Qt.AlignmentFlag.AlignLeft)
        self.sync_box.setVisible(False)
        outer.addWidget(self.sync_box)

        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setHorizontalSpacing(16)
        self.form.setVerticalSpacing(8)
        self.department_label = QLabel(body)
        self.department = QLabel(body)
        self.department.setWordWrap(True)
        self.department.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.manager_label = QLabel(body)
        manager_box = QWidget(body)
        manager_layout = QVBoxLayout(manager_box)
        manager_layout.setContentsMargins(0, 0, 0, 0)
        manager_layout.setSpacing(0)
        self.manager = LinkButton(manager_box)
        self.manager.clicked.connect(self._open_manager)
        self.manager_position = QLabel(manager_box)
        self.manager_position.setWordWrap(True)
        manager_layout.addWidget(self.manager, 0, Qt.AlignmentFlag.AlignLeft)
        manager_layout.addWidget(self.manager_position)
        self.manager_box = manager_box
        self.phone_label, self.phone = QLabel(body), ContactRow(body)
        self.mobile_label, self.mobile = QLabel(body), ContactRow(body)
        self.email_label, self.email = QLabel(body), ContactRow(body)
        self.office_label, self.office = QLabel(body), ContactRow(body)
        self._rows: list[tuple[QLabel, QWidget]] = [
            (self.department_label, self.department),
            (self.manager_label, manager_box),
            (self.phone_label, self.phone),
            (self.mobile_label, self.mobile),
            (self.email_label, self.email),
            (self.office_label, self.office),
        ]
        for label, field in self._rows:
            label.setBuddy(field)
            self.form.addRow(label, field)
        outer.addLayout(self.form)

        editing = QHBoxLayout()  # a row of its own: the card stays narrow in every language
        self.edit_details = QPushButton(body)
        self.edit_details.setObjectName("editMyDetails")
        self.edit_details.clicked.connect(self._edit)
        self.edit_details.setVisible(False)
        editing.addWidget(self.edit_details)
        editing.addStretch(1)
        outer.addLayout(editing)
        actions = QHBoxLayout()
        self.write_email = QPushButton(body)
        self.write_email.clicked.connect(self.open_email)
        self.save_contact = QPushButton(body)
        self.save_contact.clicked.connect(self._save)
        actions.addWidget(self.write_email)
        actions.addWidget(self.save_contact)
        actions.addStretch(1)
        outer.addLayout(actions)
        self.notice = Notice(body)
        outer.addWidget(self.notice)

        self.reports_label = QLabel(body)
        self.reports_label.setStyleSheet("font-weight: 600;")
        self.reports_model = PeopleListModel(self)
        self.reports = ReportsView(body)
        self.reports.setModel(self.reports_model)
        self.reports.personActivated.connect(self.personRequested)
        self.reports_more = QLabel(body)
        outer.addWidget(self.reports_label)
        outer.addWidget(self.reports)
        outer.addWidget(self.reports_more)
        outer.addStretch(1)

        self._apply_palette()
        self._retranslate()
        self.show_nothing()

    # --- what is shown -------------------------------------------------------------

    def show_nothing(self) -> None:
        self.card, self._missing = None, False
        self._retranslate_placeholder()
        self._stack.setCurrentWidget(self.placeholder)

    def show_missing(self) -> None:
        """The person is no longer in the directory (deleted by a sync)."""
        self.card, self._missing = None, True
        self._retranslate_placeholder()
        self._stack.setCurrentWidget(self.placeholder)

    def show_card(
        self,
        card: PersonCard,
        can_go_back: bool = False,
        *,
        mark: SyncMark | None = None,
        editable: bool = False,
    ) -> None:
        """``mark``: a local change of the card still waiting; ``editable``: the user may
        change its contact details (their own card, or an administrator)."""
        if self.card is None or self.card.id != card.id:
            self.notice.clear()  # it spoke of the person shown before
        self.card, self._missing = card, False
        self.mark, self._editable = mark, editable
        self.edit_details.setVisible(editable)
        self.back.setVisible(can_go_back)
        name = card.full_name or " ".join(
            part for part in (card.family_name, card.given_name, card.patronymic) if part
        )
        self.avatar.set_person(card.id, initials(card.given_name, card.family_name, name))
        self.name.setText(name)
        self.position.setText(card.position)
        self.position.setVisible(bool(card.position))
        self.department.setText(PATH_SEPARATOR.join(name for _, name in card.department_path))
        self._show_row(self.department_label, self.department, bool(card.department_path))
        if card.manager is not None:
            self.manager.setText(card.manager.display_name)
            self.manager_position.setText(card.manager.position)
        self._show_row(self.manager_label, self.manager_box, card.manager is not None)
        for label, row, value in (
            (self.phone_label, self.phone, card.phone),
            (self.mobile_label, self.mobile, card.mobile),
            (self.email_label, self.email, card.email),
            (self.office_label, self.office, card.office),
        ):
            row.value.setText(value)
            self._show_row(label, row, bool(value))
        self.write_email.setEnabled(bool(card.email))
        self.reports_model.set_people(card.reports)
        self.reports.fit_rows(len(card.reports))
        has_reports = bool(card.reports)
        self.reports_label.setVisible(has_reports)
        self.reports.setVisible(has_reports)
        self._retranslate_card()
        self._stack.setCurrentWidget(self.scroll_area)
        self.scroll_area.verticalScrollBar().setValue(0)

    def _show_row(self, label: QLabel, field: QWidget, visible: bool) -> None:
        self.form.setRowVisible(field, visible)

    def _retranslate_mark(self) -> None:
        mark = self.mark
        self.sync_box.setVisible(mark is not None)
        if mark is None:
            return
        if mark.state == "conflict":
            text = self.tr(
                "⚠ Conflict: this card was changed on the server while your change waited."
            )
            link = self.tr("Resolve…")
        elif mark.state == "error":
            text = self.tr("⚠ The server refused your change: %1").replace(
                "%1", refusal_sentence(mark.error)
            )
            link = self.tr("Changes waiting…")
        elif mark.state == "uploading":
            text = self.tr("Sending your change…")
            link = self.tr("Changes waiting…")
        else:
            text = self.tr("Your change is waiting to be sent.")
            link = self.tr("Changes waiting…")
        self.sync_mark.setText(text)
        self.sync_mark.setAccessibleName(text)
        self.sync_link.setText(link)
        self.sync_link.setAccessibleName(link)

    def _follow_mark(self) -> None:
        if self.mark is not None and self.mark.state == "conflict" and self.card:
            self.conflictRequested.emit(self.card.id)
        else:
            self.changesRequested.emit()

    def _edit(self) -> None:
        if self.card is not None and self._editable:
            self.editRequested.emit(self.card)

    def focus_first(self) -> None:
        """Keyboard focus into the card (after Enter on the list)."""
        for widget in (self.manager, self.phone.copy, self.write_email, self.save_contact):
            if widget.isVisibleTo(self) and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        self.scroll_area.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- actions ------------------------------------------------------------------------

    def _open_manager(self) -> None:
        if self.card is not None and self.card.manager is not None:
            self.personRequested.emit(self.card.manager.id)

    def open_email(self) -> bool:
        """A new message in the user's mail program (mailto:). Where none is set up (Qt
        cannot open the link), say so here and offer to copy the address."""
        if self.card is None or not self.card.email:
            return False
        url = QUrl()
        url.setScheme("mailto")
        url.setPath(self.card.email)
        if QDesktopServices.openUrl(url):
            return True
        self.notice.show_message(
            self.tr(
                "No mail program is set up on this computer, so the message could not be "
                "opened. Copy the address and write from your web mail."
            ),
            self.tr("Copy address"),
            self.copy_email,
        )
        return False

    def copy_email(self) -> None:
        """The address to the clipboard, and a word that it is there."""
        if self.card is not None and self.card.email:
            QGuiApplication.clipboard().setText(self.card.email)
            self.notice.show_message(
                self.tr("%1 is copied. Paste it into your web mail.").replace("%1", self.card.email)
            )

    def show_saved(self, path: str) -> None:
        """Where "Save contact" put the file."""
        self.notice.show_message(self.tr("Contact saved to %1").replace("%1", path))

    def _save(self) -> None:
        if self.card is not None:
            self.saveRequested.emit(self.card)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.closeRequested.emit()
            return
        if (
            event.key() == Qt.Key.Key_Left
            and event.modifiers() & Qt.KeyboardModifier.AltModifier
            and self.back.isVisible()
        ):
            self.backRequested.emit()
            return
        super().keyPressEvent(event)

    # --- language and look ----------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        super().changeEvent(event)

    def _apply_palette(self) -> None:
        colour = self.palette().color(QPalette.ColorRole.WindowText)
        for row in (self.phone, self.mobile, self.email, self.office):
            row.set_icon_colour(colour)
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        for label in (self.manager_position, self.position, self.reports_more):
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, muted)
            label.setPalette(palette)

    def _retranslate(self) -> None:
        self.back.setText(self.tr("‹ Back"))
        self.back.setToolTip(self.tr("Back to the previous card (Alt+Left)"))
        self.department_label.setText(self.tr("Department:"))
        self.manager_label.setText(self.tr("Manager:"))
        self.phone_label.setText(self.tr("Work phone:"))
        self.mobile_label.setText(self.tr("Mobile:"))
        self.email_label.setText(self.tr("Email:"))
        self.office_label.setText(self.tr("Office:"))
        self.edit_details.setText(self.tr("&Edit contact details…"))
        self.edit_details.setToolTip(self.tr("Change the work phone, mobile and office"))
        self.edit_details.setAccessibleName(self.tr("Edit contact details"))
        self.write_email.setText(self.tr("Write email"))
        self.write_email.setToolTip(self.tr("Open a new message in your mail program"))
        self.save_contact.setText(self.tr("Save contact"))
        self.save_contact.setToolTip(self.tr("Save as a vCard file for Outlook or a phone"))
        self.manager.setToolTip(self.tr("Open the manager's card"))
        self.scroll_area.setAccessibleName(self.tr("Person card"))
        self.reports.setAccessibleName(self.tr("Direct reports"))
        for row, what in (
            (self.phone, self.tr("Copy the work phone")),
            (self.mobile, self.tr("Copy the mobile number")),
            (self.email, self.tr("Copy the email address")),
            (self.office, self.tr("Copy the office")),
        ):
            row.copy.setToolTip(what)
            row.copy.setAccessibleName(what)
        self._retranslate_placeholder()
        self._retranslate_card()

    def _retranslate_placeholder(self) -> None:
        if self._missing:
            self.placeholder.setText(self.tr("This person is no longer in the directory."))
        else:
            self.placeholder.setText(self.tr("Choose a person to see their card."))

    def _retranslate_card(self) -> None:
        card = self.card
        if card is None:
            return
        self._retranslate_mark()
        total = card.reports_total
        self.reports_label.setText(with_number(self.tr("Direct reports (%n)", "", total), total))
        hidden = total - len(card.reports)
        self.reports_more.setVisible(hidden > 0)
        if hidden > 0:
            self.reports_more.setText(with_number(self.tr("and %n more", "", hidden), hidden))
