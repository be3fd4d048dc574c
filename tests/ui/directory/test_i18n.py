"""The Directory tab's numbers follow the chosen language (completeness of its
translations: tests/ui/test_translations.py)."""

from __future__ import annotations

from typing import Any

import pytest

from ui.directory.i18n import with_number


@pytest.mark.parametrize(
    ("language", "expected"), [("az", "1.234 əməkdaş"), ("ru", "1\xa0234 сотрудника"),
                               ("en", "1,234 people")],
)  # fmt: skip
def test_counts_are_grouped_as_the_language_does(qapp: Any, language: str, expected: str) -> None:
    from PySide6.QtCore import QCoreApplication

    from ui.directory.i18n import install_directory_translations

    try:
        assert install_directory_translations(qapp, language)
        text = QCoreApplication.translate("DirectoryTab", "%n people", None, 1234)
        assert with_number(text, 1234) == expected
    finally:
        install_directory_translations(qapp, "en")
