"""What a tab gets from the main window: no globals, no reaching into the window."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sqlite_utils
from PySide6.QtCore import QObject, QSettings, Signal

from ui.tasks import TaskRunner
from ui.write_ports import TabWrites


class DataEvents(QObject):
    """Emitted on the GUI thread when the cache changed under the tabs (a sync applied
    pages, an outbox entry settled), so they refresh what they show."""

    changed = Signal(object)  # the set of collection names that changed, or None for "all"


@dataclass(frozen=True)
class TabContext:
    """Handed to every tab's constructor.

    ``connect``: opens a new connection to the encrypted cache; call it on the thread
    that will use the connection (workers each open their own, and keep it per thread).
    ``tasks``: runs work off the GUI thread. ``events``: tells tabs the data changed.
    ``user``: the signed-in user as the server described them (id, roles, department_id).
    ``preferences``: the user's settings, for a tab's own small choices (the last folder
    a file was saved to); None: nothing is remembered.
    """

    connect: Callable[[], sqlite_utils.Database]
    tasks: TaskRunner
    events: DataEvents
    user: dict[str, object]
    preferences: QSettings | None = None
    writes: TabWrites | None = None
    """The write side (``ui/write_ports.py``); None: the tab is read-only."""
