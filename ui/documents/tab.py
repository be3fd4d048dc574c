"""The Documents tab: the folder tree, a folder's documents in the lazy table with search,
a preview from the encrypted store, uploads and new versions queued in the outbox (they
work offline and wait there), the conflict of a new version with its three ends, and the
document exchange (Inbox, Sent, "Send to…", "Mark as read").

Everything slow is off the GUI thread: cache reads through ``context.reads``, staging a
file and opening content through ``context.tasks`` (``context.files``), writes through
``context.writes.apply``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QFileSystemWatcher,
    QModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from domains.command import CommandRefused, FieldProblem
from domains.documents.commands import (
    MarkShareRead,
    SendDocument,
    UploadConflictCopy,
    UploadDocument,
    UploadVersion,
    conflicted_upload,
)
from domains.documents.content import DocumentFiles, StagedFile
from domains.documents.offline import fit_within, offline_limit_bytes
from domains.documents.queries import (
    DocumentQuery,
    FolderRow,
    KeptOffline,
    ShareRow,
    content_in_use,
    document_record,
    folder_tree,
    inbox,
    kept_records,
    sent,
    unread_count,
)
from ui.columns import FillingColumn
from ui.context import Changes, ChangeSource, TabContext
from ui.documents.checkout_panel import CheckoutPanel
from ui.documents.conflict_sides import ConflictSides
from ui.documents.i18n import documents_locale
from ui.documents.locking import LockingMixin, person_name
from ui.documents.metadata_dialog import MetadataDialog
from ui.documents.models import STATUS_COLUMN, DocumentsModel, state_words, type_words
from ui.documents.preview import PreviewPane
from ui.documents.send_dialog import SendDialog
from ui.documents.upload_progress import UploadProgress
from ui.tasks import Priority

log = logging.getLogger(__name__)

ROLE = Qt.ItemDataRole.UserRole
ALL, KEPT, FOLDER, INBOX, SENT = "all", "kept", "folder", "inbox", "sent"
KEPT_DOCUMENTS_KEY, KEPT_FOLDERS_KEY = "documents/kept_documents", "documents/kept_folders"
COLLECTIONS = {"documents", "folders", "shares", "people"}
RECENT_CONTENT_BYTES = 500 * 1024 * 1024
"""Recently opened documents kept for offline reading (their content, encrypted)."""


def _files_in(paths: list[str]) -> list[str]:
    """Files as chosen or dropped; a folder gives the files directly in it."""
    found: list[str] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(str(p) for p in path.iterdir() if p.is_file())
        elif path.is_file():
            found.append(str(path))
    return found


class DocumentsTab(LockingMixin, QWidget):
    """Contract with the shell: ``DocumentsTab(context, parent)``, ``title()``,
    ``show_record(collection, id)``; it refreshes on ``context.events.changed``."""

    uploadQueued = Signal(str)
    """The record id of an upload or new version just queued."""
    previewShown = Signal(str)
    """The kind of preview shown: ``pdf``, ``image``, ``text`` or ``message``."""
    sharesShown = Signal(int)
    """How many inbox or sent items are listed."""
    externalOpened = Signal(str)
    """The path of a copy opened in its own program."""
    contentTidied = Signal(int)
    """Bytes of content freed by ``tidy_content``."""
    titleChanged = Signal()
    """``current_title()`` changed (the inbox's unread count): the shell shows it."""
    announced = Signal(object)
    """A zero-argument callable giving news for the status bar and the tray (new inbox
    items after a sync), asked again in the current language."""
    keepRefused = Signal(int)
    """A pin refused: the bytes kept offline would have been over the policy's limit."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DocumentsTab")
        self._context = context
        self._connections = context.reads
        self.launch_external = True
        """Start the document's program (tests turn it off)."""
        self._user_id = str(context.user.get("id") or "")
        self._place: tuple[str, str | None] = (ALL, None)
        self._open: dict[str, Any] | None = None
        self._preview_text: Callable[[], str] | None = None  # what the preview says, if words
        self._shares: list[ShareRow] = []
        self._unread = 0
        self._unread_known = False  # the first count is not news
        self._announce_unread = False
        self._unread_asked = self._unread_shown = 0  # the order of the unread counts
        self._folders: list[FolderRow] = []
        self._count: int | None = None
        self._kept = self._load_kept()
        self._usage: int | None = None
        self._offline_limit = offline_limit_bytes(context.policy)
        self._kept_bytes: int | None = None  # what the documents kept offline take
        self._external: dict[str, str] = {}  # a copy opened in its program -> document id
        self._changed_external: str | None = None
        self._build()
        self._retranslate()
        self.setAcceptDrops(True)
        context.events.changed.connect(self._on_data_changed)
        self._load_folders()
        self._load_unread()
        self._apply_query()
        self.tidy_content()
        self.fetch_kept()
        self._clear_external_copies()
        app = QCoreApplication.instance()
        if app is not None and context.files is not None:
            app.aboutToQuit.connect(context.files.clear_external)

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("DocumentsTab", "Documents")

    # --- building ---------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)

        self.places = QTreeWidget(self.splitter)
        self.places.setHeaderHidden(True)
        self.places.setMinimumWidth(250)
        self.places.currentItemChanged.connect(self._on_place_changed)

        self.lists = QStackedWidget(self.splitter)
        documents_page = QWidget()
        column = QVBoxLayout(documents_page)
        column.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(200)
        self.search.textChanged.connect(lambda _t: self._apply_query())
        self.count_label = QLabel()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        column.addLayout(top)
        buttons = QHBoxLayout()
        self.upload_button = QPushButton()
        self.upload_button.clicked.connect(self._choose_uploads)
        self.version_button = QPushButton()
        self.version_button.clicked.connect(self._choose_version)
        self.send_button = QPushButton()
        self.send_button.clicked.connect(self.send_open_document)
        for button in (self.upload_button, self.version_button, self.send_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        keeping = QHBoxLayout()
        self.keep_button = QPushButton()
        self.keep_button.clicked.connect(self.toggle_keep_document)
        self.keep_folder_button = QPushButton()
        self.keep_folder_button.clicked.connect(self.toggle_keep_folder)
        self.usage_label = QLabel()
        self.free_button = QPushButton()
        self.free_button.clicked.connect(self.free_up_space)
        keeping.addWidget(self.keep_button)
        keeping.addWidget(self.keep_folder_button)
        # Wrapped, taking the room left: on one line the Azerbaijani sentence made the
        # window wider than a 1280-pixel screen.
        self.usage_label.setWordWrap(True)
        keeping.addWidget(self.usage_label, 1)
        keeping.addWidget(self.free_button)
        column.addLayout(keeping)
        self.upload_progress = UploadProgress(self._context.files)
        self.upload_progress.cancelRequested.connect(self.cancel_upload)
        column.addWidget(self.upload_progress)
        self.model = DocumentsModel(self._context.tasks, self._connections.run, self)
        self.model.countChanged.connect(self._show_count)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for section, width in enumerate((200, 52, 140, 56, 72, 92, 120)):
            header.resizeSection(section, width)
        # The title takes the width the other columns leave, never less than 200 px (a
        # stretched title shrank to a few pixels in a narrow window, which scrolls
        # sideways instead; a stretched last column gave the spare width to the state).
        self.title_column = FillingColumn(self.table, 0, 200)
        header.setSortIndicatorShown(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_document_changed)
        self.model.follow(self.table)
        self.model.queryFinished.connect(lambda _q: self._show_list_or_empty())
        self.model.countChanged.connect(lambda _c: self._show_list_or_empty())
        self.list_stack = QStackedWidget()
        self.empty = QLabel()  # what an empty list means and what to do
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(24)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        column.addWidget(self.list_stack, 1)
        self.lists.addWidget(documents_page)

        shares_page = QWidget()
        share_column = QVBoxLayout(shares_page)
        share_column.setContentsMargins(0, 0, 0, 0)
        self.shares = QTableWidget(0, 4)
        self.shares.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.shares.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.shares.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.shares.verticalHeader().hide()
        share_header = self.shares.horizontalHeader()
        share_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for section, width in ((1, 210), (2, 145), (3, 145)):
            share_header.resizeSection(section, width)
        self.shares.currentCellChanged.connect(lambda row, *_: self._on_share_changed(row))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note_font = QFont(self.note.font())
        note_font.setPointSizeF(note_font.pointSizeF() * 1.2)
        note_font.setBold(True)
        self.note.setFont(note_font)
        self.read_button = QPushButton()
        self.read_button.setEnabled(False)
        self.read_button.clicked.connect(self.mark_current_read)
        share_column.addWidget(self.shares, 1)
        share_column.addWidget(self.note)
        share_column.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.lists.addWidget(shares_page)

        side = QWidget(self.splitter)
        side_column = QVBoxLayout(side)
        side_column.setContentsMargins(0, 0, 0, 0)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.conflict = QWidget()
        conflict_column = QVBoxLayout(self.conflict)
        conflict_column.setContentsMargins(0, 0, 0, 0)
        self.conflict_text = QLabel()
        self.conflict_text.setWordWrap(True)
        conflict_buttons = QVBoxLayout()
        self.keep_mine_button = QPushButton()
        self.keep_mine_button.clicked.connect(self.keep_mine)
        self.keep_theirs_button = QPushButton()
        self.keep_theirs_button.clicked.connect(self.keep_theirs)
        self.keep_both_button = QPushButton()
        self.keep_both_button.clicked.connect(self.keep_both)
        for button in (self.keep_mine_button, self.keep_theirs_button, self.keep_both_button):
            conflict_buttons.addWidget(button)
        conflict_column.addWidget(self.conflict_text)
        self.conflict_sides = ConflictSides()
        conflict_column.addWidget(self.conflict_sides, 1)
        conflict_column.addLayout(conflict_buttons)
        self.conflict.hide()
        self.details_button = QPushButton()
        self.details_button.clicked.connect(self.edit_details)
        self.external_button = QPushButton()
        self.external_button.clicked.connect(self.open_externally)
        self.upload_back_button = QPushButton()
        self.upload_back_button.clicked.connect(self.upload_external_changes)
        self.upload_back_button.hide()
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._external_changed)
        self.preview = PreviewPane()
        self.preview.setMinimumWidth(300)
        side_column.addWidget(self.details)
        side_row = QHBoxLayout()
        side_row.addWidget(self.external_button)
        side_row.addWidget(self.details_button)
        side_row.addStretch(1)
        side_column.addLayout(side_row)
        self.checkout_panel = CheckoutPanel(dict(self._context.user))
        self.checkout_panel.checkOutRequested.connect(self.check_out)
        self.checkout_panel.checkInRequested.connect(self.check_in)
        side_column.addWidget(self.checkout_panel)
        side_column.addWidget(self.upload_back_button)
        side_column.addWidget(self.conflict, 1)
        side_column.addWidget(self.preview, 1)

        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([270, 800, 380])
        layout.addWidget(self.splitter, 1)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)

    # --- places: folders, inbox, sent ----------------------------------------------------

    def _load_folders(self) -> None:
        self._connections.query(
            folder_tree, self._show_folders, self._failed, owner=self, key="folders"
        )

    def _show_folders(self, folders: list[FolderRow]) -> None:
        self._folders = folders
        current = self._place
        self.places.blockSignals(True)
        self.places.clear()
        self.all_item = QTreeWidgetItem(self.places)
        self.all_item.setData(0, ROLE, (ALL, None))
        self.kept_item = QTreeWidgetItem(self.places)
        self.kept_item.setData(0, ROLE, (KEPT, None))
        items: dict[str, QTreeWidgetItem] = {}
        for folder in folders:
            parent = items.get(folder.parent_id or "")
            item = QTreeWidgetItem(parent if parent is not None else self.places)
            item.setData(0, ROLE, (FOLDER, folder.id))
            items[folder.id] = item
        self.inbox_item = QTreeWidgetItem(self.places)
        self.inbox_item.setData(0, ROLE, (INBOX, None))
        self.sent_item = QTreeWidgetItem(self.places)
        self.sent_item.setData(0, ROLE, (SENT, None))
        self.places.expandAll()
        self._name_places()
        for item in self._all_items():
            if tuple(item.data(0, ROLE)) == current:
                self.places.setCurrentItem(item)
                break
        else:
            self.places.setCurrentItem(self.all_item)
        self.places.blockSignals(False)

    def _all_items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        count = self.places.topLevelItemCount()
        stack = [self.places.topLevelItem(i) for i in range(count)]
        while stack:
            item = stack.pop(0)
            if item is None:
                continue
            found.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return found

    def _name_places(self) -> None:
        if not hasattr(self, "all_item"):
            return
        by_id = {f.id: f for f in self._folders}
        marks = {
            "ministry": self.tr("ministry"),
            "department": self.tr("department"),
            "restricted": self.tr("restricted"),
        }
        for item in self._all_items():
            kind, folder_id = item.data(0, ROLE)
            if kind == FOLDER and folder_id in by_id:
                folder = by_id[folder_id]
                mark = marks.get(folder.access, folder.access)
                if folder_id in self._kept.folders:
                    mark += " · " + self.tr("kept offline")
                item.setText(0, f"{folder.name}  ·  {mark}")
                item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{folder.name}, {mark}")
        self.all_item.setText(0, self.tr("All documents"))
        self.kept_item.setText(0, self.tr("Kept offline"))
        inbox_text = self.tr("Inbox")
        if self._unread:
            inbox_text = self.tr("Inbox (%1 unread)").replace(
                "%1", documents_locale().toString(self._unread)
            )
        self.inbox_item.setText(0, inbox_text)
        self.sent_item.setText(0, self.tr("Sent"))

    def _on_place_changed(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        kind, folder_id = item.data(0, ROLE)
        self._place = (kind, folder_id)
        if kind in (INBOX, SENT):
            self.lists.setCurrentIndex(1)
            self._load_shares()
        else:
            self.lists.setCurrentIndex(0)
            self._apply_query()
        self._update_buttons()

    def select_place(self, kind: str, folder_id: str | None = None) -> None:
        for item in self._all_items():
            if tuple(item.data(0, ROLE)) == (kind, folder_id):
                self.places.setCurrentItem(item)
                return

    # --- the list ---------------------------------------------------------------------

    def _apply_query(self) -> None:
        kind, folder_id = self._place
        if kind in (INBOX, SENT):
            return
        current = self.model.query
        self.model.set_query(
            DocumentQuery(
                folder_id if kind == FOLDER else None,
                self.search.text(),
                current.sort,
                current.descending,
                self._kept if kind == KEPT else None,
            )
        )

    def _show_list_or_empty(self) -> None:
        """An empty list says why and what to do instead of showing empty rows."""
        if self.model.rowCount() > 0 or not self.model.loaded_once:
            self.list_stack.setCurrentWidget(self.table)
            return
        query = self.model.query
        if query.text.strip():
            text = self.tr('No documents match "%1".').replace("%1", query.text.strip())
        elif query.kept is not None:
            text = self.tr(
                "Nothing is kept offline yet. Open a document or a folder and choose Keep offline."
            )
        elif query.folder_id is not None:
            text = self.tr("This folder is empty. Drag files here or choose Upload.")
        else:
            text = self.tr("No documents yet. They appear here after the first sync.")
        self.empty.setText(text)
        self.empty.setAccessibleName(text)
        self.list_stack.setCurrentWidget(self.empty)

    def _show_count(self, count: int) -> None:
        self._count = count
        self.count_label.setText(
            self.tr("%n document(s)", "", count).replace(
                str(count), documents_locale().toString(count), 1
            )
        )

    def _on_document_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        if row is not None:
            self.open_document(row.id)

    def open_document(self, document_id: str) -> None:
        """Show a document's details and preview it (from the store, else downloaded)."""
        self._connections.query(
            lambda db: document_record(db, document_id),
            self._show_document,
            self._failed,
            owner=self,
            key="document",
        )

    def show_record(self, collection: str, record_id: str) -> None:
        """The shell asks for a record ("Changes waiting"): a document."""
        if collection == "documents":
            self.open_document(record_id)

    def _show_document(self, record: dict[str, Any] | None) -> None:
        self._open = record
        self._update_buttons()
        self.checkout_panel.show_record(record)
        if record is None:
            self.details.clear()
            self.conflict.hide()
            self.preview.show()
            self._preview_says(lambda: self.tr("This document is no longer available."))
            self.previewShown.emit(self.preview.kind)
            return
        self._describe(record)
        files = self._context.files
        if files is None:
            self._preview_unavailable()
            return
        self._preview_says(lambda: self.tr("Opening…"))
        sha = str(record.get("sha256") or "")
        self._context.tasks.run(
            lambda: files.open(record),
            lambda data: self._show_content(sha, record, data),
            lambda _error: self._preview_unavailable(),
            owner=self,
            key="content",
        )

    def _describe(self, record: dict[str, Any]) -> None:
        locale = documents_locale()
        lines = [
            str(record.get("title") or ""),
            self.tr("File: %1 (%2, %3)")
            .replace("%1", str(record.get("filename") or ""))
            .replace("%2", type_words(str(record.get("content_type")), str(record.get("filename"))))
            .replace("%3", locale.formattedDataSize(int(record.get("size") or 0))),
            self.tr("Version %1").replace(
                "%1", locale.toString(int(record.get("version_no") or 0))
            ),
        ]
        if record.get("description"):
            lines.append(str(record["description"]))
        if record.get("tags"):
            lines.append(self.tr("Tags: %1").replace("%1", ", ".join(record["tags"])))
        state = state_words(str(record.get("sync_state") or ""))
        if state:
            lines.append(state)
        self.details.setText("\n".join(lines))
        theirs = record.get("conflict")
        if record.get("sync_state") == "conflict" and isinstance(theirs, dict):
            uploader = person_name(record.get("names") or {}, theirs.get("version_uploaded_by"))
            headline = (
                self.tr(
                    "%6 uploaded version %1 while yours waited.\nYours: %2, %3.\nTheirs: %4, %5."
                ).replace("%6", uploader)
                if uploader
                else self.tr(
                    "Someone uploaded version %1 while yours waited.\n"
                    "Yours: %2, %3.\nTheirs: %4, %5."
                )
            )
            self.conflict_text.setText(
                headline.replace("%1", locale.toString(int(theirs.get("version_no") or 0)))
                .replace("%2", str(record.get("filename") or ""))
                .replace("%3", locale.formattedDataSize(int(record.get("size") or 0)))
                .replace("%4", str(theirs.get("filename") or ""))
                .replace("%5", locale.formattedDataSize(int(theirs.get("size") or 0)))
            )
            self.conflict.show()
            self.preview.hide()  # the two sides' previews take its place
            self.show_conflict_sides(record, theirs)
        else:
            self.conflict.hide()
            self.preview.show()
            self.conflict_closed()

    def _show_content(self, sha256: str, record: dict[str, Any], data: bytes) -> None:
        if self._open is None or self._open.get("sha256") != sha256:
            return
        self._show_usage()  # it may have been downloaded just now
        if not self.preview.show_content(str(record.get("content_type") or ""), data):
            self._preview_says(
                lambda: self.tr(
                    "No preview for this type of file. It is kept encrypted on this computer."
                )
            )
        self.previewShown.emit(self.preview.kind)

    def _preview_unavailable(self) -> None:
        self._preview_says(
            lambda: self.tr(
                "This document is not kept on this computer and the server cannot be "
                "reached. It opens once you are online."
            )
        )
        self.previewShown.emit(self.preview.kind)

    def _update_buttons(self) -> None:
        in_folder = self._place[0] == FOLDER
        can_stage = self._context.files is not None
        self.upload_button.setEnabled(in_folder and can_stage)
        has_document = self._open is not None
        self.version_button.setEnabled(has_document and can_stage)
        self.send_button.setEnabled(
            has_document and not str((self._open or {}).get("id", "")).startswith("local-")
        )
        self.keep_button.setEnabled(has_document and can_stage)
        self.external_button.setEnabled(has_document and can_stage)
        self.details_button.setEnabled(has_document)
        self.keep_folder_button.setEnabled(in_folder and can_stage)
        self._name_keep_buttons()

    # --- uploads ----------------------------------------------------------------------

    def _choose_uploads(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Upload documents"))
        if paths:
            self.upload_paths(paths)

    def upload_paths(self, paths: list[str]) -> None:
        """Queue each file (a folder: the files in it) as an upload to the open folder."""
        kind, folder_id = self._place
        files = self._context.files
        if kind != FOLDER or folder_id is None or files is None:
            self._say(self.tr("Choose a folder to upload to first."))
            return
        for path in _files_in(paths):
            self._say(self.tr("Preparing %1…").replace("%1", Path(path).name))
            self._stage_then(files, path, lambda staged: self._queue_upload(folder_id, staged))

    def _stage_then(
        self, files: DocumentFiles, path: str, queue: Callable[[StagedFile], None]
    ) -> None:
        """Encrypt the chosen file into the store on a worker, then queue it."""
        self._context.tasks.run(lambda: files.stage(path), queue, self._failed, owner=self)

    def _queue_upload(self, folder_id: str, staged: StagedFile) -> None:
        title = staged.filename.rpartition(".")[0] or staged.filename
        self._context.writes.apply(
            UploadDocument(folder_id, staged, title, self._context.user),
            owner=self,
            on_done=lambda applied: self._queued(applied, staged.filename),
            on_refused=lambda refused: self._refused(staged.filename, refused),
            on_error=self._failed,
        )

    def _choose_version(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Upload a new version"))
        if path:
            self.upload_version_path(path)

    def upload_version_path(self, path: str) -> None:
        files, record = self._context.files, self._open
        if files is None or record is None:
            return
        document_id = str(record["id"])
        self._stage_then(files, path, lambda staged: self._queue_version(document_id, staged))

    def _queue_version(self, document_id: str, staged: StagedFile) -> None:
        self._context.writes.apply(
            UploadVersion(document_id, staged, self._context.user),
            owner=self,
            on_done=lambda applied: self._queued(applied, staged.filename),
            on_refused=lambda refused: self._refused(staged.filename, refused),
            on_error=self._failed,
        )

    def _queued(self, applied: Any, filename: str) -> None:
        self._say(
            self.tr("%1 is queued: it uploads when the server can be reached.").replace(
                "%1", filename
            )
        )
        self.uploadQueued.emit(str(applied.write.record["id"]))

    def _refused(self, filename: str, refused: CommandRefused) -> None:
        reasons = "; ".join(self.problem_words(p) for p in refused.problems)
        self._say(self.tr("%1 was not queued: %2").replace("%1", filename).replace("%2", reasons))

    def problem_words(self, problem: FieldProblem) -> str:
        limit = str(problem.limit or "")
        words = {
            "empty": self.tr("the name is empty"),
            "too_long": self.tr("longer than %1 characters").replace("%1", limit),
            "invalid_characters": self.tr("it contains hidden control characters"),
            "forbidden_characters": self.tr('file names may not contain / \\ : * ? " < > |'),
            "edge": self.tr("a name may not start or end with a space or end with a dot"),
            "reserved": self.tr("Windows reserves this name for devices"),
            "taken": self.tr("a file of this name (ignoring case) is already in the folder"),
            "too_large": self.tr("the file is larger than %1 MB").replace("%1", limit),
            "forbidden": self.tr("you may not add documents to this folder"),
            "gone": self.tr("it is no longer available"),
            "unchanged": self.tr("nothing changed"),
            "same_content": self.tr("your file equals the server's version"),
            "self": self.tr("you cannot send a document to yourself"),
            "too_many": self.tr("too many tags"),
            "checked_out": self.tr(
                "someone else has checked this document out: only they can change it until "
                "they check it in"
            ),
            "local": self.tr("it is not on the server yet"),
        }
        return words.get(problem.code, problem.code)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.upload_paths(paths)

    # --- conflicts --------------------------------------------------------------------

    def keep_mine(self) -> None:
        """Mine becomes the newest version: sent again over theirs."""
        if self._open is not None:
            self._context.writes.keep_mine("documents", str(self._open["id"]), owner=self)

    def keep_theirs(self) -> None:
        if self._open is not None:
            self._context.writes.take_theirs("documents", str(self._open["id"]), owner=self)

    def keep_both(self) -> None:
        """Theirs stays the document; mine goes to the server as a conflicted copy."""
        record = self._open
        if record is None:
            return
        document_id = str(record["id"])
        based_on = max(int(record.get("version_no") or 1) - 1, 1)
        self._connections.query(
            lambda db: conflicted_upload(db, document_id),
            lambda staged: self._keep_copy(document_id, staged, based_on),
            self._failed,
            owner=self,
        )

    def _keep_copy(self, document_id: str, staged: StagedFile | None, based_on: int) -> None:
        if staged is None:
            return
        self._context.writes.edit_and_keep(
            "documents",
            document_id,
            UploadConflictCopy(document_id, staged, based_on, self._context.user),
            owner=self,
            on_done=lambda applied: self._queued(applied, staged.filename),
            on_refused=lambda _r: self.keep_theirs(),  # equal bytes: nothing to keep
            on_error=self._failed,
        )

    # --- the exchange -----------------------------------------------------------------

    def send_open_document(self) -> SendDialog | None:
        record = self._open
        if record is None:
            return None
        dialog = SendDialog(self._connections, str(record.get("title") or ""), self)
        dialog.accepted.connect(lambda: self.send(str(record["id"]), dialog))
        dialog.open()
        return dialog

    def send(self, document_id: str, dialog: SendDialog) -> None:
        for person_id in dialog.recipients():
            self._context.writes.apply(
                SendDocument(document_id, person_id, dialog.message(), self._context.user),
                owner=self,
                on_done=lambda _a: self._say(self.tr("Sent: it goes out with the next sync.")),
                on_refused=lambda refused: self._say(
                    "; ".join(self.problem_words(p) for p in refused.problems)
                ),
                on_error=self._failed,
            )

    def _load_shares(self) -> None:
        kind = self._place[0]
        user_id = self._user_id
        query = inbox if kind == INBOX else sent
        self._connections.query(
            lambda db: query(db, user_id), self._show_shares, self._failed, owner=self, key="shares"
        )

    def _load_unread(self, after_sync: bool = False) -> None:
        """The inbox's unread count (tree entry and tab title); ``after_sync``: new items
        it finds are announced (status bar, tray) once the count is read."""
        self._announce_unread = self._announce_unread or after_sync
        user_id = self._user_id
        self._unread_asked += 1
        asked = self._unread_asked
        # Not latest-wins: the count found at start must arrive too (what is new after a
        # sync is measured against it); an answer older than one shown is dropped.
        self._connections.query(
            lambda db: unread_count(db, user_id),
            lambda count: self._show_unread(count, asked),
            self._failed,
            owner=self,
        )

    def _show_unread(self, count: int, asked: int = 0) -> None:
        if asked and asked < self._unread_shown:
            return
        self._unread_shown = asked
        latest = asked == self._unread_asked
        announce = self._announce_unread and latest and self._unread_known
        new = count - self._unread if announce else 0
        if latest:
            self._announce_unread = False
        self._unread_known = True
        changed = count != self._unread
        self._unread = count
        self._name_places()
        if changed:
            self.titleChanged.emit()
        if new > 0:
            self._say(self._new_in_inbox(new))
            self.announced.emit(lambda: self._new_in_inbox(new))

    def _new_in_inbox(self, new: int) -> str:
        return self.tr("%n new document(s) in your inbox.", "", new).replace(
            str(new), documents_locale().toString(new), 1
        )

    def current_title(self) -> str:
        """The tab's title with the inbox's unread count: "Documents (3)"."""
        if not self._unread:
            return self.title()
        return f"{self.title()} ({documents_locale().toString(self._unread)})"

    def _show_shares(self, shares: list[ShareRow]) -> None:
        self._shares = shares
        inbox_view = self._place[0] == INBOX
        self._set_share_headers()
        self.shares.setRowCount(len(shares))
        for row, share in enumerate(shares):
            unread = inbox_view and share.read_at is None
            read = (
                share.read_at[:16].replace("T", " ")
                if share.read_at
                else self.tr("unread")
                if inbox_view
                else self.tr("not read yet")
            )
            cells = (
                share.document_title,
                share.person_name,
                share.sent_at[:16].replace("T", " "),
                read,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if unread:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.shares.setItem(row, column, item)
        self.note.clear()
        self.read_button.setEnabled(False)
        self.sharesShown.emit(len(shares))

    def _on_share_changed(self, row: int) -> None:
        if not 0 <= row < len(self._shares):
            return
        self._show_note(row)
        self.open_document(self._shares[row].document_id)

    def _show_note(self, row: int) -> None:
        if not 0 <= row < len(self._shares):
            return
        share = self._shares[row]
        self.note.setText(share.message or self.tr("(no note)"))
        self.read_button.setEnabled(self._place[0] == INBOX and share.read_at is None)

    def mark_current_read(self) -> None:
        row = self.shares.currentRow()
        if 0 <= row < len(self._shares):
            self._context.writes.apply(
                MarkShareRead(self._shares[row].id, self._context.user),
                owner=self,
                on_done=lambda _a: None,
                on_refused=lambda _r: None,
                on_error=self._failed,
            )

    def _set_share_headers(self) -> None:
        who = self.tr("From") if self._place[0] == INBOX else self.tr("To")
        self.shares.setHorizontalHeaderLabels(
            [self.tr("Document"), who, self.tr("Sent on"), self.tr("Read")]
        )

    # --- the content store ------------------------------------------------------------

    def tidy_content(self) -> None:
        """In the background: content of documents gone from the cache leaves the
        computer, and recently opened content stays within ``RECENT_CONTENT_BYTES``."""
        self._tidy(RECENT_CONTENT_BYTES)

    def _tidy(self, limit_bytes: int) -> None:
        files, kept = self._context.files, self._kept
        if files is None:
            return

        def in_use(db: Any) -> tuple[set[str], set[str]]:
            documents, queued = content_in_use(db)
            pinned = {str(r.get("sha256")) for r in kept_records(db, kept)}
            return documents, queued | pinned

        def tidy(used: tuple[set[str], set[str]]) -> None:
            self._context.tasks.run(
                lambda: files.tidy(used[0], used[1], limit_bytes),
                self._tidied,
                self._failed,
                owner=self,
                key="tidy",
                priority=Priority.BACKGROUND,
            )

        self._connections.query(in_use, tidy, self._failed, owner=self, key="content-in-use")

    def _tidied(self, freed: int) -> None:
        self.contentTidied.emit(freed)
        self._show_usage()

    # --- details -------------------------------------------------------------------------

    def edit_details(self) -> MetadataDialog | None:
        """Title, description and tags, queued with If-Match (offline too)."""
        if self._open is None:
            return None
        dialog = MetadataDialog(self._open, self)
        dialog.accepted.connect(lambda: self._save_details(dialog))
        dialog.open()
        return dialog

    def _save_details(self, dialog: MetadataDialog) -> None:
        self._context.writes.apply(
            dialog.command(self._context.user),
            owner=self,
            on_done=lambda _a: self._say(self.tr("Details saved: sent with the next sync.")),
            on_refused=lambda refused: dialog.show_problems(
                refused.problems, "; ".join(self.problem_words(p) for p in refused.problems)
            ),
            on_error=self._failed,
        )

    # --- opened in its own program --------------------------------------------------------

    def _clear_external_copies(self) -> None:
        """Copies a previous run left open (the app was killed): removed at start."""
        files = self._context.files
        if files is not None:
            self._context.tasks.run(files.clear_external, None, self._failed, owner=self)

    def open_externally(self) -> None:
        """DOCX, XLSX and the like: a copy in a private temporary folder, opened in its
        program; a save there offers an upload as a new version."""
        files, record = self._context.files, self._open
        if files is None or record is None:
            return
        document_id = str(record["id"])
        self._context.tasks.run(
            lambda: files.open_external(record),
            lambda path: self._opened_externally(document_id, path),
            lambda _e: self._preview_unavailable(),
            owner=self,
        )

    def _opened_externally(self, document_id: str, path: str) -> None:
        self._external[path] = document_id
        self.watcher.addPath(path)
        self.externalOpened.emit(path)
        if self.launch_external:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def _external_changed(self, path: str) -> None:
        if path not in self._external:
            return
        if path not in self.watcher.files() and Path(path).exists():
            self.watcher.addPath(path)  # saved by replacing the file
        self._changed_external = path
        self.upload_back_button.setText(
            self.tr("You changed %1: upload it as a new version").replace("%1", Path(path).name)
        )
        self.upload_back_button.setAccessibleName(self.upload_back_button.text())
        self.upload_back_button.show()

    def upload_external_changes(self) -> None:
        path = self._changed_external
        files = self._context.files
        if path is None or files is None:
            return
        document_id = self._external[path]
        self.upload_back_button.hide()
        self._changed_external = None
        self._stage_then(files, path, lambda staged: self._queue_version(document_id, staged))

    # --- keep offline ------------------------------------------------------------------

    def _load_kept(self) -> KeptOffline:
        preferences = self._context.preferences
        if preferences is None:
            return KeptOffline()

        def ids(key: str) -> frozenset[str]:
            value = preferences.value(f"{key}/{self._user_id}") or []
            return frozenset(str(v) for v in (value if isinstance(value, list) else [value]))

        return KeptOffline(ids(KEPT_DOCUMENTS_KEY), ids(KEPT_FOLDERS_KEY))

    def _save_kept(self) -> None:
        preferences = self._context.preferences
        if preferences is not None:
            preferences.setValue(
                f"{KEPT_DOCUMENTS_KEY}/{self._user_id}", sorted(self._kept.documents)
            )
            preferences.setValue(f"{KEPT_FOLDERS_KEY}/{self._user_id}", sorted(self._kept.folders))

    @property
    def kept(self) -> KeptOffline:
        return self._kept

    def toggle_keep_document(self) -> None:
        """Keep the open document offline (downloaded now, kept through "free up space"
        and the recent-content limit), or stop keeping it."""
        if self._open is None:
            return
        document_id = str(self._open["id"])
        documents = set(self._kept.documents) ^ {document_id}
        self._change_kept(KeptOffline(frozenset(documents), self._kept.folders))

    def toggle_keep_folder(self) -> None:
        """Keep the current folder offline: its documents now and those added later."""
        kind, folder_id = self._place
        if kind != FOLDER or folder_id is None:
            return
        folders = set(self._kept.folders) ^ {folder_id}
        self._change_kept(KeptOffline(self._kept.documents, frozenset(folders)))

    def _change_kept(self, kept: KeptOffline) -> None:
        """A pin is measured first (the records' sizes, on a worker) against the policy's
        ``max_offline_document_mb``: over it, nothing changes and nothing is downloaded."""
        pins = kept.documents - self._kept.documents or kept.folders - self._kept.folders
        limit = self._offline_limit
        if not pins or limit is None:
            self._set_kept(kept)
            return
        self._connections.query(
            lambda db: fit_within(kept_records(db, kept), None).used,
            lambda size: self._keep_if_it_fits(kept, size, limit),
            self._failed,
            owner=self,
            key="kept-size",
        )

    def _keep_if_it_fits(self, kept: KeptOffline, size: int, limit: int) -> None:
        if size <= limit:
            self._set_kept(kept)
            return
        locale = documents_locale()
        self._say(
            self.tr(
                "Not kept offline: documents kept offline would take %1, more than the "
                "%2 your administrator allows. Stop keeping something else first."
            )
            .replace("%1", locale.formattedDataSize(size))
            .replace("%2", locale.formattedDataSize(limit))
        )
        self.keepRefused.emit(size)

    def _set_kept(self, kept: KeptOffline) -> None:
        self._kept = kept
        self._save_kept()
        self._name_places()
        self._update_buttons()
        if self._place[0] == KEPT:
            self._apply_query()
        self.fetch_kept()
        self.tidy_content()

    def fetch_kept(self) -> None:
        """In the background: download what is kept offline and not here yet."""
        files, kept, limit = self._context.files, self._kept, self._offline_limit
        if files is None or not (kept.documents or kept.folders):
            self._kept_bytes = 0
            self._show_usage()
            return

        def fetch(records: list[dict[str, Any]]) -> None:
            fit = fit_within(records, limit)  # a folder kept offline may have grown
            self._kept_bytes = fit.used
            if fit.left_out and limit is not None:
                self._say(
                    self.tr(
                        "Kept offline is full (%1): %n document(s) of the folders kept "
                        "offline were not downloaded.",
                        "",
                        len(fit.left_out),
                    ).replace("%1", documents_locale().formattedDataSize(limit))
                )

            def download_missing() -> int:
                fetched = 0
                for record in fit.fits:
                    if not files.is_kept(str(record.get("sha256") or "")):
                        files.open(record)
                        fetched += 1
                return fetched

            self._context.tasks.run(
                download_missing,
                lambda _n: self._show_usage(),
                lambda _e: self._show_usage(),
                owner=self,
                key="fetch-kept",
                priority=Priority.BACKGROUND,
            )

        self._connections.query(
            lambda db: kept_records(db, kept), fetch, self._failed, owner=self, key="kept"
        )

    def free_up_space(self) -> None:
        """Remove every kept file but the documents kept offline and queued uploads."""
        self._tidy(limit_bytes=0)

    def _show_usage(self) -> None:
        files = self._context.files
        if files is None:
            return
        self._context.tasks.run(
            files.usage, self._usage_known, self._failed, owner=self, key="usage"
        )

    def _usage_known(self, used: int) -> None:
        self._usage = used
        locale = documents_locale()
        text = self.tr("On this computer: %1").replace("%1", locale.formattedDataSize(used))
        if self._offline_limit is not None and self._kept_bytes is not None:
            kept = (
                self.tr("Kept offline: %1 of %2")
                .replace("%1", locale.formattedDataSize(self._kept_bytes))
                .replace("%2", locale.formattedDataSize(self._offline_limit))
            )
            text = f"{kept} · {text}"
        self.usage_label.setText(text)
        self.usage_label.setAccessibleName(text)

    def _name_keep_buttons(self) -> None:
        open_id = str((self._open or {}).get("id", ""))
        self.keep_button.setText(
            self.tr("Stop keeping offline")
            if open_id in self._kept.documents
            else self.tr("&Keep offline")
        )
        kind, folder_id = self._place
        self.keep_folder_button.setText(
            self.tr("Stop keeping the folder offline")
            if kind == FOLDER and folder_id in self._kept.folders
            else self.tr("Keep the &folder offline")
        )
        for button in (self.keep_button, self.keep_folder_button):
            button.setAccessibleName(button.text().replace("&", ""))

    # --- changes, language, errors ------------------------------------------------------

    def _on_data_changed(self, changes: Changes) -> None:
        if not changes.touches(COLLECTIONS):
            return
        if changes.touches({"folders"}):
            self._load_folders()
        if changes.touches({"documents", "people"}):
            self.model.refresh(changes)
            if changes.source is ChangeSource.SYNC_PAGE and changes.touches({"documents"}):
                self.tidy_content()
                self.fetch_kept()  # new documents in a folder kept offline follow
            ids = changes.ids("documents")
            if self._open is not None and (ids is None or str(self._open["id"]) in ids):
                self.open_document(str(self._open["id"]))
        if changes.touches({"shares"}):
            self._load_unread(after_sync=changes.source is ChangeSource.SYNC_PAGE)
            if self._place[0] in (INBOX, SENT):
                self._load_shares()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Search title, description, tags, file name or author")
        )
        self.search.setAccessibleName(self.tr("Search documents"))
        self.places.setAccessibleName(self.tr("Folders, inbox and sent documents"))
        self.table.setAccessibleName(self.tr("Documents of the folder"))
        self.shares.setAccessibleName(self.tr("Documents sent to you or by you"))
        self.preview.setAccessibleName(self.tr("Preview"))
        self.details.setAccessibleName(self.tr("Document details"))
        self.note.setAccessibleName(self.tr("Note from the sender"))
        named = (
            (self.upload_button, self.tr("&Upload…")),
            (self.version_button, self.tr("New &version…")),
            (self.send_button, self.tr("Send &to…")),
            (self.read_button, self.tr("&Mark as read")),
            (self.keep_mine_button, self.tr("Keep mine as newest")),
            (self.keep_theirs_button, self.tr("Keep theirs")),
            (self.keep_both_button, self.tr("Keep both")),
            (self.free_button, self.tr("Free up space")),
            (self.external_button, self.tr("Open in its &program")),
            (self.details_button, self.tr("Edit &details…")),
        )
        for button, text in named:
            button.setText(text)
            button.setAccessibleName(text.replace("&", ""))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, STATUS_COLUMN)
        self._name_places()
        self._set_share_headers()
        if self._place[0] in (INBOX, SENT) and self._shares:
            current = self.shares.currentRow()
            self._show_shares(self._shares)
            self.shares.blockSignals(True)
            self.shares.selectRow(current)
            self.shares.blockSignals(False)
            self._show_note(current)
        if self._count is not None:
            self._show_count(self._count)
        self.notice.clear()  # a passing message, in the language it was said in
        self._show_list_or_empty()
        self.checkout_panel.retranslate()
        self.conflict_sides.retranslate()
        self.upload_progress.retranslate()
        self._name_keep_buttons()
        if self._usage is not None:
            self._usage_known(self._usage)
        if self._open is None:
            self._preview_says(
                lambda: self.tr("Choose a folder on the left, then a document to preview it here.")
            )
        else:
            self._describe(self._open)
            if self.preview.kind == "message" and self._preview_text is not None:
                self.preview.show_message(self._preview_text())  # in the new language

    def _preview_says(self, text: Callable[[], str]) -> None:
        """A message in the preview's place, kept as a function of the language so that a
        language change words it again (it stayed English in Azerbaijani before)."""
        self._preview_text = text
        self.preview.show_message(text())

    def _say(self, text: str) -> None:
        self.notice.setText(text)

    def _failed(self, error: BaseException) -> None:
        log.warning("documents: %s", type(error).__name__)
        self._say(self.tr("Something went wrong: %1").replace("%1", type(error).__name__))
