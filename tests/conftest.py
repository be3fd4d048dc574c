"""Shared test setup. Qt runs offscreen: without a display it would abort the process."""

import os
from collections.abc import Iterator

import pytest

from cache.schema import Catalog
from domains.catalog import CATALOG

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.demo"]  # the synced demo cache, for tests/cache and tests/ui/directory


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The umask most systems start with (022), so a file mode a test checks is the one
    the code asked for, not one the test runner's umask happened to allow."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture
def catalog() -> Catalog:
    """Every domain's collections, as the app passes them to the cache core."""
    return CATALOG
