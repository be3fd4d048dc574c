"""Every domain's collections in one ``Catalog``: the one place that knows them all.

The composition points (``main.py``, the main window, the sync controller, the
headless session) pass ``CATALOG`` to the cache core, which never imports the domains.
The order is the sync's: the staff directory first (usable while the rest comes),
then bookings, documents, registries and indicators.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from cache.schema import Catalog
from domains.bookings import collections as bookings
from domains.directory import collections as directory
from domains.documents import collections as documents
from domains.indicators import collections as indicators
from domains.indicators.aggregates import refresh_aggregates
from domains.registries import collections as registries

__all__ = ["CATALOG", "DERIVATIONS"]

CATALOG = Catalog(
    (
        *directory.SPECS,
        *bookings.SPECS,
        *documents.SPECS,
        *registries.SPECS,
        *indicators.SPECS,
    )
)

DERIVATIONS: tuple[Callable[[sqlite_utils.Database], object], ...] = (refresh_aggregates,)
"""What the cache derives from the synced records, run by the sync engine after every
pull (each does nothing when its sources did not change): the indicators' regional and
national monthly aggregates (docs/analytics.md)."""
