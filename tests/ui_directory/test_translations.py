"""The Directory tab's translations ship complete and built from the current code."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any
from xml.etree import ElementTree  # our own files, not untrusted input

import pytest

from ui.directory.i18n import LANGUAGES, TRANSLATIONS_DIR, with_number

ROOT = Path(__file__).resolve().parents[2]


def sources(ts: Path) -> set[tuple[str, str]]:
    root = ElementTree.parse(ts).getroot()  # noqa: S314
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.iter("message")
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language: str) -> None:
    ts = TRANSLATIONS_DIR / f"directory_{language}.ts"
    root = ElementTree.parse(ts).getroot()  # noqa: S314
    messages = list(root.iter("message"))
    assert len(messages) > 30
    for message in messages:
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") is None, message.findtext("source")
        forms = [form.text for form in translation.iter("numerusform")] or [translation.text]
        assert all(form and form.strip() for form in forms), message.findtext("source")


def test_the_ts_files_cover_the_code_and_the_qm_files_are_built_from_them(
    tmp_path: Path,
) -> None:
    """lupdate over ui/directory finds no string the .ts lacks; lrelease of each .ts gives
    the shipped .qm byte for byte."""
    lupdate, lrelease = shutil.which("pyside6-lupdate"), shutil.which("pyside6-lrelease")
    assert lupdate and lrelease, "PySide6's tools are missing from the environment"
    fresh = tmp_path / "fresh.ts"
    code = sorted(str(p) for p in (ROOT / "ui" / "directory").glob("*.py"))
    subprocess.run([lupdate, "-locations", "none", *code, "-ts", str(fresh)], check=True,
                   capture_output=True)  # fmt: skip
    for language in LANGUAGES:
        ts = TRANSLATIONS_DIR / f"directory_{language}.ts"
        assert sources(fresh) == sources(ts), f"run scripts/directory_translations ({language})"
        built = tmp_path / f"{language}.qm"
        subprocess.run([lrelease, str(ts), "-qm", str(built)], check=True, capture_output=True)
        shipped = TRANSLATIONS_DIR / f"directory_{language}.qm"
        assert built.read_bytes() == shipped.read_bytes(), f"{shipped.name} is stale"


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
