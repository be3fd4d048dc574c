"""Every domain's collections in one ``Catalog``: the one place that knows them all.

The composition points (``main.py``, the main window, the sync controller, the
headless session) pass ``CATALOG`` to the cache core, which never imports the domains.
The order is the sync's: the staff directory first (usable while the rest comes),
then bookings, documents, registries and indicators.
"""

from __future__ import annotations

from cache.schema import Catalog
from domains.bookings import collections as bookings
from domains.directory import collections as directory
from domains.documents import collections as documents
from domains.indicators import collections as indicators
from domains.registries import collections as registries

__all__ = ["CATALOG"]

CATALOG = Catalog(
    (
        *directory.SPECS,
        *bookings.SPECS,
        *documents.SPECS,
        *registries.SPECS,
        *indicators.SPECS,
    )
)
