"""What a tab gets from the main window: no globals, no reaching into the window.

docs/tabs.md tells how a new tab uses it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal

from cache.changes import Changes, ChangeSource
from ui.reads import ReadPool
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from domains.documents.content import DocumentFiles
    from domains.online import OnlineReads
    from ui.writes import Writes

__all__ = ["ChangeSource", "Changes", "DataEvents", "TabContext"]
"""``Changes`` and ``ChangeSource`` are here for the tabs, which import nothing below
their domain and this seam."""


class DataEvents(QObject):
    """Emitted on the GUI thread when the cache changed under the tabs: a sync applied
    pages, a local write was queued, the server answered a queued change. Each carries a
    ``cache.changes.Changes`` (collections, record ids, source): a tab refreshes only
    what it shows of them."""

    changed = Signal(object)  # cache.changes.Changes


@dataclass(frozen=True)
class TabContext:
    """Handed to every tab's constructor.

    ``reads``: the window's cache connections; a tab reads with
    ``reads.query(fn, on_done, owner=self, key=...)`` (``fn(db)`` runs on a worker).
    ``writes``: ``writes.apply(command, ...)`` stores a command's optimistic record and
    its outbox entry, announces it and asks the sync to push it soon.
    ``tasks``: other work off the GUI thread (files, exports). ``events``: what changed.
    ``user``: the signed-in user as the server described them (id, roles, department_id).
    ``preferences``: the user's settings, for a tab's own small choices (the last folder
    a file was saved to); None: nothing is remembered.
    ``files``: document content (stage an upload into the encrypted store, open a
    document's bytes from it or download them); None where no content is reachable.
    ``online``: reads from the server (``domains.online.OnlineReads``: a JSON GET of an
    API path, failures as ``OnlineReadFailed``), only on a worker (``tasks.run``), for
    what is not kept on this computer; ``online.available`` is False while signed in
    offline. None: no server at all (a window without a session).
    ``policy``: the server's policy as the cache keeps it (``max_offline_document_mb``,
    …): limits a tab must respect; empty where none is known.
    """

    reads: ReadPool
    writes: Writes
    tasks: TaskRunner
    events: DataEvents
    user: dict[str, object]
    preferences: QSettings | None = None
    files: DocumentFiles | None = None
    online: OnlineReads | None = None
    policy: Mapping[str, Any] = field(default_factory=dict)
