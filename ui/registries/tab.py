"""The Registries tab: registry chooser (kept offline or not, sizes), the lazy table with
its filter row, free search and SQL sort, a row detail panel, export to CSV/XLSX in the
background, and for the medicines the ATC tree and the "registrations expiring" view.

Every read runs on a worker through ``context.reads``; the export and the building of a
registry's filter indexes run as ``Priority.BACKGROUND`` tasks with progress and cancel.
A user without a personal-data role sees the personal-data registries as "not available
to your role" (the server never sends them their rows).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from domains.online import OnlineReadFailed, OnlineReads
from domains.registries.export import ExportFailed, export_rows, export_view
from domains.registries.filters import BadFilter, Filter, RegistryQuery, TextFilter
from domains.registries.model import Registry, RegistryRow
from domains.registries.offline import RegistryChoice, registry_choices, set_offline
from domains.registries.online import (
    EXPORT_PAGE,
    RegistryListing,
    fetch_atc_groups,
    fetch_choice_counts,
    iter_pages,
    registry_listing,
)
from domains.registries.queries import (
    AtcGroup,
    atc_groups,
    choice_counts,
    ensure_indexes,
    expiring_query,
)
from ui.context import Changes, TabContext
from ui.registries.filter_row import FilterRow
from ui.registries.i18n import format_number, with_number
from ui.registries.models import RegistryTableModel, column_width, display_value
from ui.registries.online_words import problem_words
from ui.tasks import Priority, TaskControl

log = logging.getLogger(__name__)

PERSONAL_DATA_ROLES = frozenset({"analyst", "admin"})
PERSONAL_DATA_ITEM = "personal-data"
SEARCH_DEBOUNCE_MS = 150
SAVE_FOLDER_KEY = "registries/save_folder"
VIEW_ALL, VIEW_EXPIRING, VIEW_EXPIRED = 0, 1, 2


class RegistriesTab(QWidget):
    """Contract with the shell: ``RegistriesTab(context, parent)``, ``title()``."""

    exportFinished = Signal(str)
    """The path an export was written to."""
    exportFailed = Signal(str)
    viewShown = Signal(object)
    """The query whose first rows are shown."""

    def __init__(
        self, context: TabContext, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("RegistriesTab")
        self._context = context
        self._today = today or date.today()
        self._choices: list[RegistryChoice] = []
        self._registry: Registry | None = None
        self._model: RegistryTableModel | None = None
        self._filter_row: FilterRow | None = None
        self._atc: str = ""
        self._export_task: Any = None
        self._export_name = ""
        self._has_expiry = False
        self._count: int | None = None
        self._status: Callable[[], str] | None = None
        """What the status line under the tool bar says, worded again on a language change."""
        self._message_words: Callable[[], str] | None = None
        self._online_mode = False
        """The open registry is read from the server (not kept on this computer)."""
        self._opened = 0
        """Counts the registries opened: an online answer for one opened before is dropped."""
        self._unreadable: list[RegistryListing] | None = None
        """The registries the server names as not readable by this user (None: not
        asked, or offline: the personal-data line stays generic)."""
        roles = context.user.get("roles") or []
        self._may_read_personal = bool(
            PERSONAL_DATA_ROLES.intersection(roles if isinstance(roles, list) else [])
        )

        outer = QHBoxLayout(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(self.splitter)

        side = QWidget(self.splitter)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.chooser_label = QLabel(side)
        self.chooser = QListWidget(side)
        self.chooser.setObjectName("RegistryChooser")
        self.chooser.setWordWrap(True)
        self.chooser.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.chooser_label.setBuddy(self.chooser)
        self.chooser.currentItemChanged.connect(self._chosen)
        self.keep_offline = QCheckBox(side)
        self.keep_offline.setObjectName("KeepOffline")
        self.keep_offline.toggled.connect(self._keep_offline_toggled)
        self.mode_label = QLabel(side)
        self.mode_label.setWordWrap(True)
        self.atc_label = QLabel(side)
        self.atc_tree = QTreeWidget(side)
        self.atc_tree.setObjectName("AtcTree")
        self.atc_tree.setColumnCount(2)
        self.atc_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.atc_tree.itemExpanded.connect(self._atc_expanded)
        self.atc_tree.currentItemChanged.connect(self._atc_chosen)
        self.atc_label.setBuddy(self.atc_tree)
        side_widget: QWidget
        for side_widget in (
            self.chooser_label,
            self.chooser,
            self.keep_offline,
            self.mode_label,
            self.atc_label,
            self.atc_tree,
        ):
            side_layout.addWidget(side_widget)
        side_layout.setStretch(1, 2)
        side_layout.setStretch(5, 3)

        main = QWidget(self.splitter)
        main_layout = QVBoxLayout(main)
        main_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.search = QLineEdit(main)
        self.search.setObjectName("RegistrySearch")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._apply)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.view_choice = QComboBox(main)
        self.view_choice.setObjectName("RegistryView")
        self.view_choice.addItems(["", "", ""])
        self.view_choice.currentIndexChanged.connect(lambda _i: self._apply())
        self.view_label = QLabel(main)
        self.view_label.setBuddy(self.view_choice)
        self.count_label = QLabel(main)
        self.export_csv = QPushButton(main)
        self.export_xlsx = QPushButton(main)
        self.export_csv.clicked.connect(lambda: self._ask_export("csv"))
        self.export_xlsx.clicked.connect(lambda: self._ask_export("xlsx"))
        for tool in (
            self.search,
            self.view_label,
            self.view_choice,
            self.count_label,
            self.export_csv,
            self.export_xlsx,
        ):
            bar.addWidget(tool)
        bar.setStretch(0, 1)
        main_layout.addLayout(bar)
        progress_bar = QHBoxLayout()
        self.export_progress = QProgressBar(main)
        self.export_progress.setObjectName("ExportProgress")
        self.export_cancel = QPushButton(main)
        self.export_cancel.clicked.connect(self.cancel_export)
        self.export_status = QLabel(main)
        self.export_status.setWordWrap(True)
        progress_bar.addWidget(self.export_progress, 1)
        progress_bar.addWidget(self.export_cancel)
        main_layout.addLayout(progress_bar)
        main_layout.addWidget(self.export_status)
        self.filter_holder = QVBoxLayout()
        main_layout.addLayout(self.filter_holder)
        self.pages = QStackedWidget(main)
        self.table = QTableView(self.pages)
        self.table.setObjectName("RegistryTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().hide()
        self.message = QLabel(self.pages)
        self.message.setObjectName("RegistryMessage")
        self.message.setWordWrap(True)
        self.message.setMargin(24)  # never flush against the panes beside it
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.message.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.message)
        main_layout.addWidget(self.pages, 1)

        detail = QWidget(self.splitter)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        self.detail_label = QLabel(detail)
        self.detail = QTableWidget(0, 2, detail)
        self.detail.setObjectName("RowDetail")
        self.detail.horizontalHeader().setStretchLastSection(True)
        self.detail.verticalHeader().hide()
        self.detail.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.detail.setWordWrap(True)
        self.detail_label.setBuddy(self.detail)
        self.copy_value = QPushButton(detail)
        self.copy_row = QPushButton(detail)
        self.copy_value.clicked.connect(self.copy_current_value)
        self.copy_row.clicked.connect(self.copy_current_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_value)
        buttons.addWidget(self.copy_row)
        detail_layout.addWidget(self.detail_label)
        detail_layout.addWidget(self.detail)
        detail_layout.addLayout(buttons)
        self.splitter.setSizes([240, 900, 300])
        self._detail_row: RegistryRow | None = None

        self._show_export_progress(False)
        self._retranslate()
        self._set_controls_enabled(False)
        context.events.changed.connect(self._on_changed)
        self._load_choices()
        self._load_unreadable()

    # --- the shell's contract -------------------------------------------------------

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("RegistriesTab", "Registries")

    # --- the chooser ------------------------------------------------------------------

    def _load_choices(self) -> None:
        self._context.reads.query(
            registry_choices, self._show_choices, self._failed, owner=self, key="choices"
        )

    def _show_choices(self, choices: list[RegistryChoice]) -> None:
        first_registries = choices and not self._choices
        self._choices = choices
        current = self._registry.id if self._registry else None
        item_now = self.chooser.currentItem()
        if current is None and item_now is not None:
            current = item_now.data(Qt.ItemDataRole.UserRole)
        if first_registries and current == PERSONAL_DATA_ITEM:
            current = None  # the only line until the first sync: the first registry now
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for choice in choices:
            item = QListWidgetItem(self._choice_text(choice), self.chooser)
            item.setData(Qt.ItemDataRole.UserRole, choice.registry.id)
        if not self._may_read_personal:
            for listing in self._unreadable if self._unreadable is not None else [None]:
                item = QListWidgetItem(self._personal_text(listing), self.chooser)
                item.setData(Qt.ItemDataRole.UserRole, PERSONAL_DATA_ITEM)
                item.setData(Qt.ItemDataRole.UserRole + 1, listing)
                item.setForeground(self.palette().placeholderText())
        self.chooser.blockSignals(False)
        if not choices and self._may_read_personal:
            self._show_message(
                lambda: self.tr(
                    "No registries yet. They appear after the first sync with the server."
                )
            )
        for row in range(self.chooser.count()):
            if self.chooser.item(row).data(Qt.ItemDataRole.UserRole) == current:
                self.chooser.blockSignals(True)
                self.chooser.setCurrentRow(row)
                self.chooser.blockSignals(False)
                if current == PERSONAL_DATA_ITEM:  # named now, perhaps
                    self._chosen(self.chooser.item(row))
                    return
                shown = self.choice(str(current))
                if shown is not None and self._online_mode != self._wants_online(shown):
                    self._open(shown)  # the sync brought its rows (or dropped them)
                elif (
                    shown is not None
                    and self._registry is not None
                    and shown.registry.columns != self._registry.columns
                ):
                    self._reopen_described(shown)
                else:
                    self._update_mode()
                return
        if self.chooser.count():
            self.chooser.setCurrentRow(0)

    def _choice_text(self, choice: RegistryChoice) -> str:
        rows = with_number(
            self.tr("%n rows", "", choice.registry.row_count), choice.registry.row_count
        )
        online = self._context.online
        if choice.offline:
            mode = self.tr("offline")
        elif online is not None and online.available:
            mode = self.tr("online")
        else:
            mode = self.tr("not on this computer")
        return f"{choice.registry.name}\n{rows} · {mode}"

    def _personal_text(self, listing: RegistryListing | None = None) -> str:
        if listing is None:
            return self.tr("Healthcare workers (personal data)")
        return f"{listing.name}\n" + self.tr("personal data · not available to your role")

    def _load_unreadable(self) -> None:
        """Online, a user without a personal-data role learns from ``GET /registries``
        which registries they may not read, by name (the cache never holds them)."""
        online = self._context.online
        if self._may_read_personal or online is None or not online.available:
            return
        self._context.tasks.run(
            lambda: [r for r in registry_listing(online) if not r.readable],
            self._show_unreadable,
            lambda error: log.info("registries: no listing from the server: %s", error),
            owner=self,
            key="listing",
        )

    def _show_unreadable(self, unreadable: list[RegistryListing]) -> None:
        self._unreadable = unreadable
        self._show_choices(self._choices)

    def choice(self, registry_id: str) -> RegistryChoice | None:
        return next((c for c in self._choices if c.registry.id == registry_id), None)

    def choose(self, registry_id: str) -> None:
        for row in range(self.chooser.count()):
            if self.chooser.item(row).data(Qt.ItemDataRole.UserRole) == registry_id:
                self.chooser.setCurrentRow(row)
                return

    def _chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        self.cancel_export()
        registry_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if registry_id == PERSONAL_DATA_ITEM:
            self._close_registry()
            self.keep_offline.hide()
            self.mode_label.clear()
            listing = item.data(Qt.ItemDataRole.UserRole + 1) if item is not None else None
            if isinstance(listing, RegistryListing):
                name = listing.name
                self._show_message(
                    lambda: self.tr(
                        "Not available to your role. “%1” holds personal data: analysts and "
                        "administrators may read it."
                    ).replace("%1", name)
                )
                return
            self._show_message(
                lambda: self.tr(
                    "Not available to your role. The healthcare workers' registry holds personal "
                    "data: analysts and administrators may read it."
                )
            )
            return
        choice = self.choice(str(registry_id)) if registry_id else None
        if choice is None:
            return
        self._open(choice)

    def _close_registry(self) -> None:
        self._registry = None
        self._opened += 1
        self._online_mode = False
        self._set_controls_enabled(False)
        if self._filter_row is not None:
            self.filter_holder.removeWidget(self._filter_row)
            self._filter_row.hide()  # gone now, not when the event loop deletes it
            self._filter_row.deleteLater()
            self._filter_row = None
        self.atc_tree.clear()
        self.atc_tree.hide()
        self.atc_label.hide()
        self._show_detail(None)

    def _reopen_described(self, choice: RegistryChoice) -> None:
        """The server changed the open registry's description (a column added, renamed or
        retyped): open it again with its new columns, keeping the filters, the search and
        the sort of the columns it still has."""
        kept = self._filter_row.state() if self._filter_row is not None else {}
        self._open(choice)
        if self._filter_row is not None and kept:
            self._filter_row.restore(kept)
            self._apply()

    def _open(self, choice: RegistryChoice) -> None:
        self._close_registry()
        registry = choice.registry
        self._registry = registry
        self._atc = ""
        self.keep_offline.show()
        self.keep_offline.blockSignals(True)
        self.keep_offline.setChecked(choice.offline)
        self.keep_offline.blockSignals(False)
        online = self._context.online
        self._online_mode = self._wants_online(choice)
        self._update_mode()
        if choice.stored_rows == 0 and not self._online_mode:
            megabytes = max(1, choice.download_bytes // 2**20)
            if online is None:
                self._show_message(
                    lambda: self.tr(
                        "This registry is not on this computer. Tick “Keep on this computer” "
                        "to download it at the next sync (about %1 MB)."
                    ).replace("%1", format_number(megabytes))
                )
            else:
                self._show_message(
                    lambda: self.tr(
                        "This registry is not on this computer, and the server cannot be "
                        "reached now: browse it online when the connection returns, or tick "
                        "“Keep on this computer” to download it at the next sync (about %1 MB)."
                    ).replace("%1", format_number(megabytes))
                )
            return
        self._filter_row = FilterRow(registry, self)
        self._filter_row.changed.connect(self._apply)
        self.filter_holder.addWidget(self._filter_row)
        chain = [
            self.search,
            self.view_choice,
            self.export_csv,
            self.export_xlsx,
            *self._filter_row.focus_chain(),
            self.table,
            self.detail,
            self.copy_value,
            self.copy_row,
        ]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        self._has_expiry = any(c.key == "valid_until" for c in registry.columns)
        self.view_choice.setVisible(self._has_expiry)
        self.view_label.setVisible(self._has_expiry)
        self.view_choice.blockSignals(True)
        self.view_choice.setCurrentIndex(VIEW_ALL)
        self.view_choice.blockSignals(False)
        online_reads = self._context.online if self._online_mode else None
        if registry.is_medicines and any(c.key == "atc_code" for c in registry.columns):
            self.atc_label.show()
            self.atc_tree.show()
            self._load_atc(None, "")
        model = RegistryTableModel(
            registry,
            self._context.tasks,
            self._context.reads.run,
            self._query(),
            self,
            online=online_reads,
        )
        old = self._model
        self._model = model
        self.table.setModel(model)
        if old is not None:
            old.deleteLater()
        model.follow(self.table)
        model.countChanged.connect(self._show_count)
        model.queryFinished.connect(self.viewShown.emit)
        model.failed.connect(self._show_query_problem)
        if online_reads is not None:
            model.queryFailed.connect(lambda error: self._show_online_problem(model, error))
            model.queryFinished.connect(lambda _query: self._online_rows_shown(model))
            model.rowsInserted.connect(lambda *_a: self._show_growing_count())
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        header = self.table.horizontalHeader()
        sorted_by = [n for n, c in enumerate(model.shown) if c.key == model.query.sort]
        header.setSortIndicator(
            sorted_by[0] if sorted_by else -1,
            Qt.SortOrder.DescendingOrder
            if model.query.descending and sorted_by
            else Qt.SortOrder.AscendingOrder,
        )
        for number, column in enumerate(model.shown):
            header.resizeSection(number, column_width(column))
        self.pages.setCurrentWidget(self.table)
        self._set_controls_enabled(True)
        model.set_query(model.query)
        if online_reads is not None:
            self._set_online_controls()
            self._load_online_counts(registry)
            return
        self._load_counts(registry)
        self._build_indexes(registry)

    # --- online mode (a registry not kept on this computer) ----------------------------

    def _wants_online(self, choice: RegistryChoice) -> bool:
        """Read from the server: nothing of it is here, and the server is reachable."""
        online = self._context.online
        return choice.stored_rows == 0 and online is not None and online.available

    def _set_online_controls(self) -> None:
        """Online the free search, the export, the pick lists' counts and the ATC tree
        read the server (``search_terms``, ``iter_pages``, ``…/choices``, ``…/atc``)."""
        self._search_placeholder()

    def _search_placeholder(self) -> None:
        self.search.setPlaceholderText(self.tr("Search the whole row…"))

    @property
    def online_mode(self) -> bool:
        return self._online_mode

    def _online_rows_shown(self, model: RegistryTableModel) -> None:
        if model is not self._model or self._registry is None:
            return  # an answer for a registry no longer open
        self._say(None)
        if self.pages.currentWidget() is not self.table:
            self._message_words = None
            self.pages.setCurrentWidget(self.table)
        self._show_growing_count()

    def _show_growing_count(self) -> None:
        """While the server's list grows page by page: the rows read so far (the
        registry's size when nothing filters it)."""
        model = self._model
        shown = self._registry is not None and self.pages.currentWidget() is self.table
        if model is None or not model.growing or not shown:
            return
        query = model.query
        registry = self._registry
        if registry is not None and not query.filters and not query.search.strip():
            total = registry.row_count
            self.count_label.setText(
                with_number(self.tr("%n rows on the server", "", total), total)
            )
            return
        read = model.rowCount()
        self.count_label.setText(
            with_number(self.tr("%n rows so far, more as you scroll", "", read), read)
        )

    def _show_online_problem(self, model: RegistryTableModel, error: BaseException) -> None:
        """A failed page: words in the tab; the rows already shown stay."""
        if model is not self._model or self._registry is None:
            return
        if model.loaded_once and model.rowCount():
            self._say(lambda: problem_words(error))
            self.count_label.setText(self.tr("The rows could not be read."))
        else:
            self._show_message(lambda: problem_words(error))

    def _update_mode(self) -> None:
        choice = self.choice(self._registry.id) if self._registry else None
        if choice is None:
            self.mode_label.clear()
            return
        if choice.stored_rows:
            when = choice.as_of.astimezone().strftime("%Y-%m-%d %H:%M") if choice.as_of else "—"
            self.mode_label.setText(self.tr("On this computer, as of %1").replace("%1", when))
        elif self._online_mode and choice.offline:
            self.mode_label.setText(
                self.tr("Online: read from the server until the next sync downloads it")
            )
        elif self._online_mode:
            self.mode_label.setText(self.tr("Online: read from the server"))
        elif choice.offline:
            self.mode_label.setText(self.tr("Will be downloaded at the next sync"))
        else:
            self.mode_label.setText(self.tr("Not kept on this computer"))

    def _keep_offline_toggled(self, keep: bool) -> None:
        if self._registry is None:
            return
        registry_id = self._registry.id
        self._context.reads.query(
            lambda db: set_offline(db, registry_id, keep),
            lambda _chosen: self._load_choices(),
            self._failed,
            owner=self,
            key="offline",
        )

    # --- the view ---------------------------------------------------------------------

    def _query(self) -> RegistryQuery:
        registry = self._registry
        assert registry is not None
        view = self.view_choice.currentIndex() if self._has_expiry else VIEW_ALL
        base = (
            expiring_query(registry, self._today, expired=view == VIEW_EXPIRED)
            if view in (VIEW_EXPIRING, VIEW_EXPIRED)
            else RegistryQuery(registry.id)
        )
        filters: tuple[Filter, ...] = base.filters
        if self._filter_row is not None:
            filters += self._filter_row.filters()
        if self._atc:
            filters += (TextFilter("atc_code", self._atc, "starts"),)
        model = self._model
        sort, descending = base.sort, base.descending
        if (
            model is not None
            and model.query.sort is not None
            and model.query.registry_id == registry.id
            and any(c.key == model.query.sort for c in registry.columns)
        ):
            sort, descending = model.query.sort, model.query.descending
        return RegistryQuery(registry.id, filters, self.search.text(), sort, descending)

    def _apply(self) -> None:
        if self._model is None or self._registry is None:
            return
        try:
            query = self._query()
        except BadFilter as bad:
            if self._filter_row is not None:
                self._filter_row.show_problems(bad.problems)
            return
        self.count_label.setText(self.tr("Counting…"))
        self._model.set_query(query)

    def current_query(self) -> RegistryQuery | None:
        return self._model.query if self._model is not None else None

    @property
    def model(self) -> RegistryTableModel | None:
        return self._model

    @property
    def filter_row(self) -> FilterRow | None:
        return self._filter_row

    def _show_count(self, count: int) -> None:
        self._count = count
        self.count_label.setText(with_number(self.tr("%n rows", "", count), count))

    def _show_query_problem(self, _text: str) -> None:
        self.count_label.setText(self.tr("The rows could not be read."))

    def _load_counts(self, registry: Registry) -> None:
        enums = [c for c in registry.columns if c.type == "enum" and c.filterable]

        def counts(db: Any) -> dict[str, list[tuple[str, int]]]:
            return {c.key: choice_counts(db, registry.id, c) for c in enums}

        self._context.reads.query(counts, self._show_counts, self._failed, owner=self, key="counts")

    def _load_online_counts(self, registry: Registry) -> None:
        """Online, each pick list's counts from the server (``GET …/choices``), one
        request per column on a worker; an answer for a registry no longer open is
        dropped."""
        online, opened = self._context.online, self._opened
        if online is None:
            return
        for column in (c for c in registry.columns if c.type == "enum" and c.filterable):
            self._load_choice_counts(online, registry.id, column.key, opened)

    def _load_choice_counts(
        self, online: OnlineReads, registry_id: str, key: str, opened: int
    ) -> None:
        self._context.tasks.run(
            lambda: fetch_choice_counts(online, registry_id, key),
            lambda values: self._show_online_counts(opened, key, values),
            lambda error: self._online_counts_failed(opened, error),
            owner=self,
            key=("choices", key),
        )

    def _show_online_counts(self, opened: int, key: str, values: list[tuple[str, int]]) -> None:
        if opened == self._opened:
            self._show_counts({key: values})

    def _online_counts_failed(self, opened: int, error: BaseException) -> None:
        """The pick lists keep the description's values, without counts."""
        if opened == self._opened:
            self._say(
                lambda: self.tr("The pick lists' counts could not be read: %1").replace(
                    "%1", problem_words(error)
                )
            )

    def _show_counts(self, counts: dict[str, list[tuple[str, int]]]) -> None:
        if self._filter_row is None:
            return
        for key, values in counts.items():
            self._filter_row.set_counts(key, values, format_number)

    def _build_indexes(self, registry: Registry) -> None:
        """The registry's filter and sort indexes, once per column (a new column in the
        description gets one here): in the background, the table usable meanwhile."""

        def work(control: TaskControl) -> int:
            return int(
                self._context.reads.run(
                    lambda db: ensure_indexes(
                        db,
                        registry,
                        lambda done, total: control.report((done, total)),
                        control.check,
                    )
                )
            )

        self._context.tasks.run_controlled(
            work,
            lambda _built: self._say(None),
            self._failed,
            on_progress=self._index_progress,
            owner=self,
            key="indexes",
            priority=Priority.BACKGROUND,
        )

    def _index_progress(self, value: object) -> None:
        if isinstance(value, tuple):
            done, total = value
            self.export_status.setText(
                self.tr("Preparing sorting and filters: %1 of %2")
                .replace("%1", str(done + 1))
                .replace("%2", str(total))
            )

    # --- ATC tree ---------------------------------------------------------------------

    def _load_atc(self, parent: QTreeWidgetItem | None, code: str) -> None:
        registry = self._registry
        if registry is None:
            return
        registry_id = registry.id
        online = self._context.online if self._online_mode else None
        if online is not None:  # a level at a time from the server, on a worker
            opened = self._opened
            self._context.tasks.run(
                lambda: fetch_atc_groups(online, registry_id, code),
                lambda groups: self._show_atc(parent, groups) if opened == self._opened else None,
                lambda error: self._atc_failed(opened, parent, error),
                owner=self,
                key=("atc", code),
            )
            return
        self._context.reads.query(
            lambda db: atc_groups(db, registry_id, code),
            lambda groups: self._show_atc(parent, groups),
            self._failed,
            owner=self,
            key=("atc", code),
        )

    def _show_atc(self, parent: QTreeWidgetItem | None, groups: list[AtcGroup]) -> None:
        if parent is None:
            self.atc_tree.clear()
            top = QTreeWidgetItem(self.atc_tree, [self.tr("All ATC groups"), ""])
            top.setData(0, Qt.ItemDataRole.UserRole, "")
            parent_item = None
        else:
            parent.takeChildren()
            parent_item = parent
        for group in groups:
            item = QTreeWidgetItem([group.code, format_number(group.count)])
            item.setData(0, Qt.ItemDataRole.UserRole, group.code)
            item.setData(1, Qt.ItemDataRole.UserRole, group.count)  # regrouped on a language change
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            if len(group.code) < 7:
                item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            if parent_item is None:
                self.atc_tree.addTopLevelItem(item)
            else:
                parent_item.addChild(item)
        self.atc_tree.resizeColumnToContents(1)

    def _atc_failed(
        self, opened: int, parent: QTreeWidgetItem | None, error: BaseException
    ) -> None:
        """A level not read from the server: a line in the tree where it would be (its
        tooltip and the status line say why); expanding the node again tries again."""
        if opened != self._opened:
            return
        self._show_atc(parent, [])
        problem = QTreeWidgetItem([self.tr("Could not be read"), ""])
        problem.setToolTip(0, problem_words(error))
        problem.setFlags(Qt.ItemFlag.ItemIsEnabled)
        if parent is None:
            self.atc_tree.addTopLevelItem(problem)
        else:
            parent.addChild(problem)
        self._say(
            lambda: self.tr("The ATC classification could not be read: %1").replace(
                "%1", problem_words(error)
            )
        )

    def _atc_expanded(self, item: QTreeWidgetItem) -> None:
        code = item.data(0, Qt.ItemDataRole.UserRole)
        only = item.child(0) if item.childCount() == 1 else None
        failed = only is not None and only.data(0, Qt.ItemDataRole.UserRole) is None
        if code and (item.childCount() == 0 or failed):
            self._load_atc(item, str(code))

    def _atc_chosen(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        if item is not None and item.data(0, Qt.ItemDataRole.UserRole) is None:
            return  # the line of a level that could not be read
        code = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else ""
        self._atc = str(code or "")
        self._apply()

    def atc_items(self) -> list[str]:
        items = (self.atc_tree.topLevelItem(i) for i in range(self.atc_tree.topLevelItemCount()))
        return [item.text(0) for item in items if item is not None]

    # --- row detail -------------------------------------------------------------------

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        model = self._model
        self._show_detail(
            model.row_at(current.row()) if model is not None and current.isValid() else None
        )

    def _show_detail(self, row: RegistryRow | None) -> None:
        self._detail_row = row
        registry = self._registry
        self.detail.setRowCount(0)
        if row is None or registry is None:
            self.copy_value.setEnabled(False)
            self.copy_row.setEnabled(False)
            return
        self.detail.setRowCount(len(registry.columns))
        for number, column in enumerate(registry.columns):
            value = display_value(column, row.values.get(column.key), self.tr("Yes"), self.tr("No"))
            self.detail.setItem(number, 0, QTableWidgetItem(column.label))
            self.detail.setItem(number, 1, QTableWidgetItem(value))
        self.detail.resizeRowsToContents()
        self.detail.setCurrentCell(0, 1)
        self.copy_value.setEnabled(True)
        self.copy_row.setEnabled(True)

    def copy_current_value(self) -> None:
        item = self.detail.item(self.detail.currentRow(), 1)
        if item is not None:
            QGuiApplication.clipboard().setText(item.text())

    def copy_current_row(self) -> None:
        lines = []
        for number in range(self.detail.rowCount()):
            label, value = self.detail.item(number, 0), self.detail.item(number, 1)
            if label is not None and value is not None:
                lines.append(f"{label.text()}\t{value.text()}")
        QGuiApplication.clipboard().setText("\n".join(lines))

    # --- export -----------------------------------------------------------------------

    def _ask_export(self, file_format: str) -> None:
        if self._registry is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        if self._context.preferences is not None:
            folder = str(self._context.preferences.value(SAVE_FOLDER_KEY, folder))
        suggested = str(Path(folder) / f"{self._registry.code or 'registry'}.{file_format}")
        kinds = (
            self.tr("CSV for Excel (*.csv)")
            if file_format == "csv"
            else self.tr("Excel workbook (*.xlsx)")
        )
        path, _chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export the view"), suggested, kinds
        )
        if path:
            if self._context.preferences is not None:
                self._context.preferences.setValue(SAVE_FOLDER_KEY, str(Path(path).parent))
            self.export_to(Path(path), file_format)

    def export_to(self, path: Path, file_format: str) -> None:
        """Export exactly the current view, in the background; progress and cancel below
        the tool bar; the file appears whole or not at all."""
        query = self.current_query()
        if query is None:
            return
        self.cancel_export()

        written: list[int] = []
        """Set once the file is in place: a cancel that came too late then reports the
        file, not "no file was written"."""

        online = self._context.online if self._online_mode else None
        registry = self._registry
        known = self._model.count if self._model is not None else None

        def work(control: TaskControl) -> int:
            if online is not None and registry is not None:
                rows = self._export_online(
                    online, registry, query, path, file_format, control, known
                )
            else:
                rows = int(
                    self._context.reads.run(
                        lambda db: export_view(
                            db,
                            query,
                            path,
                            file_format,
                            progress=lambda done, total: control.report((done, total)),
                            check=control.check,
                        )
                    )
                )
            written.append(rows)
            return rows

        self._export_name = path.name
        self._show_export_progress(True)
        self.export_progress.setRange(0, 0)
        self._say(lambda: self.tr("Exporting to %1…").replace("%1", path.name))
        self._export_task = self._context.tasks.run_controlled(
            work,
            lambda rows: self._export_done(path, rows),
            self._export_error,
            on_progress=self._export_progress,
            on_cancelled=lambda: (
                self._export_done(path, written[0]) if written else self._export_cancelled()
            ),
            owner=self,
            key="export",
            priority=Priority.BACKGROUND,
        )

    @staticmethod
    def _export_online(
        online: OnlineReads,
        registry: Registry,
        query: RegistryQuery,
        path: Path,
        file_format: str,
        control: TaskControl,
        known: int | None = None,
    ) -> int:
        """The online view, page by page from the server (keyset, 500 rows a page) on
        this worker. Its count: the one the table was told (the server's exact count),
        else the registry's size when unfiltered, else unknown (rows written so far)."""
        unfiltered = not query.filters and not query.search.strip()
        return export_rows(
            query.shown_columns(registry),
            iter_pages(online, query, EXPORT_PAGE),
            path,
            file_format,
            known if known is not None else registry.row_count if unfiltered else None,
            progress=lambda done, total: control.report((done, total)),
            check=control.check,
        )

    def _export_progress(self, value: object) -> None:
        if isinstance(value, tuple):
            done, total = value
            name = self._export_name
            if total is None:  # online, filtered: the rows written so far
                self.export_progress.setRange(0, 0)
                self._say(
                    lambda: with_number(
                        self.tr("Exporting to %1: %n rows written", "", done), done
                    ).replace("%1", name)
                )
                return
            self.export_progress.setRange(0, max(total, 1))
            self.export_progress.setValue(min(done, total))
            self._say(
                lambda: (
                    with_number(self.tr("Exporting to %1: %n of %2 rows written", "", done), done)
                    .replace("%1", name)
                    .replace("%2", format_number(total))
                )
            )

    def _export_done(self, path: Path, rows: int) -> None:
        self._export_task = None
        self._show_export_progress(False)
        self._say(
            lambda: with_number(self.tr("%n rows exported to %1", "", rows), rows).replace(
                "%1", str(path)
            )
        )
        self.exportFinished.emit(str(path))

    def _export_error(self, error: BaseException) -> None:
        self._export_task = None
        self._show_export_progress(False)
        if isinstance(error, ExportFailed) and error.reason == "not_writable":
            text = self.tr("The file could not be written: %1").replace("%1", error.detail)
        elif isinstance(error, OnlineReadFailed):
            text = self.tr("The export stopped; no file was written. %1").replace(
                "%1", problem_words(error)
            )
        else:
            log.warning("export failed: %s", type(error).__name__)
            text = self.tr("The export failed.")
        self.export_status.setText(text)
        self.exportFailed.emit(text)

    def _export_cancelled(self) -> None:
        self._export_task = None
        self._show_export_progress(False)
        self._say(lambda: self.tr("Export cancelled; no file was written."))

    def _say(self, text: Callable[[], str] | None) -> None:
        self._status = text
        self.export_status.setText(text() if text is not None else "")

    def cancel_export(self) -> None:
        if self._export_task is not None:
            self._export_task.cancel()

    def _show_export_progress(self, shown: bool) -> None:
        self.export_progress.setVisible(shown)
        self.export_cancel.setVisible(shown)

    # --- the rest ---------------------------------------------------------------------

    def _show_message(self, words: Callable[[], str]) -> None:
        """``words`` are asked again on a language change (the message stays shown)."""
        self._message_words = words
        self.message.setText(words())
        self.pages.setCurrentWidget(self.message)
        self.count_label.clear()

    def _set_controls_enabled(self, enabled: bool) -> None:
        for widget in (self.search, self.view_choice, self.export_csv, self.export_xlsx):
            widget.setEnabled(enabled)

    def _failed(self, error: BaseException) -> None:
        log.warning("registries: a read failed: %s", type(error).__name__)
        self.count_label.setText(self.tr("The rows could not be read."))

    def _on_changed(self, changes: Changes) -> None:
        if self._unreadable is None:
            self._load_unreadable()  # signed in offline: the server may be back
        if not changes.touches({"registries", "registry_rows"}):
            return
        self._load_choices()
        if self._model is not None:
            self._model.refresh(changes)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.chooser_label.setText(self.tr("&Registries"))
        self.chooser.setAccessibleName(self.tr("Registries"))
        self.keep_offline.setText(self.tr("Keep on this computer"))
        self.keep_offline.setAccessibleName(self.tr("Keep on this computer"))
        self.atc_label.setText(self.tr("&ATC classification"))
        self.atc_tree.setHeaderLabels([self.tr("ATC code"), self.tr("Medicines")])
        self.atc_tree.setAccessibleName(self.tr("ATC classification"))
        self._search_placeholder()
        self.search.setAccessibleName(self.tr("Search the whole row"))
        for index, text in enumerate(
            (self.tr("All rows"), self.tr("Expiring within 90 days"), self.tr("Expired"))
        ):
            self.view_choice.setItemText(index, text)
        self.view_choice.setAccessibleName(self.tr("View"))
        self.view_label.setText(self.tr("&View:"))
        self.export_csv.setText(self.tr("Export CSV…"))
        self.export_xlsx.setText(self.tr("Export XLSX…"))
        self.export_cancel.setText(self.tr("Cancel export"))
        self.export_progress.setAccessibleName(self.tr("Export progress"))
        self.table.setAccessibleName(self.tr("Registry rows"))
        self.message.setAccessibleName(self.tr("Message"))
        self.detail_label.setText(self.tr("Row &details"))
        self.detail.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.detail.setAccessibleName(self.tr("Row details"))
        for header in (
            self.table.horizontalHeader(),
            self.detail.horizontalHeader(),
            self.atc_tree.header(),
        ):
            header.setAccessibleName(self.tr("Column headings"))
        self.copy_value.setText(self.tr("Copy value"))
        self.copy_row.setText(self.tr("Copy row"))
        if self._count is not None and self.pages.currentWidget() is self.table:
            self._show_count(self._count)
        if self._status is not None:
            self.export_status.setText(self._status())
        if self._message_words is not None:
            self.message.setText(self._message_words())
        for row in range(self.atc_tree.topLevelItemCount()):
            group = self.atc_tree.topLevelItem(row)
            if group is not None and group.data(0, Qt.ItemDataRole.UserRole) == "":
                group.setText(0, self.tr("All ATC groups"))
        walk = QTreeWidgetItemIterator(self.atc_tree)
        while walk.value() is not None:
            count = walk.value().data(1, Qt.ItemDataRole.UserRole)
            if isinstance(count, int):
                walk.value().setText(1, format_number(count))
            walk += 1
        self._show_detail(self._detail_row)
        if self._choices or not self._may_read_personal:
            for row in range(self.chooser.count()):
                item = self.chooser.item(row)
                registry_id = item.data(Qt.ItemDataRole.UserRole)
                choice = self.choice(str(registry_id))
                listing = item.data(Qt.ItemDataRole.UserRole + 1)
                item.setText(
                    self._choice_text(choice)
                    if choice
                    else self._personal_text(
                        listing if isinstance(listing, RegistryListing) else None
                    )
                )
            self._update_mode()
        self._show_growing_count()
