"""The day grid's cached row pictures: a row is drawn once (text laid out, elided) and
then copied while the user scrolls, instead of drawing every block's text each frame.
A few screens' worth are kept (the least recently shown dropped first)."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtGui import QPixmap


class RowPictures:
    """Row index → its picture, valid while the key given to ``check`` stays the same."""

    def __init__(self) -> None:
        self._pictures: OrderedDict[int, QPixmap] = OrderedDict()
        self._key: tuple[object, ...] | None = None

    def check(self, key: tuple[object, ...]) -> None:
        """Drops every picture when what they show changed."""
        if key != self._key:
            self._pictures.clear()
            self._key = key

    def get(self, row: int) -> QPixmap | None:
        picture = self._pictures.get(row)
        if picture is not None:
            self._pictures.move_to_end(row)
        return picture

    def put(self, row: int, picture: QPixmap, keep: int) -> None:
        self._pictures[row] = picture
        while len(self._pictures) > max(1, keep):
            self._pictures.popitem(last=False)

    def __len__(self) -> int:
        return len(self._pictures)
