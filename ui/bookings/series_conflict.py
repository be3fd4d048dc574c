"""The conflict screen's "Edit…" for a series changed on both sides: the series' edit
dialog, pre-filled with my title and times, whose OK replaces my conflicting change
with the edited one, built on the server's series version (``Writes.edit_and_keep``).
A refusal stays in the dialog, beside the fields, and nothing was written."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from domains.bookings.series_conflict import SERIES_KIND
from domains.changes import ConflictSides
from ui.bookings.rules_panel import SeriesEditDialog
from ui.bookings.words import problem_text
from ui.write_ports import ConflictEditing


def _times(text: object) -> tuple[time, time]:
    """ "20:00–21:00" (``series_sides``) as two times; 09:00–10:00 if it is not that."""
    try:
        start, end = str(text).split("–")
        return time.fromisoformat(start), time.fromisoformat(end)
    except ValueError:
        return time(9, 0), time(10, 0)


def edit_series_conflict(
    sides: ConflictSides,
    writes: ConflictEditing,
    user: Mapping[str, Any],
    parent: QWidget,
) -> SeriesEditDialog | None:
    """Opens the dialog (None: not a series conflict)."""
    if sides.collection != "bookings" or sides.kind != SERIES_KIND:
        return None
    start, end = _times(sides.mine.get("time"))
    holder: list[SeriesEditDialog] = []

    def send() -> None:
        dialog = holder[0]
        writes.edit_and_keep(
            sides.collection,
            sides.record_id,
            dialog.command(sides.record_id, dict(user), series_version=sides.parent_version),
            owner=dialog,
            on_done=lambda _applied: dialog.accept(),
            on_refused=lambda refusal: dialog.show_problems(
                [problem_text(p) for p in refusal.problems]
            ),
            on_error=lambda _error: dialog.show_failure(),
        )

    dialog = SeriesEditDialog(str(sides.mine.get("title") or ""), start, end, parent, on_ok=send)
    holder.append(dialog)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
