"""The Directory tab: search box, department tree, people list and person card.

Every read goes through ``context.tasks`` to a worker with its own connection
(the window's ``context.reads``), owned by the tab or its model (nothing arrives once they are
gone); the GUI thread only shows results. Typing is debounced (150 ms); the tree, the
card and the list pages run under latest-wins keys, so an older result is dropped. Keyboard: Ctrl+F
searches, Down goes from the box to the list, arrows move, Enter opens the card
(and puts the focus in it), Escape goes back.

With a department chosen, its head leads the list, and its phone list can be exported
(CSV for Excel) or printed: the list is read on a worker, the file written there too;
printing paints on the GUI thread. Files start in the folder last used (remembered in
``context.preferences``), else Documents; where a file went is said in the window.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QPalette, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from domains.changes import ConflictSides
from domains.directory.changes import CONTACT_FIELDS, SyncMark, person_sync_mark
from domains.directory.commands import UpdateContactDetails
from domains.directory.queries import (
    VCARD_3,
    VCARD_4,
    DepartmentTree,
    DirectoryQuery,
    PersonCard,
    PhoneListEntry,
    contact_file_name,
    department_tree,
    person_card,
    person_vcard,
    phone_list,
    phone_list_csv,
)
from ui.context import Changes, TabContext
from ui.directory.card import PersonCardView
from ui.directory.delegate import PersonDelegate, SpacedDelegate
from ui.directory.i18n import directory_locale, with_number
from ui.directory.icons import search_icon
from ui.directory.models import (
    DEPARTMENT_ROLE,
    PERSON_ROLE,
    DepartmentModel,
    PeopleModel,
    head_mark,
)
from ui.directory.my_details import ContactCommand, ContactDetails, MyDetailsDialog
from ui.directory.notice import Notice
from ui.directory.phone_list import phone_list_document, print_document
from ui.tasks import Priority
from ui.write_ports import ApplyCommand, ConflictEdit, ConflictEditing

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 150
CARD_DEBOUNCE_MS = 80
SAVE_FOLDER_KEY = "directory/save_folder"
"""Where the user last saved a contact or a phone list (``context.preferences``)."""


class DirectoryTab(QWidget):
    """The staff directory. Contract with the shell: ``DirectoryTab(context, parent)``,
    ``DirectoryTab.title()``; it refreshes on ``context.events.changed`` and
    retranslates on ``LanguageChange``."""

    contactSaved = Signal(str)
    """The path a contact was saved to."""
    phoneListExported = Signal(str)
    """The path a phone list was exported to."""
    phoneListPrinted = Signal(int)
    """How many people a printed phone list held."""
    changesWindowRequested = Signal()
    """The card's waiting mark was followed: show "Changes waiting"."""
    conflictRequested = Signal(str, str)
    """collection, record id: open the conflict screen for a card."""
    contactDetailsSaved = Signal(str)
    """The person id whose contact details were queued ("My details")."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DirectoryTab")
        self._context = context
        self._connections = context.reads  # the window's pool: the window closes it
        self._department: str | None = None
        self._card_person: str | None = None
        self._history: list[str] = []
        self._focus_card_on_load = False
        self._open_first_when_loaded = False
        self.contact_command: ContactCommand | None = UpdateContactDetails
        """Builds the "My details" command; None: no editing."""
        self.details_dialog: MyDetailsDialog | None = None

        self._build()
        self._retranslate()
        context.events.changed.connect(self._on_data_changed)
        self._load_tree()
        self._apply_query()

    @staticmethod
    def title() -> str:
        """The tab's title in the current language."""
        return QCoreApplication.translate("DirectoryTab", "Directory")

    # --- building --------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)

        top = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(200)
        self.search.textChanged.connect(self._on_text_changed)
        self.search.installEventFilter(self)
        self.search_icon = self.search.addAction(
            search_icon(self.palette().color(QPalette.ColorRole.PlaceholderText)),
            QLineEdit.ActionPosition.LeadingPosition,
        )
        self.search_icon.triggered.connect(self.focus_search)  # a click on it: type here
        self.count_label = QLabel(self)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label.setMinimumWidth(120)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        layout.addLayout(top)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)

        self.department_model = DepartmentModel(self)
        self.departments = QTreeView(self.splitter)
        self.departments.setModel(self.department_model)
        self.departments.setHeaderHidden(True)
        self.departments.setUniformRowHeights(True)
        self.departments.setItemDelegate(SpacedDelegate())
        self.departments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.departments.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.departments.setMinimumWidth(220)
        self.departments.selectionModel().currentRowChanged.connect(self._on_department_changed)

        self.people_model = PeopleModel(self._context.tasks, self._connections.run, self)
        self.people_model.queryFinished.connect(self._on_query_finished)
        self.people_model.countChanged.connect(self._show_count)
        self.people_model.countChanged.connect(self._on_count_changed)
        self.people_model.failed.connect(self._on_query_failed)
        self.list_panel = QWidget(self.splitter)
        panel = QVBoxLayout(self.list_panel)
        panel.setContentsMargins(0, 0, 0, 0)
        panel.setSpacing(4)
        department_actions = QHBoxLayout()
        department_actions.setContentsMargins(0, 0, 0, 0)
        self.export_button = QPushButton(self.list_panel)
        self.export_button.clicked.connect(self._export_phone_list)
        self.print_button = QPushButton(self.list_panel)
        self.print_button.clicked.connect(self._print_phone_list)
        department_actions.addStretch(1)
        department_actions.addWidget(self.export_button)
        department_actions.addWidget(self.print_button)
        panel.addLayout(department_actions)
        self.list_notice = Notice(self.list_panel)
        panel.addWidget(self.list_notice)
        self.list_stack = QStackedWidget(self.list_panel)
        panel.addWidget(self.list_stack, 1)
        self.people = QListView(self.list_stack)
        self.people.setModel(self.people_model)
        self.people_model.follow(self.people)  # reads the blocks the list shows
        self.people.setItemDelegate(PersonDelegate())
        self.people.setUniformItemSizes(True)  # 50 000 rows: no per-row size queries
        self.people.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.people.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.people.setMinimumWidth(280)
        self.people.installEventFilter(self)
        self.people.doubleClicked.connect(lambda _index: self.open_current(focus=True))
        self.people.selectionModel().currentChanged.connect(self._on_current_person_changed)
        self.empty = QLabel(self.list_stack)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(24)
        self.list_stack.addWidget(self.people)
        self.list_stack.addWidget(self.empty)

        self.card = PersonCardView(self.splitter)
        self.card.setMinimumWidth(320)
        self.card.personRequested.connect(self._open_linked_person)
        self.card.backRequested.connect(self._go_back)
        self.card.closeRequested.connect(self._focus_list)
        self.card.saveRequested.connect(self._save_contact)
        self.card.editRequested.connect(lambda card: self.edit_details(card.id))
        self.card.changesRequested.connect(self.changesWindowRequested)
        self.card.conflictRequested.connect(lambda pid: self.conflictRequested.emit("people", pid))

        self.splitter.addWidget(self.departments)
        self.splitter.addWidget(self.list_panel)
        self.splitter.addWidget(self.card)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([360, 440, 520])
        layout.addWidget(self.splitter, 1)

        header = self.departments.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._apply_query)
        self._card_timer = QTimer(self)
        self._card_timer.setSingleShot(True)
        self._card_timer.setInterval(CARD_DEBOUNCE_MS)
        self._card_timer.timeout.connect(self._load_current_card)

        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_shortcut.activated.connect(self.focus_search)

    # --- search and filters --------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_text_changed(self, _text: str) -> None:
        self._open_first_when_loaded = False
        self._search_timer.start()  # restarts: one query when the typing pauses

    def _on_department_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        department = current.data(DEPARTMENT_ROLE) if current.isValid() else None
        if department != self._department:
            self._department = department
            self._update_department_actions()
            self._apply_query()

    def current_query(self) -> DirectoryQuery:
        departments: tuple[str, ...] | None = None
        if self._department is not None:
            tree = self.department_model.tree
            departments = (
                tree.subtree(self._department) if tree is not None else (self._department,)
            )
        return DirectoryQuery(self.search.text(), departments, head_of=self._department)

    def _apply_query(self) -> None:
        self._search_timer.stop()
        self.people_model.set_query(self.current_query())

    def _on_query_finished(self, query: DirectoryQuery) -> None:
        open_first, self._open_first_when_loaded = self._open_first_when_loaded, False
        if self.people_model.rowCount() == 0:
            if query.text.strip():
                self.empty.setText(self.tr('No one matches "%1".').replace("%1", query.text))
            elif query.departments is not None:
                self.empty.setText(self.tr("No one works in this department."))
            else:
                self.empty.setText(
                    self.tr("No people synced yet. They appear here after the first sync.")
                )
            self.list_stack.setCurrentWidget(self.empty)
            return
        self.list_stack.setCurrentWidget(self.people)
        if open_first and query.text == self.search.text():
            self.people.setCurrentIndex(self.people_model.index(0))
            self.open_current(focus=True)
            return
        row = self.people_model.row_of(self._card_person) if self._card_person else None
        if row is not None:  # keep the person of the card selected, without reloading it
            index = self.people_model.index(row)
            self.people.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.people.scrollTo(index)

    def _on_count_changed(self, count: int) -> None:
        """A refresh emptied the list or filled an empty one: say so or show it."""
        showing_empty = self.list_stack.currentWidget() is self.empty
        if (count == 0) != showing_empty and self.people_model.loaded_once:
            self._on_query_finished(self.people_model.query)

    def _show_count(self, count: int) -> None:
        self.count_label.setText(with_number(self.tr("%n people", "", count), count))

    def _on_query_failed(self, _message: str) -> None:
        self.empty.setText(self.tr("The directory could not be read. Try again."))
        self.list_stack.setCurrentWidget(self.empty)

    # --- departments ----------------------------------------------------------------------

    def _load_tree(self) -> None:
        connections = self._connections
        self._context.tasks.run(
            lambda: connections.run(department_tree),
            self._tree_arrived,
            lambda error: log.warning("department tree: %r", error),
            owner=self,
            key="department-tree",
        )

    def _tree_arrived(self, tree: DepartmentTree) -> None:
        selection = self.departments.selectionModel()
        selection.blockSignals(True)
        try:
            self.department_model.set_tree(tree)
            if self._department is not None and self._department not in tree.departments:
                self._department = None
                self._update_department_actions()
                self._apply_query()
            index = self.department_model.index_of(self._department)
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            selection.blockSignals(False)
        root = self.department_model.index_of(None)
        self.departments.expand(root)
        for department_id in tree.roots:  # the ministry's own units are one click away
            self.departments.expand(self.department_model.index_of(department_id))
        if self._department is not None:
            self.departments.scrollTo(self.department_model.index_of(self._department))

    # --- the card -----------------------------------------------------------------------

    def _on_current_person_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        person = current.data(PERSON_ROLE) if current.isValid() else None
        if person is not None and person.id != self._card_person:
            self._card_timer.start()

    def _load_current_card(self) -> None:
        person = self.people.currentIndex().data(PERSON_ROLE)
        if person is not None:
            self._history.clear()
            self.load_card(person.id)

    def open_current(self, focus: bool = True) -> None:
        """Enter or double click: the current person's card, with the keyboard in it."""
        index = self.people.currentIndex()
        if not index.isValid() and self.people_model.rowCount() > 0:
            index = self.people_model.index(0)
            self.people.setCurrentIndex(index)
        person = index.data(PERSON_ROLE) if index.isValid() else None
        if person is None:
            return
        self._card_timer.stop()
        if person.id == self._card_person and self.card.card is not None:
            if focus:
                self.card.focus_first()
            return
        self._history.clear()
        self.load_card(person.id, focus=focus)

    def load_card(self, person_id: str, focus: bool = False) -> None:
        """Show ``person_id``'s card once it is read (on a worker)."""
        self._card_person = person_id
        self._focus_card_on_load = focus
        connections = self._connections
        self._context.tasks.run(
            lambda: connections.run(
                lambda db: (person_card(db, person_id), person_sync_mark(db, person_id))
            ),
            self._card_arrived,
            lambda error: log.warning("person card: %r", error),
            owner=self,
            key="person-card",
        )

    def may_edit(self, person_id: str) -> bool:
        """One's own card; an administrator's, anyone's (the server holds the same rule)."""
        if self.contact_command is None:
            return False
        user = self._context.user
        roles = user.get("roles")
        admin = isinstance(roles, list | tuple) and "admin" in roles
        return admin or str(user.get("id")) == person_id

    def _card_arrived(self, loaded: tuple[PersonCard | None, SyncMark | None]) -> None:
        card, mark = loaded
        if card is None:
            self.card.show_missing()
            return
        self.card.show_card(
            card, can_go_back=bool(self._history), mark=mark, editable=self.may_edit(card.id)
        )
        if self._focus_card_on_load:
            self._focus_card_on_load = False
            self.card.focus_first()

    def show_record(self, collection: str, record_id: str) -> None:
        """The shell asks for a record (the "Changes waiting" window): a person's card."""
        if collection == "people":
            self._history.clear()
            self.load_card(record_id, focus=True)

    def edit_details(
        self,
        person_id: str,
        start_from: ContactDetails | None = None,
        writes: ApplyCommand | None = None,
        baseline: ContactDetails | None = None,
    ) -> MyDetailsDialog | None:
        """The "My details" form for a card: its values (or ``start_from``, the user's
        version of a conflict, sent over ``baseline``, the server's) and the write side
        (or ``writes``, the conflict's edit)."""
        card = self.card.card
        factory = self.contact_command
        target = writes or self._context.writes
        if factory is None or not self.may_edit(person_id):
            return None
        if card is None or card.id != person_id:
            name = person_id
            values = start_from or ContactDetails("", "", "")
        else:
            name = card.full_name
            values = start_from or ContactDetails(card.phone, card.mobile, card.office)
        user = self._context.user
        dialog = MyDetailsDialog(
            name,
            values,
            lambda phone, mobile, office: factory(person_id, phone, mobile, office, user),
            target,
            self,
            baseline=baseline,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._details_saved(person_id))
        self.details_dialog = dialog
        dialog.open()
        return dialog

    def edit_conflict(
        self, sides: ConflictSides, writes: ConflictEditing
    ) -> MyDetailsDialog | None:
        """The conflict screen's "Edit": the form with the user's values, over the server's."""
        if sides.collection != "people":
            return None

        def details(record: dict[str, object]) -> ContactDetails:
            return ContactDetails(*(str(record.get(name) or "") for name in CONTACT_FIELDS))

        return self.edit_details(
            sides.record_id,
            start_from=details(sides.mine),
            writes=ConflictEdit(writes, sides.collection, sides.record_id),
            baseline=details(sides.theirs),
        )

    def _details_saved(self, person_id: str) -> None:
        self.details_dialog = None
        self.contactDetailsSaved.emit(person_id)
        if self._card_person == person_id:
            self.load_card(person_id)

    def _open_linked_person(self, person_id: str) -> None:
        """A manager or a report was clicked: their card, with a way back."""
        if self._card_person is not None:
            self._history.append(self._card_person)
        self.load_card(person_id, focus=True)

    def _go_back(self) -> None:
        if self._history:
            self.load_card(self._history.pop(), focus=True)

    def _focus_list(self) -> None:
        self.people.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- files: contact, phone list ----------------------------------------------------

    def save_folder(self) -> Path:
        """Where a save dialog starts: the folder last used, else Documents, else home."""
        preferences = self._context.preferences
        remembered = preferences.value(SAVE_FOLDER_KEY) if preferences is not None else None
        if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
            return Path(remembered)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents) if documents else Path.home()

    def _remember_folder(self, folder: Path) -> None:
        preferences = self._context.preferences
        if preferences is not None:
            preferences.setValue(SAVE_FOLDER_KEY, str(folder))
            preferences.sync()

    def _vcard_filters(self) -> tuple[str, str]:
        return (
            self.tr("vCard 3.0, for Outlook and phones (*.vcf)"),
            self.tr("vCard 4.0 (*.vcf)"),
        )

    def _save_contact(self, card: PersonCard) -> None:
        """Ask where (and which vCard version: 3.0 unless 4.0 is chosen), then write the
        file on a worker (it may be a network drive) and say where it went."""
        suggested = str(self.save_folder() / contact_file_name(card.full_name))
        version_3, version_4 = self._vcard_filters()
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save contact"), suggested, f"{version_3};;{version_4}", version_3
        )
        if not path:
            return
        data = person_vcard(card, version=VCARD_4 if chosen == version_4 else VCARD_3)
        target = Path(path)
        self._context.tasks.run(
            lambda: target.write_bytes(data),
            lambda _size: self._contact_saved(target),
            lambda error: self._write_failed(self.tr("Save contact"), target, error),
            owner=self,
            priority=Priority.BACKGROUND,  # a network drive may take its time
        )

    def _contact_saved(self, target: Path) -> None:
        self._remember_folder(target.parent)
        self.card.show_saved(str(target))
        self.contactSaved.emit(str(target))

    def _write_failed(self, title: str, target: Path, error: BaseException) -> None:
        QMessageBox.warning(
            self,
            title,
            self.tr("The file could not be saved to %1:\n%2")
            .replace("%1", str(target))
            .replace("%2", getattr(error, "strerror", None) or type(error).__name__),
        )

    def _phone_list_headers(self) -> tuple[str, str, str, str, str, str]:
        return (
            self.tr("Name"),
            self.tr("Position"),
            self.tr("Work phone"),
            self.tr("Mobile"),
            self.tr("Email"),
            self.tr("Office"),
        )

    def _chosen_department(self) -> tuple[str, str, tuple[str, ...]] | None:
        """(id, name, subtree) of the department chosen in the tree, if any."""
        tree = self.department_model.tree
        if self._department is None or tree is None or self._department not in tree.departments:
            return None
        department = tree.departments[self._department]
        return department.id, department.name, tree.subtree(department.id)

    def _export_phone_list(self) -> None:
        """The chosen department's phone list as a CSV file Excel opens as it is."""
        chosen = self._chosen_department()
        if chosen is None:
            return
        name = chosen[1]
        suggested = self.save_folder() / contact_file_name(
            self.tr("%1 - phone list").replace("%1", name), ".csv"
        )
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export phone list"),
            str(suggested),
            self.tr("CSV files for Excel (*.csv)"),
        )
        if path:
            self.export_phone_list(Path(path))

    def export_phone_list(self, target: Path) -> None:
        """Read the chosen department's list, write it to ``target`` (on a worker)."""
        chosen = self._chosen_department()
        if chosen is None:
            return
        department_id, name, departments = chosen
        headers = self._phone_list_headers()
        # Excel splits a CSV at the list separator of its locale: ";" where the decimal
        # mark is a comma (Azerbaijani, Russian), "," elsewhere.
        delimiter = ";" if directory_locale().decimalPoint() == "," else ","
        connections = self._connections

        def write() -> int:
            entries = connections.run(lambda db: phone_list(db, departments, department_id))
            target.write_bytes(phone_list_csv(entries, headers, delimiter))
            return len(entries)

        self._context.tasks.run(
            write,
            lambda count: self._phone_list_exported(target, name, count),
            lambda error: self._write_failed(self.tr("Export phone list"), target, error),
            owner=self,
            priority=Priority.BACKGROUND,
        )

    def _phone_list_exported(self, target: Path, name: str, count: int) -> None:
        self._remember_folder(target.parent)
        self.list_notice.show_message(
            with_number(self.tr("%n people of %1 exported to %2", "", count), count)
            .replace("%1", name)
            .replace("%2", str(target))
        )
        self.phoneListExported.emit(str(target))

    def _print_phone_list(self) -> None:
        """The print dialog, then the chosen department's phone list on that printer."""
        if self._chosen_department() is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print phone list"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_phone_list(printer)

    def print_phone_list(self, printer: QPrinter) -> None:
        """Read the chosen department's list on a worker, then print it on ``printer``."""
        chosen = self._chosen_department()
        if chosen is None:
            return
        department_id, name, departments = chosen
        connections = self._connections
        self._context.tasks.run(
            lambda: connections.run(lambda db: phone_list(db, departments, department_id)),
            lambda entries: self._print_entries(printer, name, entries),
            lambda error: log.warning("phone list: %r", error),
            owner=self,
        )

    def _print_entries(self, printer: QPrinter, name: str, entries: list[PhoneListEntry]) -> None:
        today = directory_locale().toString(QDate.currentDate(), "d MMMM yyyy")
        document = phone_list_document(
            name,
            self.tr("Phone list, %1").replace("%1", today),
            self._phone_list_headers(),
            entries,
            head_mark(),
        )
        print_document(document, printer)
        self.list_notice.show_message(
            with_number(
                self.tr("The phone list of %1 (%n people) is printed.", "", len(entries)),
                len(entries),
            ).replace("%1", name)
        )
        self.phoneListPrinted.emit(len(entries))

    def _update_department_actions(self) -> None:
        chosen = self._department is not None
        for button in (self.export_button, self.print_button):
            button.setEnabled(chosen)

    # --- keyboard -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.search:
                return self._search_key(event)
            if watched is self.people:
                return self._list_key(event)
        return super().eventFilter(watched, event)

    def _search_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            if self._search_timer.isActive():
                self._apply_query()
            self._focus_list()
            if not self.people.currentIndex().isValid() and self.people_model.rowCount() > 0:
                self.people.setCurrentIndex(self.people_model.index(0))
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._search_timer.isActive() or self.people_model.query.text != self.search.text():
                self._open_first_when_loaded = True  # typed and pressed Enter at once
                self._apply_query()
                return True
            self.open_current(focus=True)
            return True
        if key == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            return True
        return False

    def _list_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_current(focus=True)
            return True
        if key == Qt.Key.Key_Up and self.people.currentIndex().row() <= 0:
            self.focus_search()
            return True
        return False

    # --- sync and language ------------------------------------------------------------------

    def _on_data_changed(self, changes: Changes) -> None:
        """People or departments changed: the tree, the list's stale blocks; the open card
        only when its person is among the changed (or a whole collection may be)."""
        if not self.people_model.concerns(changes):  # people, departments
            return
        self._load_tree()
        self.people_model.refresh(changes)  # only the stale blocks are read again
        if self._card_person is not None and self._card_touched(changes, self._card_person):
            self.load_card(self._card_person)

    def _card_touched(self, changes: Changes, person_id: str) -> bool:
        """The open card is read again when its person is among the changed people, or a
        person it links to (manager, a report: a new name), or a department changed (a
        department path, a new person under this one), or any person may have."""
        if changes.touches({"departments"}):
            return True
        ids = changes.ids("people")
        if ids is None or person_id in ids:
            return True
        shown = self.card.card
        if shown is None or shown.id != person_id:
            return bool(ids)  # not shown yet (or gone): nothing to compare with
        linked = {row.id for row in shown.reports}
        if shown.manager is not None:
            linked.add(shown.manager.id)
        return not ids.isdisjoint(linked)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search by name, position, phone or email (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search the directory"))
        self.departments.setAccessibleName(self.tr("Departments"))
        self.people.setAccessibleName(self.tr("People"))
        self.export_button.setText(self.tr("Export phone list…"))
        self.export_button.setAccessibleName(self.tr("Export the department's phone list"))
        self.export_button.setToolTip(
            self.tr("Save the chosen department's phone list as a CSV file for Excel")
        )
        self.print_button.setText(self.tr("Print phone list…"))
        self.print_button.setAccessibleName(self.tr("Print the department's phone list"))
        self.print_button.setToolTip(self.tr("Print the chosen department's phone list"))
        self._update_department_actions()
        self.search_icon.setText(self.tr("Search"))  # its button's name for screen readers
        clear = self.search.findChild(QAction, "_q_qlineeditclearaction")
        if clear is not None:  # Qt's own clear button has no name of its own
            clear.setText(self.tr("Clear the search"))
        self.department_model.setHorizontalHeaderLabels(
            [self.tr("Department"), self.tr("People")]  # read as column headers
        )
        self.department_model.set_root_text(self.tr("Whole ministry"))
        self.department_model.refresh_numbers()
        if self.people_model.count is not None:
            self._show_count(self.people_model.count)
        if self.people_model.loaded_once:
            self._on_query_finished(self.people_model.query)
