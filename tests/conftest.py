"""Shared test setup. Qt runs offscreen: without a display it would abort the process."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.demo"]  # the synced demo cache, for tests/cache and tests/ui_directory
