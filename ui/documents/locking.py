"""The Documents tab's check out / check in, the side-by-side conflict and cancelling a
large upload: kept apart from ``tab.py`` (a mixin of ``DocumentsTab``), which builds the
widgets (``CheckoutPanel``, ``ConflictSides``, ``UploadProgress``) and calls in here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, QObject

from domains.command import CommandRefused
from domains.documents.commands import CheckIn, CheckOut
from domains.documents.queries import queued_upload_of

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSplitter

    from ui.context import TabContext
    from ui.documents.checkout_panel import CheckoutPanel
    from ui.documents.conflict_sides import ConflictSides
    from ui.documents.preview import PreviewPane


def person_name(names: dict[str, str], person_id: object) -> str:
    """A person's full name from the record's ``names``; the id when the cache does not
    know them; empty when there is no id."""
    if not isinstance(person_id, str) or not person_id:
        return ""
    return str(names.get(person_id) or person_id)


CONFLICT_SIDE_WIDTH = 580
"""The details pane widens to this while a conflict shows both versions side by side."""


class LockingMixin:
    """Needs the tab's ``_context``, ``_open``, ``checkout_panel``, ``conflict_sides``,
    ``preview``, ``_say``, ``_failed`` and ``problem_words``. Its words are in the tab's
    translation context ("DocumentsTab")."""

    _context: TabContext
    _open: dict[str, Any] | None
    checkout_panel: CheckoutPanel
    conflict_sides: ConflictSides
    preview: PreviewPane
    splitter: QSplitter
    _sizes_before_conflict: list[int] | None = None

    if TYPE_CHECKING:

        def _say(self, text: str) -> None: ...
        def _failed(self, error: BaseException) -> None: ...
        def problem_words(self, problem: Any) -> str: ...

    @property
    def _owner(self) -> QObject:
        """The tab itself: what its reads, writes and tasks belong to."""
        return cast("QObject", self)

    # --- check out / check in -----------------------------------------------------------

    def check_out(self) -> None:
        """Queue "check out for editing" (offline too); a refusal says why."""
        self._lock_change(
            CheckOut,
            QCoreApplication.translate(
                "DocumentsTab", "Checked out: others cannot upload a version or change its details."
            ),
        )

    def check_in(self) -> None:
        """Queue "check in" (the holder) or the release of someone's lock (an admin)."""
        self._lock_change(
            CheckIn,
            QCoreApplication.translate(
                "DocumentsTab",
                "Checked in: others can upload versions and change its details again.",
            ),
        )

    def _lock_change(self, command: Any, done: str) -> None:
        record = self._open
        if record is None:
            return
        self._context.writes.apply(
            command(str(record["id"]), self._context.user),
            owner=self._owner,
            on_done=lambda _applied: self._say(done),
            on_refused=self._lock_refused,
            on_error=self._failed,
        )

    def _lock_refused(self, refused: CommandRefused) -> None:
        reasons = "; ".join(self.problem_words(p) for p in refused.problems)
        self._say(QCoreApplication.translate("DocumentsTab", "Not done: %1").replace("%1", reasons))

    # --- conflict: both sides -----------------------------------------------------------

    def show_conflict_sides(self, record: dict[str, Any], theirs: dict[str, Any]) -> None:
        """Both versions' metadata now, their previews from workers: mine from the
        encrypted store (the staged file), theirs from the store or the server."""
        sizes = self.splitter.sizes()
        if len(sizes) == 3 and sizes[2] < CONFLICT_SIDE_WIDTH:  # room for two previews
            self._sizes_before_conflict = sizes
            spare = CONFLICT_SIDE_WIDTH - sizes[2]
            self.splitter.setSizes([sizes[0], max(sizes[1] - spare, 300), CONFLICT_SIDE_WIDTH])
        names = record.get("names") or {}
        self.conflict_sides.show_sides(
            record,
            theirs,
            person_name(names, theirs.get("version_uploaded_by")),
            person_name(names, theirs.get("author_id")),
        )
        files = self._context.files
        if files is None:
            self.conflict_sides.theirs_unavailable()
            return
        mine_sha = str(record.get("sha256") or "")
        self._context.tasks.run(
            lambda: files.read_staged(mine_sha),
            self.conflict_sides.show_mine,
            lambda _error: None,
            owner=self._owner,
            key="conflict-mine",
        )
        self._context.tasks.run(
            lambda: files.open(theirs),
            self.conflict_sides.show_theirs,
            lambda _error: self.conflict_sides.theirs_unavailable(),
            owner=self._owner,
            key="conflict-theirs",
        )

    def conflict_closed(self) -> None:
        """The details pane goes back to the width it had before a conflict widened it."""
        before = self._sizes_before_conflict
        if before is not None:
            self._sizes_before_conflict = None
            self.splitter.setSizes(before)

    # --- cancelling a large upload ------------------------------------------------------

    def cancel_upload(self, sha256: str) -> None:
        """Stop the running upload (its session leaves the server) and withdraw its
        queued change: the document shown as waiting goes away."""
        files = self._context.files
        if files is not None:
            files.cancel_upload(sha256)
        self._context.reads.query(
            lambda db: queued_upload_of(db, sha256),
            self._withdraw,
            self._failed,
            owner=self._owner,
        )

    def _withdraw(self, queued: tuple[str, str] | None) -> None:
        if queued is None:
            return
        collection, record_id = queued
        self._context.writes.discard(collection, record_id, owner=self)
        self._say(
            QCoreApplication.translate(
                "DocumentsTab", "Upload cancelled: nothing of it stays on the server."
            )
        )
